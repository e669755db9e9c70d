/**
 * Setup (Admin menu): the spreadsheet, the Google Form and the triggers, all from the schema.
 * Running it again on a sheet with data changes no data: tabs and columns that are missing are
 * added at the end (never reordered or removed), validation lists, protections and the SLA
 * colours are brought up to date, defaults fill only empty settings, and the Form and the
 * triggers are created only when they are not there yet.
 *
 * Protections: Google runs a menu's script as the person who clicked it, so a column only admins
 * may edit could not be written by the petugas's own "Periksa persyaratan" either. The system
 * columns and the history are therefore protected with a warning (Sheets asks anyone who types
 * there to confirm; the script's writes pass) and guarded by an installable onEdit trigger that
 * undoes a non-admin's typing there (penjaga.ts); the tabs only admins change (Peran,
 * Pengaturan, Libur) and the Form's raw responses are locked to admins and the owner.
 */
import {
  FORM,
  isAdminTab,
  isSystemColumn,
  isSystemTab,
  SETTINGS,
  STATUS_SLA,
  TABS,
  TAB_KEYS,
  type Column,
  type StatusSla,
  type Tab,
  type TabKey,
} from '../sheets-schema/index.js';
import { columnPositions } from '../core/table.js';
import { ZONE } from '../core/time.js';
import { loadContext, seedDefaults } from '../core/register.js';
import { DEFAULT_LIBUR } from '../sheets-schema/index.js';
import { currentUser, PROP, scriptProperty, setScriptProperty } from './env.js';
import { PLAIN_TEXT, SheetRegister, TEXT_FORMAT } from './register.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every protection Setup makes starts with this, so a second run finds and replaces its own. */
const PROTECTION_TAG = 'Pengaduan:';
const HEADER_BACKGROUND = '#dce6f1';

const SLA_COLOURS: Readonly<Record<StatusSla, string>> = {
  TEPAT_WAKTU: '#d9ead3',
  RAWAN: '#fce8b2',
  TERLAMBAT: '#f4c7c3',
  DIJEDA: '#e8eaed',
  SELESAI_TEPAT_WAKTU: '#b7e1cd',
  SELESAI_TERLAMBAT: '#e6b8af',
  KALENDER_TIDAK_TERSEDIA: '#f9cb9c',
};

function widthOf(c: Column): number {
  if (c.type === 'teks_panjang' || c.type === 'json') return 280;
  if (c.type === 'waktu') return 140;
  if (c.type === 'tanggal') return 100;
  return Math.min(220, Math.max(90, c.header.length * 8));
}

/** Brings one tab's header up to the schema; returns the headers added. */
function siapkanTab(ss: Spreadsheet, tab: Tab, report: string[]): { sheet: Sheet; positions: Map<string, number>; added: Column[] } {
  let sheet = ss.getSheetByName(tab.name);
  if (!sheet) {
    sheet = ss.insertSheet(tab.name);
    report.push(`Tab "${tab.name}" dibuat.`);
  }
  const width = sheet.getLastColumn();
  const header = width === 0 ? [] : (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h));
  const positions = columnPositions(tab, header);
  const added = tab.columns.filter((c) => !positions.has(c.key));
  if (added.length > 0) {
    const first = width + 1;
    const need = width + added.length;
    if (need > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), need - sheet.getMaxColumns());
    sheet.getRange(1, first, 1, added.length).setValues([added.map((c) => c.header)]);
    added.forEach((c, i) => positions.set(c.key, width + i));
    added.forEach((c, i) => {
      const col = first + i;
      sheet.setColumnWidth(col, widthOf(c));
      if (c.note) sheet.getRange(1, col).setNote(c.note);
      if (c.hidden) sheet.hideColumns(col);
    });
    if (width > 0) report.push(`Tab "${tab.name}": kolom ${added.map((c) => `"${c.header}"`).join(', ')} ditambahkan di ujung kanan.`);
  }
  const used = Math.max(width, ...[...positions.values()].map((i) => i + 1));
  const head = sheet.getRange(1, 1, 1, used);
  head.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return { sheet, positions, added };
}

