import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { OWNER } from '../sync/harness.js';

type ProjectConfig = NonNullable<Config['planning']['project']>;

/**
 * The default config with the stand-in organisation's project 7 (Due, Status, Severity) under
 * `planning.project`, changed by `project`, and other `planning` keys set by `planning`.
 */
export function withProjectConfig(
  project: Partial<ProjectConfig> = {},
  planning: Partial<Config['planning']> = {},
): Config {
  return {
    ...defaultConfig,
    planning: {
      ...defaultConfig.planning,
      project: {
        owner: OWNER,
        number: 7,
        ownerType: 'organization',
        dueField: 'Due',
        statusField: 'Status',
        severityField: 'Severity',
        fields: {},
        ...project,
      },
      ...planning,
    },
  };
}
