const cache = new Map<string, RegExp>();

/**
 * Whether a repository-relative POSIX path matches a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`),
 * as the `paths` and `exclude` settings are written. `*` and `?` never cross a `/`.
 */
export function matchesGlob(path: string, glob: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    re = new RegExp(`^${globSource(glob.replace(/^\.\//, ''))}$`);
    cache.set(glob, re);
  }
  return re.test(path.replace(/^\.\//, ''));
}

/** Whether a path is selected by `paths` and not dropped by `exclude`. */
export function inScope(
  path: string,
  paths: readonly string[],
  exclude: readonly string[],
): boolean {
  return paths.some((g) => matchesGlob(path, g)) && !exclude.some((g) => matchesGlob(path, g));
}

function globSource(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const slashAfter = glob[i + 2] === '/';
      if (atStart && slashAfter) {
        out += '(?:[^/]*(?:/|$))*';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return out;
}
