/**
 * Intake in the built Apps Script: the Form's submit trigger (idempotent, literal text, numbers in
 * order, a locked register or an invalid answer never losing the submission), "Catat pengaduan"
 * for the other channels, and the `dokumen` function being unreachable (the complaint is
 * registered, the receipt TERTUNDA, the daily trigger makes and mails it).
 */
import { describe, expect, it } from 'vitest';
import { berkasColumn, TABS } from '../../sheets-schema/index.js';
import { formId, history, office, register, STAFF, submit, answers, NOW, daily } from './fixture.js';
import { dialogModel } from './harness.js';

const header = (key: string): string => TABS.pengaduan.columns.find((c) => c.key === key)?.header ?? key;
const TANDA_TERIMA = header(berkasColumn('tanda_terima'));

describe('the Form', () => {
  it('keeps what a citizen typed as text: formulas, leading zeros, dates, numbers', async () => {
    const o = await office();
    submit(o, {
      nama_pelapor: '+SUM(1,2)',
      nik_pelapor: '1376011203800001',
      telepon_pelapor: '0812 6611 0001',
      isi_pengaduan: '@import 2026-12-01 10:00 =HYPERLINK("http://evil")',
      harapan: '-1',
    });
    const row = register(o)[0] ?? {};
    expect(row['Nama Pelapor']).toBe('+SUM(1,2)');
    expect(row['NIK Pelapor']).toBe('1376011203800001');
    expect(row['Telepon/WhatsApp Pelapor']).toBe('081266110001');
    expect(row['Isi Pengaduan']).toBe('@import 2026-12-01 10:00 =HYPERLINK("http://evil")');
    expect(row['Harapan Pelapor']).toBe('-1');
    expect(row.Kanal).toBe('formulir_online');
  });

  it('two submissions get consecutive numbers; a trigger firing twice registers one', async () => {
    const o = await office();
    const first = submit(o);
    submit(o, { nama_pelapor: 'Budi Santoso', email_pelapor: 'budi@contoh.id' });
    o.s.call('onFormSubmit', first);
    const numbers = register(o).map((r) => r['Nomor Registrasi']);
    expect(numbers).toEqual(['PGD-2026-0001', 'PGD-2026-0002']);
    expect(history(o)).toHaveLength(2);
  });

  it('allocates the number and appends the row only while holding the script lock, and calls the function after releasing it', async () => {
    const o = await office();
    o.s.fakes.calls.reset();
    submit(o);
    const log = o.s.fakes.calls.log;
    const acquire = log.indexOf('Lock.waitLock');
    const release = log.indexOf('Lock.releaseLock');
    expect(acquire).toBeGreaterThanOrEqual(0);
    expect(release).toBeGreaterThan(acquire);
    const firstWrite = log.findIndex((c) => c === 'Range.setValues');
    const lastWrite = log.lastIndexOf('Range.setValues');
    const firstRead = log.findIndex((c) => c === 'Range.getValues');
    // The register is read and written inside the lock (the TERTUNDA note would take it again).
    expect(firstRead).toBeGreaterThan(acquire);
    expect(firstWrite).toBeGreaterThan(acquire);
    expect(lastWrite).toBeLessThan(release);
    // The slow call to the function happens after the lock is released.
    expect(log.indexOf('UrlFetchApp.fetch')).toBeGreaterThan(release);
  });

  it('releases the lock when registering fails midway', async () => {
    const o = await office();
    const ss = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet();
    // Someone gave two columns of the history the same header: the history cannot be written.
    ss.getSheetByName('Riwayat')?.getRange('B1').setValue('Waktu (WIB)');
    const ev = o.s.fakes.submitForm(formId(o), answers(), { timestamp: new Date(NOW) });
    expect(() => o.s.call('onFormSubmit', ev)).toThrow(/dua kolom berjudul "Waktu \(WIB\)"/);
    expect(o.s.fakes.state.heldLocks).toEqual([]);
    expect(register(o)).toHaveLength(0);
  });

  it('a submission the trigger could not register (register locked) is registered by the daily run, once', async () => {
    const o = await office();
    o.s.fakes.state.lockContended = true;
    const ev = o.s.fakes.submitForm(formId(o), answers(), { timestamp: new Date(NOW) });
    expect(() => o.s.call('onFormSubmit', ev)).toThrow(/Register sedang dipakai/);
    o.s.fakes.state.lockContended = false;
    expect(register(o)).toHaveLength(0);
    daily(o);
    daily(o);
    expect(register(o)).toHaveLength(1);
    expect(register(o)[0]?.['ID Respons Formulir']).toBe(ev.response.getId());
    // The complainant still gets the receipt with the number and access code.
    expect(o.s.fakes.state.mails.filter((m) => m.to.includes('siti.rahmah@contoh.id'))).toHaveLength(1);
  });

  it('an answer the register cannot take is not registered, and the petugas is told why', async () => {
    const o = await office();
    // No way to reach the complainant: no phone, e-mail or address.
    const ev = o.s.fakes.submitForm(formId(o), answers({ telepon_pelapor: '', email_pelapor: '', alamat_pelapor: '' }), { timestamp: new Date(NOW) });
    o.s.call('onFormSubmit', ev);
    expect(register(o)).toHaveLength(0);
    const note = o.s.fakes.state.mails.find((m) => m.subject === 'Pengaduan dari formulir online belum tercatat');
    expect(note?.to).toEqual(expect.arrayContaining([STAFF.petugas]));
    expect(note?.body).toContain('Kontak pelapor');
    expect(note?.body).toContain(ev.response.getId());
  });

  it('when the dokumen function cannot be reached, the complaint is registered and its receipt follows the next morning', async () => {
    const o = await office();
    o.dokumenMode = 'down';
    submit(o);
    const row = register(o)[0] ?? {};
    expect(row.Status).toBe('DITERIMA');
    expect(String(row[TANDA_TERIMA])).toMatch(/^TERTUNDA: Layanan dokumen tidak dapat dihubungi/);
    const first = o.s.fakes.state.mails.find((m) => m.to.includes('siti.rahmah@contoh.id'));
    expect(first?.body).toContain('akan kami kirim menyusul');
    expect(first?.attachments).toEqual([]);

    o.dokumenMode = 'ok';
    daily(o);
    const retry = o.dokumenCalls.at(-1);
    expect(retry).toMatchObject({ nomor: row['Nomor Registrasi'], lampiran: true });
    expect(retry?.jenis).toEqual(['tanda_terima', 'lembar_pengaduan']);
    const second = o.s.fakes.state.mails.filter((m) => m.to.includes('siti.rahmah@contoh.id')).at(-1);
    expect(second?.attachments).toEqual([`${String(row['Nomor Registrasi'])}_tanda-terima.docx`]);
  });

  it('a refusal by the function is not retried forever: the note says what to fix', async () => {
    const o = await office();
    o.dokumenMode = 'busy';
    submit(o);
    o.dokumenMode = 'refuse';
    daily(o);
    expect(String(register(o)[0]?.[TANDA_TERIMA])).toMatch(/^GAGAL DIBUAT: Layanan dokumen menolak akses/);
    const calls = o.dokumenCalls.length;
    daily(o);
    expect(o.dokumenCalls.length).toBe(calls);
  });
});

