import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as k}from"./chunk-MK3LWZJF.js";import{b,f as j,h as A,j as C}from"./chunk-RKLKCA76.js";import"./chunk-ZVVBP2BC.js";import"./chunk-EWD6KRUU.js";import"./chunk-KFSZTXL5.js";import{b as D}from"./chunk-APKR33LI.js";import{a as F,b as w,c as y,d as f,e as x}from"./chunk-LP43X6PM.js";import{a as r}from"./chunk-QBB5ZUL2.js";function M(t){let e=[`file=${y(t.file)}`,`line=${t.line}`,`col=${t.column}`];return t.endLine!==void 0&&e.push(`endLine=${t.endLine}`),t.endColumn!==void 0&&e.push(`endColumn=${t.endColumn}`),e.push(`title=${y(t.rule)}`),`::${t.severity} ${e.join(",")}::${w(t.message)}`}r(M,"formatAnnotation");function E(){return{file(t){let{shown:e,omitted:n}=b(t.diagnostics),s=[...e.map(M),...n.map(({file:l,count:m})=>`::notice file=${y(l)},title=more findings::${w(`${f(m,"more finding")} in this file not annotated; run postmortem-tracker lint on it to see them all.`)}`)];return s.length===0?"":`${s.join(`
`)}
`},end:r(()=>"","end")}}r(E,"githubReporter");function I(){let t=!0;return{file({file:e,diagnostics:n}){let s={file:e,errorCount:n.filter(o=>o.severity==="error").length,warningCount:n.filter(o=>o.severity==="warning").length,diagnostics:n},l=JSON.stringify(s,null,2).replace(/^/gm,"  "),m=`${t?`[
`:`,
`}${l}`;return t=!1,m},end:r(()=>t?`[]
`:`
]
`,"end")}}r(I,"jsonReporter");function v(){let t=0,e=0,n=0;return{file({file:s,diagnostics:l}){if(n++,l.length===0)return"";let m=[s],o=l.map(i=>`${i.line}:${i.column}`),p=Math.max(...o.map(i=>i.length));return l.forEach((i,h)=>{i.severity==="error"?t++:e++,m.push(`  ${(o[h]??"").padEnd(p)}  ${i.severity.padEnd(7)}  ${G(i.message)}  ${i.rule}`)}),`${m.join(`
`)}

`},end(){let s=t+e;return s===0?`✔ ${f(n,"file")} checked, no problems
`:`✖ ${f(s,"problem")} (${f(t,"error")}, ${f(e,"warning")}) in ${f(n,"file")} checked
`}}}r(v,"stylishReporter");function G(t){return t.replace(/\s*[\r\n]+\s*/g," ")}r(G,"oneLine");var H=`Usage: postmortem-tracker lint [PATH|GLOB...] [--format stylish|json|github] [--config FILE]

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
`,S=16,O={stylish:v,json:I,github:E};async function pt(t,e){let{values:n,positionals:s}=D(t,{format:{type:"string",default:"stylish"},config:{type:"string"},help:{type:"boolean",short:"h"}},"lint");if(n.help)return e.stdout.write(H),0;let l=n.format??"stylish";if(!(l in O))throw new x(`unknown --format "${l}"; use stylish, json or github`);let m=O[l](),o=await j(e.cwd,n.config),p=await k("lint",s,e,o.config);if(p===null)return 2;let i=!1,h=r((u,a)=>{i||=a.some(g=>g.severity==="error"),e.stdout.write(m.file({file:u,diagnostics:a}))},"report");o.file!==null&&o.diagnostics.length>0&&h(o.file,o.diagnostics);let $=!1,P=r(async u=>{let a;try{a=await A(e.cwd,u,o.config.limits)}catch(g){if(!(g instanceof F))throw g;return e.stderr.write(`postmortem-tracker lint: ${g.message}
`),$=!0,null}return(await C(a,u,o.config)).diagnostics},"lintFile"),d=new Map,R=0,c=0,T=r(async()=>{for(;R<p.length;){let u=R++;d.set(u,await P(p[u]));for(let a=d.get(c);a!==void 0;a=d.get(c))d.delete(c),a!==null&&h(p[c],a),c++}},"lane");return await Promise.all(Array.from({length:Math.min(S,p.length)},T)),e.stdout.write(m.end()),$?2:i?1:0}r(pt,"run");export{pt as run};
