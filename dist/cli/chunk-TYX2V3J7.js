import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as p,b as h,i as k}from"./chunk-4NWA4OO2.js";import"./chunk-UHTYYOGC.js";import{q as y}from"./chunk-35BHR62H.js";import"./chunk-NOGIKHQ2.js";import{a as u}from"./chunk-MK3LWZJF.js";import{f as c}from"./chunk-RKLKCA76.js";import"./chunk-ZVVBP2BC.js";import{a as g}from"./chunk-EWD6KRUU.js";import"./chunk-KFSZTXL5.js";import{b as w}from"./chunk-APKR33LI.js";import{e as i}from"./chunk-LP43X6PM.js";import{a as f,j as l}from"./chunk-QBB5ZUL2.js";var A=`Usage: postmortem-tracker digest [PATH...] [--now YYYY-MM-DD] [--format markdown|json] [--config FILE]

Prints the weekly digest offline: overdue and due-soon action items, completion and
on-time rates, recurring incidents, response metrics (MTTD, MTTA, MTTR) and post-mortem
hygiene. Item status comes from the markdown (checkboxes, status columns).

Arguments:
  PATH               files, directories (their **/*.md) or globs; default: the
                     config's "paths" (postmortems/**/*.md)

Options:
  --now DATE         compute as of this day (YYYY-MM-DD, noon in digest.timeZone); default: now
  --format FORMAT    markdown (default) or json
  --config FILE      config file; default .github/postmortem-tracker.yml when present
  -h, --help         show this help

Exit status: 0 digest printed, 2 usage, config or I/O error, or no post-mortem found.
`;async function v(D,e){let{values:o,positionals:T}=w(D,{now:{type:"string"},format:{type:"string",default:"markdown"},config:{type:"string"},help:{type:"boolean",short:"h"}},"digest");if(o.help)return e.stdout.write(A),0;let r=o.format??"markdown";if(r!=="markdown"&&r!=="json")throw new i(`unknown --format "${r}"; use markdown or json`);if(o.now!==void 0&&!l(o.now))throw new i(`--now "${o.now}" is not a date; use YYYY-MM-DD, e.g. --now 2026-11-23`);let s=await c(e.cwd,o.config);for(let t of s.diagnostics)e.stderr.write(`${t.file}:${t.line}:${t.column}: ${t.severity}: ${t.message} (${t.rule})
`);if(s.diagnostics.some(t=>t.severity==="error"))return e.stderr.write(`postmortem-tracker digest: fix the config first; a digest on a misread config would mislead.
`),2;let n=s.config;if(!h(n.digest.timeZone))return e.stderr.write(`postmortem-tracker digest: digest.timeZone "${n.digest.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)
`),2;let Y=o.now!==void 0?new Date(p(o.now,n.digest.timeZone).getTime()+12*36e5):(e.now??(()=>new Date))(),m=await u("digest",T,e,n);if(m===null)return 2;let{postmortems:$,unreadable:a}=await y(e.cwd,m,g(n));for(let t of a)e.stderr.write(`postmortem-tracker digest: ${t.message}
`);let M=a.length>0,d=await k({config:n,now:Y,postmortems:$,github:null,links:{repoUrl:null,defaultBranch:"main"}});return r==="json"?e.stdout.write(`${JSON.stringify(d.digest,null,2)}
`):e.stdout.write(`${d.bodies.join(`

---

`)}
`),M?2:0}f(v,"run");export{v as run};
