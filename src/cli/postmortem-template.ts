/** The dates a new post-mortem is written around. */
export interface TemplateDates {
  /** `YYYY-MM-DD`: the incident (and writing) date. */
  today: string;
}

/**
 * A new post-mortem: a short worked example under every heading the linter expects, with the
 * guidance in HTML comments, so that it passes `lint` as written and shows each shape by example.
 */
export function postmortemTemplate({ today }: TemplateDates): string {
  return `---
title: Checkout errors after a configuration push
date: ${today}
severity: SEV3
status: draft
services: [checkout]
tags: [config-change]
root_cause_category: config-change
---

# Checkout errors after a configuration push

<!--
  Written by "postmortem-tracker init". Everything below is a worked example: replace it
  with your incident, keep the headings, and run "npx postmortem-tracker lint" on this file
  until it reports no problems. Keep it blameless: describe what the system allowed, not
  who slipped. Severity is one of SEV1 (worst) to SEV4.
-->

## Summary

For 25 minutes, about 4% of checkout requests failed with HTTP 500 after a configuration
change shrank the payment client's connection pool. Rolling the change back restored service.

## Impact

- About 1,200 checkouts failed between 09:05 and 09:30 UTC; customers could retry.
- No orders or payments were lost.

## Timeline

<!-- One row per event. Say which rows are the detection, acknowledgement, mitigation and resolution: the digest computes MTTD, MTTA and MTTR from them. -->

All times UTC, on ${today}.

| Time  | Event |
| ----- | ----- |
| 09:05 | Configuration change deployed; checkout errors begin |
| 09:09 | Alert "checkout 5xx rate" fires: incident detected |
| 09:12 | On-call engineer acknowledges the page |
| 09:24 | Configuration change rolled back: impact mitigated |
| 09:30 | Error rate back to baseline: incident resolved |

## Root cause

The payment client's pool size lives in a shared configuration file that is deployed without
validation, so a value meant for a staging environment reached production.

## Contributing factors

- Configuration changes go to every region at once, with no staged rollout.

## What went well

- The 5xx alert fired four minutes after the change.

## Action items

<!--
  One item per line, with an owner (a GitHub @handle or @org/team) and a due date (YYYY-MM-DD):
    - [ ] Validate pool settings in the configuration pipeline @your-handle due YYYY-MM-DD
  Tick an item ("- [x]") when it is done. Open items become tracked GitHub issues.
-->

- [x] Roll back the configuration change (done during the incident)
`;
}
