/**
 * Tests of core/dokumen/view.ts: what each document says, built from one register row and the
 * office's settings. Every view conforms to its template's contract; the words are those of an
 * Indonesian official letter (dates, times, numbers in words, signature blocks); a step that has
 * not happened refuses its document; a damaged cell warns instead of crashing; and a citizen's
 * text comes through exactly as typed (making it safe is aman.ts's job, at rendering).
 */
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../core/context.js';
import { safeView } from '../../core/dokumen/aman.js';
import { KONTRAK, TEMPLATE_OF, shapeProblems, type ViewModel } from '../../core/dokumen/kontrak.js';
import { buildView, documentProblem, formatNip, jabatanKepala, ringkas, type BuiltView, type DocumentContext } from '../../core/dokumen/view.js';
import type { RegisterRecord } from '../../core/record.js';
import { parseSettings } from '../../core/settings.js';
import { JENIS_DOKUMEN, JENIS_DOKUMEN_LABEL, PERSYARATAN, PERSYARATAN_LABEL, STATUS_LABEL, type JenisDokumen, type Peran } from '../../sheets-schema/index.js';
import { KEPALA, OFFICE_SETTINGS, PETUGAS, STAFF, documentContext, participants, signedRecord } from '../helpers/dokumen-fixtures.js';
import { BIDI } from '../helpers/hostile-text.js';
import { mulberry32 } from '../helpers/prng.js';
import { refusal } from '../helpers/refusal.js';

const { RLO, PDF, RLI, PDI } = BIDI;
const withSettings = (rows: { kunci: string; nilai: string }[]): DocumentContext => documentContext({ settings: parseSettings([...OFFICE_SETTINGS, ...rows]) });
const staffWithout = (...roles: Peran[]): ReadonlyMap<string, StaffMember> =>
  new Map([...STAFF].filter(([, m]) => !m.roles.some((r) => roles.includes(r))));

const tandaTerima = (record = signedRecord(), dc = documentContext()): ViewModel<'tanda_terima'> => buildView('tanda_terima', record, dc).view as ViewModel<'tanda_terima'>;
const lembarPengaduan = (record = signedRecord(), dc = documentContext()): ViewModel<'lembar_pengaduan'> =>
  buildView('lembar_pengaduan', record, dc).view as ViewModel<'lembar_pengaduan'>;
const disposisi = (record = signedRecord(), dc = documentContext()): ViewModel<'lembar_disposisi'> =>
  buildView('lembar_disposisi', record, dc).view as ViewModel<'lembar_disposisi'>;
const undangan = (record = signedRecord(), dc = documentContext()): ViewModel<'undangan_rapat'> => buildView('undangan_rapat', record, dc).view as ViewModel<'undangan_rapat'>;
const beritaAcara = (jenis: 'berita_acara' | 'berita_acara_draf' = 'berita_acara', record = signedRecord(), dc = documentContext()): ViewModel<'berita_acara'> =>
  buildView(jenis, record, dc).view as ViewModel<'berita_acara'>;

const conforms = (built: BuiltView): string[] => shapeProblems(built.view, KONTRAK[TEMPLATE_OF[built.jenis]]);

/** A complaint just received: only the intake columns. */
const freshRecord = (overrides: RegisterRecord = {}): RegisterRecord => ({
  nomor: 'PGD-2026-0043',
  kode_akses: 'Q2WE8R',
  diterima_pada: '2026-11-27 14:05:00',
  kanal: 'formulir_online',
  nama_pelapor: 'Budi Santoso',
  isi_pengaduan: 'Bau kandang ayam tercium sampai permukiman.',
  status: 'DITERIMA',
  ...overrides,
});

const KEPALA_JABATAN = 'KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KOTA PAYAKUMBUH,';
const NO_LETTERS = /^[^A-Za-z]*$/;

