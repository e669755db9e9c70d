/**
 * The local document store and its helpers: file names that cannot leave the documents folder,
 * staged saves that become final only on commit (and vanish on discard), the letterhead logo read
 * from beside the register (refused with an Indonesian reason when it is not a usable image, and
 * placed in the document when it is), and PDF conversion through LibreOffice, which never passes
 * an old PDF off as a new one.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JENIS_DOKUMEN } from '../../sheets-schema/index.js';
import { isPengaduanError } from '../../core/errors.js';
import type { Gambar } from '../../core/dokumen/kontrak.js';
import { documentFileName, safeName } from '../../core/dokumen/berkas.js';
import { documentsFolder, loadLogo, LocalDocumentStore, writeFileAtomic } from '../../functions/dokumen/local.js';
import { convertToPdf } from '../../functions/dokumen/pdf.js';
import { tempDir } from '../helpers/cli.js';
import { documentContext, signedRecord } from '../helpers/dokumen-fixtures.js';
import { renderShipped } from '../helpers/dokumen-render.js';
import { readDocx } from '../helpers/docx.js';
import { exists, filesBelow, pdfTestsRun, rejection } from '../helpers/files.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pengaduan-doklokal-'));
});
afterAll(async () => cleanup());

/** A fresh folder per test, inside the file's temporary folder. */
let counter = 0;
async function sub(name: string): Promise<string> {
  const d = path.join(dir, `${++counter}-${name}`);
  await mkdir(d, { recursive: true });
  return d;
}

// ---------------------------------------------------------------------------------------------
// Images built in the test: a real PNG (signature, IHDR, IDAT, IEND with CRCs), a JPEG header, a GIF.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A valid RGB PNG of width × height pixels. */
function png(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set([200, 30 + 40 * x, 60], row + 1 + x * 3);
  }
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array(0))]),
  );
}
/** The start of a baseline JPEG 6 × 3 (SOI, JFIF, SOF0, EOI): enough for its size. */
const JPEG_6X3 = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x03, 0x00,
  0x06, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
]);
/** A GIF 10 × 5 header and trailer. */
const GIF_10X5 = new Uint8Array([...Buffer.from('GIF89a'), 10, 0, 5, 0, 0, 0, 0, 0x3b]);

describe('safeName: a registration number as one file name inside the documents folder', () => {
  it.each([
    ['PGD-2026-0001', 'PGD-2026-0001'],
    ['PGD/2026/0001', 'PGD-2026-0001'],
    ['PGD\\2026\\0001', 'PGD-2026-0001'],
    ['PGD 2026 0001', 'PGD-2026-0001'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'tanpa-nomor'],
    ['.', 'tanpa-nomor'],
    ['', 'tanpa-nomor'],
    ['   ', 'tanpa-nomor'],
    ['日本語', 'tanpa-nomor'],
    ['.tersembunyi', 'tersembunyi'],
    ['Pengaduan Ñandú 2026', 'Pengaduan-and-2026'],
    ['PGD-2026-0001.v2_final', 'PGD-2026-0001.v2_final'],
  ])('%j → %j', (input, expected) => {
    expect(safeName(input)).toBe(expected);
  });

  it('never leaves the folder, never names a hidden file or the folder itself, and stays short', () => {
    const folder = path.join(dir, 'dokumen');
    const hostile = [
      '../x',
      '../../../../root/.ssh/authorized_keys',
      '/etc/passwd',
      'C:\\Windows\\System32',
      'a/../../b',
      '....//....//x',
      '\u0000nul\u0000',
      '-rf',
      '--help',
      'x'.repeat(200),
      `${'ñ'.repeat(150)}abc`,
      '🏭'.repeat(50),
      'PGD-2026-0001\n../../x',
    ];
    for (const s of hostile) {
      const name = safeName(s);
      expect(name, s).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      expect(name.length, s).toBeGreaterThan(0);
      expect(name.length, s).toBeLessThanOrEqual(80);
      expect(path.dirname(path.join(folder, name)), s).toBe(folder);
    }
    expect(safeName('x'.repeat(200))).toBe('x'.repeat(80));
  });

  it('documentFileName joins the safe number and the type with dashes', () => {
    expect(documentFileName('PGD-2026-0001', 'tanda_terima')).toBe('PGD-2026-0001_tanda-terima.docx');
    expect(documentFileName('PGD-2026-0001', 'berita_acara_draf')).toBe('PGD-2026-0001_berita-acara-draf.docx');
    expect(documentFileName('../x', 'undangan_rapat')).toBe('x_undangan-rapat.docx');
    expect(documentFileName('', 'berita_acara')).toBe('tanpa-nomor_berita-acara.docx');
    // Every type gives a different file.
    expect(new Set(JENIS_DOKUMEN.map((j) => documentFileName('PGD-2026-0001', j))).size).toBe(JENIS_DOKUMEN.length);
  });

  it('the documents folder sits next to the register, named after it', () => {
    expect(documentsFolder('/kantor/data/register-pengaduan.xlsx')).toBe(path.join('/kantor/data', 'register-pengaduan-dokumen'));
    expect(documentsFolder('/kantor/Register 2026.XLSX')).toBe(path.join('/kantor', 'Register 2026-dokumen'));
  });
});

