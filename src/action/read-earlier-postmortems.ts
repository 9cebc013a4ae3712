import { parseOptionsFromConfig } from '../core/config/index.js';
import { collectTrackedIssues } from '../core/digest/index.js';
import { httpStatus } from '../core/ports/index.js';
import type { IssueRecord } from '../core/ports/index.js';
import type { Postmortem } from '../core/model/index.js';
import { findPostmortemFiles } from '../io/find-postmortem-files.js';
import { parsePostmortemFiles } from '../io/parse-postmortem-files.js';
import { logInfo } from './log-info.js';
import type { ModeContext } from './mode-context.js';

/**
 * The post-mortems already in the workspace (the configured paths, less those the pull request
 * changes) and the tracked issues when the token may read them, for the check's review-time
 * recurrence comparison; without readable issues, item state comes from the markdown.
 */
export async function readEarlierPostmortems(
  ctx: ModeContext,
  changed: readonly string[],
): Promise<{ postmortems: Postmortem[]; issues: IssueRecord[] | null }> {
  const { files } = await findPostmortemFiles([], {
    cwd: ctx.env.workspace,
    config: { paths: ctx.paths, exclude: ctx.config.exclude },
  });
  const skip = new Set(changed);
  const { postmortems } = await parsePostmortemFiles(
    ctx.env.workspace,
    files.filter((f) => !skip.has(f)),
    parseOptionsFromConfig(ctx.config),
  );
  let issues: IssueRecord[] | null = null;
  try {
    const login = await ctx.creatorLogin();
    if (login !== null) issues = await collectTrackedIssues(ctx.port, ctx.config, login);
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 401 && status !== 403 && status !== 404) throw error;
    logInfo(
      `tracked issues not readable (HTTP ${status}); earlier action items are shown as the markdown has them`,
    );
  }
  return { postmortems, issues };
}