describe('every document', () => {
  it.each(JENIS_DOKUMEN)('%s: conforms to its template contract, without warnings, for the complete fixture', (jenis) => {
    const built = buildView(jenis, signedRecord(), documentContext());
    expect(built.jenis).toBe(jenis);
    expect(built.template).toBe(TEMPLATE_OF[jenis]);
    expect(conforms(built)).toEqual([]);
    expect(built.warnings).toEqual([]);
  });

  it.each(JENIS_DOKUMEN)('%s: conforms with no staff, a logo, a damaged JSON cell and empty optional columns', (jenis) => {
    const logo = { width: 2, height: 2.4, data: new Uint8Array([1, 2, 3]), extension: '.png' as const };
    const record = signedRecord({
      rapat_hadir: 'not json',
      rapat_undangan: '{',
      rapat_tindak_lanjut: '',
      nama_usaha: '',
      alamat_usaha: '',
      persyaratan_diterima: '',
      tenggat: '',
      telepon_pelapor: '',
      email_pelapor: '',
      rapat_tempat: '',
    });
    const built = buildView(jenis, record, documentContext({ staff: new Map(), logo }));
    expect(conforms(built)).toEqual([]);
    expect(built.view.kop.logo).toBe(logo);
    expect(built.view.kop.ada_logo).toBe(true);
  });

  it.each(['tanda_terima', 'lembar_pengaduan'] as const)('%s: conforms for a complaint just received', (jenis) => {
    const built = buildView(jenis, freshRecord(), documentContext());
    expect(conforms(built)).toEqual([]);
  });

  it.each(JENIS_DOKUMEN)('%s: needs no cleaning when the register holds clean text', (jenis) => {
    const { view } = buildView(jenis, signedRecord(), documentContext());
    expect(safeView(view)).toEqual(view);
  });

  it('has the letterhead of the settings', () => {
    const { kop } = tandaTerima();
    expect(kop.pemda).toBe('PEMERINTAH KOTA PAYAKUMBUH');
    expect(kop.instansi).toBe('DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU');
    expect(kop.kontak).toContain('E-mail dpmptsp@payakumbuhkota.go.id');
    expect(kop.kontak).toContain('Laman dpmptsp.payakumbuhkota.go.id');
    expect(kop.ada_logo).toBe(false);
    expect(kop.logo).toBeNull();
  });
});

describe('Tanda Terima', () => {
  it('gives the number, access code, time received, due date and service time', () => {
    const v = tandaTerima();
    expect(v.nomor_registrasi).toBe('PGD-2026-0042');
    expect(v.kode_akses).toBe('K7QH3M');
    expect(v.diterima).toBe('Senin, 16 November 2026 pukul 08.15 WIB');
    expect(v.tempat_tanggal).toBe('Payakumbuh, 16 November 2026');
    expect(v.tenggat).toBe('Rabu, 25 November 2026');
    expect(v.hari_sla).toBe('7 (tujuh) hari kerja');
    expect(v.kanal).toBe('Formulir di ruang pelayanan');
    expect(v.pelapor.nama).toBe('Hj. Asmawati');
    expect(v.pelapor.kontak).toBe('081374400007 / asmawati@contoh.id');
    expect(v.usaha.lokasi).toBe('Kelurahan Tanjung Pauh, Kecamatan Payakumbuh Barat');
    expect(v.cek_status).toContain('https://dpmptsp.payakumbuhkota.go.id/cek');
  });

  it('writes the service time of the settings in words', () => {
    expect(tandaTerima(signedRecord(), withSettings([{ kunci: 'hari_sla', nilai: '14' }])).hari_sla).toBe('14 (empat belas) hari kerja');
  });

  it('states the service time when no due date is set yet', () => {
    expect(tandaTerima(signedRecord({ tenggat: '' })).tenggat).toBe('7 hari kerja sejak pengaduan diterima');
  });

  it('checks every requirement received (all 8 in the fixture), in the order of the standard', () => {
    const v = tandaTerima();
    expect(v.persyaratan).toEqual(PERSYARATAN.map((p) => ({ tanda: '☑', nama: PERSYARATAN_LABEL[p] })));
    expect(v.persyaratan).toHaveLength(8);
    expect(v.persyaratan_keterangan).toBe('Persyaratan lengkap.');
  });

  it('leaves every box empty when no requirement was received', () => {
    const v = tandaTerima(signedRecord({ persyaratan_diterima: '' }));
    expect(v.persyaratan.map((p) => p.tanda)).toEqual(Array(8).fill('☐'));
    expect(v.persyaratan_keterangan).toMatch(/akan diperiksa petugas/);
  });

  it('checks only what was received, and names what is missing', () => {
    const received = [PERSYARATAN_LABEL.surat_ditandatangani, PERSYARATAN_LABEL.diketahui_rt].join('; ');
    const v = tandaTerima(signedRecord({ persyaratan_diterima: received, persyaratan_kurang: 'Diketahui Lurah' }));
    expect(v.persyaratan.filter((p) => p.tanda === '☑').map((p) => p.nama)).toEqual([PERSYARATAN_LABEL.surat_ditandatangani, PERSYARATAN_LABEL.diketahui_rt]);
    expect(v.persyaratan.filter((p) => p.tanda === '☐')).toHaveLength(6);
    expect(v.persyaratan_keterangan).toMatch(/masih kurang: Diketahui Lurah\./);
  });

  it('names the officer who recorded a complaint handed in at the office', () => {
    const v = tandaTerima();
    expect(v.elektronik).toBe(false);
    expect(v.ada_petugas).toBe(true);
    expect(v.petugas).toEqual({ ada_atas_nama: false, atas_nama: '', jabatan: 'Petugas Layanan Pengaduan,', nama: 'Rina Marlina', nip: 'NIP. 19920315 201903 2 001' });
  });

  it('finds the recording officer whatever the case and spacing of the e-mail', () => {
    expect(tandaTerima(signedRecord({ dicatat_oleh: ' Rina.Petugas@Contoh.go.id ' })).petugas.nama).toBe('Rina Marlina');
  });

  it('is an electronic receipt, without an officer, for the online form', () => {
    for (const dicatat_oleh of ['', PETUGAS]) {
      const v = tandaTerima(signedRecord({ kanal: 'formulir_online', dicatat_oleh }));
      expect(v.elektronik).toBe(true);
      expect(v.ada_petugas).toBe(false);
      expect(v.kanal).toBe('Formulir online (situs web)');
      expect(v.petugas.nama).not.toContain('Rina');
    }
  });

  it('shows the SP4N-LAPOR! number when there is one', () => {
    const v = tandaTerima(signedRecord({ kanal: 'sp4n_lapor', nomor_lapor: 'LAPOR-20261127-0042' }));
    expect(v.ada_nomor_lapor).toBe(true);
    expect(v.nomor_lapor).toBe('LAPOR-20261127-0042');
    expect(tandaTerima().ada_nomor_lapor).toBe(false);
  });

  it('writes "-" for a missing detail of the complainant or the business', () => {
    const v = tandaTerima(freshRecord());
    expect(v.pelapor.nik).toBe('-');
    expect(v.pelapor.kontak).toBe('-');
    expect(v.usaha.nama).toBe('-');
    expect(v.usaha.lokasi).toBe('-');
  });
});

