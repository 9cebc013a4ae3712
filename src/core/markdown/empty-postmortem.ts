import type { Postmortem } from '../model/index.js';

/** A post-mortem with nothing found: the starting point of a parse and the result for a file that could not be read. */
export function emptyPostmortem(path: string): Postmortem {
  return {
    path,
    title: null,
    incidentDate: null,
    severity: null,
    status: null,
    duration: null,
    durationMinutes: null,
    impact: null,
    services: [],
    tags: [],
    authors: [],
    timeline: [],
    rootCause: null,
    rootCauseCategory: null,
    contributingFactors: [],
    whatWentWell: [],
    actionItems: [],
    sections: [],
    publishedDate: null,
    lines: {},
    frontmatter: {},
    diagnostics: [],
  };
}