describe('writeFileAtomic', () => {
  it('creates the folders, replaces an older file whole, and leaves no temporary file', async () => {
    const d = await sub('atomic');
    const file = path.join(d, 'a', 'b', 'c.docx');
    await writeFileAtomic(file, new TextEncoder().encode('versi satu'));
    await writeFileAtomic(file, new TextEncoder().encode('dua'));
    expect(await readFile(file, 'utf8')).toBe('dua');
    expect(await filesBelow(d)).toEqual(['a/b/c.docx']);
  });

  it('fails (and leaves nothing) when a part of the path is a file', async () => {
    const d = await sub('atomic-notdir');
    await writeFile(path.join(d, 'berkas'), 'bukan folder');
    const error = await rejection(writeFileAtomic(path.join(d, 'berkas', 'x.docx'), new Uint8Array([1])));
    expect((error as NodeJS.ErrnoException).code).toMatch(/ENOTDIR|EEXIST/);
    expect(await filesBelow(d)).toEqual(['berkas']);
  });
});

describe('LocalDocumentStore: staged until the register is saved', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('save stages the file beside its final name and returns the POSIX path relative to the register folder', async () => {
    const d = await sub('store');
    const register = path.join(d, 'register.xlsx');
    const store = new LocalDocumentStore(register);
    expect(store.folder).toBe(path.join(d, 'register-dokumen'));
    const link = await store.save('PGD-2026-0001', 'tanda_terima', bytes('tanda terima'));
    expect(link).toBe('register-dokumen/PGD-2026-0001/PGD-2026-0001_tanda-terima.docx');
    expect(link).not.toContain('\\');
    expect(path.isAbsolute(link)).toBe(false);
    const final = store.absolute(link);
    expect(final).toBe(path.join(d, 'register-dokumen', 'PGD-2026-0001', 'PGD-2026-0001_tanda-terima.docx'));
    expect(await exists(final)).toBe(false);
    expect(await readFile(`${final}.baru`, 'utf8')).toBe('tanda terima');
  });

  it('commit puts every staged file in place (the last save of a document wins) and is then empty', async () => {
    const d = await sub('commit');
    const store = new LocalDocumentStore(path.join(d, 'register.xlsx'));
    const a = await store.save('PGD-2026-0001', 'tanda_terima', bytes('versi 1'));
    await store.save('PGD-2026-0001', 'tanda_terima', bytes('versi 2'));
    const b = await store.save('PGD-2026-0001', 'lembar_pengaduan', bytes('lembar'));
    await store.commit();
    expect(await readFile(store.absolute(a), 'utf8')).toBe('versi 2');
    expect(await readFile(store.absolute(b), 'utf8')).toBe('lembar');
    expect(await filesBelow(d)).toEqual([
      'register-dokumen/PGD-2026-0001/PGD-2026-0001_lembar-pengaduan.docx',
      'register-dokumen/PGD-2026-0001/PGD-2026-0001_tanda-terima.docx',
    ]);
    // Nothing pending: a second commit and a discard change nothing.
    await store.commit();
    await store.discard();
    expect(await readFile(store.absolute(a), 'utf8')).toBe('versi 2');
  });

  it('discard removes the staged files and keeps an older final document as it was', async () => {
    const d = await sub('discard');
    const store = new LocalDocumentStore(path.join(d, 'register.xlsx'));
    const link = await store.save('PGD-2026-0002', 'berita_acara_draf', bytes('draf lama'));
    await store.commit();
    await store.save('PGD-2026-0002', 'berita_acara_draf', bytes('draf baru'));
    await store.save('PGD-2026-0002', 'berita_acara', bytes('final dengan nomor yang tidak pernah diberikan'));
    await store.discard();
    expect(await filesBelow(d)).toEqual(['register-dokumen/PGD-2026-0002/PGD-2026-0002_berita-acara-draf.docx']);
    expect(await readFile(store.absolute(link), 'utf8')).toBe('draf lama');
    // Discarded means forgotten: a later commit does not bring them back.
    await store.commit();
    expect(await filesBelow(d)).toEqual(['register-dokumen/PGD-2026-0002/PGD-2026-0002_berita-acara-draf.docx']);
  });

  it('a register in a sub-folder links relative to that folder; a hostile number stays inside', async () => {
    const d = await sub('subfolder');
    const store = new LocalDocumentStore(path.join(d, 'data', 'register-pengaduan.xlsx'));
    const link = await store.save('../../../luar', 'undangan_rapat', bytes('x'));
    expect(link).toBe('register-pengaduan-dokumen/luar/luar_undangan-rapat.docx');
    await store.commit();
    expect(await filesBelow(d)).toEqual(['data/register-pengaduan-dokumen/luar/luar_undangan-rapat.docx']);
  });

  it('a documents folder that cannot be made is BERKAS_TIDAK_DAPAT_DIAKSES, in Indonesian, naming the file', async () => {
    const d = await sub('blocked');
    await writeFile(path.join(d, 'register-dokumen'), 'berkas biasa, bukan folder');
    const store = new LocalDocumentStore(path.join(d, 'register.xlsx'));
    const error = await rejection(store.save('PGD-2026-0003', 'tanda_terima', bytes('x')));
    expect(isPengaduanError(error) && error.code).toBe('BERKAS_TIDAK_DAPAT_DIAKSES');
    expect((error as Error).message).toMatch(/^Dokumen tidak dapat disimpan di ".*PGD-2026-0003_tanda-terima\.docx" \((bagian jalurnya adalah berkas, bukan folder; ENOTDIR|sudah ada berkas dengan nama itu; EEXIST)\)\.$/);
    await store.commit(); // nothing was staged
    expect(await filesBelow(d)).toEqual(['register-dokumen']);
  });

  it('commit when a staged file vanished: the others are placed, and the problem says the register was saved (never thrown)', async () => {
    const d = await sub('vanished');
    const store = new LocalDocumentStore(path.join(d, 'register.xlsx'));
    const gone = await store.save('PGD-2026-0004', 'tanda_terima', bytes('hilang'));
    const kept = await store.save('PGD-2026-0004', 'lembar_pengaduan', bytes('tetap'));
    await rm(`${store.absolute(gone)}.baru`);
    await store.commit();
    const message = store.problem ?? '';
    expect(message).toContain('Register sudah tersimpan');
    expect(message).toContain('PGD-2026-0004_tanda-terima.docx');
    expect(message).not.toContain('lembar-pengaduan');
    expect(message).toContain(store.folder);
    expect(message).toMatch(/Buat ulang dengan perintah dokumen/);
    expect(await readFile(store.absolute(kept), 'utf8')).toBe('tetap');
    expect(await exists(store.absolute(gone))).toBe(false);
    // The failure is reported once: nothing stays pending.
    await store.commit();
    expect(store.problem).toBeUndefined();
  });
});

