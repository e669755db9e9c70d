/**
 * The two pages of the local server in headless Chromium, at a laptop's and a phone's width:
 * - /dasbor shows the register's figures (checked against the SLA sweep's own summary and the
 *   register file), escapes what staff typed, makes no request beyond itself and breaks no rule of
 *   its Content-Security-Policy;
 * - /cek shows a complaint's stage with the right code, POSTs the code (never in a URL), and with
 *   a wrong code shows the same refusal as for an unknown number, nothing more;
 * - no personal data reaches the Dasbor tab, the Looker Studio definition or URL, or either page:
 *   every personal-data column of every complaint holds a marker, and every output is searched.
 * Screenshots go to tmp/screenshots/ to be looked at.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isFinalStatus, isStatus, REGISTER_COLUMNS, STATUS_LABEL, TABS, type Penulis } from '../../sheets-schema/index.js';
import { parseConfig } from '../../functions/config.js';
import { depsFromConfig } from '../../functions/http/backends.js';
import { serve, type Running } from '../../functions/http/server.js';
import { WorkbookRegister } from '../../functions/register/workbook.js';
import { registerComplaints, seedDefaults, sweepSla, type SweepSummary } from '../../core/register.js';
import { linkingUrl, lookerReport } from '../../core/looker.js';
import { KODE_AKSES_LENGTH } from '../../core/numbering.js';
import { STATUS_TIDAK_COCOK } from '../../core/status-warga.js';
import { seedSamples } from '../../functions/local/sample.js';
import { browserTestsRun, launchBrowser, screenshot, VIEWPORTS, watch } from '../helpers/browser.js';
import { complaint, dataRows, fixedClock, readBook, removeDir, sheetOf, tempDir } from '../helpers/wb-fixtures.js';

const NOW_ISO = '2026-11-27T10:00:00+07:00'; // Friday
const NOW = Date.parse(NOW_ISO);
const PETUGAS = 'rina.petugas@contoh.go.id';
/** Written into every personal-data cell; must appear in no output. */
const MARKER = 'RHS9Q7ZK';
const HOSTILE_NOMOR = 'PGD-2026-9999<img src=x onerror=alert(1)>';
/** A workbook cell as text (numbers and dates included). */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v) ?? '');

/** A register as `npm start` makes it, plus complaints of our own, with every personal cell marked. */
async function markedRegister(file: string): Promise<{ open: { nomor: string; kode: string; status: string } }> {
  let open = { nomor: '', kode: '', status: '' };
  await new WorkbookRegister(file).transaction(() => undefined, {
    seed: async (book) => {
      seedDefaults(book);
      await seedSamples(book, fixedClock(NOW));
      registerComplaints(
        book,
        [
          complaint({ kelurahan: 'Kel. Labuh Baru', kecamatan: 'Payakumbuh Barat', bidang_usaha: 'Kuliner' }),
          complaint({ kanal: 'instagram', kelurahan: `${MARKER} dekat masjid`, telepon_pelapor: '081200000777' }),
        ],
        PETUGAS,
        fixedClock(NOW),
      );
      const table = book.table('pengaduan');
      const pii = REGISTER_COLUMNS.filter((c) => c.pii && c.key !== 'kode_akses');
      for (const { rowNumber, values } of table.rows()) {
        // Every personal-data column (the access code aside: it is the look-up's key), by its own writer.
        const byWriter = new Map<Penulis, Record<string, string>>();
        for (const c of pii) byWriter.set(c.writer, { ...byWriter.get(c.writer), [c.key]: `${MARKER} ${c.header}` });
        // Free text of the staff too: it is no personal column, but no page may show it either.
        byWriter.set('alur', { ...byWriter.get('alur'), alasan_kategori: `${MARKER} alasan`, catatan_pemeriksaan: `${MARKER} catatan` });
        byWriter.set('staf', { catatan_staf: `${MARKER} staf` });
        for (const [writer, patch] of byWriter) table.update(rowNumber, patch, writer);
        const status = String(values.status ?? '');
        if (status === 'DILAPORKAN_PIMPINAN') {
          // The sample complaint that is late, its number retyped by hand with markup in it: the
          // late list shows it as text, never as an element.
          table.update(rowNumber, { nomor: HOSTILE_NOMOR }, 'intake');
        } else if (!open.nomor && isStatus(status) && !isFinalStatus(status) && status !== 'MENUNGGU_KELENGKAPAN') {
          open = { nomor: String(values.nomor), kode: String(values.kode_akses), status };
        }
      }
    },
  });
  return { open };
}

