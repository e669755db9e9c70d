/**
 * Tests of core/status-warga.ts: what a citizen sees when they look up their complaint with its
 * registration number and access code. The right code (any case, spaces and dashes ignored) gives
 * the stage in plain Indonesian, what comes next, the due date and the last update; anything else
 * gives nothing, the same nothing for an unknown number and a wrong code. Never personal data and
 * never the staff's free text: checked by filling every such column with a marker.
 */
import { describe, expect, it } from 'vitest';
import { citizenStatus, STATUS_TIDAK_COCOK, type CitizenStatus } from '../../core/status-warga.js';
import type { RegisterRecord } from '../../core/record.js';
import { FINAL_STATUS, PERSYARATAN, PERSYARATAN_LABEL, STATUS, TABS, type RegisterKey, type Status } from '../../sheets-schema/index.js';

const KODE = 'K7QW9Z';
const NOMOR = 'PGD-2026-0042';

function record(overrides: RegisterRecord = {}): RegisterRecord {
  return {
    nomor: NOMOR,
    kode_akses: KODE,
    status: 'DITERIMA',
    diterima_pada: '2026-03-17 09:30:00',
    tenggat: '2026-03-26',
    ...overrides,
  };
}

function view(overrides: RegisterRecord = {}, kode = KODE): CitizenStatus {
  const v = citizenStatus(record(overrides), kode);
  if (!v) throw new Error('expected a status view, got undefined');
  return v;
}

const FIELDS = ['nomor', 'tahap', 'berikutnya', 'selesai', 'tenggat', 'tenggatTeks', 'persyaratanKurang', 'diperbarui'].sort();
/** Words any of the Indonesian stage texts uses; an English or empty text has none. */
const INDONESIAN = /\b(Anda|pengaduan|Pengaduan|Petugas|petugas|sudah|sedang|Berita Acara|Kepala Dinas|Rapat|rapat|Tidak|dan|oleh|kepada)\b/;

describe('citizenStatus: the access code', () => {
  it.each([KODE, 'k7qw9z', 'K7q-W9z', ' K7Q W9Z ', 'K7-QW-9Z', 'k 7 q w 9 z', 'K7QW9Z\t'])('the right code %j gives the view', (kode) => {
    expect(citizenStatus(record(), kode)?.nomor).toBe(NOMOR);
  });

  it('a stored code written with dashes or in lower case still matches', () => {
    expect(citizenStatus(record({ kode_akses: 'k7q-w9z' }), KODE)?.nomor).toBe(NOMOR);
    expect(citizenStatus(record({ kode_akses: ' K7QW9Z ' }), 'k7qw9z')?.nomor).toBe(NOMOR);
  });

  it.each([
    ['one character wrong', 'K7QW9Y'],
    ['one character short', 'K7QW9'],
    ['one character too many', 'K7QW9ZZ'],
    ['the code twice', `${KODE}${KODE}`],
    ['empty', ''],
    ['only spaces and dashes', ' - - '],
    ['the registration number', NOMOR],
    ['the placeholder used for unknown numbers', 'XXXXXXXX'],
    ['a lookalike with O for Q', 'K7OW9Z'],
  ])('a wrong code (%s) gives nothing', (_what, kode) => {
    expect(citizenStatus(record(), kode)).toBeUndefined();
  });

  it.each([
    ['no code at all', undefined],
    ['an empty code', ''],
    ['a blank code', '   '],
  ])('a complaint with %s stored never matches, whatever is typed', (_what, stored) => {
    const r = record({ kode_akses: stored });
    if (stored === undefined) delete r.kode_akses;
    for (const kode of ['', ' ', 'XXXXXXXX', 'xxxxxxxx', KODE, '-']) expect(citizenStatus(r, kode), kode).toBeUndefined();
  });

  it('an unknown number (undefined record) gives nothing, for every code', () => {
    for (const kode of ['', KODE, 'XXXXXXXX', 'xxxx-xxxx']) expect(citizenStatus(undefined, kode), kode).toBeUndefined();
  });

  it('the stored code as a number (a spreadsheet that converted it) is compared as text', () => {
    expect(citizenStatus(record({ kode_akses: 234567 }), '234567')?.nomor).toBe(NOMOR);
    expect(citizenStatus(record({ kode_akses: 234567 }), '234568')).toBeUndefined();
  });

  it('the message for a failed look-up does not tell an unknown number from a wrong code', () => {
    expect(STATUS_TIDAK_COCOK).toContain('Nomor registrasi atau kode akses tidak cocok');
    expect(STATUS_TIDAK_COCOK).not.toMatch(/tidak ditemukan|tidak terdaftar|salah kode/i);
  });
});

