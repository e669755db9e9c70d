/**
 * Benchmarks of the Cloud Functions (part of `npm run bench`, or BENCH_ONLY=functions):
 * 1. Cold start: importing the deployed bundle (dist/functions, built here) in a fresh Node
 *    process, and its first request (the Google backend's clients loaded lazily), median of runs.
 * 2. The SLA sweep on Google Sheets over 50,000 complaints: the Sheets API requests it makes
 *    (counted by the HTTP-level fake), the bytes read and written, and the time, fake included.
 * 3. Local `dokumen` requests through the Functions Framework server: median latency.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import nock from 'nock';
import { TABS, TAB_KEYS } from '../sheets-schema/index.js';
import { parseConfig } from '../functions/config.js';
import { createApp } from '../functions/http/app.js';
import { depsFromConfig } from '../functions/http/backends.js';
import { serve } from '../functions/http/server.js';
import { bundleFunctions } from '../tools/bundle-functions.js';
import { fakeSheets } from '../test/fakes/google-sheets.js';
import { gridOf, sampleRegister } from '../test/helpers/memory-register.js';
import type { Row } from '../core/table.js';

const QUICK = process.env.BENCH_QUICK === '1';
process.env.PENGADUAN_SENYAP = '1';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const ms = (n: number): string => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

const GOOGLE_ENV = {
  PENGADUAN_BACKEND: 'google',
  PENGADUAN_SPREADSHEET_ID: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf',
  PENGADUAN_DRIVE_FOLDER_ID: '0AbCdEfGhIjKlMnOpQr',
  PENGADUAN_AUDIENCE: '123456789012-uji.apps.googleusercontent.com',
  PENGADUAN_SENYAP: '1',
};

function coldStart(dir: string): void {
  const runs = QUICK ? 3 : 9;
  const script = `
    const t0 = performance.now();
    await import(${JSON.stringify(path.join(dir, 'index.js'))});
    const t1 = performance.now();
    const { getFunction } = await import('@google-cloud/functions-framework/testing');
    const res = { statusCode: 0, status(s) { this.statusCode = s; return this; }, json() { return this; }, set() { return this; }, send() { return this; } };
    await getFunction('dokumen')({ method: 'POST', headers: {}, body: {} }, res);
    process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: performance.now() - t1, status: res.statusCode }));`;
  const imports: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), env: { ...process.env, ...GOOGLE_ENV }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold start run failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout) as { importMs: number; firstMs: number; status: number };
    if (m.status !== 401) throw new Error(`first request answered ${m.status}, expected 401 (no token)`);
    imports.push(m.importMs);
    firsts.push(m.firstMs);
  }
  console.log(`| import of the bundle (index.js, fresh process) | ${ms(median(imports))} | min ${ms(Math.min(...imports))}, max ${ms(Math.max(...imports))} |`);
  console.log(`| first request (Google clients loaded lazily, then answered) | ${ms(median(firsts))} | min ${ms(Math.min(...firsts))}, max ${ms(Math.max(...firsts))} |`);
}

/**
 * A register of `n` complaints like an office's after some years: the sample complaints cloned
 * with new numbers, 2% of them still open. Swept twice: the first sweep fills the dashboard
 * tab (as after Setup), the second is the everyday one, the next working day.
 */
