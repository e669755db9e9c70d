/**
 * Headless Chromium for the page tests (and the Apps Script dialog tests), through playwright-core
 * and the system's Chromium (no browser download). Where Chromium is missing the tests that need
 * it are skipped with a message saying so, unless PENGADUAN_PERLU_CHROMIUM=1 (CI, after
 * installing it): then a missing or broken Chromium fails them instead.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PENGADUAN_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.PENGADUAN_PERLU_CHROMIUM === '1';

/** Whether the browser tests run here (use with `describe.runIf`). */
export const browserTestsRun = required || existsSync(CHROMIUM);
if (!browserTestsRun) {
  console.warn(`Tes halaman di peramban dilewati: Chromium tidak ditemukan di ${CHROMIUM} (pasang chromium, atau atur PENGADUAN_CHROMIUM).`);
}

/** A headless Chromium with no network beyond what a test allows. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** The widths the pages are checked at. */
export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  ponsel: { width: 360, height: 740 },
} as const;

/** Where screenshots go (gitignored), to be looked at. */
export const SCREENSHOT_DIR = path.join(import.meta.dirname, '..', '..', 'tmp', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Records every request a page makes and every console error or CSP violation it reports,
 * so a test can assert that nothing left the allowed origin and nothing was refused.
 */
export function watch(page: Page): { requests: string[]; problems: string[] } {
  const seen = { requests: [] as string[], problems: [] as string[] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.problems.push(m.text());
  });
  page.on('pageerror', (e) => seen.problems.push(e.message));
  return seen;
}
