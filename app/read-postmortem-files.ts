import type { FileContent } from '../src/core/check/index.js';
import type { Config } from '../src/core/config/index.js';
import type { RepoFilesPort } from '../src/core/ports/index.js';
import { parseOptionsFromConfig } from '../src/core/config/index.js';
import type { Postmortem } from '../src/core/model/index.js';
import { prepareText, tooLargePostmortem, type PreparedText } from '../src/core/read/index.js';
import { readLimits, type ReadLimits } from '../src/core/read/index.js';
import { isUnread, unreadPostmortem } from '../src/core/read/index.js';
import { parseInWorker } from '../src/io/parse-in-worker.js';
import type { ParsePool } from '../src/io/parse-pool.js';
import { postmortemPaths } from './postmortem-paths.js';

/** The post-mortems of a commit, and those listed but not read (with why). */
export interface PostmortemFiles {
  /** Parsed in the worker pool; one over `limits.maxActionItems` has no items and a `too-many-action-items` error. */
  postmortems: Postmortem[];
  /** Paths listed but not read: empty, binary, undecodable, too large or too complex. */
  unreadable: string[];
  /** One sentence per unread path, naming the file and what was found. */
  problems: string[];
  /** Bytes read (files over `limits.maxFileBytes` are not read). */
  bytes: number;
}

/**
 * Reads every post-mortem under the configured paths at `sha` (one tree listing, then batched
 * reads of the bytes), decodes them as every host does, and parses them in the worker pool within
 * `config.limits`.
 */
export async function readPostmortemFiles(
  repoFiles: RepoFilesPort,
  sha: string,
  config: Config,
  pool?: ParsePool,
): Promise<PostmortemFiles> {
  const filter = postmortemPaths(config);
  const listing = (await repoFiles.listFiles(sha, filter.prefixes)).filter((entry) =>
    filter.matches(entry.path),
  );
  // A symbolic link's blob is its target's name: never read as a post-mortem, and its issues stay.
  const links = listing
    .filter((entry) => entry.symlink === true)
    .map((entry) =>
      unreadPostmortem(
        entry.path,
        'file-unreadable',
        `${entry.path} is a symbolic link; post-mortems are read only from regular files`,
      ),
    );
  const paths = listing
    .filter((entry) => entry.symlink !== true)
    .map((entry) => entry.path)
    .sort();
  const { prepared, bytes } = await preparePostmortems(
    repoFiles,
    sha,
    paths,
    readLimits(config.limits),
  );
  const options = parseOptionsFromConfig(config);
  const postmortems: Postmortem[] = [];
  const unreadable: string[] = [];
  const problems: string[] = [];
  const parsed: Array<Postmortem | null> = [...links];
  parsed.push(
    ...(await Promise.all(
      paths.map(async (path) => {
        const read = prepared.get(path);
        if (read === undefined) return null;
        return read.ok ? parseInWorker(read.text, path, options, pool) : read.postmortem;
      }),
    )),
  );
  for (const pm of parsed) {
    if (pm === null) continue;
    const unread = isUnread(pm) ? pm.diagnostics.find((d) => d.rule !== 'parse-error') : undefined;
    if (unread === undefined) {
      postmortems.push(pm);
    } else {
      unreadable.push(pm.path);
      problems.push(unread.message);
    }
  }
  return { postmortems, unreadable, problems, bytes };
}

/**
 * What the pull-request check reads at `sha`: each file's text, decoded and bounded as every host
 * does, or the sentence saying why it is unreadable.
 */
export async function readPostmortemContents(
  repoFiles: RepoFilesPort,
  sha: string,
  paths: readonly string[],
  config: Config,
): Promise<Map<string, FileContent>> {
  const { prepared } = await preparePostmortems(repoFiles, sha, paths, readLimits(config.limits));
  const contents = new Map<string, FileContent>();
  for (const path of paths) {
    const read = prepared.get(path);
    if (read === undefined)
      contents.set(path, { unreadable: `${path} could not be read at ${sha.slice(0, 7)}.` });
    else if (read.ok) contents.set(path, { text: read.text });
    else {
      const why = read.postmortem.diagnostics[0];
      contents.set(path, {
        unreadable: why?.message ?? `${path} is unreadable.`,
        rule: why?.rule ?? 'file-unreadable',
      });
    }
  }
  return contents;
}

async function preparePostmortems(
  repoFiles: RepoFilesPort,
  sha: string,
  paths: readonly string[],
  limits: ReadLimits,
): Promise<{ prepared: Map<string, PreparedText>; bytes: number }> {
  const contents = await repoFiles.readBytes(sha, paths, limits.maxFileBytes);
  const out = new Map<string, PreparedText>();
  let bytes = 0;
  for (const [path, content] of contents) {
    if ('bytes' in content) {
      bytes += content.bytes.length;
      out.set(path, prepareText(content.bytes, path, limits));
    } else {
      out.set(path, { ok: false, postmortem: tooLargePostmortem(path, content.tooLarge, limits) });
    }
  }
  return { prepared: out, bytes };
}
