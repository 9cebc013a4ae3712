import type { Config } from '../config/schema.js';
import type { ProjectRef } from '../ports/port.js';

/** The project `planning.project` names, as the port takes it (a user's project says so). */
export function projectRef(project: NonNullable<Config['planning']['project']>): ProjectRef {
  return {
    owner: project.owner,
    number: project.number,
    ...(project.ownerType === 'user' ? { ownerType: 'user' as const } : {}),
  };
}