describe('loadLogo: the letterhead logo beside the register', () => {
  let d: string;
  let register: string;
  beforeAll(async () => {
    d = await sub('logo');
    register = path.join(d, 'register.xlsx');
    await writeFile(path.join(d, 'logo.png'), png(4, 2));
    await writeFile(path.join(d, 'persegi.png'), png(1, 1));
    await writeFile(path.join(d, 'logo.jpg'), JPEG_6X3);
    await writeFile(path.join(d, 'logo.gif'), GIF_10X5);
    await writeFile(path.join(d, 'catatan.txt'), 'Ini bukan gambar, hanya teks biasa untuk kop.');
    await writeFile(path.join(d, 'kosong.png'), new Uint8Array(0));
    await writeFile(path.join(d, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"></svg>');
    await mkdir(path.join(d, 'folder.png'));
    await mkdir(path.join(d, 'gambar'));
    await writeFile(path.join(d, 'gambar', 'kop.png'), png(4, 2));
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(png(4, 2));
    await writeFile(path.join(d, 'besar.png'), big);
    const limit = new Uint8Array(2 * 1024 * 1024);
    limit.set(png(4, 2));
    await writeFile(path.join(d, 'pas.png'), limit);
  });

  it.each(['', '   '])('an empty setting (%j) is no logo, without a warning', async (setting) => {
    await expect(loadLogo(register, setting)).resolves.toEqual({ logo: null });
  });

  it('a PNG: its bytes, .png, scaled to fit the 3 × 2.2 cm logo cell with its proportions (4 × 2 → 3 × 1.5 cm)', async () => {
    const { logo, warning } = await loadLogo(register, 'logo.png');
    expect(warning).toBeUndefined();
    expect(logo).toEqual({ data: png(4, 2), extension: '.png', height: 1.5, width: 3 });
    expect((await loadLogo(register, ' persegi.png ')).logo).toMatchObject({ extension: '.png', height: 2.2, width: 2.2 });
  });

  it('a JPEG (6 × 3 → 3 × 1.5 cm) and a GIF (10 × 5 → 3 × 1.5 cm)', async () => {
    expect(await loadLogo(register, 'logo.jpg')).toMatchObject({ logo: { extension: '.jpg', height: 1.5, width: 3 } });
    expect(await loadLogo(register, 'logo.gif')).toMatchObject({ logo: { extension: '.gif', height: 1.5, width: 3 } });
  });

  it('is found in the register folder or below it, also by an absolute path there; never outside it', async () => {
    expect((await loadLogo(register, 'gambar/kop.png')).logo?.width).toBe(3);
    expect((await loadLogo(register, path.join(d, 'logo.png'))).logo?.width).toBe(3);
    for (const outside of ['../logo.png', '/etc/passwd', path.join(d, '..', 'logo.png')]) {
      const { logo, warning } = await loadLogo(register, outside);
      expect(logo).toBeNull();
      expect(warning).toMatch(/harus berada di folder register/);
    }
  });

  it('a file of exactly 2 MB is still used', async () => {
    const { logo, warning } = await loadLogo(register, 'pas.png');
    expect(warning).toBeUndefined();
    expect(logo?.data.length).toBe(2 * 1024 * 1024);
  });

  it.each([
    ['tidak-ada.png', /^Logo kop "tidak-ada\.png" tidak ditemukan di folder register; tempat logo dibiarkan kosong\.$/],
    ['folder.png', /^Logo kop "folder\.png" tidak ditemukan/],
    ['besar.png', /^Logo kop "besar\.png" lebih dari 2 MB; perkecil gambarnya\. Tempat logo dibiarkan kosong\.$/],
    ['catatan.txt', /^Logo kop "catatan\.txt" bukan gambar PNG, JPG, atau GIF; tempat logo dibiarkan kosong\.$/],
    ['kosong.png', /^Logo kop "kosong\.png" bukan gambar PNG, JPG, atau GIF/],
    ['logo.svg', /^Logo kop "logo\.svg" bukan gambar PNG, JPG, atau GIF/],
  ])('%s → no logo, with an Indonesian warning naming the file', async (setting, warning) => {
    const result = await loadLogo(register, setting);
    expect(result.logo).toBeNull();
    expect(result.warning).toMatch(warning);
  });
});

describe('the logo in a rendered document', () => {
  const mediaOf = (zip: JSZip): string[] => Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !zip.files[f]?.dir);
  async function renderWith(logo: Gambar | null): Promise<{ zip: JSZip; bytes: Uint8Array }> {
    const bytes = await renderShipped('tanda_terima', signedRecord(), documentContext({ logo }));
    return { zip: await JSZip.loadAsync(bytes), bytes };
  }

  it('with a logo: the PNG is a media part, drawn in the body at 4.4 × 2.2 cm, and the document stays well-formed', async () => {
    const data = png(4, 2);
    const { zip, bytes } = await renderWith({ data, extension: '.png', width: 4.4, height: 2.2 });
    const media = mediaOf(zip);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    expect(new Uint8Array(await zip.file(media[0] ?? '')!.async('uint8array'))).toEqual(data);
    const doc = await readDocx(bytes);
    expect(doc.invalid).toEqual([]);
    expect(doc.body).toContain('<w:drawing>');
    // 1 cm = 360,000 EMU.
    expect(doc.body).toMatch(/<wp:extent cx="1584000" cy="792000"\s*\/>/);
    expect(doc.parts.get('[Content_Types].xml')).toMatch(/Extension="png"/);
    expect(doc.text).toContain('PEMERINTAH KOTA PAYAKUMBUH');
  });

  it('without a logo: no media part and no drawing', async () => {
    const { zip, bytes } = await renderWith(null);
    expect(mediaOf(zip)).toEqual([]);
    const doc = await readDocx(bytes);
    expect(doc.body).not.toContain('<w:drawing>');
    expect(doc.text).toContain('PEMERINTAH KOTA PAYAKUMBUH');
  });

  it('a logo read by loadLogo goes into the document as it is', async () => {
    const d = await sub('logo-render');
    await writeFile(path.join(d, 'kop.jpg'), JPEG_6X3);
    const { logo } = await loadLogo(path.join(d, 'register.xlsx'), 'kop.jpg');
    const { zip } = await renderWith(logo);
    const media = mediaOf(zip);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.jpg$/);
  });
});