describe('Lembar Pengaduan', () => {
  it('gives the complaint in full, who recorded it, the stage and the category', () => {
    const v = lembarPengaduan();
    expect(v.isi).toBe(signedRecord().isi_pengaduan);
    expect(v.dicatat_oleh).toBe('Rina Marlina (Petugas Layanan Pengaduan)');
    expect(v.tahap).toBe(STATUS_LABEL.DITANDATANGANI);
    expect(v.kategori).toEqual([
      { tanda: '☐', nama: 'Ringan' },
      { tanda: '☐', nama: 'Sedang' },
      { tanda: '☑', nama: 'Berat' },
    ]);
    expect(v.petugas.nama).toBe('Rina Marlina');
    expect(v.tempat_tanggal).toBe('Payakumbuh, 26 November 2026');
  });

  it('says an online complaint was recorded by the form', () => {
    expect(lembarPengaduan(freshRecord()).dicatat_oleh).toBe('Formulir online (otomatis)');
  });
});

describe('Lembar Disposisi', () => {
  it('gives the instruction of the Kepala, its date, and the Kepala as signer', () => {
    const v = disposisi();
    expect(v.isi_disposisi).toBe('Koordinator segera rapatkan dengan DLH dan pemilik pabrik.');
    expect(v.tanggal_disposisi).toBe('17 November 2026');
    expect(v.tempat_tanggal).toBe('Payakumbuh, 17 November 2026');
    expect(v.diterima).toBe('16 November 2026');
    expect(v.diteruskan_kepada).toBe('Koordinator Pelayanan (Yusuf Hidayat, S.T.)');
    // Urgency and instructions are the Kepala's to tick on paper: nothing is pre-ticked.
    expect(v.sifat.map((s) => s.tanda)).toEqual(['☐', '☐', '☐']);
    expect(v.harap.every((h) => h.tanda === '☐')).toBe(true);
    expect(v.perihal).toMatch(/^Pengaduan masyarakat terhadap Pabrik Tahu Bersaudara: Limbah cair/);
    expect(v.kepala).toEqual({ ada_atas_nama: false, atas_nama: '', jabatan: KEPALA_JABATAN, nama: 'Ir. Hendra Gunawan, M.T.', nip: 'NIP. 19700101 199503 1 001' });
  });

  it('is signed by the Kepala who gave the disposition when there are two', () => {
    const plt: StaffMember = { email: 'plt.kepala@contoh.go.id', nama: 'Drs. Plt Kepala', nip: '196812121990031002', jabatan: 'Plt. Kepala Dinas', roles: ['kepala'] };
    const staff = new Map([...STAFF, [plt.email, plt]]);
    const chosen = disposisi(signedRecord(), documentContext({ staff, pelaku: { disposisi: plt.email } }));
    expect(chosen.kepala.nama).toBe('Drs. Plt Kepala');
    expect(chosen.kepala.nip).toBe('NIP. 19681212 199003 1 002');
    // Someone who is not a Kepala cannot sign as one: the directory's Kepala signs instead.
    expect(disposisi(signedRecord(), documentContext({ staff, pelaku: { disposisi: PETUGAS } })).kepala.nama).toBe('Ir. Hendra Gunawan, M.T.');
  });
});