/** Validation lists for choice columns, and plain-text format for admin-typed numbers. */
function siapkanValidasi(sheet: Sheet, tab: Tab, positions: ReadonlyMap<string, number>): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  for (const c of tab.columns) {
    const i = positions.get(c.key);
    if (i === undefined) continue;
    // The system's columns are filled through the menu; a dropdown there only invites typing.
    if (tab.key === 'pengaduan' && isSystemColumn(c)) continue;
    const values = c.type === 'ya_tidak' ? ['ya', 'tidak'] : c.type === 'pilihan' ? c.values : undefined;
    if (!values) continue;
    const rule = SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(false).setHelpText(`Pilih salah satu: ${values.join(', ')}.`).build();
    sheet.getRange(2, i + 1, rows, 1).setDataValidation(rule);
  }
  // Text stays text: an 18-digit NIP, a phone's leading zero, a citizen's "=…" (see register.ts).
  const plain = tab.key === 'pengaduan' ? tab.columns.filter((c) => c.type !== 'angka').map((c) => c.key) : (PLAIN_TEXT[tab.key as TabKey] ?? []);
  for (const key of plain) {
    const i = positions.get(key);
    if (i !== undefined) sheet.getRange(2, i + 1, rows, 1).setNumberFormat(TEXT_FORMAT);
  }
}

function protections(sheet: Sheet): GoogleAppsScript.Spreadsheet.Protection[] {
  return [
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ].filter((p) => p.getDescription().startsWith(PROTECTION_TAG));
}

/** Locks a protection to the owner and the admins. */
function adminsOnly(p: GoogleAppsScript.Spreadsheet.Protection, admins: readonly string[]): void {
  const me = Session.getEffectiveUser().getEmail();
  p.addEditors([...new Set([me, ...admins].filter((e) => e !== ''))]);
  const others = p.getEditors().map((u) => u.getEmail()).filter((e) => e !== me && !admins.includes(e));
  if (others.length > 0) p.removeEditors(others);
  if (p.canDomainEdit()) p.setDomainEdit(false);
}

function siapkanProteksi(sheet: Sheet, tab: Tab, positions: ReadonlyMap<string, number>, admins: readonly string[]): void {
  for (const p of protections(sheet)) p.remove();
  if (isAdminTab(tab)) {
    adminsOnly(sheet.protect().setDescription(`${PROTECTION_TAG} hanya admin yang mengubah tab ${tab.name}`), admins);
    return;
  }
  if (isSystemTab(tab)) {
    sheet.protect().setDescription(`${PROTECTION_TAG} tab ${tab.name} diisi sistem; jangan diubah`).setWarningOnly(true);
    return;
  }
  // The register: the header row, and each run of adjacent system columns.
  const rows = sheet.getMaxRows();
  sheet.getRange(1, 1, 1, sheet.getLastColumn()).protect().setDescription(`${PROTECTION_TAG} judul kolom; sistem mencari kolom menurut judulnya`).setWarningOnly(true);
  const system = tab.columns.filter(isSystemColumn).map((c) => positions.get(c.key)).filter((i): i is number => i !== undefined).sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= system.length; i++) {
    if (i < system.length && system[i] === (system[i - 1] ?? 0) + 1) continue;
    const first = system[start] ?? 0;
    const count = i - start;
    sheet
      .getRange(2, first + 1, rows - 1, count)
      .protect()
      .setDescription(`${PROTECTION_TAG} kolom sistem; isi lewat menu Pengaduan`)
      .setWarningOnly(true);
    start = i;
  }
}

