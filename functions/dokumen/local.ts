/**
 * Documents of the local register: kept in a folder next to it
 * (`register-pengaduan-dokumen/PGD-2026-0001/PGD-2026-0001_tanda-terima.docx`), written
 * atomically, with the path relative to the register's folder written into the register, so the
 * folder can be moved or shared as a whole. Also the letterhead logo from a file beside the register.
 */
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PengaduanError } from '../../core/errors.js';
import type { JenisDokumen } from '../../sheets-schema/index.js';
import { documentFileName, safeName } from '../../core/dokumen/berkas.js';
import type { Gambar } from '../../core/dokumen/kontrak.js';
import { fsReason } from '../files.js';
import { logoOf, logoTooLarge, MAX_LOGO_BYTES } from './logo.js';

export function documentsFolder(registerFile: string): string {
  return path.join(path.dirname(registerFile), `${path.basename(registerFile, path.extname(registerFile))}-dokumen`);
}

/**
 * Writes a file atomically (temporary file, fsync, rename): a reader never sees half a document.
 * Creates missing folders only when asked (the documents folder beside the register); a
 * destination the user named must exist, so a typo is reported rather than silently created.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: { createFolders?: boolean } = {}): Promise<void> {
  if (options.createFolders ?? true) await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Stores documents of the local register; returns the path to write into the register. Files are
 * staged beside their final name and put in place by `commit` once the register is saved (pass
 * the store as the transaction's `staged`), or removed by `discard` when it is not.
 */
export class LocalDocumentStore {
  readonly folder: string;
  private readonly pending = new Map<string, string>();
  constructor(readonly registerFile: string) {
    this.folder = documentsFolder(registerFile);
  }

  async save(nomor: string, jenis: JenisDokumen, bytes: Uint8Array): Promise<string> {
    const file = path.join(this.folder, safeName(nomor), documentFileName(nomor, jenis));
    const staged = `${file}.baru`;
    try {
      await writeFileAtomic(staged, bytes);
    } catch (e) {
      throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Dokumen tidak dapat disimpan di "${file}" (${fsReason(e)}).`, { cause: e });
    }
    this.pending.set(file, staged);
    return path.relative(path.dirname(this.registerFile), file).split(path.sep).join('/');
  }

  /** Puts every staged document in place. */
  async commit(): Promise<void> {
    const failed: string[] = [];
    for (const [file, staged] of this.pending) {
      await rename(staged, file).catch(() => failed.push(path.basename(file)));
    }
    this.pending.clear();
    // Never thrown: the register is already saved, and the command must still report the step
    // (a new complaint's number and access code) and send its notifications.
    this.problem =
      failed.length > 0
        ? `Register sudah tersimpan, tetapi dokumen ${failed.join(', ')} tidak dapat ditempatkan di ${this.folder}. Buat ulang dengan perintah dokumen.`
        : undefined;
  }

  /** Why the last commit could not put every document in place (Indonesian), if it could not. */
  problem: string | undefined;

  /** Removes every staged document: the step they belong to was not saved. */
  async discard(): Promise<void> {
    for (const staged of this.pending.values()) await rm(staged, { force: true });
    this.pending.clear();
  }

  absolute(relative: string): string {
    return path.resolve(path.dirname(this.registerFile), relative);
  }
}

/**
 * The letterhead logo named in the settings (`logo_kop`): a file in the register's folder (or
 * below it). A missing, unreadable or unreasonable logo leaves the slot empty and says why; it
 * never stops a document.
 */
export async function loadLogo(registerFile: string, setting: string): Promise<{ logo: Gambar | null; warning?: string }> {
  const name = setting.trim();
  if (name === '') return { logo: null };
  const base = path.dirname(registerFile);
  const file = path.resolve(base, name);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return { logo: null, warning: `Logo kop "${name}" harus berada di folder register (${base}); tempat logo dibiarkan kosong.` };
  }
  const size = await stat(file).then((s) => (s.isFile() ? s.size : -1), () => -1);
  if (size < 0) return { logo: null, warning: `Logo kop "${name}" tidak ditemukan di folder register; tempat logo dibiarkan kosong.` };
  if (size > MAX_LOGO_BYTES) return logoTooLarge(name);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(file));
  } catch (e) {
    // Unreadable (permissions, removed meanwhile): like every logo problem, it never stops a document.
    return { logo: null, warning: `Logo kop "${name}" tidak dapat dibaca (${fsReason(e)}); tempat logo dibiarkan kosong.` };
  }
  return logoOf(name, data);
}
