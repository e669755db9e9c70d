/**
 * Builds the deployable Cloud Functions source into dist/functions/: one ES-module bundle of
 * functions/index.ts (esbuild; the Functions Framework stays an ordinary dependency, as the
 * runtime expects), the templates beside it, and a package.json naming the entry point, the
 * Node 22 engine and the only runtime dependency. The local-only code (the .xlsx register,
 * LibreOffice) is split into chunks loaded only when PENGADUAN_BACKEND=lokal.
 *
 *   node bin/run-ts.js tools/bundle-functions.ts [--keluar dist/functions]
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PengaduanError } from '../core/errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_NAME = 'pengaduan-functions';

/**
 * The output folder is emptied first: only a new folder, an empty one, or an earlier bundle (its
 * package.json names it) is, never the project or any other folder a mistyped --keluar names.
 */
async function assertReplaceable(outDir: string): Promise<void> {
  const fromRoot = path.relative(outDir, root);
  const refuse = (why: string): never => {
    throw new PengaduanError('ARGUMEN_TIDAK_VALID', `Folder bundle "${outDir}" tidak dipakai: ${why}. Pilih folder baru, misalnya dist/functions.`);
  };
  if (!path.isAbsolute(fromRoot) && fromRoot.split(path.sep)[0] !== '..') refuse('folder itu berisi proyek ini');
  const entries = await readdir(outDir).catch(() => []);
  if (entries.length === 0) return;
  const name = await readFile(path.join(outDir, 'package.json'), 'utf8').then((t) => (JSON.parse(t) as { name?: unknown }).name, () => undefined);
  if (name !== BUNDLE_NAME) refuse('folder itu sudah berisi berkas lain, bukan bundle fungsi sebelumnya, dan akan dikosongkan');
}

export async function bundleFunctions(outDir = path.join(root, 'dist', 'functions')): Promise<{ outDir: string; bytes: number }> {
  outDir = path.resolve(outDir);
  await assertReplaceable(outDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; version: string };
  const framework = '@google-cloud/functions-framework';
  const result = await build({
    entryPoints: { index: path.join(root, 'functions', 'index.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: [framework],
    // CommonJS dependencies inside an ES module still call require().
    banner: { js: "import { createRequire as __pengaduanRequire } from 'node:module'; const require = __pengaduanRequire(import.meta.url);" },
    define: { __PENGADUAN_TEMPLATES__: JSON.stringify('templates') },
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  await cp(path.join(root, 'templates'), path.join(outDir, 'templates'), { recursive: true, filter: (src) => !src.endsWith('.md') });
  await writeFile(
    path.join(outDir, 'package.json'),
    `${JSON.stringify(
      {
        name: BUNDLE_NAME,
        version: pkg.version,
        private: true,
        type: 'module',
        main: 'index.js',
        engines: { node: '22' },
        dependencies: { [framework]: pkg.dependencies[framework] },
      },
      null,
      2,
    )}\n`,
  );
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return { outDir, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--keluar');
  const given = i > 0 ? process.argv[i + 1] : undefined;
  try {
    if (i > 0 && (given === undefined || given.startsWith('--'))) throw new PengaduanError('ARGUMEN_TIDAK_VALID', '--keluar memerlukan nama FOLDER (misalnya --keluar dist/functions).');
    const { outDir, bytes } = await bundleFunctions(given === undefined ? undefined : path.resolve(given));
    process.stdout.write(`Bundle fungsi: ${path.relative(process.cwd(), outDir) || outDir} (${(bytes / 1024 / 1024).toFixed(1)} MB JavaScript)\n`);
  } catch (e) {
    if (!(e instanceof PengaduanError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  }
}
