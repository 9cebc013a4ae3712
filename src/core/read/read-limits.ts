/** Bounds on what one post-mortem may cost to read and parse; every host applies the same ones. */
export interface ReadLimits {
  /** Largest file read, in bytes; larger ones are a `file-too-large` diagnostic, never read. */
  maxFileBytes: number;
  /** Most action items one file may have; beyond it the check fails and sync tracks none of them. */
  maxActionItems: number;
  /** Longest line, in characters, handed to the markdown parser. */
  maxLineLength: number;
  /** Deepest container nesting (block quotes and list items opened on one line) handed to the parser. */
  maxNesting: number;
  /** Milliseconds one file may take to parse (and lint) before it is a `file-too-complex` diagnostic. */
  parseTimeoutMs: number;
}

/** The limits used when the configuration sets none. */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 1_000_000,
  maxActionItems: 200,
  maxLineLength: 20_000,
  maxNesting: 32,
  parseTimeoutMs: 2_000,
};

/** The limits in effect: `partial` over {@link DEFAULT_READ_LIMITS}. */
export function readLimits(partial: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...partial };
}
