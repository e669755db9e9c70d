import { describe, expect, it } from 'vitest';
import { TABS, TAB_KEYS, FORM_QUESTIONS, FORM } from '../../sheets-schema/index.js';
import { loadScript, sheetRecords, sheetValues } from './harness.js';
import { office, register, STAFF, submit } from './fixture.js';

const ADMIN = 'admin@kantor.go.id';

describe('Setup (Admin → Siapkan)', () => {
  it('builds every tab, the Form and the triggers on an empty spreadsheet', async () => {
    const s = await loadScript({ activeUser: ADMIN, effectiveUser: ADMIN, owner: ADMIN });
    s.call('siapkan');
    const st = s.fakes.state;
    for (const key of TAB_KEYS) {
      const tab = TABS[key];
      const sheet = st.sheet(tab.name);
      expect(sheetValues(s, tab.name)[0]?.slice(0, tab.columns.length)).toEqual(tab.columns.map((c) => c.header));
      expect(sheet.frozenRows).toBe(1);
    }
    expect(st.alerts.at(-1)?.title).toBe('Spreadsheet siap');
    expect(st.forms).toHaveLength(1);
    const form = st.forms[0];
    expect(form?.title).toBe(FORM.title);
    const titles = form?.items.map((i) => i.title) ?? [];
    for (const q of FORM_QUESTIONS) expect(titles).toContain(q.title);
    expect(st.triggers.map((t) => t.handlerFunction).sort()).toEqual(['harian', 'onFormSubmit', 'penjagaKolom']);
    const peran = sheetRecords(s, 'Peran');
    expect(peran).toHaveLength(1);
    expect(peran[0]?.['E-mail']).toBe(ADMIN);
  });
});

describe('Setup on a register already in use', () => {
  it('changes no data, adds only what is missing, and makes no second Form, trigger or protection', async () => {
    const o = await office();
    submit(o);
    submit(o, { nama_pelapor: 'Budi Santoso' });
    const ss = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet();
    // A person added a column of their own and typed in it; another renamed the staff's notes column.
    const sheet = ss.getSheetByName('Pengaduan');
    if (!sheet) throw new Error('no Pengaduan tab');
    const width = sheet.getLastColumn();
    if (sheet.getMaxColumns() <= width) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, width + 1, 3, 1).setValues([['Catatan Kepala Bidang'], ['tindak cepat'], ['']]);
    const catatanCol = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).indexOf('Catatan Staf') + 1;
    sheet.getRange(1, catatanCol).setValue('Catatan Lama');
    const before = Object.fromEntries(TAB_KEYS.map((k) => [k, sheetValues(o.s, TABS[k].name)]));
    const protections = (name: string): number => o.s.fakes.state.sheet(name).protections.length;
    const counts = TAB_KEYS.map((k) => protections(TABS[k].name));
    o.s.as(STAFF.admin);
    o.s.call('siapkan');
    const report = o.s.fakes.state.alerts.at(-1)?.prompt ?? '';
    expect(report).toContain('"Catatan Staf" ditambahkan di ujung kanan');
    expect(report).toContain('Formulir sudah ada');
    for (const k of TAB_KEYS) {
      const after = sheetValues(o.s, TABS[k].name);
      const was = before[k] ?? [];
      // Every value that was there is still there, in its place; only new columns at the right.
      was.forEach((row, r) => row.forEach((v, c) => expect(after[r]?.[c], `${TABS[k].name} R${r + 1}C${c + 1}`).toEqual(v)));
    }
    expect(sheetValues(o.s, 'Pengaduan')[0]?.at(-1)).toBe('Catatan Staf');
    expect(sheetValues(o.s, 'Pengaduan')[0]?.[catatanCol - 1]).toBe('Catatan Lama');
    expect(o.s.fakes.state.forms).toHaveLength(1);
    expect(o.s.fakes.state.triggers).toHaveLength(3);
    expect(TAB_KEYS.map((k) => protections(TABS[k].name))).toEqual(counts);
    // The register still works after Setup moved the column.
    o.s.as(STAFF.petugas);
    const nomor = String(register(o)[0]?.['Nomor Registrasi']);
    expect(o.s.call('kirimAksi', { aksi: 'periksa', nomor, masukan: { persyaratan: ['surat_ditandatangani'] } })).toMatchObject({ ok: true });
    expect(sheetValues(o.s, 'Pengaduan')[1]?.[width]).toBe('tindak cepat');
  });

  it('protects what the system writes, locks the admin tabs, lists choices and colours the SLA state', async () => {
    const o = await office();
    const pengaduan = o.s.fakes.state.sheet('Pengaduan');
    const ranges = pengaduan.protections.filter((p) => p.type === 'RANGE');
    expect(ranges.every((p) => p.warningOnly)).toBe(true);
    expect(ranges.some((p) => p.description.includes('kolom sistem'))).toBe(true);
    const peran = o.s.fakes.state.sheet('Peran').protections;
    expect(peran).toHaveLength(1);
    expect(peran[0]).toMatchObject({ type: 'SHEET', warningOnly: false });
    expect(peran[0]?.editors).toEqual(expect.arrayContaining([STAFF.admin]));
    expect(o.s.fakes.state.sheet('Riwayat').protections[0]).toMatchObject({ type: 'SHEET', warningOnly: true });
    const at = (key: string): number => TABS.pengaduan.columns.findIndex((c) => c.key === key) + 1;
    // Lists where people type (the complaint's area); none on the system's own columns.
    expect(pengaduan.validations.get(`2,${at('kecamatan')}`)?.values[0]).toEqual(expect.arrayContaining(['Payakumbuh Barat']));
    expect(pengaduan.validations.get(`2,${at('status')}`)).toBeUndefined();
    // Text columns are plain text, so a phone's zero or an 18-digit number survives typing.
    expect(pengaduan.numberFormats.get(`2,${at('telepon_pelapor')}`)).toBe('@');
    expect(pengaduan.numberFormats.get(`2,${at('hari_kerja_sisa')}`)).toBeUndefined();
    expect(pengaduan.conditionalFormatRules.map((r) => r.values[0])).toEqual(expect.arrayContaining(['TERLAMBAT', 'RAWAN']));
    expect(o.s.fakes.state.timeZone).toBe('Asia/Jakarta');
    const form = o.s.fakes.state.forms[0];
    expect(form?.description).toContain(FORM.privacy);
    expect(form?.confirmationMessage).toBe(FORM.confirmation);
    expect(form?.destination?.id).toBe(o.s.fakes.state.spreadsheet.id);
    const consent = form?.items.find((i) => i.title === FORM.consent.title);
    expect(consent).toMatchObject({ type: 'CHECKBOX', required: true });
    expect(form?.items.find((i) => i.title === 'NIK')?.validation).toBeTruthy();
    const responses = Object.values(o.s.fakes.state.sheets).find((sh) => sh.formUrl);
    expect(responses?.protections[0]).toMatchObject({ warningOnly: false });
  });
});
