/**
 * Renders every document of the fixture complaint into a folder, with PDF and PNG pages when
 * LibreOffice and poppler are installed: for looking at the templates as the Kepala would.
 * Usage: npx tsx tools/pratinjau-dokumen.ts [FOLDER]   (default tmp/pratinjau)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JENIS_DOKUMEN } from '../sheets-schema/index.js';
import { buildView } from '../core/dokumen/view.js';
import { convertToPdf, sofficeCommand } from '../functions/dokumen/pdf.js';
import { renderTemplate, TemplateSource } from '../functions/dokumen/render.js';
import { documentContext, participants, signedRecord } from '../test/helpers/dokumen-fixtures.js';

const out = path.resolve(process.argv[2] ?? 'tmp/pratinjau');
const peserta = process.env.PESERTA ?? '8';
if (!/^\d{1,3}$/.test(peserta)) {
  console.error(`PESERTA harus jumlah peserta 0–999, bukan "${peserta.slice(0, 20)}".`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const source = new TemplateSource();
const record = signedRecord({ rapat_hadir: JSON.stringify(participants(Number(peserta))) });
for (const jenis of JENIS_DOKUMEN) {
  const built = buildView(jenis, record, documentContext());
  const { bytes } = await source.load(built.template);
  const docx = await renderTemplate(built.template, bytes, built.view);
  const file = path.join(out, `${jenis}.docx`);
  writeFileSync(file, docx);
  console.log(file, built.warnings.join(' '));
}
if (process.env.PDF !== '0') {
  // The same conversion as `pengaduan dokumen --pdf`: its own LibreOffice profile, PENGADUAN_SOFFICE,
  // and an Indonesian message when LibreOffice is missing.
  try {
    await convertToPdf(JENIS_DOKUMEN.map((j) => path.join(out, `${j}.docx`)), { soffice: sofficeCommand() });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(3);
  }
  for (const jenis of JENIS_DOKUMEN) execFileSync('pdftoppm', ['-png', '-r', '60', path.join(out, `${jenis}.pdf`), path.join(out, jenis)]);
  console.log(`PDF dan PNG di ${out}`);
}
