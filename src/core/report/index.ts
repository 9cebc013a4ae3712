export { buildReport } from './build-report.js';
export { escapeHtml } from './escape-html.js';
export type {
  ReportBreakdown,
  ReportData,
  ReportIncident,
  ReportItem,
  ReportPoint,
} from './report-model.js';
export { renderReport, type ReportAssets } from './render-report.js';
