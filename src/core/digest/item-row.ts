import type { DigestItem, ItemRow } from './digest-model.js';

/** The digest row of an item, with `days` overdue, left, late or open as the list means it. */
export function itemRow(item: DigestItem, days: number): ItemRow {
  return {
    key: item.key,
    title: item.title,
    path: item.path,
    line: item.line,
    owner: item.owner,
    due: item.due,
    ...(item.dueDisagreement ? { dueDisagreement: item.dueDisagreement } : {}),
    issue: item.issue,
    tracker: item.tracker,
    incident: item.incident,
    days,
  };
}
