/**
 * The figures leadership reads on the dashboard, computed from the de-identified dashboard rows
 * (the Dasbor tab's rows, core/dashboard.ts) and nothing else: volume per month and channel, SLA
 * compliance, the open backlog by stage and by age, the median working days per stage (where time
 * goes: the bottleneck), and the late complaints by number. The same figures as the Looker Studio
 * report (core/looker.ts), for the local page /dasbor. Pure: the rows and the service time are
 * parameters, and a value that is not what the dashboard tab's schema allows counts as unknown.
 */
import {
  BIDANG_USAHA,
  isBidangUsaha,
  isFinalStatus,
  isKanal,
  isKecamatan,
  isStatus,
  isStatusSla,
  KANAL,
  KANAL_LABEL,
  KECAMATAN,
  KELURAHAN_NAMA,
  stageColumn,
  STATUS,
  STATUS_LABEL,
  STATUS_SLA,
  STATUS_SLA_LABEL,
  type Kanal,
  type Status,
} from '../sheets-schema/index.js';
import type { DasborRow } from './dashboard.js';
import { namaBulan } from './time.js';

export interface MonthVolume {
  /** `2026-03` */
  readonly bulan: string;
  /** `Mar 2026` */
  readonly label: string;
  readonly total: number;
  readonly perKanal: Readonly<Record<Kanal, number>>;
  /** Complaints received this month and already closed, and of those on time. */
  readonly selesai: number;
  readonly tepatWaktu: number;
  /** On-time share of those, 0–100 (one decimal), or undefined with none closed. */
  readonly persen: number | undefined;
}

export interface Count {
  readonly key: string;
  readonly label: string;
  readonly jumlah: number;
}

export interface StageMedian {
  readonly status: Status;
  readonly label: string;
  /** Median working days in this stage, over the complaints that reached it. */
  readonly median: number;
  /** How many complaints reached it. */
  readonly jumlah: number;
}

export interface LateComplaint {
  readonly nomor: string;
  readonly tahap: string;
  readonly tenggat: string;
  readonly hariTerpakai: number;
  /** Working days past the service time. */
  readonly lewat: number;
  readonly terbuka: boolean;
}

export interface DasborFigures {
  /** ISO date the figures were computed for. */
  readonly asOf: string;
  readonly slaDays: number;
  readonly total: number;
  readonly terbuka: number;
  readonly selesai: number;
  /** Months from the first to the last with complaints, at most the last `months`. */
  readonly perBulan: readonly MonthVolume[];
  readonly perKanal: readonly Count[];
  readonly sla: {
    /** Closed complaints whose clock is known, and of those closed on time. */
    readonly selesai: number;
    readonly tepatWaktu: number;
    /** On-time share of the closed complaints, 0–100 (one decimal), or undefined with none closed. */
    readonly persen: number | undefined;
    readonly perStatus: readonly Count[];
  };
  readonly backlogPerTahap: readonly Count[];
  readonly backlogPerUmur: readonly Count[];
  readonly medianPerTahap: readonly StageMedian[];
  /** The stage with the highest median (more complaints break a tie), if any. */
  readonly hambatan: StageMedian | undefined;
  /** Late complaints: the open ones first, the most working days past due first. */
  readonly terlambat: readonly LateComplaint[];
  readonly terlambatTotal: number;
  /** Open complaints past their service time (status SLA TERLAMBAT), whether listed or not. */
  readonly terlambatTerbuka: number;
  readonly perKecamatan: readonly Count[];
  readonly perBidang: readonly Count[];
  /** The kelurahan with the most complaints (official names only), at most 10, most first. */
  readonly perKelurahan: readonly Count[];
}