describe('Undangan Rapat', () => {
  it('gives the number, the meeting and the invitees, numbered', () => {
    const v = undangan();
    expect(v.nomor).toBe('007/UND-PGD/DPMPTSP/XI/2026');
    expect(v.rapat).toEqual({
      hari_tanggal: 'Kamis, 26 November 2026',
      waktu: '09.00 WIB s.d. selesai',
      tempat: 'Ruang Rapat DPMPTSP Kota Payakumbuh',
      agenda: 'Pembahasan pengaduan limbah cair Pabrik Tahu Bersaudara di Tanjung Pauh',
    });
    expect(v.kepada).toEqual([
      { no: '1.', nama: 'Kepala Dinas Lingkungan Hidup', instansi: '(DLH Kota Payakumbuh)' },
      { no: '2.', nama: 'Tim Teknis Perizinan', instansi: '(DPMPTSP Kota Payakumbuh)' },
      { no: '3.', nama: 'Pemilik Pabrik Tahu Bersaudara', instansi: '' },
    ]);
    expect(v.sifat).toBe('Segera');
    expect(v.pembuka).toContain('Nomor Registrasi PGD-2026-0042 tanggal 16 November 2026 mengenai Pabrik Tahu Bersaudara');
  });

  it('is signed "a.n." the Kepala by the Sekretaris when there is one, with the Kepala in copy', () => {
    const built = buildView('undangan_rapat', signedRecord(), documentContext());
    const v = built.view as ViewModel<'undangan_rapat'>;
    expect(v.penandatangan).toEqual({
      ada_atas_nama: true,
      atas_nama: `a.n. ${KEPALA_JABATAN}`,
      jabatan: 'SEKRETARIS,',
      nama: 'Dewi Kartika, S.H., M.H.',
      nip: 'NIP. 19750517 200003 2 004',
    });
    expect(v.tembusan.map((t) => t.no)).toEqual(['1.', '2.']);
    expect(v.tembusan[0]?.nama).toMatch(/^Kepala Dinas .* \(sebagai laporan\)$/);
    expect(v.tembusan[1]?.nama).toBe('Arsip');
    expect(built.warnings).toEqual([]);
  });

  it('is signed by the Kepala himself when there is no Sekretaris', () => {
    const v = undangan(signedRecord(), documentContext({ staff: staffWithout('sekretaris') }));
    expect(v.penandatangan).toEqual({ ada_atas_nama: false, atas_nama: '', jabatan: KEPALA_JABATAN, nama: 'Ir. Hendra Gunawan, M.T.', nip: 'NIP. 19700101 199503 1 001' });
    expect(v.tembusan).toEqual([{ no: '1.', nama: 'Arsip' }]);
  });

  it('warns when nobody can sign it', () => {
    const built = buildView('undangan_rapat', signedRecord(), documentContext({ staff: new Map() }));
    const v = built.view as ViewModel<'undangan_rapat'>;
    expect(v.penandatangan.nama).toMatch(NO_LETTERS);
    expect(built.warnings.some((w) => /Nama Kepala belum diisi/.test(w))).toBe(true);
  });

  it('leaves the invitees empty and warns when their cell is damaged', () => {
    const built = buildView('undangan_rapat', signedRecord({ rapat_undangan: 'not json' }), documentContext());
    expect((built.view as ViewModel<'undangan_rapat'>).kepada).toEqual([]);
    expect(built.warnings).toHaveLength(1);
    expect(built.warnings[0]).toMatch(/rapat_undangan/);
  });
});

