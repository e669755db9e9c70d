/**
 * The register service: the procedure over a register's tabs, shared by every front end (the
 * local workbook, the Sheets adapter of the functions, and the Apps Script bound to the Sheet),
 * each through the same `TableLike` interface. Each operation reads what it needs, asks core/ to
 * decide, and applies the returned effects to the tables. It does no I/O itself: callers run each
 * operation inside one register transaction (lock, fresh read, write) of their own.
 */
import {
  DEFAULT_LIBUR,
  isFinalStatus,
  SETTINGS,
  TABS,
  type JenisDokumen,
  type Penulis,
  type RegisterKey,
  type Status,
  type StatusSla,
} from '../sheets-schema/index.js';
import { buildContext, type RegisterContext, type StaffMember } from './context.js';
import { dashboardRow } from './dashboard.js';
import { resolveNotifications, type Notification } from './notify.js';
import { PengaduanError, isPengaduanError } from './errors.js';
import { buildIntake, duplicateKeys, validateIntake, type IntakeValues } from './intake.js';
import { accessCode, formatNumber, nextSequence, numberConflict, type SeriNomor } from './numbering.js';
import { cell, type RegisterRecord } from './record.js';
import { slaOfRecord, slaPatch, slaUnchanged } from './sla-columns.js';
import { decide, readState, type Actor, type Decision, type Effect } from './sop.js';
import { formatWib, isoFromDay, wibDay, yearOfDay } from './time.js';
import type { Row } from './table.js';

/** What the service needs of one tab. The workbook's Table implements it; so will the Sheets adapter. */
export interface TableLike {
  rows(): { rowNumber: number; values: Row }[];
  columnValues(key: string): string[];
  find(key: string, value: string): number | undefined;
  get(rowNumber: number): Row;
  update(rowNumber: number, patch: Row, writer: Penulis): void;
  append(values: Row, writers: readonly Penulis[]): number;
  replaceAll(rows: readonly Row[], writer: Penulis): void;
}
export interface RegisterTables {
  table(key: keyof typeof TABS): TableLike;
}

export interface Clock {
  readonly now: number;
  readonly randomBytes: (n: number) => Uint8Array;
}

export type Context = RegisterContext;
export type { Notification, StaffMember };

/** Reads settings, the holiday calendar and the staff directory once per transaction. */
export function loadContext(book: RegisterTables): Context {
  const text = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
  return buildContext({
    pengaturan: book
      .table('pengaturan')
      .rows()
      .map((r) => ({
        rowNumber: r.rowNumber,
        kunci: text(r.values.kunci),
        nilai: text(r.values.nilai),
        unsafeNumber: typeof r.values.nilai === 'number' && !Number.isSafeInteger(r.values.nilai) && Number.isInteger(r.values.nilai),
      })),
    libur: book.table('libur').rows().map((r) => ({ rowNumber: r.rowNumber, tanggal: text(r.values.tanggal) })),
    peran: book
      .table('peran')
      .rows()
      .map((r) => ({
        rowNumber: r.rowNumber,
        email: text(r.values.email),
        peran: text(r.values.peran),
        nama: text(r.values.nama),
        nip: text(r.values.nip),
        nipIsNumber: typeof r.values.nip === 'number',
        jabatan: text(r.values.jabatan),
        aktif: text(r.values.aktif),
      })),
  });
}

/** Fills the settings and holidays tabs of a new register from the schema's defaults. */
export function seedDefaults(book: RegisterTables): void {
  const pengaturan = book.table('pengaturan');
  for (const s of SETTINGS) pengaturan.append({ kunci: s.key, nilai: s.default, keterangan: `${s.label}. ${s.help}` }, ['admin']);
  const libur = book.table('libur');
  for (const h of DEFAULT_LIBUR) libur.append({ tanggal: h.tanggal, nama: h.nama, jenis: h.jenis }, ['admin']);
}

function actorOf(ctx: Context, email: string): Actor {
  const m = ctx.staff.get(email.trim().toLowerCase());
  return { email: email.trim().toLowerCase(), nama: m?.nama ?? '', roles: m?.roles ?? [] };
}

