import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{b as B,c as M,d as L,e as _,i as N,j as U,k as z,l as W,m as H}from"./chunk-FDRYTJ7N.js";import"./chunk-XLP7SCJI.js";import"./chunk-2NDPFD2G.js";import{a as F}from"./chunk-GJWU5GPF.js";import{n as G}from"./chunk-RSEJSI6L.js";import{d as $}from"./chunk-RPAPOS6H.js";import"./chunk-IY4CG654.js";import{e as q}from"./chunk-WTYSW6RA.js";import"./chunk-NA6HQCKS.js";import"./chunk-5YMBJGFV.js";import{d as A}from"./chunk-7HMH2VZG.js";import{a as D,h as g}from"./chunk-HNCJUHZ6.js";import"./chunk-QAFNGORD.js";import"./chunk-CGXBB3ZW.js";import"./chunk-NU5Q2WIU.js";import{b as j,c as I}from"./chunk-PPHZ6LJK.js";import{a as i}from"./chunk-QH6RTQIZ.js";import{lstat as Ce,mkdir as xe,writeFile as Se}from"node:fs/promises";import{join as le}from"node:path";function J(e,t){return e.status==="done"?"done":e.due!==null&&e.due<t?"overdue":"open"}i(J,"itemState");var ue=104;function ce(e,t){return{key:e.key,title:e.title,line:e.line,owner:e.owner,due:e.due,dueVague:e.dueVague,...e.dueDisagreement?{dueDisagreement:e.dueDisagreement}:{},state:J(e,t),statusSource:e.statusSource,issue:e.issue,tracker:e.tracker}}i(ce,"reportItem");function pe(e,t){let r=e.map(o=>o.createdOn??o.incident.date).filter(o=>o!==null&&o<=t).sort()[0],s=r===void 0?1:Math.min(ue,Math.floor(A(r,t)/7)+2);return M(e,t,s).map(o=>({date:o.date,open:o.open,overdue:o.overdue,done:e.filter(l=>(l.createdOn===null||l.createdOn<=o.date)&&!B(l,o.date)).length}))}i(pe,"series");function V(e,t){let r=new Map,s=i(o=>{let l=o===null?null:o.toLowerCase(),a=r.get(l);return a||(a={name:o,incidents:0,open:0,overdue:0,done:0,seen:new Set},r.set(l,a)),a},"row");for(let o of e)for(let l of o.items)for(let a of t(o,l)){let n=s(a);n[l.state]++,l.state==="overdue"&&n.open++,n.seen.has(o.ref.path)||(n.seen.add(o.ref.path),n.incidents++)}return[...r.values()].map(o=>({name:o.name,incidents:o.incidents,open:o.open,overdue:o.overdue,done:o.done})).sort((o,l)=>l.overdue-o.overdue||l.open-o.open||(o.name??"￿").localeCompare(l.name??"￿"))}i(V,"breakdown");function k(e){let t=e.postmortems.filter(n=>!q(n)),r=U({...e,postmortems:t}),s=r.today,o=_(t,e.issues,e.config),l=new Map;for(let n of o){let d=l.get(n.path);d?d.push(n):l.set(n.path,[n])}let a=t.map(n=>({ref:L(n),services:[...n.services],tags:[...n.tags],items:(l.get(n.path)??[]).map(d=>ce(d,s))})).sort((n,d)=>(d.ref.date??"").localeCompare(n.ref.date??"")||n.ref.path.localeCompare(d.ref.path));return{digest:r,series:pe(o,s),incidents:a,byOwner:V(a,(n,d)=>[d?.owner??null]),byService:V(a,n=>n.services.length>0?n.services:[null])}}i(k,"buildReport");var me={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"};function C(e){return e.replace(/[&<>"']/g,t=>me[t])}i(C,"escapeHtml");function Y(e){return JSON.stringify(e).replace(/</g,"\\u003c").replace(/>/g,"\\u003e").replace(/&/g,"\\u0026").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}i(Y,"jsonForScript");function x(e){return e.replace(/<\/(script)/gi,"<\\/$1").replace(/<!--/g,"<\\!--")}i(x,"inlineScript");var Z=`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var chartEl = document.getElementById('items-chart');
  var plot = null;
  var drawnOnce = false;
  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }
  function draw() {
    if (typeof uPlot === 'undefined' || !chartEl || data.series.length < 2) return;
    if (plot) { plot.destroy(); plot = null; }
    var xs = data.series.map(function (p) { return Date.parse(p.date + 'T00:00:00Z') / 1000; });
    var axis = { stroke: colour('--fg'), grid: { stroke: colour('--border') }, ticks: { stroke: colour('--border') } };
    plot = new uPlot({
      width: Math.max(280, (chartEl.parentElement || chartEl).clientWidth || 600),
      height: 260,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      series: [
        {},
        { label: 'Open', stroke: colour('--open'), width: 2 },
        { label: 'Overdue', stroke: colour('--overdue'), width: 2, dash: [6, 4] },
        { label: 'Done', stroke: colour('--done'), width: 2, dash: [2, 3] }
      ],
      axes: [axis, axis]
    }, [
      xs,
      data.series.map(function (p) { return p.open; }),
      data.series.map(function (p) { return p.overdue; }),
      data.series.map(function (p) { return p.done; })
    ], chartEl);
    var details = document.getElementById('series-table');
    if (details && !drawnOnce) details.open = false;
    drawnOnce = true;
  }
  draw();
  if (window.matchMedia) {
    var mq = window.matchMedia('(prefers-color-scheme: dark)');
    if (mq.addEventListener) mq.addEventListener('change', draw);
  }
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 150);
  });

  var form = document.getElementById('incident-filters');
  if (!form) return;
  form.hidden = false;
  var text = document.getElementById('filter-text');
  var severity = document.getElementById('filter-severity');
  var state = document.getElementById('filter-state');
  var status = document.getElementById('filter-status');
  var incidents = Array.prototype.slice.call(document.querySelectorAll('.incident'));
  function apply() {
    var q = text.value.trim().toLowerCase();
    var sev = severity.value;
    var st = state.value;
    var shown = 0;
    incidents.forEach(function (el) {
      var ok = (!q || el.getAttribute('data-search').indexOf(q) !== -1) &&
        (!sev || el.getAttribute('data-severity') === sev) &&
        (!st || el.getAttribute('data-states').split(' ').indexOf(st) !== -1);
      el.hidden = !ok;
      if (ok) shown++;
    });
    status.textContent = shown + ' of ' + incidents.length + ' incidents shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
})();
`;var K=`
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
  --link: #0550ae; --open: #0550ae; --overdue: #b3261e; --done: #1a7f37; --focus: #8250df;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
    --link: #6cb6ff; --open: #6cb6ff; --overdue: #ff8182; --done: #56d364; --focus: #d2a8ff;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; }
