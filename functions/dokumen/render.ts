/**
 * Fills a `.docx` template with a view-model through docx-templates, with everything that makes
 * it safe for untrusted templates and untrusted data:
 * - the template is checked against its contract before first use (perintah.ts): only field
 *   names, FOR, IF and IMAGE; no JavaScript;
 * - the only evaluator is `evaluatePath`, so even an unchecked command could not run code;
 * - the view is checked against its shape and made safe (aman.ts);
 * - docx-templates' literal-XML delimiter (`||` by default: text between two of them would be
 *   written as raw XML) is replaced by one that contains U+0000, a character safeView removes
 *   from every value: no data can ever open a literal-XML section.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PengaduanError } from '../../core/errors.js';
import { safeView } from '../../core/dokumen/aman.js';
import { exampleView, KONTRAK, TEMPLATE_FILE, shapeProblems, type NamaTemplate } from '../../core/dokumen/kontrak.js';
import { checkCommands, DELIMITERS, evaluatePath, type TemplateCommand } from '../../core/dokumen/perintah.js';

/** docx-templates and JSZip, loaded with the first template rather than at start. */
const engine = (): Promise<typeof import('./engine.js')> => import('./engine.js');

/** Set by the functions' bundle (tools/bundle-functions.ts): the templates' folder beside the bundle. */
declare const __PENGADUAN_TEMPLATES__: string | undefined;
/** The templates shipped with the code. */
export const TEMPLATE_DIR =
  typeof __PENGADUAN_TEMPLATES__ === 'string'
    ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), __PENGADUAN_TEMPLATES__)
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** Cannot occur in any value: safeView strips U+0000 (XML forbids it). */
const LITERAL_XML_DELIMITER = '\u0000xml\u0000';

/** A template is a letter of a few pages: 12 KB here. Far past that it is a mistake or an attack. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
const MAX_TEMPLATE_UNZIPPED_BYTES = 20 * 1024 * 1024;

/** A template over MAX_TEMPLATE_BYTES, wherever it came from. */
export function templateTooLarge(file: string): PengaduanError {
  return new PengaduanError(
    'TEMPLATE_TIDAK_VALID',
    `Template "${file}" lebih dari ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB; template naskah seharusnya hanya beberapa puluh KB. Kecilkan gambar di dalamnya.`,
  );
}

/**
 * Refuses a template that would unpack into more than MAX_TEMPLATE_UNZIPPED_BYTES (a "zip bomb":
 * a small file whose XML fills the memory when parsed), from the sizes its zip directory declares.
 * A part that inflates past its declared size is refused by JSZip itself.
 */
async function refuseOversized(bytes: Uint8Array, file: string): Promise<void> {
  if (bytes.length > MAX_TEMPLATE_BYTES) {
    throw templateTooLarge(file);
  }
  const { JSZip } = await engine();
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new PengaduanError('TEMPLATE_TIDAK_VALID', `Template "${file}" bukan berkas .docx yang dapat dibaca (rusak, kosong, atau berkas lain yang diberi nama .docx).`, { cause: e });
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    total += typeof declared === 'number' && Number.isFinite(declared) ? declared : MAX_TEMPLATE_UNZIPPED_BYTES;
  }
  if (total > MAX_TEMPLATE_UNZIPPED_BYTES) {
    throw new PengaduanError('TEMPLATE_TIDAK_VALID', `Template "${file}" berisi lebih dari ${MAX_TEMPLATE_UNZIPPED_BYTES / 1024 / 1024} MB setelah dibuka; bukan template naskah yang wajar.`);
  }
}

/** Lists a template's commands; a file that is not a readable .docx is refused with its name. */
export async function templateCommands(bytes: Uint8Array, file: string): Promise<TemplateCommand[]> {
  await refuseOversized(bytes, file);
  try {
    const { listCommands } = await engine();
    return await listCommands(bytes as Uint8Array<ArrayBuffer> as unknown as ArrayBuffer, DELIMITERS);
  } catch (e) {
    // docx-templates refuses some commands while listing them (a `{{*x}}` shorthand).
    const command = (e as { command?: unknown }).command;
    if (typeof command === 'string') {
      throw new PengaduanError('TEMPLATE_TIDAK_VALID', `Template "${file}" tidak dapat dipakai:\n  - {{${command.slice(0, 60)}}}: perintah tidak diizinkan; yang boleh: isian, FOR, IF, IMAGE`, { cause: e });
    }
    throw new PengaduanError('TEMPLATE_TIDAK_VALID', `Template "${file}" bukan berkas .docx yang dapat dibaca (rusak, kosong, atau berkas lain yang diberi nama .docx).`, { cause: e });
  }
}