describe('Berita Acara', () => {
  it('final: carries the BA number and no draft mark', () => {
    const v = beritaAcara('berita_acara');
    expect(v.nomor).toBe('012/BA-PGD/DPMPTSP/XI/2026');
    expect(v.final).toBe(true);
    expect(v.draf).toBe(false);
    expect(v.tanda_draf).toBe('');
  });

  it('draft: marked as a draft, without a BA number, even when the record has one', () => {
    for (const nomor_ba of ['012/BA-PGD/DPMPTSP/XI/2026', '']) {
      const v = beritaAcara('berita_acara_draf', signedRecord({ nomor_ba, ditandatangani_pada: nomor_ba ? '2026-11-30 09:00:00' : '' }));
      expect(v.draf).toBe(true);
      expect(v.final).toBe(false);
      expect(v.tanda_draf).toMatch(/DRAF/);
      expect(v.nomor).not.toContain('012/BA');
      expect(v.nomor).not.toMatch(/BA-PGD/);
      expect(v.nomor.trim()).not.toBe('');
    }
  });

  it.each(['berita_acara', 'berita_acara_draf'] as const)('%s: opens with the meeting day in words and the place', (jenis) => {
    const v = beritaAcara(jenis);
    expect(v.pembukaan).toContain('Kamis tanggal dua puluh enam bulan November tahun dua ribu dua puluh enam');
    expect(v.pembukaan).toContain('Ruang Rapat DPMPTSP Kota Payakumbuh');
    expect(v.pembukaan).toContain('PGD-2026-0042');
    expect(v.tempat_tanggal).toBe('Payakumbuh, 26 November 2026');
  });

  it.each([1, 2, 5, 6, 7])('numbers %d participants and alternates the signature lines, odd left and even right', (n) => {
    const v = beritaAcara('berita_acara', signedRecord({ rapat_hadir: JSON.stringify(participants(n)) }));
    expect(v.peserta).toHaveLength(n);
    v.peserta.forEach((p, i) => {
      const no = `${i + 1}.`;
      expect(p.no).toBe(no);
      expect(p.nama).toBe(participants(n)[i]?.nama);
      expect(p.instansi).toBe(participants(n)[i]?.instansi);
      const [line, empty] = (i + 1) % 2 === 1 ? [p.ttd_kiri, p.ttd_kanan] : [p.ttd_kanan, p.ttd_kiri];
      expect(line.startsWith(`${no} `)).toBe(true);
      expect(line).toMatch(/\.{10,}$/);
      expect(empty).toBe('');
    });
  });

  it('lists the follow-ups with their due dates, and the paraf of Koordinator and Sekretaris', () => {
    const v = beritaAcara();
    expect(v.ada_tindak_lanjut).toBe(true);
    expect(v.tindak_lanjut).toEqual([
      { no: '1.', uraian: 'Membangun IPAL sederhana', pelaksana: 'Pemilik pabrik', tenggat: 'Senin, 28 Desember 2026' },
      { no: '2.', uraian: 'Pemantauan kualitas air saluran', pelaksana: 'DLH Kota Payakumbuh', tenggat: '-' },
    ]);
    expect(v.paraf).toEqual([
      { no: '1.', jabatan: 'Koordinator Pelayanan', nama: 'Yusuf Hidayat, S.T.', tanggal: '27 November 2026' },
      { no: '2.', jabatan: 'Sekretaris', nama: 'Dewi Kartika, S.H., M.H.', tanggal: '27 November 2026' },
    ]);
    expect(beritaAcara('berita_acara', signedRecord({ rapat_tindak_lanjut: '' })).ada_tindak_lanjut).toBe(false);
  });

  it('is signed by the Kepala of the staff directory when the settings name none', () => {
    const built = buildView('berita_acara', signedRecord(), documentContext());
    expect((built.view as ViewModel<'berita_acara'>).kepala).toEqual({
      ada_atas_nama: false,
      atas_nama: '',
      jabatan: KEPALA_JABATAN,
      nama: 'Ir. Hendra Gunawan, M.T.',
      nip: 'NIP. 19700101 199503 1 001',
    });
    expect(built.warnings).toEqual([]);
  });

  it('is signed by the Kepala named in the settings, with the NIP of the settings', () => {
    const named = buildView('berita_acara', signedRecord(), withSettings([{ kunci: 'nama_kepala', nilai: 'Dr. Nama Dari Pengaturan' }]));
    const v = named.view as ViewModel<'berita_acara'>;
    expect(v.kepala.nama).toBe('Dr. Nama Dari Pengaturan');
    // The directory's NIP belongs to someone else: the NIP line stays blank, with a warning.
    expect(v.kepala.nip).toBe('');
    expect(named.warnings).toEqual([expect.stringMatching(/NIP Kepala belum diisi/)]);

    const withNip = buildView(
      'berita_acara',
      signedRecord(),
      withSettings([
        { kunci: 'nama_kepala', nilai: 'Dr. Nama Dari Pengaturan' },
        { kunci: 'nip_kepala', nilai: '198001012005011001' },
      ]),
    );
    expect((withNip.view as ViewModel<'berita_acara'>).kepala.nip).toBe('NIP. 19800101 200501 1 001');
    expect(withNip.warnings).toEqual([]);
  });

  it('uses the title of the settings for the Kepala', () => {
    const v = beritaAcara('berita_acara', signedRecord(), withSettings([{ kunci: 'jabatan_kepala', nilai: 'Plt. Kepala Dinas' }]));
    expect(v.kepala.jabatan).toBe('PLT. KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KOTA PAYAKUMBUH,');
  });

  it.each(['berita_acara', 'berita_acara_draf', 'lembar_disposisi'] as const)('%s: warns and leaves a blank when no Kepala is named anywhere', (jenis) => {
    for (const staff of [new Map<string, StaffMember>(), staffWithout('kepala')]) {
      const built = buildView(jenis, signedRecord(), documentContext({ staff }));
      const kepala = (built.view as ViewModel<'berita_acara' | 'lembar_disposisi'>).kepala;
      expect(kepala.nama).toMatch(NO_LETTERS);
      expect(kepala.nama.length).toBeGreaterThan(0);
      expect(kepala.nip).toBe('');
      expect(built.warnings.filter((w) => /Nama Kepala belum diisi/.test(w))).toHaveLength(1);
      expect(conforms(built)).toEqual([]);
    }
  });

  it('leaves the participants empty and warns, without throwing, when their cell is damaged', () => {
    for (const rapat_hadir of ['not json', '{"nama": "A"}', '"A, B"', '[1, 2']) {
      const built = buildView('berita_acara_draf', signedRecord({ rapat_hadir }), documentContext());
      expect((built.view as ViewModel<'berita_acara'>).peserta).toEqual([]);
      expect(built.warnings).toHaveLength(1);
      expect(built.warnings[0]).toMatch(/rapat_hadir/);
    }
  });

  it('skips list entries that are not objects, and writes numbers as text', () => {
    const built = buildView('berita_acara', signedRecord({ rapat_hadir: JSON.stringify([{ nama: 'A', instansi: 'DLH' }, 'B', null, [1], { nama: 7, instansi: null }]) }), documentContext());
    const v = built.view as ViewModel<'berita_acara'>;
    expect(v.peserta.map((p) => [p.no, p.nama, p.instansi])).toEqual([
      ['1.', 'A', 'DLH'],
      ['2.', '7', ''],
    ]);
    expect(conforms(built)).toEqual([]);
  });

  it('leaves the day and the place blank to fill by hand when the meeting has no date or place', () => {
    const v = beritaAcara('berita_acara_draf', signedRecord({ rapat_tanggal: '', rapat_tempat: '' }));
    expect(v.pembukaan).not.toMatch(/tanggal .* bulan/);
    expect(v.pembukaan).toMatch(/^Pada hari ini \S*…/);
    expect(v.tempat_tanggal).toMatch(/^Payakumbuh, .*2026$/);
  });
});