export interface FigureOptions {
  readonly asOf: string;
  /** The service time in working days (the `hari_sla` setting). */
  readonly slaDays: number;
  /** How many recent months the volume chart shows (default 12). */
  readonly months?: number;
  /** How many late complaints are listed (default 50; the total is always given). */
  readonly maxLate?: number;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** A count of working days, or undefined for a blank or anything that is not a whole number ≥ 0. */
function days(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && n < 1_000_000 ? n : undefined;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-03` → `Mar 2026`. */
export function monthLabel(bulan: string): string {
  const m = MONTH.exec(bulan);
  return m ? `${namaBulan(Number(m[2])).slice(0, 3)} ${m[1]}` : bulan;
}

function nextMonth(bulan: string): string {
  const [y, m] = bulan.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The median of a non-empty list (the mean of the two middle values for an even count, one decimal). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

function counted(keys: readonly string[], labels: Readonly<Record<string, string>>, counts: Map<string, number>, unknown?: string): Count[] {
  const out: Count[] = keys.map((k) => ({ key: k, label: labels[k] ?? k, jumlah: counts.get(k) ?? 0 }));
  const rest = counts.get('') ?? 0;
  if (unknown !== undefined && rest > 0) out.push({ key: '', label: unknown, jumlah: rest });
  return out;
}

/** The on-time share, 0–100 with one decimal, or undefined when nothing closed. */
const percent = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : Math.round((part / whole) * 1000) / 10);

/** What a blank or unreadable working-day count or SLA state is shown as. */
export const BELUM_DIHITUNG = 'Belum dihitung';

const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Buckets of working days used by an open complaint, from the service time: the service time in
 * thirds, then late up to twice it, then later. A third too short to hold a day (a service time
 * under 3 days) is left out rather than given a range like `3–2`.
 */
export function ageBuckets(slaDays: number): { key: string; label: string; max: number }[] {
  const early = Math.floor(slaDays / 3);
  const mid = Math.floor((slaDays * 2) / 3);
  const range = (from: number, to: number): string => (from === to ? `${from} hari kerja` : `${from}–${to} hari kerja`);
  const buckets = [
    { key: 'awal', from: 0, max: early },
    { key: 'tengah', from: early + 1, max: mid },
    { key: 'akhir', from: mid + 1, max: slaDays },
    { key: 'lewat', from: slaDays + 1, max: slaDays * 2, late: true },
  ];
  return [
    ...buckets.filter((b) => b.from <= b.max).map((b) => ({ key: b.key, label: `${range(b.from, b.max)}${b.late ? ' (terlambat)' : ''}`, max: b.max })),
    { key: 'jauh', label: `lebih dari ${slaDays * 2} hari kerja (terlambat)`, max: Infinity },
  ];
}

export function dasborFigures(rows: readonly DasborRow[], options: FigureOptions): DasborFigures {
  const months = options.months ?? 12;
  const maxLate = options.maxLate ?? 50;
  const slaDays = options.slaDays;
  const perMonth = new Map<string, { total: number; perKanal: Map<string, number>; selesai: number; tepatWaktu: number }>();
  const perKanal = new Map<string, number>();
  const perSla = new Map<string, number>();
  const backlogStage = new Map<string, number>();
  const backlogAge = new Map<string, number>();
  const stageDays = new Map<Status, number[]>();
  const perKecamatan = new Map<string, number>();
  const perBidang = new Map<string, number>();
  const perKelurahan = new Map<string, number>();
  const late: LateComplaint[] = [];
  const buckets = ageBuckets(slaDays);
  let open = 0;
  let closed = 0;
  let closedKnown = 0;
  let onTime = 0;
  let openLate = 0;

  for (const row of rows) {
    const status = text(row.status);
    const known = isStatus(status);
    const final = known && isFinalStatus(status);
    if (final) closed++;
    else open++;
    const kanal = text(row.kanal);
    add(perKanal, isKanal(kanal) ? kanal : '');
    const slaText = text(row.status_sla);
    const slaState = isStatusSla(slaText) ? slaText : undefined;
    add(perSla, slaState ?? '');
    const used = days(row.hari_kerja_terpakai);
    const closedOnTime = slaState === 'SELESAI_TEPAT_WAKTU';
    const closedLate = slaState === 'SELESAI_TERLAMBAT';
    if (slaState === 'TERLAMBAT') openLate++;
    if (closedOnTime || closedLate) closedKnown++;
    if (closedOnTime) onTime++;

    const bulan = text(row.bulan);
    if (MONTH.test(bulan)) {
      const m = perMonth.get(bulan) ?? { total: 0, perKanal: new Map<string, number>(), selesai: 0, tepatWaktu: 0 };
      m.total++;
      add(m.perKanal, isKanal(kanal) ? kanal : '');
      if (closedOnTime || closedLate) m.selesai++;
      if (closedOnTime) m.tepatWaktu++;
      perMonth.set(bulan, m);
    }

    if (!final) {
      add(backlogStage, known ? status : '');
      const bucket = used === undefined ? undefined : buckets.find((b) => used <= b.max);
      add(backlogAge, bucket?.key ?? '');
    }
    for (const s of STATUS) {
      const d = days((row as Record<string, unknown>)[stageColumn(s)]);
      if (d === undefined) continue;
      const list = stageDays.get(s) ?? [];
      list.push(d);
      stageDays.set(s, list);
    }
    if ((slaState === 'TERLAMBAT' || closedLate) && used !== undefined) {
      const tenggat = text(row.tenggat);
      late.push({
        nomor: text(row.nomor),
        tahap: known ? STATUS_LABEL[status] : '',
        tenggat: ISO_DATE.test(tenggat) ? tenggat : '',
        hariTerpakai: used,
        lewat: Math.max(0, used - slaDays),
        terbuka: !final,
      });
    }
    const kecamatan = text(row.kecamatan);
    add(perKecamatan, isKecamatan(kecamatan) ? kecamatan : '');
    const bidang = text(row.bidang_usaha);
    add(perBidang, isBidangUsaha(bidang) ? bidang : '');
    const kelurahan = text(row.kelurahan);
    if (KELURAHAN_NAMA.includes(kelurahan)) add(perKelurahan, kelurahan);
  }

  // Every month from the first to the last, a month without complaints included (a gap is news).
  const monthKeys = [...perMonth.keys()].sort();
  const series: string[] = [];
  if (monthKeys.length > 0) {
    const last = monthKeys[monthKeys.length - 1] as string;
    for (let m = monthKeys[0] as string; m <= last && series.length < 1200; m = nextMonth(m)) series.push(m);
  }
  const perBulan: MonthVolume[] = series.slice(-months).map((bulan) => {
    const m = perMonth.get(bulan);
    const kanalCounts = Object.fromEntries(KANAL.map((k) => [k, m?.perKanal.get(k) ?? 0])) as Record<Kanal, number>;
    const selesai = m?.selesai ?? 0;
    const tepatWaktu = m?.tepatWaktu ?? 0;
    return { bulan, label: monthLabel(bulan), total: m?.total ?? 0, perKanal: kanalCounts, selesai, tepatWaktu, persen: percent(tepatWaktu, selesai) };
  });

  const openStatuses = STATUS.filter((s) => !isFinalStatus(s));
  const medians: StageMedian[] = STATUS.flatMap((s) => {
    const list = stageDays.get(s);
    return list && list.length > 0 ? [{ status: s, label: STATUS_LABEL[s], median: median(list), jumlah: list.length }] : [];
  });
  const hambatan = medians.reduce<StageMedian | undefined>((best, m) => (m.median > 0 && (!best || m.median > best.median || (m.median === best.median && m.jumlah > best.jumlah)) ? m : best), undefined);
  late.sort((a, b) => Number(b.terbuka) - Number(a.terbuka) || b.lewat - a.lewat || a.nomor.localeCompare(b.nomor));

  return {
    asOf: options.asOf,
    slaDays,
    total: rows.length,
    terbuka: open,
    selesai: closed,
    perBulan,
    perKanal: counted(KANAL, KANAL_LABEL, perKanal, 'Kanal tidak tercatat'),
    sla: {
      selesai: closedKnown,
      tepatWaktu: onTime,
      persen: percent(onTime, closedKnown),
      perStatus: counted(STATUS_SLA, STATUS_SLA_LABEL, perSla, BELUM_DIHITUNG),
    },
    backlogPerTahap: counted(openStatuses, STATUS_LABEL, backlogStage, 'Status tidak dikenal').filter((c) => c.jumlah > 0),
    backlogPerUmur: counted(
      buckets.map((b) => b.key),
      Object.fromEntries(buckets.map((b) => [b.key, b.label])),
      backlogAge,
      BELUM_DIHITUNG,
    ),
    medianPerTahap: medians,
    hambatan,
    terlambat: late.slice(0, maxLate),
    terlambatTotal: late.length,
    terlambatTerbuka: openLate,
    perKecamatan: counted(KECAMATAN, {}, perKecamatan, 'Tidak tercatat'),
    perBidang: counted(BIDANG_USAHA, {}, perBidang, 'Tidak tercatat'),
    perKelurahan: [...perKelurahan]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([k, n]) => ({ key: k, label: k, jumlah: n })),
  };
}
