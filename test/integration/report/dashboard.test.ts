import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { main } from '../../../src/cli/main.js';

const repo = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const NOW = '2026-11-26';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: repo,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

let out = '';
let pageUrl = '';
let digest: { items: { open: number; overdue: unknown[]; completion: { value: number | null } } };
let browser: Browser | null = null;
let launchError = '';

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'pmt-report-'));
  const report = await cli(['report', 'examples/postmortems', '--out', out, '--now', NOW]);
  expect(report.stderr).toBe('');
  expect(report.code).toBe(0);
  pageUrl = pathToFileURL(join(out, 'index.html')).href;
  const json = await cli(['digest', 'examples/postmortems', '--now', NOW, '--format', 'json']);
  expect(json.code).toBe(0);
  digest = JSON.parse(json.stdout);
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const { chromium: playwright } = await import('playwright-core');
    browser = await playwright.launch({
      executablePath: await chromium.executablePath(),
      args: chromium.args,
      headless: true,
    });
  } catch (error) {
    launchError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    process.stderr.write(
      `\n[report dashboard] SKIPPED the browser checks: headless Chromium did not start (${launchError})\n`,
    );
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** The browser, or a visible skip when Chromium could not start on this machine. */
function needBrowser(ctx: TestContext): Browser {
  if (browser === null) ctx.skip(`headless Chromium did not start: ${launchError}`);
  return browser!;
}

/** Opens the dashboard with every request that is not a file: URL aborted and recorded. */
async function open(
  b: Browser,
  options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[]; network: string[] }> {
  const context = await b.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1100, height: 900 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const network: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    network.push(url);
    return route.abort();
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  return { page, errors, network };
}

describe('report dashboard in a headless browser', () => {
  it('writes one self-contained index.html that links nothing outside itself', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain("default-src 'none'");
    expect(statSync(join(out, 'index.html')).size).toBeLessThan(400_000);
  });

  it('loads from file:// with no console error and no network request, and draws the chart', async (ctx) => {
    const { page, errors, network } = await open(needBrowser(ctx));
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
    expect(await page.locator('#items-chart canvas').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows the same headline figures as digest --format json for the same input and date', async (ctx) => {
    const { page } = await open(needBrowser(ctx));
    const text = async (metric: string) =>
      (await page.locator(`[data-metric="${metric}"]`).textContent())?.trim();
    expect(await text('open')).toBe(String(digest.items.open));
    expect(await text('overdue')).toBe(String(digest.items.overdue.length));
    const completion = digest.items.completion.value;
    expect(await text('completion')).toBe(completion === null ? '—' : `${completion}%`);
    await page.close();
  });

  it('has no serious or critical axe-core violation, in light and in dark', async (ctx) => {
    const b = needBrowser(ctx);
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open(b, { colorScheme });
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected into the page above
        const result = await window.axe.run(document);
        return (result.violations as { id: string; impact: string; nodes: unknown[] }[])
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
      });
      expect(violations, colorScheme).toEqual([]);
      await page.close();
    }
  });

  it('follows the dark colour-scheme preference', async (ctx) => {
    const b = needBrowser(ctx);
    const colours = async (colorScheme: 'light' | 'dark') => {
      const { page } = await open(b, { colorScheme });
      const body = page.locator('body');
      const c = `${await body.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor)} ${await body.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color)}`;
      await page.close();
      return c;
    };
    const light = await colours('light');
    const dark = await colours('dark');
    expect(dark).not.toBe(light);
    expect(light).toContain('rgb(255, 255, 255)');
  });

  it('reads as tables with JavaScript disabled', async (ctx) => {
    const { page, network } = await open(needBrowser(ctx), { javaScriptEnabled: false });
    expect(network).toEqual([]);
    expect(await page.locator('[data-metric="open"]').textContent()).toBe(
      String(digest.items.open),
    );
    const captions = await page.locator('table caption').allTextContents();
    expect(captions.length).toBeGreaterThan(6);
    // The week-by-week table stands in for the chart and is shown; the filter needs JS and is not.
    expect(await page.locator('#series-table table').isVisible()).toBe(true);
    expect(await page.locator('#incident-filters').isVisible()).toBe(false);
    const firstIncident = page.locator('article.incident').first();
    expect(await firstIncident.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#items-chart canvas').count()).toBe(0);
    await page.close();
  });

  it('filters incidents by text, severity and item state, announcing the count', async (ctx) => {
    const { page } = await open(needBrowser(ctx));
    const visible = () => page.locator('article.incident:visible').count();
    const all = await visible();
    await page.locator('#filter-text').fill('checkout');
    expect(await visible()).toBe(2);
    await expect
      .poll(() => page.locator('#filter-status').textContent())
      .toBe(`2 of ${all} incidents shown`);
    await page.locator('#filter-text').fill('');
    await page.locator('#filter-state').selectOption('overdue');
    expect(await visible()).toBeLessThan(all);
    await page.close();
    if (process.env.UPDATE === '1') {
      // UPDATE=1 refreshes the README's screenshot of the examples' dashboard.
      const fresh = await open(needBrowser(ctx));
      await fresh.page.screenshot({ path: join(repo, 'docs/dashboard.png') });
      await fresh.page.close();
    }
  });
});
