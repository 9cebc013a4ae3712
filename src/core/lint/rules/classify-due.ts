import type { Config } from '../../config/schema.js';
import { parseDate, type DateParse } from '../../markdown/dates.js';
import type { ActionItem, Postmortem } from '../../model/index.js';

/** Reads an item's due phrase the way the parser does, so the due-date rules agree with it. */
export function classifyDue(item: ActionItem, pm: Postmortem, config: Config): DateParse | null {
  if (item.due !== null) return { kind: 'date', date: item.due };
  if (item.dueRaw === null) return null;
  const opts =
    pm.incidentDate === null
      ? { order: config.dates.order }
      : { order: config.dates.order, reference: pm.incidentDate };
  return parseDate(item.dueRaw, opts);
}
