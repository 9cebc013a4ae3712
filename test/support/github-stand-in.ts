/**
 * A stateful, in-memory GitHub for integration tests, reachable as Octokit's `request.fetch`
 * or as a real HTTP server on 127.0.0.1. Every request is contract-checked first (REST against
 * @octokit/openapi, GraphQL against @octokit/graphql-schema). See test/support/README.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkContract, type ContractErrorEntry } from './openapi-contract.js';
import { handleGraphql, isGraphqlWrite } from './graphql-handler.js';
import {
  HttpError,
  commitChanges,
  diffFiles,
  routes,
  type Reply,
  type RouteContext,
} from './rest-routes.js';
import { planningRoutes } from './planning-routes.js';
import {
  createState,
  ensureUser,
  flattenTree,
  nextId,
  repoKey,
  resolveCommitish,
  writeCommit,
  writeFiles,
  type CommentState,
  type DiscussionCategoryState,
  type DiscussionState,
  type InstallationState,
  type IssueState,
  type LabelState,
  type MilestoneState,
  type RepoState,
  type StandInState,
} from './stand-in-state.js';

type Json = Record<string, unknown>;

/** One logged request. */
export interface RequestRecord {
  kind: 'rest' | 'graphql';
  method: string;
  /** Path without the query string (and without a GHES `/api/v3` prefix). */
  path: string;
  query: string;
  /** OpenAPI route template (`/repos/{owner}/{repo}/issues`), `graphql`, or null for unknown routes. */
  route: string | null;
  /** GraphQL: the operation name, or the first root field when the operation is anonymous. */
  operation: string | null;
  status: number;
  /** Whether the request writes (non-GET REST except token minting; GraphQL mutations). */
  write: boolean;
  body: unknown;
  /** Fault rule that answered it, if any. */
  fault: string | null;
  /** When it arrived, by the stand-in's clock (ISO, milliseconds kept). */
  at: string;
}

/** A filter for counting requests: fields to match, or a predicate. */
export type RequestFilter =
  | Partial<Pick<RequestRecord, 'kind' | 'method' | 'route' | 'status' | 'write' | 'operation'>>
  | ((r: RequestRecord) => boolean);

/** The request log with helpers. */
export interface RequestLog {
  /** Every request, oldest first. */
  readonly all: RequestRecord[];
  /** Number of requests matching the filter (all when omitted), optionally only after a `mark()`. */
  count(filter?: RequestFilter, since?: number): number;
  /** Requests matching the filter. */
  filter(filter?: RequestFilter, since?: number): RequestRecord[];
  /** Number of write requests. */
  writes(since?: number): number;
  /** A position in the log, for `count(filter, mark)`. */
  mark(): number;
  clear(): void;
}

/** A request the stand-in refused because it breaks GitHub's contract (or hit an unimplemented route). */
export interface ContractViolation {
  kind: 'unknown-route' | 'invalid-request' | 'unimplemented' | 'graphql-invalid';
  method: string;
  path: string;
  route: string | null;
  status: number;
  message: string;
  errors: unknown[];
}

/** What an injected fault answers. */
export interface FaultAnswer {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** Replaces the whole body when given. */
  body?: unknown;
  /** Serve the request first (state changes), then answer with the fault: a lost response. */
  afterApplying?: boolean;
  /** Fail at the transport instead: fetch rejects (`TypeError: fetch failed`), the server drops the socket. */
  networkError?: boolean;
}

/** Which requests a fault applies to. */
export interface FaultMatch {
  method?: string;
  route?: string;
  kind?: 'rest' | 'graphql';
  /** Only writes count and fire. */
  writesOnly?: boolean;
  /** Fires from the nth matching request (1-based, counted from when the fault was added). Default 1. */
  nth?: number;
  /** How many consecutive matching requests it answers. Default 1; Infinity for all. */
  times?: number;
}