/** A row read by header is a register record: the same keys, the same cell values. */
function recordOf(row: Row): RegisterRecord {
  return row;
}

const SERIES_COLUMN: Record<SeriNomor, RegisterKey> = { registrasi: 'nomor', undangan: 'nomor_undangan', ba: 'nomor_ba' };
const SERIES_FORMAT = { registrasi: 'format_nomor_registrasi', undangan: 'format_nomor_undangan', ba: 'format_nomor_ba' } as const;

/**
 * Allocates the next `count` numbers of a series for the year of `now`, and records the counter.
 * The register's column is read once, whatever the count (a batch import stays linear).
 */
function allocateNumbers(book: RegisterTables, ctx: Context, series: SeriNomor, now: number, count = 1): string[] {
  const day = wibDay(now);
  const year = yearOfDay(day);
  const format = ctx.settings.text[SERIES_FORMAT[series]];
  const instansi = ctx.settings.text.singkatan_instansi;
  const counters = book.table('penomoran');
  const hit = counters.rows().find((r) => String(r.values.seri) === series && Number(r.values.tahun) === year);
  const counter = hit ? Number(hit.values.terakhir) || 0 : 0;
  // Registration numbers also stand in the append-only history: a deleted row never frees its number.
  const issued = book.table('pengaduan').columnValues(SERIES_COLUMN[series]);
  if (series === 'registrasi') issued.push(...book.table('riwayat').columnValues('nomor'));
  const first = nextSequence(format, year, instansi, counter, issued);
  const last = first + count - 1;
  if (hit) counters.update(hit.rowNumber, { terakhir: last }, 'alur');
  else counters.append({ seri: series, tahun: year, terakhir: last }, ['alur']);
  return Array.from({ length: count }, (_, i) => formatNumber(format, { seq: first + i, day, instansi }));
}

function allocateNumber(book: RegisterTables, ctx: Context, series: SeriNomor, now: number): string {
  return allocateNumbers(book, ctx, series, now, 1)[0] ?? '';
}


const documentsOf = (effects: readonly Effect[]): JenisDokumen[] => effects.flatMap((e) => (e.type === 'renderDocument' ? [e.jenis] : []));

export interface IntakeResult {
  readonly nomor: string;
  readonly kodeAkses: string;
  readonly tenggat: string;
  readonly statusSla: string;
  readonly documents: JenisDokumen[];
  readonly notifications: Notification[];
}

/**
 * Registers complaints (one, or a batch imported together). All are validated first: if any is
 * invalid or a duplicate, none is registered and the error names the item.
 */
export function registerComplaints(book: RegisterTables, raws: readonly unknown[], recordedBy: string, clock: Clock): IntakeResult[] {
  const ctx = loadContext(book);
  const register = book.table('pengaduan');
  const email = recordedBy.trim().toLowerCase();
  const staffMember = ctx.staff.get(email);
  const validated: IntakeValues[] = [];
  const seen = new Set<string>();
  raws.forEach((raw, i) => {
    const where = raws.length > 1 ? `Pengaduan ke-${i + 1}: ` : '';
    let v: IntakeValues;
    try {
      v = validateIntake(raw, clock.now);
    } catch (e) {
      if (isPengaduanError(e) && where) throw new PengaduanError(e.code, where + e.message, { problems: e.problems });
      throw e;
    }
    for (const d of duplicateKeys(v)) {
      const key = `${d.column}=${d.value}`;
      const existing = register.find(d.column, d.value);
      if (existing !== undefined || seen.has(key)) {
        const header = TABS.pengaduan.columns.find((c) => c.key === d.column)?.header ?? d.column;
        const nomor = existing !== undefined ? String(register.get(existing).nomor ?? '') : '(dalam kiriman yang sama)';
        throw new PengaduanError('PENGADUAN_GANDA', `${where}${header} "${d.value}" sudah tercatat sebagai pengaduan ${nomor}; tidak dicatat dua kali.`);
      }
      seen.add(key);
    }
    validated.push(v);
  });
  const history = book.table('riwayat');
  const numbers = allocateNumbers(book, ctx, 'registrasi', clock.now, validated.length);
  return validated.map((v, i) => {
    const nomor = numbers[i] ?? '';
    const kodeAkses = accessCode(clock.randomBytes);
    const decision = buildIntake(v, { nomor, kodeAkses }, { email, ...(staffMember ? { nama: staffMember.nama } : {}) }, clock.now, {
      cal: ctx.calendar,
      rules: ctx.settings.sla,
    });
    register.append(decision.record as Row, ['intake', 'alur', 'sla']);
    for (const e of decision.effects) if (e.type === 'appendHistory') history.append({ ...e.entry }, ['alur']);
    return {
      nomor,
      kodeAkses,
      tenggat: cell(decision.record, 'tenggat'),
      statusSla: cell(decision.record, 'status_sla'),
      documents: documentsOf(decision.effects),
      notifications: resolveNotifications(decision.effects, decision.record, ctx.staff),
    };
  });
}

