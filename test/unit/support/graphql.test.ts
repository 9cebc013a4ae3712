import { Octokit } from '@octokit/rest';
import { beforeEach, describe, expect, it } from 'vitest';
import { failed, succeeded } from '../../support/request-failure.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';
import { quietLog } from '../../support/quiet-log.js';

interface RepoQuery {
  repository: {
    id: string;
    hasDiscussionsEnabled: boolean;
    discussionCategories: { nodes: Array<{ id: string; name: string }> };
  };
}

describe('GitHub stand-in GraphQL', () => {
  let standIn: GitHubStandIn;
  let octokit: Octokit;
  let clock: Date;

  beforeEach(() => {
    clock = new Date('2026-03-02T09:00:00Z');
    standIn = createGitHubStandIn({ now: () => clock, warnOnViolation: false });
    standIn.addRepo({
      owner: 'acme',
      repo: 'web',
      hasDiscussions: true,
      categories: ['General', 'Ops digest'],
      files: {
        'postmortems/2026-01-db.md': '# DB outage\n',
        'postmortems/2026-02-dns.md': '# DNS\n',
        'logo.png': '\u0000PNG',
      },
    });
    octokit = new Octokit({ request: { fetch: standIn.fetch }, log: quietLog });
  });

  it('rejects a document that does not validate against GitHub schema with errors and status 200', async () => {
    const response = await standIn.fetch('https://api.github.com/graphql', {
      method: 'POST',
      body: JSON.stringify({
        query:
          '{ repository(owner: "acme", name: "web") { discussionz(first: 1) { totalCount } } }',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: Array<{ message: string }>; data?: unknown };
    expect(body.errors[0]?.message).toMatch(/discussionz/);
    expect(body.data).toBeUndefined();
    expect(standIn.contractViolations).toEqual([
      expect.objectContaining({ kind: 'graphql-invalid' }),
    ]);
    await expect(octokit.graphql('query { viewer { loginn } }')).rejects.toThrow(/loginn/);
  });

  it('rejects a connection without first/last and one above 100, as GitHub does', async () => {
    await expect(
      octokit.graphql('{ repository(owner: "acme", name: "web") { discussions { totalCount } } }'),
    ).rejects.toThrow(/must provide a `first` or `last`/);
    await expect(
      octokit.graphql(
        '{ repository(owner: "acme", name: "web") { discussions(first: 101) { totalCount } } }',
      ),
    ).rejects.toThrow(/limit of 100/);
  });

  it('creates a discussion, comments, updates the comment and pages comments — one round trip through state', async () => {
    const { repository } = await octokit.graphql<RepoQuery>(
      'query($o: String!, $n: String!) { repository(owner: $o, name: $n) { id hasDiscussionsEnabled discussionCategories(first: 10) { nodes { id name } } } }',
      { o: 'acme', n: 'web' },
    );
    const category = repository.discussionCategories.nodes.find((c) => c.name === 'Ops digest');
    expect(repository.hasDiscussionsEnabled).toBe(true);
    const created = await octokit.graphql<{
      createDiscussion: { discussion: { id: string; number: number; url: string } };
    }>(
      `mutation($input: CreateDiscussionInput!) { createDiscussion(input: $input) { discussion { id number url } } }`,
      {
        input: {
          repositoryId: repository.id,
          categoryId: category?.id,
          title: 'Weekly digest',
          body: 'intro',
        },
      },
    );
    const discussion = created.createDiscussion.discussion;
    expect(discussion.url).toBe(`https://github.com/acme/web/discussions/${discussion.number}`);
    const ids: string[] = [];
    for (const week of ['W10', 'W11', 'W12']) {
      clock = new Date(clock.getTime() + 7 * 86400_000);
      const added = await octokit.graphql<{
        addDiscussionComment: { comment: { id: string; url: string } };
      }>(
        'mutation($id: ID!, $body: String!) { addDiscussionComment(input: { discussionId: $id, body: $body }) { comment { id url } } }',
        { id: discussion.id, body: `digest ${week}` },
      );
      expect(added.addDiscussionComment.comment.url).toMatch(
        new RegExp(`/discussions/${discussion.number}#discussioncomment-\\d+$`),
      );
      ids.push(added.addDiscussionComment.comment.id);
    }
    await octokit.graphql(
      'mutation($id: ID!) { updateDiscussionComment(input: { commentId: $id, body: "digest W12 (updated)" }) { comment { id } } }',
      { id: ids[2] },
    );
    await octokit.graphql(
      'mutation($id: ID!) { updateDiscussion(input: { discussionId: $id, title: "Ops digest" }) { discussion { id } } }',
      { id: discussion.id },
    );

    type Page = {
      repository: {
        discussion: {
          title: string;
          comments: {
            nodes: Array<{ body: string; author: { login: string } }>;
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      };
    };
    const q = `query($n: Int!, $after: String) { repository(owner: "acme", name: "web") { discussion(number: $n) { title comments(first: 2, after: $after) { nodes { body createdAt author { login } } pageInfo { hasNextPage endCursor } } } } }`;
    const p1 = await octokit.graphql<Page>(q, { n: discussion.number });
    const p2 = await octokit.graphql<Page>(q, {
      n: discussion.number,
      after: p1.repository.discussion.comments.pageInfo.endCursor,
    });
    expect(p1.repository.discussion.title).toBe('Ops digest');
    expect(p1.repository.discussion.comments.pageInfo.hasNextPage).toBe(true);
    expect(
      [...p1.repository.discussion.comments.nodes, ...p2.repository.discussion.comments.nodes].map(
        (c) => c.body,
      ),
    ).toEqual(['digest W10', 'digest W11', 'digest W12 (updated)']);
    expect(p2.repository.discussion.comments.pageInfo.hasNextPage).toBe(false);
    expect(p1.repository.discussion.comments.nodes[0]?.author.login).toBe('postmortem-tracker');

    const list = await octokit.graphql<{
      repository: { discussions: { nodes: Array<{ title: string }> } };
    }>(
      'query($c: ID) { repository(owner: "acme", name: "web") { discussions(first: 10, categoryId: $c, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { title } } } }',
      { c: category?.id },
    );
    expect(list.repository.discussions.nodes.map((d) => d.title)).toEqual(['Ops digest']);
    const tooLong = await octokit
      .graphql(
        'mutation($id: ID!, $body: String!) { addDiscussionComment(input: { discussionId: $id, body: $body }) { comment { id } } }',
        { id: discussion.id, body: 'x'.repeat(65_537) },
      )
      .then(succeeded, failed);
    expect(tooLong.errors?.[0]?.type).toBe('UNPROCESSABLE');
    standIn.assertNoContractViolations();
  });

  it('shows no categories and refuses createDiscussion when Discussions are disabled', async () => {
    const { repository } = await octokit.graphql<RepoQuery>(
      '{ repository(owner: "acme", name: "web") { id hasDiscussionsEnabled discussionCategories(first: 10) { nodes { id name } } } }',
    );
    const categoryId = repository.discussionCategories.nodes[0]?.id;
    standIn.setDiscussionsEnabled('acme', 'web', false);
    const after = await octokit.graphql<RepoQuery>(
      '{ repository(owner: "acme", name: "web") { id hasDiscussionsEnabled discussionCategories(first: 10) { nodes { id name } } } }',
    );
    expect(after.repository.hasDiscussionsEnabled).toBe(false);
    expect(after.repository.discussionCategories.nodes).toEqual([]);
    const error = await octokit
      .graphql(
        'mutation($input: CreateDiscussionInput!) { createDiscussion(input: $input) { discussion { id } } }',
        {
          input: { repositoryId: repository.id, categoryId, title: 't', body: 'b' },
        },
      )
      .then(succeeded, failed);
    expect(error.errors?.[0]?.type).toBe('UNPROCESSABLE');
    expect(standIn.repo('acme', 'web').discussions.size).toBe(0);
  });

  it('reads many files and a directory in one query with aliases on object(expression)', async () => {
    type Files = Record<
      string,
      {
        text?: string | null;
        isBinary?: boolean;
        entries?: Array<{ name: string; type: string; object: { text?: string | null } }>;
      } | null
    >;
    const data = await octokit.graphql<{ repository: Files }>(`{
      repository(owner: "acme", name: "web") {
        f0: object(expression: "HEAD:postmortems/2026-01-db.md") { ... on Blob { text byteSize isBinary } }
        f1: object(expression: "main:postmortems/2026-02-dns.md") { ... on Blob { text } }
        bin: object(expression: "HEAD:logo.png") { ... on Blob { text isBinary } }
        missing: object(expression: "HEAD:nope.md") { ... on Blob { text } }
        dir: object(expression: "main:postmortems") { ... on Tree { entries { name path type object { ... on Blob { text } } } } }
      }
    }`);
    const r = data.repository;
    expect(r['f0']).toEqual({ text: '# DB outage\n', byteSize: 12, isBinary: false });
    expect(r['f1']?.text).toBe('# DNS\n');
    expect(r['bin']).toEqual({ text: null, isBinary: true });
    expect(r['missing']).toBeNull();
    expect(r['dir']?.entries?.map((e) => [e.name, e.type, e.object.text])).toEqual([
      ['2026-01-db.md', 'blob', '# DB outage\n'],
      ['2026-02-dns.md', 'blob', '# DNS\n'],
    ]);
    expect(standIn.requests.count({ kind: 'graphql' })).toBe(1);
  });

  it('lists issues with labels and states filters and cursor pagination', async () => {
    standIn.addIssues('acme', 'web', 150, (i) => ({
      labels: i % 3 === 0 ? ['postmortem', 'sev1'] : ['other'],
      state: i % 2 === 0 ? 'open' : 'closed',
      assignees: [],
    }));
    type Page = {
      repository: {
        issues: {
          totalCount: number;
          nodes: Array<{
            number: number;
            state: string;
            labels: { nodes: Array<{ name: string }> };
          }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const q = `query($after: String) { repository(owner: "acme", name: "web") {
      issues(first: 100, after: $after, labels: ["postmortem"], states: [OPEN, CLOSED]) {
        totalCount nodes { number state labels(first: 10) { nodes { name } } } pageInfo { hasNextPage endCursor }
      } } }`;
    const p1 = await octokit.graphql<Page>(q);
    expect(p1.repository.issues.totalCount).toBe(50);
    expect(p1.repository.issues.pageInfo.hasNextPage).toBe(false);
    expect(p1.repository.issues.nodes[0]).toEqual({
      number: 1,
      state: 'OPEN',
      labels: { nodes: [{ name: 'postmortem' }, { name: 'sev1' }] },
    });
    const open = await octokit.graphql<Page>(
      `{ repository(owner: "acme", name: "web") { issues(first: 100, states: [OPEN]) { totalCount nodes { number state labels(first: 1) { nodes { name } } } pageInfo { hasNextPage endCursor } } } }`,
    );
    expect(open.repository.issues.totalCount).toBe(75);
  });

  it('answers rateLimit and a NOT_FOUND error for an unknown repository', async () => {
    const rl = await octokit.graphql<{ rateLimit: { remaining: number; limit: number } }>(
      '{ rateLimit { remaining limit cost resetAt } }',
    );
    expect(rl.rateLimit).toMatchObject({ limit: 5000, remaining: 4999 });
    const error = await octokit
      .graphql('{ repository(owner: "acme", name: "nope") { id } }')
      .then(succeeded, failed);
    expect(error.errors?.[0]?.type).toBe('NOT_FOUND');
  });
});
