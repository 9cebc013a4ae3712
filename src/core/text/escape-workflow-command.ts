/**
 * Escapes text for a workflow command's message, or for a plain log line: `%`, CR and LF are
 * percent-encoded, so a file name holding `\n::add-mask::…` stays on its own line and is never obeyed.
 */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (`file=`, `title=`): as data, plus `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A plain log line that the runner cannot take for a command: data escaped as
 * {@link escapeCommandData}, and a leading `::` broken by a space.
 */
export function escapeLogLine(text: string): string {
  const escaped = escapeCommandData(text);
  return escaped.startsWith('::') ? ` ${escaped}` : escaped;
}
