/**
 * The role menus. `onOpen` (a simple trigger, so it runs for every editor) reads the Peran tab and
 * lists only the actions the signed-in user's roles may take, in the order of the procedure.
 * Without a role the menu explains how to get one. When Google does not reveal the user's e-mail
 * to a simple trigger (an account outside the domain), the menu offers to load itself.
 */
import { PERAN_LABEL } from '../sheets-schema/index.js';
import { ACTIONS, actionsOfRoles, type AksiKey } from '../core/sop.js';
import { LAYANAN } from '../core/akses.js';
import { loadContext } from '../core/register.js';
import { rolesOf } from './aksi.js';
import { currentUser, spreadsheet } from './env.js';
import { SheetRegister } from './register.js';

const MENU = 'Pengaduan';

/** The global function each action's menu item calls (main.ts defines one per action). */
const handlerOf = (aksi: AksiKey): string => `aksi_${aksi}`;

export function buatMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU);
  const email = currentUser();
  if (email === '') {
    menu.addItem('Tampilkan menu saya', 'muatMenu').addToUi();
    return;
  }
  let roles: ReturnType<typeof rolesOf> = [];
  try {
    roles = rolesOf(loadContext(new SheetRegister(spreadsheet())), email);
  } catch {
    // A sheet without its tabs yet: only Setup makes sense.
  }
  if (roles.length === 0) {
    menu.addItem('Mengapa menu saya kosong?', 'tentangAkses');
    menu.addItem('Siapkan spreadsheet (admin)', 'siapkan');
    menu.addToUi();
    return;
  }
  for (const aksi of actionsOfRoles(roles)) menu.addItem(ACTIONS[aksi].label, handlerOf(aksi));
  if (roles.some((r) => (LAYANAN.catat.roles as readonly string[]).includes(r))) {
    menu.addSeparator().addItem('Catat pengaduan (surat, telepon, kotak saran, …)', 'catatBaru');
  }
  menu.addSeparator().addItem('Buat ulang dokumen pengaduan terpilih', 'buatUlangDokumen');
  if (roles.includes('admin')) {
    menu.addSeparator().addSubMenu(
      ui
        .createMenu('Admin')
        .addItem('Siapkan spreadsheet, formulir, dan pemicu', 'siapkan')
        .addItem('Atur alamat layanan dokumen', 'aturLayananDokumen')
        .addItem('Jalankan pekerjaan harian sekarang', 'harian'),
    );
  }
  menu.addToUi();
}

/** Explains the empty menu. */
export function tentangAkses(): void {
  const ui = SpreadsheetApp.getUi();
  const email = currentUser() || '(e-mail Anda tidak terbaca)';
  ui.alert(
    'Akses menu Pengaduan',
    `${email} belum terdaftar di tab Peran. Menu hanya berisi tindakan peran Anda: ` +
      `${Object.values(PERAN_LABEL).join(', ')}. Minta Admin menambahkan e-mail Anda beserta perannya di tab Peran, lalu muat ulang spreadsheet.`,
    ui.ButtonSet.OK,
  );
}
