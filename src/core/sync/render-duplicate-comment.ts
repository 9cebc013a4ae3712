import { renderRemovalCommentMarker } from './render-issue-body.js';

/**
 * Renders the comment left on an extra issue of an item (two syncs that ran at once, or a create
 * whose response was lost) before it is closed as a duplicate of the item's oldest issue. It
 * carries the closing-comment marker, so an interrupted run does not post it twice.
 */
export function renderDuplicateComment(path: string, id: string, kept: number): string {
  return [
    `This issue tracks the same action item of \`${path.replace(/`/g, "'")}\` as #${kept}, which is older, so it is closed as a duplicate of #${kept}.`,
    '',
    renderRemovalCommentMarker(id),
  ].join('\n');
}
