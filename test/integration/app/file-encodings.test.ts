import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { createOctokitRepoFiles } from '../../../src/github/octokit-repo-files.js';
import { assertContractsAfterEach } from '../../support/contract-guard.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';
import { flattenTree } from '../../support/stand-in-state.js';
import { postmortemText } from './fixtures.js';
import { createTestProbot, deliver, pullRequestOpened, standInWithRepo } from './harness.js';

assertContractsAfterEach();

const CONFIG = '.github/postmortem-tracker.yml';
const TEXT = postmortemText({
  title: 'Cache outage',
  items: [{ text: 'Alert on eviction limit', owner: '@alice', due: '2026-03-01' }],
});

/** Replaces the committed bytes of `files` at `sha` (the stand-in commits text only). */
function setBytes(standIn: GitHubStandIn, sha: string, files: Record<string, Buffer>): void {
  const git = standIn.repo('acme', 'payments').git;
  const blobs = flattenTree(git, git.commits.get(sha)!.tree);
  for (const [path, bytes] of Object.entries(files)) git.blobs.set(blobs.get(path)!, bytes);
}

const utf16le = (s: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

describe('reading post-mortem bytes through the API', () => {
  it('reads text as committed, fetches binary or undecodable blobs as bytes, and does not download a file over the limit', async () => {
    const standIn = createGitHubStandIn({ warnOnViolation: false });
    standIn.addRepo({ owner: 'acme', repo: 'payments' });
    const sha = standIn.commitFiles('acme', 'payments', {
      'postmortems/a.md': 'one',
      'postmortems/utf16.md': 'two',
      'postmortems/latin1.md': 'three',
      'postmortems/big.md': 'four',
    });
    setBytes(standIn, sha, {
      'postmortems/a.md': Buffer.from('# A\r\n'),
      'postmortems/utf16.md': utf16le('# B\n'),
      'postmortems/latin1.md': Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
      'postmortems/big.md': Buffer.alloc(2_000, 0x61),
    });
    const Octokit = ProbotOctokit.defaults({
      request: { fetch: standIn.fetch },
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    const port = createOctokitRepoFiles(new Octokit({ auth: { token: 't' } }), {
      owner: 'acme',
      repo: 'payments',
    });

    const read = await port.readBytes(
      sha,
      [
        'postmortems/a.md',
        'postmortems/utf16.md',
        'postmortems/latin1.md',
        'postmortems/big.md',
        'postmortems/gone.md',
      ],
      1_000,
    );

    const bytes = (path: string) => {
      const content = read.get(path);
      return content && 'bytes' in content ? Buffer.from(content.bytes) : content;
    };
    expect(bytes('postmortems/a.md')).toEqual(Buffer.from('# A\r\n'));
    expect(bytes('postmortems/utf16.md')).toEqual(utf16le('# B\n'));
    expect(bytes('postmortems/latin1.md')).toEqual(
      Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
    );
    expect(read.get('postmortems/big.md')).toEqual({ tooLarge: 2_000 });
    expect(read.has('postmortems/gone.md')).toBe(false);
    // One GraphQL query; a blob read only for the UTF-16 and the invalid UTF-8 file.
    expect(standIn.requests.count({ kind: 'graphql' })).toBe(1);
    expect(standIn.requests.count({ route: '/repos/{owner}/{repo}/git/blobs/{file_sha}' })).toBe(2);
  });
});

describe('the app check reads post-mortems as every host does', () => {
  it('decodes UTF-16 and CRLF files, and names what it found in an empty, binary or invalid UTF-8 file', async () => {
    const env = standInWithRepo({ files: { [CONFIG]: 'check:\n  failOn: error\n' } });
    const paths = {
      utf16: 'postmortems/2026-02-01-utf16.md',
      crlf: 'postmortems/2026-02-02-crlf.md',
      empty: 'postmortems/2026-02-03-empty.md',
      binary: 'postmortems/2026-02-04-binary.md',
      latin1: 'postmortems/2026-02-05-latin1.md',
    };
    const issue = env.standIn.addPull('acme', 'payments', {
      title: 'Add post-mortems',
      head: 'pm-encodings',
      files: Object.fromEntries(Object.values(paths).map((p) => [p, `placeholder ${p}\n`])),
    });
    const pull = issue.pull!;
    setBytes(env.standIn, pull.head.sha, {
      [paths.utf16]: utf16le(TEXT),
      [paths.crlf]: Buffer.from(TEXT.replaceAll('\n', '\r\n')),
      [paths.empty]: Buffer.alloc(0),
      [paths.binary]: Buffer.concat([Buffer.from('# Title\n'), Buffer.from([0, 1, 2, 3])]),
      [paths.latin1]: Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    });
    const payload = pullRequestOpened(env.installation.id, issue);
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'pull_request', payload);

    const run = [...env.repo.checkRuns.values()][0]!;
    const byPath = (path: string) => run.annotations.filter((a) => a.path === path);
    expect(byPath(paths.utf16)).toEqual([]);
    expect(byPath(paths.crlf)).toEqual([]);
    const unreadable = (path: string, found: string) =>
      expect(byPath(path)).toEqual([
        expect.objectContaining({
          title: 'file-unreadable',
          annotation_level: 'failure',
          message: expect.stringContaining(`${path} is unreadable: ${found}`),
        }),
      ]);
    unreadable(paths.empty, 'empty file');
    unreadable(paths.binary, 'binary content (NUL byte at offset 8)');
    unreadable(paths.latin1, 'invalid UTF-8 at byte 5');
    expect(run.conclusion).toBe('failure');
    env.standIn.assertNoContractViolations();
  });
});
