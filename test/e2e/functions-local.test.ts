/**
 * The three functions on the local register, over real HTTP:
 * 1. `pengaduan layani` in a separate process, as a new user runs it: it creates the sample
 *    register, prints its URL and three `curl` examples that must work as printed, stops cleanly
 *    on SIGTERM, and refuses a second server on the same port in Indonesian (exit 2).
 * 2. The local server in-process (`serve` with `depsFromConfig`): documents and their links in
 *    the register, refusals that change nothing (byte for byte), parallel requests serialised by
 *    the workbook lock, hostile and careless requests answered in Indonesian JSON with a stable
 *    `kode`, the public status look-up's limits and CORS, and a citizen's text kept literal.
 * 3. The server's log never holds a request body (complainants' names).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TABS, berkasColumn, type JenisDokumen } from '../../sheets-schema/index.js';
import { parseConfig } from '../../functions/config.js';
import { depsFromConfig } from '../../functions/http/backends.js';
import { serve, type Running } from '../../functions/http/server.js';
import { WorkbookRegister } from '../../functions/register/workbook.js';
import { registerComplaints, seedDefaults } from '../../core/register.js';
import { seedSamples } from '../../functions/local/sample.js';
import { readDocx } from '../helpers/docx.js';
import { filesBelow, pdfTestsRun } from '../helpers/files.js';
import { complaint, dataRows, fixedClock, readBook, removeDir, ROOT, sheetOf, tempDir } from '../helpers/wb-fixtures.js';

const NOW_ISO = '2026-11-27T10:00:00+07:00'; // Friday
const NOW = Date.parse(NOW_ISO);
const PETUGAS = 'rina.petugas@contoh.go.id';
const ADMIN = 'admin@contoh.go.id';
const KEPALA = 'kepala@contoh.go.id';
const REGISTER_NAME = 'register-pengaduan.xlsx';
const DOCS_NAME = 'register-pengaduan-dokumen';

/** A function's JSON answer. */
interface Answer {
  ok?: boolean;
  kode?: string;
  pesan?: string;
  nomor?: string;
  dokumen?: { jenis: string; tautan: string; pdf?: string }[];
  peringatan?: string[];
  total?: number;
  counts?: Record<string, number>;
  tahap?: string;
  [key: string]: unknown;
}

/** An HTTP answer as received. */
interface Reply {
  readonly status: number;
  readonly type: string;
  readonly text: string;
  readonly headers: http.IncomingHttpHeaders;
}

const header = (key: string): string => TABS.pengaduan.columns.find((c) => c.key === key)?.header ?? `?${key}`;
const berkasHeader = (jenis: JenisDokumen): string => header(berkasColumn(jenis));
/** A register cell as text (the cells these tests read hold text or numbers). */
const cellText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const exists = (f: string): Promise<boolean> => stat(f).then(() => true, () => false);
const answerOf = (r: Reply): Answer => JSON.parse(r.text) as Answer;

/**
 * One request through node:http, so that methods, paths, duplicate headers, chunked and
 * compressed bodies can be sent as a hostile client would. A server that answers and then
 * drops the connection (a refused large body) still yields its answer.
 */
function send(base: string, opts: { method?: string; path: string; headers?: http.OutgoingHttpHeaders; body?: string | Buffer; chunks?: readonly string[] }): Promise<Reply> {
  const url = new URL(base);
  const headers: http.OutgoingHttpHeaders = { ...opts.headers };
  if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: url.hostname, port: url.port, method: opts.method ?? 'POST', path: opts.path, headers, agent: false }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(parts).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else {
      req.end(opts.body);
    }
  });
}

/** Bytes straight onto the socket (requests node:http refuses to send); the raw answer. */
function sendRaw(base: string, text: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const parts: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (c: Buffer) => parts.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(parts).toString('latin1'));
    });
    socket.write(text);
  });
}

// ---------------------------------------------------------------------------------------------
// 1. `pengaduan layani` in its own process
// ---------------------------------------------------------------------------------------------

interface Spawned {
  readonly proc: ChildProcess;
  readonly out: () => string;
  readonly err: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment of a user's shell: no test runner's or earlier test's variables. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(PENGADUAN_|VITEST|NODE_ENV$|NODE_OPTIONS$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function pengaduan(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Spawned {
  // The test runner's Node (22): bin/pengaduan.js refuses older ones.
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin', 'pengaduan.js'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })));
  return { proc, out: () => out, err: () => err, exit };
}

