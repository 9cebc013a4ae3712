import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as B,b as j,c as M,d as L,e as U,f as z,g as W,h as Y}from"./chunk-4NWA4OO2.js";import"./chunk-UHTYYOGC.js";import{l as N,q}from"./chunk-35BHR62H.js";import"./chunk-NOGIKHQ2.js";import{a as P}from"./chunk-MK3LWZJF.js";import{f as A}from"./chunk-RKLKCA76.js";import"./chunk-ZVVBP2BC.js";import{a as S}from"./chunk-EWD6KRUU.js";import{e as O}from"./chunk-KFSZTXL5.js";import{b as C}from"./chunk-APKR33LI.js";import{e as g}from"./chunk-LP43X6PM.js";import{a as s,i as T,j as E}from"./chunk-QBB5ZUL2.js";import{mkdir as be,writeFile as $e}from"node:fs/promises";import{join as Re,resolve as ke}from"node:path";function F(e,t){return e.status==="done"?"done":e.due!==null&&e.due<t?"overdue":"open"}s(F,"itemState");var oe=104;function se(e,t){return{key:e.key,title:e.title,line:e.line,owner:e.owner,due:e.due,dueVague:e.dueVague,...e.dueDisagreement?{dueDisagreement:e.dueDisagreement}:{},state:F(e,t),statusSource:e.statusSource,issue:e.issue,tracker:e.tracker}}s(se,"reportItem");function ie(e,t){let r=e.map(n=>n.createdOn??n.incident.date).filter(n=>n!==null&&n<=t).sort()[0],i=r===void 0?1:Math.min(oe,Math.floor(T(r,t)/7)+2);return L(e,t,i).map(n=>({date:n.date,open:n.open,overdue:n.overdue,done:e.filter(a=>(a.createdOn===null||a.createdOn<=n.date)&&!M(a,n.date)).length}))}s(ie,"series");function H(e,t){let r=new Map,i=s(n=>{let a=n===null?null:n.toLowerCase(),l=r.get(a);return l||(l={name:n,incidents:0,open:0,overdue:0,done:0,seen:new Set},r.set(a,l)),l},"row");for(let n of e)for(let a of n.items)for(let l of t(n,a)){let o=i(l);o[a.state]++,a.state==="overdue"&&o.open++,o.seen.has(n.ref.path)||(o.seen.add(n.ref.path),o.incidents++)}return[...r.values()].map(n=>({name:n.name,incidents:n.incidents,open:n.open,overdue:n.overdue,done:n.done})).sort((n,a)=>a.overdue-n.overdue||a.open-n.open||(n.name??"￿").localeCompare(a.name??"￿"))}s(H,"breakdown");function w(e){let t=e.postmortems.filter(o=>!O(o)),r=W({...e,postmortems:t}),i=r.today,n=z(t,e.issues,e.config),a=new Map;for(let o of n){let c=a.get(o.path);c?c.push(o):a.set(o.path,[o])}let l=t.map(o=>({ref:U(o),services:[...o.services],tags:[...o.tags],items:(a.get(o.path)??[]).map(c=>se(c,i))})).sort((o,c)=>(c.ref.date??"").localeCompare(o.ref.date??"")||o.ref.path.localeCompare(c.ref.path));return{digest:r,series:ie(n,i),incidents:l,byOwner:H(l,(o,c)=>[c?.owner??null]),byService:H(l,o=>o.services.length>0?o.services:[null])}}s(w,"buildReport");var ae={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"};function y(e){return e.replace(/[&<>"']/g,t=>ae[t])}s(y,"escapeHtml");function _(e){return JSON.stringify(e).replace(/</g,"\\u003c").replace(/>/g,"\\u003e").replace(/&/g,"\\u0026").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}s(_,"jsonForScript");function b(e){return e.replace(/<\/(script)/gi,"<\\/$1").replace(/<!--/g,"<\\!--")}s(b,"inlineScript");var Z=`
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
`;var J=`
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
`;var de={service:"same service",tag:"same tag",rootCauseCategory:"same root-cause category",similarity:"similar wording"},d=y;function p(e){return`<td class="num">${e}</td>`}s(p,"num");function h(e){return e===null?"—":`${e}%`}s(h,"percentText");function V(e){if(e===null)return"—";let t=Math.round(e);if(t<60)return`${t} min`;let r=Math.floor(t/60);return t%60===0?`${r} h`:`${r} h ${t%60} min`}s(V,"minutes");function le(e,t){if(e===null)return"—";let r=Math.round(e);return r===0?`± 0 ${t}`:`${r>0?"+":"−"}${Math.abs(r)} ${t}`}s(le,"trendText");function X(e,t,r){return r.repoUrl===null||!/^https?:\/\//i.test(r.repoUrl)?null:`${r.repoUrl}/blob/${encodeURIComponent(r.defaultBranch)}/${N(e)}#L${t}`}s(X,"postmortemHref");function Q(e,t){return t===null?d(e):`<a href="${d(t)}">${d(e)}</a>`}s(Q,"link");function m(e,t,r,i=[]){let n=t.map((l,o)=>`<th scope="col"${i.includes(o)?' class="num"':""}>${l}</th>`).join(""),a=r.length>0?r.join(`
`):`<tr><td colspan="${t.length}">None.</td></tr>`;return`<div class="table-wrap"><table><caption>${e}</caption><thead><tr>${n}</tr></thead><tbody>
${a}
</tbody></table></div>`}s(m,"table");function ce(e){let t=e.digest.items;return`<dl class="figures" aria-label="Headline figures">
<div><dt>Open action items</dt><dd data-metric="open">${t.open}</dd></div>
<div class="overdue"><dt>Overdue</dt><dd data-metric="overdue">${t.overdue.length}</dd></div>
<div><dt>Completion (items due in the last ${t.rateWindowDays} days, done)</dt><dd data-metric="completion">${h(t.completion.value)}</dd></div>
<div><dt>On time</dt><dd data-metric="on-time">${h(t.onTime.value)}</dd></div>
</dl>`}s(ce,"renderHeadline");function ue(e){let t=e.series.map(r=>`<tr><th scope="row">${d(r.date)}</th>${p(r.open)}${p(r.overdue)}${p(r.done)}</tr>`);return`<section aria-labelledby="h-time"><h2 id="h-time">Action items over time</h2>
<div class="chart" id="items-chart" aria-hidden="true"></div>
<details id="series-table" open><summary>The figures week by week (${e.series.length} weeks)</summary>
${m("Open, overdue and done action items at the end of each week",["Week ending","Open","Overdue","Done"],t,[1,2,3])}
</details></section>`}s(ue,"renderSeries");function G(e,t){return`<tr><th scope="row">${e}</th><td class="num">${h(t.value)}</td><td class="num">${h(t.previous)}</td><td class="num">${le(t.trend,"pts")}</td>${p(t.of)}${p(t.unknown)}</tr>`}s(G,"rateRow");function pe(e){let t=e.digest.items;return`<section aria-labelledby="h-rates"><h2 id="h-rates">Completion and on-time rates</h2>
${m(`Items that fell due in the last ${t.rateWindowDays} days, against the ${t.rateWindowDays} days before`,["Rate","Now","Previous","Change","Items","Closing date unknown"],[G("Completion",t.completion),G("On time",t.onTime)],[1,2,3,4,5])}</section>`}s(pe,"renderRates");function $(e){let t=e.met===null?"":e.met?" (met)":" (missed)";return`<td class="num">${V(e.median)}</td><td class="num">${V(e.target)}${t}</td>`}s($,"metricCells");function me(e){let t=e.digest.response.map(r=>`<tr><th scope="row">${d(r.severity)}</th>${p(r.incidents)}${$(r.mttd)}${$(r.mtta)}${$(r.mttr)}</tr>`);return`<section aria-labelledby="h-response"><h2 id="h-response">Response times per severity</h2>
${m(`Median minutes over the last ${e.digest.windowDays} days against the configured targets`,["Severity","Incidents","MTTD","Target","MTTA","Target","MTTR","Target"],t,[1,2,3,4,5,6,7])}</section>`}s(me,"renderResponse");function fe(e,t){let r=e.digest.recurrence.map(i=>{let n=[{basis:i.basis,key:i.key},...i.also].map(o=>`${de[o.basis]}: <code>${d(o.key)}</code>`).join("<br>"),a=i.incidents.map(o=>`<li>${d(o.date??"")} ${d(o.severity??"")} ${Q(o.title,X(o.path,o.line,t))}</li>`).join(""),l=i.recurredWhileOpen.map(o=>`<li>${d(o.incident.title)} recurred while ${o.openItems.length} item(s) of ${d(o.earlier.title)} were open</li>`).join("");return`<tr><td>${n}</td><td><ul>${a}</ul></td><td>${l?`<ul>${l}</ul>`:"No"}</td></tr>`});return`<section aria-labelledby="h-recurrence"><h2 id="h-recurrence">Recurring incidents</h2>
${m(`Incidents of the same class at most ${e.digest.recurrenceWindowDays} days apart, latest in the last ${e.digest.recurrenceLookbackDays} days`,["Why grouped","Incidents","Recurred while earlier items were open"],r)}</section>`}s(fe,"renderRecurrence");function K(e,t){return e.map(r=>`<tr><th scope="row">${r.name===null?`<em>${t}</em>`:d(r.name)}</th>${p(r.incidents)}${p(r.open)}${p(r.overdue)}${p(r.done)}</tr>`)}s(K,"breakdownRows");function ge(e){let t=["Incidents","Open","of which overdue","Done"];return`<section aria-labelledby="h-owners"><h2 id="h-owners">Per owner</h2>
${m("Action items per owner (the issue assignee when tracked)",["Owner",...t],K(e.byOwner,"no owner"),[1,2,3,4])}</section>
<section aria-labelledby="h-services"><h2 id="h-services">Per service</h2>
${m("Action items per service named in the post-mortem",["Service",...t],K(e.byService,"no service"),[1,2,3,4])}</section>`}s(ge,"renderBreakdowns");function he(e){let t=e.issue!==null&&/^https?:\/\//i.test(e.issue.url)?`<a href="${d(e.issue.url)}">#${e.issue.number}</a>`:e.tracker!==null?d(e.tracker):"—",r=(e.due===null?"—":e.dueVague!==null?`${d(e.due)} <span class="muted">(“${d(e.dueVague)}”)</span>`:d(e.due))+(e.dueDisagreement?` <span class="disagree">(${d(Y(e.dueDisagreement))})</span>`:"");return`<tr><td>${d(e.title)}</td><td>${e.owner===null?"—":d(e.owner)}</td><td>${r}</td><td class="state-${e.state}">${e.state}</td><td>${t}</td></tr>`}s(he,"itemRowHtml");function ve(e,t,r){let{ref:i}=e,n=[...new Set(e.items.map(o=>o.state))].join(" "),a=[i.title,i.path,...e.services,...e.tags,...e.items.map(o=>`${o.title} ${o.owner??""}`)].join(" ").toLowerCase(),l=[i.date??"date unknown",i.severity??"severity unknown",e.services.length>0?`services: ${e.services.join(", ")}`:"",e.tags.length>0?`tags: ${e.tags.join(", ")}`:""].filter(Boolean).map(d).join(" · ");return`<article class="incident" aria-labelledby="inc-${t}" data-severity="${d(i.severity??"")}" data-states="${d(n)}" data-search="${d(a)}">
<h3 id="inc-${t}">${Q(i.title,X(i.path,i.line,r))}</h3>
<p class="tags">${l} · <code>${d(i.path)}</code></p>
${m(`Action items of ${d(i.title)}`,["Action item","Owner","Due","State","Issue"],e.items.map(he))}
</article>`}s(ve,"renderIncident");function we(e,t){return`<section aria-labelledby="h-incidents"><h2 id="h-incidents">Incidents and their action items</h2>
<form class="filters" id="incident-filters" hidden role="search" aria-label="Filter incidents">
<label>Text<input type="search" id="filter-text" autocomplete="off"></label>
<label>Severity<select id="filter-severity"><option value="">All</option>${[...new Set(e.incidents.map(n=>n.ref.severity).filter(n=>n!==null))].sort().map(n=>`<option value="${d(n)}">${d(n)}</option>`).join("")}</select></label>
<label>Items<select id="filter-state"><option value="">All</option><option value="open">With open items</option><option value="overdue">With overdue items</option><option value="done">With done items</option></select></label>
<p id="filter-status" role="status" class="muted"></p>
</form>
${e.incidents.map((n,a)=>ve(n,a,t)).join(`
`)}
</section>`}s(we,"renderIncidents");function R(e,t){let r=e.digest,i=`Post-mortem action items — ${r.today}`;return`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="color-scheme" content="light dark">
<title>${d(i)}</title>
<style>${t.uplotCss.replace(/<\/(style)/gi,"<\\/$1")}</style>
<style>${J}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the figures</a>
<header>
<h1>${d(i)}</h1>
<p class="muted">${r.postmortems} post-mortems, ${r.items.total} action items; status from ${r.statusSource==="issues"?"the tracked GitHub issues":"the markdown"}; as of ${d(r.today)} (${d(r.timeZone)}).</p>
<nav aria-label="Sections"><ul>
<li><a href="#h-time">Over time</a></li><li><a href="#h-rates">Rates</a></li><li><a href="#h-response">Response times</a></li>
<li><a href="#h-recurrence">Recurring</a></li><li><a href="#h-owners">Per owner</a></li><li><a href="#h-services">Per service</a></li><li><a href="#h-incidents">Incidents</a></li>
</ul></nav>
</header>
<main id="main" tabindex="-1">
${ce(e)}
${ue(e)}
${pe(e)}
${me(e)}
${fe(e,t)}
${ge(e)}
${we(e,t)}
</main>
<footer><p>Generated by postmortem-tracker at ${d(r.generatedAt)}. Charts drawn with uPlot (MIT); every chart's figures are in the table beside it.</p></footer>
<script type="application/json" id="report-data">${_({series:e.series})}</script>
<script>${b(t.uplotJs)}</script>
<script>${b(Z)}</script>
</body>
</html>
`}s(R,"renderReport");import{readFile as ee}from"node:fs/promises";import{createRequire as ye}from"node:module";import{fileURLToPath as te}from"node:url";var v={js:"uPlot.iife.min.js",css:"uPlot.min.css"};async function re(){let e=[()=>{let t=ye(import.meta.url);return{js:t.resolve(`uplot/dist/${v.js}`),css:t.resolve(`uplot/dist/${v.css}`)}},()=>({js:te(new URL(`./uplot/${v.js}`,import.meta.url)),css:te(new URL(`./uplot/${v.css}`,import.meta.url))})];for(let t of e)try{let{js:r,css:i}=t(),[n,a]=await Promise.all([ee(r,"utf8"),ee(i,"utf8")]);return{uplotJs:n,uplotCss:a}}catch(r){let i=r.code;if(i!=="MODULE_NOT_FOUND"&&i!=="ENOENT")throw r}return null}s(re,"readUplotAssets");var Ie=`Usage: postmortem-tracker report [PATH...] --out DIR [--now YYYY-MM-DD] [--repo-url URL] [--config FILE]

Writes a self-contained dashboard to DIR/index.html: open, overdue and done action items over
time, completion and on-time rates, MTTD/MTTA/MTTR per severity against targets, recurring
incidents, per-owner and per-service breakdowns and every incident with its items. The data and
the charting library are inside the page: it needs no server and makes no request, so DIR can be
published as is (GitHub Pages). The headline figures are those of "digest --format json".

Arguments:
  PATH               files, directories (their **/*.md) or globs; default: the config's "paths"

Options:
  --out DIR          directory to write index.html into (created when missing)
  --now DATE         compute as of this day (YYYY-MM-DD, noon in digest.timeZone); default: now
  --repo-url URL     link post-mortems to https://github.com/OWNER/REPO (default: plain paths)
  --branch NAME      branch of those links (default: main)
  --config FILE      config file; default .github/postmortem-tracker.yml when present
  -h, --help         show this help

Exit status: 0 dashboard written, 2 usage, config or I/O error, or no post-mortem found.
`;async function xe(e){let t=await re();return t!==null?t:(e.stderr.write(`postmortem-tracker report: the uplot package was not found, so the page has no chart; its tables hold every figure (reinstall postmortem-tracker to get the chart).
`),{uplotJs:"",uplotCss:""})}s(xe,"readUplot");async function ft(e,t){let{values:r,positionals:i}=C(e,{out:{type:"string"},now:{type:"string"},"repo-url":{type:"string"},branch:{type:"string",default:"main"},config:{type:"string"},help:{type:"boolean",short:"h"}},"report");if(r.help)return t.stdout.write(Ie),0;if(r.out===void 0||r.out.trim()==="")throw new g("--out DIR is required: the directory to write index.html into");if(r.now!==void 0&&!E(r.now))throw new g(`--now "${r.now}" is not a date; use YYYY-MM-DD, e.g. --now 2026-11-23`);let n=r["repo-url"]??null;if(n!==null&&!/^https:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+\/?$/.test(n))throw new g(`--repo-url "${n}" is not a repository URL; use https://github.com/OWNER/REPO`);let a=await A(t.cwd,r.config);for(let u of a.diagnostics)t.stderr.write(`${u.file}:${u.line}:${u.column}: ${u.severity}: ${u.message} (${u.rule})
`);if(a.diagnostics.some(u=>u.severity==="error"))return t.stderr.write(`postmortem-tracker report: fix the config first; a dashboard on a misread config would mislead.
`),2;let l=a.config;if(!j(l.digest.timeZone))return t.stderr.write(`postmortem-tracker report: digest.timeZone "${l.digest.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)
`),2;let o=r.now!==void 0?new Date(B(r.now,l.digest.timeZone).getTime()+12*36e5):(t.now??(()=>new Date))(),c=await P("report",i,t,l);if(c===null)return 2;let{postmortems:ne,unreadable:k}=await q(t.cwd,c,S(l));for(let u of k)t.stderr.write(`postmortem-tracker report: ${u.message}
`);let f=w({postmortems:ne,issues:[],config:l,now:o}),I=R(f,{...await xe(t),repoUrl:n?.replace(/\/$/,"")??null,defaultBranch:r.branch??"main"}),x=ke(t.cwd,r.out),D=Re(x,"index.html");return await be(x,{recursive:!0}),await $e(D,I,"utf8"),t.stdout.write(`postmortem-tracker report: wrote ${D} (${Math.round(Buffer.byteLength(I)/1024)} KiB; ${f.incidents.length} post-mortems, ${f.digest.items.open} open, ${f.digest.items.overdue.length} overdue)
`),k.length>0?2:0}s(ft,"run");export{ft as run};
