/**
 * What goes wrong in a real office and must not break the register: a sort while an action runs,
 * a paste over a system cell, a second admin running Setup, the daily run called by hand or twice,
 * an answer from the function lost on the way back, a Form response reported or deleted, a
 * register that grew past its protections, and what reaches the logs and the mail headers.
 */
import { describe, expect, it } from 'vitest';
import { berkasColumn, TABS } from '../../sheets-schema/index.js';
import { dayFromIso, wibInstant } from '../../core/time.js';
import { answers, daily, DOKUMEN_URL, formId, NOW, office, register, STAFF, submit } from './fixture.js';
import { sheetValues } from './harness.js';

const col = (key: string): number => TABS.pengaduan.columns.findIndex((c) => c.key === key) + 1;
const TANDA_TERIMA = TABS.pengaduan.columns.find((c) => c.key === berkasColumn('tanda_terima'))?.header ?? '';

describe('the register changing under an action', () => {
  it('a sort between finding the complaint and reading its row: nothing is saved, the user is told to repeat', async () => {
    const o = await office();
    submit(o);
    submit(o, { nama_pelapor: 'Budi Santoso' });
    const [first, second] = register(o).map((r) => String(r['Nomor Registrasi']));
    const before = JSON.stringify(sheetValues(o.s, 'Pengaduan'));
    const sheet = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pengaduan');
    if (!sheet) throw new Error('no Pengaduan');
    let sorted = false;
    o.s.spy((call, _args, result) => {
      // Right after the script read the column of numbers, someone sorts rows 2 and 3 the other way round.
      const column = result as unknown[][];
      if (sorted || call !== 'Range.getValues' || column.length !== 2 || column[0]?.length !== 1 || column[0][0] !== first) return;
      sorted = true;
      const width = sheet.getLastColumn();
      const [a = [], b = []] = sheet.getRange(2, 1, 2, width).getValues();
      sheet.getRange(2, 1, 2, width).setValues([b, a]);
    });
    o.s.as(STAFF.petugas);
    const r = o.s.call('kirimAksi', { aksi: 'periksa', nomor: first, masukan: { persyaratan: ['surat_ditandatangani'] } });
    expect(sorted).toBe(true);
    expect(r).toMatchObject({ ok: false, kode: 'REGISTER_BERUBAH' });
    // Both complaints are as they were, only in the other order.
    const rows = register(o);
    expect(rows.map((x) => x['Nomor Registrasi'])).toEqual([second, first]);
    expect(rows.every((x) => x.Status === 'DITERIMA')).toBe(true);
    expect(JSON.stringify(sheetValues(o.s, 'Pengaduan'))).not.toBe(before);
    expect(o.s.fakes.state.heldLocks).toEqual([]);
  });

  it('a paste over one system cell cannot be undone from the event: it is left and the admins are told', async () => {
    const o = await office();
    submit(o);
    const ss = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = ss.getSheetByName('Pengaduan')?.getRange(2, col('status'));
    range?.setValue('SELESAI');
    const mails = o.s.fakes.state.mails.length;
    o.s.call('penjagaKolom', { range, source: ss, user: { getEmail: () => STAFF.petugas }, triggerUid: '1', authMode: 'FULL' });
    expect(register(o)[0]?.Status).toBe('SELESAI');
    expect(o.s.fakes.state.mails.slice(mails).map((m) => m.subject)).toEqual([`Kolom sistem register diubah langsung (Pengaduan!${range?.getA1Notation() ?? ''})`]);
  });
});

