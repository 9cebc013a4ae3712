import type { ParseOptions } from '../markdown/parse-options.js';
import type { Config } from './schema.js';

/** The parser options a configuration implies (date order, time zone, owner aliases, read limits). */
export function parseOptionsFromConfig(config: Config): ParseOptions {
  return {
    dateOrder: config.dates.order,
    timeZone: config.dates.timeZone,
    ownerAliases: config.owners.aliases,
    limits: config.limits,
  };
}
