import type { LintRule } from './lint-rule.js';
import { actionItemDueAmbiguous } from './rules/action-item-due-ambiguous.js';
import { actionItemDueBeforeIncident } from './rules/action-item-due-before-incident.js';
import { actionItemDueInvalid } from './rules/action-item-due-invalid.js';
import { actionItemDueVague } from './rules/action-item-due-vague.js';
import { actionItemDue } from './rules/action-item-due.js';
import { actionItemDuplicate } from './rules/action-item-duplicate.js';
import { actionItemOwnerHandle } from './rules/action-item-owner-handle.js';
import { actionItemOwner } from './rules/action-item-owner.js';
import { blameLanguage } from './rules/blame-language.js';
import { latePostmortem } from './rules/late-postmortem.js';
import { placeholder } from './rules/placeholder.js';
import { requiredSections } from './rules/required-sections.js';
import { severityMissing } from './rules/severity-missing.js';
import { severityScale } from './rules/severity-scale.js';
import { timelineOrder } from './rules/timeline-order.js';

/** Every lint rule, in documentation order. */
export const lintRules: readonly LintRule[] = [
  requiredSections,
  severityMissing,
  severityScale,
  actionItemOwner,
  actionItemOwnerHandle,
  actionItemDue,
  actionItemDueInvalid,
  actionItemDueAmbiguous,
  actionItemDueVague,
  actionItemDueBeforeIncident,
  actionItemDuplicate,
  timelineOrder,
  latePostmortem,
  placeholder,
  blameLanguage,
];
