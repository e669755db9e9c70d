/**
 * Hostile and malformed intake through the `pengaduan catat` command (functions/cli/main.ts →
 * service.registerComplaints → the local workbook). DESIGN.md §3: "Untrusted text stays text":
 * formulas, template commands, XML and script fragments are stored as literal string cells, only
 * cleaned of what can never be meant (control characters, Windows line ends). Anything invalid is
 * refused with exit code 1 and an Indonesian message, and the register is left byte-for-byte as
 * it was. The saved .xlsx is opened as a zip to prove what a spreadsheet program will read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookRegister } from '../../functions/register/workbook.js';
import { registerComplaints } from '../../core/register.js';
import { isPengaduanError } from '../../core/errors.js';
import { TABS } from '../../sheets-schema/index.js';
import { cli, complaint, dataRows, fixedClock, readBook, removeDir, sheetOf, tempDir, type CliRun } from '../helpers/wb-fixtures.js';

const REGISTER = 'register.xlsx';
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir('hostile');
  file = path.join(dir, REGISTER);
  const first = await catat(complaint({ nama_pelapor: 'Pelapor Pertama' }));
  expect(first.code).toBe(0);
});
afterAll(async () => {
  await removeDir(dir);
});

function catat(data: unknown): Promise<CliRun> {
  return cli(['--register', file, 'catat', '--data', typeof data === 'string' ? data : JSON.stringify(data)], dir);
}

const header = (key: string): string => TABS.pengaduan.columns.find((c) => c.key === key)?.header ?? `?${key}`;

/** What was sent, field by field, and what must be stored. */
const HOSTILE: readonly { key: string; sent: string; stored: string }[] = [
  { key: 'nama_pelapor', sent: '=HYPERLINK("http://x","klik")', stored: '=HYPERLINK("http://x","klik")' },
  { key: 'alamat_pelapor', sent: '+1+1', stored: '+1+1' },
  { key: 'nama_usaha', sent: '-2+3\r\nPT Contoh', stored: '-2+3 PT Contoh' }, // single-line: the break folds to a space
  { key: 'alamat_usaha', sent: '@SUM(A1)', stored: '@SUM(A1)' },
  { key: 'jenis_izin', sent: '{{nama}}', stored: '{{nama}}' },
  { key: 'kelurahan', sent: '+++INS nama+++', stored: '+++INS nama+++' },
  {
    key: 'harapan',
    sent: '||<w:p><w:r><w:t>x</w:t></w:r></w:p>||\r\n<script>alert(1)</script>',
    stored: '||<w:p><w:r><w:t>x</w:t></w:r></w:p>||\n<script>alert(1)</script>',
  },
  {
    key: 'isi_pengaduan',
    sent: 'Emoji 😀👩🏽‍💻🇮🇩\r\nRTL \u200Fمرحبا\u202Eabc\r\nKontrol:\u0000\u0007\u001b selesai\r\n=1+1',
    stored: 'Emoji 😀👩🏽‍💻🇮🇩\nRTL \u200Fمرحبا\u202Eabc\nKontrol: selesai\n=1+1',
  },
  // Numbers that must stay text: a phone number or NIK read as a number loses its leading 0 or digits.
  { key: 'telepon_pelapor', sent: '0812 3456 7890', stored: '081234567890' },
  { key: 'nik_pelapor', sent: '0012345678901234', stored: '0012345678901234' },
  { key: 'bukti', sent: '=IMPORTXML("http://x","//a")\r\n-cmd|\' /C calc\'!A0', stored: '=IMPORTXML("http://x","//a")\n-cmd|\' /C calc\'!A0' },
];

/** The XML of a sheet, found through workbook.xml and its relationships (not by position). */
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const text = async (p: string): Promise<string> => {
    const f = zip.file(p);
    if (!f) throw new Error(`test: ${p} missing from the .xlsx`);
    return f.async('string');
  };
  const workbook = await text('xl/workbook.xml');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await text('xl/_rels/workbook.xml.rels');
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!target) throw new Error(`test: sheet ${name} not found in workbook.xml`);
  return text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_all, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The shared-string table, each entry the concatenation of its <t> runs. */
