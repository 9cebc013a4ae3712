/** A file-system problem the user can fix (missing path, unreadable file); adapters report it and exit. */
export class IoError extends Error {
  override name = 'IoError';
}