describe('Setup and the daily run', () => {
  it('publishes the Form, and a second admin running Setup installs no second set of triggers', async () => {
    const o = await office();
    expect(o.s.fakes.state.forms[0]?.published).toBe(true);
    const peran = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Peran');
    peran?.appendRow(['admin2@kantor.go.id', 'admin', 'Admin Kedua', '', 'Admin', 'ya']);
    o.s.as('admin2@kantor.go.id');
    o.s.call('siapkan');
    expect(o.s.fakes.state.triggers).toHaveLength(3);
    expect(o.s.fakes.state.alerts.at(-1)?.prompt).toContain(`dipasang oleh ${STAFF.admin}`);
  });

  it('the daily run by hand is for admins; an invented trigger event does not pass', async () => {
    const o = await office();
    o.s.as(STAFF.petugas);
    o.s.call('harian');
    expect(o.s.fakes.state.alerts.at(-1)?.prompt).toMatch(/hanya dapat dilakukan oleh Admin/);
    expect(() => o.s.call('harian', { triggerUid: 'karangan' })).toThrow(/hanya dapat dilakukan oleh Admin/);
    o.s.as(STAFF.admin);
    o.s.call('harian');
    expect(o.s.fakes.state.alerts.at(-1)?.title).toBe('Pekerjaan harian');
  });

  it('reminds each role once a day of its complaints at risk, however often the daily run goes', async () => {
    const o = await office();
    submit(o);
    o.s.setNow(wibInstant(dayFromIso('2026-12-01'), 6, 0)); // 2 working days left
    daily(o);
    daily(o);
    const reminders = o.s.fakes.state.mails.filter((m) => m.subject.startsWith('Pengingat:'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.to).toEqual([STAFF.petugas]);
    expect(reminders[0]?.body).toContain('sisa 2 hari kerja');
    o.s.setNow(wibInstant(dayFromIso('2026-12-02'), 6, 0));
    daily(o);
    expect(o.s.fakes.state.mails.filter((m) => m.subject.startsWith('Pengingat:'))).toHaveLength(2);
  });

  it('extends the lists, colours and protections to rows the register grew into', async () => {
    const o = await office();
    const sheet = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pengaduan');
    if (!sheet) throw new Error('no Pengaduan');
    const covered = sheet.getMaxRows();
    sheet.insertRowsAfter(covered, 500);
    daily(o);
    const ranges = o.s.fakes.state.sheet('Pengaduan').protections.filter((p) => p.description.includes('kolom sistem'));
    expect(ranges.length).toBeGreaterThan(0);
    for (const p of ranges) expect(p.range).toMatch(new RegExp(`^[A-Z]+2:[A-Z]+${covered + 500}$`));
  });
});

describe('the dokumen function and the Form, when things go half wrong', () => {
  it('an answer lost on the way back does not overwrite the link the function wrote', async () => {
    const o = await office();
    submit(o);
    const nomor = String(register(o)[0]?.['Nomor Registrasi']);
    const link = 'https://drive.google.com/file/d/tanda-terima-baru/view';
    const sheet = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pengaduan');
    o.s.fakes.state.fetchHandler = (r) => {
      if (r.url !== DOKUMEN_URL) throw new Error('unexpected');
      // The function made the documents and wrote their links, but its answer never arrived.
      sheet?.getRange(2, col(berkasColumn('tanda_terima'))).setValue(link);
      sheet?.getRange(2, col(berkasColumn('lembar_pengaduan'))).setValue(link);
      throw Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' });
    };
    o.s.as(STAFF.petugas);
    const r = o.s.call('kirimAksi', { aksi: 'periksa', nomor, masukan: { persyaratan: ['surat_ditandatangani'] } });
    expect(r).toMatchObject({ ok: true });
    expect(register(o)[0]?.[TANDA_TERIMA]).toBe(link);
  });

  it('a Form response that cannot be registered is reported once, not every morning', async () => {
    const o = await office();
    const ev = o.s.fakes.submitForm(formId(o), answers({ telepon_pelapor: '', email_pelapor: '', alamat_pelapor: '' }), { timestamp: new Date(NOW) });
    o.s.call('onFormSubmit', ev);
    daily(o);
    o.s.setNow(NOW + 86_400_000);
    daily(o);
    expect(o.s.fakes.state.mails.filter((m) => m.subject === 'Pengaduan dari formulir online belum tercatat')).toHaveLength(1);
  });

  it('a complaint deleted from the register (spam) is not registered again from the Form', async () => {
    const o = await office();
    submit(o);
    const sheet = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pengaduan');
    sheet?.getRange(2, 1, 1, sheet.getLastColumn()).clearContent();
    daily(o);
    expect(register(o).filter((r) => r['Nomor Registrasi'])).toHaveLength(0);
  });
});

describe('what leaves the script', () => {
  it('keeps the complainant\'s address out of the logs, and puts the office\'s address in Reply-To', async () => {
    const o = await office();
    const ss = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet();
    const pengaturan = ss.getSheetByName('Pengaturan');
    const keys = (pengaturan?.getRange(1, 1, pengaturan.getLastRow(), 1).getValues() ?? []).map((r) => String(r[0]));
    pengaturan?.getRange(keys.indexOf('email') + 1, 2).setValue('pengaduan@dpmptsp.payakumbuhkota.go.id');
    submit(o);
    expect(o.s.console.join('\n')).toContain('dicatat dari formulir');
    expect(o.s.console.join('\n')).not.toContain('siti.rahmah@contoh.id');
    const receipt = o.s.fakes.state.mails.find((m) => m.to.includes('siti.rahmah@contoh.id'));
    expect(receipt?.replyTo).toBe('pengaduan@dpmptsp.payakumbuhkota.go.id');
  });
});
