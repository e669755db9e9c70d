/**
 * The daily trigger (06.00 WIB): registers Form responses the submit trigger missed, asks again
 * for pending documents, and on working days reminds each role of the complaints waiting for it
 * that are at risk or late (core/pengingat.ts).
 */
import { loadContext } from '../core/register.js';
import { REMINDER_COLUMNS, remindersOf } from '../core/pengingat.js';
import { isoFromDay, wibDay } from '../core/time.js';
import type { Notification } from '../core/notify.js';
import { messageOf, PROP, scriptProperty, setScriptProperty, spreadsheet, withLock } from './env.js';
import { lupakanPermintaanLama, rekonsiliasiFormulir } from './pencatatan.js';
import { SheetRegister } from './register.js';
import { kirimSurat, pengirimDari, ringkasSurat } from './surat.js';
import { perluasRegister } from './siapkan.js';
import { cobaLagiTertunda } from './tertunda.js';

/** Today's reminders, from the register's clock columns (one read per column). */
export function pengingat(now: number): Notification[] {
  const book = new SheetRegister(spreadsheet());
  return remindersOf(book.table('pengaduan').select(REMINDER_COLUMNS).map((r) => r.values), loadContext(book), now);
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