/** Fault injection controls. */
export interface Faults {
  /** Answers the nth write (from now) with `answer` (default 500). */
  failNthWrite(n: number, answer?: Partial<FaultAnswer>): void;
  /** Serves the nth write, then answers 502 as if the response were lost on the way back. */
  loseNthWriteResponse(n: number, answer?: Partial<FaultAnswer>): void;
  /** The nth write fails at the transport (fetch rejects); `afterApplying` serves it first. */
  networkErrorOnNthWrite(n: number, options?: { afterApplying?: boolean }): void;
  /** Answers the nth write (default 1) with 403 secondary rate limit and `retry-after` seconds (default 60). */
  secondaryRateLimit(options?: { nthWrite?: number; retryAfter?: number; times?: number }): void;
  /** Answers the nth request (default 1) with 403 primary rate limit (remaining 0, reset in `resetIn` s). */
  primaryRateLimit(options?: { nth?: number; resetIn?: number; times?: number }): void;
  /** Every write answers 403 "Resource not accessible by integration" (a read-only token). */
  readOnlyToken(): void;
  /**
   * Answers 403 secondary rate limit to a write that comes less than `minIntervalMs` (default
   * 1000) after the previous accepted write, by the stand-in's clock — GitHub's guidance for
   * content-creating requests.
   */
  enforceWritePacing(options?: { minIntervalMs?: number; retryAfter?: number }): void;
  /** A general rule. */
  add(match: FaultMatch, answer: FaultAnswer): void;
  /** Removes every rule. */
  clear(): void;
  /** Rules not yet exhausted. */
  readonly pending: number;
}

/** Options of the stand-in. */
export interface StandInOptions {
  /** The clock for every timestamp. Default: real time. */
  now?: () => Date;
  /** Login that requests act as (issue author, comment author). Default `postmortem-tracker[bot]`. */
  actor?: string;
  /** Print each contract violation to stderr as it happens. Default true. */
  warnOnViolation?: boolean;
  /** Answer 401 to requests without an Authorization header. Default false. */
  requireAuth?: boolean;
}

/** Repository seed. */
export interface RepoSeed {
  owner: string;
  repo: string;
  defaultBranch?: string;
  files?: Record<string, string>;
  /** Logins that can be assigned issues. */
  collaborators?: string[];
  hasDiscussions?: boolean;
  /** Discussion category names (or partial records). Default when discussions are on: GitHub's defaults. */
  categories?: Array<string | (Partial<DiscussionCategoryState> & { name: string })>;
  private?: boolean;
  hasIssues?: boolean;
}

/** Issue seed. */
export interface IssueSeed {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  state_reason?: IssueState['state_reason'];
  labels?: string[];
  assignees?: string[];
  milestone?: number | null;
  user?: string;
  created_at?: string;
  updated_at?: string;
  closed_at?: string | null;
}

/** Pull request seed: `files` are applied on a new commit of `head` on top of `base`. */
export interface PullSeed {
  title?: string;
  body?: string | null;
  head?: string;
  base?: string;
  /** path → new content (null deletes). */
  files?: Record<string, string | null>;
  state?: 'open' | 'closed';
  merged?: boolean;
  draft?: boolean;
  user?: string;
}

/** The stand-in. */
export interface GitHubStandIn {
  /** WHATWG fetch for `new Octokit({ request: { fetch } })` (any baseUrl; links point back at it). */
  fetch: typeof globalThis.fetch;
  /** Serves the same handler on 127.0.0.1 at a random port. */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
  state: StandInState;
  requests: RequestLog;
  contractViolations: ContractViolation[];
  /** Throws, listing them, when any contract violation was recorded. */
  assertNoContractViolations(): void;
  faults: Faults;
  /** ISO timestamp from the clock. */
  now(): string;
  addRepo(seed: RepoSeed): RepoState;
  /** The repository, or throws. */
  repo(owner: string, repo: string): RepoState;
  addCollaborator(owner: string, repo: string, login: string): void;
  addLabel(
    owner: string,
    repo: string,
    label: { name: string; color?: string; description?: string | null },
  ): LabelState;
  addIssue(owner: string, repo: string, seed?: IssueSeed): IssueState;
  /** Seeds `count` issues; `seed(i)` (0-based) customises each. */
  addIssues(
    owner: string,
    repo: string,
    count: number,
    seed?: (i: number) => IssueSeed,
  ): IssueState[];
  addComment(
    owner: string,
    repo: string,
    issueNumber: number,
    body: string,
    user?: string,
  ): CommentState;
  addMilestone(
    owner: string,
    repo: string,
    seed: { title: string; due_on?: string | null; state?: 'open' | 'closed' },
  ): MilestoneState;
  /** Commits file changes (null deletes) to a branch (created from the default branch) and returns the sha. */
  commitFiles(
    owner: string,
    repo: string,
    files: Record<string, string | null>,
    options?: { branch?: string; message?: string },
  ): string;
  /** Files of a ref (default branch by default) as path → text. */
  files(owner: string, repo: string, ref?: string): Record<string, string>;
  addPull(owner: string, repo: string, seed?: PullSeed): IssueState;
  addInstallation(seed: {
    id?: number;
    account: string;
    accountType?: 'User' | 'Organization';
    repositories: string[];
    permissions?: Record<string, string>;
    events?: string[];
  }): InstallationState;
  addDiscussionCategory(owner: string, repo: string, name: string): DiscussionCategoryState;
  addDiscussion(
    owner: string,
    repo: string,
    seed: {
      title: string;
      body?: string;
      category: string;
      author?: string;
      /** Top-level comments, by the Discussion's author unless one is given. */
      comments?: Array<string | { body: string; author: string }>;
    },
  ): DiscussionState;
  setDiscussionsEnabled(owner: string, repo: string, enabled: boolean): void;
}

