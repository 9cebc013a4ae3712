import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as C,w as k}from"./chunk-MGJOD34V.js";import{c as w,e as F,f as b,h as j}from"./chunk-TM3DCDFO.js";import"./chunk-63GVAIPJ.js";import{b as R}from"./chunk-SO6NSA7Q.js";import{a as y,b as $}from"./chunk-LQJHG2RA.js";import{h as d,i as g,j as a}from"./chunk-QEI2VUKZ.js";import{a as l}from"./chunk-KQDYABK2.js";function A(t){let e=[`file=${g(t.file)}`,`line=${t.line}`,`col=${t.column}`];return t.endLine!==void 0&&e.push(`endLine=${t.endLine}`),t.endColumn!==void 0&&e.push(`endColumn=${t.endColumn}`),e.push(`title=${g(t.rule)}`),`::${t.severity} ${e.join(",")}::${d(t.message)}`}l(A,"formatAnnotation");function x(t){let e=t.flatMap(n=>{let{shown:r,omitted:i}=C(n.diagnostics);return[...r.map(A),...i.map(({file:f,count:s})=>`::notice file=${g(f)},title=more findings::${d(`${a(s,"more finding")} in this file not annotated; run postmortem-tracker lint on it to see them all.`)}`)]});return e.length===0?"":`${e.join(`
`)}
`}l(x,"formatGithub");function E(t){let e=t.map(({file:n,diagnostics:r})=>({file:n,errorCount:r.filter(i=>i.severity==="error").length,warningCount:r.filter(i=>i.severity==="warning").length,diagnostics:r}));return`${JSON.stringify(e,null,2)}
`}l(E,"formatJson");function L(t){let e=0,n=0,r=[];for(let{file:s,diagnostics:u}of t){if(u.length===0)continue;r.push(s);let m=u.map(o=>`${o.line}:${o.column}`),c=Math.max(...m.map(o=>o.length));u.forEach((o,p)=>{o.severity==="error"?e++:n++,r.push(`  ${(m[p]??"").padEnd(c)}  ${o.severity.padEnd(7)}  ${O(o.message)}  ${o.rule}`)}),r.push("")}let i=t.length,f=e+n;return f===0?r.push(`✔ ${a(i,"file")} checked, no problems`):r.push(`✖ ${a(f,"problem")} (${a(e,"error")}, ${a(n,"warning")}) in ${a(i,"file")} checked`),`${r.join(`
`)}
`}l(L,"formatStylish");function O(t){return t.replace(/\s*[\r\n]+\s*/g," ")}l(O,"oneLine");var P=`Usage: postmortem-tracker lint [PATH|GLOB...] [--format stylish|json|github] [--config FILE]

Checks post-mortems for missing sections, action items without owner or due date,
ambiguous dates, leftover template placeholders and blame language.

Arguments:
  PATH|GLOB          files, directories (their **/*.md) or globs; default: the
                     config's "paths" (postmortems/**/*.md)

Options:
  --format FORMAT    stylish (default), json, or github (workflow annotations)
  --config FILE      config file; default .github/postmortem-tracker.yml when present
  -h, --help         show this help

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error, or no post-mortem found.
`,v={stylish:L,json:E,github:x};async function tt(t,e){let{values:n,positionals:r}=R(t,{format:{type:"string",default:"stylish"},config:{type:"string"},help:{type:"boolean",short:"h"}},"lint");if(n.help)return e.stdout.write(P),0;let i=n.format??"stylish";if(!(i in v))throw new $(`unknown --format "${i}"; use stylish, json or github`);let f=v[i];b().prestart();let s=await w(e.cwd,n.config),u=await k("lint",r,e,s.config);if(u===null)return 2;let m=[];s.file!==null&&s.diagnostics.length>0&&m.push({file:s.file,diagnostics:s.diagnostics});let c=!1;for(let o of u){let p;try{p=await F(e.cwd,o,s.config.limits)}catch(h){if(!(h instanceof y))throw h;e.stderr.write(`postmortem-tracker lint: ${h.message}
`),c=!0;continue}m.push({file:o,diagnostics:(await j(p,o,s.config)).diagnostics})}return e.stdout.write(f(m)),c?2:m.some(o=>o.diagnostics.some(p=>p.severity==="error"))?1:0}l(tt,"run");export{tt as run};
