/**
 * Produces the documents of a complaint and records where they are: the step that decided them
 * (intake, an SOP action) or a request to re-render one. Runs inside the register transaction of
 * that step, after its effects were applied, so the register row is read as it now stands.
 * A document that cannot be produced (a broken template, a full disk) never undoes the step:
 * it is reported, its column is left as it was, and `pengaduan dokumen` can produce it later.
 *
 * A sink may stage what it stores until the register is saved (`commit`), so a step whose save
 * fails leaves no document behind (a final Berita Acara with a number that was never issued).
 */
import { JENIS_DOKUMEN_LABEL, berkasColumn, type JenisDokumen } from '../../sheets-schema/index.js';
import { isPengaduanError, PengaduanError } from '../../core/errors.js';
import type { Gambar } from '../../core/dokumen/kontrak.js';
import { buildView, type DocumentContext } from '../../core/dokumen/view.js';
import type { RegisterRecord } from '../../core/record.js';
import { lastSteps, type Steps } from '../../core/riwayat.js';
import { loadContext, type Context, type RegisterTables } from '../../core/register.js';
import { renderTemplate, type TemplateLoader } from './render.js';

/** Where rendered documents go: a local folder, or (Google deployment) a Drive folder. */
export interface DocumentSink {
  /** Stores the document; returns what the register shows for it (a relative path or a link). */
  save(nomor: string, jenis: JenisDokumen, bytes: Uint8Array): Promise<string>;
}

export interface ProduceDeps {
  readonly templates: TemplateLoader;
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

/** A document just made, with its bytes for a caller that sends it on (an e-mail attachment). */
export interface ProducedFile extends Produced {
  readonly bytes: Uint8Array;
}

/** The message of anything thrown, without assuming it is an Error. */
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/** The complaint's row, or PENGADUAN_TIDAK_DITEMUKAN. */
export function complaintRow(book: RegisterTables, nomor: string): { rowNumber: number; record: RegisterRecord } {
  const register = book.table('pengaduan');
  const rowNumber = register.find('nomor', nomor);
  if (rowNumber === undefined) throw new PengaduanError('PENGADUAN_TIDAK_DITEMUKAN', `Pengaduan nomor "${nomor.slice(0, 60)}" tidak ditemukan di register.`);
  return { rowNumber, record: register.get(rowNumber) };
}

/**
 * One transaction's document work: the settings, the staff, the logo and who took each step are
 * read once, however many documents (a batch import renders two per complaint). Create it after
 * the step's effects were applied; a later step needs a new session.
 */
export class DocumentSession {
  private ctx: Context | undefined;
  private steps: Map<string, Steps> | undefined;
  private logo: Promise<{ logo: Gambar | null; warning?: string }> | undefined;

  constructor(
    private readonly book: RegisterTables,
    readonly deps: ProduceDeps,
  ) {}

  private context(): Context {
    return (this.ctx ??= loadContext(this.book));
  }

  /** Who last took each action on this complaint, and when, from one pass over the history tab. */
  private stepsOf(nomor: string): Steps {
    const text = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
    this.steps ??= lastSteps(
      this.book
        .table('riwayat')
        .rows()
        .map((r) => ({ nomor: text(r.values.nomor), aksi: text(r.values.aksi), waktu: text(r.values.waktu), oleh_email: text(r.values.oleh_email) })),
    );
    return this.steps.get(nomor.trim()) ?? { pelaku: {}, waktu: {} };
  }

  /** Builds the view and renders one document of the register row; throws when it cannot. */
  async render(nomor: string, jenis: JenisDokumen): Promise<{ bytes: Uint8Array; warnings: string[]; rowNumber: number }> {
    const { rowNumber, record } = complaintRow(this.book, nomor);
    const ctx = this.context();
    const { logo, warning } = await (this.logo ??= this.deps.logo(ctx.settings.text.logo_kop));
    const steps = this.stepsOf(nomor);
    const dc: DocumentContext = { settings: ctx.settings, staff: ctx.staff, now: this.deps.now, logo, pelaku: steps.pelaku, waktu: steps.waktu };
    const built = buildView(jenis, record, dc);
    const { bytes: template, file } = await this.deps.templates.load(built.template);
    const bytes = await renderTemplate(built.template, template, built.view, file);
    return { bytes, warnings: [...(warning ? [warning] : []), ...built.warnings], rowNumber };
  }

  /** Produces one document, stores it, and writes its link into the register (writer `dokumen`); throws when it cannot. */
  async produce(nomor: string, jenis: JenisDokumen): Promise<ProducedFile> {
    const { bytes, warnings, rowNumber } = await this.render(nomor, jenis);
    // Named by the register's own number, not by how the caller typed it.
    const link = await this.deps.sink.save(String(this.book.table('pengaduan').get(rowNumber).nomor ?? nomor).trim(), jenis, bytes);
    this.book.table('pengaduan').update(rowNumber, { [berkasColumn(jenis)]: link }, 'dokumen');
    return { jenis, link, warnings, bytes };
  }

  /** Produces each document; a failure is reported in its entry and never undoes the step. */
  async produceAll(nomor: string, jenisList: readonly JenisDokumen[]): Promise<Produced[]> {
    const out: Produced[] = [];
    for (const jenis of jenisList) {
      try {
        const { jenis: made, link, warnings } = await this.produce(nomor, jenis);
        out.push({ jenis: made, link, warnings });
      } catch (e) {
        const why = isPengaduanError(e) ? e.message : `kesalahan tak terduga (${messageOf(e)})`;
        out.push({ jenis, warnings: [], error: `${JENIS_DOKUMEN_LABEL[jenis]} belum dibuat: ${why}` });
      }
    }
    return out;
  }
}

/** Produces the documents of one step (a session of their own). */
export function produceDocuments(book: RegisterTables, nomor: string, jenisList: readonly JenisDokumen[], deps: ProduceDeps): Promise<Produced[]> {
  return new DocumentSession(book, deps).produceAll(nomor, jenisList);
}
