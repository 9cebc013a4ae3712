import { truncate } from '../text/truncate.js';

/** Quotes user text for a message, shortened to keep one diagnostic on one line. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${truncate(flat, max)}"`;
}
