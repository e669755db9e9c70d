/**
 * Tests of functions/config.ts: the functions' configuration read from environment variables once
 * and checked as a whole. Defaults for the local server, what the Google deployment requires, the
 * refusals that keep `PENGADUAN_AUTH=lokal` and a fixed clock off Cloud Run, and messages that stay
 * short and readable whatever an administrator (or a broken script) puts into a variable.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, shown, type Config } from '../../functions/config.js';
import { refusal } from '../helpers/refusal.js';

const CWD = path.resolve('/srv/pengaduan');
const SHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const FOLDER_ID = '0AbCdEfGhIjKlMnOpQrSt-uvwxyz_12';
const CLIENT_ID = '123456789012-abcdefg.apps.googleusercontent.com';
const SLA_URL = 'https://asia-southeast2-proyek.cloudfunctions.net/pengaduan-sla';

/** A complete Google deployment, as Cloud Run would start it. */
const GOOGLE: Record<string, string> = {
  PENGADUAN_BACKEND: 'google',
  PENGADUAN_SPREADSHEET_ID: SHEET_ID,
  PENGADUAN_DRIVE_FOLDER_ID: FOLDER_ID,
  PENGADUAN_AUDIENCE: `${CLIENT_ID},${SLA_URL}`,
};
const CLOUD_RUN = { K_SERVICE: 'pengaduan-dokumen' };

const parse = (env: Record<string, string | undefined>): Config => parseConfig(env, CWD);
const problem = (env: Record<string, string | undefined>) => refusal(() => parseConfig(env, CWD));
/** The bullet lines of a KONFIGURASI_TIDAK_VALID message, one per problem. */
const bullets = (message: string): string[] => message.split('\n').filter((l) => l.startsWith('  - '));

