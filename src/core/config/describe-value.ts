import type { KeyPath } from './index-yaml.js';

// A key shown in a message: short and word-like, as config keys, rule ids and aliases are.
// Anything else (a token pasted as a key, a line of a file reached through a symlink) is not echoed.
const SHOWN_KEY = /^[A-Za-z0-9_@][A-Za-z0-9_ @-]{0,31}$/;

/** Whether a key written in a config may be repeated in a diagnostic. */
export function isShownKey(key: string): boolean {
  return SHOWN_KEY.test(key) && !/ $/.test(key);
}

/** `sync.maxWrites`, `labels.extra[1]`; a key that is not word-like shows as `<key>`. */
export function formatPath(path: KeyPath): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      const name = isShownKey(p) ? p : '<key>';
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

/**
 * Names the kind of a bad value ("a string", "a list of 3 entries") without quoting it: a
 * config's values may be anything, secrets included.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (Array.isArray(value))
    return value.length === 0
      ? 'an empty list'
      : `a list of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  if (typeof value === 'object') return 'a mapping';
  return 'a value of another kind';
}
