/**
 * The three Cloud Functions as HTTP handlers, on any register (Google Sheets or the local
 * workbook) and any document store (Drive or a local folder):
 * - `dokumen` (staff): renders a complaint's document, stores it, writes its link into the register;
 * - `sla` (Cloud Scheduler or an admin): the daily sweep of the SLA columns and the dashboard tab;
 * - `status` (public): a citizen's look-up by registration number and access code.
 * Answers are JSON. Errors carry a stable `kode` and an Indonesian `pesan`, with the HTTP status
 * that fits; nothing is changed by a refused request.
 */
import type { Request, Response } from '@google-cloud/functions-framework';
import { isJenisDokumen, JENIS_DOKUMEN, type JenisDokumen, type TabKey } from '../../sheets-schema/index.js';
import { ADMIN_ERROR_CODES, isPengaduanError, PengaduanError, type ErrorCode } from '../../core/errors.js';
import { documentProblem } from '../../core/dokumen/view.js';
import { documentFileName, DOCX_MIME } from '../../core/dokumen/berkas.js';
import { CITIZEN_STATUS_COLUMNS, citizenIndex, citizenStatus, lookupKey, STATUS_TIDAK_COCOK, STATUS_TIDAK_TERSEDIA, type CitizenStatus } from '../../core/status-warga.js';
import type { RegisterRecord } from '../../core/record.js';
import { adminEmails, requireAccess, requireSweepAccess } from '../../core/akses.js';
import { loadContext, sweepSla, type RegisterTables, type SweepSummary } from '../../core/register.js';
import { formatSweep } from '../cli/format.js';
import { complaintRow, DocumentSession, type DocumentSink, type ProduceDeps, type Produced, type ProducedFile } from '../dokumen/produce.js';
import type { Config } from '../config.js';
import type { HeaderOf, IdentityVerifier } from './auth.js';
import { FixedWindowLimiter } from './limiter.js';
import { log } from './log.js';
import { deployedCekPage } from './pages/index.js';
import { pageHeaders } from './pages/html.js';

/** Staged files: put in place after the register is written, or thrown away. */
export interface Staged {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface LostRow {
  readonly tab: string;
  readonly key: string;
  readonly reason: string;
}

/** A register in either form: one transaction = a fresh read, the work, one write. */
export interface RegisterPort {
  transaction<T>(
    fn: (book: RegisterTables) => T | Promise<T>,
    options?: {
      write?: boolean;
      tabs?: readonly TabKey[];
      columns?: Partial<Record<TabKey, readonly string[]>>;
      staged?: Staged;
      /** Google Sheets: rows whose number vanished or doubled before the write were left alone. */
      onWrite?: (report: { lost: readonly LostRow[] }) => void;
    },
  ): Promise<T>;
}

/** What one `dokumen` request stores its files with. */
export interface DocumentBackend {
  readonly sink: DocumentSink;
  readonly staged?: Staged & { readonly problem?: string | undefined };
  readonly deps: Omit<ProduceDeps, 'sink' | 'now'>;
  /** Extra links of a saved document (the PDF), after the register was written. */
  readonly extras?: (nomor: string, produced: readonly Produced[], pdf: boolean) => Promise<{ pdf: Record<string, string>; warnings: string[] }>;
}

export interface AppDeps {
  readonly config: Config;
  readonly register: RegisterPort;
  /** The document store of one request; `pdf`: also make a PDF of each document. */
  readonly documents: (pdf: boolean) => DocumentBackend;
  readonly verifier: IdentityVerifier;
  readonly now: () => number;
}

export type Handler = (req: Request, res: Response) => Promise<void>;

const DOKUMEN_TABS: readonly TabKey[] = ['pengaduan', 'riwayat', 'peran', 'pengaturan', 'libur'];
const SLA_TABS: readonly TabKey[] = ['pengaduan', 'peran', 'pengaturan', 'libur', 'dasbor'];
const MAX_NOMOR = 60;

function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'ARGUMEN_TIDAK_VALID':
    case 'MASUKAN_TIDAK_VALID':
    case 'JENIS_DOKUMEN_TIDAK_DIKENAL':
      return 400;
    case 'TIDAK_TERAUTENTIKASI':
      return 401;
    case 'PERAN_TIDAK_BERWENANG':
    case 'PENGGUNA_TIDAK_TERDAFTAR':
      return 403;
    case 'PENGADUAN_TIDAK_DITEMUKAN':
      return 404;
    case 'DOKUMEN_BELUM_TERSEDIA':
      return 409;
    case 'TERLALU_BANYAK_PERMINTAAN':
      return 429;
    case 'METODE_TIDAK_DIDUKUNG':
      return 405;
    case 'REGISTER_TERKUNCI':
    case 'LAYANAN_TIDAK_TERSEDIA':
      return 503;
    default:
      return (ADMIN_ERROR_CODES as readonly ErrorCode[]).includes(code) ? 500 : 422;
  }
}