describe('citizenStatus: the stage', () => {
  it.each(STATUS)('%s has a non-empty Indonesian stage and next step', (status) => {
    const v = view({ status });
    expect(v.tahap.trim().length).toBeGreaterThan(10);
    expect(v.berikutnya.trim().length).toBeGreaterThan(10);
    expect(`${v.tahap} ${v.berikutnya}`).toMatch(INDONESIAN);
    // The citizen never sees the code of the status.
    expect(v.tahap).not.toContain(status);
    expect(v.berikutnya).not.toContain(status);
    expect(v.tahap).not.toContain('_');
    expect(v.berikutnya).not.toContain('_');
  });

  it('every status has its own stage text', () => {
    const texts = STATUS.map((status) => view({ status }).tahap);
    expect(new Set(texts).size).toBe(STATUS.length);
  });

  it.each(STATUS)('%s is finished exactly when it is a final status', (status) => {
    expect(view({ status }).selesai).toBe((FINAL_STATUS as readonly Status[]).includes(status));
  });

  it('spot checks of the wording', () => {
    expect(view({ status: 'DITERIMA' }).tahap).toBe('Pengaduan Anda sudah kami terima.');
    expect(view({ status: 'MENUNGGU_KELENGKAPAN' }).berikutnya).toContain('Waktu layanan dihentikan sementara');
    expect(view({ status: 'DITANDATANGANI' }).berikutnya).toBe('Petugas menyerahkan Berita Acara kepada Anda.');
    expect(view({ status: 'SELESAI' }).tahap).toBe('Pengaduan Anda sudah selesai ditangani.');
  });

  it.each(['SEDANG_DIPROSES', 'Menunggu Pak Budi kembali dari dinas luar', 'selesai', '', '=HYPERLINK("http://x")'])(
    'an unknown hand-typed status %j gets a neutral text and is not finished',
    (status) => {
      const v = view({ status });
      expect(v.tahap).toBe('Pengaduan Anda sedang ditangani.');
      expect(v.berikutnya).toBe('Petugas akan menghubungi Anda bila diperlukan.');
      expect(v.selesai).toBe(false);
      if (status.length > 8) expect(JSON.stringify(v)).not.toContain(status.slice(0, 12)); // not echoed
    },
  );

  it('a missing status cell is the same neutral text', () => {
    const r = record();
    delete r.status;
    expect(citizenStatus(r, KODE)?.tahap).toBe('Pengaduan Anda sedang ditangani.');
  });

  it('a status cell with stray spaces (which the SOP\'s readStatus accepts) is read as that status, not as unknown', () => {
    const v = view({ status: 'SELESAI ' });
    expect(v.tahap).toBe(view({ status: 'SELESAI' }).tahap);
    expect(v.selesai).toBe(true);
  });

  it('the view has exactly the documented fields', () => {
    expect(Object.keys(view()).sort()).toEqual(FIELDS);
  });

  it('the number is trimmed', () => {
    expect(view({ nomor: '  PGD-2026-0042 ' }).nomor).toBe(NOMOR);
  });
});

