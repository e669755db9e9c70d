/**
 * The daily trigger (06.00 WIB): registers Form responses the submit trigger missed, asks again
 * for pending documents, and on working days reminds each role of the complaints waiting for it
 * that are at risk or late (the clock read fresh through core/, not from yesterday's columns).
 */
import { PERAN_LABEL, STATUS_SLA_LABEL, isFinalStatus, isStatus, type Peran } from '../sheets-schema/index.js';
import { WAITING_FOR } from '../core/sop.js';
import { loadContext } from '../core/register.js';
import { slaOfRecord } from '../core/sla-columns.js';
import { isoFromDay, tanggalPanjang, wibDay } from '../core/time.js';
import type { Notification } from '../core/notify.js';
import { messageOf, PROP, scriptProperty, setScriptProperty, spreadsheet, withLock } from './env.js';
import { lupakanPermintaanLama, rekonsiliasiFormulir } from './pencatatan.js';
import { SheetRegister } from './register.js';
import { kirimSurat, pengirimDari, ringkasSurat } from './surat.js';
import { perluasRegister } from './siapkan.js';
import { cobaLagiTertunda } from './tertunda.js';

interface Mendesak {
  readonly nomor: string;
  readonly tahap: string;
  readonly sisa: number;
  readonly tenggat: number;
  readonly terlambat: boolean;
}

const CLOCK_COLUMNS = ['nomor', 'status', 'tahap', 'diterima_pada', 'jejak_status'] as const;

/** The reminders of one day: one e-mail per role with complaints at risk or late. */
export function pengingat(now: number): Notification[] {
  const book = new SheetRegister(spreadsheet());
  const ctx = loadContext(book);
  const today = wibDay(now);
  if (ctx.calendar.isWorkingDay(today) !== true) return [];
  const byRole = new Map<Peran, Mendesak[]>();
  for (const { values } of book.table('pengaduan').select(CLOCK_COLUMNS)) {
    const status = String(values.status ?? '').trim();
    if (!isStatus(status) || isFinalStatus(status)) continue;
    const role = WAITING_FOR[status];
    if (!role) continue;
    try {
      const sla = slaOfRecord(values, ctx.calendar, ctx.settings.sla, now);
      if (!sla.ok || (sla.state !== 'RAWAN' && sla.state !== 'TERLAMBAT')) continue;
      const list = byRole.get(role) ?? [];
      list.push({ nomor: String(values.nomor), tahap: String(values.tahap ?? ''), sisa: sla.leftDays, tenggat: sla.dueDay, terlambat: sla.state === 'TERLAMBAT' });
      byRole.set(role, list);
    } catch {
      // A damaged row is the sweep's to report; a reminder skips it.
    }
  }
  const out: Notification[] = [];
  for (const [role, items] of byRole) {
    items.sort((a, b) => a.sisa - b.sisa);
    const to = [...ctx.staff.values()].filter((m) => m.roles.includes(role)).map((m) => m.email);
    const late = items.filter((i) => i.terlambat).length;
    out.push({
      to,
      recipient: role,
      subject: `Pengingat: ${items.length} pengaduan menunggu ${PERAN_LABEL[role]}${late ? ` (${late} terlambat)` : ''}`,
      body:
        `Pengaduan berikut menunggu tindakan ${PERAN_LABEL[role]} dan ${late ? 'sebagian sudah lewat' : 'mendekati'} jatuh tempo 7 hari kerja (per ${tanggalPanjang(today)}):\n\n` +
        items
          .map((i) => `- ${i.nomor}: ${i.terlambat ? `${STATUS_SLA_LABEL.TERLAMBAT}, lewat ${-i.sisa} hari kerja` : `sisa ${i.sisa} hari kerja`} (jatuh tempo ${isoFromDay(i.tenggat)}); ${i.tahap}`)
          .join('\n') +
        '\n\nBuka spreadsheet register, pilih barisnya, lalu gunakan menu Pengaduan.',
      ...(to.length === 0 ? { undeliverable: `tidak ada pengguna aktif dengan peran ${role} di tab Peran` } : {}),
    });
  }
  return out;
}

/** A run that started this long ago and never said it finished is taken to have died. */
const STALE_RUN_MS = 20 * 60_000;

/**
 * The daily trigger's work; returns its report (also logged). Reminders go first and once a day
 * (the menu item may run the rest again); pending documents, which take longest, go last and
 * stop within the time budget. Two runs never overlap.
 */
export function kerjaHarian(now: number): string[] {
  const started = withLock(() => {
    const running = Number(scriptProperty(PROP.harianBerjalan)) || 0;
    if (running > 0 && now - running < STALE_RUN_MS) return false;
    setScriptProperty(PROP.harianBerjalan, String(now));
    return true;
  });
  if (!started) return ['Pekerjaan harian lain sedang berjalan; yang ini tidak dijalankan.'];
  const report: string[] = [];
  const step = (what: string, fn: () => string[]): void => {
    try {
      report.push(...fn());
    } catch (e) {
      report.push(`${what} gagal: ${messageOf(e)}`);
    }
  };
  try {
    step('Pengingat', () => {
      const today = isoFromDay(wibDay(now));
      if (scriptProperty(PROP.pengingatTanggal) === today) return [];
      const notes = pengingat(now);
      setScriptProperty(PROP.pengingatTanggal, today);
      if (notes.length === 0) return [];
      const pengirim = pengirimDari(loadContext(new SheetRegister(spreadsheet())).settings);
      return ringkasSurat(kirimSurat(notes, pengirim), true);
    });
    step('Pencocokan formulir', () => {
      const r = rekonsiliasiFormulir(now);
      return [...(r.dicatat ? [`${r.dicatat} kiriman formulir yang terlewat dicatat.`] : []), ...r.gagal.map((g) => `Kiriman formulir belum tercatat: ${g}`)];
    });
    step('Perluasan register', () => perluasRegister(spreadsheet()));
    step('Pembersihan', () => {
      lupakanPermintaanLama(now);
      return [];
    });
    step('Dokumen tertunda', () => {
      const r = cobaLagiTertunda(now);
      return [...r.dibuat.map((d) => `Dokumen tertunda dibuat: ${d}`), ...r.gagal.map((g) => `Dokumen masih tertunda: ${g}`)];
    });
  } finally {
    withLock(() => setScriptProperty(PROP.harianBerjalan, ''));
  }
  return report;
}