describe('a document whose step has not happened', () => {
  const cases: [JenisDokumen, RegisterRecord, RegExp][] = [
    ['berita_acara', signedRecord({ nomor_ba: '' }), /belum ada: Kepala belum menandatangani\. Yang dapat dibuat sekarang: berita_acara_draf\./],
    ['berita_acara', signedRecord({ ditandatangani_pada: '' }), /Kepala belum menandatangani/],
    ['undangan_rapat', signedRecord({ nomor_undangan: '' }), /rapat belum dijadwalkan \(aksi kirim_undangan\)/],
    ['undangan_rapat', signedRecord({ rapat_tanggal: '' }), /rapat belum dijadwalkan/],
    ['lembar_disposisi', signedRecord({ disposisi: '' }), /Kepala belum memberi disposisi/],
    ['berita_acara_draf', signedRecord({ rapat_hadir: '', rapat_pembahasan: '' }), /hasil rapat belum dicatat \(aksi catat_hasil_rapat\)/],
    ['lembar_disposisi', freshRecord(), /belum memberi disposisi/],
    ['berita_acara', freshRecord(), /belum menandatangani/],
  ];

  it.each(cases)('%s is refused with DOKUMEN_BELUM_TERSEDIA (%#)', (jenis, record, message) => {
    const problem = documentProblem(jenis, record);
    expect(problem).toMatch(message);
    expect(problem).toContain(JENIS_DOKUMEN_LABEL[jenis]);
    expect(problem).toContain(String(record.nomor));
    const err = refusal(() => buildView(jenis, record, documentContext()));
    expect(err.code).toBe('DOKUMEN_BELUM_TERSEDIA');
    expect(err.message).toBe(problem);
  });

  it.each(JENIS_DOKUMEN)('%s has no problem once its step has happened', (jenis) => {
    expect(documentProblem(jenis, signedRecord())).toBeUndefined();
  });

  it('a receipt and a complaint sheet can always be made', () => {
    expect(documentProblem('tanda_terima', freshRecord())).toBeUndefined();
    expect(documentProblem('lembar_pengaduan', freshRecord())).toBeUndefined();
  });

  it('a draft Berita Acara needs only the meeting results, not the signature', () => {
    expect(documentProblem('berita_acara_draf', signedRecord({ nomor_ba: '', ditandatangani_pada: '', rapat_hadir: '' }))).toBeUndefined();
    expect(documentProblem('berita_acara_draf', signedRecord({ nomor_ba: '', ditandatangani_pada: '', rapat_pembahasan: '' }))).toBeUndefined();
  });
});

