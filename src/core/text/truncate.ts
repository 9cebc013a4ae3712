/** `text` unchanged when at most `max` characters long, else its first `max - 1` characters and "…". */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
