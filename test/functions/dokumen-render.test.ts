/**
 * The shipped templates and the renderer: every template passes the template check; a template
 * edited to run code is refused and, even unchecked, runs nothing; whatever a citizen typed comes
 * out literally in a well-formed document; and (where LibreOffice is installed, always in CI) the
 * documents convert to PDF with no template markup left.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JENIS_DOKUMEN } from '../../sheets-schema/index.js';
import { isPengaduanError } from '../../core/errors.js';
import { KONTRAK, TEMPLATE_FILE, TEMPLATE_OF, WAJIB, type NamaTemplate } from '../../core/dokumen/kontrak.js';
import { checkCommands, DELIMITERS } from '../../core/dokumen/perintah.js';
import { buildView } from '../../core/dokumen/view.js';
import type { RegisterRecord } from '../../core/record.js';
import { createReport } from 'docx-templates';
import { checkTemplate, fillTemplate, renderTemplate, templateCommands, TemplateSource } from '../../functions/dokumen/render.js';
import { convertToPdf } from '../../functions/dokumen/pdf.js';
import { documentContext, participants, signedRecord } from '../helpers/dokumen-fixtures.js';
import { tempDir } from '../helpers/cli.js';
import { renderShipped, shippedTemplate, shippedTemplateWith } from '../helpers/dokumen-render.js';
import { readDocx } from '../helpers/docx.js';
import { pdfTestsRun, rejection } from '../helpers/files.js';
import { BIDI, HOSTILE, SANDBOX_ESCAPE } from '../helpers/hostile-text.js';

const NAMES = Object.keys(TEMPLATE_FILE) as NamaTemplate[];

describe('the shipped templates', () => {
  it.each(NAMES)('%s passes the template check and uses every required field', async (name) => {
    const commands = await templateCommands(shippedTemplate(name), TEMPLATE_FILE[name]);
    const { problems, used } = checkCommands(name, commands);
    expect(problems).toEqual([]);
    for (const need of WAJIB[name]) expect([...used].some((u) => u === need || u.startsWith(`${need}.`))).toBe(true);
    await expect(new TemplateSource().load(name)).resolves.toMatchObject({ file: expect.stringContaining(TEMPLATE_FILE[name]) as unknown });
  });

  it('uses only fields of its contract (every used path is a contract field)', async () => {
    for (const name of NAMES) {
      const { used } = checkCommands(name, await templateCommands(shippedTemplate(name), TEMPLATE_FILE[name]));
      const top = new Set(Object.keys(KONTRAK[name]));
      for (const u of used) expect(top.has(u.split('.')[0] ?? '')).toBe(true);
    }
  });

  it.each(JENIS_DOKUMEN)('%s renders into a well-formed document with no template markup left', async (jenis) => {
    const doc = await readDocx(await renderShipped(jenis, signedRecord()));
    expect(doc.invalid).toEqual([]);
    for (const [name, xml] of doc.parts) if (name.startsWith('word/')) expect(xml).not.toContain('{{');
    expect(doc.text).toContain('PEMERINTAH KOTA PAYAKUMBUH');
    expect(doc.text).toContain('PGD-2026-0042');
  });
});

describe('a template edited to run code', () => {
  const hostile = [
    '{{pelapor.nama.toUpperCase()}}',
    '{{!process.exit(1)}}',
    '{{EXEC globalThis.__pwned = 1}}',
    '{{= constructor.constructor("return process")()}}',
    '{{HTML "<b>x</b>"}}',
    '{{LINK ({url: "http://contoh.invalid"})}}',
    '{{ALIAS x process}}',
    '{{QUERY x}}',
    '{{tidak_ada}}',
    '{{nomor_registrasi + kode_akses}}',
  ];

  it.each(hostile)('is refused before use: %s', async (command) => {
    const bytes = await shippedTemplateWith('tanda_terima', (xml) => xml.replace('{{kode_akses}}', command));
    const error = await rejection(checkTemplate('tanda_terima', bytes, 'tanda-terima.docx'));
    expect(isPengaduanError(error) && error.code).toBe('TEMPLATE_TIDAK_VALID');
    expect((error as Error).message).toMatch(/tanda-terima\.docx[\s\S]*(tidak diizinkan|hanya nama isian|tidak ada|isian wajib)/);
  });

  it('runs nothing even when filled without the check, though the same template escapes docx-templates\' own sandbox', async () => {
    const escape = `{{EXEC ${SANDBOX_ESCAPE}}}`;
    const bytes = await shippedTemplateWith('tanda_terima', (xml) => xml.replace('{{kode_akses}}', escape));
    const view = buildView('tanda_terima', signedRecord(), documentContext()).view;
    try {
      // Control: with docx-templates' default evaluation, the escape works.
      await createReport({ template: bytes, data: view, cmdDelimiter: DELIMITERS }).catch(() => undefined);
      expect(process.env.PENGADUAN_PWNED).toBe('1');
      delete process.env.PENGADUAN_PWNED;
      // Ours: refused, and nothing ran.
      await expect(fillTemplate(bytes, view, 'tanda-terima.docx')).rejects.toMatchObject({ code: 'TEMPLATE_TIDAK_VALID' });
      expect(process.env.PENGADUAN_PWNED).toBeUndefined();
      await expect(renderTemplate('tanda_terima', bytes, view)).rejects.toMatchObject({ code: 'TEMPLATE_TIDAK_VALID' });
      expect(process.env.PENGADUAN_PWNED).toBeUndefined();
    } finally {
      delete process.env.PENGADUAN_PWNED;
    }
  });

  it('a "zip bomb" (a small file that unpacks into 25 MB of XML) is refused before it is parsed', async () => {
    const bomb = await shippedTemplateWith('tanda_terima', (xml) => xml.replace('</w:body>', `<!--${'x'.repeat(25 * 1024 * 1024)}--></w:body>`));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await checkTemplate('tanda_terima', bomb, 'tanda-terima.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TEMPLATE_TIDAK_VALID', message: expect.stringMatching(/lebih dari 20 MB setelah dibuka/) as unknown });
  });

  it('a layout the renderer cannot fill (two IFs on one line) is refused when checked, not on the first real document', async () => {
    const bytes = await shippedTemplateWith('tanda_terima', (xml) =>
      xml.replace('{{kode_akses}}', '{{kode_akses}}{{IF ada_petugas}}{{IF elektronik}}x{{END-IF}}{{END-IF}}'),
    );
    const { problems } = checkCommands('tanda_terima', await templateCommands(bytes, 'tanda-terima.docx'));
    expect(problems).toEqual([]);
    const error = await checkTemplate('tanda_terima', bytes, 'tanda-terima.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TEMPLATE_TIDAK_VALID', message: expect.stringMatching(/tanda-terima\.docx.*susunan perintahnya salah/) as unknown });
  });

  it('a file that is not a .docx is refused with its name', async () => {
    const error = await checkTemplate('berita_acara', new TextEncoder().encode('bukan zip'), 'berita-acara.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TEMPLATE_TIDAK_VALID', message: expect.stringContaining('berita-acara.docx') as unknown });
  });

  it('a template folder without the file says which file is missing', async () => {
    const error = await new TemplateSource(os.tmpdir()).load('undangan_rapat').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BERKAS_TIDAK_DITEMUKAN', message: expect.stringContaining('undangan-rapat.docx') as unknown });
  });
});

describe('hostile complaint text comes out literally', () => {
  const { XML, COMMANDS, FORMULA, EMOJI, RTL, CONTROL, LINES } = HOSTILE;
  const hostileRecord = (long = 'x'): RegisterRecord =>
    signedRecord({
      nama_pelapor: `${RTL} ${EMOJI}`,
      nama_usaha: XML,
      alamat_usaha: FORMULA,
      isi_pengaduan: `${LINES}\n${COMMANDS}\n${XML}\n${FORMULA}\n${CONTROL}\n${long}`,
      rapat_pembahasan: `${XML}\n${COMMANDS}`,
      rapat_kesimpulan: FORMULA,
      rapat_hadir: JSON.stringify([{ nama: XML, instansi: COMMANDS }, ...participants(3)]),
      rapat_tindak_lanjut: JSON.stringify([{ uraian: FORMULA, pelaksana: XML, tenggat: '' }]),
      disposisi: `${COMMANDS}\n${XML}`,
      rapat_agenda: XML,
      rapat_tempat: COMMANDS,
    });
  const benignRecord = (): RegisterRecord =>
    signedRecord({
      nama_pelapor: 'Nama Biasa',
      nama_usaha: 'Usaha',
      alamat_usaha: 'Alamat',
      isi_pengaduan: 'baris satu\nbaris dua\n\nbaris empat\nk\nx\nf\nc\nx',
      rapat_pembahasan: 'a\nb',
      rapat_kesimpulan: 'k',
      rapat_hadir: JSON.stringify([{ nama: 'A', instansi: 'B' }, ...participants(3)]),
      rapat_tindak_lanjut: JSON.stringify([{ uraian: 'u', pelaksana: 'p', tenggat: '' }]),
      disposisi: 'd\ne',
      rapat_agenda: 'a',
      rapat_tempat: 't',
    });

  it.each(JENIS_DOKUMEN)('%s: valid XML, text literal, no paragraph injected', async (jenis) => {
    const doc = await readDocx(await renderShipped(jenis, hostileRecord()));
    const benign = await readDocx(await renderShipped(jenis, benignRecord()));
    expect(doc.invalid).toEqual([]);
    expect(doc.paragraphs).toBe(benign.paragraphs);
    expect(doc.tables).toBe(benign.tables);
    expect(doc.body).not.toContain('<w:t>INJEKSI</w:t>');
    expect(doc.body).not.toContain('\u0000');
    // eslint-disable-next-line no-control-regex
    expect(doc.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    if (jenis === 'lembar_pengaduan') {
      expect(doc.text).toContain(XML);
      expect(doc.text).toContain(COMMANDS);
      expect(doc.text).toContain(FORMULA);
      expect(doc.text).toContain(EMOJI);
      expect(doc.text).toContain('baris satu\nbaris dua\n\nbaris empat');
      expect(doc.text).toContain('abcdef');
      expect(doc.text).toContain(`${RTL} ${EMOJI}${BIDI.PDF}`);
    }
    if (jenis === 'berita_acara' || jenis === 'berita_acara_draf') {
      expect(doc.text).toContain(XML);
      expect(doc.text).toContain(COMMANDS);
      expect(doc.text).toContain(FORMULA);
    }
    if (jenis === 'lembar_disposisi') expect(doc.text).toContain(`${COMMANDS}\n${XML}`);
    if (jenis === 'undangan_rapat') expect(doc.text).toContain(XML);
  });

  it('50,000 characters of complaint text stay whole in the Lembar Pengaduan and summarised on the receipt', async () => {
    const long = 'kata '.repeat(10_000).trim();
    const lembar = await readDocx(await renderShipped('lembar_pengaduan', hostileRecord(long)));
    expect(lembar.invalid).toEqual([]);
    expect(lembar.text).toContain(long);
    const receipt = await readDocx(await renderShipped('tanda_terima', hostileRecord(long)));
    expect(receipt.invalid).toEqual([]);
    expect(receipt.text).not.toContain(long);
    expect(receipt.text).toMatch(/baris satu baris dua baris empat[^\n]*…/);
  });
});


describe.runIf(pdfTestsRun)('PDF through LibreOffice, read back as text', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('pengaduan-pdf-'));
  });
  afterAll(async () => cleanup());

  it('every document converts, with the letterhead, its number and no markup left', async () => {
    const files: string[] = [];
    for (const jenis of JENIS_DOKUMEN) {
      const file = path.join(dir, `${jenis}.docx`);
      await writeFile(file, await renderShipped(jenis, signedRecord({ rapat_hadir: JSON.stringify(participants(20)) })));
      files.push(file);
    }
    const pdfs = await convertToPdf(files);
    // Whitespace removed: where a line wraps depends on the fonts of the machine, the words do not.
    const text = Object.fromEntries(pdfs.map((p, i) => [JENIS_DOKUMEN[i] ?? '', execFileSync('pdftotext', [p, '-']).toString('utf8').replace(/\s+/g, '')]));
    for (const [jenis, t] of Object.entries(text)) {
      expect(t, jenis).not.toContain('{{');
      expect(t, jenis).toContain('PEMERINTAHKOTAPAYAKUMBUH');
    }
    expect(text.tanda_terima).toContain('PGD-2026-0042');
    expect(text.tanda_terima).toContain('K7QH3M');
    expect(text.tanda_terima).toContain('GRATIS');
    expect(text.berita_acara).toContain('Kamistanggalduapuluhenambulan' + 'Novembertahunduaribuduapuluhenam');
    expect(text.berita_acara).toContain('012/BA-PGD/DPMPTSP/XI/2026');
    expect(text.berita_acara).toContain('PesertaRapatNomor20,');
    expect(text.berita_acara).not.toContain('DRAF');
    expect(text.berita_acara_draf).toContain('DRAF');
    expect(text.berita_acara_draf).not.toContain('012/BA-PGD');
    expect(text.undangan_rapat).toContain('007/UND-PGD/DPMPTSP/XI/2026');
  }, 180_000);
});


it('TEMPLATE_OF maps every document to a shipped template, and every shipped template serves a document', () => {
  expect(new Set(JENIS_DOKUMEN.map((jenis) => TEMPLATE_OF[jenis]))).toEqual(new Set(NAMES));
});
