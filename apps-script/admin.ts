/** The Admin menu's items: Setup, the functions' address, and the daily work on demand. */
import { requireAccess } from '../core/akses.js';
import { loadContext } from '../core/register.js';
import { PengaduanError } from '../core/errors.js';
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
    if (firstRun) return;
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

/** The daily trigger, and the Admin menu item that runs it now. */
export function harian(): void {
  const report = kerjaHarian(Date.now());
  console.log(report.length ? report.join('\n') : 'Pekerjaan harian: tidak ada yang perlu dikerjakan.');
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert('Pekerjaan harian', report.length ? report.join('\n') : 'Tidak ada yang perlu dikerjakan.', ui.ButtonSet.OK);
  } catch {
    // From the time trigger there is no one to show it to: the log keeps it.
  }
}
