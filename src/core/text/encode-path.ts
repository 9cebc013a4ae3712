/**
 * Percent-encodes each `/`-separated segment of a repository path for a URL, `( ) ' ! *` included,
 * so the result is also safe as a markdown link target.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[()'!*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}
