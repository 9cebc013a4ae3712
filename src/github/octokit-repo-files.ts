import type { GitHubClient } from '../core/ports/index.js';
import type { RepoRef } from '../core/ports/index.js';
import {
  REPO_FILES_BATCH,
  type RepoFileBytes,
  type RepoFileEntry,
  type RepoFilesPort,
} from '../core/ports/index.js';

/** The members of an Octokit instance the repository-files reader uses. */
export type RepoFilesOctokit = Pick<GitHubClient, 'request' | 'graphql'>;

interface TreeEntry {
  path: string;
  mode?: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

interface TreeResponse {
  tree: TreeEntry[];
  truncated: boolean;
}

interface BlobNode {
  oid: string;
  byteSize?: number;
  text: string | null;
  isBinary: boolean | null;
  isTruncated: boolean;
}

interface BlobsResponse {
  repository: Record<string, BlobNode | null> | null;
}

/**
 * A {@link RepoFilesPort} over the GitHub API: `GET git/trees/{ref}?recursive=1` for the listing
 * (walking sub-trees only when GitHub truncates a huge tree), and one GraphQL query with one
 * aliased `object(expression: "REF:path")` per file for every {@link REPO_FILES_BATCH} files.
 */
export function createOctokitRepoFiles(
  octokit: RepoFilesOctokit,
  repository: RepoRef,
): RepoFilesPort {
  const { owner, repo } = repository;

  async function tree(sha: string, recursive: boolean): Promise<TreeResponse> {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner,
      repo,
      tree_sha: sha,
      ...(recursive ? { recursive: '1' } : {}),
    });
    return data as TreeResponse;
  }

  async function walk(
    sha: string,
    base: string,
    prefixes: readonly string[],
    out: RepoFileEntry[],
  ): Promise<void> {
    const full = await tree(sha, true);
    if (!full.truncated) {
      for (const entry of full.tree) {
        if (entry.type === 'blob') out.push(fileEntry(base + entry.path, entry));
      }
      return;
    }
    // Truncated (over ~100k entries): list this level only and descend into the relevant sub-trees.
    const level = await tree(sha, false);
    for (const entry of level.tree) {
      const path = base + entry.path;
      if (entry.type === 'blob') out.push(fileEntry(path, entry));
      else if (entry.type === 'tree' && isRelevantDirectory(`${path}/`, prefixes))
        await walk(entry.sha, `${path}/`, prefixes, out);
    }
  }

  async function queryBlobs(
    ref: string,
    paths: readonly string[],
  ): Promise<Record<string, BlobNode | null>> {
    const variables: Record<string, unknown> = { owner, name: repo };
    const declarations = ['$owner: String!', '$name: String!'];
    const fields: string[] = [];
    paths.forEach((path, i) => {
      variables[`e${i}`] = `${ref}:${path}`;
      declarations.push(`$e${i}: String!`);
      fields.push(
        `f${i}: object(expression: $e${i}) { ... on Blob { oid byteSize text isBinary isTruncated } }`,
      );
    });
    const query = `query(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { ${fields.join(' ')} } }`;
    const data = await octokit.graphql<BlobsResponse>(query, variables);
    return data.repository ?? {};
  }

  async function readBatch(
    ref: string,
    paths: readonly string[],
    out: Map<string, string>,
  ): Promise<void> {
    const found = await queryBlobs(ref, paths);
    for (const [i, path] of paths.entries()) {
      const node = found[`f${i}`];
      if (!node || node.isBinary === true) continue;
      if (node.isTruncated || node.text === null) {
        // GraphQL truncates very large blobs; the REST blob endpoint returns them whole.
        const text = await readBlob(node.oid);
        if (text !== null) out.set(path, text);
      } else {
        out.set(path, node.text);
      }
    }
  }

  async function readBlob(sha: string): Promise<string | null> {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      owner,
      repo,
      file_sha: sha,
    });
    const blob = data as { content: string; encoding: string };
    if (blob.encoding !== 'base64') return blob.content;
    return Buffer.from(blob.content, 'base64').toString('utf8');
  }

  async function readBlobBytes(sha: string): Promise<Uint8Array> {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      owner,
      repo,
      file_sha: sha,
    });
    const blob = data as { content: string; encoding: string };
    return blob.encoding === 'base64'
      ? new Uint8Array(Buffer.from(blob.content, 'base64'))
      : new TextEncoder().encode(blob.content);
  }

  async function readBytesBatch(
    ref: string,
    paths: readonly string[],
    maxBytes: number,
    out: Map<string, RepoFileBytes>,
  ): Promise<void> {
    const found = await queryBlobs(ref, paths);
    for (const [i, path] of paths.entries()) {
      const node = found[`f${i}`];
      if (!node) continue;
      if (node.byteSize !== undefined && node.byteSize > maxBytes) {
        out.set(path, { tooLarge: node.byteSize });
      } else if (
        node.isBinary === true ||
        node.isTruncated ||
        node.text === null ||
        node.text.includes('\uFFFD')
      ) {
        // GitHub's text is a guess (binary, truncated, or with invalid bytes replaced): decide from the bytes.
        const bytes = await readBlobBytes(node.oid);
        out.set(path, bytes.length > maxBytes ? { tooLarge: bytes.length } : { bytes });
      } else {
        out.set(path, { bytes: new TextEncoder().encode(node.text) });
      }
    }
  }

  return {
    async listFiles(ref, prefixes = []) {
      const out: RepoFileEntry[] = [];
      await walk(ref, '', prefixes, out);
      return out;
    },
    async readFiles(ref, paths) {
      const out = new Map<string, string>();
      const unique = [...new Set(paths)];
      for (let i = 0; i < unique.length; i += REPO_FILES_BATCH) {
        await readBatch(ref, unique.slice(i, i + REPO_FILES_BATCH), out);
      }
      return out;
    },
    async readBytes(ref, paths, maxBytes) {
      const out = new Map<string, RepoFileBytes>();
      const unique = [...new Set(paths)];
      for (let i = 0; i < unique.length; i += REPO_FILES_BATCH) {
        await readBytesBatch(ref, unique.slice(i, i + REPO_FILES_BATCH), maxBytes, out);
      }
      return out;
    },
  };
}

/** Git's mode of a symbolic link: its blob holds the link's target, not a file's content. */
const SYMLINK_MODE = '120000';

function fileEntry(path: string, entry: TreeEntry): RepoFileEntry {
  const file: RepoFileEntry = { path, sha: entry.sha, size: entry.size ?? null };
  if (entry.mode === SYMLINK_MODE) file.symlink = true;
  return file;
}

/** Whether directory `dir` (ending in `/`) is inside one of `prefixes` or leads to one; no prefixes means all. */
function isRelevantDirectory(dir: string, prefixes: readonly string[]): boolean {
  if (prefixes.length === 0) return true;
  return prefixes.some(
    (prefix) => prefix === '' || prefix.startsWith(dir) || dir.startsWith(prefix),
  );
}