describe("a citizen's text", () => {
  const unit = '{{INS x}} ||<w:p><w:r><w:t>x</w:t></w:r></w:p>|| =SUM(A1) +++EXEC process.exit()+++ <script>alert(1)</script> ';
  const hostile = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);

  it('comes through unchanged in the complaint sheet and the Berita Acara', () => {
    const record = signedRecord({ isi_pengaduan: hostile });
    expect(lembarPengaduan(record).isi).toBe(hostile);
    expect(beritaAcara('berita_acara', record).pengaduan.isi).toBe(hostile);
  });

  it('is summarised on the receipt: at most 601 characters, ending with …, cut between words', () => {
    const v = tandaTerima(signedRecord({ isi_pengaduan: hostile }));
    expect(v.ringkasan.length).toBeLessThanOrEqual(601);
    expect(v.ringkasan.endsWith('…')).toBe(true);
    const kept = v.ringkasan.slice(0, -1);
    expect(hostile.startsWith(kept)).toBe(true);
    expect(hostile[kept.length]).toBe(' ');
  });

  it.each<[string, string]>([
    ['template commands', '{{INS x}} {{pelapor.nama}}'],
    ['a literal-XML section', '||<w:p><w:r><w:t>x</w:t></w:r></w:p>||'],
  ])('keeps %s as typed in the name and the receipt', (_what, text) => {
    const v = tandaTerima(signedRecord({ nama_pelapor: text, isi_pengaduan: text }));
    expect(v.pelapor.nama).toBe(text);
    expect(v.ringkasan).toBe(text);
  });

  it('keeps a right-to-left override, closed where the typed value ends, before the office\'s own words', () => {
    const v = tandaTerima(signedRecord({ nama_pelapor: `Budi ${RLO}evil`, kelurahan: `Koto ${RLO}Baru`, kecamatan: 'Payakumbuh Barat' }));
    expect(v.pelapor.nama).toBe(`Budi ${RLO}evil${PDF}`);
    // The location joins the citizen's kelurahan with the office's words: the override ends before them.
    expect(v.usaha.lokasi).toBe(`Kelurahan Koto ${RLO}Baru${PDF}, Kecamatan Payakumbuh Barat`);
  });
});

describe('formatNip', () => {
  it.each<[string, string]>([
    ['197001011995031001', '19700101 199503 1 001'],
    ['19700101 199503 1 001', '19700101 199503 1 001'],
    ['  197001011995031001 ', '19700101 199503 1 001'],
    ['19700101\t199503\u00A01 001', '19700101 199503 1 001'],
    ['1970010119950310', '1970010119950310'],
    ['1970010119950310011', '1970010119950310011'],
    ['  12345  ', '12345'],
    ['NIP. 197001011995031001', 'NIP. 197001011995031001'],
    ['1970-0101-1995-0310-01', '1970-0101-1995-0310-01'],
    ['', ''],
  ])('"%s" is "%s"', (input, expected) => {
    expect(formatNip(input)).toBe(expected);
  });
});

