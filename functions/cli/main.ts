/**
 * The `pengaduan` command line: the embedded default's front end. Parses arguments, opens the
 * local register in one transaction per command, calls the service, prints Indonesian output
 * (or JSON with --json). Errors become messages and exit codes here, and only here:
 * 0 done, 1 refused (the procedure or the data said no; nothing changed), 2 wrong usage,
 * 3 the register or its settings need an administrator.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { schemaJson, STATUS, isFinalStatus, isStatus, isJenisDokumen, JENIS_DOKUMEN, type JenisDokumen } from '../../sheets-schema/index.js';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER } from '../../sheets-schema/index.js';
import { WorkCalendar } from '../../core/calendar.js';
import { ADMIN_ERROR_CODES, PengaduanError, isPengaduanError, type ErrorCode } from '../../core/errors.js';
import { dueDay } from '../../core/sla.js';
import { parseSettings } from '../../core/settings.js';
import { dayFromIso, isoFromDay, tryParseInstant, wibDay, wibInstant } from '../../core/time.js';
import type { RegisterRecord } from '../../core/record.js';
import { WorkbookRegister } from '../register/workbook.js';
import { complaintOf, loadContext, performAction, registerComplaints, seedDefaults, sweepSla, type Clock, type Notification, type SweepSummary } from '../../core/register.js';
import { serveCommand } from './serve.js';
import { cekPageCommand, dasborUrlCommand } from './dasbor.js';
import { saveToOutbox } from '../local/outbox.js';
import { seedSamples, type ProduceHook } from '../local/sample.js';
import { documentProblem } from '../../core/dokumen/view.js';
import { closeBidi } from '../../core/dokumen/aman.js';
import { convertToPdf, sofficeCommand } from '../dokumen/pdf.js';
import { documentFileName } from '../../core/dokumen/berkas.js';
import { documentsFolder, loadLogo, LocalDocumentStore, writeFileAtomic } from '../dokumen/local.js';
import { fsReason } from '../files.js';
import { DEFAULT_REGISTER, shown } from '../config.js';
import { complaintRow, DocumentSession, produceDocuments, type DocumentSink, type ProduceDeps, type Produced } from '../dokumen/produce.js';
import { TEMPLATE_DIR, TemplateSource } from '../dokumen/render.js';
import { alurJson, formatAction, formatAlur, formatComplaint, formatDocuments, formatIntake, formatList, formatSkema, formatSweep } from './format.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdin?: () => Promise<string>;
}

/** The service time of the settings' defaults (7 working days), for jatuh-tempo without a register. */
const DEFAULT_HARI_SLA = parseSettings([]).sla.days;
const LOCAL_SENDER = 'Layanan Pengaduan DPMPTSP Kota Payakumbuh <pengaduan@localhost>';

const HELP = `Layanan Pengaduan Masyarakat DPMPTSP Kota Payakumbuh

Pemakaian: pengaduan [--register BERKAS.xlsx] PERINTAH [argumen] [--json]

Perintah:
  mulai                          buka (atau buat, dengan contoh data) register lokal, hitung SLA, tampilkan ringkasan
  layani [--port 8080]           jalankan fungsi dokumen, sla, dan status serta halaman /dasbor (pimpinan) dan /cek
                                 (pelapor) di http://127.0.0.1:8080 pada register lokal (dibuat dengan contoh data
                                 bila belum ada); yang dijalankan npm start
  catat --data BERKAS.json       catat pengaduan dari kanal mana pun (objek atau daftar objek JSON); cetak nomornya
        [--sebagai EMAIL]        petugas yang mencatat
  proses NOMOR AKSI --sebagai EMAIL [--data BERKAS.json|'{"kunci":"nilai"}']
                                 lakukan satu aksi SOP sebagai pengguna itu (peran dari tab Peran)
  sla [--pada TTTT-BB-HH]        hitung ulang kolom SLA semua pengaduan dan tab Dasbor
                                 (--pada: pratinjau per tanggal itu, tanpa menyimpan)
  status NOMOR                   tampilkan satu pengaduan dan riwayatnya
  daftar [--status STATUS] [--terbuka]
                                 daftar pengaduan
  alur                           tampilkan prosedur (status, aksi, peran, isian)
  skema                          tampilkan skema register
  jatuh-tempo TANGGAL... [--hari N]
                                 jatuh tempo (N hari kerja; bawaan: "hari_sla" register, atau 7) per tanggal
  dokumen NOMOR JENIS [--keluar BERKAS.docx] [--pdf]
                                 buat (ulang) satu dokumen dari isi register: ${JENIS_DOKUMEN.join(', ')},
                                 atau "semua" yang sudah tersedia; tanpa --keluar disimpan di folder dokumen register
                                 (--keluar FOLDER untuk "semua")
  demo --keluar FOLDER [--pdf]   jalankan contoh pengaduan melalui seluruh SOP (jalur ringan dan berat) pada
                                 register sementara dan simpan setiap dokumennya di FOLDER
  dasbor-url --sheet ID_SPREADSHEET [--gid N] [--template ID_LAPORAN]
                                 tautan Looker Studio yang membuat laporan pimpinan dari tab Dasbor saja
                                 (--gid: ID tab Dasbor, angka setelah #gid=; atau tempel alamat lengkap tab itu)
  halaman-cek --status-url URL [--keluar cek.html]
                                 halaman cek status untuk situs kantor, memanggil fungsi status di URL

catat dan proses membuat dokumen tahapnya (Tanda Terima, Lembar Disposisi, Undangan, Berita Acara) di folder
<register>-dokumen; --tanpa-dokumen melewatinya. PDF memerlukan LibreOffice (soffice).

Register bawaan: ${DEFAULT_REGISTER} (atau variabel PENGADUAN_REGISTER). Template: templates/ (atau PENGADUAN_TEMPLATE_DIR). "-" sebagai BERKAS.json berarti stdin.
Keluar: 0 selesai, 1 ditolak (tidak ada yang berubah), 2 pemakaian salah, 3 register/pengaturan perlu diperbaiki admin.`;