describe('citizenStatus: missing requirements', () => {
  const ALL_LABELS = PERSYARATAN.map((k) => PERSYARATAN_LABEL[k]);

  it('lists the missing requirements by label while waiting for them', () => {
    const kurang = [PERSYARATAN_LABEL.diketahui_lurah, PERSYARATAN_LABEL.diketahui_rt].join('; ');
    expect(view({ status: 'MENUNGGU_KELENGKAPAN', persyaratan_kurang: kurang }).persyaratanKurang).toEqual(['Diketahui Lurah', 'Diketahui Ketua RT']);
  });

  it('lists every requirement, in the order stored', () => {
    const reversed = [...ALL_LABELS].reverse();
    expect(view({ status: 'MENUNGGU_KELENGKAPAN', persyaratan_kurang: reversed.join('; ') }).persyaratanKurang).toEqual(reversed);
  });

  it('reads keys as well as labels, and tolerates spacing around the separator', () => {
    const v = view({ status: 'MENUNGGU_KELENGKAPAN', persyaratan_kurang: 'diketahui_rw;Diketahui Ketua LPM ;  surat_ditandatangani;' });
    expect(v.persyaratanKurang).toEqual(['Diketahui Ketua RW', 'Diketahui Ketua LPM', 'Formulir/surat pengaduan ditandatangani pelapor']);
  });

  it('drops anything that is not a known requirement (free text typed into the cell)', () => {
    const v = view({ status: 'MENUNGGU_KELENGKAPAN', persyaratan_kurang: 'Diketahui Lurah; KTP Bu Siti 1371234567890001 belum ada; diketahui lurah; <b>x</b>' });
    expect(v.persyaratanKurang).toEqual(['Diketahui Lurah']);
  });

  it('an empty list while waiting is an empty list', () => {
    expect(view({ status: 'MENUNGGU_KELENGKAPAN' }).persyaratanKurang).toEqual([]);
    expect(view({ status: 'MENUNGGU_KELENGKAPAN', persyaratan_kurang: ' ; ; ' }).persyaratanKurang).toEqual([]);
  });

  it.each(STATUS.filter((s) => s !== 'MENUNGGU_KELENGKAPAN'))('%s lists no requirements even when the column still holds some', (status) => {
    expect(view({ status, persyaratan_kurang: ALL_LABELS.join('; ') }).persyaratanKurang).toEqual([]);
  });

  it('an unknown status lists no requirements', () => {
    expect(view({ status: 'MENUNGGU', persyaratan_kurang: ALL_LABELS.join('; ') }).persyaratanKurang).toEqual([]);
  });
});

describe('citizenStatus: dates', () => {
  it.each([
    ['2026-04-02', 'Kamis, 2 April 2026'],
    ['2026-03-26', 'Kamis, 26 Maret 2026'],
    ['2026-08-17', 'Senin, 17 Agustus 2026'],
    ['2027-01-01', 'Jumat, 1 Januari 2027'],
    ['2028-02-29', 'Selasa, 29 Februari 2028'],
    ['2026-05-31', 'Minggu, 31 Mei 2026'],
  ])('due date %s reads %s', (tenggat, teks) => {
    const v = view({ tenggat });
    expect(v.tenggat).toBe(tenggat);
    expect(v.tenggatTeks).toBe(teks);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not a date', 'besok'],
    ['an impossible date', '2026-02-30'],
    ['a date in another format', '02/04/2026'],
    ['a date and time', '2026-04-02 09:00'],
    ['a serial number', 46114],
  ])('a %s due date is left empty', (_what, tenggat) => {
    const r = record({ tenggat });
    if (tenggat === undefined) delete r.tenggat;
    const v = citizenStatus(r, KODE);
    expect(v?.tenggat).toBe('');
    expect(v?.tenggatTeks).toBe('');
  });

  it.each([
    ['register text (WIB)', '2026-03-20 14:05:09', '2026-03-20 14:05 WIB'],
    ['ISO with the WIB offset', '2026-03-20T14:05:00+07:00', '2026-03-20 14:05 WIB'],
    ['ISO in UTC', '2026-03-20T20:30:00Z', '2026-03-21 03:30 WIB'],
    ['a date only (midnight WIB)', '2026-03-20', '2026-03-20 00:00 WIB'],
  ])('the last update from diperbarui_pada as %s', (_what, diperbarui_pada, want) => {
    expect(view({ diperbarui_pada }).diperbarui).toBe(want);
  });

  it('falls back to diterima_pada when diperbarui_pada is empty or unreadable', () => {
    expect(view({ diperbarui_pada: '' }).diperbarui).toBe('2026-03-17 09:30 WIB');
    expect(view({ diperbarui_pada: 'kemarin sore' }).diperbarui).toBe('2026-03-17 09:30 WIB');
    expect(view().diperbarui).toBe('2026-03-17 09:30 WIB');
  });

  it('is empty when neither time can be read', () => {
    expect(view({ diperbarui_pada: 'x', diterima_pada: 'y' }).diperbarui).toBe('');
    expect(view({ diterima_pada: '' }).diperbarui).toBe('');
  });

  it('the update time matches YYYY-MM-DD HH:MM WIB', () => {
    expect(view({ diperbarui_pada: '2026-12-31 23:59:59' }).diperbarui).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB$/);
  });
});