/** The SLA colours on the "Status SLA" column; rules others added elsewhere are kept. */
function siapkanWarna(sheet: Sheet, positions: ReadonlyMap<string, number>): void {
  const i = positions.get('status_sla');
  if (i === undefined) return;
  const range = sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1);
  const kept = sheet.getConditionalFormatRules().filter((r) => !r.getRanges().every((g) => g.getColumn() === i + 1 && g.getNumColumns() === 1));
  const ours = STATUS_SLA.map((s) => SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(s).setBackground(SLA_COLOURS[s]).setRanges([range]).build());
  sheet.setConditionalFormatRules([...kept, ...ours]);
}

/** Settings, holidays and the first admin, only where missing. */
function siapkanIsi(ss: Spreadsheet, report: string[]): string[] {
  const book = new SheetRegister(ss);
  const pengaturan = book.table('pengaturan');
  const libur = book.table('libur');
  const peran = book.table('peran');
  const settingsEmpty = pengaturan.rows().length === 0;
  if (settingsEmpty && libur.rows().length === 0) {
    seedDefaults(book);
    report.push(`Pengaturan bawaan dan ${DEFAULT_LIBUR.length} hari libur ${DEFAULT_LIBUR[0]?.tanggal.slice(0, 4) ?? ''}–${DEFAULT_LIBUR[DEFAULT_LIBUR.length - 1]?.tanggal.slice(0, 4) ?? ''} diisi.`);
  } else {
    const have = new Set(pengaturan.columnValues('kunci'));
    const missing = SETTINGS.filter((s) => !have.has(s.key));
    for (const s of missing) pengaturan.append({ kunci: s.key, nilai: s.default, keterangan: `${s.label}. ${s.help}` }, ['admin']);
    if (missing.length > 0) report.push(`Pengaturan baru ditambahkan: ${missing.map((s) => s.key).join(', ')}.`);
    if (libur.rows().length === 0) {
      for (const h of DEFAULT_LIBUR) libur.append({ tanggal: h.tanggal, nama: h.nama, jenis: h.jenis }, ['admin']);
      report.push(`${DEFAULT_LIBUR.length} hari libur bawaan diisi.`);
    }
  }
  const me = currentUser() || Session.getEffectiveUser().getEmail().toLowerCase();
  const admins = peran
    .rows()
    .filter((r) => String(r.values.peran) === 'admin' && String(r.values.aktif ?? '').toLowerCase() !== 'tidak')
    .map((r) => String(r.values.email).trim().toLowerCase());
  if (admins.length === 0 && me !== '') {
    peran.append({ email: me, peran: 'admin', nama: me, aktif: 'ya' }, ['admin']);
    admins.push(me);
    report.push(`${me} didaftarkan sebagai Admin sistem di tab Peran. Tambahkan petugas dan pejabat lain di sana.`);
  }
  book.commit();
  return admins;
}

function questionItem(form: GoogleAppsScript.Forms.Form, q: (typeof FORM.sections)[number]['questions'][number]): void {
  if (q.type === 'LIST') {
    form.addListItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required).setChoiceValues([...(q.choices ?? [])]);
    return;
  }
  if (q.type === 'PARAGRAPH_TEXT') {
    const item = form.addParagraphTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
    if (q.maxLength) {
      item.setValidation(
        FormApp.createParagraphTextValidation().setHelpText(`Paling banyak ${q.maxLength} karakter.`).requireTextLengthLessThanOrEqualTo(q.maxLength).build(),
      );
    }
    return;
  }
  const item = form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
  const v = FormApp.createTextValidation();
  if (q.validation === 'email') v.setHelpText('Tulis alamat e-mail yang benar, misalnya nama@contoh.com.').requireTextIsEmail();
  else if (q.validation === 'telepon') v.setHelpText('Tulis nomor telepon Indonesia, misalnya 081234567890.').requireTextMatchesPattern('^(\\+62|62|0)[0-9 .()-]{7,16}$');
  else if (q.validation === 'nik') v.setHelpText('NIK terdiri dari 16 digit angka.').requireTextMatchesPattern('^[0-9]{16}$');
  else if (q.maxLength) v.setHelpText(`Paling banyak ${q.maxLength} karakter.`).requireTextLengthLessThanOrEqualTo(q.maxLength);
  else return;
  item.setValidation(v.build());
}