/** node:util parseArgs speaks English; staff read Indonesian. */
function argumentProblem(e: unknown): string {
  const message = (e as Error).message;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Opsi "${option}" tidak dikenal.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Opsi "${option}" memerlukan nilai (misalnya ${option} NILAI), atau tidak menerima nilai.`;
    default:
      return 'Argumen tidak dapat dibaca.';
  }
}

function usage(message: string): PengaduanError {
  return new PengaduanError('ARGUMEN_TIDAK_VALID', `${message}\nLihat: pengaduan --help`);
}

function exitCodeOf(code: ErrorCode): number {
  if (code === 'ARGUMEN_TIDAK_VALID' || code === 'JENIS_DOKUMEN_TIDAK_DIKENAL') return 2;
  return (ADMIN_ERROR_CODES as readonly ErrorCode[]).includes(code) ? 3 : 1;
}

/** "now": the real clock, or PENGADUAN_WAKTU (ISO) for reproducible tests and demonstrations. */
function clockOf(io: Io): Clock {
  const fixed = io.env.PENGADUAN_WAKTU;
  let now = Date.now();
  if (fixed) {
    const t = tryParseInstant(fixed);
    if (t === undefined) throw usage(`PENGADUAN_WAKTU "${shown(fixed, 40)}" bukan waktu ISO 8601 yang valid.`);
    now = t;
  }
  return { now, randomBytes: (n) => new Uint8Array(randomBytes(n)) };
}

const MAX_JSON_BYTES = 10 * 1024 * 1024;

async function readJson(io: Io, source: string | undefined): Promise<unknown> {
  if (source === undefined) return undefined;
  let text: string;
  if (source.trim().startsWith('{') || source.trim().startsWith('[')) text = source;
  else if (source === '-') {
    if (!io.stdin) throw usage('Tidak ada stdin untuk --data -.');
    text = await io.stdin();
  } else {
    const file = path.resolve(io.cwd, source);
    const size = await stat(file).then((st) => (st.isFile() ? st.size : -1), () => -1);
    // A mistyped file name is the user's to fix (exit 2), not the administrator's.
    if (size < 0) throw usage(`Berkas data "${source}" tidak ditemukan atau bukan berkas. Data langsung ditulis sebagai objek {…} atau daftar […] JSON.`);
    // Checked before reading, so a huge file is refused without filling the memory.
    if (size > MAX_JSON_BYTES) throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Data JSON lebih dari 10 MB; pecah menjadi beberapa kiriman.');
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new PengaduanError('BERKAS_TIDAK_DITEMUKAN', `Berkas data "${source}" tidak dapat dibaca.`);
    }
  }
  if (text.length > MAX_JSON_BYTES) throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Data JSON lebih dari 10 MB; pecah menjadi beberapa kiriman.');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new PengaduanError(
      'MASUKAN_TIDAK_VALID',
      `Data "${source.length > 60 ? `${source.slice(0, 60)}…` : source}" bukan JSON yang valid${at ? ` (kesalahan di karakter ke-${Number(at) + 1})` : ''}. ` +
        'Periksa tanda kutip ganda, koma, dan kurung kurawal.',
    );
  }
}

function openRegister(io: Io, given: string | undefined): WorkbookRegister {
  const file = given ?? io.env.PENGADUAN_REGISTER ?? DEFAULT_REGISTER;
  if (!/\.xlsx$/i.test(file)) throw usage(`Register harus berkas .xlsx, bukan "${file}".`);
  return new WorkbookRegister(path.resolve(io.cwd, file), { onWait: () => io.err('Menunggu register dilepas oleh proses lain…') });
}

function outboxDir(reg: WorkbookRegister): string {
  return path.join(path.dirname(reg.file), `${path.basename(reg.file, path.extname(reg.file))}-kotak-keluar`);
}

/**
 * Saves the notifications after the register was saved. The register is the record: when the
 * outbox cannot be written, the command still succeeds and tells staff what to send by hand.
 */
async function deliver(io: Io, reg: WorkbookRegister, nomor: string, ns: readonly Notification[], now: number): Promise<string[]> {
  try {
    return await saveToOutbox(outboxDir(reg), nomor, ns, LOCAL_SENDER, now);
  } catch (e) {
    io.err(`Peringatan: perubahan sudah tersimpan di register, tetapi pemberitahuan tidak dapat disimpan di ${outboxDir(reg)} (${fsReason(e)}). Sampaikan secara manual:`);
    for (const n of ns) if (n.to.length > 0) io.err(`  - kepada ${n.to.join(', ')}: ${n.subject}`);
    return [];
  }
}

/** Templates are checked once per content and process. */
const templateSources = new Map<string, TemplateSource>();
function templatesOf(io: Io): TemplateSource {
  const dir = io.env.PENGADUAN_TEMPLATE_DIR ? path.resolve(io.cwd, io.env.PENGADUAN_TEMPLATE_DIR) : TEMPLATE_DIR;
  let source = templateSources.get(dir);
  if (!source) templateSources.set(dir, (source = new TemplateSource(dir)));
  return source;
}

function documentDeps(io: Io, reg: WorkbookRegister, now: number, sink: DocumentSink): ProduceDeps {
  return { templates: templatesOf(io), sink, now, logo: (setting) => loadLogo(reg.file, setting) };
}

/** Paths as the user can open them: relative to the current folder. */
function shownPaths(io: Io, reg: WorkbookRegister, produced: readonly Produced[]): Produced[] {
  const store = new LocalDocumentStore(reg.file);
  return produced.map((p) => (p.link ? { ...p, link: path.relative(io.cwd, store.absolute(p.link)) || p.link } : p));
}

const OPTIONS = {
  register: { type: 'string' },
  keluar: { type: 'string' },
  pdf: { type: 'boolean' },
  'tanpa-dokumen': { type: 'boolean' },
  data: { type: 'string' },
  sebagai: { type: 'string' },
  pada: { type: 'string' },
  port: { type: 'string' },
  hari: { type: 'string' },
  status: { type: 'string' },
  terbuka: { type: 'boolean' },
  sheet: { type: 'string' },
  gid: { type: 'string' },
  template: { type: 'string' },
  'status-url': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const opened: WorkbookRegister[] = [];
  const registerOf = (given: string | undefined): WorkbookRegister => {
    const reg = openRegister(io, given);
    opened.push(reg);
    return reg;
  };
  const existingRegister = async (given: string | undefined): Promise<WorkbookRegister> => {
    const reg = registerOf(given);
    if (!(await reg.exists())) {
      throw new PengaduanError('BERKAS_TIDAK_DITEMUKAN', `Register "${reg.file}" belum ada. Jalankan "pengaduan mulai" atau "pengaduan catat" untuk membuatnya.`);
    }
    return reg;
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw usage(argumentProblem(e));
    }
    const { values: opt, positionals } = parsed;
    const [command, ...args] = positionals;
    if (opt.help || command === undefined || command === 'bantuan') {
      io.out(HELP);
      return command === undefined && !opt.help ? 2 : 0;
    }
    // A right-to-left override typed by a citizen ends with its line on the terminal too.
    const print = (text: string, json: unknown): void => io.out(opt.json ? JSON.stringify(json, null, 2) : text.split('\n').map(closeBidi).join('\n'));

    switch (command) {
      case 'skema':
        print(formatSkema(), schemaJson());
        return 0;
      case 'alur':
        print(formatAlur(), alurJson());
        return 0;
      case 'jatuh-tempo':
        return await dueDates(io, args, opt, existingRegister);
      case 'mulai':
        return await start(io, opt, registerOf);
      case 'layani': {
        if (args.length > 0) throw usage(`layani tidak menerima argumen "${args[0]?.slice(0, 40) ?? ''}"; pakai: pengaduan layani [--port N].`);
        return await serveCommand(io, { ...(opt.port !== undefined ? { port: opt.port } : {}), register: opt.register }, (file) => {
          const reg = registerOf(file);
          return openOrCreate(io, reg, Boolean(opt.register ?? io.env.PENGADUAN_REGISTER));
        });
      }
      case 'dasbor-url':
        if (args.length > 0) throw usage(`dasbor-url tidak menerima argumen "${args[0]?.slice(0, 40) ?? ''}"; pakai: pengaduan dasbor-url --sheet ID_SPREADSHEET [--gid N].`);
        return dasborUrlCommand(io, opt);
      case 'halaman-cek':
        if (args.length > 0) throw usage(`halaman-cek tidak menerima argumen "${args[0]?.slice(0, 40) ?? ''}"; pakai: pengaduan halaman-cek --status-url URL [--keluar cek.html].`);
        return await cekPageCommand(io, opt);
      case 'catat': {
        const data = await readJson(io, opt.data);
        if (data === undefined) throw usage('catat memerlukan --data BERKAS.json.');
        const items = Array.isArray(data) ? (data as unknown[]) : [data];
        if (items.length === 0) throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Daftar pengaduan kosong.');
        const reg = registerOf(opt.register);
        const clock = clockOf(io);
        if (items.length > 100 && !opt['tanpa-dokumen']) {
          io.err(`Catatan: ${items.length} pengaduan berarti ${items.length * 2} dokumen (sekitar ${Math.ceil(items.length / 10)} detik, register terkunci selama itu). Untuk impor besar gunakan --tanpa-dokumen lalu "pengaduan dokumen NOMOR semua" bila perlu.`);
        }
        const store = new LocalDocumentStore(reg.file);
        const results = await reg.transaction(
          async (book) => {
            if (opt.sebagai && !loadContext(book).staff.has(opt.sebagai.trim().toLowerCase())) {
              throw new PengaduanError('PENGGUNA_TIDAK_TERDAFTAR', `${opt.sebagai} tidak terdaftar di tab Peran.`);
            }
            const registered = registerComplaints(book, items, opt.sebagai ?? 'cli@lokal', clock);
            const session = new DocumentSession(book, documentDeps(io, reg, clock.now, store));
            const withDocs = [];
            for (const r of registered) withDocs.push({ ...r, dokumen: opt['tanpa-dokumen'] ? [] : await session.produceAll(r.nomor, r.documents) });
            return withDocs;
          },
          { seed: seedDefaults, staged: store },
        );
        if (store.problem) io.err(`Peringatan: ${store.problem}`);
        const texts: string[] = [];
        for (const r of results) {
          texts.push(formatIntake({ ...r, dokumen: shownPaths(io, reg, r.dokumen) }, await deliver(io, reg, r.nomor, r.notifications, clock.now)));
        }
        print(texts.join('\n'), results.map((r) => ({ ...r, dokumen: shownPaths(io, reg, r.dokumen) })));
        return 0;
      }
      case 'proses': {
        const [nomor, aksi] = args;
        if (!nomor || !aksi || args.length > 2) throw usage('proses memerlukan NOMOR dan AKSI, misalnya: pengaduan proses PGD-2026-0001 periksa --sebagai petugas@contoh.go.id');
        if (!opt.sebagai) throw usage('proses memerlukan --sebagai EMAIL (peran diambil dari tab Peran).');
        const inputs = await readJson(io, opt.data);
        const reg = await existingRegister(opt.register);
        const clock = clockOf(io);
        const sebagai = opt.sebagai;
        const store = new LocalDocumentStore(reg.file);
        const result = await reg.transaction(
          async (book) => {
            const done = performAction(book, nomor, aksi, sebagai, inputs, clock);
            const dokumen = opt['tanpa-dokumen'] ? [] : await produceDocuments(book, done.decision.nomor, done.documents, documentDeps(io, reg, clock.now, store));
            return { ...done, dokumen: shownPaths(io, reg, dokumen) };
          },
          { staged: store },
        );
        if (store.problem) io.err(`Peringatan: ${store.problem}`);
        const saved = await deliver(io, reg, nomor, result.notifications, clock.now);
        print(formatAction(result, saved), result);
        return 0;
      }
      case 'sla': {
        const reg = await existingRegister(opt.register);
        let clock = clockOf(io);
        if (opt.pada) clock = { ...clock, now: wibInstant(dayFromIso(opt.pada), 12) };
        // --pada is a preview ("how would the register stand on that day?"): it saves nothing, so
        // the register never shows states of a day that is not today.
        const summary = await reg.transaction((book) => sweepSla(book, clock), { write: !opt.pada });
        print(formatSweep(summary), summary);
        return 0;
      }
      case 'status': {
        const [nomor] = args;
        if (!nomor || args.length > 1) throw usage('status memerlukan satu NOMOR.');
        const reg = await existingRegister(opt.register);
        const view = await reg.transaction((book) => complaintOf(book, nomor), { write: false });
        print(formatComplaint(view), view);
        return 0;
      }
      case 'daftar': {
        if (opt.status && !isStatus(opt.status)) throw usage(`Status "${opt.status}" tidak dikenal. Pilihan: ${STATUS.join(', ')}`);
        const reg = await existingRegister(opt.register);
        const records = await reg.transaction(
          (book) =>
            book
              .table('pengaduan')
              .rows()
              .map((r) => r.values as RegisterRecord)
              .filter((r) => (!opt.status || r.status === opt.status) && (!opt.terbuka || !(isStatus(r.status) && isFinalStatus(r.status)))),
          { write: false },
        );
        print(formatList(records), records);
        return 0;
      }
      case 'dokumen':
        return await documentCommand(io, args, opt, existingRegister);
      case 'demo':
        if (args.length > 0) throw usage(`demo tidak menerima argumen "${args[0]?.slice(0, 40) ?? ''}"; pakai: pengaduan demo --keluar FOLDER [--pdf].`);
        return await demo(io, opt);
      default:
        throw usage(`Perintah "${command.slice(0, 40)}" tidak dikenal.`);
    }
  } catch (e) {
    if (isPengaduanError(e)) {
      io.err(`Gagal: ${e.message}`);
      if (e.problems.length > 1) for (const p of e.problems) io.err(`  - ${p.field}: ${p.message}`);
      return exitCodeOf(e.code);
    }
    io.err(`Kesalahan tak terduga: ${(e as Error).stack ?? String(e)}`);
    return 70;
  } finally {
    for (const reg of opened) {
      if (reg.lastUpgrades.length > 0) io.err(`Catatan: register diperbarui mengikuti skema terbaru (${reg.lastUpgrades.join('; ')}).`);
    }
  }
}


async function dueDates(
  io: Io,
  args: readonly string[],
  opt: { hari?: string | undefined; register?: string | undefined; json?: boolean | undefined },
  existingRegister: (given: string | undefined) => Promise<WorkbookRegister>,
): Promise<number> {
  if (args.length === 0) throw usage('jatuh-tempo memerlukan setidaknya satu TANGGAL (TTTT-BB-HH atau ISO 8601).');
  let n = opt.hari === undefined ? DEFAULT_HARI_SLA : /^\d{1,4}$/.test(opt.hari) ? Number(opt.hari) : NaN;
  if (!Number.isInteger(n) || n > 3650) throw usage(`--hari harus bilangan bulat 0-3650, bukan "${opt.hari}".`);
  let cal: WorkCalendar;
  if (opt.register) {
    const reg = await existingRegister(opt.register);
    const ctx = await reg.transaction((book) => loadContext(book), { write: false });
    cal = ctx.calendar;
    // The register's own service time (Pengaturan "hari_sla") unless --hari says otherwise.
    if (opt.hari === undefined) n = ctx.settings.sla.days;
  } else {
    cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
  }
  const lines: string[] = [];
  for (const a of args) {
    const t = tryParseInstant(a);
    if (t === undefined) throw usage(`"${a.slice(0, 60)}" bukan tanggal TTTT-BB-HH atau waktu ISO 8601.`);
    const start = wibDay(t);
    const due = dueDay(cal, start, { days: n, atRisk: 0 });
    if (due === undefined) {
      if (lines.length > 0) io.out(lines.join('\n'));
      const missing = cal.coverageProblem(start) ?? cal.coverageProblem(cal.lastDay + 1);
      throw new PengaduanError('KALENDER_TIDAK_TERSEDIA', `Jatuh tempo untuk ${a} tidak dapat dihitung. ${missing ?? ''}`);
    }
    lines.push(isoFromDay(due));
  }
  io.out(opt.json ? JSON.stringify(lines) : lines.join('\n'));
  return 0;
}

/**
 * Opens the local register for `mulai` and `layani`, creating it with sample roles and complaints
 * (each walked through the real procedure, with its documents) when it does not exist yet; then
 * recomputes the SLA columns.
 */
async function openOrCreate(io: Io, reg: WorkbookRegister, named: boolean): Promise<{ created: boolean; summary: SweepSummary }> {
  // The default data/ folder is made on first use; a folder the user named must exist.
  try {
    await mkdir(path.dirname(reg.file), { recursive: !named });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Folder "${path.dirname(reg.file)}" untuk register tidak dapat dibuat (${fsReason(e)}).`, { cause: e });
    }
  }
  const clock = clockOf(io);
  let created = false;
  const store = new LocalDocumentStore(reg.file);
  const summary = await reg.transaction(
    (book) => {
      created = book.created;
      return sweepSla(book, clock);
    },
    {
      seed: async (book) => {
        seedDefaults(book);
        const deps = documentDeps(io, reg, clock.now, store);
        const failures: string[] = [];
        await seedSamples(book, clock, async (nomor, documents, now) => {
          for (const p of await produceDocuments(book, nomor, documents, { ...deps, now })) if (p.error) failures.push(p.error);
        });
        for (const f of failures.slice(0, 3)) io.err(`Peringatan: ${f}`);
      },
      staged: store,
    },
  );
  if (store.problem) io.err(`Peringatan: ${store.problem}`);
  return { created, summary };
}