describe('parseConfig: defaults', () => {
  it('an empty environment is the local server on 127.0.0.1:8080 with the register under cwd', () => {
    expect(parse({})).toEqual({
      backend: 'lokal',
      auth: 'lokal',
      register: path.join(CWD, 'data', 'register-pengaduan.xlsx'),
      templateDir: undefined,
      spreadsheetId: '',
      driveFolderId: '',
      templateFolderId: undefined,
      audiences: [],
      schedulers: [],
      statusPerMinute: 10,
      statusWrongPerHour: 5,
      statusCacheSeconds: 5,
      corsOrigin: '*',
      host: '127.0.0.1',
      port: 8080,
      fixedNow: undefined,
      pdf: false,
    } satisfies Config);
  });

  it('uses process.cwd() when no cwd is given', () => {
    expect(parseConfig({}).register).toBe(path.resolve(process.cwd(), 'data', 'register-pengaduan.xlsx'));
  });

  it('empty and blank variables count as unset', () => {
    const c = parse({ PENGADUAN_BACKEND: '', PENGADUAN_AUTH: '   ', PORT: ' ', PENGADUAN_PDF: '', PENGADUAN_REGISTER: '  ' });
    expect(c).toMatchObject({ backend: 'lokal', auth: 'lokal', port: 8080, pdf: false });
    expect(c.register).toBe(path.join(CWD, 'data', 'register-pengaduan.xlsx'));
  });

  it('the Google backend defaults to Google auth, a 60-second status cache and PDFs', () => {
    const c = parse(GOOGLE);
    expect(c).toMatchObject({
      backend: 'google',
      auth: 'google',
      spreadsheetId: SHEET_ID,
      driveFolderId: FOLDER_ID,
      audiences: [CLIENT_ID, SLA_URL],
      statusCacheSeconds: 60,
      pdf: true,
      host: '127.0.0.1',
    });
  });

  it('on Cloud Run the server listens on every interface unless told otherwise', () => {
    expect(parse({ ...GOOGLE, ...CLOUD_RUN }).host).toBe('0.0.0.0');
    expect(parse({ ...GOOGLE, ...CLOUD_RUN, PENGADUAN_HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('resolves a relative register and template folder against cwd, keeps an absolute one', () => {
    const rel = parse({ PENGADUAN_REGISTER: 'arsip/2026.xlsx', PENGADUAN_TEMPLATE_DIR: 'templat-kantor' });
    expect(rel.register).toBe(path.join(CWD, 'arsip', '2026.xlsx'));
    expect(rel.templateDir).toBe(path.join(CWD, 'templat-kantor'));
    const abs = path.resolve('/data/register.xlsx');
    expect(parse({ PENGADUAN_REGISTER: abs }).register).toBe(abs);
  });

  it('trims values and splits lists on commas, dropping empty entries', () => {
    const c = parse({
      ...GOOGLE,
      PENGADUAN_SPREADSHEET_ID: `  ${SHEET_ID}\t`,
      PENGADUAN_AUDIENCE: ` ${CLIENT_ID} ,, ${SLA_URL} ,`,
      PENGADUAN_PENJADWAL: ' Penjadwal-SLA@Proyek.iam.gserviceaccount.com , ',
      PENGADUAN_CORS_ORIGIN: ' https://dpmptsp.payakumbuhkota.go.id ',
    });
    expect(c.spreadsheetId).toBe(SHEET_ID);
    expect(c.audiences).toEqual([CLIENT_ID, SLA_URL]);
    expect(c.schedulers).toEqual(['penjadwal-sla@proyek.iam.gserviceaccount.com']);
    expect(c.corsOrigin).toBe('https://dpmptsp.payakumbuhkota.go.id');
  });

  it('takes explicit counts, port, PDF choice and an optional template folder', () => {
    const c = parse({
      ...GOOGLE,
      PORT: '9090',
      PENGADUAN_STATUS_PER_MENIT: '30',
      PENGADUAN_STATUS_SALAH_PER_JAM: '1',
      PENGADUAN_STATUS_CACHE_DETIK: '3600',
      PENGADUAN_PDF: 'TIDAK',
      PENGADUAN_TEMPLATE_FOLDER_ID: FOLDER_ID,
    });
    expect(c).toMatchObject({ port: 9090, statusPerMinute: 30, statusWrongPerHour: 1, statusCacheSeconds: 3600, pdf: false, templateFolderId: FOLDER_ID });
    expect(parse({ PENGADUAN_PDF: ' Ya ' }).pdf).toBe(true);
    expect(parse({ PENGADUAN_STATUS_CACHE_DETIK: '0' }).statusCacheSeconds).toBe(0);
  });

  it.each(['0', '1', '65535'])('accepts port %s', (p) => {
    expect(parse({ PORT: p }).port).toBe(Number(p));
  });

  it('Google sheets with local auth (a developer on their own machine) needs no audience', () => {
    const c = parse({ PENGADUAN_BACKEND: 'google', PENGADUAN_AUTH: 'lokal', PENGADUAN_SPREADSHEET_ID: SHEET_ID, PENGADUAN_DRIVE_FOLDER_ID: FOLDER_ID });
    expect(c).toMatchObject({ backend: 'google', auth: 'lokal', audiences: [] });
  });
});

describe('parseConfig: the Google deployment', () => {
  it('lists every missing setting in one KONFIGURASI_TIDAK_VALID error', () => {
    const err = problem({ PENGADUAN_BACKEND: 'google' });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(err.message).toMatch(/^Konfigurasi fungsi tidak valid/);
    expect(err.message).toContain('PENGADUAN_SPREADSHEET_ID');
    expect(err.message).toContain('PENGADUAN_DRIVE_FOLDER_ID');
    expect(err.message).toContain('PENGADUAN_AUDIENCE');
    expect(bullets(err.message)).toHaveLength(3);
  });

  it.each(['PENGADUAN_SPREADSHEET_ID', 'PENGADUAN_DRIVE_FOLDER_ID', 'PENGADUAN_AUDIENCE'])('names %s alone when only it is missing', (name) => {
    const err = problem({ ...GOOGLE, [name]: undefined });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(bullets(err.message)).toHaveLength(1);
    expect(bullets(err.message)[0]).toContain(name);
  });

  it('an audience of only commas and spaces is missing', () => {
    expect(problem({ ...GOOGLE, PENGADUAN_AUDIENCE: ' , ,' }).message).toContain('PENGADUAN_AUDIENCE');
  });

  it.each([
    ['a full spreadsheet URL', `https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit`],
    ['a too-short id', 'abc123'],
    ['an id with a space', '1AbCdEf GhIjKlMn'],
  ])('refuses %s as the spreadsheet id', (_what, id) => {
    const err = problem({ ...GOOGLE, PENGADUAN_SPREADSHEET_ID: id });
    expect(bullets(err.message)).toHaveLength(1);
    expect(err.message).toContain('PENGADUAN_SPREADSHEET_ID');
  });

  it('refuses a template folder that is not a Drive id', () => {
    const err = problem({ ...GOOGLE, PENGADUAN_TEMPLATE_FOLDER_ID: 'https://drive.google.com/drive/folders/x' });
    expect(err.message).toContain('PENGADUAN_TEMPLATE_FOLDER_ID');
  });

  it('refuses a scheduler that is not an e-mail address, quoting it', () => {
    const err = problem({ ...GOOGLE, PENGADUAN_PENJADWAL: 'penjadwal-sla@proyek.iam.gserviceaccount.com,penjadwal' });
    expect(bullets(err.message)).toHaveLength(1);
    expect(err.message).toContain('PENGADUAN_PENJADWAL: "penjadwal"');
  });

  it('the local backend does not ask for Google ids', () => {
    expect(() => parse({ PENGADUAN_TEMPLATE_FOLDER_ID: 'x' })).not.toThrow();
  });

  it('problems of all kinds come together, one bullet each', () => {
    const err = problem({
      ...CLOUD_RUN,
      PENGADUAN_BACKEND: 'google',
      PENGADUAN_AUTH: 'lokal',
      PORT: 'delapan',
      PENGADUAN_STATUS_PER_MENIT: '-1',
      PENGADUAN_WAKTU: '2026-03-17T09:00:00+07:00',
      PENGADUAN_PDF: 'mungkin',
    });
    const lines = bullets(err.message);
    for (const name of ['PENGADUAN_SPREADSHEET_ID', 'PENGADUAN_DRIVE_FOLDER_ID', 'PENGADUAN_AUTH=lokal', 'PORT', 'PENGADUAN_STATUS_PER_MENIT', 'PENGADUAN_WAKTU', 'PENGADUAN_PDF']) {
      expect(lines.filter((l) => l.includes(name)), name).toHaveLength(1);
    }
    expect(lines).toHaveLength(7);
  });
});

describe('parseConfig: local auth stays on the local machine', () => {
  it('refuses PENGADUAN_AUTH=lokal on Cloud Run (K_SERVICE set)', () => {
    const err = problem({ ...GOOGLE, ...CLOUD_RUN, PENGADUAN_AUTH: 'lokal' });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(err.message).toContain('PENGADUAN_AUTH=lokal tidak boleh dipakai di Cloud Run');
  });

  it('refuses the default local auth on Cloud Run too (a forgotten PENGADUAN_BACKEND)', () => {
    const err = problem({ ...CLOUD_RUN });
    expect(err.message).toContain('Cloud Run');
  });

  it('even on a loopback host when K_SERVICE is set', () => {
    expect(problem({ ...CLOUD_RUN, PENGADUAN_HOST: '127.0.0.1' }).message).toContain('Cloud Run');
  });

  it.each(['0.0.0.0', '192.168.1.10', '::', 'pengaduan.local', '127.0.0.2', 'LOCALHOST'])('refuses local auth on host %s', (host) => {
    const err = problem({ PENGADUAN_HOST: host });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(err.message).toContain('PENGADUAN_AUTH=lokal hanya untuk server di komputer sendiri');
    expect(err.message).toContain(`"${host}"`);
  });

  it.each(['127.0.0.1', '::1', 'localhost'])('accepts local auth on loopback host %s', (host) => {
    expect(parse({ PENGADUAN_HOST: host })).toMatchObject({ auth: 'lokal', host });
  });

  it('Google auth may listen anywhere', () => {
    expect(parse({ ...GOOGLE, PENGADUAN_HOST: '0.0.0.0' })).toMatchObject({ auth: 'google', host: '0.0.0.0' });
  });

  it('takes PENGADUAN_BACKEND and PENGADUAN_AUTH in any case, like PENGADUAN_PDF', () => {
    expect(parse({ PENGADUAN_BACKEND: 'Lokal', PENGADUAN_AUTH: 'LOKAL' })).toMatchObject({ backend: 'lokal', auth: 'lokal' });
  });

  it.each(['PENGADUAN_STATUS_PER_MENIT', 'PENGADUAN_STATUS_SALAH_PER_JAM'])('refuses %s=0, which would turn every citizen away', (name) => {
    expect(() => parse({ [name]: '0' })).toThrow(new RegExp(`${name} harus bilangan bulat 1–`));
  });

  it('refuses the local register on Cloud Run, where it would vanish with the instance', () => {
    expect(() => parse({ K_SERVICE: 'pengaduan-dokumen', PENGADUAN_AUTH: 'google', PENGADUAN_AUDIENCE: 'x' })).toThrow(/PENGADUAN_BACKEND=google wajib di Cloud Run/);
  });

  it.each(['google-auth', 'none'])('refuses PENGADUAN_AUTH=%s', (v) => {
    expect(problem({ PENGADUAN_AUTH: v }).message).toContain(`PENGADUAN_AUTH harus "google" atau "lokal", bukan "${v}"`);
  });

  it.each(['sheets', 'xlsx'])('refuses PENGADUAN_BACKEND=%s', (v) => {
    expect(problem({ PENGADUAN_BACKEND: v }).message).toContain(`PENGADUAN_BACKEND harus "lokal" atau "google", bukan "${v}"`);
  });
});

describe('parseConfig: a fixed clock (PENGADUAN_WAKTU)', () => {
  it.each([
    ['2026-03-17T09:00:00+07:00', Date.UTC(2026, 2, 17, 2, 0, 0)],
    ['2026-03-17T02:00:00Z', Date.UTC(2026, 2, 17, 2, 0, 0)],
    ['2026-03-17 09:30', Date.UTC(2026, 2, 17, 2, 30, 0)], // no offset: WIB
    ['2026-03-17', Date.UTC(2026, 2, 16, 17, 0, 0)], // midnight WIB
  ])('parses %s locally', (text, want) => {
    expect(parse({ PENGADUAN_WAKTU: text }).fixedNow).toBe(want);
  });

  it('refuses it on Cloud Run even when it parses', () => {
    const err = problem({ ...GOOGLE, ...CLOUD_RUN, PENGADUAN_WAKTU: '2026-03-17T09:00:00+07:00' });
    expect(bullets(err.message)).toEqual(['  - PENGADUAN_WAKTU hanya untuk uji dan demonstrasi; hapus dari konfigurasi Cloud Run.']);
  });

  it.each(['kemarin', '2026-02-30', '2026-03-17T25:00:00+07:00', '17/03/2026'])('refuses %s, quoting it', (text) => {
    const err = problem({ PENGADUAN_WAKTU: text });
    expect(err.message).toContain(`PENGADUAN_WAKTU "${text}" bukan waktu ISO 8601 yang valid.`);
  });
});

describe('parseConfig: numbers, choices and files', () => {
  it.each(['65536', '99999', '-1', '80.5', '8O80', '0x1F90', '１２３', '123456'])('refuses PORT=%s', (p) => {
    const err = problem({ PORT: p });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(bullets(err.message)).toHaveLength(1);
    expect(err.message).toContain('PORT harus nomor port 0–65535');
  });

  it.each([
    ['PENGADUAN_STATUS_PER_MENIT', '10001', '1–10000'],
    ['PENGADUAN_STATUS_PER_MENIT', '-5', '1–10000'],
    ['PENGADUAN_STATUS_SALAH_PER_JAM', '1001', '1–1000'],
    ['PENGADUAN_STATUS_SALAH_PER_JAM', '2.5', '1–1000'],
    ['PENGADUAN_STATUS_CACHE_DETIK', '3601', '0–3600'],
    ['PENGADUAN_STATUS_CACHE_DETIK', '1e3', '0–3600'],
    ['PENGADUAN_STATUS_CACHE_DETIK', 'enam puluh', '0–3600'],
  ])('refuses %s=%s (range %s)', (name, value, range) => {
    const err = problem({ [name]: value });
    expect(bullets(err.message)).toEqual([`  - ${name} harus bilangan bulat ${range}, bukan "${value}".`]);
  });

  it('accepts the largest allowed counts', () => {
    expect(parse({ PENGADUAN_STATUS_PER_MENIT: '10000', PENGADUAN_STATUS_SALAH_PER_JAM: '1000', PENGADUAN_STATUS_CACHE_DETIK: '3600' })).toMatchObject({
      statusPerMinute: 10_000,
      statusWrongPerHour: 1_000,
      statusCacheSeconds: 3_600,
    });
  });

  it.each(['true', '1', 'yes', 'y'])('refuses PENGADUAN_PDF=%s', (v) => {
    expect(problem({ PENGADUAN_PDF: v }).message).toContain('PENGADUAN_PDF harus "ya" atau "tidak"');
  });

  it.each(['register.xls', 'register.csv', 'register', 'data/register.xlsx.bak'])('refuses the local register %s', (file) => {
    const err = problem({ PENGADUAN_REGISTER: file });
    expect(err.message).toContain(`PENGADUAN_REGISTER harus berkas .xlsx, bukan "${file}"`);
  });

  it('accepts .XLSX in capitals', () => {
    expect(parse({ PENGADUAN_REGISTER: 'Register.XLSX' }).register).toBe(path.join(CWD, 'Register.XLSX'));
  });

  it('the Google backend does not look at the local register', () => {
    expect(() => parse({ ...GOOGLE, PENGADUAN_REGISTER: 'register.ods' })).not.toThrow();
  });
});

describe('parseConfig: hostile values', () => {
  const HUGE = 'x'.repeat(10_000);
  const SINGLE = [
    'PENGADUAN_BACKEND',
    'PENGADUAN_AUTH',
    'PORT',
    'PENGADUAN_STATUS_PER_MENIT',
    'PENGADUAN_STATUS_SALAH_PER_JAM',
    'PENGADUAN_STATUS_CACHE_DETIK',
    'PENGADUAN_WAKTU',
    'PENGADUAN_PDF',
    'PENGADUAN_REGISTER',
    'PENGADUAN_SPREADSHEET_ID',
    'PENGADUAN_DRIVE_FOLDER_ID',
    'PENGADUAN_TEMPLATE_FOLDER_ID',
    'PENGADUAN_PENJADWAL',
    'PENGADUAN_HOST',
  ];

  it.each(SINGLE)('a 10 kB %s is refused with a short message that does not echo it in full', (name) => {
    const base = name === 'PENGADUAN_SPREADSHEET_ID' || name === 'PENGADUAN_DRIVE_FOLDER_ID' || name === 'PENGADUAN_TEMPLATE_FOLDER_ID' || name === 'PENGADUAN_PENJADWAL' ? GOOGLE : {};
    const err = problem({ ...base, [name]: `${HUGE}.docx` });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(err.message).toContain(name === 'PENGADUAN_HOST' ? 'PENGADUAN_AUTH=lokal' : name);
    expect(err.message).not.toContain(HUGE.slice(0, 200));
    expect(err.message.length).toBeLessThan(1_000);
  });

  it('every variable 10 kB at once still gives a message of a few kB', () => {
    const env: Record<string, string> = { ...GOOGLE };
    for (const name of SINGLE) if (name !== 'PENGADUAN_HOST') env[name] = `${HUGE}${name}`;
    const err = problem(env);
    expect(err.message.length).toBeLessThan(4_000);
    expect(err.message).not.toContain(HUGE.slice(0, 200));
  });

  it('a 10 kB comma list of schedulers gives a bounded message, not one problem line per entry', () => {
    const flood = Array.from({ length: 5_000 }, () => 'x').join(',');
    expect(flood.length).toBeLessThan(10_001);
    const err = problem({ ...GOOGLE, PENGADUAN_PENJADWAL: flood });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(err.message.length).toBeLessThan(4_000);
  });

  it('a newline inside a value cannot forge an extra problem line in the message', () => {
    const forged = 'x\n  - PORT sudah benar';
    const err = problem({ PENGADUAN_BACKEND: forged });
    expect(err.message).toContain('PENGADUAN_BACKEND');
    expect(bullets(err.message)).toHaveLength(1);
  });

  it('a value with leading/trailing newlines is trimmed like spaces', () => {
    expect(parse({ PENGADUAN_BACKEND: '\nlokal\r\n', PORT: '\t8081\n' })).toMatchObject({ backend: 'lokal', port: 8081 });
  });

  it('unicode values are refused and quoted', () => {
    const err = problem({ PENGADUAN_BACKEND: 'lökäl😀', PENGADUAN_PDF: 'ｙａ', PORT: '８０８０' });
    expect(bullets(err.message)).toEqual([
      '  - PENGADUAN_BACKEND harus "lokal" atau "google", bukan "lökäl😀".',
      '  - PORT harus nomor port 0–65535, bukan "８０８０".',
      '  - PENGADUAN_PDF harus "ya" atau "tidak", bukan "ｙａ".',
    ]);
  });

  it('a shortened quote never cuts an emoji in half (no lone surrogate in the message)', () => {
    const emoji = `a${'😀'.repeat(50)}`; // the first 40 UTF-16 units end inside the 20th emoji
    const err = problem({ PENGADUAN_BACKEND: emoji });
    expect(err.message).toContain('a😀😀');
    // A lone surrogate does not survive UTF-8 encoding (it becomes U+FFFD in logs and terminals).
    expect(Buffer.from(err.message, 'utf8').toString('utf8')).toBe(err.message);
  });

  it('right-to-left and zero-width characters in a value do not make it pass', () => {
    expect(problem({ PENGADUAN_BACKEND: 'goo\u200Bgle' }).code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(problem({ PENGADUAN_AUTH: '\u202Elokal' }).code).toBe('KONFIGURASI_TIDAK_VALID');
  });
});

describe('shown: a value quoted in a message', () => {
  it('keeps a short value as it is', () => {
    expect(shown('lokal', 40)).toBe('lokal');
    expect(shown('x'.repeat(40), 40)).toBe('x'.repeat(40));
  });

  it('cuts a long value to max characters and marks the cut', () => {
    expect(shown('x'.repeat(41), 40)).toBe(`${'x'.repeat(40)}…`);
  });

  it('counts whole characters, never half an emoji', () => {
    expect(shown('😀'.repeat(5), 3)).toBe('😀😀😀…');
  });

  it('shows line breaks and other control characters as spaces', () => {
    expect(shown('a\nb\r\nc\td\u0000e\u001bf', 40)).toBe('a b  c d e f');
  });
});
