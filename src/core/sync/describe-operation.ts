import type { SyncOperation } from './sync-operation.js';

/** One plain-text line describing an operation, for logs and dry-run plans. */
export function describeOperation(op: SyncOperation, createdNumber: number | null = null): string {
  switch (op.kind) {
    case 'create-label':
      return `create label "${op.label.name}" (#${op.label.color})`;
    case 'create':
      return `create ${createdNumber === null ? 'issue' : `#${createdNumber}`} for ${op.id} (${op.path}:${op.line}): ${op.issue.title}`;
    case 'update':
      return `update #${op.number} for ${op.id}: ${op.changes.join(', ')}`;
    case 'close':
      return `close #${op.number} as ${CLOSE_REASONS[op.reason]} for ${op.id}: ${op.changes.join(', ')}`;
    case 'reopen':
      return `reopen #${op.number} for ${op.id}: ${op.changes.join(', ')}`;
    case 'comment':
      return `comment on #${op.number} for ${op.id}`;
    case 'link':
      return `link ${op.id} (${op.path}) to existing #${op.number}`;
    case 'create-parent':
      return `create ${createdNumber === null ? 'parent issue' : `parent #${createdNumber}`} for ${op.path}: ${op.issue.title}`;
    case 'update-parent':
      return `update parent #${op.number} of ${op.path}: ${op.changes.join(', ')}`;
    case 'add-sub-issue':
      return `make ${op.number === null ? 'the new issue' : `#${op.number}`} of ${op.id} a sub-issue of ${op.parent === null ? 'the new parent issue' : `#${op.parent}`}`;
    case 'add-project-item':
      return `add ${op.number === null ? 'the new issue' : `#${op.number}`} of ${op.id} to project ${op.project.owner}#${op.project.number}`;
    case 'update-project-item':
      return `set ${op.fields.map((f) => `${f.name} = ${f.shown}${replaced(f.replaces)}`).join(', ')} on the project item of ${op.number === null ? 'the new issue' : `#${op.number}`} for ${op.id}`;
    case 'set-fields':
      return `set ${op.fields.map((f) => `${f.name} = ${f.value}${replaced(f.replaces)}`).join(', ')} on ${op.number === null ? 'the new issue' : `#${op.number}`} for ${op.id}`;
    case 'clear-field':
      return `clear ${op.field.name} on #${op.number} for ${op.id}`;
    case 'skip':
      return `skip ${op.id}${op.number === null ? '' : ` (#${op.number})`}: ${op.reason}${op.detail ? ` (${op.detail})` : ''}`;
  }
}

const CLOSE_REASONS = {
  completed: 'completed',
  not_planned: 'not planned',
  duplicate: 'a duplicate',
} as const;

/** Says that GitHub held another value, which the post-mortem overrides. */
function replaced(value: string | undefined): string {
  return value === undefined
    ? ''
    : ` (was ${value} on GitHub: the post-mortem and GitHub disagreed; edit the post-mortem to change it)`;
}