export interface ActionResult {
  readonly decision: Decision;
  readonly record: RegisterRecord;
  readonly documents: JenisDokumen[];
  readonly notifications: Notification[];
}

function findComplaint(book: RegisterTables, nomor: string): number {
  const rowNumber = book.table('pengaduan').find('nomor', nomor);
  if (rowNumber === undefined) {
    throw new PengaduanError('PENGADUAN_TIDAK_DITEMUKAN', `Pengaduan nomor "${nomor.slice(0, 60)}" tidak ditemukan di register.`);
  }
  return rowNumber;
}

/** Performs one SOP action as `email`. A refusal throws and changes nothing. */
export function performAction(book: RegisterTables, nomor: string, aksi: string, email: string, inputs: unknown, clock: Clock): ActionResult {
  const ctx = loadContext(book);
  const register = book.table('pengaduan');
  const rowNumber = findComplaint(book, nomor);
  const before = recordOf(register.get(rowNumber));
  const decision = decide(before, aksi, actorOf(ctx, email), inputs, clock.now, { persyaratanWajib: ctx.settings.persyaratanWajib });

  // Numbers are checked before anything is written, so a refused number changes nothing.
  const patch: Row = {};
  for (const e of decision.effects) {
    if (e.type === 'writeColumns') Object.assign(patch, e.values);
    if (e.type === 'assignNumber') {
      if (e.given) {
        const others = register
          .rows()
          .filter((r) => r.rowNumber !== rowNumber)
          .map((r) => ({ nomor: String(r.values[e.column] ?? ''), owner: String(r.values.nomor ?? '') }))
          .filter((r) => r.nomor !== '');
        const owner = numberConflict(e.given, others, ctx.settings.text[SERIES_FORMAT[e.series]], yearOfDay(wibDay(clock.now)), ctx.settings.text.singkatan_instansi);
        if (owner !== undefined) {
          throw new PengaduanError('NOMOR_SUDAH_DIPAKAI', `Nomor "${e.given}" (atau nomor urut yang sama tahun ini) sudah dipakai pengaduan ${owner}. Kosongkan agar diberi nomor otomatis.`);
        }
        patch[e.column] = e.given;
      } else {
        patch[e.column] = allocateNumber(book, ctx, e.series, clock.now);
      }
    }
  }
  register.update(rowNumber, patch, 'alur');
  const after: RegisterRecord = { ...before, ...(patch as RegisterRecord) };
  const sla = slaPatch(slaOfRecord(after, ctx.calendar, ctx.settings.sla, clock.now), clock.now);
  register.update(rowNumber, sla as Row, 'sla');
  Object.assign(after, sla);
  // The history keeps every number assigned, so a letter sent under a number later replaced
  // (a rescheduled meeting) can still be traced.
  const assigned = decision.effects.flatMap((e) => (e.type === 'assignNumber' ? [`${e.column === 'nomor_ba' ? 'Nomor BA' : 'Nomor surat undangan'}: ${String(patch[e.column])}.`] : []));
  const history = book.table('riwayat');
  for (const e of decision.effects) {
    if (e.type === 'appendHistory') history.append({ ...e.entry, keterangan: [e.entry.keterangan, ...assigned].join(' ') }, ['alur']);
  }
  return { decision, record: after, documents: documentsOf(decision.effects), notifications: resolveNotifications(decision.effects, after, ctx.staff) };
}