describe('ringkas', () => {
  it.each<[string, string, number, string]>([
    ['short text, with its spacing folded', 'Limbah  cair\n\ndibuang ', 600, 'Limbah cair dibuang'],
    ['text of exactly the limit', 'satu dua tiga', 13, 'satu dua tiga'],
    ['a cut between words', 'satu dua tiga empat lima', 12, 'satu dua…'],
    ['a cut after a comma', 'Limbah cair, dibuang ke saluran', 13, 'Limbah cair…'],
    ['a cut after a full stop', 'Air keruh. Bau menyengat sekali', 12, 'Air keruh…'],
    ['one long word, cut hard', 'x'.repeat(50), 10, `${'x'.repeat(10)}…`],
    ['empty text', '   ', 10, ''],
  ])('%s', (_what, text, max, expected) => {
    expect(ringkas(text, max)).toBe(expected);
  });

  it('keeps whole words within the limit for any text with spaces', () => {
    const rnd = mulberry32(601);
    const vocabulary = ['limbah', 'cair', 'pabrik', 'tahu', 'dibuang', 'ke', 'saluran', 'irigasi,', 'sawah.', 'warga', 'Kelurahan', 'Tanjung', 'Pauh'];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 5 + Math.floor(rnd() * 120) }, () => vocabulary[Math.floor(rnd() * vocabulary.length)] ?? 'x').join(rnd() < 0.2 ? '\n' : ' ');
      const max = 20 + Math.floor(rnd() * 300);
      const flat = text.replace(/\s+/g, ' ');
      const out = ringkas(text, max);
      if (flat.length <= max) {
        expect(out).toBe(flat);
        continue;
      }
      expect(out.endsWith('…')).toBe(true);
      expect(out.length).toBeLessThanOrEqual(max);
      const kept = out.slice(0, -1);
      expect(flat.startsWith(kept)).toBe(true);
      // The cut falls between words: what follows the kept part starts a new word or ends one.
      expect(flat.slice(kept.length)).toMatch(/^[.,;:]*( |$)/);
    }
  });

  it('does not cut an emoji in half', () => {
    const out = ringkas('😀'.repeat(400), 601);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('jabatanKepala', () => {
  it.each([
    ['Kepala Dinas', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'Pemerintah Kota Payakumbuh', 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Payakumbuh'],
    ['Kepala Badan', 'Badan Pendapatan Daerah', 'Pemerintah Kota Payakumbuh', 'Kepala Badan Pendapatan Daerah Kota Payakumbuh'],
    ['Kepala', 'DPMPTSP', 'Pemerintah Kota Payakumbuh', 'Kepala DPMPTSP Kota Payakumbuh'],
    ['Kepala Dinas Penanaman Modal dan PTSP Kota Payakumbuh', 'Dinas Penanaman Modal dan PTSP', 'Pemerintah Kota Payakumbuh', 'Kepala Dinas Penanaman Modal dan PTSP Kota Payakumbuh'],
    ['', 'Dinas Penanaman Modal', 'Pemerintah Kabupaten Lima Puluh Kota', 'Kepala Dinas Penanaman Modal Kabupaten Lima Puluh Kota'],
  ])('%s + %s + %s', (jabatan, instansi, pemda, expected) => {
    expect(jabatanKepala(jabatan, instansi, pemda)).toBe(expected);
  });
});

describe('the signer of a step already taken', () => {
  const newHead = parseSettings([{ kunci: 'nama_kepala', nilai: 'Drs. Kepala Baru' }, { kunci: 'nip_kepala', nilai: '198001012005011001' }]);
  it('a re-rendered final Berita Acara keeps the Kepala who signed it, after the Kepala changed', () => {
    const signed = buildView('berita_acara', signedRecord(), documentContext({ settings: newHead, pelaku: { tandatangani: KEPALA } }));
    expect((signed.view as ViewModel<'berita_acara'>).kepala.nama).toBe('Ir. Hendra Gunawan, M.T.');
    expect((signed.view as ViewModel<'berita_acara'>).kepala.nip).toBe('NIP. 19700101 199503 1 001');
  });
  it('a draft names the Kepala of the settings, who will sign it', () => {
    const draft = buildView('berita_acara_draf', signedRecord(), documentContext({ settings: newHead }));
    expect((draft.view as ViewModel<'berita_acara'>).kepala.nama).toBe('Drs. Kepala Baru');
    expect((draft.view as ViewModel<'berita_acara'>).kepala.nip).toBe('NIP. 19800101 200501 1 001');
  });
  it('the Lembar Disposisi keeps the Kepala who disposed', () => {
    const v = buildView('lembar_disposisi', signedRecord(), documentContext({ settings: newHead, pelaku: { disposisi: KEPALA } }));
    expect((v.view as ViewModel<'lembar_disposisi'>).kepala.nama).toBe('Ir. Hendra Gunawan, M.T.');
  });
});

describe('right-to-left text in the meeting lists', () => {
  it('a participant typed with an override keeps the whole list, each name closed on its own', () => {
    const hadir = [{ nama: `Budi ${RLO}evil`, instansi: 'Warga' }, { nama: 'Sari', instansi: `DLH ${RLI}x` }];
    const v = buildView('berita_acara', signedRecord({ rapat_hadir: JSON.stringify(hadir) }), documentContext());
    expect(v.warnings).toEqual([]);
    const peserta = (v.view as ViewModel<'berita_acara'>).peserta;
    expect(peserta.map((p) => [p.nama, p.instansi])).toEqual([
      [`Budi ${RLO}evil${PDF}`, 'Warga'],
      ['Sari', `DLH ${RLI}x${PDI}`],
    ]);
  });
});
