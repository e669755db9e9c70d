/**
 * `pengaduan dasbor-url` and `pengaduan halaman-cek` as an administrator runs them: the URL for
 * the Dasbor tab or an Indonesian refusal with exit 2, and a status page file that calls only the
 * status function it was given.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASBOR_RANGE } from '../../core/looker.js';
import { runCli, tempDir } from '../helpers/cli.js';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('pengaduan-cli-dasbor-')));
afterAll(async () => cleanup());

describe('dasbor-url', () => {
  it('prints the Linking API URL for the tab address pasted, with the template from the environment', async () => {
    const run = await runCli(['dasbor-url', '--sheet', `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=314`], { cwd: dir, env: { PENGADUAN_LOOKER_TEMPLATE: 'abcdef0123-4567' } });
    expect(run.code).toBe(0);
    const url = run.out.split('\n').find((l) => l.startsWith('https://'));
    const params = new URL(url ?? '').searchParams;
    expect([params.get('c.reportId'), params.get('ds.ds0.spreadsheetId'), params.get('ds.ds0.worksheetId'), params.get('ds.ds0.range')]).toEqual(['abcdef0123-4567', ID, '314', DASBOR_RANGE]);
    expect(run.out).toContain('hanya tab Dasbor');
  });

  it('prints the URL and the report definition as JSON', async () => {
    const run = await runCli(['dasbor-url', '--sheet', ID, '--gid', '0', '--json'], { cwd: dir });
    const json = JSON.parse(run.out) as { url: string; laporan: { pages: unknown[] } };
    expect(json.url).toMatch(/^https:\/\/lookerstudio\.google\.com\/reporting\/create\?/);
    expect(json.laporan.pages).toHaveLength(4);
  });

  it.each([
    [['dasbor-url'], /memerlukan --sheet/],
    [['dasbor-url', '--sheet', ID], /ID tab Dasbor belum diketahui/],
    [['dasbor-url', '--sheet', ID, '--gid', '1', '--template', '../x'], /templat Looker Studio tidak valid/],
    [['dasbor-url', 'lebih', '--sheet', ID], /tidak menerima argumen/],
  ])('refuses %j with exit 2 and says what to do', async (args, message) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
  });
});

describe('halaman-cek', () => {
  it('writes a page that may talk to the status function only', async () => {
    const run = await runCli(['halaman-cek', '--status-url', 'https://asia-southeast2-proyek.cloudfunctions.net/pengaduan-status', '--keluar', 'cek.html'], { cwd: dir });
    expect(run.code).toBe(0);
    const html = await readFile(path.join(dir, 'cek.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*connect-src https:\/\/asia-southeast2-proyek\.cloudfunctions\.net;/);
    expect(html).toContain('var STATUS_URL = "https://asia-southeast2-proyek.cloudfunctions.net/pengaduan-status"');
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|src=/);
    expect(run.out).toContain('PENGADUAN_CORS_ORIGIN');
  });

  it.each([['http://contoh.go.id/status'], ['https://x.go.id/status?kode=1'], ['javascript:alert(1)'], ['https://u:p@x.go.id/'], ['']])('refuses the status address %j', async (url) => {
    const run = await runCli(['halaman-cek', '--status-url', url], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.err).toContain('--status-url');
  });
});