function sendError(res: Response, e: unknown, fn: string, publicAnswer = false): void {
  if (isPengaduanError(e)) {
    const status = httpStatusOf(e.code);
    if (status >= 500) log('ERROR', `${fn}: ${e.message}`, { kode: e.code });
    if (publicAnswer && status >= 500) {
      res.status(503).json({ ok: false, kode: 'LAYANAN_TIDAK_TERSEDIA', pesan: STATUS_TIDAK_TERSEDIA });
      return;
    }
    res.status(status).json({ ok: false, kode: e.code, pesan: e.message, ...(e.problems.length > 0 ? { masalah: e.problems } : {}) });
    return;
  }
  if (publicAnswer) {
    log('ERROR', `${fn}: kesalahan tak terduga`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    res.status(503).json({ ok: false, kode: 'LAYANAN_TIDAK_TERSEDIA', pesan: STATUS_TIDAK_TERSEDIA });
    return;
  }
  log('ERROR', `${fn}: kesalahan tak terduga`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  res.status(500).json({ ok: false, kode: 'KESALAHAN_INTERNAL', pesan: 'Terjadi kesalahan tak terduga di server. Tidak ada yang berubah; laporkan kepada admin bila berulang.' });
}

const headerOf =
  (req: Request): HeaderOf =>
  (name) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };

/** The JSON object of a request body (an empty object for none); anything else is refused. */
function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0)) return {};
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Isi permintaan harus objek JSON dengan header Content-Type: application/json.');
  }
  return body as Record<string, unknown>;
}

function only(req: Request, res: Response, methods: readonly string[]): void {
  if (!methods.includes(req.method)) {
    res.set('Allow', methods.join(', '));
    throw new PengaduanError('METODE_TIDAK_DIDUKUNG', `Metode ${req.method.slice(0, 10)} tidak didukung; gunakan ${methods.join(' atau ')}.`);
  }
}

function jenisListOf(value: unknown): JenisDokumen[] {
  if (value === undefined || value === null || value === '') throw new PengaduanError('MASUKAN_TIDAK_VALID', `"jenis" wajib diisi: ${JENIS_DOKUMEN.join(', ')} (atau daftar darinya).`);
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0 || items.length > JENIS_DOKUMEN.length) throw new PengaduanError('MASUKAN_TIDAK_VALID', `"jenis" harus salah satu dari: ${JENIS_DOKUMEN.join(', ')} (atau daftar darinya).`);
  const out: JenisDokumen[] = [];
  for (const item of items) {
    const j = typeof item === 'string' ? item.trim().replace(/-/g, '_') : '';
    if (!isJenisDokumen(j)) {
      throw new PengaduanError('JENIS_DOKUMEN_TIDAK_DIKENAL', `Jenis dokumen "${String(item).slice(0, 40)}" tidak dikenal. Pilihan: ${JENIS_DOKUMEN.join(', ')}.`);
    }
    if (!out.includes(j)) out.push(j);
  }
  return out;
}

function attachmentOf(nomor: string, jenis: JenisDokumen, bytes: Uint8Array): { jenis: JenisDokumen; nama: string; mimeType: string; base64: string } {
  return { jenis, nama: documentFileName(nomor, jenis), mimeType: DOCX_MIME, base64: Buffer.from(bytes).toString('base64') };
}

/** A yes/no field of the body: `true`, `false`, or absent (`fallback`); anything else is refused, never guessed. */
function flagOf(body: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new PengaduanError('MASUKAN_TIDAK_VALID', `"${name}" harus true atau false (tanpa tanda kutip).`);
  return value;
}

