/**
 * The guard of the system's columns: an installable onEdit trigger (Setup installs it; it runs as
 * the admin who ran Setup). Apps Script fires onEdit for what a PERSON types or pastes, never for
 * a script's own writes nor for the functions' API writes, so this is how "only the script and
 * admins may edit them" holds although menu actions run as the staff member who chose them:
 *
 * - a single cell typed over by anyone but an admin gets its previous value back at once, and the
 *   person sees a note saying to use the menu;
 * - a paste, or a change of several cells at once, cannot be undone from the event (Apps Script
 *   gives no old value for it): the admins are e-mailed what was changed, where and by whom, to
 *   restore it from the version history.
 *
 * The complainant's own words and contacts (name, address, the complaint) stay editable by staff,
 * who correct a phone number or a typo; those are data, not the system's bookkeeping.
 */
import { isSystemColumn, TAB_KEYS, TABS, type TabKey } from '../sheets-schema/index.js';
import { columnPositions } from '../core/table.js';
import { loadContext } from '../core/register.js';
import { messageOf } from './env.js';
import { literal, SheetRegister } from './register.js';

/** The tabs with system columns: the register and the tabs only the system writes. */
const GUARDED: readonly TabKey[] = TAB_KEYS.filter((k) => TABS[k].columns.some(isSystemColumn));

export function penjagaKolom(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    jaga(e);
  } catch (err) {
    console.error(`Penjaga kolom: ${messageOf(err)}`);
  }
}

function jaga(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const key = GUARDED.find((k) => TABS[k].name === sheet.getName());
  if (!key) return;
  const tab = TABS[key];
  const firstCol = range.getColumn();
  const lastCol = firstCol + range.getNumColumns() - 1;
  const width = Math.max(sheet.getLastColumn(), lastCol);
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h));
  const positions = columnPositions(tab, header);
  const hit = tab.columns.filter((c) => {
    const i = positions.get(c.key);
    return i !== undefined && i + 1 >= firstCol && i + 1 <= lastCol && isSystemColumn(c);
  });
  // The header row is the system's too: columns are found by it.
  const headerTouched = range.getRow() === 1 && hit.length === 0 && key === 'pengaduan' && tab.columns.some((c) => positions.get(c.key) !== undefined);
  if (hit.length === 0 && !headerTouched) return;
  const email = (e.user?.getEmail() ?? '').trim().toLowerCase();
  const ctx = loadContext(new SheetRegister(e.source));
  if (email !== '' && ctx.staff.get(email)?.roles.includes('admin')) return;
  const where = `${tab.name}!${range.getA1Notation()}`;
  const what = hit.length > 0 ? hit.map((c) => `"${c.header}"`).join(', ') : 'judul kolom';
  // A paste gives neither the old nor the new value (Apps Script's event docs): it cannot be undone
  // from the event, so it is reported like a paste over several cells.
  const pasted = e.oldValue === undefined && e.value === undefined;
  if (range.getNumRows() === 1 && range.getNumColumns() === 1 && !pasted) {
    const column = hit[0];
    const old = e.oldValue;
    if (old === undefined || old === '') range.clearContent();
    else if (column && column.type === 'angka' && /^-?\d+(\.\d+)?$/.test(old)) range.setValue(Number(old));
    else range.setValue(literal(old, range.getNumberFormats()[0]?.[0]));
    range.setNote(`Kolom ${what} diisi oleh sistem; ketikan ${email || 'seseorang'} dibatalkan. Gunakan menu Pengaduan untuk mengubahnya.`);
    return;
  }
  const admins = [...ctx.staff.values()].filter((m) => m.roles.includes('admin')).map((m) => m.email);
  if (admins.length === 0) return;
  MailApp.sendEmail({
    to: admins.join(','),
    subject: `Kolom sistem register diubah langsung (${where})`,
    body:
      `${email || 'Seseorang'} mengubah ${range.getNumRows() * range.getNumColumns()} sel di ${where}, termasuk kolom ${what}, tanpa menu Pengaduan.\n` +
      'Tempelan (paste) dan perubahan beberapa sel sekaligus tidak dapat dibatalkan otomatis. Periksa sel tersebut dan pulihkan bila perlu lewat File → Riwayat versi.',
    name: ctx.settings.text.nama_instansi,
  });
}
