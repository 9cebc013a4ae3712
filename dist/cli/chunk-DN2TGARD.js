import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{f as m,h as c,i as l}from"./chunk-RKLKCA76.js";import"./chunk-ZVVBP2BC.js";import{a}from"./chunk-EWD6KRUU.js";import"./chunk-KFSZTXL5.js";import{b as f}from"./chunk-APKR33LI.js";import{e as p}from"./chunk-LP43X6PM.js";import{a as n}from"./chunk-QBB5ZUL2.js";var w=`Usage: postmortem-tracker parse FILE [--json] [--compact] [--config FILE]

Prints what the parser reads from one post-mortem (title, dates, severity, timeline,
action items with owner, due date, status and id, diagnostics) as JSON.

Options:
  --json             print JSON (the default; accepted for scripts that pass it)
  --compact          one line of JSON instead of pretty-printed
  --config FILE      config file (date order, owner aliases); default
                     .github/postmortem-tracker.yml when present
  -h, --help         show this help
`;async function b(d,e){let{values:o,positionals:g}=f(d,{json:{type:"boolean"},compact:{type:"boolean"},config:{type:"string"},help:{type:"boolean",short:"h"}},"parse");if(o.help)return e.stdout.write(w),0;let[r,...h]=g;if(r===void 0||h.length>0)throw new p('parse takes exactly one FILE (see "postmortem-tracker parse --help")');let s=await m(e.cwd,o.config);for(let t of s.diagnostics)e.stderr.write(`${t.file}:${t.line}:${t.column} ${t.severity} ${t.message} (${t.rule})
`);let u=await c(e.cwd,r,s.config.limits),i=await l(u,r,a(s.config));return e.stdout.write(`${o.compact?JSON.stringify(i):JSON.stringify(i,null,2)}
`),0}n(b,"run");export{b as run};