async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...(m[1] ?? '').matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''));
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

describe('a complaint whose text fields a spreadsheet, a template or a browser would interpret', () => {
  let nomor = '';
  beforeAll(async () => {
    const sent = complaint(Object.fromEntries(HOSTILE.map((h) => [h.key, h.sent])));
    const run = await cli(['--register', file, 'catat', '--data', JSON.stringify(sent), '--json'], dir);
    expect(run).toMatchObject({ code: 0, err: '' });
    nomor = (JSON.parse(run.out) as { nomor: string }[])[0]?.nomor ?? '';
    expect(nomor).toBe('PGD-2026-0002');
  });

  it('is stored literally, cleaned only of control characters and Windows line ends', async () => {
    const run = await cli(['--register', file, 'status', nomor, '--json'], dir);
    expect(run.code).toBe(0);
    const { record } = JSON.parse(run.out) as { record: Record<string, unknown> };
    expect(Object.fromEntries(HOSTILE.map((h) => [h.key, record[h.key]]))).toEqual(Object.fromEntries(HOSTILE.map((h) => [h.key, h.stored])));

    // The same, as a spreadsheet program reads the saved file: plain string values.
    const row = dataRows(sheetOf(await readBook(file), 'pengaduan')).find((r) => r['Nomor Registrasi'] === nomor);
    for (const h of HOSTILE) expect(row?.[header(h.key)], h.key).toBe(h.stored);
  });

  it('is saved as shared-string cells, with no formula anywhere in the workbook', async () => {
    const zip = await JSZip.loadAsync(await readFile(file));
    const strings = await sharedStrings(zip);
    const xml = await sheetXml(zip, TABS.pengaduan.name);
    const rowXml = /<row [^>]*r="3"[^>]*>([\s\S]*?)<\/row>/.exec(xml)?.[1] ?? '';
    expect(rowXml).not.toBe('');
    const headerCells = TABS.pengaduan.columns.map((c) => c.key);
    for (const h of HOSTILE) {
      const ref = `${columnLetter(headerCells.indexOf(h.key) + 1)}3`;
      const cell = new RegExp(`<c r="${ref}"([^>]*)>([\\s\\S]*?)</c>`).exec(rowXml);
      expect(cell, `${h.key} (${ref})`).not.toBeNull();
      expect(cell?.[1], h.key).toMatch(/ t="s"/);
      expect(cell?.[2], h.key).not.toMatch(/<f[\s>]/);
      const index = Number(/<v>(\d+)<\/v>/.exec(cell?.[2] ?? '')?.[1]);
      expect(strings[index], h.key).toBe(h.stored);
    }
    for (const tab of Object.values(TABS)) {
      const sheet = await sheetXml(zip, tab.name);
      expect(sheet, tab.name).not.toMatch(/<f[\s>/]/);
      expect(sheet, tab.name).not.toMatch(/ t="str"/);
    }
    // The markup is escaped inside the string table, never raw XML of the package.
    const raw = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    expect(raw).toContain('&lt;w:p&gt;');
    expect(raw).not.toContain('<w:p>');
    expect(raw).not.toContain('<script>');
  });
});

/** The register's bytes before and after a refused command. */
async function expectRefusedAndUnchanged(data: unknown, code: number, ...messages: RegExp[]): Promise<CliRun> {
  const before = await readFile(file);
  const run = await catat(data);
  expect(run.code, run.err).toBe(code);
  expect(run.out).toBe('');
  expect(run.err).toMatch(/^Gagal: /);
  for (const m of messages) expect(run.err).toMatch(m);
  expect(Buffer.compare(await readFile(file), before), 'the register file changed').toBe(0);
  return run;
}

