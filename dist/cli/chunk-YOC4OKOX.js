import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as h,b as d}from"./chunk-APKR33LI.js";import{a as n,e as m}from"./chunk-LP43X6PM.js";import{a as i}from"./chunk-QBB5ZUL2.js";import{mkdir as f,stat as w,writeFile as k}from"node:fs/promises";import{dirname as y,join as u,relative as T,resolve as b}from"node:path";function p({today:o}){return`---
title: Checkout errors after a configuration push
date: ${o}
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

All times UTC, on ${o}.

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
`}i(p,"postmortemTemplate");var v=`Usage: postmortem-tracker init [PATH]

Writes a new post-mortem from the template: a short worked example under each heading
the linter expects. It never overwrites an existing file.

Arguments:
  PATH        the file to write, or a directory to write YYYY-MM-DD-incident.md into;
              default postmortems/YYYY-MM-DD-incident.md

Options:
  -h, --help  show this help
`;async function P(o,t){let{values:g,positionals:a}=d(o,{help:{type:"boolean",short:"h"}},"init");if(g.help)return t.stdout.write(v),0;if(a.length>1)throw new m('init takes at most one PATH (see "postmortem-tracker init --help")');let s=(t.now??(()=>new Date))().toISOString().slice(0,10),c=`${s}-incident.md`,e=b(t.cwd,a[0]??u("postmortems",c));(await w(e).catch(()=>null))?.isDirectory()&&(e=u(e,c));let r=T(t.cwd,e)||e;try{await f(y(e),{recursive:!0}),await k(e,p({today:s}),{flag:"wx"})}catch(l){throw l.code==="EEXIST"?new n(`${r} already exists; choose another PATH (init never overwrites a file)`):new n(`cannot write ${r}: ${h(l)}`)}return t.stdout.write(`Wrote ${r}. Replace the worked example with your incident, then run: postmortem-tracker lint ${r}
`),0}i(P,"run");export{P as run};
