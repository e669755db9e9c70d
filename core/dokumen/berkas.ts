/**
 * How documents are named wherever they are stored (a local folder, a Drive folder):
 * `PGD-2026-0001/PGD-2026-0001_berita-acara.docx`.
 */
import type { JenisDokumen } from '../../sheets-schema/index.js';

/** The media type of every document made (a .docx), wherever it is stored or sent. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A registration number as a file name: letters, digits, `.`, `_` and `-` only. */
export function safeName(s: string): string {
  const cleaned = s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80);
  return cleaned || 'tanpa-nomor';
}

export function documentFileName(nomor: string, jenis: JenisDokumen): string {
  return `${safeName(nomor)}_${jenis.replace(/_/g, '-')}.docx`;
}
