/**
 * The three functions on the Google backend, driven through the Functions Framework's testing
 * server, with the real @googleapis clients talking to HTTP-level fakes of Sheets and Drive:
 * the requests the real APIs would receive are asserted (ranges, valueInputOption, batch shape).
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { OAuth2Client } from 'google-auth-library';
import nock from 'nock';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { TABS, TAB_KEYS, berkasColumn, type TabKey } from '../../sheets-schema/index.js';
import { parseConfig } from '../../functions/config.js';
import { createApp } from '../../functions/http/app.js';
import { depsFromConfig } from '../../functions/http/backends.js';
import { registerFunctions } from '../../functions/http/register.js';
import { fakeSheets, type SheetCell, type SheetsFake } from '../fakes/google-sheets.js';
import { fakeDrive, DOCX_MIME, GOOGLE_DOC_MIME, PDF_MIME, FOLDER_MIME, type DriveFake } from '../fakes/google-drive.js';
import { gridOf, sampleRegister } from '../helpers/memory-register.js';
import { editDocx, readDocx } from '../helpers/docx.js';
import type { Row } from '../../core/table.js';

const NOW_ISO = '2026-11-27T10:00:00+07:00';
const NOW = Date.parse(NOW_ISO);
const SPREADSHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf';
const PETUGAS = 'rina.petugas@contoh.go.id';
const ADMIN = 'admin@contoh.go.id';
const SCHEDULER = 'penjadwal@proyek-uji.iam.gserviceaccount.com';

let sheetsFake: SheetsFake;
let driveFake: DriveFake;
let docsFolder: string;
let templateFolder: string;
let sample: Map<TabKey, Row[]>;

process.env.PENGADUAN_SENYAP = '1';

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  const book = await sampleRegister(NOW);
  sample = new Map(TAB_KEYS.map((k) => [k, book.table(k).data]));
});
afterAll(() => {
  nock.enableNetConnect();
});

/** A fresh spreadsheet with the sample register, a Shared Drive with the documents and templates folders. */
function staticAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'uji-token', expiry_date: Date.now() + 3_600_000 });
  return auth;
}

let open = false;
/** Closes the fakes, failing the test if either answered a request 501 (it would not know it). */
function closeFakes(): void {
  if (!open) return;
  open = false;
  const unexpected = { sheets: [...sheetsFake.unexpected], drive: [...driveFake.unexpected] };
  sheetsFake.close();
  driveFake.close();
  // Checked here, not only after each test: a test that sets up again replaces the fakes it used.
  expect(unexpected).toEqual({ sheets: [], drive: [] });
}

async function setup(env: Record<string, string> = {}): Promise<{ server: (fn: 'dokumen' | 'sla' | 'status') => Server }> {
  closeFakes();
  open = true;
  sheetsFake = fakeSheets({ spreadsheetId: SPREADSHEET });
  for (const k of TAB_KEYS) sheetsFake.setTab(TABS[k].name, gridOf(k, sample.get(k) ?? []));
  driveFake = fakeDrive();
  const shared = driveFake.addSharedDrive('Layanan Pengaduan');
  docsFolder = driveFake.addFolder('Dokumen Pengaduan', shared, shared);
  templateFolder = driveFake.addFolder('Template', shared, shared);
  const auth = staticAuth();
  const config = parseConfig({
    PENGADUAN_BACKEND: 'google',
    PENGADUAN_AUTH: 'lokal',
    PENGADUAN_SPREADSHEET_ID: SPREADSHEET,
    PENGADUAN_DRIVE_FOLDER_ID: docsFolder,
    PENGADUAN_PENJADWAL: SCHEDULER,
    PENGADUAN_WAKTU: NOW_ISO,
    PENGADUAN_STATUS_CACHE_DETIK: '0',
    ...env,
  });
  const deps = await depsFromConfig(config, { googleAuth: auth, retry: { retry: 3, retryDelay: 1, retryDelayMultiplier: 1 } });
  registerFunctions(Promise.resolve(createApp(deps)));
  return { server: (fn) => getTestServer(fn) };
}

afterEach(() => {
  closeFakes();
});

const text = (v: SheetCell | undefined): string => (v === undefined ? '' : typeof v === 'object' ? v.formula : String(v));

/** The Pengaduan tab as records by key, cells as text (as a person sees the sheet now). */
function registerRows(): Record<string, string>[] {
  const [header = [], ...rows] = sheetsFake.tab(TABS.pengaduan.name);
  const keyOf = new Map(TABS.pengaduan.columns.map((c) => [c.header, c.key]));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [keyOf.get(text(h)) ?? text(h), text(r[i])])));
}

/** The JSON answer of a function. */
interface Answer {
  ok?: boolean;
  kode?: string;
  pesan?: string;
  total?: number;
  skipped?: { nomor: string; reason: string }[];
  tidakTertulis?: unknown;
  pengingat?: string;
  dokumen?: { jenis: string; tautan: string; pdf?: string }[];
  tahap?: string;
  persyaratanKurang?: string[];
  [key: string]: unknown;
}
const answer = (res: request.Response): Answer => res.body as Answer;

const sheetRequests = (): { method: string; path: string; query: Record<string, string | string[]>; body: unknown }[] =>
  sheetsFake.requests.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.body }));

