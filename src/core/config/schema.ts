import { z } from 'zod';
import { globProblem, MAX_GLOB_LENGTH, MAX_GLOBS } from './compile-glob.js';

const ruleLevel = z.enum(['error', 'warning', 'off']);

/** A list of repository-relative globs, each checked the way matching will read it. */
const globList = z
  .array(z.string().min(1).max(MAX_GLOB_LENGTH))
  .max(MAX_GLOBS)
  .superRefine((globs, ctx) => {
    // Too many globs is already an issue: checking each of thousands would only cost time.
    if (globs.length > MAX_GLOBS) return;
    globs.forEach((glob, i) => {
      const problem = globProblem(glob);
      if (problem !== null)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `not a usable glob: it ${problem}; expected a glob relative to the repository root such as postmortems/**/*.md`,
        });
    });
  });

const responseTargets = z
  .object({
    mttd: z.number().positive().describe('Target median minutes from failure start to detection.'),
    mtta: z
      .number()
      .positive()
      .describe('Target median minutes from detection to acknowledgement.'),
    mttr: z.number().positive().describe('Target median minutes from failure start to resolution.'),
  })
  .describe('Response-time targets, in minutes.');

/** What a mapped issue or project field is filled from (`planning.fields`). */
export const fieldSource = z.enum([
  'owner',
  'ownerTeam',
  'services',
  'tags',
  'incidentDate',
  'due',
  'severity',
  'priority',
  'type',
  'postmortemTitle',
  'postmortemFile',
  'durationMinutes',
  'rootCauseCategory',
]);

/** A source of a mapped field's value. */
export type FieldSource = z.infer<typeof fieldSource>;

