/** Small helpers shared by the document tests: PDF tools present, whether a file exists, files below a folder, a rejection. */
import { execFileSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether the PDF tests run: LibreOffice and poppler-utils are installed, or CI says they must be
 * (.ci/run sets PENGADUAN_PERLU_PDF=1 once it installed them): then a broken install fails those
 * tests instead of skipping them. Elsewhere they are reported as skipped.
 */
export const pdfTestsRun = ((): boolean => {
  if (process.env.PENGADUAN_PERLU_PDF === '1') return true;
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

/** Whether anything (a file or a folder) exists at `file`. */
export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Every file below a folder, relative to it with `/`, sorted; none when the folder is missing. */
export async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** What a promise rejects with (an Error saying so when it resolves instead). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => new Error('expected a rejection, but it resolved'),
    (e: unknown) => e,
  );
}