describe('sla on Google Sheets', () => {
  let srv: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    srv = await setup();
  });

  it('recomputes every open complaint in three requests: one batch read, one re-read of the numbers, one RAW batch write', async () => {
    const before = registerRows();
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(answer(res).ok).toBe(true);
    expect(answer(res).total).toBe(7);
    const reqs = sheetRequests();
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v4/spreadsheets/${SPREADSHEET}/values:batchGet`,
      `GET /v4/spreadsheets/${SPREADSHEET}/values:batchGet`,
      `POST /v4/spreadsheets/${SPREADSHEET}/values:batchUpdate`,
    ]);
    const [read, reread, write] = reqs;
    expect(read?.query.ranges).toEqual(["'Pengaduan'", "'Peran'", "'Pengaturan'", "'Libur'", "'Dasbor'"]);
    expect(read?.query.valueRenderOption).toBe('UNFORMATTED_VALUE');
    // Right before writing: fresh header rows, the registration numbers (where each row is now),
    // "Terakhir Diperbarui" (did a procedure step change the row meanwhile?), and the dashboard's numbers.
    expect(reread?.query.ranges).toEqual(["'Pengaduan'!1:1", "'Pengaduan'!A:A", expect.stringMatching(/^'Pengaduan'!([A-Z]+):\1$/), "'Dasbor'!1:1", "'Dasbor'!A:A"]);
    const body = write?.body as { valueInputOption: string; data: { range: string; values: unknown[][] }[] };
    expect(body.valueInputOption).toBe('RAW');
    // One rectangle for the SLA columns of the open complaints (closed ones keep their final
    // clock and are not rewritten), then the dashboard's changed cells.
    const openRows = before.flatMap((r, i) => (['SELESAI', 'DITUTUP'].includes(String(r.status)) ? [] : [i + 2]));
    expect(body.data[0]?.range).toMatch(new RegExp(`^'Pengaduan'!\\w+${openRows[0]}:\\w+${openRows.at(-1)}$`));
    expect(body.data.length).toBeGreaterThan(1);
    expect(body.data.slice(1).every((d) => d.range.startsWith("'Dasbor'!"))).toBe(true);
    const after = registerRows();
    // Only SLA columns changed; the rest of every row is as it was.
    const sla = new Set(TABS.pengaduan.columns.filter((c) => c.writer === 'sla').map((c) => c.key));
    after.forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) if (!sla.has(k)) expect(v, `${k} of row ${i + 2}`).toEqual(before[i]?.[k]);
      if (openRows.includes(i + 2)) expect(row.sla_dihitung_pada).toBe('2026-11-27 10:00:00');
      else expect(row.sla_dihitung_pada).toBe(before[i]?.sla_dihitung_pada);
    });
    expect(sheetsFake.tab('Dasbor')).toHaveLength(8);
    expect(answer(res).pengingat).toContain('Perhitungan SLA per');
  });

  it('puts each value on the right complaint when a person re-sorts the register between the read and the write', async () => {
    const server = srv.server('sla');
    // Before the re-read (request 2), someone sorts Pengaduan by name, descending.
    sheetsFake.beforeRequest((n) => {
      if (n !== 2) return;
      const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
      const nameAt = header.indexOf('Nama Pelapor');
      rows.sort((a, b) => text(b[nameAt]).localeCompare(text(a[nameAt])));
      sheetsFake.setTab('Pengaduan', [header, ...rows]);
    });
    // The expected values: the same sweep on an untouched copy.
    const res = await request(server).post('/').set('X-Pengaduan-Sebagai', ADMIN);
    expect(res.status).toBe(200);
    const sorted = registerRows();
    expect(sorted.map((r) => r.nama_pelapor)).toEqual([...sorted.map((r) => String(r.nama_pelapor))].sort((a, b) => b.localeCompare(a)));
    const expected = await setup();
    await request(expected.server('sla')).post('/').set('X-Pengaduan-Sebagai', ADMIN);
    const straight = new Map(registerRows().map((r) => [r.nomor, r]));
    for (const row of sorted) {
      const want = straight.get(row.nomor);
      for (const k of ['tenggat', 'status_sla', 'hari_kerja_sisa', 'hari_kerja_terpakai']) expect(row[k], `${String(row.nomor)} ${k}`).toEqual(want?.[k]);
    }
  });

  /** The SLA columns every complaint gets from a sweep on an untouched copy of the register. */
  async function straightSweep(): Promise<Map<string, Record<string, string>>> {
    const expected = await setup();
    await request(expected.server('sla')).post('/').set('X-Pengaduan-Sebagai', ADMIN).expect(200);
    return new Map(registerRows().map((r) => [r.nomor ?? '', r]));
  }
  const reverseRegister = (): void => {
    const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
    sheetsFake.setTab('Pengaduan', [header, ...rows.reverse()]);
  };

  it('locates the rows again before retrying a write that got 429, so a sort during the wait moves nothing', async () => {
    const want = await straightSweep();
    srv = await setup();
    sheetsFake.beforeRequest((n) => {
      if (n !== 3) return;
      sheetsFake.failNext(429);
      reverseRegister();
    });
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(sheetsFake.requests.map((r) => r.status)).toEqual([200, 200, 429, 200, 200]);
    for (const row of registerRows()) {
      for (const k of ['tenggat', 'status_sla', 'hari_kerja_sisa', 'sla_dihitung_pada']) expect(row[k], `${row.nomor} ${k}`).toEqual(want.get(row.nomor ?? '')?.[k]);
    }
  });

  it('leaves alone a row a procedure step changed between the read and the write, and says so', async () => {
    let changed = '';
    sheetsFake.beforeRequest((n) => {
      if (n !== 2) return;
      const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
      const at = header.indexOf('Terakhir Diperbarui');
      const row = rows.find((r) => r[header.indexOf('Status')] === 'DITERIMA') ?? [];
      changed = text(row[0]);
      row[at] = '2026-11-27 10:00:01';
      sheetsFake.setTab('Pengaduan', [header, ...rows]);
    });
    const before = registerRows();
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(answer(res).tidakTertulis).toEqual([{ tab: 'Pengaduan', key: changed, reason: expect.stringContaining('langkah lain') as unknown }]);
    const after = registerRows().find((r) => r.nomor === changed);
    expect(after?.sla_dihitung_pada).toBe(before.find((r) => r.nomor === changed)?.sla_dihitung_pada);
  });

  it('reports only the row whose date cell holds a pasted phone number; look-ups and the sweep go on', async () => {
    const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
    const victim = rows[1] ?? [];
    victim[header.indexOf('Waktu Diterima (WIB)')] = 81234567890;
    sheetsFake.setTab('Pengaduan', [header, ...rows]);
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(answer(res).skipped?.map((x) => x.nomor)).toEqual([text(victim[0])]);
    expect(answer(res).skipped?.[0]?.reason).toMatch(/81234567890/);
    const other = registerRows()[2];
    const look = await request(srv.server('status')).post('/').send({ nomor: other?.nomor, kode: other?.kode_akses });
    expect(look.status).toBe(200);
  });

  it('writes the dashboard by number when someone sorted it between the read and the write', async () => {
    await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER).expect(200);
    const want = sheetsFake.tab('Dasbor');
    // The next day something changes (a kategori), and someone sorts the dashboard mid-sweep.
    const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
    const kategoriAt = header.indexOf('Kategori');
    const first = rows.find((r) => text(r[kategoriAt]) !== '') ?? [];
    first[kategoriAt] = first[kategoriAt] === 'berat' ? 'sedang' : 'berat';
    sheetsFake.setTab('Pengaduan', [header, ...rows]);
    // Requests 1–3 were the first sweep; 4 is the second's read, 5 its re-read before writing.
    sheetsFake.beforeRequest((n) => {
      if (n !== 5) return;
      const [dh = [], ...drows] = sheetsFake.tab('Dasbor');
      sheetsFake.setTab('Dasbor', [dh, ...drows.reverse()]);
    });
    await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER).expect(200);
    const [dh = [], ...dash] = sheetsFake.tab('Dasbor');
    const byNomor = new Map(dash.map((r) => [text(r[0]), r]));
    const kAt = dh.indexOf('Kategori');
    for (const r of want.slice(1)) {
      const got = byNomor.get(text(r[0]));
      expect(got, text(r[0])).toBeDefined();
      if (text(r[0]) === text(first[0])) expect(got?.[kAt]).toBe(first[kategoriAt]);
      else expect(got?.[kAt]).toEqual(r[kAt]);
    }
  });

  it('reports and skips a row whose status was typed by hand, and processes the others', async () => {
    const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
    const statusAt = header.indexOf('Status');
    const tenggatAt = header.indexOf('Jatuh Tempo');
    const victim = rows[2] ?? [];
    victim[statusAt] = 'SUDAH BERES';
    const oldDue = victim[tenggatAt];
    sheetsFake.setTab('Pengaduan', [header, ...rows]);
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(answer(res).total).toBe(6);
    expect(answer(res).skipped).toHaveLength(1);
    expect(answer(res).skipped?.[0]?.nomor).toBe(victim[0]);
    expect(answer(res).skipped?.[0]?.reason).toMatch(/SUDAH BERES/);
    const after = registerRows().find((r) => r.nomor === victim[0]);
    expect(after?.status).toBe('SUDAH BERES');
    expect(after?.tenggat).toEqual(oldDue);
  });

  it('reports a row deleted between the read and the write instead of writing its values elsewhere', async () => {
    let deleted = '';
    sheetsFake.beforeRequest((n) => {
      if (n !== 2) return;
      const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
      const at = rows.findIndex((r) => r[header.indexOf('Status')] === 'DITERIMA');
      deleted = text(rows[at]?.[0]);
      sheetsFake.setTab('Pengaduan', [header, ...rows.filter((_, i) => i !== at)]);
    });
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(answer(res).tidakTertulis).toEqual([{ tab: 'Pengaduan', key: deleted, reason: expect.stringContaining('tidak ditemukan') as unknown }]);
    const rows = registerRows();
    expect(rows).toHaveLength(6);
    expect(rows.some((r) => r.nomor === deleted)).toBe(false);
    // The other open complaints were updated on their own rows.
    for (const r of rows.filter((x) => !['SELESAI', 'DITUTUP'].includes(String(x.status)))) expect(r.sla_dihitung_pada).toBe('2026-11-27 10:00:00');
  });

  it('runs again on a fresh read when a written column was moved meanwhile', async () => {
    const want = await straightSweep();
    srv = await setup();
    const before = registerRows();
    let moved = false;
    sheetsFake.beforeRequest((n) => {
      if (n !== 2 || moved) return;
      moved = true;
      const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
      // Someone drags "Status SLA" to the front.
      const at = header.indexOf('Status SLA');
      const move = (r: SheetCell[]): SheetCell[] => [r[at] ?? '', ...r.slice(0, at), ...r.slice(at + 1)];
      sheetsFake.setTab('Pengaduan', [move(header), ...rows.map(move)]);
    });
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(sheetRequests()).toHaveLength(5);
    // Every value is where an undisturbed sweep puts it (read by header, so the new column order
    // does not matter), and nothing else of any row changed.
    const sla = new Set(TABS.pengaduan.columns.filter((c) => c.writer === 'sla').map((c) => c.key));
    const rows = registerRows();
    expect(rows.map((r) => r.nomor)).toEqual(before.map((r) => r.nomor));
    rows.forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) expect(v, `${row.nomor} ${k}`).toEqual(sla.has(k) ? want.get(row.nomor ?? '')?.[k] : before[i]?.[k]);
    });
  });

  it('retries a 429 and a 503 with backoff and still makes one write', async () => {
    sheetsFake.failNext(429);
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(sheetsFake.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
  });

  it('gives up after the retries with an Indonesian 503 and writes nothing', async () => {
    const before = sheetsFake.tab('Pengaduan');
    sheetsFake.failNext(503, 10);
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(503);
    expect(answer(res).kode).toBe('REGISTER_TERKUNCI');
    expect(answer(res).pesan).toMatch(/Tidak ada yang ditulis/);
    expect(sheetsFake.tab('Pengaduan')).toEqual(before);
  });

  it('grows a dashboard tab whose grid is too small before writing it', async () => {
    sheetsFake.setTab('Dasbor', gridOf('dasbor', []), { rows: 3 });
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    expect(sheetsFake.tab('Dasbor')).toHaveLength(8);
    expect(sheetRequests().some((r) => r.path.endsWith(':batchUpdate') && JSON.stringify(r.body).includes('appendDimension'))).toBe(true);
  });

  it('clears dashboard rows left from a longer register', async () => {
    const stale = Array.from({ length: 20 }, (_, i) => TABS.dasbor.columns.map((c) => (c.key === 'nomor' ? `LAMA-${i}` : 'x')));
    sheetsFake.setTab('Dasbor', [TABS.dasbor.columns.map((c) => c.header), ...stale]);
    await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER).expect(200);
    const dash = sheetsFake.tab('Dasbor');
    expect(dash).toHaveLength(8);
    expect(JSON.stringify(dash)).not.toContain('LAMA-');
  });

  it('splits a large first write into requests Google accepts (under 2 MB each) and loses no row', async () => {
    const base = sample.get('pengaduan') ?? [];
    const rows = Array.from({ length: 9000 }, (_, i) => ({ ...base[i % base.length], nomor: `PGD-2026-${String(i + 1).padStart(5, '0')}` }));
    sheetsFake.setTab('Pengaduan', gridOf('pengaduan', rows), { rows: 9100 });
    sheetsFake.setTab('Dasbor', gridOf('dasbor', []), { rows: 9100 });
    const res = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER);
    expect(res.status).toBe(200);
    const writes = sheetRequests().filter((r) => r.path.endsWith('values:batchUpdate'));
    expect(writes.length).toBeGreaterThan(1);
    for (const w of writes) {
      expect(JSON.stringify(w.body).length).toBeLessThan(2_000_000);
      expect((w.body as { valueInputOption: string }).valueInputOption).toBe('RAW');
    }
    const dash = sheetsFake.tab('Dasbor');
    expect(dash).toHaveLength(9001);
    expect(new Set(dash.slice(1).map((r) => text(r[0]))).size).toBe(9000);
  });

  it('refuses staff without the admin role and unknown callers, changing nothing', async () => {
    const before = sheetsFake.tab('Pengaduan');
    const a = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', PETUGAS);
    expect(a.status).toBe(403);
    expect(answer(a).kode).toBe('PERAN_TIDAK_BERWENANG');
    const b = await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', 'orang.lain@contoh.id');
    expect(b.status).toBe(403);
    expect(answer(b).kode).toBe('PENGGUNA_TIDAK_TERDAFTAR');
    const c = await request(srv.server('sla')).post('/');
    expect(c.status).toBe(401);
    expect(sheetsFake.tab('Pengaduan')).toEqual(before);
    expect(sheetRequests().filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('keeps a formula typed by a citizen as text when writing back', async () => {
    const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
    const isi = header.indexOf('Isi Pengaduan');
    const row = rows[0] ?? [];
    row[isi] = '=IMPORTXML("https://jahat.example/x","//a")';
    sheetsFake.setTab('Pengaduan', [header, ...rows]);
    await request(srv.server('sla')).post('/').set('X-Pengaduan-Sebagai', SCHEDULER).expect(200);
    // The sweep never writes citizens' columns, and nothing it writes is a formula.
    expect(registerRows()[0]?.isi_pengaduan).toBe('=IMPORTXML("https://jahat.example/x","//a")');
    const write = sheetRequests().find((r) => r.path.endsWith('values:batchUpdate'))?.body as { data: { values: unknown[][] }[] };
    expect(write.data.flatMap((d) => d.values.flat()).some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
  });
});

/** The shipped Tanda Terima template with its title replaced, as an administrator might edit it. */
async function shippedTemplate(title: string): Promise<Uint8Array> {
  const shipped = new Uint8Array(await readFile(new URL('../../templates/tanda-terima.docx', import.meta.url)));
  return editDocx(shipped, 'word/document.xml', (xml) => xml.replace('TANDA TERIMA', title));
}

describe('dokumen on Google Sheets and Drive', () => {
  let srv: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    srv = await setup();
  });

  it('renders, uploads into the Shared Drive folder with a Drive-made PDF, and writes the link into one cell', async () => {
    const nomor = String(registerRows()[0]?.nomor);
    const res = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima' });
    expect(res.status, JSON.stringify(answer(res))).toBe(200);
    const [doc] = answer(res).dokumen as { jenis: string; tautan: string; pdf: string }[];
    expect(doc?.tautan).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/.+\/view/);
    expect(doc?.pdf).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/.+\/view/);
    const files = driveFake.files();
    const folder = files.find((f) => f.mimeType === FOLDER_MIME && f.name === nomor);
    expect(folder?.parents).toEqual([docsFolder]);
    const docx = files.find((f) => f.name === `${nomor}_tanda-terima.docx`);
    expect(docx?.mimeType).toBe(DOCX_MIME);
    expect(docx?.parents).toEqual([folder?.id]);
    expect((await readDocx(docx?.content ?? new Uint8Array())).text).toContain(nomor);
    const pdf = files.find((f) => f.name === `${nomor}_tanda-terima.pdf`);
    expect(pdf?.mimeType).toBe(PDF_MIME);
    expect(Buffer.from(pdf?.content ?? []).subarray(0, 5).toString()).toBe('%PDF-');
    // The temporary Google Doc of the conversion is gone.
    expect(files.filter((f) => f.mimeType === GOOGLE_DOC_MIME && !f.trashed)).toEqual([]);
    // Every Drive request names the Shared Drive support.
    for (const r of driveFake.requests) if (r.method !== 'GET' || r.path.endsWith('/files')) expect(r.query.supportsAllDrives, `${r.method} ${r.path}`).toBe('true');
    // One cell written, RAW, on the complaint's own row.
    const write = sheetRequests().find((r) => r.path.endsWith('values:batchUpdate'))?.body as { valueInputOption: string; data: { range: string; values: unknown[][] }[] };
    expect(write.valueInputOption).toBe('RAW');
    expect(write.data).toEqual([{ range: expect.stringMatching(/^'Pengaduan'!\w+2:\w+2$/) as unknown, majorDimension: 'ROWS', values: [[doc?.tautan]] }]);
    expect(registerRows()[0]?.[berkasColumn('tanda_terima')]).toBe(doc?.tautan);
  });

  it('says the link was not written when the complaint\'s row is deleted while its document is made', async () => {
    const nomor = registerRows()[0]?.nomor ?? '';
    sheetsFake.beforeRequest((n) => {
      if (n !== 2) return;
      const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
      sheetsFake.setTab('Pengaduan', [header, ...rows.filter((r) => text(r[0]) !== nomor)]);
    });
    const res = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima', pdf: false });
    expect(res.status).toBe(200);
    expect((answer(res).peringatan as string[]).join(' ')).toMatch(/tidak tertulis di register/);
    expect(sheetRequests().some((r) => r.path.endsWith('values:batchUpdate'))).toBe(false);
  });

  it('replaces the same Drive file when rendered again, so the link in the register stays valid', async () => {
    const nomor = String(registerRows()[0]?.nomor);
    const first = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima', pdf: false });
    const second = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima', pdf: false });
    expect(answer(second).dokumen?.[0]?.tautan).toBe(answer(first).dokumen?.[0]?.tautan);
    expect(driveFake.files().filter((f) => f.name.endsWith('.docx'))).toHaveLength(1);
    expect(driveFake.files().filter((f) => f.mimeType === FOLDER_MIME && f.name === nomor)).toHaveLength(1);
  });

  it('refuses a document the complaint has not reached, a bad type and an unknown number with Indonesian messages', async () => {
    const open = registerRows().find((r) => r.status === 'DITERIMA');
    const a = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor: open?.nomor, jenis: 'berita_acara' });
    expect(a.status).toBe(409);
    expect(answer(a).kode).toBe('DOKUMEN_BELUM_TERSEDIA');
    const b = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor: open?.nomor, jenis: 'surat_cinta' });
    expect(b.status).toBe(400);
    expect(answer(b).kode).toBe('JENIS_DOKUMEN_TIDAK_DIKENAL');
    const c = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor: 'PGD-1999-0001', jenis: 'tanda_terima' });
    expect(c.status).toBe(404);
    expect(answer(c).pesan).toMatch(/tidak ditemukan/);
    const d = await request(srv.server('dokumen')).get('/').set('X-Pengaduan-Sebagai', PETUGAS);
    expect(d.status).toBe(405);
    expect(driveFake.files().filter((f) => f.mimeType !== FOLDER_MIME || f.name !== 'Dokumen Pengaduan')).toHaveLength(1);
    expect(sheetRequests().filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('uses an administrator\'s Google Docs template from the templates folder, and refuses one with a forbidden command', async () => {
    const edited = await shippedTemplate('TANDA TERIMA VERSI DRIVE');
    srv = await setup({ PENGADUAN_TEMPLATE_FOLDER_ID: templateFolder });
    driveFake.addFile({ name: 'tanda-terima', mimeType: GOOGLE_DOC_MIME, parents: [templateFolder], content: edited, convertedFrom: DOCX_MIME });
    const nomor = String(registerRows()[0]?.nomor);
    const res = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima', pdf: false });
    expect(res.status, JSON.stringify(answer(res))).toBe(200);
    const docx = driveFake.files().find((f) => f.name === `${nomor}_tanda-terima.docx`);
    expect((await readDocx(docx?.content ?? new Uint8Array())).text).toContain('VERSI DRIVE');
    expect(driveFake.requests.some((r) => r.path.endsWith('/export') && r.query.mimeType === DOCX_MIME)).toBe(true);

    const hostile = await shippedTemplate('{{EXEC process.exit(1)}}');
    srv = await setup({ PENGADUAN_TEMPLATE_FOLDER_ID: templateFolder });
    driveFake.addFile({ name: 'tanda-terima', mimeType: GOOGLE_DOC_MIME, parents: [templateFolder], content: hostile, convertedFrom: DOCX_MIME });
    const bad = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima', pdf: false });
    expect(bad.status).toBe(500);
    expect(answer(bad).kode).toBe('TEMPLATE_TIDAK_VALID');
    expect(answer(bad).pesan).toMatch(/EXEC/);
    expect(sheetRequests().filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('uses the templates folder only while administrators alone can edit it, and says who else can', async () => {
    const edited = await shippedTemplate('TANDA TERIMA VERSI DRIVE');
    srv = await setup({ PENGADUAN_TEMPLATE_FOLDER_ID: templateFolder });
    driveFake.addFile({ name: 'tanda-terima', mimeType: GOOGLE_DOC_MIME, parents: [templateFolder], content: edited, convertedFrom: DOCX_MIME });
    const shared = driveFake.file(templateFolder)?.driveId ?? '';
    const admins = [
      { role: 'organizer', type: 'user', emailAddress: ADMIN },
      { role: 'fileOrganizer', type: 'user', emailAddress: 'pengaduan-fungsi@proyek.iam.gserviceaccount.com' },
      { role: 'reader', type: 'group', emailAddress: 'staf@contoh.go.id' },
    ] as const;
    driveFake.setPermissions(shared, [...admins]);
    const nomor = String(registerRows()[0]?.nomor);
    const rendered = async (): Promise<{ text: string; peringatan: string[] }> => {
      const res = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima', pdf: false });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const docx = driveFake.files().find((f) => f.name === `${nomor}_tanda-terima.docx`);
      return { text: (await readDocx(docx?.content ?? new Uint8Array())).text, peringatan: answer(res).peringatan as string[] };
    };
    const trusted = await rendered();
    expect(trusted.text).toContain('VERSI DRIVE');
    expect(trusted.peringatan).toEqual([]);
    // A petugas made editor of the folder: its templates are no longer used until that is undone.
    driveFake.setPermissions(templateFolder, [{ role: 'writer', type: 'user', emailAddress: PETUGAS }]);
    srv = await (async () => {
      registerFunctions(Promise.resolve(createApp(await depsFromConfig(parseConfig({ PENGADUAN_BACKEND: 'google', PENGADUAN_AUTH: 'lokal', PENGADUAN_SPREADSHEET_ID: SPREADSHEET, PENGADUAN_DRIVE_FOLDER_ID: docsFolder, PENGADUAN_TEMPLATE_FOLDER_ID: templateFolder, PENGADUAN_WAKTU: NOW_ISO }), { googleAuth: staticAuth(), retry: { retry: 0 } }))));
      return { server: (fn: 'dokumen' | 'sla' | 'status') => getTestServer(fn) };
    })();
    const untrusted = await rendered();
    expect(untrusted.text).not.toContain('VERSI DRIVE');
    expect(untrusted.peringatan.join(' ')).toMatch(new RegExp(`dapat diubah oleh ${PETUGAS.replace(/\./g, '\\.')}.*Template bawaan dipakai`));
  });

  it('says in Indonesian when the service account is not a member of the Shared Drive', async () => {
    srv = await setup({ PENGADUAN_DRIVE_FOLDER_ID: 'folderYangTidakAda123' });
    const nomor = String(registerRows()[0]?.nomor);
    const res = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima' });
    expect(res.status).toBe(500);
    expect(answer(res).kode).toBe('BERKAS_TIDAK_DAPAT_DIAKSES');
    expect(answer(res).pesan).toMatch(/Shared Drive/);
    expect(sheetRequests().filter((r) => r.method === 'POST')).toEqual([]);
  });
});

describe('status on Google Sheets', () => {
  let srv: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    srv = await setup({ PENGADUAN_STATUS_PER_MENIT: '1000' });
  });

  it('answers the stage, due date and last update for the right code, and reads only the Pengaduan tab', async () => {
    const row = registerRows().find((r) => r.status === 'MENUNGGU_KELENGKAPAN');
    const res = await request(srv.server('status')).get('/').query({ nomor: String(row?.nomor).toLowerCase(), kode: ` ${String(row?.kode_akses).toLowerCase()} ` });
    expect(res.status).toBe(200);
    expect(answer(res)).toMatchObject({ ok: true, nomor: row?.nomor, selesai: false, tenggat: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) as unknown });
    expect(answer(res).tahap).toMatch(/belum lengkap/);
    expect(answer(res).persyaratanKurang?.length).toBeGreaterThan(0);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // The header row once, then the header with the seven columns a look-up needs: never a
    // column of personal data.
    const asked = sheetRequests().map((r) => r.query.ranges);
    expect(asked[0]).toBe("'Pengaduan'!1:1");
    const [header = []] = sheetsFake.tab('Pengaduan');
    const columns = (asked[1] as string[]).slice(1).map((r) => {
      const letter = /!([A-Z]+):/.exec(r)?.[1] ?? '';
      const index = [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return TABS.pengaduan.columns.find((c) => c.header === text(header[index]));
    });
    expect(columns.map((c) => c?.key).sort()).toEqual(['diperbarui_pada', 'diterima_pada', 'kode_akses', 'nomor', 'persyaratan_kurang', 'status', 'tenggat']);
    // The access code is secret (marked personal) and must be read to be checked; nothing else personal is.
    expect(columns.filter((c) => c?.pii).map((c) => c?.key)).toEqual(['kode_akses']);
    // A second look-up after the cache expired reads the columns again, not the header alone.
    await request(srv.server('status')).get('/').query({ nomor: row?.nomor, kode: row?.kode_akses }).expect(200);
    expect(sheetRequests()).toHaveLength(3);
  });

  it('finds the columns again when staff move them between two look-ups', async () => {
    const row = registerRows().find((r) => r.status === 'MENUNGGU_KELENGKAPAN');
    await request(srv.server('status')).get('/').query({ nomor: row?.nomor, kode: row?.kode_akses }).expect(200);
    const [header = [], ...rows] = sheetsFake.tab('Pengaduan');
    const reversed = (r: SheetCell[]): SheetCell[] => Array.from({ length: header.length }, (_, i) => r[header.length - 1 - i] ?? '');
    sheetsFake.setTab('Pengaduan', [reversed(header), ...rows.map(reversed)], { columns: header.length });
    const res = await request(srv.server('status')).get('/').query({ nomor: row?.nomor, kode: row?.kode_akses });
    expect(res.status).toBe(200);
    expect(answer(res).tahap).toMatch(/belum lengkap/);
    expect(answer(res).tenggat).toBe(row?.tenggat);
  });

  it('gives a wrong code and an unknown number the same answer, and reveals no personal data', async () => {
    const row = registerRows()[1];
    const wrong = await request(srv.server('status')).get('/').query({ nomor: row?.nomor, kode: 'SALAH1' });
    const unknown = await request(srv.server('status')).get('/').query({ nomor: 'PGD-2026-9999', kode: 'SALAH1' });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(answer(wrong)).toEqual(answer(unknown));
    const right = await request(srv.server('status')).post('/').send({ nomor: row?.nomor, kode: row?.kode_akses });
    expect(right.status).toBe(200);
    const personal = TABS.pengaduan.columns.filter((c) => c.pii || c.type === 'teks_panjang' || c.type === 'json');
    // Every personal or free-text value of that complaint, the access code too (it is never echoed).
    const checked = personal.filter((c) => String(row?.[c.key] ?? '').length > 3);
    expect(checked.length).toBeGreaterThan(5);
    for (const c of checked) expect(JSON.stringify(answer(right)), c.key).not.toContain(String(row?.[c.key]));
  });

  it('pauses a number after too many wrong codes, whether or not it exists, and each client after too many look-ups', async () => {
    srv = await setup({ PENGADUAN_STATUS_PER_MENIT: '8', PENGADUAN_STATUS_SALAH_PER_JAM: '3' });
    const row = registerRows()[0];
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await request(srv.server('status')).get('/').query({ nomor: row?.nomor, kode: `SALAH${i}` })).status);
    expect(codes).toEqual([404, 404, 404, 429]);
    // Even the right code waits: a pause must not become an oracle.
    expect((await request(srv.server('status')).get('/').query({ nomor: row?.nomor, kode: row?.kode_akses })).status).toBe(429);
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) unknown.push((await request(srv.server('status')).get('/').query({ nomor: 'PGD-2026-9999', kode: `SALAH${i}` })).status);
    expect(unknown).toEqual([404, 404, 404, 429]);
    // Nine look-ups so far: the client's eight a minute are used up, whatever it asks next.
    const res = await request(srv.server('status')).get('/').query({ nomor: 'PGD-2026-0003', kode: 'X' });
    expect(res.status).toBe(429);
    expect(answer(res).pesan).toMatch(/Terlalu banyak permintaan/);
  });

  it('tells a citizen only that the look-up is unavailable when the register cannot be read, never the administrator\'s message', async () => {
    sheetsFake.failNext(403, 5);
    const row = registerRows()[0];
    const res = await request(srv.server('status')).post('/').send({ nomor: row?.nomor, kode: row?.kode_akses });
    expect(res.status).toBe(503);
    expect(answer(res).kode).toBe('LAYANAN_TIDAK_TERSEDIA');
    expect(answer(res).pesan).toMatch(/cek status sedang tidak dapat dipakai/);
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${SPREADSHEET}|spreadsheet|Editor|HTTP`));
  });

  it('refuses empty, huge and malformed look-ups with one Indonesian message', async () => {
    for (const q of [{}, { nomor: 'PGD-2026-0001' }, { kode: 'ABC' }, { nomor: 'x'.repeat(5000), kode: 'A' }, { nomor: ['a', 'b'], kode: 'A' }]) {
      const res = await request(srv.server('status')).get('/').query(q);
      expect(res.status, JSON.stringify(q).slice(0, 80)).toBe(400);
      expect(answer(res).kode).toBe('MASUKAN_TIDAK_VALID');
    }
    const pre = await request(srv.server('status')).options('/');
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toContain('GET');
  });
});