describe('a complaint that is too long', () => {
  it('refuses a 60,000-character isi_pengaduan with exit code 1, in Indonesian, changing nothing', async () => {
    await expectRefusedAndUnchanged(
      complaint({ isi_pengaduan: 'a'.repeat(60_000) }),
      1,
      /Data pengaduan belum benar/,
      /Isi Pengaduan: terlalu panjang \(60\.000 karakter, paling banyak 30\.000\)/,
    );
  });

  it('refuses it from the service with DATA_PENGADUAN_TIDAK_VALID naming the field', async () => {
    const attempt = new WorkbookRegister(file).transaction((book) => registerComplaints(book, [complaint({ isi_pengaduan: 'a'.repeat(60_000) })], 'petugas@contoh.go.id', fixedClock()));
    const error: unknown = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isPengaduanError(error) && { code: error.code, fields: error.problems.map((p) => p.field) }).toEqual({ code: 'DATA_PENGADUAN_TIDAK_VALID', fields: ['Isi Pengaduan'] });
  });

  // Was a bug (fixed): lengths were counted in code points, but the limit exists to keep
  // a cell within Excel's 32,767 and Google Sheets' 50,000 characters, which both count UTF-16
  // units (sheets-schema/columns.ts: "long text stays under both"). 30,000 emoji are accepted and
  // written as a 60,000-unit cell, which Excel truncates/repairs and the Sheets API rejects.
  // Reproduce: pengaduan catat --data '{"kanal":"surat","nama_pelapor":"A","alamat_pelapor":"B","isi_pengaduan":"😀…(30,000×)"}'
  it('never stores a cell longer than an Excel cell holds (30,000 emoji)', async () => {
    const run = await catat(complaint({ nama_pelapor: 'Pelapor Emoji', isi_pengaduan: '😀'.repeat(30_000) }));
    const stored = dataRows(sheetOf(await readBook(file), 'pengaduan')).find((r) => r['Nama Pelapor'] === 'Pelapor Emoji')?.['Isi Pengaduan'];
    const units = typeof stored === 'string' ? stored.length : 0;
    expect(run.code === 1 || units <= 32_767, `accepted and stored ${units} UTF-16 units`).toBe(true);
  });
});

describe('malformed or invalid intake data', () => {
  const valid = complaint();
  it.each<[string, unknown, RegExp[]]>([
    ['malformed JSON', '{"kanal": "surat", "nama_pelapor": ', [/bukan JSON yang valid/]],
    ['an empty object', {}, [/Kanal: wajib diisi/, /Nama Pelapor: wajib diisi/, /Isi Pengaduan: wajib diisi/, /Kontak pelapor: isi setidaknya/]],
    ['an empty list', [], [/Daftar pengaduan kosong/]],
    ['a list item that is not an object', [valid, 42], [/Pengaduan ke-2: /, /harus berupa objek JSON/]],
    ['an unknown field name', { ...valid, nama: 'Budi' }, [/nama: isian tidak dikenal/]],
    ['a __proto__ key', JSON.parse(`{"__proto__": {"status": "SELESAI"}, ${JSON.stringify(valid).slice(1)}`) as unknown, [/__proto__: isian tidak dikenal/]],
    ['a field that is not text', { ...valid, nama_pelapor: { nama: 'Budi' } }, [/Nama Pelapor: harus berupa teks/]],
    ['an unknown kanal', { ...valid, kanal: 'whatsapp' }, [/Kanal: harus salah satu dari: formulir_online, formulir_kertas/]],
    ['an invalid e-mail', { ...valid, email_pelapor: 'budi@contoh' }, [/E-mail Pelapor: bukan alamat e-mail yang valid/]],
    ['an invalid phone number', { ...valid, telepon_pelapor: '+1 555 0100' }, [/Telepon\/WhatsApp Pelapor: bukan nomor telepon Indonesia yang valid/]],
    ['an invalid NIK', { ...valid, nik_pelapor: '1376-0123' }, [/NIK Pelapor: NIK harus 16 digit angka/]],
    ['an SP4N-LAPOR! complaint without its ticket', { ...valid, kanal: 'sp4n_lapor' }, [/Nomor Tiket SP4N-LAPOR!: wajib diisi untuk pengaduan dari SP4N-LAPOR!/]],
    ['an online form without consent', { ...valid, kanal: 'formulir_online' }, [/Persetujuan Penggunaan Data: pelapor harus menyetujui/]],
    ['a receipt time in the future', { ...valid, diterima_pada: '2026-03-18 09:00' }, [/Waktu Diterima \(WIB\): tidak boleh di masa depan/]],
    ['no way to reach the complainant', { kanal: 'surat', nama_pelapor: 'Anonim', isi_pengaduan: 'Isi.' }, [/Kontak pelapor: isi setidaknya telepon\/WhatsApp, e-mail, atau alamat/]],
    [
      'one invalid item among valid ones (none is registered)',
      [complaint({ nama_pelapor: 'Valid Satu' }), complaint({ email_pelapor: 'bukan-email' }), complaint({ nama_pelapor: 'Valid Tiga' })],
      [/Pengaduan ke-2: Data pengaduan belum benar: E-mail Pelapor: bukan alamat e-mail yang valid/],
    ],
  ])('refuses %s with exit code 1 and changes nothing', async (_what, data, messages) => {
    await expectRefusedAndUnchanged(data, 1, ...messages);
  });

  it('lists every problem of a complaint, one per line, when there are several', async () => {
    const run = await expectRefusedAndUnchanged({ kanal: 'fax', email_pelapor: 'x' }, 1);
    const lines = run.err.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toEqual(expect.arrayContaining(['  - Kanal: harus salah satu dari: formulir_online, formulir_kertas, kotak_saran, sp4n_lapor, surat, telepon_whatsapp, instagram', '  - Nama Pelapor: wajib diisi', '  - Isi Pengaduan: wajib diisi']));
    expect(lines.length).toBeGreaterThanOrEqual(4);
  });

  it('accepts a kanal given by its label, stored as its code', async () => {
    const run = await catat(complaint({ kanal: 'SP4N-LAPOR!', nomor_lapor: 'LAPOR-LABEL-1' }));
    expect(run.code).toBe(0);
    const row = dataRows(sheetOf(await readBook(file), 'pengaduan')).find((r) => r['Nomor Tiket SP4N-LAPOR!'] === 'LAPOR-LABEL-1');
    expect(row?.Kanal).toBe('sp4n_lapor');
  });
});