async function start(
  io: Io,
  opt: { register?: string | undefined; json?: boolean | undefined },
  registerOf: (given: string | undefined) => WorkbookRegister,
): Promise<number> {
  const reg = registerOf(opt.register);
  const { created, summary } = await openOrCreate(io, reg, Boolean(opt.register ?? io.env.PENGADUAN_REGISTER));
  if (opt.json) {
    io.out(JSON.stringify({ register: reg.file, created, summary }, null, 2));
    return 0;
  }
  io.out(
    [
      created ? `Register baru dibuat dengan contoh data: ${reg.file}` : `Register: ${reg.file}`,
      ...(created ? [`Dokumen contoh pengaduan (Tanda Terima, Lembar Disposisi, Undangan, Berita Acara): ${path.relative(io.cwd, documentsFolder(reg.file))}`] : []),
      '',
      formatSweep(summary),
      '',
      'Langkah berikutnya:',
      `  npx pengaduan daftar --terbuka                     daftar pengaduan yang belum selesai`,
      `  npx pengaduan status NOMOR                         rincian dan riwayat satu pengaduan`,
      `  npx pengaduan catat --data pengaduan.json          catat pengaduan baru (contoh: docs/contoh-pengaduan.json)`,
      `  npx pengaduan proses NOMOR periksa --sebagai rina.petugas@contoh.go.id --data '{"persyaratan":["surat_ditandatangani"]}'`,
      `  npx pengaduan dokumen NOMOR semua --pdf            buat ulang dokumen satu pengaduan (Tanda Terima, Undangan, Berita Acara, ...)`,
      `  npx pengaduan alur                                 prosedur lengkap: status, aksi, peran, isian`,
      `Buka ${path.relative(io.cwd, reg.file) || reg.file} dengan LibreOffice Calc atau Excel untuk melihat register.`,
    ].join('\n'),
  );
  return 0;
}

