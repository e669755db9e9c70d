/**
 * Tests of core/fields.ts: the normalisation of Indonesian phone numbers and e-mail addresses, and
 * `validateFields`, which turns raw untrusted input into clean values or Indonesian problems, one
 * per field. Table-driven; every case says what a person might really type.
 */
import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone, validateFields, type FieldSpec } from '../../core/fields.js';

describe('normalizePhone', () => {
  it.each<[string, string, string]>([
    ['a mobile number', '081234567890', '081234567890'],
    ['a mobile number with spaces', '0812 3456 7890', '081234567890'],
    ['a mobile number with dashes', '0812-3456-7890', '081234567890'],
    ['a mobile number with dots', '0812.3456.7890', '081234567890'],
    ['+62 with spaces and dashes', '+62 812-3456-7890', '081234567890'],
    ['+62 written together', '+6281234567890', '081234567890'],
    ['62 without the plus', '6281234567890', '081234567890'],
    ['the office WhatsApp number', '082172494100', '082172494100'],
    ['the shortest mobile (08 + 8 digits)', '0812345678', '0812345678'],
    ['the longest mobile (08 + 11 digits)', '0812345678901', '0812345678901'],
    ['a Payakumbuh landline', '0752 92001', '075292001'],
    ['a landline with the area code in brackets', '(0752) 92001', '075292001'],
    ['a landline as +62', '+62 752 92001', '075292001'],
    ['a Jakarta landline', '021-5551234', '0215551234'],
    ['surrounding spaces', '  081234567890  ', '081234567890'],
  ])('accepts %s: %j → %j', (_what, raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['letters', 'nomor saya'],
    ['letters among digits', '0812-34AB-7890'],
    ['too short a mobile', '081234567'],
    ['too long a mobile', '08123456789012'],
    ['too short a landline', '07529200'],
    ['too long a landline', '0752920012345'],
    ['no leading 0 or 62', '81234567890'],
    ['an international prefix 00', '0062812345678'],
    ['a foreign number', '+1 555 0100 123'],
    ['a Malaysian number', '+60 12-345 6789'],
    ['a plus in the middle', '0812+34567890'],
  ])('refuses %s: %j', (_what, raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
  });
});

describe('normalizeEmail', () => {
  it('takes a mailbox name of 64 characters, the most RFC 5321 allows', () => {
    expect(normalizeEmail(`${'a'.repeat(64)}@contoh.id`)).toBe(`${'a'.repeat(64)}@contoh.id`);
  });

  it.each<[string, string]>([
    ['budi@contoh.go.id', 'budi@contoh.go.id'],
    ['Budi.Santoso@Contoh.CO.ID', 'Budi.Santoso@contoh.co.id'],
    ['  siti+pengaduan@mail-server.id ', 'siti+pengaduan@mail-server.id'],
    ['a_b-c@sub.domain.example.com', 'a_b-c@sub.domain.example.com'],
  ])('accepts %j as %j (domain lower-cased, local part kept)', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    '',
    'budi',
    'budi@',
    '@contoh.id',
    'budi@contoh',
    'budi@contoh.i',
    'budi @contoh.id',
    'budi@contoh..id',
    'budi@-contoh.id',
    'budi@contoh-.id',
    'budi@@contoh.id',
    'budi@contoh.id>',
    '"budi"@contoh.id',
    'budi,siti@contoh.id',
    `${'a'.repeat(250)}@contoh.id`,
    `${'a'.repeat(65)}@contoh.id`,
  ])('refuses %j', (raw) => {
    expect(normalizeEmail(raw)).toBeUndefined();
  });
});

const spec = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key: 'x', label: 'Isian X', type, required: false, ...extra });

/** The value of field x, or its problem message. */
function check(s: FieldSpec, value: unknown): unknown {
  const r = validateFields([s], { x: value });
  return r.problems.length > 0 ? { problem: r.problems.map((p) => `${p.field}: ${p.message}`).join('; ') } : r.values.x;
}