/**
 * Refuses a template whose commands do not fit its contract, listing every problem, and one that
 * cannot be filled at all (a layout mistake: two IFs on one line), found by a trial fill.
 */
export async function checkTemplate(name: NamaTemplate, bytes: Uint8Array, file: string): Promise<void> {
  const { problems } = checkCommands(name, await templateCommands(bytes, file));
  if (problems.length > 0) {
    throw new PengaduanError('TEMPLATE_TIDAK_VALID', `Template "${file}" tidak dapat dipakai:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  await fillTemplate(bytes, exampleView(KONTRAK[name]), file);
}

/** Each template content is checked once per process, wherever it came from. */
const checkedTemplates = new Map<string, Promise<void>>();
export function checkOnce(name: NamaTemplate, bytes: Uint8Array, file: string): Promise<void> {
  const key = `${name}:${createHash('sha256').update(bytes).digest('hex')}`;
  let check = checkedTemplates.get(key);
  if (!check) {
    check = checkTemplate(name, bytes, file);
    checkedTemplates.set(key, check);
    check.catch(() => checkedTemplates.delete(key));
  }
  return check;
}

export interface Loaded {
  readonly bytes: Uint8Array;
  /** Where it came from, for messages (a path, or a Drive file's name). */
  readonly file: string;
}

/** Where the templates come from: the folder `templates/`, or a Drive folder (Google deployment). */
export interface TemplateLoader {
  load(name: NamaTemplate): Promise<Loaded>;
  /** Checks the source before a request uses it (the Drive folder's editors); a warning, if any. */
  prepare?(admins: ReadonlySet<string>): Promise<string | undefined>;
}

/**
 * Where templates come from: a folder (templates/ by default). Each template is read on every use
 * and checked once per content: an edited file is checked again, an unchanged one is not.
 */
export class TemplateSource implements TemplateLoader {
  constructor(readonly dir: string = TEMPLATE_DIR) {}

  async load(name: NamaTemplate): Promise<Loaded> {
    const file = path.join(this.dir, TEMPLATE_FILE[name]);
    // Only a regular file of sensible size is read (not a pipe, a device, or gigabytes).
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) throw new PengaduanError('BERKAS_TIDAK_DITEMUKAN', `Template "${file}" tidak ditemukan atau bukan berkas biasa.`);
    if (st.size > MAX_TEMPLATE_BYTES) {
      throw templateTooLarge(file);
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      throw new PengaduanError('BERKAS_TIDAK_DITEMUKAN', `Template "${file}" tidak dapat dibaca.`, { cause: e });
    }
    await checkOnce(name, bytes, file);
    return { bytes, file };
  }
}

/** Renders one document. The view must conform to the template's contract. */
export async function renderTemplate(name: NamaTemplate, template: Uint8Array, view: unknown, file = TEMPLATE_FILE[name]): Promise<Uint8Array> {
  const problems = shapeProblems(view, KONTRAK[name]);
  if (problems.length > 0) throw new Error(`view-model ${name} tidak sesuai kontrak: ${problems.slice(0, 5).join('; ')}`);
  // Checked here too, whatever the caller did: no unchecked template is ever filled.
  await checkOnce(name, template, file);
  return fillTemplate(template, view, file);
}

/**
 * Fills a template without checking it first (renderTemplate checks). Even so it runs no code:
 * the only evaluator resolves field paths, and data cannot open a literal-XML section.
 */
export async function fillTemplate(template: Uint8Array, view: unknown, file: string): Promise<Uint8Array> {
  try {
    const { createReport } = await engine();
    return await createReport({
      template,
      data: safeView(view),
      cmdDelimiter: DELIMITERS,
      literalXmlDelimiter: LITERAL_XML_DELIMITER,
      processLineBreaks: true,
      processLineBreaksAsNewText: true,
      runJs: ({ sandbox }) => ({ modifiedSandbox: sandbox, result: evaluatePath(sandbox, String(sandbox.__code__ ?? '')) }),
      failFast: true,
      rejectNullish: false,
      indentXml: false,
    });
  } catch (e) {
    const first: unknown = Array.isArray(e) ? (e as unknown[])[0] : e;
    const detail = (first instanceof Error ? first.message : String(first)).slice(0, 200);
    throw new PengaduanError('TEMPLATE_TIDAK_VALID', `Template "${file}" gagal diisi (susunan perintahnya salah: ${detail}). Periksa FOR/IF di template itu.`, { cause: e });
  }
}