function nomorOf(value: unknown): string {
  const nomor = typeof value === 'string' ? value.trim() : '';
  if (nomor === '' || nomor.length > MAX_NOMOR || [...nomor].some((ch) => ch.charCodeAt(0) < 32)) {
    throw new PengaduanError('MASUKAN_TIDAK_VALID', '"nomor" wajib diisi dengan nomor registrasi pengaduan (paling banyak 60 karakter).');
  }
  return nomor;
}

export function createApp(deps: AppDeps): { dokumen: Handler; sla: Handler; status: Handler } {
  const perClient = new FixedWindowLimiter(deps.config.statusPerMinute, 60_000);
  const wrongPerNomor = new FixedWindowLimiter(deps.config.statusWrongPerHour, 3_600_000);
  let snapshot: { at: number; records: Promise<Map<string, RegisterRecord | null>> } | undefined;

  const dokumen: Handler = async (req, res) => {
    try {
      only(req, res, ['POST']);
      const { email } = await deps.verifier.verify(headerOf(req));
      const body = bodyOf(req);
      const nomor = nomorOf(body.nomor);
      const jenisList = jenisListOf(body.jenis);
      const pdf = flagOf(body, 'pdf', deps.config.pdf);
      const lampiran = flagOf(body, 'lampiran', false);
      const store = deps.documents(pdf);
      const now = deps.now();
      const sourceWarnings: string[] = [];
      let lost: readonly LostRow[] = [];
      const produced = await deps.register.transaction(
        async (book) => {
          sourceWarnings.length = 0; // the transaction may run again on a fresh read
          const { staff } = loadContext(book);
          requireAccess(staff, email, 'dokumen');
          const sourceProblem = await store.deps.templates.prepare?.(adminEmails(staff));
          if (sourceProblem) {
            log('WARNING', sourceProblem);
            sourceWarnings.push(sourceProblem);
          }
          const { record } = complaintRow(book, nomor);
          for (const jenis of jenisList) {
            const problem = documentProblem(jenis, record);
            if (problem) throw new PengaduanError('DOKUMEN_BELUM_TERSEDIA', problem);
          }
          const session = new DocumentSession(book, { ...store.deps, sink: store.sink, now });
          const out: ProducedFile[] = [];
          // Each requested document must be made; the first that cannot is the request's error.
          for (const jenis of jenisList) out.push(await session.produce(nomor, jenis));
          return out;
        },
        { tabs: DOKUMEN_TABS, ...(store.staged ? { staged: store.staged } : {}), onWrite: (r) => (lost = r.lost) },
      );
      const warnings = [...sourceWarnings, ...produced.flatMap((p) => p.warnings)];
      if (lost.length > 0) {
        warnings.push(`Dokumen sudah dibuat, tetapi tautannya tidak tertulis di register: baris pengaduan ${nomor} dihapus atau digandakan saat diproses. Periksa register, lalu minta dokumen ini lagi.`);
      }
      if (store.staged?.problem) warnings.push(store.staged.problem);
      const extras = store.extras ? await store.extras(nomor, produced, pdf) : { pdf: {}, warnings: [] };
      warnings.push(...extras.warnings);
      log('INFO', `dokumen ${nomor} ${jenisList.join(',')} oleh ${email}`);
      res.status(200).json({
        ok: true,
        nomor,
        dokumen: produced.map((p) => ({ jenis: p.jenis, tautan: p.link ?? '', ...(extras.pdf[p.jenis] ? { pdf: extras.pdf[p.jenis] } : {}) })),
        peringatan: warnings,
        // The files themselves, for a caller that e-mails them (Apps Script attaching the Tanda Terima).
        ...(lampiran ? { lampiran: produced.map((p) => attachmentOf(nomor, p.jenis, p.bytes)) } : {}),
      });
    } catch (e) {
      sendError(res, e, 'dokumen');
    }
  };

  const sla: Handler = async (req, res) => {
    try {
      only(req, res, ['POST']);
      const { email } = await deps.verifier.verify(headerOf(req));
      const now = deps.now();
      let lost: readonly LostRow[] = [];
      const summary: SweepSummary = await deps.register.transaction(
        (book) => {
          requireSweepAccess(loadContext(book).staff, email, deps.config.schedulers);
          return sweepSla(book, { now });
        },
        { tabs: SLA_TABS, onWrite: (r) => (lost = r.lost) },
      );
      log(lost.length > 0 || summary.skipped.length > 0 ? 'WARNING' : 'INFO', `sla: ${summary.total} pengaduan dihitung oleh ${email}`, {
        counts: summary.counts,
        dilewati: summary.skipped.map((x) => `${x.nomor}: ${x.reason}`).slice(0, 20),
        tidakTertulis: lost.map((x) => `${x.key}: ${x.reason}`).slice(0, 20),
      });
      res.status(200).json({ ok: true, ...summary, tidakTertulis: lost, pengingat: formatSweep(summary) });
    } catch (e) {
      sendError(res, e, 'sla');
    }
  };

  /** The fields a look-up needs, by number, read at most once per `statusCacheSeconds`. */
  const lookupTable = (): Promise<Map<string, RegisterRecord | null>> => {
    const now = Date.now();
    if (!snapshot || now - snapshot.at >= deps.config.statusCacheSeconds * 1000) {
      const records = deps.register.transaction(
        (book) => citizenIndex(book.table('pengaduan').rows().map((r) => r.values as RegisterRecord)),
        // Only the look-up's own columns are read: never the personal data.
        { write: false, tabs: ['pengaduan'], columns: { pengaduan: CITIZEN_STATUS_COLUMNS } },
      );
      snapshot = { at: now, records };
      records.catch(() => (snapshot = undefined));
    }
    return snapshot.records;
  };

  const status: Handler = async (req, res) => {
    res.set('Access-Control-Allow-Origin', deps.config.corsOrigin);
    res.set('Cache-Control', 'no-store');
    res.set('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'GET, POST');
      res.set('Access-Control-Allow-Headers', 'Content-Type');
      res.set('Access-Control-Max-Age', '3600');
      res.status(204).send('');
      return;
    }
    try {
      only(req, res, ['GET', 'POST']);
      // A browser opening the function's address gets the status page, which POSTs back here.
      if (req.method === 'GET' && /\btext\/html\b/.test(String(req.headers.accept ?? ''))) {
        const page = deployedCekPage();
        res.status(200).set(pageHeaders(page)).send(page.html);
        return;
      }
      const source: Record<string, unknown> = req.method === 'GET' ? (req.query) : bodyOf(req);
      const nomorText = typeof source.nomor === 'string' ? source.nomor.trim() : '';
      const kode = typeof source.kode === 'string' ? source.kode.trim() : '';
      if (nomorText === '' || kode === '' || nomorText.length > MAX_NOMOR || kode.length > 40) {
        throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Isi nomor registrasi dan kode akses seperti tertulis pada Tanda Terima Anda.');
      }
      const client = clientOf(req, deps.config.auth === 'google');
      const nomorKey = lookupKey(nomorText);
      if (!perClient.take(client)) {
        throw new PengaduanError('TERLALU_BANYAK_PERMINTAAN', 'Terlalu banyak permintaan dari perangkat Anda. Tunggu satu menit, lalu coba lagi.');
      }
      // Counted per number whether or not it exists, so a pause never tells that a number is real.
      if (wrongPerNomor.exhausted(nomorKey)) {
        throw new PengaduanError('TERLALU_BANYAK_PERMINTAAN', 'Terlalu banyak percobaan kode akses yang salah untuk nomor ini. Coba lagi satu jam lagi, atau hubungi petugas layanan pengaduan.');
      }
      const records = await lookupTable();
      const found: CitizenStatus | undefined = citizenStatus(records.get(nomorKey) ?? undefined, kode);
      if (!found) {
        wrongPerNomor.take(nomorKey);
        res.status(404).json({ ok: false, kode: 'TIDAK_COCOK', pesan: STATUS_TIDAK_COCOK });
        return;
      }
      res.status(200).json({ ok: true, ...found });
    } catch (e) {
      sendError(res, e, 'status', true);
    }
  };

  return { dokumen, sla, status };
}

/**
 * The client's address for rate limiting. Behind Google's front end the address it saw is the
 * last entry of X-Forwarded-For (entries before it are whatever the client sent); locally the
 * header is the client's own word, so the socket's address counts.
 */
function clientOf(req: Request, behindGoogle: boolean): string {
  if (!behindGoogle) return req.socket.remoteAddress ?? 'tidak-diketahui';
  const forwarded = req.headers['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((s) => s.trim()).filter((s) => s !== '');
  return list.at(-1) ?? req.socket.remoteAddress ?? 'tidak-diketahui';
}