type DocOptions = { keluar?: string | undefined; pdf?: boolean | undefined; register?: string | undefined; json?: boolean | undefined };

function jenisOf(arg: string): JenisDokumen[] {
  if (arg === 'semua') return [...JENIS_DOKUMEN];
  const j = arg.replace(/-/g, '_');
  if (!isJenisDokumen(j)) throw new PengaduanError('JENIS_DOKUMEN_TIDAK_DIKENAL', `Jenis dokumen "${arg.slice(0, 40)}" tidak dikenal. Pilihan: ${JENIS_DOKUMEN.join(', ')}, atau semua.`);
  return [j];
}

/** PDFs after the documents were saved; a missing LibreOffice is a warning, the .docx stand. */
async function pdfsOf(io: Io, files: readonly string[]): Promise<string[]> {
  try {
    return await convertToPdf(files, { soffice: sofficeCommand(io.env) });
  } catch (e) {
    if (isPengaduanError(e)) io.err(`Peringatan: ${e.message}`);
    else throw e;
    return [];
  }
}

/**
 * A folder the user named for documents: used as it is, or created when its parent exists
 * (never a whole missing path: a typo is reported). `empty`: it must hold nothing yet, so that
 * sample documents never overwrite real ones.
 */
async function outputFolder(dir: string, options: { empty?: boolean } = {}): Promise<void> {
  const st = await stat(dir).catch(() => undefined);
  // The user named it: mistakes here are wrong usage (exit 2); only a folder that cannot be made needs an administrator.
  if (st && !st.isDirectory()) throw usage(`--keluar "${dir}" adalah berkas, bukan folder.`);
  if (st && options.empty && (await readdir(dir)).length > 0) {
    throw usage(`Folder "${dir}" tidak kosong; pilih folder baru atau kosong agar tidak ada dokumen yang tertimpa.`);
  }
  if (!st) {
    try {
      await mkdir(dir);
    } catch (e) {
      throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Folder "${dir}" tidak dapat dibuat (${fsReason(e)}).`, { cause: e });
    }
  }
}

/** A file the user named for one document: its folder must exist, and it must not be a folder. */
async function outputFile(file: string): Promise<void> {
  const parent = await stat(path.dirname(file)).catch(() => undefined);
  if (!parent?.isDirectory()) throw usage(`Folder "${path.dirname(file)}" untuk --keluar tidak ada.`);
  if ((await stat(file).catch(() => undefined))?.isDirectory()) throw usage(`--keluar "${file}" adalah folder; beri nama berkas .docx.`);
}

/** `dokumen NOMOR JENIS [--keluar FILE] [--pdf]`: (re)renders from the register as it stands. */
async function documentCommand(io: Io, args: readonly string[], opt: DocOptions, existingRegister: (given: string | undefined) => Promise<WorkbookRegister>): Promise<number> {
  const [nomor, jenisArg] = args;
  if (!nomor || !jenisArg || args.length > 2) throw usage(`dokumen memerlukan NOMOR dan JENIS (${JENIS_DOKUMEN.join(', ')}, atau semua).`);
  const all = jenisArg === 'semua';
  const list = jenisOf(jenisArg);
  if (opt.keluar !== undefined && !all && !/\.docx$/i.test(opt.keluar)) throw usage(`--keluar harus nama berkas .docx, bukan "${opt.keluar}".`);
  if (opt.keluar !== undefined && all && /\.docx$/i.test(opt.keluar)) throw usage(`Dengan "semua", --keluar adalah FOLDER untuk semua dokumen, bukan "${opt.keluar}".`);
  const reg = await existingRegister(opt.register);
  const now = clockOf(io).now;
  const target = opt.keluar === undefined ? undefined : path.resolve(io.cwd, opt.keluar);
  // Checked before the register is locked: a bad destination never holds up other staff.
  if (target !== undefined) await (all ? outputFolder(target) : outputFile(target));
  // Into a file or folder of the user's choosing the register is only read; else into its documents folder.
  const sink: DocumentSink = target === undefined ? new LocalDocumentStore(reg.file) : all ? new FolderSink(target) : new FileSink(target);
  const staged = sink instanceof LocalDocumentStore ? sink : undefined;
  const produced = await reg.transaction(
    async (book) => {
      const { record } = complaintRow(book, nomor);
      const available = all ? list.filter((j) => documentProblem(j, record) === undefined) : list;
      const session = new DocumentSession(book, documentDeps(io, reg, now, sink));
      // A single document that cannot be made is the command's error; of "semua", each is reported.
      if (!all) return [await session.produce(nomor, list[0] ?? 'tanda_terima')];
      return session.produceAll(nomor, available);
    },
    { write: target === undefined, ...(staged ? { staged } : {}) },
  );
  if (staged?.problem) io.err(`Peringatan: ${staged.problem}`);
  const files = produced.flatMap((p) => (!p.link ? [] : staged ? staged.absolute(p.link) : p.link));
  const shown = staged ? shownPaths(io, reg, produced) : produced.map((p) => (p.link ? { ...p, link: path.relative(io.cwd, p.link) } : p));
  const pdfs = opt.pdf ? await pdfsOf(io, files) : [];
  const shownPdfs = pdfs.map((p) => path.relative(io.cwd, p));
  if (opt.json) io.out(JSON.stringify({ nomor, dokumen: shown, pdf: shownPdfs }, null, 2));
  else io.out([`Pengaduan ${nomor}:`, ...formatDocuments(shown, nomor), ...shownPdfs.map((p) => `  PDF: ${p}`)].join('\n'));
  return produced.some((p) => p.error) ? 3 : 0;
}

/** Writes one document to the file the user named. */
class FileSink implements DocumentSink {
  constructor(readonly file: string) {}
  async save(_nomor: string, _jenis: JenisDokumen, bytes: Uint8Array): Promise<string> {
    try {
      await writeFileAtomic(this.file, bytes, { createFolders: false });
    } catch (e) {
      throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Dokumen tidak dapat ditulis ke "${this.file}" (${fsReason(e)}).`, { cause: e });
    }
    return this.file;
  }
}