/** Creates the Form from the schema, linked to the spreadsheet. */
function buatFormulir(ss: Spreadsheet): GoogleAppsScript.Forms.Form {
  const form = FormApp.create(FORM.title);
  form.setDescription(`${FORM.description}\n\n${FORM.privacy}`).setConfirmationMessage(FORM.confirmation).setCollectEmail(false).setAllowResponseEdits(false).setProgressBar(true);
  FORM.sections.forEach((section, i) => {
    if (i === 0) form.addSectionHeaderItem().setTitle(section.title).setHelpText(section.help);
    else form.addPageBreakItem().setTitle(section.title).setHelpText(section.help);
    for (const q of section.questions) questionItem(form, q);
  });
  form.addCheckboxItem().setTitle(FORM.consent.title).setChoiceValues([FORM.consent.text]).setRequired(FORM.consent.required);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  return form;
}

/** Forms made through the API since 2026 start unpublished: nobody could open the link. */
type Terbit = GoogleAppsScript.Forms.Form & { isPublished(): boolean; setPublished(published: boolean): GoogleAppsScript.Forms.Form };

function terbitkan(form: GoogleAppsScript.Forms.Form, report: string[]): void {
  const f = form as Terbit;
  if (!f.isPublished()) {
    f.setPublished(true);
    report.push('Formulir diterbitkan, sehingga dapat diisi masyarakat.');
  }
  if (!form.isAcceptingResponses()) report.push('Perhatian: formulir sedang tidak menerima jawaban (Formulir → Jawaban → Menerima jawaban).');
}

function siapkanFormulir(ss: Spreadsheet, report: string[]): GoogleAppsScript.Forms.Form {
  const id = scriptProperty(PROP.formId);
  if (id !== '') {
    try {
      const form = FormApp.openById(id);
      report.push(`Formulir sudah ada: ${form.getPublishedUrl()}`);
      terbitkan(form, report);
      return form;
    } catch {
      report.push('Formulir yang tercatat tidak dapat dibuka (terhapus?); formulir baru dibuat.');
    }
  }
  const form = buatFormulir(ss);
  setScriptProperty(PROP.formId, form.getId());
  terbitkan(form, []);
  report.push(`Formulir dibuat: ${form.getPublishedUrl()} (sunting: ${form.getEditUrl()}). Bagikan tautan pertama kepada masyarakat.`);
  return form;
}

/** The form-submit trigger, the guard of the system columns and the daily trigger, each once. */
function siapkanPemicu(form: GoogleAppsScript.Forms.Form, report: string[]): void {
  // Apps Script shows each person only their own triggers: a second admin would install a second
  // set (every reminder twice). The first installer's account is remembered and kept.
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const owner = scriptProperty(PROP.pemicuOleh);
  if (owner !== '' && owner !== me) {
    report.push(`Pemicu (formulir, penjaga kolom, harian) dipasang oleh ${owner} dan tetap berjalan atas nama akun itu; tidak dipasang lagi. Bila akun itu tidak dipakai lagi, minta pemiliknya menghapus pemicunya (Apps Script → Pemicu), kosongkan properti ${PROP.pemicuOleh}, lalu jalankan Siapkan.`);
    return;
  }
  setScriptProperty(PROP.pemicuOleh, me);
  const triggers = ScriptApp.getProjectTriggers();
  const has = (fn: string, check: (t: GoogleAppsScript.Script.Trigger) => boolean): boolean => triggers.some((t) => t.getHandlerFunction() === fn && check(t));
  for (const t of triggers) {
    // A submit trigger left from a Form that was replaced would fire for nothing.
    if (t.getHandlerFunction() === 'onFormSubmit' && t.getTriggerSourceId() !== form.getId()) ScriptApp.deleteTrigger(t);
  }
  if (!has('onFormSubmit', (t) => t.getTriggerSourceId() === form.getId())) {
    ScriptApp.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
    report.push('Pemicu kiriman formulir dipasang.');
  }
  if (!has('penjagaKolom', (t) => t.getEventType() === ScriptApp.EventType.ON_EDIT)) {
    ScriptApp.newTrigger('penjagaKolom').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    report.push('Penjaga kolom sistem dipasang: ketikan langsung di kolom sistem oleh selain admin dibatalkan.');
  }
  if (!has('harian', (t) => t.getEventType() === ScriptApp.EventType.CLOCK)) {
    ScriptApp.newTrigger('harian').timeBased().everyDays(1).atHour(6).inTimezone(ZONE).create();
    report.push('Pemicu harian (pukul 06.00 WIB: dokumen tertunda, kiriman formulir yang terlewat, pengingat) dipasang.');
  }
}