.skip:focus { left: .5rem; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .5rem 0 0; }
h1 { font-size: 1.6rem; margin: .25rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
.muted { color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 1rem 0; padding: 0; }
.figures div { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .75rem 1rem; }
.figures dt { color: var(--muted); font-size: .9rem; }
.figures dd { margin: 0; font-size: 2rem; font-weight: 600; }
.figures .overdue dd { color: var(--overdue); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--border); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.state-overdue { color: var(--overdue); font-weight: 600; }
.disagree { color: var(--overdue); }
.state-done { color: var(--done); }
.state-open { color: var(--open); }
.chart { margin: .5rem 0; min-height: 1px; }
.chart:empty { display: none; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; }
.filters label { display: flex; flex-direction: column; font-size: .9rem; }
.filters[hidden] { display: none; }
.filters input, .filters select { font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 4px; padding: .25rem .4rem; }
.incident { border: 1px solid var(--border); border-radius: 6px; padding: .25rem 1rem; margin: .75rem 0; }
.incident[hidden] { display: none; }
.tags { color: var(--muted); font-size: .9rem; }
footer { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; margin-top: 2rem; }
.uplot, .uplot * { color: var(--fg); }
@media print { nav, .filters, .chart { display: none; } }
`;var fe={service:"same service",tag:"same tag",rootCauseCategory:"same root-cause category",similarity:"similar wording"},u=C;function m(e){return`<td class="num">${e}</td>`}i(m,"num");function b(e){return e===null?"—":`${e}%`}i(b,"percentText");function X(e){if(e===null)return"—";let t=Math.round(e);if(t<60)return`${t} min`;let r=Math.floor(t/60);return t%60===0?`${r} h`:`${r} h ${t%60} min`}i(X,"minutes");function ge(e,t){if(e===null)return"—";let r=Math.round(e);return r===0?`± 0 ${t}`:`${r>0?"+":"−"}${Math.abs(r)} ${t}`}i(ge,"trendText");function te(e,t,r){return r.repoUrl===null||!/^https?:\/\//i.test(r.repoUrl)?null:`${r.repoUrl}/blob/${encodeURIComponent(r.defaultBranch)}/${G(e)}#L${t}`}i(te,"postmortemHref");function re(e,t){return t===null?u(e):`<a href="${u(t)}">${u(e)}</a>`}i(re,"link");function f(e,t,r,s=[]){let o=t.map((a,n)=>`<th scope="col"${s.includes(n)?' class="num"':""}>${a}</th>`).join(""),l=r.length>0?r.join(`
`):`<tr><td colspan="${t.length}">None.</td></tr>`;return`<div class="table-wrap"><table><caption>${e}</caption><thead><tr>${o}</tr></thead><tbody>
${l}
</tbody></table></div>`}i(f,"table");function he(e){let t=e.digest.items;return`<dl class="figures" aria-label="Headline figures">
<div><dt>Open action items</dt><dd data-metric="open">${t.open}</dd></div>
<div class="overdue"><dt>Overdue</dt><dd data-metric="overdue">${t.overdue.length}</dd></div>
<div><dt>Completion (items due in the last ${t.rateWindowDays} days, done)</dt><dd data-metric="completion">${b(t.completion.value)}</dd></div>
<div><dt>On time</dt><dd data-metric="on-time">${b(t.onTime.value)}</dd></div>
</dl>`}i(he,"renderHeadline");function ye(e){let t=e.series.map(r=>`<tr><th scope="row">${u(r.date)}</th>${m(r.open)}${m(r.overdue)}${m(r.done)}</tr>`);return`<section aria-labelledby="h-time"><h2 id="h-time">Action items over time</h2>
<div class="chart" id="items-chart" aria-hidden="true"></div>
<details id="series-table" open><summary>The figures week by week (${e.series.length} weeks)</summary>
${f("Open, overdue and done action items at the end of each week",["Week ending","Open","Overdue","Done"],t,[1,2,3])}
</details></section>`}i(ye,"renderSeries");function Q(e,t){return`<tr><th scope="row">${e}</th><td class="num">${b(t.value)}</td><td class="num">${b(t.previous)}</td><td class="num">${ge(t.trend,"pts")}</td>${m(t.of)}${m(t.unknown)}</tr>`}i(Q,"rateRow");function $e(e){let t=e.digest.items;return`<section aria-labelledby="h-rates"><h2 id="h-rates">Completion and on-time rates</h2>
${f(`Items that fell due in the last ${t.rateWindowDays} days, against the ${t.rateWindowDays} days before`,["Rate","Now","Previous","Change","Items","Closing date unknown"],[Q("Completion",t.completion),Q("On time",t.onTime)],[1,2,3,4,5])}</section>`}i($e,"renderRates");function S(e){let t=e.met===null?"":e.met?" (met)":" (missed)";return`<td class="num">${X(e.median)}</td><td class="num">${X(e.target)}${t}</td>`}i(S,"metricCells");function be(e){let t=e.digest.response.map(r=>`<tr><th scope="row">${u(r.severity)}</th>${m(r.incidents)}${S(r.mttd)}${S(r.mtta)}${S(r.mttr)}</tr>`);return`<section aria-labelledby="h-response"><h2 id="h-response">Response times per severity</h2>
${f(`Median minutes over the last ${e.digest.windowDays} days against the configured targets`,["Severity","Incidents","MTTD","Target","MTTA","Target","MTTR","Target"],t,[1,2,3,4,5,6,7])}</section>`}i(be,"renderResponse");function we(e,t){let r=e.digest.recurrence.map(s=>{let o=[{basis:s.basis,key:s.key},...s.also].map(n=>`${fe[n.basis]}: <code>${u(n.key)}</code>`).join("<br>"),l=s.incidents.map(n=>`<li>${u(n.date??"")} ${u(n.severity??"")} ${re(n.title,te(n.path,n.line,t))}</li>`).join(""),a=s.recurredWhileOpen.map(n=>`<li>${u(n.incident.title)} recurred while ${n.openItems.length} item(s) of ${u(n.earlier.title)} were open</li>`).join("");return`<tr><td>${o}</td><td><ul>${l}</ul></td><td>${a?`<ul>${a}</ul>`:"No"}</td></tr>`});return`<section aria-labelledby="h-recurrence"><h2 id="h-recurrence">Recurring incidents</h2>
${f(`Incidents of the same class at most ${e.digest.recurrenceWindowDays} days apart, latest in the last ${e.digest.recurrenceLookbackDays} days`,["Why grouped","Incidents","Recurred while earlier items were open"],r)}</section>`}i(we,"renderRecurrence");function ee(e,t){return e.map(r=>`<tr><th scope="row">${r.name===null?`<em>${t}</em>`:u(r.name)}</th>${m(r.incidents)}${m(r.open)}${m(r.overdue)}${m(r.done)}</tr>`)}i(ee,"breakdownRows");function ve(e){let t=["Incidents","Open","of which overdue","Done"];return`<section aria-labelledby="h-owners"><h2 id="h-owners">Per owner</h2>
${f("Action items per owner (the issue assignee when tracked)",["Owner",...t],ee(e.byOwner,"no owner"),[1,2,3,4])}</section>
<section aria-labelledby="h-services"><h2 id="h-services">Per service</h2>
${f("Action items per service named in the post-mortem",["Service",...t],ee(e.byService,"no service"),[1,2,3,4])}</section>`}i(ve,"renderBreakdowns");function Re(e){let t=e.issue!==null&&/^https?:\/\//i.test(e.issue.url)?`<a href="${u(e.issue.url)}">#${e.issue.number}</a>`:e.tracker!==null?u(e.tracker):"—",r=(e.due===null?"—":e.dueVague!==null?`${u(e.due)} <span class="muted">(“${u(e.dueVague)}”)</span>`:u(e.due))+(e.dueDisagreement?` <span class="disagree">(${u(z(e.dueDisagreement))})</span>`:"");return`<tr><td>${u(e.title)}</td><td>${e.owner===null?"—":u(e.owner)}</td><td>${r}</td><td class="state-${e.state}">${e.state}</td><td>${t}</td></tr>`}i(Re,"itemRowHtml");function De(e,t,r){let{ref:s}=e,o=[...new Set(e.items.map(n=>n.state))].join(" "),l=[s.title,s.path,...e.services,...e.tags,...e.items.map(n=>`${n.title} ${n.owner??""}`)].join(" ").toLowerCase(),a=[s.date??"date unknown",s.severity??"severity unknown",e.services.length>0?`services: ${e.services.join(", ")}`:"",e.tags.length>0?`tags: ${e.tags.join(", ")}`:""].filter(Boolean).map(u).join(" · ");return`<article class="incident" aria-labelledby="inc-${t}" data-severity="${u(s.severity??"")}" data-states="${u(o)}" data-search="${u(l)}">
<h3 id="inc-${t}">${re(s.title,te(s.path,s.line,r))}</h3>
<p class="tags">${a} · <code>${u(s.path)}</code></p>
${f(`Action items of ${u(s.title)}`,["Action item","Owner","Due","State","Issue"],e.items.map(Re))}
</article>`}i(De,"renderIncident");function Ie(e,t){return`<section aria-labelledby="h-incidents"><h2 id="h-incidents">Incidents and their action items</h2>
<form class="filters" id="incident-filters" hidden role="search" aria-label="Filter incidents">
<label>Text<input type="search" id="filter-text" autocomplete="off"></label>
<label>Severity<select id="filter-severity"><option value="">All</option>${[...new Set(e.incidents.map(o=>o.ref.severity).filter(o=>o!==null))].sort().map(o=>`<option value="${u(o)}">${u(o)}</option>`).join("")}</select></label>
<label>Items<select id="filter-state"><option value="">All</option><option value="open">With open items</option><option value="overdue">With overdue items</option><option value="done">With done items</option></select></label>
<p id="filter-status" role="status" class="muted"></p>
</form>
${e.incidents.map((o,l)=>De(o,l,t)).join(`
`)}
</section>`}i(Ie,"renderIncidents");function P(e,t){let r=e.digest,s=`Post-mortem action items — ${r.today}`;return`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="color-scheme" content="light dark">
<title>${u(s)}</title>
<style>${t.uplotCss.replace(/<\/(style)/gi,"<\\/$1")}</style>
<style>${K}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the figures</a>
<header>
<h1>${u(s)}</h1>
<p class="muted">${r.postmortems} post-mortems, ${r.items.total} action items; status from ${r.statusSource==="issues"?"the tracked GitHub issues":"the markdown"}; as of ${u(r.today)} (${u(r.timeZone)}).</p>
<nav aria-label="Sections"><ul>
<li><a href="#h-time">Over time</a></li><li><a href="#h-rates">Rates</a></li><li><a href="#h-response">Response times</a></li>
<li><a href="#h-recurrence">Recurring</a></li><li><a href="#h-owners">Per owner</a></li><li><a href="#h-services">Per service</a></li><li><a href="#h-incidents">Incidents</a></li>
</ul></nav>
</header>
<main id="main" tabindex="-1">
${he(e)}
${ye(e)}
${$e(e)}
${be(e)}
${we(e,t)}
${ve(e)}
${Ie(e,t)}
</main>
<footer><p>Generated by postmortem-tracker at ${u(r.generatedAt)}. Charts drawn with uPlot (MIT); every chart's figures are in the table beside it.</p></footer>
<script type="application/json" id="report-data">${Y({series:e.series})}</script>
<script>${x(t.uplotJs)}</script>
<script>${x(Z)}</script>
</body>
</html>
`}i(P,"renderReport");import{readFile as ne}from"node:fs/promises";import{createRequire as ke}from"node:module";import{fileURLToPath as oe}from"node:url";var w={js:"uPlot.iife.min.js",css:"uPlot.min.css"};async function se(){let e=[()=>{let t=ke(import.meta.url);return{js:t.resolve(`uplot/dist/${w.js}`),css:t.resolve(`uplot/dist/${w.css}`)}},()=>({js:oe(new URL(`./uplot/${w.js}`,import.meta.url)),css:oe(new URL(`./uplot/${w.css}`,import.meta.url))})];for(let t of e)try{let{js:r,css:s}=t(),[o,l]=await Promise.all([ne(r,"utf8"),ne(s,"utf8")]);return{uplotJs:o,uplotCss:l}}catch(r){let s=r.code;if(s!=="MODULE_NOT_FOUND"&&s!=="ENOENT")throw r}return null}i(se,"readUplotAssets");var ie="author { __typename login }",E=`id number url title body createdAt ${ie}`,v=`id url body createdAt ${ie} replyTo { id }`;function ae(e){return e?e.__typename==="Bot"&&!e.login.endsWith("[bot]")?`${e.login}[bot]`:e.login:null}i(ae,"authorLogin");function T(e){return{...e,author:ae(e.author)}}i(T,"toDiscussion");function R(e){return{id:e.id,url:e.url,body:e.body,createdAt:e.createdAt,author:ae(e.author),replyToId:e.replyTo?.id??null}}i(R,"toComment");function de(e,t){let{owner:r,repo:s}=t,o=null;async function l(){if(o)return o;let n=(await e.graphql(`query($owner: String!, $repo: String!) {
        repository(owner: $owner, name: $repo) { id url hasDiscussionsEnabled defaultBranchRef { name } }
      }`,{owner:r,repo:s})).repository;return o={id:n.id,url:n.url,hasDiscussionsEnabled:n.hasDiscussionsEnabled,defaultBranch:n.defaultBranchRef?.name??"main"},o}return i(l,"getRepository"),{getRepository:l,async hasDiscussionsEnabled(){return(await l()).hasDiscussionsEnabled},async listCategories(){let a=[],n=null;do{let c=(await e.graphql(`query($owner: String!, $repo: String!, $after: String) {
            repository(owner: $owner, name: $repo) {
              discussionCategories(first: 100, after: $after) { nodes { id name slug } pageInfo { hasNextPage endCursor } }
            }
          }`,{owner:r,repo:s,after:n})).repository.discussionCategories;a.push(...c.nodes),n=c.pageInfo.hasNextPage?c.pageInfo.endCursor:null}while(n);return a},async findDiscussion(a,{from:n,accept:d}){let c=n==="oldest"?"ASC":"DESC",p=null;do{let h=(await e.graphql(`query($owner: String!, $repo: String!, $categoryId: ID!, $after: String, $direction: OrderDirection!) {
            repository(owner: $owner, name: $repo) {
              discussions(first: 50, after: $after, categoryId: $categoryId, orderBy: { field: CREATED_AT, direction: $direction }) {
                nodes { ${E} }
                pageInfo { hasNextPage endCursor }
              }
            }
          }`,{owner:r,repo:s,categoryId:a,after:p,direction:c})).repository.discussions,O=h.nodes.map(T).find(d);if(O)return O;p=h.pageInfo.hasNextPage?h.pageInfo.endCursor:null}while(p);return null},async createDiscussion({categoryId:a,title:n,body:d}){let c=(await l()).id,p=await e.graphql(`mutation($repositoryId: ID!, $categoryId: ID!, $title: String!, $body: String!) {
          createDiscussion(input: { repositoryId: $repositoryId, categoryId: $categoryId, title: $title, body: $body }) {
            discussion { ${E} }
          }
        }`,{repositoryId:c,categoryId:a,title:n,body:d});return T(p.createDiscussion.discussion)},async updateDiscussion(a,n){let d=await e.graphql(`mutation($id: ID!, $title: String, $body: String) {
          updateDiscussion(input: { discussionId: $id, title: $title, body: $body }) { discussion { ${E} } }
        }`,{id:a,...n.title!==void 0?{title:n.title}:{},...n.body!==void 0?{body:n.body}:{}});return T(d.updateDiscussion.discussion)},async listDiscussionComments(a){let n=[],d=null;do{let p=(await e.graphql(`query($id: ID!, $after: String) {
            node(id: $id) {
              ... on Discussion {
                comments(first: 50, after: $after) {
                  nodes { ${v} replies(first: 50) { nodes { ${v} } pageInfo { hasNextPage endCursor } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }
          }`,{id:a,after:d})).node?.comments;if(!p)break;for(let y of p.nodes){n.push(R({...y,replyTo:null}));for(let h of y.replies.nodes)n.push(R({...h,replyTo:{id:y.id}}))}d=p.pageInfo.hasNextPage?p.pageInfo.endCursor:null}while(d);return n},async addDiscussionComment(a,n,d){let c=await e.graphql(`mutation($discussionId: ID!, $body: String!, $replyToId: ID) {
          addDiscussionComment(input: { discussionId: $discussionId, body: $body, replyToId: $replyToId }) { comment { ${v} } }
        }`,{discussionId:a,body:n,...d?{replyToId:d}:{}});return R(c.addDiscussionComment.comment)},async updateDiscussionComment(a,n){let d=await e.graphql(`mutation($commentId: ID!, $body: String!) {
          updateDiscussionComment(input: { commentId: $commentId, body: $body }) { comment { ${v} } }
        }`,{commentId:a,body:n});return R(d.updateDiscussionComment.comment)},async pinIssue(a){let d=(await e.graphql("query($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) { issue(number: $number) { id isPinned } } }",{owner:r,repo:s,number:a})).repository.issue;!d||d.isPinned||await e.graphql("mutation($issueId: ID!) { pinIssue(input: { issueId: $issueId }) { issue { id } } }",{issueId:d.id})},async updateIssueComment(a,n){let{data:d}=await e.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",{owner:r,repo:s,comment_id:a,body:n}),c=d;return{id:c.id,url:c.html_url,body:c.body??"",createdAt:c.created_at,author:c.user?.login??null}}}}i(de,"createOctokitDiscussions");function Pe(e,t){let r=e.publication?`Posted (${e.publication.outcome}) to ${e.publication.target==="issue"?"the digest issue":"GitHub Discussions"}: ${e.publication.url}`:t?"Dry run: the digest below was not posted.":"The digest was not posted.",s=e.messages.map(l=>`> [!WARNING]
> ${l}`).join(`

`),o=e.reminders?`Reminders: ${e.reminders.posted.length} posted, ${e.reminders.skipped.length} already reminded this week, ${e.reminders.deferred.length} deferred.

`:"";return`# Post-mortem digest ${e.digest.week}

${r}

${s?`${s}

`:""}${o}${e.bodies.join(`

`)}
`}i(Pe,"renderDigestSummary");async function Rt(e){let{env:t,config:r}=e,{postmortems:s,unreadable:o,files:l,refused:a}=await F(t.workspace,e.paths,r);for(let c of o)g(`${c.message}; it is left out of the digest.`,{file:c.path});for(let c of a)g(`${c.reason}; not read, and left out of the digest.`,{title:"path refused"});l.length===0&&g(`no post-mortems found in ${e.paths.join(", ")}; the digest counts none. Check the "paths" input or the config's "paths".`);let n=de(e.octokit,{owner:t.owner,repo:t.repo}),d;try{d=await H({config:r,now:e.now,postmortems:s,github:{issues:e.port,discussions:n,toolLogin:e.creatorLogin},publish:!e.inputs.dryRun,log:i(c=>$(c),"log")})}catch(c){throw c instanceof N&&await D.addRaw(`# Post-mortem digest

Not posted: ${c.message}
`).write(),c}for(let c of d.messages)g(c);return e.inputs.reportDir!==""&&await Ee(e,s),await D.addRaw(Pe(d,e.inputs.dryRun)).write(),{created:d.publication?.outcome==="created"?1:0,updated:d.publication?.outcome==="updated"?1:0,closed:0,problems:o.length+a.length+d.messages.length,items:{},digestUrl:d.url??"",failure:null}}i(Rt,"runDigestMode");async function Ee(e,t){let{env:r,config:s}=e,o=j(e.inputs.reportDir);if(o!==null)throw new Error(`input "report-dir": "${I(e.inputs.reportDir)}" ${o}`);let l=await e.creatorLogin(),a=l===null?[]:await W(e.port,s,l,{projectDue:!0,log:$}),n=k({postmortems:t,issues:a,config:s,now:e.now}),d=await se();d===null&&g("uPlot was not found: the dashboard has its tables only.");let c=P(n,{...d??{uplotJs:"",uplotCss:""},repoUrl:`${r.serverUrl}/${r.owner}/${r.repo}`,defaultBranch:Te(r.payload)??"main"}),p=le(r.workspace,e.inputs.reportDir);if((await Ce(p).catch(()=>null))?.isSymbolicLink())throw new Error(`input "report-dir": "${I(e.inputs.reportDir)}" is a symbolic link; name a real folder`);await xe(p,{recursive:!0}),await Se(le(p,"index.html"),c,"utf8"),$(`dashboard written to ${e.inputs.reportDir}/index.html (${n.incidents.length} post-mortems)`)}i(Ee,"writeDashboard");function Te(e){let t=e.repository;if(typeof t!="object"||t===null)return null;let r=t.default_branch;return typeof r=="string"&&r!==""?r:null}i(Te,"defaultBranchOf");export{Pe as renderDigestSummary,Rt as runDigestMode};