/** Waits until stdout matches; fails with what was printed when the process ends or time runs out. */
async function waitForOutput(p: Spawned, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  let ended = false;
  void p.exit.then(() => (ended = true));
  for (;;) {
    const m = pattern.exec(p.out());
    if (m) return m;
    if (ended || Date.now() > deadline) throw new Error(`layani printed no ${String(pattern)}${ended ? ' and ended' : ' in time'}.\nstdout:\n${p.out()}\nstderr:\n${p.err()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function exitWithin(p: Spawned, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`process did not end within ${ms} ms.\nstdout:\n${p.out()}\nstderr:\n${p.err()}`)), ms);
  });
  try {
    return await Promise.race([p.exit, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Curl {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly data: string | undefined;
}

/** A printed `curl` line as the request it makes (the options `layani` prints: -s -H -d -X). */
function parseCurl(line: string): Curl {
  const tokens = [...line.trim().matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  if (tokens.shift() !== 'curl') throw new Error(`not a curl line: ${line}`);
  let method: string | undefined;
  let url = '';
  let data: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (t === '-s') continue;
    if (t === '-H') {
      const h = tokens[++i] ?? '';
      const colon = h.indexOf(':');
      if (colon < 1) throw new Error(`curl header without a name: ${h}`);
      headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
    } else if (t === '-d') data = tokens[++i];
    else if (t === '-X') method = tokens[++i];
    else if (/^https?:\/\//.test(t)) url = t;
    else throw new Error(`curl option the test does not know: ${t}`);
  }
  // curl -d posts as a form unless a Content-Type was given.
  if (data !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return { method: method ?? (data !== undefined ? 'POST' : 'GET'), url, headers, data };
}

async function runCurl(c: Curl): Promise<{ status: number; body: Answer }> {
  const res = await fetch(c.url, { method: c.method, headers: c.headers, ...(c.data !== undefined ? { body: c.data } : {}) });
  return { status: res.status, body: (await res.json()) as Answer };
}

describe('pengaduan layani, as a new user runs it (a separate process)', () => {
  let home: string;
  let register: string;
  let env: NodeJS.ProcessEnv;
  let server: Spawned | undefined;
  let url = '';

  beforeAll(async () => {
    home = await tempDir('layani');
    register = path.join(home, 'data', REGISTER_NAME);
    env = userEnv({ PENGADUAN_WAKTU: NOW_ISO, PENGADUAN_REGISTER: register });
    server = pengaduan(['layani', '--port', '0'], home, env);
    // The whole banner is one write; the status example is its last line.
    await waitForOutput(server, /curl -s [^\n]*\/status\n/, 30_000);
    url = (/Fungsi dijalankan di (http:\/\/127\.0\.0\.1:\d+) /.exec(server.out()) ?? [])[1] ?? '';
  }, 45_000);

  afterAll(async () => {
    if (server && server.proc.exitCode === null && server.proc.signalCode === null) {
      server.proc.kill('SIGKILL');
      await server.exit;
    }
    await removeDir(home);
  });

  it('creates the sample register, prints the URL, and the three printed curl examples work as printed', async () => {
    const p = server;
    if (!p) throw new Error('server not started');
    expect(p.out().split('\n')[0]).toBe(`Register baru dibuat dengan contoh data: ${register}`);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const fn of ['dokumen', 'sla', 'status']) expect(p.out()).toContain(`${url}/${fn}`);
    const curls = p
      .out()
      .split('\n')
      .filter((l) => l.trim().startsWith('curl '))
      .map(parseCurl);
    expect(curls.map((c) => `${c.method} ${c.url.replace(/\?.*$/, '')}`)).toEqual([`POST ${url}/dokumen`, `POST ${url}/sla`, `POST ${url}/status`]);
    const [dokumen, sla, status] = curls as [Curl, Curl, Curl];

    const made = await runCurl(dokumen);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body.ok).toBe(true);
    const link = made.body.dokumen?.[0]?.tautan ?? '';
    expect(link.startsWith(`${DOCS_NAME}/`), link).toBe(true);
    const docx = await readFile(path.join(path.dirname(register), link));
    const content = await readDocx(docx); // a zip, or this throws
    expect(content.parts.has('word/document.xml')).toBe(true);
    expect(content.invalid).toEqual([]);
    expect(content.text).toContain(made.body.nomor ?? '?');

    const swept = await runCurl(sla);
    expect(swept.status, JSON.stringify(swept.body)).toBe(200);
    expect(swept.body.ok).toBe(true);
    expect(swept.body.total).toBe(7);
    expect(Object.values(swept.body.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(7);

    const looked = await runCurl(status);
    expect(looked.status, JSON.stringify(looked.body)).toBe(200);
    expect(looked.body.ok).toBe(true);
    expect(looked.body.nomor).toBe((JSON.parse(status.data ?? '{}') as { nomor?: string }).nomor);
    expect(looked.body.tahap).toMatch(/\S/);
  });

  it('a second layani on the same port exits 2 with the Indonesian "sudah dipakai" message', async () => {
    const port = new URL(url).port;
    const { readFile: read } = await import('node:fs/promises');
    const before = await read(register);
    const second = pengaduan(['layani', '--port', port], home, env);
    const { code } = await exitWithin(second, 30_000);
    expect(code, second.err()).toBe(2);
    expect(second.err()).toContain(`Port ${port} sudah dipakai program lain`);
    expect(second.err()).not.toMatch(/EADDRINUSE|\n\s+at /);
    // Refused before it touched the register (no SLA sweep written by the server that never ran).
    expect(Buffer.compare(await read(register), before)).toBe(0);
  }, 40_000);

  it('stops on SIGTERM: exit code 0, "Server dihentikan.", and no complainant name in anything it printed', async () => {
    const p = server;
    if (!p) throw new Error('server not started');
    p.proc.kill('SIGTERM');
    const { code, signal } = await exitWithin(p, 15_000);
    expect({ code, signal }, p.err()).toEqual({ code: 0, signal: null });
    expect(p.err()).toContain('Server dihentikan.');
    const names = dataRows(sheetOf(await readBook(register), 'pengaduan')).map((r) => cellText(r[header('nama_pelapor')]));
    expect(names.length).toBe(7);
    for (const name of names) expect(`${p.out()}\n${p.err()}`).not.toContain(name);
  }, 20_000);
});

// ---------------------------------------------------------------------------------------------
// 2. The local server in-process
// ---------------------------------------------------------------------------------------------

describe('the local server in-process, on a register with the sample data', () => {
  let dir: string;
  let register: string;
  let running: Running;
  let base = '';
  /** Registration numbers in register order: the 7 samples, then the extra complaints. */
  let numbers: string[] = [];
  let hostileNomor = '';
  const logs: string[] = [];

  const HOSTILE = {
    nama_pelapor: '=HYPERLINK("http://x","klik")',
    nama_usaha: '{{pelapor.nama}} +++INS nama+++',
    isi_pengaduan: 'Tolong {{kode_akses}} dan +++INS nama+++ diperiksa.\nRTL \u202Eabc selesai\n=1+1 @SUM(A1) <w:p><w:r><w:t>x</w:t></w:r></w:p>',
    harapan: '||<w:br/>|| {{#each x}}',
  };

  const post = (fn: string, body: unknown, as: string | undefined = PETUGAS): Promise<Reply> =>
    send(base, { path: `/${fn}`, headers: { 'content-type': 'application/json', ...(as !== undefined ? { 'x-pengaduan-sebagai': as } : {}) }, body: JSON.stringify(body) });

  const pengaduanRows = async (): Promise<Record<string, unknown>[]> => dataRows(sheetOf(await readBook(register), 'pengaduan'));
  const rowOf = (rows: readonly Record<string, unknown>[], nomor: string): Record<string, unknown> | undefined => rows.find((r) => r[header('nomor')] === nomor);

  /** The register's bytes and every file and folder around it. */
  const snapshot = async (): Promise<{ bytes: Buffer; top: string[]; files: string[] }> => ({
    bytes: await readFile(register),
    top: (await readdir(dir)).sort(),
    files: await filesBelow(dir),
  });

  const expectUnchanged = async (before: { bytes: Buffer; top: string[]; files: string[] }): Promise<void> => {
    const after = await snapshot();
    expect(after.bytes.equals(before.bytes), 'the register file changed').toBe(true);
    expect(after.top).toEqual(before.top);
    expect(after.files).toEqual(before.files);
  };

  /** What no answer may show: the server's folders, stack frames, HTML. */
  const expectRefusal = (r: Reply, status: number | readonly number[], kode: string): void => {
    const shown = `${r.status} ${r.type}\n${r.text.slice(0, 400)}`;
    expect(r.type, shown).toMatch(/^application\/json/);
    expect(r.text, shown).not.toMatch(/<html|<!doctype|<pre>/i);
    expect(r.text, shown).not.toMatch(/\n\s+at |node_modules|\.[jt]s:\d+/);
    for (const p of [ROOT, dir]) expect(r.text, shown).not.toContain(p);
    expect([status].flat(), shown).toContain(r.status);
    const body = answerOf(r);
    expect(body.ok).toBe(false);
    expect(body.kode).toBe(kode);
    expect(body.pesan, shown).toMatch(/\b(tidak|harus|wajib|bukan|terlalu|kirim|gunakan|periksa|sebutkan|hanya|belum|isi|coba)\b/i);
    expect(body.pesan, shown).not.toMatch(/\b(error|invalid|not found|bad request|unsupported|failed|cannot|unexpected)\b/i);
  };

  beforeAll(async () => {
    // Logs on (PENGADUAN_SENYAP silences them), captured to check what they hold.
    vi.stubEnv('PENGADUAN_SENYAP', '0');
    const capture = (...args: unknown[]): void => void logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);
    vi.spyOn(console, 'warn').mockImplementation(capture);

    dir = await tempDir('fungsi-lokal');
    register = path.join(dir, REGISTER_NAME);
    // As a new local register is made (seedDefaults + samples), plus four complaints of our own, without documents yet.
    await new WorkbookRegister(register).transaction(() => undefined, {
      seed: async (book) => {
        seedDefaults(book);
        await seedSamples(book, fixedClock(NOW));
        const extra = registerComplaints(
          book,
          [
            complaint({ nama_pelapor: 'Pelapor Tambahan Satu', telepon_pelapor: '081200000101' }),
            complaint({ nama_pelapor: 'Pelapor Tambahan Dua', telepon_pelapor: '081200000102' }),
            complaint({ nama_pelapor: 'Pelapor Tambahan Tiga', telepon_pelapor: '081200000103' }),
            complaint({ ...HOSTILE, telepon_pelapor: '081200000104' }),
          ],
          PETUGAS,
          fixedClock(NOW),
        );
        hostileNomor = extra.at(-1)?.nomor ?? '';
      },
    });
    numbers = (await pengaduanRows()).map((r) => cellText(r[header('nomor')]));
    expect(numbers.length).toBe(11);
    const config = parseConfig({ PENGADUAN_REGISTER: register, PORT: '0', PENGADUAN_WAKTU: NOW_ISO, PENGADUAN_STATUS_PER_MENIT: '1000', PENGADUAN_STATUS_CACHE_DETIK: '0' }, dir);
    running = await serve(config, await depsFromConfig(config));
    base = running.url;
  });

  afterAll(async () => {
    await running.close();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await removeDir(dir);
  });

  describe('dokumen', () => {
    it('writes the link into the "Berkas …" column of that complaint, and nothing else changes in the register', async () => {
      const nomor = numbers[3] ?? ''; // just received through SP4N-LAPOR!
      const before = await readBook(register);
      const r = await post('dokumen', { nomor, jenis: 'tanda_terima' });
      expect(r.status, r.text).toBe(200);
      const body = answerOf(r);
      expect(body).toMatchObject({ ok: true, nomor, peringatan: [] });
      const link = `${DOCS_NAME}/${nomor}/${nomor}_tanda-terima.docx`;
      expect(body.dokumen).toEqual([{ jenis: 'tanda_terima', tautan: link }]);
      const docx = await readDocx(await readFile(path.join(dir, link)));
      expect(docx.invalid).toEqual([]);
      expect(docx.text).toContain(nomor);

      const after = await readBook(register);
      for (const ws of before.worksheets) {
        const old = dataRows(ws);
        const now = dataRows(after.getWorksheet(ws.name) ?? ws);
        if (ws.name !== TABS.pengaduan.name) {
          expect(now, ws.name).toEqual(old);
          continue;
        }
        const i = old.findIndex((row) => row[header('nomor')] === nomor);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(old[i]?.[berkasHeader('tanda_terima')]).toBe(null);
        expect(now[i]).toEqual({ ...old[i], [berkasHeader('tanda_terima')]: link });
        expect(now.filter((_, j) => j !== i)).toEqual(old.filter((_, j) => j !== i));
      }
      expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    });

    it('answers the files themselves when asked ("lampiran": true), for Apps Script to attach the receipt to its e-mail', async () => {
      const nomor = numbers[3] ?? '';
      // (Only the receipt: the parallel test below expects this complaint's working paper not made yet.)
      const r = await post('dokumen', { nomor, jenis: ['tanda_terima'], lampiran: true });
      expect(r.status, r.text).toBe(200);
      const body = answerOf(r) as Answer & { lampiran?: { jenis: string; nama: string; mimeType: string; base64: string }[] };
      expect(body.lampiran?.map((l) => [l.jenis, l.nama, l.mimeType])).toEqual([
        ['tanda_terima', `${nomor}_tanda-terima.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ]);
      // The attachment is the very file stored and linked.
      const stored = await readFile(path.join(dir, DOCS_NAME, nomor, `${nomor}_tanda-terima.docx`));
      expect(Buffer.from(body.lampiran?.[0]?.base64 ?? '', 'base64').equals(stored)).toBe(true);
      // Without the flag the answer carries links only.
      expect(answerOf(await post('dokumen', { nomor, jenis: 'tanda_terima' }))).not.toHaveProperty('lampiran');
    });

    it('refuses a document the complaint has not reached (409 DOKUMEN_BELUM_TERSEDIA); the register stays byte-identical', async () => {
      const before = await snapshot();
      const r = await post('dokumen', { nomor: numbers[3], jenis: 'berita_acara' });
      expectRefusal(r, 409, 'DOKUMEN_BELUM_TERSEDIA');
      expect(answerOf(r).pesan).toContain('Kepala belum menandatangani');
      await expectUnchanged(before);
    });

    it('refuses a list with one unavailable document as a whole: not even the available one is written', async () => {
      const nomor = numbers[2] ?? ''; // waiting for requirements: no meeting
      const before = await snapshot();
      const r = await post('dokumen', { nomor, jenis: ['tanda_terima', 'undangan_rapat'] });
      expectRefusal(r, 409, 'DOKUMEN_BELUM_TERSEDIA');
      await expectUnchanged(before);
      expect(await exists(path.join(dir, DOCS_NAME, nomor))).toBe(false);
    });

    it.runIf(pdfTestsRun)('"pdf": true with LibreOffice installed returns a PDF path beside the .docx, and the PDF exists', async () => {
      const nomor = numbers[0] ?? '';
      const r = await post('dokumen', { nomor, jenis: 'tanda_terima', pdf: true });
      expect(r.status, r.text).toBe(200);
      const body = answerOf(r);
      expect(body.peringatan).toEqual([]);
      const pdf = body.dokumen?.[0]?.pdf ?? '';
      expect(pdf).toBe(`${DOCS_NAME}/${nomor}/${nomor}_tanda-terima.pdf`);
      const bytes = await readFile(path.join(dir, pdf));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The register links the .docx, the document of record.
      expect(rowOf(await pengaduanRows(), nomor)?.[berkasHeader('tanda_terima')]).toBe(body.dokumen?.[0]?.tautan);
    }, 120_000);

    it('"pdf": true without LibreOffice still saves the .docx and its link, and answers 200 with an Indonesian warning', async () => {
      const nomor = numbers[1] ?? '';
      const previous = process.env.PENGADUAN_SOFFICE;
      process.env.PENGADUAN_SOFFICE = path.join(dir, 'tidak-ada', 'soffice');
      let r: Reply;
      try {
        r = await post('dokumen', { nomor, jenis: 'tanda_terima', pdf: true });
      } finally {
        if (previous === undefined) delete process.env.PENGADUAN_SOFFICE;
        else process.env.PENGADUAN_SOFFICE = previous;
      }
      expect(r.status, r.text).toBe(200);
      const body = answerOf(r);
      expect(body.dokumen?.[0]?.pdf).toBeUndefined();
      expect(body.peringatan?.join('\n')).toMatch(/PDF tidak dapat dibuat: LibreOffice .*tidak ditemukan\. Berkas \.docx tetap tersimpan\./);
      const link = body.dokumen?.[0]?.tautan ?? '';
      expect(await exists(path.join(dir, link))).toBe(true);
      expect(rowOf(await pengaduanRows(), nomor)?.[berkasHeader('tanda_terima')]).toBe(link);
    });

    it('keeps a citizen-typed formula, right-to-left override and template commands literal in the .docx', async () => {
      const r = await post('dokumen', { nomor: hostileNomor, jenis: ['tanda_terima', 'lembar_pengaduan'] });
      expect(r.status, r.text).toBe(200);
      const made = answerOf(r).dokumen ?? [];
      expect(made.map((d) => d.jenis)).toEqual(['tanda_terima', 'lembar_pengaduan']);
      const [tanda, lembar] = await Promise.all(made.map(async (d) => readDocx(await readFile(path.join(dir, d.tautan)))));
      for (const doc of [tanda, lembar]) {
        expect(doc?.invalid).toEqual([]);
        expect(doc?.text).toContain(HOSTILE.nama_pelapor);
        expect(doc?.text).toContain(HOSTILE.nama_usaha);
        // The override is kept, and closed before the template's own text resumes.
        const text = doc?.text ?? '';
        expect((text.match(/\u202E/g) ?? []).length).toBeLessThanOrEqual((text.match(/\u202C/g) ?? []).length);
      }
      const text = lembar?.text ?? '';
      expect(text).toContain('Tolong {{kode_akses}} dan +++INS nama+++ diperiksa.');
      expect(text).toContain('RTL \u202Eabc selesai');
      expect(text).toContain('=1+1 @SUM(A1) <w:p><w:r><w:t>x</w:t></w:r></w:p>');
      expect(text).toContain(HOSTILE.harapan);
      // Nothing was evaluated: {{kode_akses}} stayed a text, so the access code itself is nowhere in the document.
      const kode = cellText(rowOf(await pengaduanRows(), hostileNomor)?.[header('kode_akses')]);
      expect(kode).toMatch(/\S/);
      expect(text).not.toContain(kode);
    });
  });

  describe('parallel requests', () => {
    it('10 dokumen requests for different complaints and 2 sla runs at once all succeed, and every link is in the register', async () => {
      const ten = numbers.slice(0, 10);
      const before = await pengaduanRows();
      for (const nomor of ten) expect(rowOf(before, nomor)?.[berkasHeader('lembar_pengaduan')], nomor).toBe(null);
      const replies = await Promise.all([
        ...ten.map((nomor) => post('dokumen', { nomor, jenis: 'lembar_pengaduan' })),
        post('sla', {}, ADMIN),
        post('sla', {}, ADMIN),
      ]);
      for (const r of replies) expect(r.status, r.text).toBe(200);
      const links = replies.slice(0, 10).map((r) => answerOf(r).dokumen?.[0]?.tautan ?? '');
      for (const r of replies.slice(10)) expect(answerOf(r).total).toBe(11);
      const after = await pengaduanRows();
      for (const [i, nomor] of ten.entries()) {
        expect(links[i]).toBe(`${DOCS_NAME}/${nomor}/${nomor}_lembar-pengaduan.docx`);
        expect(rowOf(after, nomor)?.[berkasHeader('lembar_pengaduan')], nomor).toBe(links[i]);
        expect(await exists(path.join(dir, links[i] ?? ''))).toBe(true);
      }
      // No lock folder, temporary register or staged document left behind.
      expect((await readdir(dir)).sort()).toEqual([REGISTER_NAME, DOCS_NAME].sort());
      expect((await filesBelow(path.join(dir, DOCS_NAME))).filter((f) => !/\.(docx|pdf)$/.test(f))).toEqual([]);
    }, 60_000);
  });

  describe('hostile and careless requests: Indonesian JSON with a stable kode, and nothing changes', () => {
    let before: { bytes: Buffer; top: string[]; files: string[] };
    beforeAll(async () => {
      before = await snapshot();
    });

    const json = { 'content-type': 'application/json', 'x-pengaduan-sebagai': PETUGAS };
    const dokumen = (body: string | Buffer, headers: http.OutgoingHttpHeaders = json): Promise<Reply> => send(base, { path: '/dokumen', headers, body });
    const dokumenJson = (body: unknown): Promise<Reply> => dokumen(JSON.stringify(body));
    const nomor = (): string => numbers[3] ?? '';

    const CASES: readonly { name: string; send: () => Promise<Reply>; status: number | readonly number[]; kode: string }[] = [
      { name: 'malformed JSON', send: () => dokumen('{"nomor": "PGD-2026-0004", "jenis": '), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'JSON with single quotes', send: () => dokumen("{'nomor': 'PGD-2026-0004'}"), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'a JSON array body', send: () => dokumenJson([{ nomor: nomor(), jenis: 'tanda_terima' }]), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'a JSON string body', send: () => dokumenJson(nomor()), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'a JSON number body', send: () => dokumen('42'), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'a JSON null body', send: () => dokumen('null'), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'JSON nested 20 000 levels deep', send: () => dokumen(`${'['.repeat(20_000)}${']'.repeat(20_000)}`), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'a text/plain body', send: () => dokumen(`nomor=${nomor()}`, { ...json, 'content-type': 'text/plain' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'no body at all', send: () => send(base, { path: '/dokumen', headers: { 'x-pengaduan-sebagai': PETUGAS } }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'a 2 MB body', send: () => dokumenJson({ nomor: nomor(), jenis: 'tanda_terima', isi: 'x'.repeat(2 * 1024 * 1024) }), status: 413, kode: 'MASUKAN_TIDAK_VALID' },
      {
        name: 'a chunked body (no Content-Length)',
        send: () => send(base, { path: '/dokumen', headers: { ...json, 'transfer-encoding': 'chunked' }, chunks: ['{"nomor":"', `${nomor()}","jenis":"tanda_terima"}`] }),
        status: 411,
        kode: 'MASUKAN_TIDAK_VALID',
      },
      { name: 'nomor missing', send: () => dokumenJson({ jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor empty', send: () => dokumenJson({ nomor: '', jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor only spaces', send: () => dokumenJson({ nomor: '   ', jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor of 100 kB', send: () => dokumenJson({ nomor: 'PGD-'.repeat(25_600), jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor with a NUL', send: () => dokumenJson({ nomor: `${nomor()}\u0000`, jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor with a terminal escape', send: () => dokumenJson({ nomor: `\u001b[31m${nomor()}`, jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor as a number', send: () => dokumenJson({ nomor: 4, jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor as a query object', send: () => dokumenJson({ nomor: { $ne: null }, jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor as a list', send: () => dokumenJson({ nomor: [nomor()], jenis: 'tanda_terima' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'nomor ../../etc/passwd', send: () => dokumenJson({ nomor: '../../etc/passwd', jenis: 'tanda_terima' }), status: 404, kode: 'PENGADUAN_TIDAK_DITEMUKAN' },
      { name: 'nomor ..\\..\\register', send: () => dokumenJson({ nomor: `..\\..\\${REGISTER_NAME}`, jenis: 'tanda_terima' }), status: 404, kode: 'PENGADUAN_TIDAK_DITEMUKAN' },
      { name: 'nomor with a path after a real number', send: () => dokumenJson({ nomor: `${nomor()}/../../x`, jenis: 'tanda_terima' }), status: 404, kode: 'PENGADUAN_TIDAK_DITEMUKAN' },
      { name: 'pdf as the text "ya" (not guessed to be false)', send: () => dokumenJson({ nomor: nomor(), jenis: 'tanda_terima', pdf: 'ya' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'lampiran as the number 1', send: () => dokumenJson({ nomor: nomor(), jenis: 'tanda_terima', lampiran: 1 }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'jenis missing', send: () => dokumenJson({ nomor: nomor() }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'jenis unknown', send: () => dokumenJson({ nomor: nomor(), jenis: 'surat_cinta' }), status: 400, kode: 'JENIS_DOKUMEN_TIDAK_DIKENAL' },
      { name: 'jenis "semua" (only the command line has it)', send: () => dokumenJson({ nomor: nomor(), jenis: 'semua' }), status: 400, kode: 'JENIS_DOKUMEN_TIDAK_DIKENAL' },
      { name: 'jenis a template command', send: () => dokumenJson({ nomor: nomor(), jenis: '{{kode_akses}}' }), status: 400, kode: 'JENIS_DOKUMEN_TIDAK_DIKENAL' },
      { name: 'jenis an empty list', send: () => dokumenJson({ nomor: nomor(), jenis: [] }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'jenis a list of 50', send: () => dokumenJson({ nomor: nomor(), jenis: Array.from({ length: 50 }, () => 'tanda_terima') }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'jenis a nested object', send: () => dokumenJson({ nomor: nomor(), jenis: { tanda_terima: { berita_acara: true } } }), status: 400, kode: 'JENIS_DOKUMEN_TIDAK_DIKENAL' },
      {
        name: 'prototype pollution through __proto__',
        send: () => dokumen(`{"__proto__": {"ok": false, "jenis": "tanda_terima"}, "nomor": "${nomor()}"}`),
        status: 400,
        kode: 'MASUKAN_TIDAK_VALID',
      },
      {
        name: 'prototype pollution through constructor.prototype',
        send: () => dokumen(`{"constructor": {"prototype": {"jenis": "tanda_terima"}}, "nomor": "${nomor()}"}`),
        status: 400,
        kode: 'MASUKAN_TIDAK_VALID',
      },
      {
        name: 'prototype pollution through a form body (__proto__[jenis])',
        send: () => dokumen(`__proto__[jenis]=tanda_terima&nomor=${nomor()}`, { ...json, 'content-type': 'application/x-www-form-urlencoded' }),
        status: 400,
        kode: 'MASUKAN_TIDAK_VALID',
      },
      { name: 'GET /dokumen', send: () => send(base, { method: 'GET', path: '/dokumen', headers: { 'x-pengaduan-sebagai': PETUGAS } }), status: 405, kode: 'METODE_TIDAK_DIDUKUNG' },
      { name: 'DELETE /sla', send: () => send(base, { method: 'DELETE', path: '/sla', headers: { 'x-pengaduan-sebagai': ADMIN } }), status: 405, kode: 'METODE_TIDAK_DIDUKUNG' },
      { name: 'a DNS-rebinding Host header naming an admin', send: () => send(base, { method: 'POST', path: '/sla', headers: { host: 'penyerang.example:8080', 'x-pengaduan-sebagai': ADMIN } }), status: 421, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'PUT /status', send: () => send(base, { method: 'PUT', path: '/status', headers: { 'content-type': 'application/json' }, body: '{}' }), status: 405, kode: 'METODE_TIDAK_DIDUKUNG' },
      { name: 'OPTIONS /dokumen (no CORS for staff functions)', send: () => send(base, { method: 'OPTIONS', path: '/dokumen' }), status: 405, kode: 'METODE_TIDAK_DIDUKUNG' },
      { name: 'an unknown path', send: () => send(base, { path: '/admin', headers: json, body: '{}' }), status: 404, kode: 'TIDAK_ADA' },
      { name: 'an unknown path with traversal', send: () => send(base, { method: 'GET', path: '/..%2f..%2fetc%2fpasswd' }), status: 404, kode: 'TIDAK_ADA' },
      { name: 'a function name in capitals', send: () => send(base, { path: '/DOKUMEN', headers: json, body: '{}' }), status: 404, kode: 'TIDAK_ADA' },
      { name: 'X-Pengaduan-Sebagai missing', send: () => dokumen(JSON.stringify({ nomor: nomor(), jenis: 'tanda_terima' }), { 'content-type': 'application/json' }), status: 401, kode: 'TIDAK_TERAUTENTIKASI' },
      { name: 'X-Pengaduan-Sebagai not an e-mail', send: () => dokumen(JSON.stringify({ nomor: nomor(), jenis: 'tanda_terima' }), { ...json, 'x-pengaduan-sebagai': 'rina' }), status: 401, kode: 'TIDAK_TERAUTENTIKASI' },
      { name: 'X-Pengaduan-Sebagai of 400 characters', send: () => dokumen('{}', { ...json, 'x-pengaduan-sebagai': `${'a'.repeat(300)}@contoh.go.id${'x'.repeat(90)}` }), status: 401, kode: 'TIDAK_TERAUTENTIKASI' },
      {
        name: 'X-Pengaduan-Sebagai an e-mail not on the Peran tab',
        send: () => dokumen(JSON.stringify({ nomor: nomor(), jenis: 'tanda_terima' }), { ...json, 'x-pengaduan-sebagai': 'penyusup@contoh.go.id' }),
        status: 403,
        kode: 'PENGGUNA_TIDAK_TERDAFTAR',
      },
      { name: 'the Kepala calling sla', send: () => send(base, { path: '/sla', headers: { 'x-pengaduan-sebagai': KEPALA } }), status: 403, kode: 'PERAN_TIDAK_BERWENANG' },
      { name: 'a petugas calling sla', send: () => send(base, { path: '/sla', headers: { 'x-pengaduan-sebagai': PETUGAS } }), status: 403, kode: 'PERAN_TIDAK_BERWENANG' },
      {
        name: 'a CR LF injected second X-Pengaduan-Sebagai (admin after kepala) on sla',
        send: () => send(base, { path: '/sla', headers: { 'x-pengaduan-sebagai': [KEPALA, ADMIN] } }),
        status: 401,
        kode: 'TIDAK_TERAUTENTIKASI',
      },
      { name: 'two e-mails in one X-Pengaduan-Sebagai on sla', send: () => send(base, { path: '/sla', headers: { 'x-pengaduan-sebagai': `${KEPALA},${ADMIN}` } }), status: 401, kode: 'TIDAK_TERAUTENTIKASI' },
      {
        name: 'X-Forwarded-User / X-Goog-Authenticated-User-Email claiming admin, no X-Pengaduan-Sebagai',
        send: () => send(base, { path: '/sla', headers: { 'x-forwarded-user': ADMIN, 'x-goog-authenticated-user-email': `accounts.google.com:${ADMIN}`, 'x-forwarded-for': '10.0.0.1' } }),
        status: 401,
        kode: 'TIDAK_TERAUTENTIKASI',
      },
      { name: 'status without kode', send: () => send(base, { method: 'GET', path: `/status?nomor=${nomor()}` }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'status with the number twice', send: () => send(base, { method: 'GET', path: `/status?nomor=${nomor()}&nomor=X&kode=ABC` }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'status with a 100 kB number (POST)', send: () => send(base, { path: '/status', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nomor: 'P'.repeat(100_000), kode: 'ABC' }) }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
      { name: 'status with malformed JSON', send: () => send(base, { path: '/status', headers: { 'content-type': 'application/json' }, body: '{"nomor":' }), status: 400, kode: 'MASUKAN_TIDAK_VALID' },
    ];

    for (const c of CASES) {
      it(c.name, async () => {
        expectRefusal(await c.send(), c.status, c.kode);
        await expectUnchanged(before);
        expect(({} as Record<string, unknown>).jenis).toBeUndefined();
        expect(({} as Record<string, unknown>).ok).toBeUndefined();
      });
    }

    // Requests that reach Express' own error handler, or its body parser's decompression, instead of the functions' guards.
    it('a path with broken percent-encoding gets a JSON answer, not an HTML page with a stack trace and server paths', async () => {
      expectRefusal(await send(base, { method: 'GET', path: '/status%E0%A4%A?nomor=x&kode=y' }), 400, 'MASUKAN_TIDAK_VALID');
      await expectUnchanged(before);
    });

    it('a body in an unsupported charset gets a JSON answer, not an HTML page with a stack trace and server paths', async () => {
      expectRefusal(await dokumen(JSON.stringify({ nomor: nomor(), jenis: 'tanda_terima' }), { ...json, 'content-type': 'application/json; charset=klingon' }), [400, 415], 'MASUKAN_TIDAK_VALID');
      await expectUnchanged(before);
    });

    it('a body with an unknown or broken Content-Encoding gets a JSON answer, not an HTML page with a stack trace', async () => {
      expectRefusal(await dokumen('{}', { ...json, 'content-encoding': 'br2' }), [400, 415], 'MASUKAN_TIDAK_VALID');
      expectRefusal(await dokumen('{}', { ...json, 'content-encoding': 'gzip' }), [400, 415], 'MASUKAN_TIDAK_VALID');
      await expectUnchanged(before);
    });

    it('a gzip body that would inflate past 1 MB (2 kB on the wire) is refused before it is read: compressed bodies are not accepted', async () => {
      // An unknown number, so that the request would change nothing even if it were let through (it would answer 404).
      const bomb = gzipSync(Buffer.from(JSON.stringify({ nomor: 'PGD-2026-9999', jenis: 'tanda_terima', isi: 'x'.repeat(2 * 1024 * 1024) })));
      expect(bomb.length).toBeLessThan(10_000);
      expectRefusal(await dokumen(bomb, { ...json, 'content-encoding': 'gzip' }), 415, 'MASUKAN_TIDAK_VALID');
      await expectUnchanged(before);
    });

    it('malformed header lines (bare LF, folded line, NUL) are refused by the HTTP parser before any function runs: 400, no HTML, nothing changed', async () => {
      const head = 'POST /sla HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n';
      for (const injected of [
        `X-Pengaduan-Sebagai: ${KEPALA}\nX-Pengaduan-Sebagai: ${ADMIN}\r\n`,
        `X-Pengaduan-Sebagai: ${KEPALA}\r\n ${ADMIN}\r\n`,
        `X-Pengaduan-Sebagai: ${ADMIN}\u0000\r\n`,
      ]) {
        const answer = await sendRaw(base, `${head}${injected}\r\n`);
        expect(answer.split('\r\n')[0], JSON.stringify(injected)).toBe('HTTP/1.1 400 Bad Request');
        expect(answer).not.toMatch(/<html|\n\s+at |"ok":true/i);
        expect(answer).toContain('"kode":"MASUKAN_TIDAK_VALID"');
      }
      await expectUnchanged(before);
    });

    it('GET / lists the three functions (the address a user opens first)', async () => {
      const r = await send(base, { method: 'GET', path: '/' });
      expect(r.status).toBe(200);
      expect(answerOf(r)).toMatchObject({ ok: true, fungsi: ['/dokumen', '/sla', '/status'] });
    });
  });

  describe('status (public)', () => {
    const kodeOf = async (nomor: string): Promise<string> => cellText(rowOf(await pengaduanRows(), nomor)?.[header('kode_akses')]);
    const status = (query: string, headers: http.OutgoingHttpHeaders = {}, at = base): Promise<Reply> => send(at, { method: 'GET', path: `/status?${query}`, headers });
    const q = (nomor: string, kode: string): string => new URLSearchParams({ nomor, kode }).toString();

    it('answers the right number and code with the stage, nothing personal, and CORS headers; also in lower case and by POST', async () => {
      const nomor = numbers[1] ?? '';
      const kode = await kodeOf(nomor);
      const r = await status(q(nomor, kode));
      expect(r.status, r.text).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe('*');
      expect(r.headers['cache-control']).toBe('no-store');
      const body = answerOf(r);
      expect(body).toMatchObject({ ok: true, nomor });
      expect(body.tahap).toMatch(/\S/);
      const row = rowOf(await pengaduanRows(), nomor) ?? {};
      for (const key of ['nama_pelapor', 'telepon_pelapor', 'alamat_pelapor', 'isi_pengaduan', 'kode_akses']) {
        const value = cellText(row[header(key)]);
        if (value !== '') expect(r.text, key).not.toContain(value);
      }
      const lower = await status(q(nomor.toLowerCase(), kode.toLowerCase()));
      expect(lower.status).toBe(200);
      expect(answerOf(lower).tahap).toBe(body.tahap);
      const posted = await send(base, { path: '/status', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nomor, kode }) });
      expect(posted.status).toBe(200);
      expect(answerOf(posted).tahap).toBe(body.tahap);
    });

    it('answers a wrong code and an unknown number identically', async () => {
      const wrong = await status(q(numbers[4] ?? '', 'SALAH1'));
      const unknown = await status(q('PGD-2026-9999', 'SALAH1'));
      expectRefusal(wrong, 404, 'TIDAK_COCOK');
      expect({ status: unknown.status, type: unknown.type, text: unknown.text }).toEqual({ status: wrong.status, type: wrong.type, text: wrong.text });
    });

    it('after 5 wrong codes for a number answers 429 for it, even with the right code, the same for an unknown number; other numbers still answer', async () => {
      const nomor = numbers[5] ?? '';
      const kode = await kodeOf(nomor);
      for (let i = 0; i < 5; i++) {
        expect((await status(q(nomor, `SALAH${i}`))).status).toBe(404);
        expect((await status(q('PGD-2026-8888', `SALAH${i}`))).status).toBe(404);
      }
      const paused = await status(q(nomor, kode));
      expectRefusal(paused, 429, 'TERLALU_BANYAK_PERMINTAAN');
      expect(paused.headers['access-control-allow-origin']).toBe('*');
      const pausedUnknown = await status(q('PGD-2026-8888', 'SALAH9'));
      expect(pausedUnknown.text).toBe(paused.text);
      // Counted by number, however it is typed.
      expect((await status(q(nomor.toLowerCase(), kode))).status).toBe(429);
      const other = numbers[6] ?? '';
      expect((await status(q(other, await kodeOf(other)))).status).toBe(200);
    });

    it('answers a CORS preflight with 204 and the allowed methods and header', async () => {
      const r = await send(base, { method: 'OPTIONS', path: '/status', headers: { origin: 'https://dpmptsp.payakumbuhkota.go.id', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(r.status).toBe(204);
      expect(r.text).toBe('');
      expect(r.headers['access-control-allow-origin']).toBe('*');
      expect(r.headers['access-control-allow-methods']).toBe('GET, POST');
      expect(r.headers['access-control-allow-headers']).toBe('Content-Type');
    });

    it('limits look-ups per client; X-Forwarded-For does not make a new client on the local server', async () => {
      const config = parseConfig({ PENGADUAN_REGISTER: register, PORT: '0', PENGADUAN_WAKTU: NOW_ISO, PENGADUAN_STATUS_PER_MENIT: '3' }, dir);
      const small = await serve(config, await depsFromConfig(config));
      try {
        const nomor = numbers[0] ?? '';
        const kode = await kodeOf(nomor);
        for (let i = 0; i < 3; i++) expect((await status(q(nomor, kode), { 'x-forwarded-for': `10.0.0.${i}` }, small.url)).status).toBe(200);
        const r = await status(q(nomor, kode), { 'x-forwarded-for': '10.9.9.9' }, small.url);
        expectRefusal(r, 429, 'TERLALU_BANYAK_PERMINTAAN');
      } finally {
        await small.close();
      }
    });
  });

  describe('logging', () => {
    it('never logs request bodies: no complainant name appears in the server log, though requests carried them', async () => {
      const rows = await pengaduanRows();
      const names = rows.map((r) => cellText(r[header('nama_pelapor')])).filter((n) => n !== '');
      expect(names.length).toBe(11);
      const [first = '', second = ''] = names;
      // Names where a careless or hostile client puts them: as the number, in broken JSON, as a document kind, in a status look-up.
      expect((await post('dokumen', { nomor: first, jenis: 'tanda_terima', nama_pelapor: second })).status).toBe(404);
      expect((await send(base, { path: '/dokumen', headers: { 'content-type': 'application/json', 'x-pengaduan-sebagai': PETUGAS }, body: `{"nama_pelapor": "${first}", ` })).status).toBe(400);
      expect((await post('dokumen', { nomor: numbers[0], jenis: first })).status).toBe(400);
      expect((await post('dokumen', { nomor: numbers[0], jenis: 'tanda_terima', catatan: second })).status).toBe(200);
      expect((await post('sla', { pelapor: first }, ADMIN)).status).toBe(200);
      expect((await send(base, { path: '/status', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nomor: first, kode: second }) })).status).toBe(404);

      const all = logs.join('\n');
      // The capture works: the successful requests were logged.
      expect(all).toContain(`dokumen ${numbers[0] ?? '?'} tanda_terima oleh ${PETUGAS}`);
      expect(all).toContain(`oleh ${ADMIN}`);
      for (const name of [...names, HOSTILE.isi_pengaduan.slice(0, 20)]) expect(all, name).not.toContain(name);
    });
  });
});