/** Setup as a whole; returns the report shown to the admin. */
export function siapkanSemua(ss: Spreadsheet): string[] {
  const report: string[] = [];
  if (ss.getSpreadsheetTimeZone() !== ZONE) {
    ss.setSpreadsheetTimeZone(ZONE);
    report.push(`Zona waktu spreadsheet diatur ke ${ZONE} (WIB).`);
  }
  const prepared = TAB_KEYS.map((key) => ({ key, tab: TABS[key], ...siapkanTab(ss, TABS[key], report) }));
  for (const p of prepared) {
    // Lists help where people type; the tabs only the system writes need none.
    if (!isSystemTab(p.tab)) siapkanValidasi(p.sheet, p.tab, p.positions);
    if (p.key === 'pengaduan' || p.key === 'dasbor') siapkanWarna(p.sheet, p.positions);
  }
  const admins = siapkanIsi(ss, report);
  for (const p of prepared) siapkanProteksi(p.sheet, p.tab, p.positions, admins);
  const register = prepared.find((p) => p.key === 'pengaduan');
  if (register) setScriptProperty(PROP.barisTerlindungi, String(register.sheet.getMaxRows()));
  const form = siapkanFormulir(ss, report);
  // The Form's own responses tab holds the citizens' raw answers: admins only.
  for (const sheet of ss.getSheets()) {
    if (sheet.getFormUrl() && protections(sheet).length === 0) {
      adminsOnly(sheet.protect().setDescription(`${PROTECTION_TAG} jawaban asli formulir; hanya admin`), admins);
    }
  }
  siapkanPemicu(form, report);
  const ctx = loadContext(new SheetRegister(ss));
  if (ctx.warnings.length > 0) report.push(...ctx.warnings.map((w) => `Perhatian: ${w}`));
  if (report.length === 0) report.push('Semua sudah siap; tidak ada yang perlu ditambahkan.');
  return report;
}


/**
 * The register's lists, colours and protections cover the rows it had when they were made; when
 * it has grown past them (rows added for new complaints), the daily run extends them. Returns
 * what it did.
 */
export function perluasRegister(ss: Spreadsheet): string[] {
  const sheet = ss.getSheetByName(TABS.pengaduan.name);
  if (!sheet) return [];
  const covered = Number(scriptProperty(PROP.barisTerlindungi)) || 0;
  const rows = sheet.getMaxRows();
  if (rows <= covered) return [];
  const width = sheet.getLastColumn();
  const positions = columnPositions(TABS.pengaduan, (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h)));
  const admins = [...loadContext(new SheetRegister(ss)).staff.values()].filter((m) => m.roles.includes('admin')).map((m) => m.email);
  siapkanValidasi(sheet, TABS.pengaduan, positions);
  siapkanWarna(sheet, positions);
  siapkanProteksi(sheet, TABS.pengaduan, positions, admins);
  setScriptProperty(PROP.barisTerlindungi, String(rows));
  return [`Daftar pilihan, warna SLA, dan perlindungan kolom sistem diperluas sampai baris ${rows}.`];
}