/** A fresh folder with a file `name` (not a real document unless `content` is one) to convert. */
async function docxIn(folder: string, content: string | Uint8Array = 'x', name = 'a.docx'): Promise<{ d: string; docx: string }> {
  const d = await sub(folder);
  const docx = path.join(d, name);
  await writeFile(docx, content);
  return { d, docx };
}

describe('convertToPdf', () => {
  const HINT = /LibreOffice \(".*"\) tidak ditemukan\. Berkas \.docx tetap tersimpan\. Pasang LibreOffice \(Debian\/Ubuntu: sudo apt-get install -y libreoffice-writer-nogui\)/;

  it('nothing to convert: no LibreOffice needed', async () => {
    await expect(convertToPdf([], { soffice: '/nonexistent/soffice' })).resolves.toEqual([]);
  });

  it('LibreOffice missing: PDF_TIDAK_TERSEDIA with how to install it', async () => {
    const { docx } = await docxIn('pdf-missing');
    const error = await rejection(convertToPdf([docx], { soffice: '/nonexistent/soffice' }));
    expect(isPengaduanError(error) && error.code).toBe('PDF_TIDAK_TERSEDIA');
    expect((error as Error).message).toMatch(HINT);
    expect((error as Error).message).toContain('/nonexistent/soffice');
    expect(await readFile(docx, 'utf8')).toBe('x');
  });

  it('LibreOffice that fails (exit 1): PDF_TIDAK_TERSEDIA, the .docx kept', async () => {
    const { docx } = await docxIn('pdf-false');
    const error = await rejection(convertToPdf([docx], { soffice: '/bin/false' }));
    expect(isPengaduanError(error) && error.code).toBe('PDF_TIDAK_TERSEDIA');
    expect((error as Error).message).toMatch(/^PDF tidak dapat dibuat: LibreOffice gagal\. Berkas \.docx tetap tersimpan\.$/);
  });

  it('LibreOffice that hangs is stopped and reported as past its time limit', async () => {
    const { d, docx } = await docxIn('pdf-hang');
    const script = path.join(d, 'soffice-macet.sh');
    await writeFile(script, '#!/bin/sh\nexec sleep 10\n');
    await chmod(script, 0o755);
    const started = Date.now();
    const error = await rejection(convertToPdf([docx], { soffice: script, timeoutMs: 300 }));
    expect(isPengaduanError(error) && error.code).toBe('PDF_TIDAK_TERSEDIA');
    expect((error as Error).message).toContain('melewati batas waktu');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an old PDF is removed first: a "conversion" that writes nothing is not reported as done', async () => {
    const { d, docx } = await docxIn('pdf-old', 'bukan docx', 'x.docx');
    await writeFile(path.join(d, 'x.pdf'), '%PDF-1.4 versi lama');
    // /bin/true exits 0 and writes nothing, as LibreOffice does with a file it cannot read.
    const error = await rejection(convertToPdf([docx], { soffice: '/bin/true' }));
    expect(isPengaduanError(error) && error.code).toBe('PDF_TIDAK_TERSEDIA');
    expect((error as Error).message).toBe('LibreOffice tidak menghasilkan x.pdf. Berkas .docx tetap tersimpan.');
    expect(await exists(path.join(d, 'x.pdf'))).toBe(false);
  });
});