describe('citizenStatus: no personal data and no free text', () => {
  const COLUMNS = TABS.pengaduan.columns;
  const isPrivate = (c: (typeof COLUMNS)[number]): boolean => c.pii || c.type === 'teks_panjang' || c.type === 'json';
  /** Columns the view reads by design: the number it answers for, the stage, dates, the requirement checklist. */
  const READ: readonly RegisterKey[] = ['nomor', 'kode_akses', 'status', 'tenggat', 'diperbarui_pada', 'diterima_pada', 'persyaratan_kurang'];
  const marker = (key: string): string => `Penanda${key.replace(/_/g, '')}QZX`;

  /** A record with `keys` filled with markers (kode_akses with the code itself, which is a marker too). */
  function marked(keys: readonly RegisterKey[], status: string): { rec: RegisterRecord; markers: string[] } {
    const rec = record({ status, persyaratan_kurang: `${PERSYARATAN_LABEL.diketahui_rt}; ${marker('persyaratan_kurang')}` });
    const markers = [KODE, marker('persyaratan_kurang')];
    for (const key of keys) {
      if (key === 'kode_akses') continue;
      rec[key] = marker(key);
      markers.push(marker(key));
    }
    return { rec, markers };
  }

  it('the schema has personal-data columns and free-text columns to check', () => {
    const keys = COLUMNS.filter(isPrivate).map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['kode_akses', 'nama_pelapor', 'nik_pelapor', 'telepon_pelapor', 'email_pelapor', 'alamat_pelapor', 'isi_pengaduan', 'catatan_staf', 'jawaban', 'rapat_hadir']));
  });

  it.each([...STATUS, 'STATUS_KETIK_TANGAN'])('with status %s, no personal-data or free-text column reaches the view', (status) => {
    const keys = COLUMNS.filter(isPrivate).map((c) => c.key);
    const { rec, markers } = marked(keys, status);
    const v = citizenStatus(rec, KODE);
    expect(v).toBeDefined();
    const out = JSON.stringify(v);
    for (const m of markers) expect(out, m).not.toContain(m);
    expect(out).not.toMatch(/QZX/);
  });

  it.each([...STATUS, 'STATUS_KETIK_TANGAN'])('with status %s, no column the view does not read by design reaches it', (status) => {
    const keys = COLUMNS.map((c) => c.key).filter((k) => !READ.includes(k));
    expect(keys.length).toBeGreaterThan(50);
    const { rec, markers } = marked(keys, status);
    const out = JSON.stringify(citizenStatus(rec, KODE));
    for (const m of markers) expect(out, m).not.toContain(m);
  });

  it('free text hidden in the columns the view does read does not leak either', () => {
    const v = citizenStatus(
      record({
        status: 'MENUNGGU_KELENGKAPAN',
        tenggat: 'Pak Budi 0812345678',
        diperbarui_pada: 'NIK 1371234567890001',
        diterima_pada: 'alamat Jl. Sudirman 1',
        persyaratan_kurang: 'surat dari RT Bu Siti',
      }),
      KODE,
    );
    const out = JSON.stringify(v);
    for (const secret of ['Budi', '0812345678', '1371234567890001', 'Sudirman', 'Siti']) expect(out).not.toContain(secret);
  });
});

describe('citizenIndex', () => {
  it('keeps only the look-up columns, by number in any case, and answers a doubled number like an unknown one', async () => {
    const { citizenIndex, CITIZEN_STATUS_COLUMNS, lookupKey } = await import('../../core/status-warga.js');
    const rows = [
      { nomor: 'PGD-2026-0001', kode_akses: 'ABC234', status: 'DITERIMA', nama_pelapor: 'Siti', nik_pelapor: '1376' },
      { nomor: ' pgd-2026-0002 ', kode_akses: 'XYZ789', status: 'SELESAI' },
      { nomor: 'PGD-2026-0003', kode_akses: 'AAA111' },
      { nomor: 'pgd-2026-0003', kode_akses: 'BBB222' },
      { nomor: '', kode_akses: 'CCC333' },
    ];
    const index = citizenIndex(rows);
    expect([...index.keys()]).toEqual(['PGD-2026-0001', 'PGD-2026-0002', 'PGD-2026-0003']);
    expect(index.get(lookupKey(' pgd-2026-0001'))).toEqual({ nomor: 'PGD-2026-0001', kode_akses: 'ABC234', status: 'DITERIMA' });
    expect(index.get('PGD-2026-0003')).toBeNull();
    for (const v of index.values()) for (const k of Object.keys(v ?? {})) expect(CITIZEN_STATUS_COLUMNS).toContain(k);
  });
});
