import type { Rate, RecurrenceBasis, ResponseMetric } from '../digest/digest-model.js';
import { encodePath } from '../text/encode-path.js';
import { escapeHtml, inlineScript, jsonForScript } from './escape-html.js';
import type { ReportBreakdown, ReportData, ReportIncident, ReportItem } from './report-model.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_STYLES } from './report-styles.js';
import { renderDueDisagreement } from '../digest/render-due-disagreement.js';

/** What the page bundles and where its links point; the host reads the files, the core only inlines them. */
export interface ReportAssets {
  /** uPlot's IIFE build (`uPlot.iife.min.js`); empty draws no chart (the tables stay). */
  uplotJs: string;
  /** uPlot's style sheet (`uPlot.min.css`). */
  uplotCss: string;
  /** `https://github.com/owner/repo` to link post-mortems to, or null for plain paths. */
  repoUrl: string | null;
  defaultBranch: string;
}

const BASIS_LABEL: Record<RecurrenceBasis, string> = {
  service: 'same service',
  tag: 'same tag',
  rootCauseCategory: 'same root-cause category',
  similarity: 'similar wording',
};

const e = escapeHtml;

function num(n: number): string {
  return `<td class="num">${n}</td>`;
}

function percentText(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

function minutes(value: number | null): string {
  if (value === null) return '—';
  const m = Math.round(value);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

function trendText(delta: number | null, unit: string): string {
  if (delta === null) return '—';
  const r = Math.round(delta);
  return r === 0 ? `± 0 ${unit}` : `${r > 0 ? '+' : '−'}${Math.abs(r)} ${unit}`;
}

function postmortemHref(path: string, line: number, assets: ReportAssets): string | null {
  if (assets.repoUrl === null || !/^https?:\/\//i.test(assets.repoUrl)) return null;
  return `${assets.repoUrl}/blob/${encodeURIComponent(assets.defaultBranch)}/${encodePath(path)}#L${line}`;
}

function link(text: string, href: string | null): string {
  return href === null ? e(text) : `<a href="${e(href)}">${e(text)}</a>`;
}

function table(
  caption: string,
  head: readonly string[],
  rows: readonly string[],
  numeric: readonly number[] = [],
): string {
  const ths = head
    .map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`)
    .join('');
  const body =
    rows.length > 0 ? rows.join('\n') : `<tr><td colspan="${head.length}">None.</td></tr>`;
  return `<div class="table-wrap"><table><caption>${caption}</caption><thead><tr>${ths}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function renderHeadline(data: ReportData): string {
  const items = data.digest.items;
  return `<dl class="figures" aria-label="Headline figures">
<div><dt>Open action items</dt><dd data-metric="open">${items.open}</dd></div>
<div class="overdue"><dt>Overdue</dt><dd data-metric="overdue">${items.overdue.length}</dd></div>
<div><dt>Completion (items due in the last ${items.rateWindowDays} days, done)</dt><dd data-metric="completion">${percentText(items.completion.value)}</dd></div>
<div><dt>On time</dt><dd data-metric="on-time">${percentText(items.onTime.value)}</dd></div>
</dl>`;
}

function renderSeries(data: ReportData): string {
  const rows = data.series.map(
    (p) =>
      `<tr><th scope="row">${e(p.date)}</th>${num(p.open)}${num(p.overdue)}${num(p.done)}</tr>`,
  );
  return `<section aria-labelledby="h-time"><h2 id="h-time">Action items over time</h2>
<div class="chart" id="items-chart" aria-hidden="true"></div>
<details id="series-table" open><summary>The figures week by week (${data.series.length} weeks)</summary>
${table('Open, overdue and done action items at the end of each week', ['Week ending', 'Open', 'Overdue', 'Done'], rows, [1, 2, 3])}
</details></section>`;
}

function rateRow(name: string, r: Rate): string {
  return `<tr><th scope="row">${name}</th><td class="num">${percentText(r.value)}</td><td class="num">${percentText(r.previous)}</td><td class="num">${trendText(r.trend, 'pts')}</td>${num(r.of)}${num(r.unknown)}</tr>`;
}

function renderRates(data: ReportData): string {
  const items = data.digest.items;
  return `<section aria-labelledby="h-rates"><h2 id="h-rates">Completion and on-time rates</h2>
${table(
  `Items that fell due in the last ${items.rateWindowDays} days, against the ${items.rateWindowDays} days before`,
  ['Rate', 'Now', 'Previous', 'Change', 'Items', 'Closing date unknown'],
  [rateRow('Completion', items.completion), rateRow('On time', items.onTime)],
  [1, 2, 3, 4, 5],
)}</section>`;
}

function metricCells(m: ResponseMetric): string {
  const verdict = m.met === null ? '' : m.met ? ' (met)' : ' (missed)';
  return `<td class="num">${minutes(m.median)}</td><td class="num">${minutes(m.target)}${verdict}</td>`;
}

function renderResponse(data: ReportData): string {
  const rows = data.digest.response.map(
    (s) =>
      `<tr><th scope="row">${e(s.severity)}</th>${num(s.incidents)}${metricCells(s.mttd)}${metricCells(s.mtta)}${metricCells(s.mttr)}</tr>`,
  );
  return `<section aria-labelledby="h-response"><h2 id="h-response">Response times per severity</h2>
${table(
  `Median minutes over the last ${data.digest.windowDays} days against the configured targets`,
  ['Severity', 'Incidents', 'MTTD', 'Target', 'MTTA', 'Target', 'MTTR', 'Target'],
  rows,
  [1, 2, 3, 4, 5, 6, 7],
)}</section>`;
}

function renderRecurrence(data: ReportData, assets: ReportAssets): string {
  const rows = data.digest.recurrence.map((g) => {
    const grounds = [{ basis: g.basis, key: g.key }, ...g.also]
      .map((s) => `${BASIS_LABEL[s.basis]}: <code>${e(s.key)}</code>`)
      .join('<br>');
    const incidents = g.incidents
      .map(
        (i) =>
          `<li>${e(i.date ?? '')} ${e(i.severity ?? '')} ${link(i.title, postmortemHref(i.path, i.line, assets))}</li>`,
      )
      .join('');
    const open = g.recurredWhileOpen
      .map(
        (r) =>
          `<li>${e(r.incident.title)} recurred while ${r.openItems.length} item(s) of ${e(r.earlier.title)} were open</li>`,
      )
      .join('');
    return `<tr><td>${grounds}</td><td><ul>${incidents}</ul></td><td>${open ? `<ul>${open}</ul>` : 'No'}</td></tr>`;
  });
  return `<section aria-labelledby="h-recurrence"><h2 id="h-recurrence">Recurring incidents</h2>
${table(
  `Incidents of the same class at most ${data.digest.recurrenceWindowDays} days apart, latest in the last ${data.digest.recurrenceLookbackDays} days`,
  ['Why grouped', 'Incidents', 'Recurred while earlier items were open'],
  rows,
)}</section>`;
}

function breakdownRows(rows: readonly ReportBreakdown[], none: string): string[] {
  return rows.map(
    (r) =>
      `<tr><th scope="row">${r.name === null ? `<em>${none}</em>` : e(r.name)}</th>${num(r.incidents)}${num(r.open)}${num(r.overdue)}${num(r.done)}</tr>`,
  );
}

function renderBreakdowns(data: ReportData): string {
  const head = ['Incidents', 'Open', 'of which overdue', 'Done'];
  return `<section aria-labelledby="h-owners"><h2 id="h-owners">Per owner</h2>
${table('Action items per owner (the issue assignee when tracked)', ['Owner', ...head], breakdownRows(data.byOwner, 'no owner'), [1, 2, 3, 4])}</section>
<section aria-labelledby="h-services"><h2 id="h-services">Per service</h2>
${table('Action items per service named in the post-mortem', ['Service', ...head], breakdownRows(data.byService, 'no service'), [1, 2, 3, 4])}</section>`;
}

function itemRowHtml(item: ReportItem): string {
  const tracked =
    item.issue !== null && /^https?:\/\//i.test(item.issue.url)
      ? `<a href="${e(item.issue.url)}">#${item.issue.number}</a>`
      : item.tracker !== null
        ? e(item.tracker)
        : '—';
  const due =
    (item.due === null
      ? '—'
      : item.dueVague !== null
        ? `${e(item.due)} <span class="muted">(“${e(item.dueVague)}”)</span>`
        : e(item.due)) +
    (item.dueDisagreement
      ? ` <span class="disagree">(${e(renderDueDisagreement(item.dueDisagreement))})</span>`
      : '');
  return `<tr><td>${e(item.title)}</td><td>${item.owner === null ? '—' : e(item.owner)}</td><td>${due}</td><td class="state-${item.state}">${item.state}</td><td>${tracked}</td></tr>`;
}

function renderIncident(incident: ReportIncident, index: number, assets: ReportAssets): string {
  const { ref } = incident;
  const states = [...new Set(incident.items.map((i) => i.state))].join(' ');
  const search = [
    ref.title,
    ref.path,
    ...incident.services,
    ...incident.tags,
    ...incident.items.map((i) => `${i.title} ${i.owner ?? ''}`),
  ]
    .join(' ')
    .toLowerCase();
  const meta = [
    ref.date ?? 'date unknown',
    ref.severity ?? 'severity unknown',
    incident.services.length > 0 ? `services: ${incident.services.join(', ')}` : '',
    incident.tags.length > 0 ? `tags: ${incident.tags.join(', ')}` : '',
  ]
    .filter(Boolean)
    .map(e)
    .join(' · ');
  return `<article class="incident" aria-labelledby="inc-${index}" data-severity="${e(ref.severity ?? '')}" data-states="${e(states)}" data-search="${e(search)}">
<h3 id="inc-${index}">${link(ref.title, postmortemHref(ref.path, ref.line, assets))}</h3>
<p class="tags">${meta} · <code>${e(ref.path)}</code></p>
${table(`Action items of ${e(ref.title)}`, ['Action item', 'Owner', 'Due', 'State', 'Issue'], incident.items.map(itemRowHtml))}
</article>`;
}

function renderIncidents(data: ReportData, assets: ReportAssets): string {
  const severities = [
    ...new Set(data.incidents.map((i) => i.ref.severity).filter((s): s is string => s !== null)),
  ].sort();
  const options = severities.map((s) => `<option value="${e(s)}">${e(s)}</option>`).join('');
  return `<section aria-labelledby="h-incidents"><h2 id="h-incidents">Incidents and their action items</h2>
<form class="filters" id="incident-filters" hidden role="search" aria-label="Filter incidents">
<label>Text<input type="search" id="filter-text" autocomplete="off"></label>
<label>Severity<select id="filter-severity"><option value="">All</option>${options}</select></label>
<label>Items<select id="filter-state"><option value="">All</option><option value="open">With open items</option><option value="overdue">With overdue items</option><option value="done">With done items</option></select></label>
<p id="filter-status" role="status" class="muted"></p>
</form>
${data.incidents.map((incident, i) => renderIncident(incident, i, assets)).join('\n')}
</section>`;
}

/**
 * The dashboard as one self-contained HTML page: the data, uPlot and the styles inlined, no request
 * to anywhere (a Content-Security-Policy forbids it), readable with JavaScript off; pure.
 */
export function renderReport(data: ReportData, assets: ReportAssets): string {
  const d = data.digest;
  const title = `Post-mortem action items — ${d.today}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="color-scheme" content="light dark">
<title>${e(title)}</title>
<style>${assets.uplotCss.replace(/<\/(style)/gi, '<\\/$1')}</style>
<style>${REPORT_STYLES}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the figures</a>
<header>
<h1>${e(title)}</h1>
<p class="muted">${d.postmortems} post-mortems, ${d.items.total} action items; status from ${d.statusSource === 'issues' ? 'the tracked GitHub issues' : 'the markdown'}; as of ${e(d.today)} (${e(d.timeZone)}).</p>
<nav aria-label="Sections"><ul>
<li><a href="#h-time">Over time</a></li><li><a href="#h-rates">Rates</a></li><li><a href="#h-response">Response times</a></li>
<li><a href="#h-recurrence">Recurring</a></li><li><a href="#h-owners">Per owner</a></li><li><a href="#h-services">Per service</a></li><li><a href="#h-incidents">Incidents</a></li>
</ul></nav>
</header>
<main id="main" tabindex="-1">
${renderHeadline(data)}
${renderSeries(data)}
${renderRates(data)}
${renderResponse(data)}
${renderRecurrence(data, assets)}
${renderBreakdowns(data)}
${renderIncidents(data, assets)}
</main>
<footer><p>Generated by postmortem-tracker at ${e(d.generatedAt)}. Charts drawn with uPlot (MIT); every chart's figures are in the table beside it.</p></footer>
<script type="application/json" id="report-data">${jsonForScript({ series: data.series })}</script>
<script>${inlineScript(assets.uplotJs)}</script>
<script>${inlineScript(REPORT_SCRIPT)}</script>
</body>
</html>
`;
}