describe('Catat pengaduan (other channels)', () => {
  const sp4n = {
    kanal: 'sp4n_lapor',
    nomor_lapor: 'LAPOR-20261124-0042',
    nama_pelapor: 'Rahmat Hidayat',
    email_pelapor: 'rahmat.h@contoh.id',
    isi_pengaduan: 'Izin usaha toko di sebelah rumah saya dipertanyakan.',
  };

  it('opens a dialog with the intake fields, without the online form as a channel', async () => {
    const o = await office();
    o.s.as(STAFF.petugas);
    o.s.call('catatBaru');
    const model = dialogModel(o.s.fakes.state.dialogs.at(-1)?.content);
    const kolom = model.kolom as { key: string; options?: string[] }[];
    expect(kolom.find((k) => k.key === 'kanal')?.options).not.toContain('formulir_online');
    expect(kolom.map((k) => k.key)).toContain('nomor_lapor');
    expect(kolom.map((k) => k.key)).not.toContain('id_respons_formulir');
  });

  it('registers an SP4N-LAPOR! complaint with its tracking ID, and refuses the same ticket twice', async () => {
    const o = await office();
    o.s.as(STAFF.petugas);
    const r = o.s.call('catatPengaduan', sp4n) as { ok: boolean; nomor: string; pesan: string };
    expect(r.ok).toBe(true);
    expect(r.pesan).toMatch(/PGD-2026-0001/);
    const row = register(o)[0] ?? {};
    expect(row).toMatchObject({ Kanal: 'sp4n_lapor', 'Nomor Tiket SP4N-LAPOR!': 'LAPOR-20261124-0042', 'Dicatat Oleh': STAFF.petugas });
    const again = o.s.call('catatPengaduan', sp4n);
    expect(again).toMatchObject({ ok: false, kode: 'PENGADUAN_GANDA' });
    expect(register(o)).toHaveLength(1);
  });

  it('refuses the online-form channel, people without the right role, and bad data, registering nothing', async () => {
    const o = await office();
    o.s.as(STAFF.petugas);
    expect(o.s.call('catatPengaduan', { ...sp4n, kanal: 'formulir_online' })).toMatchObject({ ok: false, kode: 'DATA_PENGADUAN_TIDAK_VALID' });
    expect(o.s.call('catatPengaduan', { ...sp4n, nomor_lapor: '', email_pelapor: 'bukan-email' })).toMatchObject({ ok: false, kode: 'DATA_PENGADUAN_TIDAK_VALID' });
    expect(o.s.call('catatPengaduan', 'teks')).toMatchObject({ ok: false });
    o.s.as(STAFF.kepala);
    expect(o.s.call('catatPengaduan', sp4n)).toMatchObject({ ok: false, kode: 'PERAN_TIDAK_BERWENANG' });
    o.s.as('tamu@contoh.com');
    expect(o.s.call('catatPengaduan', sp4n)).toMatchObject({ ok: false, kode: 'PENGGUNA_TIDAK_TERDAFTAR' });
    expect(register(o)).toHaveLength(0);
  });

  it('pressing Simpan again after a lost answer does not register the complaint twice', async () => {
    const o = await office();
    o.s.as(STAFF.petugas);
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const first = o.s.call('catatPengaduan', sp4n, id) as { ok: boolean; nomor: string };
    const mails = o.s.fakes.state.mails.length;
    const again = o.s.call('catatPengaduan', sp4n, id) as { ok: boolean; nomor: string; pesan: string };
    expect(again).toMatchObject({ ok: true, nomor: first.nomor });
    expect(again.pesan).toContain('sudah tercatat');
    expect(register(o)).toHaveLength(1);
    expect(o.s.fakes.state.mails.length).toBe(mails);
    // Another dialog (another ID) is a new request: the same ticket is then refused as a duplicate.
    expect(o.s.call('catatPengaduan', sp4n, '1f8fad5b-d9cb-469f-a165-70867728950e')).toMatchObject({ ok: false, kode: 'PENGADUAN_GANDA' });
    // A day later the daily run forgets the ID.
    o.s.setNow(NOW + 2 * 86_400_000);
    daily(o);
    expect(Object.keys(o.s.fakes.state.properties.script).filter((k) => k.startsWith('PENGADUAN_PERMINTAAN:'))).toEqual([]);
  });

  it('a letter received earlier keeps its received time, and its due date counts from it', async () => {
    const o = await office();
    o.s.as(STAFF.petugas);
    const r = o.s.call('catatPengaduan', { kanal: 'surat', nama_pelapor: 'Budi', alamat_pelapor: 'Jl. Sudirman 1', isi_pengaduan: 'Surat pengaduan.', diterima_pada: '2026-11-20 08:00' });
    expect(r).toMatchObject({ ok: true });
    expect(register(o)[0]).toMatchObject({ 'Waktu Diterima (WIB)': '2026-11-20 08:00:00', 'Jatuh Tempo': '2026-12-01' });
  });
});
