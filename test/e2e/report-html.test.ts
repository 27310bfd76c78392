// report.html checked as a person would: opened in headless Chromium (Debian's `chromium`, driven by
// puppeteer-core: no browser of its own is downloaded), with every network request refused and logged.
// In CI a missing Chromium fails these tests (`.ci/run` installs it); elsewhere they are skipped with a message.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, ROOT, runCli, tempDir } from '../support/cli.js';
import { HOSTILE_PRODUCTS, writeHostileDump } from '../support/hostile-dump.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!hasChromium && !inCi) console.warn(`report-html tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

type Opened = { page: Page; consoleErrors: string[]; requests: string[] };

async function open(browser: Browser, file: string): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url() === `file://${file}`) return void r.continue();
    requests.push(r.url());
    void r.abort();
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
  return { page, consoleErrors, requests };
}

const pointsOf = (page: Page) => page.$$eval('.chart', (charts) => Object.fromEntries(charts.map((c) => [c.id, Number(c.getAttribute('data-points'))])));

describe.runIf(hasChromium || inCi)('report.html in headless Chromium', () => {
  let browser: Browser;
  const shots = tempDir('report-html-shots');

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install -y chromium)`);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: mkdtempSync(join(shots, 'profile-')),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe('on the bundled sample', () => {
    const out = tempDir('report-html-sample');
    const run = runCli(['run', '--config', join(ROOT, 'data/sample/tilfreds.config.json'), '--out', out]);
    const html = join(out, 'report.html');
    const trends = readCsv(readFileSync(join(out, 'product_trends.csv'), 'utf8'));
    const rowsOf = (product: string) => trends.slice(1).filter((r) => r[0] === product).length;

    it('is one small file, without any reference to another resource', () => {
      expect(run.code, run.stderr).toBe(0);
      expect(statSync(html).size).toBeLessThan(1 << 20);
      const text = readFileSync(html, 'utf8');
      expect(text).not.toMatch(/<(?:script|link|img)\b[^>]*\b(?:src|href)=/i);
      expect(text).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
    });

    it('draws the charts for the chosen product, one point per product_trends.csv row, with no console error or request', async () => {
      const { page, consoleErrors, requests } = await open(browser, html);
      const products = await page.$$eval('#product option', (os) => os.map((o) => o.textContent ?? ''));
      expect(products.length).toBe(new Set(trends.slice(1).map((r) => r[0])).size);
      expect(await pointsOf(page)).toEqual({ 'chart-satisfaction': rowsOf(products[0]!), 'chart-nps': rowsOf(products[0]!), 'chart-volume': rowsOf(products[0]!) });
      // Every chart is drawn on a canvas, and its table holds the same periods.
      expect(await page.$$eval('.chart canvas', (cs) => cs.length)).toBe(3);
      expect(await page.$$eval('#table-satisfaction tbody tr', (rs) => rs.length)).toBe(rowsOf(products[0]!));

      // The product filter: choose a product with a different number of periods.
      const other = products.find((p) => rowsOf(p) !== rowsOf(products[0]!)) ?? products[products.length - 1]!;
      await page.select('#product', String(products.indexOf(other)));
      expect(await pointsOf(page)).toEqual({ 'chart-satisfaction': rowsOf(other), 'chart-nps': rowsOf(other), 'chart-volume': rowsOf(other) });
      expect(await page.$$eval('#table-volume tbody tr', (rs) => rs.length)).toBe(rowsOf(other));
      expect(await page.$eval('.product-name', (e) => e.textContent)).toBe(other);
      const volumes = await page.$$eval('#table-volume tbody tr td', (tds) => tds.map((td) => Number((td.textContent ?? '').replace(/\D/g, ''))));
      expect(volumes).toEqual(trends.slice(1).filter((r) => r[0] === other).map((r) => Number(r[2])));

      await page.screenshot({ path: join(shots, 'sample.png'), fullPage: false });
      expect(statSync(join(shots, 'sample.png')).size).toBeGreaterThan(10_000);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }, 60_000);
  });

  describe('in a Scandinavian locale', () => {
    const out = tempDir('report-html-nb');
    const run = runCli(['run', '--config', join(ROOT, 'test/golden/edge-cases-nordic/config.json'), '--out', out]);

    it('has Norwegian labels and Norwegian number and period formats', async () => {
      expect(run.code, run.stderr).toBe(3); // the case has more rejects than its limit on purpose; reports are written
      const { page, consoleErrors, requests } = await open(browser, join(out, 'report.html'));
      expect(await page.$eval('html', (e) => e.getAttribute('lang'))).toBe('nb');
      expect(await page.$eval('h1', (e) => e.textContent)).toBe('Rapport om kundetilfredshet');
      const cells = await page.$$eval('#overview-table tbody td', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(cells.some((c) => /^[−-]?\d+,\d+$/.test(c))).toBe(true); // a decimal comma
      expect(cells.some((c) => /^\d+\.\d+$/.test(c))).toBe(false);
      expect(cells.some((c) => /^uke \d+ 2025$/.test(c))).toBe(true); // ISO weeks in words
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }, 60_000);
  });

  describe('on a dump full of hostile text', () => {
    const dir = tempDir('report-html-hostile');
    const out = join(dir, 'out');
    const run = runCli(['run', '--config', writeHostileDump(dir, out)]);
    const html = join(out, 'report.html');

    it('shows every name and quote literally, runs no script from them and loads nothing', async () => {
      expect(run.code, run.stderr).toBe(0);
      const { page, consoleErrors, requests } = await open(browser, html);
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      const options = await page.$$eval('#product option', (os) => os.map((o) => o.textContent));
      expect([...options].sort()).toEqual([...HOSTILE_PRODUCTS].sort());
      const heatNames = await page.$$eval('#heat-table tbody th', (ths) => ths.map((t) => t.textContent));
      expect([...heatNames].sort()).toEqual([...HOSTILE_PRODUCTS].sort());
      // No element, link or handler came out of the text: the page's own markup only.
      expect(await page.$$eval('img, iframe, object, embed', (e) => e.length)).toBe(0);
      expect(await page.$$eval('a', (e) => e.length)).toBe(0);
      expect(await page.$$eval('script', (s) => s.length)).toBe(3);
      const quotes = await page.$$eval('blockquote.quote', (qs) => qs.map((q) => q.textContent ?? ''));
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.some((q) => q.includes('<img src=x onerror="window.__pwned=1">') || q.includes('<script>window.__pwned=1</script>'))).toBe(true);
      for (const q of quotes) expect(q.length).toBeLessThanOrEqual(400);
      // The page is no wider than the window: nothing in the text broke the layout.
      const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
      expect(widths[0]!).toBeLessThanOrEqual(widths[1]! + 1);
      await page.screenshot({ path: join(shots, 'hostile.png'), fullPage: true });
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }, 60_000);
  });
});