describe('an SP4N-LAPOR! ticket registered twice', () => {
  const ticket = 'LAPOR-20260317-0042';
  const sp4n = (extra: Record<string, unknown> = {}): Record<string, unknown> => complaint({ kanal: 'sp4n_lapor', nomor_lapor: ticket, ...extra });
  let first = '';

  beforeAll(async () => {
    const run = await catat(sp4n());
    expect(run.code).toBe(0);
    first = run.out.split('\n')[0] ?? '';
    expect(first).toMatch(/^PGD-2026-\d{4}$/);
  });

  it('refuses the second with PENGADUAN_GANDA naming the first, and changes nothing', async () => {
    await expectRefusedAndUnchanged(sp4n({ nama_pelapor: 'Pelapor Kedua' }), 1, new RegExp(`Nomor Tiket SP4N-LAPOR! "${ticket}" sudah tercatat sebagai pengaduan ${first}; tidak dicatat dua kali`));
    const code = await new WorkbookRegister(file)
      .transaction((book) => registerComplaints(book, [sp4n()], 'petugas@contoh.go.id', fixedClock()))
      .then(
        () => 'registered',
        (e: unknown) => (isPengaduanError(e) ? e.code : String(e)),
      );
    expect(code).toBe('PENGADUAN_GANDA');
  });

  it('refuses it with spaces around the ticket number too', async () => {
    await expectRefusedAndUnchanged(sp4n({ nomor_lapor: `  ${ticket}\t` }), 1, /sudah tercatat sebagai pengaduan/);
  });

  it('refuses a batch that carries one new ticket twice, registering neither', async () => {
    await expectRefusedAndUnchanged([sp4n({ nomor_lapor: 'LAPOR-BARU-1' }), sp4n({ nomor_lapor: 'LAPOR-BARU-1' })], 1, /Pengaduan ke-2: .*"LAPOR-BARU-1" sudah tercatat sebagai pengaduan \(dalam kiriman yang sama\)/);
  });

  it('still has exactly one row for the ticket', async () => {
    const rows = dataRows(sheetOf(await readBook(file), 'pengaduan')).filter((r) => r['Nomor Tiket SP4N-LAPOR!'] === ticket);
    expect(rows.map((r) => r['Nomor Registrasi'])).toEqual([first]);
  });
});
