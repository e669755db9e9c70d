/**
 * The SLA clock applied to a register row: reads the row's receipt time and status timeline,
 * computes the clock, and returns the values of the SLA columns. Used after every action, at
 * intake, and by the daily sweep, so that a due date is the same wherever it is computed.
 */
import { STATUS } from '../sheets-schema/index.js';
import type { WorkCalendar } from './calendar.js';
import { PengaduanError } from './errors.js';
import { cell, type RegisterPatch, type RegisterRecord } from './record.js';
import { computeSla, type SlaResult, type SlaRules } from './sla.js';
import { parseTimeline } from './timeline.js';
import { formatWib, isoFromDay, tryParseInstant } from './time.js';

/** Reads a row's clock; throws REGISTER_RUSAK when the receipt time or timeline is damaged. */
export function slaOfRecord(record: RegisterRecord, cal: WorkCalendar, rules: SlaRules, now: number): SlaResult {
  const nomor = cell(record, 'nomor');
  const receivedAt = tryParseInstant(cell(record, 'diterima_pada'));
  if (receivedAt === undefined) {
    throw new PengaduanError(
      'REGISTER_RUSAK',
      `Waktu diterima pengaduan ${nomor} ("${cell(record, 'diterima_pada').slice(0, 40)}") tidak terbaca; gunakan format TTTT-BB-HH JJ:MM:DD.`,
    );
  }
  return computeSla(cal, rules, { receivedAt, timeline: parseTimeline(cell(record, 'jejak_status'), nomor), now });
}

/** Per-stage working days as `DITERIMA:1; DIPERIKSA:2`, in procedure order. */
export function formatPerStage(perStage: Partial<Record<string, number>>): string {
  let out = '';
  for (const s of STATUS) {
    const n = perStage[s];
    if (n !== undefined) out += `${out ? '; ' : ''}${s}:${n}`;
  }
  return out;
}

/** `computedAt` lets a sweep format its timestamp once instead of once per row. */
export function slaPatch(result: SlaResult, now: number, computedAt = formatWib(now)): RegisterPatch {
  if (!result.ok) {
    return {
      tenggat: result.dueDay !== undefined ? isoFromDay(result.dueDay) : '',
      hari_kerja_terpakai: '',
      hari_kerja_sisa: '',
      hari_kerja_dijeda: '',
      status_sla: result.state,
      hari_per_tahap: '',
      sla_dihitung_pada: computedAt,
    };
  }
  return {
    tenggat: isoFromDay(result.dueDay),
    hari_kerja_terpakai: result.usedDays,
    hari_kerja_sisa: result.leftDays,
    hari_kerja_dijeda: result.pausedDays,
    status_sla: result.state,
    hari_per_tahap: formatPerStage(result.perStage),
    sla_dihitung_pada: computedAt,
  };
}

/**
 * Whether `patch` would leave a closed complaint's clock as the row already holds it (the time of
 * computation aside). A closed complaint's clock is final: the daily sweep rewrites its row only
 * when a value changed (a holiday added afterwards), so it writes in proportion to the open ones.
 */
export function slaUnchanged(record: RegisterRecord, patch: RegisterPatch): boolean {
  return Object.entries(patch).every(([k, v]) => k === 'sla_dihitung_pada' || String(v ?? '') === cell(record, k));
}

export function slaColumns(record: RegisterRecord, cal: WorkCalendar, rules: SlaRules, now: number): RegisterPatch {
  return slaPatch(slaOfRecord(record, cal, rules, now), now);
}
