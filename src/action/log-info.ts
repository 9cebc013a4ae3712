import * as core from '@actions/core';
import { escapeLogLine } from '../core/text/index.js';

/**
 * Writes one plain log line, escaped so that no text in it (a file name, an item title) can start
 * a workflow command. Annotations go through `core.error`/`warning`/`notice`, which escape their own.
 */
export function logInfo(message: string): void {
  core.info(escapeLogLine(message));
}
