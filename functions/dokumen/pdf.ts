/**
 * PDF through LibreOffice, when it is installed: `soffice --headless --convert-to pdf`. Each
 * conversion uses its own throw-away profile, so two commands at once (or a desktop LibreOffice
 * the user has open) do not block each other. When LibreOffice is missing, the message says how
 * to install it and that the .docx is there regardless.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PengaduanError } from '../../core/errors.js';

const run = promisify(execFile);

/** The soffice program: PENGADUAN_SOFFICE when set, else `soffice` on the PATH. */
export function sofficeCommand(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.PENGADUAN_SOFFICE || 'soffice';
}

/**
 * Converts .docx files to PDF next to them (or into `outDir`), in one LibreOffice run.
 * Returns the PDF paths, in the order of the inputs.
 */
export async function convertToPdf(docxFiles: readonly string[], options: { outDir?: string; soffice?: string; timeoutMs?: number } = {}): Promise<string[]> {
  if (docxFiles.length === 0) return [];
  const soffice = options.soffice ?? sofficeCommand();
  const pdfs = docxFiles.map((f) => path.join(options.outDir ?? path.dirname(f), `${path.basename(f, path.extname(f))}.pdf`));
  // LibreOffice exits 0 when it cannot read a file: an old PDF left in place would pass for a new one.
  for (const p of pdfs) await rm(p, { force: true });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'pengaduan-lo-'));
  const groups = new Map<string, string[]>();
  for (const f of docxFiles) {
    const dir = options.outDir ?? path.dirname(f);
    groups.set(dir, [...(groups.get(dir) ?? []), f]);
  }
  try {
    for (const [dir, files] of groups) {
      try {
        await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
          timeout: options.timeoutMs ?? 180_000,
        });
      } catch (e) {
        const err = e as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
        if (err.code === 'ENOENT') {
          throw new PengaduanError(
            'PDF_TIDAK_TERSEDIA',
            `PDF tidak dapat dibuat: LibreOffice ("${soffice}") tidak ditemukan. Berkas .docx tetap tersimpan. ` +
              'Pasang LibreOffice (Debian/Ubuntu: sudo apt-get install -y libreoffice-writer-nogui) atau buka berkas .docx lalu simpan sebagai PDF.',
            { cause: e },
          );
        }
        throw new PengaduanError('PDF_TIDAK_TERSEDIA', `PDF tidak dapat dibuat: LibreOffice gagal${err.killed ? ' (melewati batas waktu)' : ''}. Berkas .docx tetap tersimpan.`, {
          cause: e,
        });
      }
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  for (const p of pdfs) {
    const ok = await stat(p).then((s) => s.size > 0, () => false);
    if (!ok) throw new PengaduanError('PDF_TIDAK_TERSEDIA', `LibreOffice tidak menghasilkan ${path.basename(p)}. Berkas .docx tetap tersimpan.`);
  }
  return pdfs;
}
