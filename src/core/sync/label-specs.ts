import type { Config } from '../config/schema.js';
import type { LabelSpec } from '../ports/port.js';
import { severityKey } from '../text/severity-key.js';
import { uniqueCaseInsensitive } from '../text/unique-case-insensitive.js';

const SEVERITY_COLOURS = ['b60205', 'd93f0b', 'fbca04', '0e8a16'];

/** The labels sync may put on issues, with colours and descriptions, for creating the missing ones. */
export function labelSpecs(config: Config): LabelSpec[] {
  const specs: LabelSpec[] = [
    {
      name: config.labels.tool,
      color: '5319e7',
      description: 'Action item from a post-mortem (postmortem-tracker)',
    },
  ];
  if (config.labels.severityPrefix !== '') {
    config.severityScale.forEach((severity, index) => {
      specs.push({
        name: `${config.labels.severityPrefix}${severity}`,
        color: SEVERITY_COLOURS[index] ?? 'c5def5',
        description: `Action item of a ${severity} incident`,
      });
    });
  }
  if (config.labels.overdue !== '') {
    specs.push({
      name: config.labels.overdue,
      color: 'e99695',
      description: 'Post-mortem action item past its due date',
    });
  }
  for (const extra of config.labels.extra) {
    specs.push({ name: extra, color: 'ededed', description: 'Post-mortem action item' });
  }
  return uniqueCaseInsensitive(specs, (spec) => spec.name);
}

/**
 * The severity label of an incident (`severity:SEV1`), spelled as the configured scale spells it;
 * null when labels are off or the severity is not on the scale: post-mortem text must not be able
 * to mint arbitrary labels.
 */
export function severityLabel(config: Config, severity: string | null): string | null {
  if (severity === null || config.labels.severityPrefix === '') return null;
  const key = severityKey(severity);
  const canonical = config.severityScale.find((s) => severityKey(s) === key);
  return canonical === undefined ? null : `${config.labels.severityPrefix}${canonical}`;
}

/** Whether sync owns a label (it may add or remove it); labels people add are left alone. */
export function isManagedLabel(config: Config, name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === config.labels.tool.toLowerCase()) return true;
  if (config.labels.overdue !== '' && lower === config.labels.overdue.toLowerCase()) return true;
  if (
    config.labels.severityPrefix !== '' &&
    lower.startsWith(config.labels.severityPrefix.toLowerCase())
  )
    return true;
  return config.labels.extra.some((extra) => extra.toLowerCase() === lower);
}