/** The schema of `.github/postmortem-tracker.yml`; defaults and descriptions live here. */
export const configSchema = z
  .object({
    paths: globList
      .default(['postmortems/**/*.md'])
      .describe(
        'Globs (relative to the repository root) of the post-mortem files: at most 50, each at most 256 characters, with no leading `/` or `..` folder, at most two `*` per name, `**` only as a whole folder, and plain alternatives in braces (`*.{md,markdown}`).',
      ),
    exclude: globList
      .default(['**/README.md', '**/*template*.md', '**/*TEMPLATE*.md', '**/_*.md'])
      .describe(
        'Globs of files under `paths` that are not post-mortems (templates, indexes); written as `paths` is.',
      ),
    requiredSections: z
      .array(
        z.enum([
          'summary',
          'impact',
          'timeline',
          'rootCause',
          'actionItems',
          'contributingFactors',
          'whatWentWell',
          'lessonsLearned',
        ]),
      )
      .default(['summary', 'timeline', 'rootCause', 'actionItems'])
      .describe(
        'Sections every post-mortem must have. `summary` is also satisfied by an impact section.',
      ),
    severityScale: z
      .array(z.string().min(1))
      .min(1)
      .default(['SEV1', 'SEV2', 'SEV3', 'SEV4'])
      .describe(
        'Allowed severities, most severe first. Matching ignores case, spaces and dashes (`sev-1` = `SEV1`).',
      ),
    owners: z
      .object({
        aliases: z
          .record(
            z.string(),
            z.string().regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/),
          )
          .default({})
          .describe(
            'Maps names, initials or team names written in post-mortems to GitHub logins or `org/team` slugs, e.g. `"Ed": "@edwardk"`.',
          ),
      })
      .prefault({})
      .describe('How owners written in post-mortems map to GitHub.'),
    dates: z
      .object({
        order: z
          .enum(['auto', 'DMY', 'MDY'])
          .default('auto')
          .describe(
            'How to read numeric dates such as `01-04-2026`. `auto` reports ambiguous ones instead of guessing.',
          ),
        timeZone: z
          .string()
          .default('UTC')
          .describe('IANA time zone assumed for timeline times written without a zone.'),
      })
      .prefault({})
      .describe('How dates and times are read.'),
    defaultDueDays: z
      .record(z.string(), z.number().int().positive())
      .default({ SEV1: 28, SEV2: 42, SEV3: 90, SEV4: 90 })
      .describe(
        'Days after the incident that an item without a due date is due, per severity. Severities not listed get no default.',
      ),
    labels: z
      .object({
        tool: z
          .string()
          .min(1)
          .default('postmortem-action-item')
          .describe('Label on every issue the tool creates.'),
        severityPrefix: z
          .string()
          .default('severity:')
          .describe('Prefix of the severity label (`severity:SEV1`). Empty to disable.'),
        overdue: z
          .string()
          .default('overdue')
          .describe('Label added while an item is past due. Empty to disable.'),
        extra: z
          .array(z.string().min(1))
          .default([])
          .describe('Extra labels on every created issue.'),
      })
      .prefault({})
      .describe('Labels of the tracked issues; missing ones are created with colours.'),
    rules: z
      .record(z.string(), ruleLevel)
      .default({})
      .describe('Per-rule severity overrides: `error`, `warning` or `off`, keyed by rule id.'),
    check: z
      .object({
        failOn: z
          .enum(['error', 'warning', 'never'])
          .default('error')
          .describe('Lowest diagnostic severity that fails the check.'),
        checkAssignees: z
          .boolean()
          .default(true)
          .describe('Check that each owner can be assigned in the repository.'),
        recurrence: z
          .enum(['off', 'notice', 'warning', 'error'])
          .default('notice')
          .describe(
            "A new post-mortem that resembles an earlier one (the digest's recurrence rule) is a notice; warning or error makes it a finding (counted against failOn) when the earlier incident still has open action items; off compares nothing.",
          ),
        recurrenceSeverities: z
          .array(z.string().min(1))
          .default([])
          .describe(
            'Severities of the new incident for which check.recurrence raises a warning or error (e.g. [SEV1]); empty: every severity.',
          ),
      })
      .prefault({})
      .describe('The pull-request check.'),
    sync: z
      .object({
        maxWrites: z
          .number()
          .int()
          .nonnegative()
          .default(50)
          .describe('Cap on write requests per run.'),
        writeIntervalMs: z
          .number()
          .int()
          .nonnegative()
          .default(1000)
          .describe(
            'Minimum milliseconds between content-creating requests (GitHub secondary rate limits).',
          ),
        assignOwners: z
          .boolean()
          .default(true)
          .describe('Assign issues to their owners when assignable.'),
        maxOpenIssues: z
          .number()
          .int()
          .nonnegative()
          .default(500)
          .describe(
            'Most open tracked issues per repository: a sync that would exceed it creates none beyond it and reports the items left untracked.',
          ),
      })
      .prefault({})
      .describe('Issue sync.'),
    digest: z
      .object({
        target: z
          .enum(['discussion-comment', 'discussion', 'issue'])
          .default('discussion-comment')
          .describe(
            '`discussion-comment`: one Discussion, a comment per week; `discussion`: a new Discussion each week; `issue`: a pinned issue.',
          ),
        category: z.string().default('General').describe('Discussion category name.'),
        title: z
          .string()
          .default('Post-mortem action items digest')
          .describe('Title of the digest Discussion or issue.'),
        fallbackToIssue: z
          .boolean()
          .default(true)
          .describe(
            'Fall back to a pinned issue when Discussions or the category are unavailable.',
          ),
        issueLabel: z
          .string()
          .default('postmortem-digest')
          .describe('Label of the fallback digest issue.'),
        day: z
          .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
          .default('monday')
          .describe('Day of the weekly digest (app scheduler).'),
        hour: z
          .number()
          .int()
          .min(0)
          .max(23)
          .default(9)
          .describe('Hour of the weekly digest (app scheduler).'),
        timeZone: z
          .string()
          .default('UTC')
          .describe('Time zone of the digest schedule and week boundaries.'),
        dueSoonDays: z
          .number()
          .int()
          .positive()
          .default(7)
          .describe('Items due within this many days are listed as due soon.'),
        windowDays: z
          .number()
          .int()
          .positive()
          .default(180)
          .describe(
            'Days: incidents of the same class at most this far apart are a recurrence; also the window of the response metrics.',
          ),
        recurrenceLookbackDays: z
          .number()
          .int()
          .positive()
          .default(365)
          .describe(
            'Days: a recurrence group is reported while its latest incident is at most this old.',
          ),
        similarityThreshold: z
          .number()
          .min(0)
          .max(1)
          .default(0.3)
          .describe('TF-IDF cosine similarity above which two incidents count as the same class.'),
        ignoreTags: z
          .array(z.string().min(1))
          .default(['post-mortem', 'postmortem', 'incident', 'outage'])
          .describe(
            'Tags that recurrence grouping ignores (matched ignoring case): generic words that would group unrelated incidents.',
          ),
        minSignals: z
          .number()
          .int()
          .min(1)
          .max(4)
          .default(2)
          .describe(
            'Independent signals (shared service, shared tag, same root-cause category, similar wording) two incidents need to count as a recurrence; 1 groups on any one of them.',
          ),
        strongSimilarity: z
          .number()
          .min(0)
          .max(1)
          .default(0.5)
          .describe(
            'TF-IDF cosine at or above which similar wording alone makes two incidents a recurrence (one strong signal); 1: only identical wording.',
          ),
        targets: z
          .record(z.string(), responseTargets)
          .default({
            SEV1: { mttd: 5, mtta: 15, mttr: 30 },
            SEV2: { mttd: 10, mtta: 30, mttr: 120 },
          })
          .describe('Response-time targets per severity.'),
        reminders: z
          .object({
            enabled: z
              .boolean()
              .default(false)
              .describe('Comment on overdue issues, at most once a week each.'),
            escalateAfterDays: z
              .number()
              .int()
              .positive()
              .default(14)
              .describe(
                'Days overdue after which the reminder also mentions the escalation contact.',
              ),
            escalateTo: z
              .string()
              .nullable()
              .default(null)
              .describe(
                'Escalation contact (`@login` or `@org/team`); the post-mortem author when null.',
              ),
          })
          .prefault({})
          .describe('Reminder comments on overdue issues.'),
      })
      .prefault({})
      .describe('The weekly digest.'),
    limits: z
      .object({
        maxFileBytes: z
          .number()
          .int()
          .positive()
          .default(1_000_000)
          .describe(
            'Largest post-mortem read, in bytes; larger files are a `file-too-large` error and their issues stay as they are.',
          ),
        maxActionItems: z
          .number()
          .int()
          .positive()
          .default(200)
          .describe(
            "Most action items per file; beyond it the check fails and sync tracks none of that file's items, leaving its issues as they are.",
          ),
        maxLineLength: z
          .number()
          .int()
          .positive()
          .default(20_000)
          .describe(
            'Longest line, in characters, handed to the markdown parser; a longer one is a `file-too-complex` error.',
          ),
        maxNesting: z
          .number()
          .int()
          .positive()
          .default(32)
          .describe(
            'Most block quotes and list items opened on one line; more is a `file-too-complex` error.',
          ),
        parseTimeoutMs: z
          .number()
          .int()
          .positive()
          .default(2_000)
          .describe(
            'Milliseconds one file may take to parse and lint (off the main thread); a slower file is a `file-too-complex` error and its issues stay as they are.',
          ),
      })
      .prefault({})
      .describe('Bounds on reading and parsing each post-mortem.'),
    planning: z
      .object({
        issueFields: z
          .boolean()
          .default(true)
          .describe(
            "Keep the organisation's issue fields in step with each item, with no other setting needed (one read per run, the field definitions, when some item has an issue): its due date in the date field named by `dueDateField`, the post-mortem's severity in the single-select field named by `severityField` when an option has that name. An owner without such fields (a user account, an organisation that defines none), or a token refused them, leaves issues as they are with one informational line. `false`: no issue-field request at all.",
          ),
        dueDateField: z
          .string()
          .min(1)
          .default('Due date')
          .describe("Name of the organisation's date issue field that holds an item's due date."),
        severityField: z
          .string()
          .default('Severity')
          .describe(
            "Name of the organisation's single-select issue field that holds the post-mortem's severity; empty: not set.",
          ),
        fields: z
          .record(z.string().min(1), fieldSource)
          .default({})
          .describe(
            "More organisation issue fields to keep in step (with `issueFields` on), by field name (case-insensitive) → source: `owner` (as written), `ownerTeam` (an `@org/team` owner), `services`, `tags`, `incidentDate`, `due`, `severity`, `priority`, `type` (the item's), `postmortemTitle`, `postmortemFile`, `durationMinutes`, `rootCauseCategory`. Set by the field's type: a date field takes a `YYYY-MM-DD` source, a single select the option of that name (for a list, the first that names one; for a team, `@acme/sre`, `acme/sre` or `sre`), text the value (a list joined by commas), a number a numeric source. A value that does not fit (no such option, not a date) is skipped with one line naming the field and value; an item without the value leaves the field as it is. Example: `{ Service: services, Team: ownerTeam, Incident date: incidentDate }`.",
          ),
        dueDateSource: z
          .enum(['postmortem', 'github'])
          .default('postmortem')
          .describe(
            "Which due date wins when the issue field or the project's due-date field was changed on GitHub and the post-mortem was not: `postmortem` sets it back (saying so), `github` keeps it and the digest and the dashboard count overdue from it (the issue field's first). Either way both show both dates.",
          ),
        parentIssues: z
          .boolean()
          .default(false)
          .describe(
            "Give each post-mortem one parent issue (the incident's title and date, severity, impact, a link to the file) whose sub-issues are its items' issues, so GitHub shows progress per incident. An issue someone already put under another parent stays there; at most 100 sub-issues per parent (GitHub's limit).",
          ),
        closeParentWhenDone: z
          .boolean()
          .default(false)
          .describe(
            "Close a post-mortem's parent issue once all its items are done (reopened when one is open again). A parent is always closed when its post-mortem is removed.",
          ),
        project: z
          .object({
            owner: z
              .string()
              .min(1)
              .describe(
                'The organisation (or, with `ownerType: user`, the user) that owns the project.',
              ),
            ownerType: z
              .enum(['organization', 'user'])
              .default('organization')
              .describe(
                "Whose project it is: an organisation's (`/orgs/acme/projects/7`) or a user's (`/users/alice/projects/7`).",
              ),
            number: z.number().int().positive().describe("The project's number (in its URL)."),
            dueField: z
              .string()
              .default('Due')
              .describe("Name of the project's date field for the due date; empty: not set."),
            statusField: z
              .string()
              .default('Status')
              .describe(
                'Name of the single-select status field: an open item gets the first of Todo, To do, Backlog that exists, a done one Done; empty: not set.',
              ),
            severityField: z
              .string()
              .default('Severity')
              .describe(
                "Name of the single-select field for the post-mortem's severity (set when an option has its name); empty: not set.",
              ),
            fields: z
              .record(z.string().min(1), fieldSource)
              .default({})
              .describe(
                'More project fields to keep in step, by field name → source, as `planning.fields` does for issue fields (same sources and rules; a single select takes the option of that name). Its own map because a project names its fields apart from the organisation.',
              ),
          })
          .nullable()
          .default(null)
          .describe(
            "A project (Projects v2, an organisation's or a user's) every tracked item's issue is an item of, its fields kept in step (two or more reads per run: the fields, the items; the digest and the dashboard read its due dates back the same way). Null: none.",
          ),
      })
      .prefault({})
      .describe('GitHub-native planning: organisation issue fields, parent issues, a project.'),
    tickBack: z
      .boolean()
      .default(false)
      .describe(
        'App only: when a tracked issue closes, open a PR that ticks the item in the post-mortem (needs contents and pull_requests write).',
      ),
  })
  .strict()
  .describe('postmortem-tracker configuration (`.github/postmortem-tracker.yml`).');

/** The configuration after defaults are applied. */
export type Config = z.infer<typeof configSchema>;

/** The configuration with every default, as used when a repo has no config file. */
export const defaultConfig: Config = configSchema.parse({});
