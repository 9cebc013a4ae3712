import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as i,b as m}from"./chunk-LQJHG2RA.js";import{a as t}from"./chunk-KQDYABK2.js";var n=`Usage: postmortem-tracker <command> [options]

Commands:
  lint [PATH|GLOB...]   check post-mortems (missing sections, owners, due dates, placeholders, blame)
  parse FILE            print what the parser reads from one post-mortem, as JSON
  init [PATH]           write a new post-mortem from the template
  digest [PATH...]      summarise open, overdue and recurring action items
  sync [PATH...]        create and update one GitHub issue per open action item
  report [PATH...]      write a self-contained dashboard (--out DIR)

Run "postmortem-tracker <command> --help" for a command's options.
`,a={lint:t(()=>import("./chunk-SSXPD45K.js"),"lint"),parse:t(()=>import("./chunk-4ZCL5I4N.js"),"parse"),init:t(()=>import("./chunk-7ZKWTMCU.js"),"init"),digest:t(()=>import("./chunk-J6UBTS5P.js"),"digest"),sync:t(()=>import("./chunk-CQZT3MWP.js"),"sync"),report:t(()=>import("./chunk-7VENUM5W.js"),"report")};async function l(p,o){let[r,...c]=p;if(r==="-h"||r==="--help"||r==="help")return o.stdout.write(n),0;if(r===void 0)return o.stderr.write(n),2;let s=Object.hasOwn(a,r)?a[r]:void 0;if(s===void 0)return o.stderr.write(`postmortem-tracker: unknown command "${r}"

${n}`),2;try{let{run:e}=await s();return await e(c,o)}catch(e){if(e instanceof m||e instanceof i)return o.stderr.write(`postmortem-tracker ${r}: ${e.message}
`),2;let d=e instanceof Error?e.stack??e.message:String(e);return o.stderr.write(`postmortem-tracker ${r}: unexpected failure, please report it:
${d}
`),2}}t(l,"main");export{l as main};