describe('validateFields: NIK', () => {
  it.each<[unknown, unknown]>([
    ['1376012345678901', '1376012345678901'],
    ['1376 0123 4567 8901', '1376012345678901'],
    [1376012345678901, '1376012345678901'],
    ['137601234567890', { problem: 'Isian X: NIK harus 16 digit angka' }],
    ['13760123456789012', { problem: 'Isian X: NIK harus 16 digit angka' }],
    ['1376-0123-4567-8901', { problem: 'Isian X: NIK harus 16 digit angka' }],
    ['137601234567890A', { problem: 'Isian X: NIK harus 16 digit angka' }],
  ])('%j → %j', (raw, expected) => {
    expect(check(spec('nik'), raw)).toEqual(expected);
  });

  // Was a bug (fixed): a NIK given as a JSON number was accepted through String(v), but NIKs of the Papua
  // provinces (codes 91 and up) are above Number.MAX_SAFE_INTEGER, so the number was already rounded by
  // JSON.parse: `{"nik_pelapor": 9401234567890123}` is stored as "9401234567890124", a different
  // person's NIK, without any problem reported. An unsafe integer should be refused (ask for text).
  it('does not store other digits than were sent for a NIK above 2^53 given as a number', () => {
    const sent = '9401234567890123';
    const raw: unknown = JSON.parse(`{"x": ${sent}}`);
    const r = validateFields([spec('nik')], raw);
    if (r.problems.length === 0) expect(r.values.x).toBe(sent);
    else expect(r.problems[0]?.message).toMatch(/NIK/);
  });
});