describe.runIf(pdfTestsRun)('convertToPdf with LibreOffice installed', () => {
  it('a corrupt .docx next to an old PDF: rejected, and the old PDF is gone', async () => {
    // A zip signature and then garbage: neither a document nor plain text.
    const garbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 0xff), Buffer.from([0, 1, 2, 3, 0xfe, 0x00])]);
    const { d, docx } = await docxIn('pdf-corrupt', garbage, 'x.docx');
    await writeFile(path.join(d, 'x.pdf'), '%PDF-1.4 versi lama');
    const error = await rejection(convertToPdf([docx], { soffice: 'soffice' }));
    expect(isPengaduanError(error) && error.code).toBe('PDF_TIDAK_TERSEDIA');
    expect(await exists(path.join(d, 'x.pdf'))).toBe(false);
  }, 60_000);

  it('a real document (with a logo) converts to a non-empty PDF, into outDir when given', async () => {
    const d = await sub('pdf-real');
    const out = path.join(d, 'keluar');
    await mkdir(out);
    const docx = path.join(d, 'tanda-terima.docx');
    await writeFile(docx, await renderShipped('tanda_terima', signedRecord(), documentContext({ logo: { data: png(4, 2), extension: '.png', width: 4.4, height: 2.2 } })));
    const pdfs = await convertToPdf([docx], { soffice: 'soffice', outDir: out });
    expect(pdfs).toEqual([path.join(out, 'tanda-terima.pdf')]);
    const pdf = await readFile(pdfs[0] ?? '');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfs[0] ?? '', '-']).toString('utf8');
    expect(text.replace(/\s+/g, '')).toContain('PGD-2026-0042');
    expect(text).not.toContain('{{');
    expect(await exists(path.join(d, 'tanda-terima.pdf'))).toBe(false);
  }, 60_000);
});

