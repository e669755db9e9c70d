/**
 * Tests of core/intake.ts: the rules every channel's complaint must meet (validateIntake), and the
 * new register row, history entry, documents and notifications that buildIntake decides, as data
 * and without executing anything. Times are WIB wall-clock text turned into instants with the
 * platform's parser ('+07:00'), not with core/time.ts.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar.js';
import { isPengaduanError, type FieldProblem } from '../../core/errors.js';
import { buildIntake, duplicateKeys, INTAKE_FIELDS, MANUAL_INTAKE_FIELDS, MANUAL_KANAL, validateIntake, type IntakeValues } from '../../core/intake.js';
import type { SlaRules } from '../../core/sla.js';
import { parseTimeline } from '../../core/timeline.js';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER, KANAL, REGISTER_COLUMNS } from '../../sheets-schema/index.js';

const cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
const RULES: SlaRules = { days: 7, atRisk: 2 };

/** An instant from WIB wall-clock text: '2026-03-17 09:00'. */
function wib(text: string): number {
  const [date, time = '00:00'] = text.split(' ');
  const ms = Date.parse(`${date}T${time}:00+07:00`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${text}`);
  return ms;
}

const NOW = wib('2026-03-17 09:00'); // Tuesday; due Thursday 2 April 2026 (DESIGN.md §5)

const valid = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  kanal: 'surat',
  nama_pelapor: 'Budi Santoso',
  alamat_pelapor: 'Jl. Soekarno Hatta No. 12, Payakumbuh',
  isi_pengaduan: 'Bau dari kandang ayam tercium sampai ke permukiman.',
  ...extra,
});

/** The problems validateIntake refuses `raw` with ([] when accepted). */
function problemsOf(raw: unknown, now = NOW): FieldProblem[] {
  try {
    validateIntake(raw, now);
    return [];
  } catch (e) {
    if (!isPengaduanError(e)) throw e;
    expect(e.code).toBe('DATA_PENGADUAN_TIDAK_VALID');
    return [...e.problems];
  }
}
const fieldsOf = (raw: unknown, now = NOW): string[] => problemsOf(raw, now).map((p) => p.field);

describe('the intake fields', () => {
  it('are the intake columns of the register, minus what the system sets, plus the receipt time', () => {
    const intakeColumns = REGISTER_COLUMNS.filter((c) => c.writer === 'intake').map((c) => c.key);
    expect(INTAKE_FIELDS.map((f) => f.key)).toEqual(intakeColumns.filter((k) => !['nomor', 'kode_akses', 'dicatat_oleh', 'diterima_pada'].includes(k)));
    expect(INTAKE_FIELDS.find((f) => f.key === 'kanal')?.options).toEqual(KANAL);
    expect(INTAKE_FIELDS.find((f) => f.key === 'nik_pelapor')?.type).toBe('nik');
    expect(INTAKE_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(['kanal', 'nama_pelapor', 'isi_pengaduan']);
  });
});

describe('validateIntake', () => {
  it('accepts a complete complaint, cleaning its values, received now', () => {
    const v = validateIntake(valid({ telepon_pelapor: '+62 812-3456-7890', nama_pelapor: ' Budi\r\nSantoso ' }), NOW);
    expect(v.kanal).toBe('surat');
    expect(v.receivedAt).toBe(NOW);
    expect(v.values).toMatchObject({ nama_pelapor: 'Budi Santoso', telepon_pelapor: '081234567890' });
  });

  it.each([
    ['telepon/WhatsApp', { telepon_pelapor: '081234567890' }],
    ['e-mail', { email_pelapor: 'budi@contoh.id' }],
    ['alamat', { alamat_pelapor: 'Jl. Veteran 1' }],
  ])('needs only one way to reach the complainant: %s', (_what, contact) => {
    expect(problemsOf({ ...valid({ alamat_pelapor: undefined }), ...contact })).toEqual([]);
  });

  it('refuses a complaint with no contact at all, saying why the contact is needed', () => {
    expect(problemsOf(valid({ alamat_pelapor: '  ' }))).toEqual([
      { field: 'Kontak pelapor', message: 'isi setidaknya telepon/WhatsApp, e-mail, atau alamat, agar hasil penanganan dapat disampaikan' },
    ]);
  });

  it('does not count an invalid contact as a contact', () => {
    expect(fieldsOf(valid({ alamat_pelapor: undefined, email_pelapor: 'budi@' }))).toEqual(['E-mail Pelapor', 'Kontak pelapor']);
  });

  it.each<[string, unknown, string[]]>([
    ['consent missing', undefined, ['Persetujuan Penggunaan Data']],
    ['consent refused', 'tidak', ['Persetujuan Penggunaan Data']],
    ['consent given as "ya"', 'ya', []],
    ['consent given as true', true, []],
  ])('requires consent for the online form: %s', (_what, persetujuan, fields) => {
    expect(fieldsOf(valid({ kanal: 'formulir_online', persetujuan_data: persetujuan }))).toEqual(fields);
  });

  it('does not require consent for complaints staff enter from other channels', () => {
    for (const kanal of KANAL.filter((k) => k !== 'formulir_online' && k !== 'sp4n_lapor')) expect(fieldsOf(valid({ kanal })), kanal).toEqual([]);
  });

  it('requires the ticket number for SP4N-LAPOR! complaints', () => {
    expect(problemsOf(valid({ kanal: 'sp4n_lapor' }))).toEqual([{ field: 'Nomor Tiket SP4N-LAPOR!', message: 'wajib diisi untuk pengaduan dari SP4N-LAPOR!' }]);
    expect(problemsOf(valid({ kanal: 'sp4n_lapor', nomor_lapor: 'LAPOR-1' }))).toEqual([]);
  });

  describe('a receipt time given by the officer', () => {
    it.each<[string, string, number]>([
      ['earlier the same day', '2026-03-17 07:30', wib('2026-03-17 07:30')],
      ['as ISO 8601 with an offset', '2026-03-16T08:00:00Z', wib('2026-03-16 15:00')],
      ['a bare date, read as midnight WIB', '2026-03-16', wib('2026-03-16 00:00')],
      ['up to 5 minutes ahead (clock drift)', '2026-03-17 09:04', wib('2026-03-17 09:04')],
      ['exactly 366 days ago', '2025-03-16 09:00', wib('2025-03-16 09:00')],
    ])('is accepted when %s', (_what, diterima, expected) => {
      expect(validateIntake(valid({ diterima_pada: diterima }), NOW).receivedAt).toBe(expected);
    });

    it.each<[string, string, string]>([
      ['in the future', '2026-03-17 09:06', 'tidak boleh di masa depan'],
      ['tomorrow', '2026-03-18', 'tidak boleh di masa depan'],
      ['more than a year ago', '2025-03-16 08:59', 'lebih dari setahun yang lalu; periksa kembali'],
      ['not a time', 'kemarin sore', 'format TTTT-BB-HH JJ:MM atau ISO 8601'],
      ['an impossible date', '2026-02-30 10:00', 'format TTTT-BB-HH JJ:MM atau ISO 8601'],
    ])('is refused when %s', (_what, diterima, message) => {
      expect(problemsOf(valid({ diterima_pada: diterima }))).toEqual([{ field: 'Waktu Diterima (WIB)', message }]);
    });
  });

  it('lists every problem at once, in one Indonesian message', () => {
    let message = '';
    try {
      validateIntake({ kanal: 'faks', email_pelapor: 'x', diterima_pada: '2030-01-01' }, NOW);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Data pengaduan belum benar: /);
    for (const part of ['Kanal: harus salah satu dari', 'Nama Pelapor: wajib diisi', 'Isi Pengaduan: wajib diisi', 'E-mail Pelapor: bukan alamat e-mail yang valid', 'Kontak pelapor:', 'Waktu Diterima (WIB): tidak boleh di masa depan']) {
      expect(message).toContain(part);
    }
  });

  it('refuses unknown fields and input that is not an object', () => {
    expect(fieldsOf(valid({ nama: 'Budi' }))).toEqual(['nama']);
    expect(fieldsOf('Budi')).toEqual(['masukan', 'Kontak pelapor']);
  });
});

describe('duplicateKeys', () => {
  it('names the SP4N ticket and the form response id, when given', () => {
    const v = validateIntake(valid({ kanal: 'sp4n_lapor', nomor_lapor: ' LAPOR-7 ', id_respons_formulir: 'resp-1' }), NOW);
    expect(duplicateKeys(v)).toEqual([
      { column: 'id_respons_formulir', value: 'resp-1' },
      { column: 'nomor_lapor', value: 'LAPOR-7' },
    ]);
    expect(duplicateKeys(validateIntake(valid(), NOW))).toEqual([]);
  });
});

describe('buildIntake for a letter received on Tuesday 17 March 2026', () => {
  const ids = { nomor: 'PGD-2026-0001', kodeAkses: 'K7M2QX' };
  const by = { email: 'rina.petugas@contoh.go.id', nama: 'Rina Marlina' };
  const v = validateIntake(valid({ telepon_pelapor: '0812 3456 7890', isi_pengaduan: '=HYPERLINK("http://x","klik")', persetujuan_data: 'ya' }), NOW);
  const decide = (values: IntakeValues = v, now = NOW): ReturnType<typeof buildIntake> => buildIntake(values, ids, by, now, { cal, rules: RULES });

  it('builds the register row: identity, the given values, status DITERIMA and the SLA columns', () => {
    const { record } = decide();
    expect(record).toMatchObject({
      nomor: 'PGD-2026-0001',
      kode_akses: 'K7M2QX',
      diterima_pada: '2026-03-17 09:00:00',
      dicatat_oleh: 'rina.petugas@contoh.go.id',
      kanal: 'surat',
      nama_pelapor: 'Budi Santoso',
      telepon_pelapor: '081234567890',
      isi_pengaduan: '=HYPERLINK("http://x","klik")',
      persetujuan_data: 'ya',
      status: 'DITERIMA',
      tahap: 'Diterima',
      menunggu: 'Petugas Layanan Pengaduan',
      diperbarui_pada: '2026-03-17 09:00:00',
      diperbarui_oleh: 'rina.petugas@contoh.go.id',
      tenggat: '2026-04-02', // Thursday: Nyepi, Idulfitri and cuti bersama 18-24 March do not count
      status_sla: 'TEPAT_WAKTU',
      hari_kerja_terpakai: 0,
      hari_kerja_sisa: 7,
    });
    expect(parseTimeline(String(record.jejak_status))).toEqual([{ status: 'DITERIMA', at: NOW }]);
  });

  it('writes only schema columns that intake, the procedure and the SLA clock own', () => {
    const owners = new Map(REGISTER_COLUMNS.map((c) => [c.key, c.writer]));
    for (const key of Object.keys(decide().record)) expect([key, owners.get(key)]).toEqual([key, expect.stringMatching(/^(intake|alur|sla)$/)]);
  });

  it('dates the row by the receipt time, and the update by now, when the complaint came earlier', () => {
    const received = wib('2026-02-06 15:00'); // Friday
    const earlier = validateIntake(valid({ diterima_pada: '2026-02-06 15:00' }), wib('2026-02-09 09:00'));
    const { record } = decide(earlier, wib('2026-02-09 09:00'));
    expect(earlier.receivedAt).toBe(received);
    expect(record).toMatchObject({
      diterima_pada: '2026-02-06 15:00:00',
      diperbarui_pada: '2026-02-09 09:00:00',
      tenggat: '2026-02-19', // Thursday: Imlek and its cuti bersama (16-17 Feb) do not count
      hari_kerja_terpakai: 1,
      hari_kerja_sisa: 6,
    });
    expect(parseTimeline(String(record.jejak_status))).toEqual([{ status: 'DITERIMA', at: received }]);
  });

  it('returns its effects as data: one history entry, two documents, two notifications', () => {
    const { effects } = decide();
    expect(effects.map((e) => (e.type === 'renderDocument' ? `${e.type}:${e.jenis}` : e.type === 'notify' ? `notify:${'peran' in e.to ? e.to.peran : 'pelapor'}` : e.type))).toEqual([
      'appendHistory',
      'renderDocument:tanda_terima',
      'renderDocument:lembar_pengaduan',
      'notify:petugas',
      'notify:pelapor',
    ]);
    expect(effects[0]).toEqual({
      type: 'appendHistory',
      entry: {
        waktu: '2026-03-17 09:00:00',
        nomor: 'PGD-2026-0001',
        aksi: 'catat',
        dari_status: '',
        ke_status: 'DITERIMA',
        oleh_email: 'rina.petugas@contoh.go.id',
        oleh_nama: 'Rina Marlina',
        oleh_peran: '',
        masukan: JSON.stringify({ kanal: 'surat', diterima_pada: '2026-03-17 09:00:00' }),
        keterangan: 'Pengaduan diterima melalui Surat/pos.',
      },
    });
  });

  it('tells the petugas of the new complaint and its channel', () => {
    const notice = decide().effects.find((e) => e.type === 'notify' && 'peran' in e.to);
    expect(notice).toMatchObject({
      subject: 'Pengaduan baru PGD-2026-0001 (Surat/pos)',
      body: expect.stringContaining('Periksa kelengkapan persyaratannya.') as string,
    });
  });

  it('gives the complainant a receipt with number, access code, due date in Indonesian, and GRATIS', () => {
    const receipt = decide().effects.find((e) => e.type === 'notify' && 'pelapor' in e.to);
    expect(receipt?.type === 'notify' && receipt.subject).toBe('Tanda terima pengaduan PGD-2026-0001');
    const body = receipt?.type === 'notify' ? receipt.body : '';
    expect(body).toContain('Nomor registrasi: PGD-2026-0001');
    expect(body).toContain('Kode akses: K7M2QX');
    expect(body).toContain('paling lama 7 hari kerja, yaitu paling lambat Kamis, 2 April 2026.');
    expect(body).toContain('pada 2026-03-17 09:00:00 WIB');
    expect(body).toContain('tidak dipungut biaya (GRATIS)');
    // The complainant's own text is not echoed into the message.
    expect(body).not.toContain('HYPERLINK');
  });

  it('promises no date it cannot compute when the holiday table does not cover the year', () => {
    const now = wib('2028-03-14 09:00');
    const { record, effects } = decide(validateIntake(valid(), now), now);
    expect(record).toMatchObject({ tenggat: '', status_sla: 'KALENDER_TIDAK_TERSEDIA' });
    const body = effects.flatMap((e) => (e.type === 'notify' && 'pelapor' in e.to ? [e.body] : []))[0] ?? '';
    expect(body).toContain('Pengaduan diselesaikan paling lama 7 hari kerja. ');
    expect(body).not.toMatch(/paling lambat/);
  });

  it('is pure: the same input gives the same decision, and the input is not changed', () => {
    const frozen: IntakeValues = Object.freeze({ ...v, values: Object.freeze({ ...v.values }) });
    expect(decide(frozen)).toEqual(decide(frozen));
    expect(frozen.values).toEqual(v.values);
  });
});

describe('registering by hand (Catat pengaduan)', () => {
  it('offers every channel but the online Form, the received time after the channel, and none of the Form\'s own fields', () => {
    const keys = MANUAL_INTAKE_FIELDS.map((f) => f.key);
    expect(MANUAL_KANAL).not.toContain('formulir_online');
    expect(MANUAL_INTAKE_FIELDS.find((f) => f.key === 'kanal')?.options).toEqual(MANUAL_KANAL);
    expect(keys.indexOf('diterima_pada')).toBe(keys.indexOf('kanal') + 1);
    expect(keys).not.toContain('id_respons_formulir');
    expect(keys).not.toContain('persetujuan_data');
  });

  it('a letter opened days later keeps the day it arrived', () => {
    const now = Date.parse('2026-11-24T09:00:00+07:00');
    const v = validateIntake({ kanal: 'surat', nama_pelapor: 'B', alamat_pelapor: 'Jl. A', isi_pengaduan: 'Isi.', diterima_pada: '2026-11-20 08:00' }, now);
    expect(v.receivedAt).toBe(Date.parse('2026-11-20T08:00:00+07:00'));
  });
});
