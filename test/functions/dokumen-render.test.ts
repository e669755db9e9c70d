/**
 * The shipped templates and the renderer: every template passes the template check; a template
 * edited to run code is refused and, even unchecked, runs nothing; whatever a citizen typed comes
 * out literally in a well-formed document; and (where LibreOffice is installed, always in CI) the
 * documents convert to PDF with no template markup left.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JENIS_DOKUMEN, type JenisDokumen } from '../../sheets-schema/index.js';
import { isPengaduanError } from '../../core/errors.js';
import { KONTRAK, TEMPLATE_FILE, TEMPLATE_OF, WAJIB, type NamaTemplate } from '../../core/dokumen/kontrak.js';
import { checkCommands, DELIMITERS } from '../../core/dokumen/perintah.js';
import { buildView } from '../../core/dokumen/view.js';
import type { RegisterRecord } from '../../core/record.js';
import { createReport } from 'docx-templates';
import { checkTemplate, fillTemplate, renderTemplate, TEMPLATE_DIR, templateCommands, TemplateSource } from '../../functions/dokumen/render.js';
import { convertToPdf } from '../../functions/dokumen/pdf.js';
import { documentContext, participants, signedRecord } from '../helpers/dokumen-fixtures.js';
import { editDocx, readDocx } from '../helpers/docx.js';
import { pdfTestsRun } from '../helpers/files.js';

const NAMES = Object.keys(TEMPLATE_FILE) as NamaTemplate[];
const templateBytes = (name: NamaTemplate): Uint8Array => new Uint8Array(readFileSync(path.join(TEMPLATE_DIR, TEMPLATE_FILE[name])));

async function render(jenis: JenisDokumen, record: RegisterRecord): Promise<Uint8Array> {
  const built = buildView(jenis, record, documentContext());
  return renderTemplate(built.template, templateBytes(built.template), built.view);
}

describe('the shipped templates', () => {
  it.each(NAMES)('%s passes the template check and uses every required field', async (name) => {
    const commands = await templateCommands(templateBytes(name), TEMPLATE_FILE[name]);
    const { problems, used } = checkCommands(name, commands);
    expect(problems).toEqual([]);
    for (const need of WAJIB[name]) expect([...used].some((u) => u === need || u.startsWith(`${need}.`))).toBe(true);
    await expect(new TemplateSource().load(name)).resolves.toMatchObject({ file: expect.stringContaining(TEMPLATE_FILE[name]) as unknown });
  });

  it('uses only fields of its contract (every used path is a contract field)', async () => {
    for (const name of NAMES) {
      const { used } = checkCommands(name, await templateCommands(templateBytes(name), TEMPLATE_FILE[name]));
      const top = new Set(Object.keys(KONTRAK[name]));
      for (const u of used) expect(top.has(u.split('.')[0] ?? '')).toBe(true);
    }
  });

  it.each(JENIS_DOKUMEN)('%s renders into a well-formed document with no template markup left', async (jenis) => {
    const doc = await readDocx(await render(jenis, signedRecord()));
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
    const bytes = await editDocx(templateBytes('tanda_terima'), 'word/document.xml', (xml) => xml.replace('{{kode_akses}}', command));
    const error = await checkTemplate('tanda_terima', bytes, 'tanda-terima.docx').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isPengaduanError(error) && error.code).toBe('TEMPLATE_TIDAK_VALID');
    expect((error as Error).message).toMatch(/tanda-terima\.docx[\s\S]*(tidak diizinkan|hanya nama isian|tidak ada|isian wajib)/);
  });

  it('runs nothing even when filled without the check, though the same template escapes docx-templates\' own sandbox', async () => {
    // The classic escape from a node:vm context: it reaches the real process object.
    const escape = '{{EXEC this.constructor.constructor("return process")().env.PENGADUAN_PWNED = "1"}}';
    const bytes = await editDocx(templateBytes('tanda_terima'), 'word/document.xml', (xml) => xml.replace('{{kode_akses}}', escape));
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
    const bomb = await editDocx(templateBytes('tanda_terima'), 'word/document.xml', (xml) => xml.replace('</w:body>', `<!--${'x'.repeat(25 * 1024 * 1024)}--></w:body>`));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await checkTemplate('tanda_terima', bomb, 'tanda-terima.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TEMPLATE_TIDAK_VALID', message: expect.stringMatching(/lebih dari 20 MB setelah dibuka/) as unknown });
  });

  it('a layout the renderer cannot fill (two IFs on one line) is refused when checked, not on the first real document', async () => {
    const bytes = await editDocx(templateBytes('tanda_terima'), 'word/document.xml', (xml) =>
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
  const XML = '||<w:p><w:r><w:t>INJEKSI</w:t></w:r></w:p>||';
  const COMMANDS = '{{kode_akses}} {{FOR x IN peserta}} +++INS 1+++ ${process.env}';
  const FORMULA = '=IMPORTXML("http://contoh.invalid";"//a")';
  const EMOJI = 'Asap 🏭 bau 😷 dan 👨‍👩‍👧';
  const RTL = 'Nama \u202Eesrever';
  const CONTROL = 'a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf';
  const LINES = 'baris satu\nbaris dua\n\nbaris empat';
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
    const doc = await readDocx(await render(jenis, hostileRecord()));
    const benign = await readDocx(await render(jenis, benignRecord()));
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
      expect(doc.text).toContain(`${RTL} ${EMOJI}\u202C`);
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
    const lembar = await readDocx(await render('lembar_pengaduan', hostileRecord(long)));
    expect(lembar.invalid).toEqual([]);
    expect(lembar.text).toContain(long);
    const receipt = await readDocx(await render('tanda_terima', hostileRecord(long)));
    expect(receipt.invalid).toEqual([]);
    expect(receipt.text).not.toContain(long);
    expect(receipt.text).toMatch(/baris satu baris dua baris empat[^\n]*…/);
  });
});


describe.runIf(pdfTestsRun)('PDF through LibreOffice, read back as text', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pengaduan-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every document converts, with the letterhead, its number and no markup left', async () => {
    const files: string[] = [];
    for (const jenis of JENIS_DOKUMEN) {
      const file = path.join(dir, `${jenis}.docx`);
      writeFileSync(file, await render(jenis, signedRecord({ rapat_hadir: JSON.stringify(participants(20)) })));
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


it('TEMPLATE_OF maps every document to a shipped template', () => {
  for (const jenis of JENIS_DOKUMEN) expect(Object.keys(TEMPLATE_FILE)).toContain(TEMPLATE_OF[jenis]);
});
