import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{b as m}from"./chunk-ZVVBP2BC.js";import"./chunk-KFSZTXL5.js";import{a as i,e as a}from"./chunk-LP43X6PM.js";import{a as t}from"./chunk-QBB5ZUL2.js";var n=`Usage: postmortem-tracker <command> [options]

Commands:
  lint [PATH|GLOB...]   check post-mortems (missing sections, owners, due dates, placeholders, blame)
  parse FILE            print what the parser reads from one post-mortem, as JSON
  init [PATH]           write a new post-mortem from the template
  digest [PATH...]      summarise open, overdue and recurring action items
  sync [PATH...]        create and update one GitHub issue per open action item
  report [PATH...]      write a self-contained dashboard (--out DIR)

Run "postmortem-tracker <command> --help" for a command's options.
`,p={lint:t(()=>import("./chunk-EZGDH7EW.js"),"lint"),parse:t(()=>import("./chunk-DN2TGARD.js"),"parse"),init:t(()=>import("./chunk-YOC4OKOX.js"),"init"),digest:t(()=>import("./chunk-TYX2V3J7.js"),"digest"),sync:t(()=>import("./chunk-34IAXLTA.js"),"sync"),report:t(()=>import("./chunk-RLHHZNB4.js"),"report")};async function w(c,o){let[r,...d]=c;if(r==="-h"||r==="--help"||r==="help")return o.stdout.write(n),0;if(r===void 0)return o.stderr.write(n),2;let s=Object.hasOwn(p,r)?p[r]:void 0;if(s===void 0)return o.stderr.write(`postmortem-tracker: unknown command "${r}"

${n}`),2;m();try{let{run:e}=await s();return await e(d,o)}catch(e){if(e instanceof a||e instanceof i)return o.stderr.write(`postmortem-tracker ${r}: ${e.message}
`),2;let u=e instanceof Error?e.stack??e.message:String(e);return o.stderr.write(`postmortem-tracker ${r}: unexpected failure, please report it:
${u}
`),2}}t(w,"main");export{w as main};
