/** A repository a job works on, and the installation whose token it uses. */
export interface JobRepo {
  installationId: number;
  owner: string;
  repo: string;
}

/** Sync repository R at the head of its default branch (at least commit `sha`, when known). */
export interface SyncJob extends JobRepo {
  kind: 'sync';
  /** The commit that asked for the sync (a push); the sync reads the branch's newest head. */
  sha: string | null;
  /** The repository's sync generation when enqueued; an older job than the newest is superseded. */
  generation: number;
  /** `https://github.com` or the GHES URL, for permalinks. */
  serverUrl: string;
  /** Why it was enqueued (push, installation, reconcile, continuation), for logs. */
  reason: string;
}

/** A push to R's default branch: sync when it touched a post-mortem or the config (read in the job). */
export interface PushJob extends JobRepo {
  kind: 'push';
  sha: string;
  /** Paths the push touched; null when the payload cannot tell (force-push, huge push). */
  paths: string[] | null;
  serverUrl: string;
}

/** Post repository R's digest for ISO week W. */
export interface DigestJob extends JobRepo {
  kind: 'digest';
  week: string;
}

/** Check pull request P at head commit H. */
export interface CheckJob extends JobRepo {
  kind: 'check';
  number: number;
  headSha: string;
}

/** A webhook event whose handler needs the event itself (tick-back), replayed as a Probot context. */
export interface EventJob {
  kind: 'event';
  installationId: number;
  id: string;
  name: string;
  payload: Record<string, unknown>;
}

/** Walk every installation: enqueue this week's digests (`plan-digests`) or a sync of every repository (`reconcile`). */
export interface WalkJob {
  kind: 'plan-digests' | 'reconcile';
}

/** Every kind of work the app queues. */
export type QueueJob = SyncJob | PushJob | DigestJob | CheckJob | EventJob | WalkJob;

/** `owner/repo`, lower-cased: the key of everything per repository. */
export function repoKey(job: Pick<JobRepo, 'owner' | 'repo'>): string {
  return `${job.owner}/${job.repo}`.toLowerCase();
}

/**
 * The job's id in the queue: equal ids are one job, so a redelivered webhook or a second
 * replica planning the same digest adds nothing. BullMQ ids may not contain `:`.
 */
export function jobId(job: QueueJob): string {
  switch (job.kind) {
    case 'sync':
      return `sync@${repoKey(job)}@${job.generation}`;
    case 'push':
      return `push@${repoKey(job)}@${job.sha}`;
    case 'digest':
      return `digest@${repoKey(job)}@${job.week}`;
    case 'check':
      return `check@${repoKey(job)}#${job.number}@${job.headSha}`;
    case 'event':
      return `event@${job.name}@${job.id}`;
    case 'plan-digests':
    case 'reconcile':
      return job.kind;
  }
}

/** A one-line description for logs and the dead-letter list. */
export function describeJob(job: QueueJob): string {
  switch (job.kind) {
    case 'sync':
      return `sync ${repoKey(job)}${job.sha ? `@${job.sha.slice(0, 7)}` : ''} (${job.reason})`;
    case 'push':
      return `push ${repoKey(job)}@${job.sha.slice(0, 7)}`;
    case 'digest':
      return `digest ${repoKey(job)} ${job.week}`;
    case 'check':
      return `check ${repoKey(job)}#${job.number}@${job.headSha.slice(0, 7)}`;
    case 'event':
      return `${job.name} ${job.id}`;
    default:
      return job.kind;
  }
}