describe('identity tokens through the deployed functions (PENGADUAN_AUTH=google)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const CLIENT_ID = '123456789012-uji.apps.googleusercontent.com';
  const token = (email: string, claims: Record<string, unknown> = {}): string => {
    const now = Math.floor(Date.now() / 1000);
    const head = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'kunci-1', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ iss: 'https://accounts.google.com', aud: CLIENT_ID, sub: '1', email, email_verified: true, iat: now, exp: now + 600, ...claims })).toString('base64url');
    return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url')}`;
  };
  let srv: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    nock('https://www.googleapis.com')
      .persist()
      .get('/oauth2/v1/certs')
      .reply(200, { 'kunci-1': publicKey.export({ type: 'spki', format: 'pem' }) }, { 'cache-control': 'public, max-age=3600' });
    srv = await setup({ PENGADUAN_AUTH: 'google', PENGADUAN_AUDIENCE: CLIENT_ID });
  });
  afterEach(() => {
    nock.cleanAll();
  });

  it('lets a petugas render with a Google identity token, and tells strangers and forgers apart in Indonesian', async () => {
    const nomor = registerRows()[0]?.nomor;
    const ok = await request(srv.server('dokumen')).post('/').set('Authorization', `Bearer ${token(PETUGAS)}`).send({ nomor, jenis: 'tanda_terima', pdf: false });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const stranger = await request(srv.server('dokumen')).post('/').set('Authorization', `Bearer ${token('orang.lain@gmail.com')}`).send({ nomor, jenis: 'tanda_terima' });
    expect(stranger.status).toBe(403);
    expect(answer(stranger).kode).toBe('PENGGUNA_TIDAK_TERDAFTAR');
    const otherAudience = await request(srv.server('dokumen')).post('/').set('Authorization', `Bearer ${token(PETUGAS, { aud: 'fungsi-lain' })}`).send({ nomor, jenis: 'tanda_terima' });
    expect(otherAudience.status).toBe(401);
    expect(answer(otherAudience).pesan).toMatch(/audience/);
    // The header the local server trusts means nothing here.
    const local = await request(srv.server('dokumen')).post('/').set('X-Pengaduan-Sebagai', PETUGAS).send({ nomor, jenis: 'tanda_terima' });
    expect(local.status).toBe(401);
  });

  it('lets Cloud Scheduler\'s service account run the sweep, not a petugas', async () => {
    const scheduler = await request(srv.server('sla')).post('/').set('Authorization', `Bearer ${token(SCHEDULER)}`);
    expect(scheduler.status).toBe(200);
    const petugas = await request(srv.server('sla')).post('/').set('Authorization', `Bearer ${token(PETUGAS)}`);
    expect(petugas.status).toBe(403);
  });
});

describe('an instance whose app could not be built (a backend that failed to start)', () => {
  beforeAll(() => {
    const failed = Promise.reject(new Error('PENGADUAN_SPREADSHEET_ID 1AbC… tidak dapat dibuka oleh akun layanan fungsi'));
    registerFunctions(failed);
  });

  it('tells staff why, but answers a citizen\'s status look-up without the administrator\'s message', async () => {
    const staff = await request(getTestServer('dokumen')).post('/').send({ nomor: 'PGD-2026-0001', jenis: 'tanda_terima' });
    expect(staff.status).toBe(500);
    expect(answer(staff)).toMatchObject({ kode: 'KONFIGURASI_TIDAK_VALID' });
    expect(answer(staff).pesan).toMatch(/akun layanan fungsi/);
    const citizen = await request(getTestServer('status')).post('/').send({ nomor: 'PGD-2026-0001', kode: 'ABCD2345' });
    expect(citizen.status).toBe(503);
    expect(answer(citizen)).toMatchObject({ kode: 'LAYANAN_TIDAK_TERSEDIA' });
    expect(answer(citizen).pesan).not.toMatch(/PENGADUAN_|akun layanan/);
  });
});