async function sweepOverSheets(n: number): Promise<void> {
  const now = Date.parse('2026-11-27T10:00:00+07:00');
  const book = await sampleRegister(now);
  const base = book.table('pengaduan').data;
  const closed = base.filter((r) => ['SELESAI', 'DITUTUP'].includes(String(r.status)));
  const open = base.filter((r) => !closed.includes(r));
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const pool = i % 50 === 0 ? open : closed;
    const src = pool[i % pool.length] ?? {};
    rows.push({ ...src, nomor: `PGD-2026-${String(i + 1).padStart(6, '0')}`, id_respons_formulir: '', nomor_lapor: '' });
  }
  nock.disableNetConnect();
  const fake = fakeSheets({ spreadsheetId: GOOGLE_ENV.PENGADUAN_SPREADSHEET_ID });
  for (const k of TAB_KEYS) fake.setTab(TABS[k].name, gridOf(k, k === 'pengaduan' ? rows : book.table(k).data), { rows: k === 'pengaduan' || k === 'dasbor' ? n + 100 : 1000, columns: TABS[k].columns.length + 2 });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
  for (const [label, at] of [
    ['first sweep (fills the empty dashboard tab)', '2026-11-27T10:00:00+07:00'],
    ['daily sweep, the next working day', '2026-11-30T06:00:00+07:00'],
  ] as const) {
    const config = parseConfig({ ...GOOGLE_ENV, PENGADUAN_AUTH: 'lokal', PENGADUAN_PENJADWAL: 'penjadwal@bench.iam.gserviceaccount.com', PENGADUAN_WAKTU: at });
    const app = createApp(await depsFromConfig(config, { googleAuth: auth }));
    let status = 0;
    let body: { total?: number } = {};
    const res = {
      status(s: number) {
        status = s;
        return this;
      },
      json(b: unknown) {
        body = b as { total?: number };
        return this;
      },
      set() {
        return this;
      },
    };
    const before = fake.requests.length;
    const t0 = performance.now();
    await app.sla({ method: 'POST', headers: { 'x-pengaduan-sebagai': 'penjadwal@bench.iam.gserviceaccount.com' }, body: {} } as never, res as never);
    const took = performance.now() - t0;
    if (status !== 200) throw new Error(`sweep answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    const reqs = fake.requests.slice(before);
    const sizes = reqs.filter((r) => r.body !== undefined).map((r) => JSON.stringify(r.body).length);
    const kinds = reqs.map((r) => `${r.method} ${r.path.split('/').pop() ?? ''}`);
    const summary = [...new Set(kinds)].map((k) => `${kinds.filter((x) => x === k).length}× ${k}`).join(', ');
    console.log(
      `| ${label}, ${n.toLocaleString('en')} complaints (${rows.filter((_, i) => i % 50 === 0).length.toLocaleString('en')} open) on Google Sheets | ${reqs.length} requests (${summary}) | ${ms(took)} incl. the fake; ${(sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB written, largest request ${(Math.max(0, ...sizes) / 1e6).toFixed(2)} MB; ${body.total ?? 0} computed |`,
    );
  }
  fake.close();
  nock.enableNetConnect();
}

async function localDokumen(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pengaduan-bench-fn-'));
  try {
    const register = path.join(dir, 'register.xlsx');
    const now = Date.parse('2026-11-27T10:00:00+07:00');
    const { WorkbookRegister } = await import('../functions/register/workbook.js');
    const { seedDefaults } = await import('../core/register.js');
    const { seedSamples } = await import('../functions/local/sample.js');
    const { fixedClock } = await import('../test/helpers/wb-fixtures.js');
    await new WorkbookRegister(register).transaction(() => undefined, { seed: async (b) => { seedDefaults(b); await seedSamples(b, fixedClock(now)); } });
    const config = parseConfig({ PENGADUAN_REGISTER: register, PORT: '0', PENGADUAN_WAKTU: '2026-11-27T10:00:00+07:00' });
    const running = await serve(config, await depsFromConfig(config));
    const times: number[] = [];
    const runs = QUICK ? 10 : 40;
    try {
      for (let i = 0; i < runs + 3; i++) {
        const t0 = performance.now();
        const r = await fetch(`${running.url}/dokumen`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pengaduan-sebagai': 'rina.petugas@contoh.go.id' },
          body: JSON.stringify({ nomor: 'PGD-2026-0002', jenis: i % 2 ? 'tanda_terima' : 'berita_acara_draf' }),
        });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`dokumen answered ${r.status}`);
        if (i >= 3) times.push(performance.now() - t0);
      }
    } finally {
      await running.close();
    }
    console.log(`| local dokumen request (HTTP, lock, read .xlsx, render, save .xlsx; Tanda Terima / draft BA alternately) | median ${ms(median(times))} | p90 ${ms([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)] ?? NaN)} (${times.length} runs, 7-complaint register) |`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchFunctions(): Promise<void> {
  console.log('\n## Cloud Functions');
  console.log('| what | figure | detail |');
  console.log('|---|---|---|');
  // Inside the project, so the bundle resolves the Functions Framework as it would when deployed.
  const dir = path.join(process.cwd(), 'dist', 'bench-functions');
  try {
    const { bytes } = await bundleFunctions(dir);
    console.log(`| bundle size (JavaScript, all chunks) | ${(bytes / 1e6).toFixed(1)} MB | |`);
    coldStart(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await sweepOverSheets(QUICK ? 5_000 : 50_000);
  await localDokumen();
}