describe.runIf(browserTestsRun)('the dashboard and status pages in Chromium', () => {
  let dir: string;
  let file: string;
  let running: Running;
  let base: string;
  let browser: Browser;
  let open: { nomor: string; kode: string; status: string };
  let summary: SweepSummary;

  beforeAll(async () => {
    dir = await tempDir('halaman');
    file = path.join(dir, 'register-pengaduan.xlsx');
    ({ open } = await markedRegister(file));
    // The oracle: the sweep's own summary, computed without writing the register.
    summary = await new WorkbookRegister(file).transaction((book) => sweepSla(book, { now: NOW }), { write: false });
    const config = parseConfig({ PENGADUAN_REGISTER: file, PORT: '0', PENGADUAN_WAKTU: NOW_ISO, PENGADUAN_STATUS_CACHE_DETIK: '0' }, dir);
    running = await serve(config, await depsFromConfig(config));
    base = running.url;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await removeDir(dir);
  });

  describe.each(Object.entries(VIEWPORTS))('at %s width', (name, viewport) => {
    it('shows the register’s figures on /dasbor, within the width, with nothing loaded from elsewhere', async () => {
      const page = await browser.newPage({ viewport });
      const seen = watch(page);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const response = await page.goto(`${base}/dasbor`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'.*script-src 'none'/);
      await screenshot(page, `dasbor-${name}`);

      const rows = dataRows(sheetOf(await readBook(file), 'pengaduan'));
      const num = async (key: string): Promise<string> => (await page.locator(`[data-angka="${key}"]`).textContent()) ?? '';
      expect(await num('total')).toBe(String(rows.length));
      expect(await num('terbuka')).toBe(String(rows.filter((r) => !['SELESAI', 'DITUTUP'].includes(text(r.Status))).length));
      expect(await num('terlambat-terbuka')).toBe(String(summary.counts.TERLAMBAT ?? 0));
      const closedOnTime = summary.counts.SELESAI_TEPAT_WAKTU ?? 0;
      const closed = closedOnTime + (summary.counts.SELESAI_TERLAMBAT ?? 0);
      expect(await num('persen-tepat')).toBe(`${(Math.round((closedOnTime / closed) * 1000) / 10).toLocaleString('id-ID')}%`);

      // The backlog per stage is the sweep's, stage by stage.
      const stages: [string | null, string | null][] = [];
      for (const li of await page.locator('#j-antrean ~ ul li').all()) stages.push([await li.getAttribute('data-tahap'), await li.locator('.nil').textContent()]);
      expect(Object.fromEntries(stages)).toEqual(Object.fromEntries(Object.entries(summary.openByStatus).map(([s, n]) => [s, String(n)])));
      // The late complaints by number: the sweep's late ones, the hand-typed number shown as text.
      const late = await Promise.all((await page.locator('tr[data-nomor]').all()).map((tr) => tr.getAttribute('data-nomor')));
      expect(late.slice(0, summary.late.length).sort()).toEqual(summary.late.map((l) => l.nomor).sort());
      expect(late).toContain(HOSTILE_NOMOR);
      expect(await page.locator(`tr[data-nomor="${HOSTILE_NOMOR}"] td`).first().textContent()).toBe(HOSTILE_NOMOR);
      expect(await page.locator('img, script, [onerror]').count()).toBe(0);
      expect(dialogs).toBe(0);

      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(seen.requests.every((u) => u.startsWith(base))).toBe(true);
      expect(seen.problems).toEqual([]);
      expect(await page.content()).not.toContain(MARKER);
      await page.close();
    });

    it('shows the stage on /cek with the right code, POSTing it, and nothing with a wrong one', async () => {
      const page = await browser.newPage({ viewport });
      const seen = watch(page);
      const posts: { url: string; method: string; body: string | null }[] = [];
      page.on('request', (r) => posts.push({ url: r.url(), method: r.method(), body: r.postData() }));
      const response = await page.goto(`${base}/cek`);
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'sha256-[^']+'; connect-src 'self'/);
      await expect(page.getByLabel('Nomor registrasi').isVisible()).resolves.toBe(true);

      await page.getByLabel('Nomor registrasi').fill(open.nomor.toLowerCase());
      await page.getByLabel('Kode akses').fill(`${open.kode.slice(0, -1)}${open.kode.endsWith('A') ? 'B' : 'A'}`);
      await page.getByRole('button', { name: 'Cek status' }).click();
      await page.locator('#hasil.galat').waitFor();
      const refused = (await page.locator('#hasil').textContent()) ?? '';
      expect(refused).toContain(STATUS_TIDAK_COCOK);
      expect(Object.values(STATUS_LABEL).filter((l) => refused.includes(l))).toEqual([]);
      expect(refused).not.toMatch(/Langkah berikutnya|Batas waktu/);
      await screenshot(page, `cek-salah-${name}`);

      await page.getByLabel('Kode akses').fill(open.kode.toLowerCase());
      await page.getByRole('button', { name: 'Cek status' }).click();
      await page.locator('#hasil.ok').waitFor();
      const shown = (await page.locator('#hasil').textContent()) ?? '';
      expect(shown).toContain(`Pengaduan ${open.nomor}`);
      expect(shown).toContain('Langkah berikutnya');
      expect(shown).toMatch(/Batas waktu penyelesaian\w+, \d{1,2} \w+ 20\d\d/);
      await screenshot(page, `cek-${name}`);

      const lookups = posts.filter((p) => p.url.startsWith(`${base}/status`));
      expect(lookups.map((p) => [p.url, p.method])).toEqual([
        [`${base}/status`, 'POST'],
        [`${base}/status`, 'POST'],
      ]);
      expect(posts.some((p) => p.url.toLowerCase().includes(open.kode.toLowerCase()))).toBe(false);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      expect(seen.requests.every((u) => u.startsWith(base))).toBe(true);
      expect(seen.problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
      expect(await page.content()).not.toContain(MARKER);
      await page.close();
    });
  });

  it('keeps every personal-data marker out of the Dasbor tab, the report definition and URL, and both pages', async () => {
    await new WorkbookRegister(file).transaction((book) => sweepSla(book, { now: NOW }));
    const book = await readBook(file);
    const dasbor = sheetOf(book, 'dasbor');
    const cells: string[] = [];
    dasbor.eachRow((r) => r.eachCell((c) => cells.push(text(c.value))));
    expect(cells.length).toBeGreaterThan(TABS.dasbor.columns.length * 5);
    // The register does hold the marker (the check can fail), the tab does not.
    const register: string[] = [];
    sheetOf(book, 'pengaduan').eachRow((r) => r.eachCell((c) => register.push(text(c.value))));
    expect(register.filter((v) => v.includes(MARKER)).length).toBeGreaterThan(20);
    expect(cells.filter((v) => v.includes(MARKER))).toEqual([]);
    expect(cells).toContain('Labuah Baru');

    const { url } = linkingUrl({ sheet: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', gid: '42' });
    const outputs = [
      JSON.stringify(lookerReport()),
      decodeURIComponent(url),
      await (await fetch(`${base}/dasbor`)).text(),
      await (await fetch(`${base}/cek`)).text(),
      await (await fetch(`${base}/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ nomor: open.nomor, kode: open.kode }) })).text(),
      await (await fetch(`${base}/status`, { headers: { Accept: 'text/html' } })).text(),
    ];
    expect(outputs[4]).toContain('"ok":true');
    // The help under the code field says the length the codes are made with.
    expect(outputs[3]).toContain(`${KODE_AKSES_LENGTH} huruf/angka pada Tanda Terima`);
    // The deployed function's own page for a browser: the same form, calling its own address.
    expect(outputs[5]).toContain('<form id="cek" method="post" action=""');
    expect(outputs.filter((o) => o.includes(MARKER))).toEqual([]);
  });
});
