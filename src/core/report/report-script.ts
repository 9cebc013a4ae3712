/**
 * The dashboard's script, run in the browser after uPlot: draws the items-over-time chart from the
 * embedded data (the table beside it holds the same figures), redraws it when the colour scheme or
 * width changes, and turns on the incident filter. Without JavaScript the page is the tables.
 */
export const REPORT_SCRIPT = `
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
`;
