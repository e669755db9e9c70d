/**
 * The daily reminders: for each role, the open complaints waiting for it whose clock is at risk
 * or late, read fresh through the SLA clock (not from yesterday's columns), as one message per
 * role. Sent on working days only. The Apps Script daily trigger sends them; any front end could.
 */
import { PERAN_LABEL, STATUS_SLA_LABEL, isFinalStatus, isStatus, type Peran } from '../sheets-schema/index.js';
import type { RegisterContext } from './context.js';
import type { Notification } from './notify.js';
import { cell, type RegisterRecord } from './record.js';
import { slaOfRecord } from './sla-columns.js';
import { WAITING_FOR } from './sop.js';
import { isoFromDay, tanggalPanjang, wibDay } from './time.js';

/** The register columns a reminder reads. */
export const REMINDER_COLUMNS = ['nomor', 'status', 'tahap', 'diterima_pada', 'jejak_status'] as const;

interface Urgent {
  readonly nomor: string;
  readonly tahap: string;
  readonly left: number;
  readonly due: number;
  readonly late: boolean;
}

/** One message per role with complaints at risk or late; none on a day off. */
export function remindersOf(records: readonly RegisterRecord[], ctx: RegisterContext, now: number): Notification[] {
  const today = wibDay(now);
  if (ctx.calendar.isWorkingDay(today) !== true) return [];
  const byRole = new Map<Peran, Urgent[]>();
  for (const record of records) {
    const status = cell(record, 'status').trim();
    if (!isStatus(status) || isFinalStatus(status)) continue;
    const role = WAITING_FOR[status];
    if (!role) continue;
    try {
      const sla = slaOfRecord(record, ctx.calendar, ctx.settings.sla, now);
      if (!sla.ok || (sla.state !== 'RAWAN' && sla.state !== 'TERLAMBAT')) continue;
      byRole.set(role, [...(byRole.get(role) ?? []), { nomor: cell(record, 'nomor'), tahap: cell(record, 'tahap'), left: sla.leftDays, due: sla.dueDay, late: sla.state === 'TERLAMBAT' }]);
    } catch {
      // A damaged row is the sweep's to report; a reminder skips it.
    }
  }
  const out: Notification[] = [];
  for (const [role, items] of byRole) {
    items.sort((a, b) => a.left - b.left);
    const to = [...ctx.staff.values()].filter((m) => m.roles.includes(role)).map((m) => m.email);
    const late = items.filter((i) => i.late).length;
    out.push({
      to,
      recipient: role,
      subject: `Pengingat: ${items.length} pengaduan menunggu ${PERAN_LABEL[role]}${late ? ` (${late} terlambat)` : ''}`,
      body:
        `Pengaduan berikut menunggu tindakan ${PERAN_LABEL[role]} dan ${late ? 'sebagian sudah lewat' : 'mendekati'} jatuh tempo ` +
        `${ctx.settings.sla.days} hari kerja (per ${tanggalPanjang(today)}):\n\n` +
        items
          .map((i) => `- ${i.nomor}: ${i.late ? `${STATUS_SLA_LABEL.TERLAMBAT}, lewat ${-i.left} hari kerja` : `sisa ${i.left} hari kerja`} (jatuh tempo ${isoFromDay(i.due)}); ${i.tahap}`)
          .join('\n') +
        '\n\nBuka spreadsheet register, pilih barisnya, lalu gunakan menu Pengaduan.',
      ...(to.length === 0 ? { undeliverable: `tidak ada pengguna aktif dengan peran ${role} di tab Peran` } : {}),
    });
  }
  return out;
}