const DEFAULT_CATEGORIES = ['Announcements', 'General', 'Ideas', 'Polls', 'Q&A', 'Show and tell'];
const DOCS = 'https://docs.github.com/rest';
const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';
const SECONDARY_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  networkError?: boolean;
}

interface FaultRule {
  name: string;
  match: FaultMatch;
  answer: FaultAnswer;
  seen: number;
  fired: number;
}

function matches(record: RequestRecord, filter: RequestFilter | undefined): boolean {
  if (!filter) return true;
  if (typeof filter === 'function') return filter(record);
  return Object.entries(filter).every(([k, v]) => (record as unknown as Json)[k] === v);
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Creates a fresh stand-in with empty state. */
const everyStandIn: GitHubStandIn[] = [];

/** Every stand-in created in this test process, oldest first (see contract-guard.ts). */
export function createdStandIns(): readonly GitHubStandIn[] {
  return everyStandIn;
}

export function createGitHubStandIn(options: StandInOptions = {}): GitHubStandIn {
  const clock = options.now ?? (() => new Date());
  const now = (): string =>
    clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  const state = createState(options.actor ?? 'postmortem-tracker[bot]');
  state.rateLimit.resetAt = Math.floor(clock().getTime() / 1000) + 3600;
  const log: RequestRecord[] = [];
  const contractViolations: ContractViolation[] = [];
  let faultRules: FaultRule[] = [];
  let pacing: { minIntervalMs: number; retryAfter: number; last: number | null } | null = null;

  const requests: RequestLog = {
    all: log,
    count: (filter, since = 0) => log.slice(since).filter((r) => matches(r, filter)).length,
    filter: (filter, since = 0) => log.slice(since).filter((r) => matches(r, filter)),
    writes: (since = 0) => log.slice(since).filter((r) => r.write).length,
    mark: () => log.length,
    clear: () => {
      log.length = 0;
    },
  };

  const faults: Faults = {
    failNthWrite(n, answer = {}) {
      faults.add(
        { writesOnly: true, nth: n },
        { status: 500, message: 'Internal Server Error', ...answer },
      );
    },
    loseNthWriteResponse(n, answer = {}) {
      faults.add(
        { writesOnly: true, nth: n },
        { status: 502, message: 'Bad Gateway', ...answer, afterApplying: true },
      );
    },
    networkErrorOnNthWrite(n, { afterApplying = false } = {}) {
      faults.add({ writesOnly: true, nth: n }, { status: 0, networkError: true, afterApplying });
    },
    secondaryRateLimit({ nthWrite = 1, retryAfter = 60, times = 1 } = {}) {
      faults.add(
        { writesOnly: true, nth: nthWrite, times },
        {
          status: 403,
          headers: { 'retry-after': String(retryAfter) },
          body: { message: SECONDARY_MESSAGE, documentation_url: SECONDARY_DOCS },
        },
      );
    },
    primaryRateLimit({ nth = 1, resetIn = 60, times = 1 } = {}) {
      const reset = String(Math.floor(clock().getTime() / 1000) + resetIn);
      faults.add(
        { nth, times },
        {
          status: 403,
          message: 'API rate limit exceeded for installation ID 1.',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        },
      );
    },
    readOnlyToken() {
      faults.add(
        { writesOnly: true, times: Infinity },
        { status: 403, message: 'Resource not accessible by integration' },
      );
    },
    enforceWritePacing({ minIntervalMs = 1000, retryAfter = 60 } = {}) {
      pacing = { minIntervalMs, retryAfter, last: null };
    },
    add(match, answer) {
      faultRules.push({
        name: `fault#${faultRules.length + 1} ${answer.status}`,
        match,
        answer,
        seen: 0,
        fired: 0,
      });
    },
    clear() {
      faultRules = [];
      pacing = null;
    },
    get pending() {
      return faultRules.filter((r) => r.fired < (r.match.times ?? 1)).length;
    },
  };

  function pickFault(record: RequestRecord): FaultRule | null {
    if (pacing && record.write) {
      const at = clock().getTime();
      if (pacing.last !== null && at - pacing.last < pacing.minIntervalMs) {
        return {
          name: `pacing ${pacing.minIntervalMs}ms`,
          match: {},
          answer: {
            status: 403,
            headers: { 'retry-after': String(pacing.retryAfter) },
            body: { message: SECONDARY_MESSAGE, documentation_url: SECONDARY_DOCS },
          },
          seen: 0,
          fired: 0,
        };
      }
      pacing.last = at;
    }
    // Every matching rule counts the request, whichever rule answers it.
    let chosen: FaultRule | null = null;
    for (const rule of faultRules) {
      const m = rule.match;
      if (m.writesOnly && !record.write) continue;
      if (m.method && m.method.toUpperCase() !== record.method) continue;
      if (m.route && m.route !== record.route) continue;
      if (m.kind && m.kind !== record.kind) continue;
      rule.seen += 1;
      if (!chosen && rule.seen >= (m.nth ?? 1) && rule.fired < (m.times ?? 1)) {
        rule.fired += 1;
        chosen = rule;
      }
    }
    return chosen;
  }

  function violation(v: ContractViolation): void {
    contractViolations.push(v);
    if (options.warnOnViolation !== false) {
      process.stderr.write(
        `[github-stand-in] contract violation (${v.kind}) ${v.method} ${v.path}: ${v.message} ${JSON.stringify(v.errors)}\n`,
      );
    }
  }

  function rateHeaders(resource: 'core' | 'graphql'): Record<string, string> {
    const rl = state.rateLimit;
    const used = resource === 'core' ? rl.used : rl.graphqlUsed;
    return {
      'x-ratelimit-limit': String(rl.limit),
      'x-ratelimit-remaining': String(Math.max(0, rl.limit - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(rl.resetAt),
      'x-ratelimit-resource': resource,
    };
  }

  function respond(status: number, body: unknown, headers: Record<string, string>): Answer {
    const out: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `STANDIN:${log.length}`,
      ...headers,
    };
    if (status === 204 || status === 304 || body === undefined)
      return { status, headers: out, body: null };
    if (typeof body === 'string' && out['content-type']) return { status, headers: out, body };
    out['content-type'] ??= 'application/json; charset=utf-8';
    return { status, headers: out, body: JSON.stringify(body) };
  }

  function errorBody(status: number, message: string, errors?: unknown[]): Json {
    const body: Json = { message, documentation_url: DOCS, status: String(status) };
    if (errors && errors.length > 0) body['errors'] = errors;
    return body;
  }

  async function handle(
    method: string,
    rawUrl: string,
    headers: Headers,
    bodyText: string,
  ): Promise<Answer> {
    const url = new URL(rawUrl);
    let base = url.origin;
    let path = url.pathname;
    if (path.startsWith('/api/v3/') || path === '/api/v3') {
      base += '/api/v3';
      path = path.slice('/api/v3'.length) || '/';
    }
    if (path === '/api/graphql') path = '/graphql';
    method = method.toUpperCase();
    const auth = headers.get('authorization') ?? '';
    const token = auth.replace(/^(token|bearer)\s+/i, '');
    const installationId = state.tokens.get(token) ?? null;
    const isGraphql = path === '/graphql' && method === 'POST';
    const record: RequestRecord = {
      kind: isGraphql ? 'graphql' : 'rest',
      method,
      path,
      query: url.search,
      route: isGraphql ? 'graphql' : null,
      operation: null,
      status: 0,
      write: false,
      body: undefined,
      fault: null,
      at: clock().toISOString(),
    };
    log.push(record);
    if (isGraphql) state.rateLimit.graphqlUsed += 1;
    else state.rateLimit.used += 1;
    const rate = rateHeaders(isGraphql ? 'graphql' : 'core');
    const finish = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      record.status = status;
      return respond(status, body, { ...rate, ...extra });
    };

    let body: unknown = undefined;
    const hasBody = bodyText.trim().length > 0;
    if (hasBody) {
      try {
        body = JSON.parse(bodyText);
      } catch {
        return finish(400, errorBody(400, 'Problems parsing JSON'));
      }
    }
    record.body = body;

    if (options.requireAuth && !auth) {
      return finish(401, errorBody(401, 'Requires authentication'));
    }

    if (isGraphql) {
      const payload = (body ?? {}) as Json;
      const write = isGraphqlWrite(payload);
      record.write = write.write;
      record.operation = write.operation;
      const fault = pickFault(record);
      if (fault && !fault.answer.afterApplying) return answerFault(fault);
      const result = handleGraphql(payload, { state, now, actor: state.actor, base });
      if (fault) return answerFault(fault);
      if (result.invalid) {
        violation({
          kind: 'graphql-invalid',
          method,
          path,
          route: 'graphql',
          status: 200,
          message: 'Invalid GraphQL document',
          errors: result.invalid,
        });
      }
      return finish(200, result.response);
    }

    const contract = checkContract(
      method,
      url.pathname.replace(/^\/api\/v3(?=\/)/, ''),
      url.searchParams,
      body,
      hasBody,
    );
    if (!contract.ok) {
      record.route = contract.operation?.route ?? null;
      violation({
        kind: contract.status === 404 ? 'unknown-route' : 'invalid-request',
        method,
        path,
        route: record.route,
        status: contract.status,
        message: contract.message,
        errors: contract.errors as ContractErrorEntry[],
      });
      return finish(contract.status, errorBody(contract.status, contract.message, contract.errors));
    }
    const op = contract.operation;
    record.route = op.route;
    record.write =
      !['GET', 'HEAD'].includes(method) &&
      op.route !== '/app/installations/{installation_id}/access_tokens';
    const handler = routes[`${method} ${op.route}`] ?? planningRoutes[`${method} ${op.route}`];
    if (!handler) {
      const message = `The GitHub stand-in does not implement ${method} ${op.route} (${op.operationId}) yet`;
      violation({
        kind: 'unimplemented',
        method,
        path,
        route: op.route,
        status: 501,
        message,
        errors: [],
      });
      return finish(501, errorBody(501, message));
    }
    const fault = pickFault(record);
    if (fault && !fault.answer.afterApplying) return answerFault(fault);

    const ctx: RouteContext = {
      state,
      base,
      params: op.params,
      query: url.searchParams,
      body: (body ?? {}) as Json,
      url: new URL(`${base}${path}${url.search}`),
      now,
      installationId,
      accept: headers.get('accept') ?? '',
    };
    try {
      const reply: Reply = handler(ctx);
      if (fault) return answerFault(fault);
      return finish(reply.status, reply.body, reply.headers);
    } catch (error) {
      if (fault) return answerFault(fault);
      if (error instanceof HttpError) {
        return finish(
          error.status,
          errorBody(error.status, error.message, error.errors),
          error.headers,
        );
      }
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`[github-stand-in] handler crashed on ${method} ${path}: ${message}\n`);
      return finish(500, errorBody(500, `stand-in handler crashed: ${String(error)}`));
    }

    function answerFault(rule: FaultRule): Answer {
      record.fault = rule.answer.afterApplying ? `${rule.name} (after applying)` : rule.name;
      const answer = rule.answer;
      if (answer.networkError) {
        record.status = 0;
        return { status: 0, headers: {}, body: null, networkError: true };
      }
      const body = answer.body ?? errorBody(answer.status, answer.message ?? 'Injected fault');
      return finish(answer.status, body, answer.headers ?? {});
    }
  }

  const fetchImpl = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const request = new Request(input, init);
    const text = request.body ? await request.text() : '';
    const result = await handle(request.method, request.url, request.headers, text);
    if (result.networkError) {
      throw new TypeError('fetch failed', { cause: new Error('ECONNRESET (stand-in fault)') });
    }
    const response = new Response(result.body, { status: result.status, headers: result.headers });
    // A network fetch sets Response.url; Octokit reads it (e.g. paginate on namespaced lists).
    Object.defineProperty(response, 'url', { value: request.url });
    return response;
  };

  async function listen(): Promise<{ url: string; close(): Promise<void> }> {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) {
          if (typeof v === 'string') headers.set(k, v);
          else if (Array.isArray(v)) headers.set(k, v.join(', '));
        }
        const address = server.address() as AddressInfo;
        handle(
          req.method ?? 'GET',
          `http://127.0.0.1:${address.port}${req.url ?? '/'}`,
          headers,
          Buffer.concat(chunks).toString('utf8'),
        ).then(
          (result) => {
            if (result.networkError) {
              res.destroy();
              return;
            }
            res.writeHead(result.status, result.headers);
            res.end(result.body ?? undefined);
          },
          (error: unknown) => {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ message: String(error) }));
          },
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections();
          server.close((err) => (err ? reject(err) : resolve()));
        }),
    };
  }

  // ---- seeding ----------------------------------------------------------------------------

  function repo(owner: string, name: string): RepoState {
    const found = state.repos.get(repoKey(owner, name));
    if (!found) throw new Error(`stand-in: no repository ${owner}/${name}; call addRepo first`);
    return found;
  }

  function addDiscussionCategory(
    owner: string,
    name: string,
    category: string | (Partial<DiscussionCategoryState> & { name: string }),
  ): DiscussionCategoryState {
    const r = repo(owner, name);
    const partial = typeof category === 'string' ? { name: category } : category;
    const id = nextId(state);
    const record: DiscussionCategoryState = {
      id: partial.id ?? `DIC_${Buffer.from(`category:${id}`).toString('base64url')}`,
      name: partial.name,
      slug: partial.slug ?? slugify(partial.name),
      emoji: partial.emoji ?? ':speech_balloon:',
      description: partial.description ?? '',
      isAnswerable: partial.isAnswerable ?? partial.name === 'Q&A',
    };
    r.discussionCategories.push(record);
    return record;
  }

  const standIn: GitHubStandIn = {
    fetch: fetchImpl as typeof globalThis.fetch,
    listen,
    state,
    requests,
    contractViolations,
    assertNoContractViolations() {
      if (contractViolations.length > 0) {
        const lines = contractViolations.map(
          (v) =>
            `- ${v.kind}: ${v.method} ${v.path} → ${v.status} ${v.message} ${JSON.stringify(v.errors)}`,
        );
        throw new Error(
          `GitHub stand-in recorded ${contractViolations.length} contract violation(s):\n${lines.join('\n')}`,
        );
      }
    },
    faults,
    now,
    repo,
    addRepo(seed) {
      const key = repoKey(seed.owner, seed.repo);
      if (state.repos.has(key))
        throw new Error(`stand-in: ${seed.owner}/${seed.repo} already exists`);
      ensureUser(state, seed.owner);
      const id = nextId(state);
      const r: RepoState = {
        id,
        node_id: `R_${Buffer.from(`repo:${id}`).toString('base64url')}`,
        owner: seed.owner,
        name: seed.repo,
        private: seed.private ?? false,
        defaultBranch: seed.defaultBranch ?? 'main',
        hasIssues: seed.hasIssues ?? true,
        hasDiscussionsEnabled: seed.hasDiscussions ?? false,
        collaborators: new Set(),
        nextNumber: 1,
        issues: new Map(),
        labels: new Map(),
        milestones: new Map(),
        comments: new Map(),
        checkRuns: new Map(),
        statuses: [],
        git: { blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map() },
        discussionCategories: [],
        discussions: new Map(),
        installationId: null,
      };
      state.repos.set(key, r);
      for (const login of seed.collaborators ?? [])
        standIn.addCollaborator(seed.owner, seed.repo, login);
      const tree = writeFiles(r.git, seed.files ?? {});
      const sha = writeCommit(r.git, {
        tree,
        parents: [],
        message: 'Initial commit',
        author: { name: seed.owner, email: `${seed.owner}@users.noreply.github.com`, date: now() },
      });
      r.git.refs.set(`refs/heads/${r.defaultBranch}`, sha);
      const categories = seed.categories ?? (r.hasDiscussionsEnabled ? DEFAULT_CATEGORIES : []);
      for (const c of categories) addDiscussionCategory(seed.owner, seed.repo, c);
      return r;
    },
    addCollaborator(owner, name, login) {
      ensureUser(state, login);
      repo(owner, name).collaborators.add(login.toLowerCase());
    },
    addLabel(owner, name, label) {
      const r = repo(owner, name);
      const record: LabelState = {
        id: nextId(state),
        name: label.name,
        color: (label.color ?? 'ededed').replace(/^#/, ''),
        description: label.description ?? null,
        default: false,
      };
      r.labels.set(label.name.toLowerCase(), record);
      return record;
    },
    addIssue(owner, name, seed = {}) {
      const r = repo(owner, name);
      const t = now();
      for (const l of seed.labels ?? [])
        if (!r.labels.has(l.toLowerCase())) standIn.addLabel(owner, name, { name: l });
      const state_ = seed.state ?? 'open';
      const number = r.nextNumber++;
      const issue: IssueState = {
        id: nextId(state),
        number,
        title: seed.title ?? `Issue ${number}`,
        body: seed.body === undefined ? '' : seed.body,
        state: state_,
        state_reason: seed.state_reason ?? (state_ === 'closed' ? 'completed' : null),
        labels: seed.labels ?? [],
        assignees: seed.assignees ?? [],
        milestone: seed.milestone ?? null,
        user: seed.user ?? state.actor,
        locked: false,
        comments: 0,
        created_at: seed.created_at ?? t,
        updated_at: seed.updated_at ?? seed.created_at ?? t,
        closed_at: seed.closed_at ?? (state_ === 'closed' ? t : null),
        pull: null,
      };
      r.issues.set(number, issue);
      return issue;
    },
    addIssues(owner, name, count, seed) {
      return Array.from({ length: count }, (_, i) =>
        standIn.addIssue(owner, name, seed ? seed(i) : {}),
      );
    },
    addComment(owner, name, issueNumber, body, user) {
      const r = repo(owner, name);
      const issue = r.issues.get(issueNumber);
      if (!issue) throw new Error(`stand-in: no issue #${issueNumber} in ${owner}/${name}`);
      const t = now();
      const c: CommentState = {
        id: nextId(state),
        issue_number: issueNumber,
        body,
        user: user ?? state.actor,
        created_at: t,
        updated_at: t,
      };
      r.comments.set(c.id, c);
      issue.comments += 1;
      return c;
    },
    addMilestone(owner, name, seed) {
      const r = repo(owner, name);
      const t = now();
      const m: MilestoneState = {
        id: nextId(state),
        number: r.milestones.size + 1,
        title: seed.title,
        description: null,
        state: seed.state ?? 'open',
        due_on: seed.due_on ?? null,
        created_at: t,
        updated_at: t,
        closed_at: seed.state === 'closed' ? t : null,
      };
      r.milestones.set(m.number, m);
      return m;
    },
    commitFiles(owner, name, files, opts = {}) {
      const r = repo(owner, name);
      const branch = opts.branch ?? r.defaultBranch;
      if (!r.git.refs.has(`refs/heads/${branch}`)) {
        const from = r.git.refs.get(`refs/heads/${r.defaultBranch}`);
        if (from) r.git.refs.set(`refs/heads/${branch}`, from);
      }
      const changes: Record<string, Buffer | null> = {};
      for (const [p, c] of Object.entries(files))
        changes[p] = c === null ? null : Buffer.from(c, 'utf8');
      return commitChanges(state, r, branch, changes, opts.message ?? 'Update files', now());
    },
    files(owner, name, ref) {
      const r = repo(owner, name);
      const sha = resolveCommitish(r.git, ref ?? r.defaultBranch);
      const commit = sha ? r.git.commits.get(sha) : undefined;
      if (!commit)
        throw new Error(`stand-in: no ref ${ref ?? r.defaultBranch} in ${owner}/${name}`);
      const out: Record<string, string> = {};
      for (const [p, blob] of flattenTree(r.git, commit.tree))
        out[p] = r.git.blobs.get(blob)?.toString('utf8') ?? '';
      return out;
    },
    addPull(owner, name, seed = {}) {
      const r = repo(owner, name);
      const base = seed.base ?? r.defaultBranch;
      const baseSha = resolveCommitish(r.git, base);
      if (!baseSha) throw new Error(`stand-in: no base branch ${base}`);
      const head = seed.head ?? `feature-${r.nextNumber}`;
      const headSha = standIn.commitFiles(owner, name, seed.files ?? {}, {
        branch: head,
        message: seed.title ?? 'Change',
      });
      const t = now();
      const number = r.nextNumber++;
      const merged = seed.merged ?? false;
      const issue: IssueState = {
        id: nextId(state),
        number,
        title: seed.title ?? `Pull ${number}`,
        body: seed.body ?? null,
        state: merged ? 'closed' : (seed.state ?? 'open'),
        state_reason: null,
        labels: [],
        assignees: [],
        milestone: null,
        user: seed.user ?? seed.head ?? owner,
        locked: false,
        comments: 0,
        created_at: t,
        updated_at: t,
        closed_at: merged || seed.state === 'closed' ? t : null,
        pull: {
          head: { ref: head, sha: headSha, repoFullName: `${owner}/${name}` },
          base: { ref: base, sha: baseSha },
          draft: seed.draft ?? false,
          merged,
          merged_at: merged ? t : null,
          files: diffFiles(r, baseSha, headSha),
        },
      };
      r.issues.set(number, issue);
      return issue;
    },
    addInstallation(seed) {
      const id = seed.id ?? nextId(state);
      const inst: InstallationState = {
        id,
        account: seed.account,
        accountType: seed.accountType ?? 'Organization',
        repositories: seed.repositories.map((r) => (r.includes('/') ? r : `${seed.account}/${r}`)),
        repositorySelection: 'selected',
        permissions: seed.permissions ?? {
          contents: 'read',
          issues: 'write',
          checks: 'write',
          discussions: 'write',
          pull_requests: 'read',
          metadata: 'read',
        },
        events: seed.events ?? ['pull_request', 'push', 'issues', 'installation_repositories'],
      };
      ensureUser(state, seed.account, 'Organization');
      state.installations.set(id, inst);
      for (const full of inst.repositories) {
        const r = state.repos.get(full.toLowerCase());
        if (r) r.installationId = id;
      }
      return inst;
    },
    addDiscussionCategory(owner, name, category) {
      return addDiscussionCategory(owner, name, category);
    },
    addDiscussion(owner, name, seed) {
      const r = repo(owner, name);
      const category = r.discussionCategories.find(
        (c) => c.name === seed.category || c.slug === seed.category,
      );
      if (!category)
        throw new Error(`stand-in: no discussion category ${seed.category} in ${owner}/${name}`);
      const t = now();
      const number = r.nextNumber++;
      const id = nextId(state);
      const d: DiscussionState = {
        id: `D_${Buffer.from(`discussion:${id}`).toString('base64url')}`,
        number,
        title: seed.title,
        body: seed.body ?? '',
        categoryId: category.id,
        author: seed.author ?? state.actor,
        createdAt: t,
        updatedAt: t,
        closed: false,
        comments: [],
      };
      for (const comment of seed.comments ?? []) {
        const cid = nextId(state);
        d.comments.push({
          id: `DC_${Buffer.from(`comment:${cid}`).toString('base64url')}`,
          databaseId: cid,
          body: typeof comment === 'string' ? comment : comment.body,
          author: typeof comment === 'string' ? d.author : comment.author,
          createdAt: t,
          updatedAt: t,
          replyToId: null,
        });
      }
      r.discussions.set(number, d);
      return d;
    },
    setDiscussionsEnabled(owner, name, enabled) {
      repo(owner, name).hasDiscussionsEnabled = enabled;
    },
  };
  everyStandIn.push(standIn);
  return standIn;
}

export type { StandInState, RepoState, IssueState } from './stand-in-state.js';