export interface SweepItem {
  readonly nomor: string;
  readonly tahap: string;
  readonly tenggat: string;
  readonly sisa: number;
}

export interface SweepSummary {
  readonly asOf: string;
  readonly total: number;
  readonly counts: Partial<Record<StatusSla, number>>;
  /** Open complaints per status: the backlog by stage. */
  readonly openByStatus: Partial<Record<Status, number>>;
  readonly atRisk: SweepItem[];
  readonly late: SweepItem[];
  /** Rows that could not be computed (unknown status, damaged timeline): reported, not touched. */
  readonly skipped: { nomor: string; rowNumber: number; reason: string }[];
  readonly calendarMissing: string[];
  /** Rows of the Pengaturan, Libur and Peran tabs that were ignored. */
  readonly warnings: readonly string[];
}

/** Recomputes the SLA columns of every complaint and rebuilds the dashboard tab. */
export function sweepSla(book: RegisterTables, clock: Pick<Clock, 'now'>): SweepSummary {
  const ctx = loadContext(book);
  const register = book.table('pengaduan');
  const counts: Partial<Record<StatusSla, number>> = {};
  const openByStatus: Partial<Record<Status, number>> = {};
  const atRisk: SweepItem[] = [];
  const late: SweepItem[] = [];
  const skipped: SweepSummary['skipped'] = [];
  const calendarMissing = new Set<string>();
  const dashboard: Row[] = [];
  const computedAt = formatWib(clock.now);
  let total = 0;
  const rows = register.rows();
  const copies = new Map<string, number[]>();
  for (const r of rows) {
    const nomor = String(r.values.nomor ?? '').trim();
    copies.set(nomor, [...(copies.get(nomor) ?? []), r.rowNumber]);
  }
  for (const { rowNumber, values } of rows) {
    const record = recordOf(values);
    const nomor = cell(record, 'nomor');
    const same = copies.get(nomor.trim()) ?? [];
    if (nomor.trim() !== '' && same.length > 1) {
      skipped.push({ nomor, rowNumber, reason: `nomor yang sama tercatat di baris ${same.join(', ')}; hapus baris salinannya` });
      continue;
    }
    try {
      const { status } = readState(record);
      if (!isFinalStatus(status)) openByStatus[status] = (openByStatus[status] ?? 0) + 1;
      const result = slaOfRecord(record, ctx.calendar, ctx.settings.sla, clock.now);
      const patch = slaPatch(result, clock.now, computedAt);
      if (!(isFinalStatus(status) && slaUnchanged(record, patch))) register.update(rowNumber, patch as Row, 'sla');
      total++;
      counts[result.state] = (counts[result.state] ?? 0) + 1;
      if (!result.ok) calendarMissing.add(result.message);
      else if (result.state === 'RAWAN' || result.state === 'TERLAMBAT') {
        const item = { nomor, tahap: cell(record, 'tahap'), tenggat: String(patch.tenggat), sisa: result.leftDays };
        (result.state === 'RAWAN' ? atRisk : late).push(item);
      }
      dashboard.push(dashboardRow(record, result));
    } catch (e) {
      if (!isPengaduanError(e)) throw e;
      skipped.push({ nomor, rowNumber, reason: e.message });
    }
  }
  book.table('dasbor').replaceAll(dashboard, 'sla');
  late.sort((a, b) => a.sisa - b.sisa);
  atRisk.sort((a, b) => a.sisa - b.sisa);
  return {
    asOf: isoFromDay(wibDay(clock.now)),
    total,
    counts,
    openByStatus,
    atRisk,
    late,
    skipped,
    calendarMissing: [...calendarMissing],
    warnings: ctx.warnings,
  };
}

export interface ComplaintView {
  readonly record: RegisterRecord;
  readonly history: Row[];
}

export function complaintOf(book: RegisterTables, nomor: string): ComplaintView {
  const rowNumber = findComplaint(book, nomor);
  const record = recordOf(book.table('pengaduan').get(rowNumber));
  const history = book
    .table('riwayat')
    .rows()
    .filter((r) => String(r.values.nomor ?? '').trim() === cell(record, 'nomor'))
    .map((r) => r.values);
  return { record, history };
}
