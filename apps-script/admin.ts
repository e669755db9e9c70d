/** The Admin menu's items: Setup, the functions' address, and the daily work on demand. */
import { requireAccess } from '../core/akses.js';
import { loadContext } from '../core/register.js';
import { isPengaduanError, PengaduanError } from '../core/errors.js';
import { PROP, requireUser, scriptProperty, setScriptProperty, spreadsheet } from './env.js';
import { kerjaHarian } from './harian.js';
import { validFunctionUrl } from './layanan.js';
import { SheetRegister } from './register.js';
import { siapkanSemua } from './siapkan.js';
import { buatMenu } from './menu.js';

/** Admin only, except on a spreadsheet that has no admin yet (the very first Setup). */
function requireAdmin(firstRun: boolean): void {
  const email = requireUser();
  let staff;
  try {
    staff = loadContext(new SheetRegister(spreadsheet())).staff;
  } catch (e) {
    // Only a spreadsheet Setup has not made yet lets anyone in; a damaged Peran tab does not.
    if (firstRun && isPengaduanError(e) && e.code === 'TAB_TIDAK_DITEMUKAN') return;
    throw e;
  }
  const hasAdmin = [...staff.values()].some((m) => m.roles.includes('admin'));
  if (firstRun && !hasAdmin) return;
  requireAccess(staff, email, 'atur');
}

export function siapkan(): void {
  requireAdmin(true);
  const report = siapkanSemua(spreadsheet());
  const ui = SpreadsheetApp.getUi();
  ui.alert('Spreadsheet siap', report.join('\n'), ui.ButtonSet.OK);
  buatMenu();
}

export function aturLayananDokumen(): void {
  requireAdmin(false);
  const ui = SpreadsheetApp.getUi();
  const now = scriptProperty(PROP.dokumenUrl);
  const answer = ui.prompt(
    'Alamat layanan dokumen',
    `Tempel URL fungsi "pengaduan-dokumen" dari Cloud Run (https://….run.app).${now ? `\nSekarang: ${now}` : ''}`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const url = validFunctionUrl(answer.getResponseText());
  if (!url) {
    throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Alamat tidak dikenali. Gunakan URL https dari Cloud Run (….run.app) atau Cloud Functions (….cloudfunctions.net); tidak ada yang diubah.');
  }
  setScriptProperty(PROP.dokumenUrl, url);
  ui.alert('Alamat layanan dokumen', `Tersimpan: ${url}`, ui.ButtonSet.OK);
}

/** Whether this run was started by one of this project's own daily triggers (not by a person). */
function fromDailyTrigger(e: unknown): boolean {
  const uid = typeof e === 'object' && e !== null ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if (typeof uid !== 'string' && typeof uid !== 'number') return false;
  // An editor could call the function with an invented event; only a real trigger's id passes.
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === String(uid) && t.getHandlerFunction() === 'harian');
}

/** The daily trigger, and the Admin menu item that runs it now (admins only). */
export function harian(e?: unknown): void {
  const trigger = fromDailyTrigger(e);
  if (!trigger) requireAdmin(false);
  const report = kerjaHarian(Date.now());
  console.log(report.length ? report.join('\n') : 'Pekerjaan harian: tidak ada yang perlu dikerjakan.');
  if (trigger) return;
  const ui = SpreadsheetApp.getUi();
  ui.alert('Pekerjaan harian', report.length ? report.join('\n') : 'Tidak ada yang perlu dikerjakan.', ui.ButtonSet.OK);
}
