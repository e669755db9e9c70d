/**
 * Produces the documents of a complaint and records where they are: the step that decided them
 * (intake, an SOP action) or a request to re-render one. Runs inside the register transaction of
 * that step, after its effects were applied, so the register row is read as it now stands.
 * A document that cannot be produced (a broken template, a full disk) never undoes the step:
 * it is reported, its column is left as it was, and `pengaduan dokumen` can produce it later.
 */
import { JENIS_DOKUMEN_LABEL, type JenisDokumen } from '../../sheets-schema/index.js';
import { isPengaduanError, PengaduanError } from '../../core/errors.js';
import type { Gambar } from '../../core/dokumen/kontrak.js';
import { buildView, type DocumentContext } from '../../core/dokumen/view.js';
import { cell, type RegisterRecord } from '../../core/record.js';
import { loadContext, type RegisterTables } from '../service.js';
import { renderTemplate, type TemplateSource } from './render.js';

/** Where rendered documents go: a local folder, or (Google deployment) a Drive folder. */
export interface DocumentSink {
  /** Stores the document; returns what the register shows for it (a relative path or a link). */
  save(nomor: string, jenis: JenisDokumen, bytes: Uint8Array): Promise<string>;
}

export interface ProduceDeps {
  readonly templates: TemplateSource;
  readonly sink: DocumentSink;
  readonly now: number;
  /** Loads the letterhead logo named by the `logo_kop` setting. */
  readonly logo: (setting: string) => Promise<{ logo: Gambar | null; warning?: string }>;
}

export interface Produced {
  readonly jenis: JenisDokumen;
  /** The path or link written into the register, when produced. */
  readonly link?: string;
  /** Blanks left to fill by hand (a missing NIP), the logo that could not be read. */
  readonly warnings: readonly string[];
  /** Why it was not produced (Indonesian). */
  readonly error?: string;
}

export const documentColumn = (jenis: JenisDokumen): string => `berkas_${jenis}`;

/** Who last took each action on a complaint, from the history tab (aksi → e-mail). */
function actorsOf(book: RegisterTables, nomor: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of book.table('riwayat').rows()) {
    if (String(r.values.nomor ?? '').trim() === nomor) out[String(r.values.aksi ?? '')] = String(r.values.oleh_email ?? '');
  }
  return out;
}

/** The complaint's row, or PENGADUAN_TIDAK_DITEMUKAN. */
export function complaintRow(book: RegisterTables, nomor: string): { rowNumber: number; record: RegisterRecord } {
  const register = book.table('pengaduan');
  const rowNumber = register.find('nomor', nomor);
  if (rowNumber === undefined) throw new PengaduanError('PENGADUAN_TIDAK_DITEMUKAN', `Pengaduan nomor "${nomor.slice(0, 60)}" tidak ditemukan di register.`);
  return { rowNumber, record: register.get(rowNumber) };
}

/** Builds the view and renders one document of the register row; throws when it cannot. */
export async function renderDocument(
  book: RegisterTables,
  nomor: string,
  jenis: JenisDokumen,
  deps: Omit<ProduceDeps, 'sink'>,
): Promise<{ bytes: Uint8Array; warnings: string[]; rowNumber: number }> {
  const { rowNumber, record } = complaintRow(book, nomor);
  const ctx = loadContext(book);
  const { logo, warning } = await deps.logo(ctx.settings.text.logo_kop);
  const dc: DocumentContext = { settings: ctx.settings, staff: ctx.staff, now: deps.now, logo, pelaku: actorsOf(book, cell(record, 'nomor')) };
  const built = buildView(jenis, record, dc);
  const { bytes: template, file } = await deps.templates.load(built.template);
  const bytes = await renderTemplate(built.template, template, built.view, file);
  return { bytes, warnings: [...(warning ? [warning] : []), ...built.warnings], rowNumber };
}

/** Produces one document, stores it, and writes its link into the register (writer `dokumen`); throws when it cannot. */
export async function produceDocument(book: RegisterTables, nomor: string, jenis: JenisDokumen, deps: ProduceDeps): Promise<Produced> {
  const { bytes, warnings, rowNumber } = await renderDocument(book, nomor, jenis, deps);
  const link = await deps.sink.save(nomor, jenis, bytes);
  book.table('pengaduan').update(rowNumber, { [documentColumn(jenis)]: link }, 'dokumen');
  return { jenis, link, warnings };
}

/** Produces each document of a step; a failure is reported in its entry and never undoes the step. */
export async function produceDocuments(book: RegisterTables, nomor: string, jenisList: readonly JenisDokumen[], deps: ProduceDeps): Promise<Produced[]> {
  const out: Produced[] = [];
  for (const jenis of jenisList) {
    try {
      out.push(await produceDocument(book, nomor, jenis, deps));
    } catch (e) {
      const why = isPengaduanError(e) ? e.message : `kesalahan tak terduga (${(e as Error).message.slice(0, 200)})`;
      out.push({ jenis, warnings: [], error: `${JENIS_DOKUMEN_LABEL[jenis]} belum dibuat: ${why}` });
    }
  }
  return out;
}
