/** The first config file name, the one documented and written by `init`. */
export const DEFAULT_CONFIG_FILE = '.github/postmortem-tracker.yml';

/** Where a repository keeps its config, in the order every host looks (Action, CLI and app alike). */
export const CONFIG_FILE_NAMES: readonly string[] = [
  DEFAULT_CONFIG_FILE,
  '.github/postmortem-tracker.yaml',
];

/**
 * Largest config file read, in bytes (a real one is a few KB): a larger one is refused unread,
 * which bounds the YAML parse of a hostile config to well under a second.
 */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** Whether a repository path is one of the config file names. */
export function isConfigPath(path: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.replace(/^\.\//, ''));
}