describe('validateFields: jam (time of day)', () => {
  it.each<[unknown, unknown]>([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['09.30', '09:30'],
    [' 14:05 ', '14:05'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('accepts %j as %j', (raw, expected) => {
    expect(check(spec('jam'), raw)).toBe(expected);
  });
  it.each(['24:00', '9:5', '930', '09:60', '9 pagi', '09:30:00'])('refuses %j', (raw) => {
    expect(check(spec('jam'), raw)).toEqual({ problem: 'Isian X: harus jam yang valid, format JJ:MM (misalnya 09:30)' });
  });
});

describe('validateFields: tanggal', () => {
  it.each(['2026-03-17', '2024-02-29', '2026-12-31'])('accepts %j', (raw) => {
    expect(check(spec('tanggal'), raw)).toBe(raw);
  });
  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '17-03-2026', '2026/03/17', '2026-3-17'])('refuses %j', (raw) => {
    expect(check(spec('tanggal'), raw)).toEqual({ problem: 'Isian X: harus tanggal yang valid, format TTTT-BB-HH' });
  });
});

describe('validateFields: e-mail and telepon', () => {
  it('normalises a valid address and number', () => {
    expect(check(spec('email'), 'Budi@Contoh.ID')).toBe('Budi@contoh.id');
    expect(check(spec('telepon'), '+62 812-3456-7890')).toBe('081234567890');
    expect(check(spec('telepon'), 6281234567890)).toBe('081234567890');
  });
  it('says what is wrong, in Indonesian', () => {
    expect(check(spec('email'), 'budi@')).toEqual({ problem: 'Isian X: bukan alamat e-mail yang valid' });
    expect(check(spec('telepon'), '12345')).toEqual({ problem: 'Isian X: bukan nomor telepon Indonesia yang valid (contoh: 081234567890 atau +6281234567890)' });
  });
});

describe('validateFields: ya_tidak, pilihan and daftar_pilihan', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    ['ya', true],
    [' Setuju ', true],
    ['Y', true],
    [false, false],
    ['tidak', false],
  ])('reads %j as %j', (raw, expected) => {
    expect(check(spec('ya_tidak'), raw)).toBe(expected);
  });

  it('refuses anything else than yes or no', () => {
    expect(check(spec('ya_tidak'), 'mungkin')).toEqual({ problem: 'Isian X: harus "ya" atau "tidak"' });
  });

  it('matches a choice by code, case-insensitively, or by label', () => {
    const s = spec('pilihan', { options: ['sp4n_lapor', 'surat'], optionLabels: { sp4n_lapor: 'SP4N-LAPOR!', surat: 'Surat/pos' } });
    expect([check(s, 'surat'), check(s, 'SURAT'), check(s, 'sp4n-lapor!'), check(s, 'pos')]).toEqual([
      'surat',
      'surat',
      'sp4n_lapor',
      { problem: 'Isian X: harus salah satu dari: sp4n_lapor, surat' },
    ]);
  });

  it('reads a list from an array or from comma/semicolon/newline separated text, without duplicates', () => {
    const s = spec('daftar_pilihan', { options: ['a', 'b', 'c'], optionLabels: { c: 'Pilihan C' } });
    expect(check(s, ['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(check(s, 'a, b;Pilihan C\n')).toEqual(['a', 'b', 'c']);
    expect(check(s, ['a', 'z'])).toEqual({ problem: 'Isian X: "z" tidak dikenal; pilihan: a, b, c' });
  });
});

describe('validateFields: pihak (invited parties)', () => {
  const s = spec('pihak');
  it('cleans each item and defaults kelompok to lainnya', () => {
    expect(check(s, [{ nama: ' Kepala DLH\r\n', instansi: 'DLH', kelompok: 'opd_terkait' }, { nama: 'Pak RT' }])).toEqual([
      { nama: 'Kepala DLH', instansi: 'DLH', kelompok: 'opd_terkait' },
      { nama: 'Pak RT', instansi: '', kelompok: 'lainnya' },
    ]);
  });
  it.each<[string, unknown, string]>([
    ['not a list', { nama: 'x' }, 'Isian X: harus berupa daftar'],
    ['an item that is not an object', ['Kepala DLH'], 'Isian X: baris 1 tidak valid'],
    ['an item that is a list', [['x']], 'Isian X: baris 1 tidak valid'],
    ['an item without a name', [{ nama: 'A' }, { instansi: 'DLH' }], 'Isian X: baris 2: "nama" wajib diisi'],
    ['a name made only of control characters', [{ nama: '\u0000\u0007' }], 'Isian X: baris 1: "nama" wajib diisi'],
    ['a name that is not text', [{ nama: 5 }], 'Isian X: baris 1: "nama" harus berupa teks'],
    ['a name over 200 characters', [{ nama: 'n'.repeat(201) }], 'Isian X: baris 1: "nama" terlalu panjang (paling banyak 200 karakter)'],
    ['an unknown kelompok', [{ nama: 'A', kelompok: 'wartawan' }], 'Isian X: baris 1: "kelompok" harus salah satu dari: tim_teknis, opd_terkait, pemilik_usaha, pelapor, lainnya'],
  ])('refuses %s', (_what, raw, problem) => {
    expect(check(s, raw)).toEqual({ problem });
  });
  it('refuses more items than allowed', () => {
    expect(check(spec('pihak', { maxItems: 2 }), [{ nama: 'A' }, { nama: 'B' }, { nama: 'C' }])).toEqual({ problem: 'Isian X: paling banyak 2 baris' });
    expect(check(s, Array.from({ length: 101 }, () => ({ nama: 'A' })))).toEqual({ problem: 'Isian X: paling banyak 100 baris' });
  });
});

describe('validateFields: peserta and tindak_lanjut', () => {
  it('reads attendance as name and agency', () => {
    expect(check(spec('peserta'), [{ nama: 'Drs. Zulkifli', instansi: 'DLH' }, { nama: 'Warga' }])).toEqual([
      { nama: 'Drs. Zulkifli', instansi: 'DLH' },
      { nama: 'Warga', instansi: '' },
    ]);
    expect(check(spec('peserta'), [{ instansi: 'DLH' }])).toEqual({ problem: 'Isian X: baris 1: "nama" wajib diisi' });
  });

  it('reads follow-ups with an optional deadline', () => {
    expect(check(spec('tindak_lanjut'), [{ uraian: 'Bangun IPAL', pelaksana: 'Pemilik', tenggat: '2026-04-30' }, { uraian: 'Pantau', pelaksana: 'DLH' }])).toEqual([
      { uraian: 'Bangun IPAL', pelaksana: 'Pemilik', tenggat: '2026-04-30' },
      { uraian: 'Pantau', pelaksana: 'DLH', tenggat: '' },
    ]);
  });

  it.each<[unknown, string]>([
    [[{ pelaksana: 'DLH' }], 'Isian X: baris 1: "uraian" wajib diisi'],
    [[{ uraian: 'Pantau' }], 'Isian X: baris 1: "pelaksana" wajib diisi'],
    [[{ uraian: 'Pantau', pelaksana: 'DLH', tenggat: '30-04-2026' }], 'Isian X: baris 1: "tenggat" harus tanggal TTTT-BB-HH'],
    [[{ uraian: 'u'.repeat(1001), pelaksana: 'DLH' }], 'Isian X: baris 1: "uraian" terlalu panjang (paling banyak 1000 karakter)'],
    // A deadline that is not text is refused, not silently dropped.
    [[{ uraian: 'Pantau', pelaksana: 'DLH', tenggat: 20261210 }], 'Isian X: baris 1: "tenggat" harus tanggal TTTT-BB-HH atau dikosongkan'],
    [[{ uraian: 'Pantau', pelaksana: 'DLH', tenggat: { a: 1 } }], 'Isian X: baris 1: "tenggat" harus tanggal TTTT-BB-HH atau dikosongkan'],
    [[{ uraian: 'Pantau', pelaksana: 'DLH', tenggat: '0000-01-01' }], 'Isian X: baris 1: "tenggat" tahun 0000 tidak masuk akal (2000-2100)'],
    [[{ uraian: 'Pantau', pelaksana: 'DLH', tenggat: '9999-12-31' }], 'Isian X: baris 1: "tenggat" tahun 9999 tidak masuk akal (2000-2100)'],
  ])('refuses %j', (raw, problem) => {
    expect(check(spec('tindak_lanjut'), raw)).toEqual({ problem });
  });
});

describe('validateFields: text and length limits', () => {
  it('counts length in UTF-16 units, as spreadsheets count a cell: 5 letters fit a limit of 5, 3 emoji (6 units) do not', () => {
    const s = spec('teks', { maxLength: 5 });
    expect(check(s, 'abcde')).toBe('abcde');
    expect(check(s, '😀😀')).toBe('😀😀');
    expect(check(s, '😀😀😀')).toEqual({ problem: 'Isian X: terlalu panjang (6 karakter, paling banyak 5)' });
  });

  it('measures the cleaned text, so stripped controls and CRLF do not count', () => {
    const s = spec('teks_panjang', { maxLength: 5 });
    expect(check(s, 'ab\r\ncd\u0000\u0007')).toBe('ab\ncd');
  });

  it('applies the defaults: 500 for teks, 30,000 for teks_panjang, with Indonesian digit grouping', () => {
    expect(check(spec('teks'), 'a'.repeat(500))).toHaveLength(500);
    expect(check(spec('teks'), 'a'.repeat(501))).toEqual({ problem: 'Isian X: terlalu panjang (501 karakter, paling banyak 500)' });
    expect(check(spec('teks_panjang'), 'a'.repeat(30_000))).toHaveLength(30_000);
    expect(check(spec('teks_panjang'), 'a'.repeat(30_001))).toEqual({ problem: 'Isian X: terlalu panjang (30.001 karakter, paling banyak 30.000)' });
  });

  it('folds line breaks in teks and keeps them in teks_panjang', () => {
    expect(check(spec('teks'), 'a\r\nb')).toBe('a b');
    expect(check(spec('teks_panjang'), 'a\r\nb')).toBe('a\nb');
  });

  it('accepts a number as text, and refuses objects, lists and booleans', () => {
    expect(check(spec('teks'), 42)).toBe('42');
    for (const raw of [{ a: 1 }, ['a'], true]) expect(check(spec('teks'), raw)).toEqual({ problem: 'Isian X: harus berupa teks' });
  });
});

describe('validateFields: the input as a whole', () => {
  const specs: FieldSpec[] = [
    { key: 'nama', label: 'Nama', type: 'teks', required: true },
    { key: 'catatan', label: 'Catatan', type: 'teks_panjang', required: false },
  ];

  it('refuses unknown keys, naming the known ones', () => {
    const r = validateFields(specs, { nama: 'Budi', catatn: 'salah ketik' });
    expect(r.problems).toEqual([{ field: 'catatn', message: 'isian tidak dikenal; yang dikenal: nama, catatan' }]);
  });

  it('cuts a very long unknown key in the problem to 60 characters', () => {
    const r = validateFields(specs, { nama: 'Budi', ['k'.repeat(500)]: 1 });
    expect(r.problems[0]?.field).toBe('k'.repeat(60));
  });

  it('reports a missing required field, and one that is blank after cleaning', () => {
    expect(validateFields(specs, {}).problems).toEqual([{ field: 'Nama', message: 'wajib diisi' }]);
    expect(validateFields(specs, { nama: '  \u0000 ' }).problems).toEqual([{ field: 'Nama', message: 'wajib diisi' }]);
  });

  it('leaves blank optional fields out of the values', () => {
    expect(validateFields(specs, { nama: 'Budi', catatan: '   ' })).toEqual({ values: { nama: 'Budi' }, problems: [] });
    expect(validateFields(specs, { nama: 'Budi', catatan: '\u0007' })).toEqual({ values: { nama: 'Budi' }, problems: [] });
  });

  it('treats null and undefined input as an empty object, and refuses a list or a string', () => {
    expect(validateFields(specs, null).problems).toEqual([{ field: 'Nama', message: 'wajib diisi' }]);
    expect(validateFields(specs, undefined).problems).toEqual([{ field: 'Nama', message: 'wajib diisi' }]);
    for (const raw of [[{ nama: 'Budi' }], 'Budi', 7]) {
      expect(validateFields(specs, raw).problems).toEqual([{ field: 'masukan', message: 'harus berupa objek JSON {"kunci": "nilai", …}' }]);
    }
  });

  it('reports one problem per field, all at once', () => {
    const r = validateFields([...specs, { key: 'tgl', label: 'Tanggal', type: 'tanggal', required: true }], { tgl: 'kemarin', x: 1 });
    expect(r.problems.map((p) => p.field)).toEqual(['x', 'Nama', 'Tanggal']);
  });
});

describe('hostile shapes of input', () => {
  it('names a deeply nested list item without stringifying it', () => {
    let nested: unknown = [];
    for (let i = 0; i < 5000; i++) nested = [nested];
    const r = validateFields([spec('daftar_pilihan', { options: ['a'] })], { x: [nested] });
    expect(r.problems[0]?.message).toContain('"(daftar)" tidak dikenal');
  });

  it('lists at most five unknown keys, then how many more', () => {
    const raw = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 1]));
    const r = validateFields([spec('teks')], raw);
    expect(r.problems).toHaveLength(6);
    expect(r.problems[5]?.message).toBe('dan 995 isian tidak dikenal lainnya');
  });
});

describe('validateFields: dates of the procedure', () => {
  it.each(['0026-11-26', '1999-12-31', '2101-01-01', '9999-12-31'])('refuses the implausible year in %s', (date) => {
    expect(check(spec('tanggal'), date)).toEqual({ problem: `Isian X: tahun ${date.slice(0, 4)} tidak masuk akal (2000-2100)` });
  });
  it.each(['2000-01-01', '2026-11-26', '2100-12-31'])('accepts %s', (date) => {
    expect(check(spec('tanggal'), date)).toBe(date);
  });
});