/** Stores every document of the demo in one folder, named by complaint and type. */
class FolderSink implements DocumentSink {
  readonly files: string[] = [];
  constructor(readonly dir: string) {}
  async save(nomor: string, jenis: JenisDokumen, bytes: Uint8Array): Promise<string> {
    const file = path.join(this.dir, documentFileName(nomor, jenis));
    try {
      await writeFileAtomic(file, bytes, { createFolders: false });
    } catch (e) {
      throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Dokumen tidak dapat ditulis ke "${file}" (${fsReason(e)}).`, { cause: e });
    }
    if (!this.files.includes(file)) this.files.push(file);
    return file;
  }
}

/** `demo --keluar DIR [--pdf]`: the sample complaints through the whole SOP, every document in DIR. */
async function demo(io: Io, opt: DocOptions): Promise<number> {
  if (!opt.keluar) throw usage('demo memerlukan --keluar FOLDER untuk dokumen yang dihasilkan.');
  const dir = path.resolve(io.cwd, opt.keluar);
  await outputFolder(dir, { empty: true });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'pengaduan-demo-'));
  const sink = new FolderSink(dir);
  const failures: string[] = [];
  const warnings = new Set<string>();
  const notes: string[] = [];
  try {
    const reg = new WorkbookRegister(path.join(tmp, 'register-demo.xlsx'));
    let clock = clockOf(io);
    // The samples need working days: outside the shipped holiday calendar, play the last covered month.
    const cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
    if (!cal.covers(wibDay(clock.now))) {
      let day = Math.min(wibDay(clock.now), cal.lastDay);
      while (!cal.isWorkingDay(day)) day -= 1;
      clock = { ...clock, now: wibInstant(day, 10) };
      notes.push(`Kalender libur bawaan tidak mencakup hari ini; contoh dijalankan per ${isoFromDay(day)}.`);
    }
    await reg.transaction(() => undefined, {
      seed: async (book) => {
        seedDefaults(book);
        const deps = documentDeps(io, reg, clock.now, sink);
        const produce: ProduceHook = async (nomor, documents, now) => {
          for (const p of await produceDocuments(book, nomor, documents, { ...deps, now })) {
            if (p.error) failures.push(p.error);
            for (const w of p.warnings) warnings.add(w);
          }
        };
        await seedSamples(book, clock, produce);
      },
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const pdfs = opt.pdf ? await pdfsOf(io, sink.files) : [];
  const shown = sink.files.map((f) => path.relative(io.cwd, f));
  if (opt.json) {
    io.out(JSON.stringify({ folder: dir, dokumen: shown, pdf: pdfs.map((p) => path.relative(io.cwd, p)), gagal: failures, peringatan: [...warnings] }, null, 2));
  } else {
    io.out(
      [
        `Contoh pengaduan dijalankan melalui SOP (jalur ringan dan berat); ${sink.files.length} dokumen di ${path.relative(io.cwd, dir) || '.'}:`,
        ...shown.map((f) => `  ${f}`),
        ...(pdfs.length > 0 ? [`PDF: ${pdfs.length} berkas di folder yang sama.`] : []),
        ...[...notes, ...warnings].map((w) => `Catatan: ${w}`),
        ...failures.map((f) => `Gagal: ${f}`),
      ].join('\n'),
    );
  }
  return failures.length > 0 ? 3 : 0;
}
