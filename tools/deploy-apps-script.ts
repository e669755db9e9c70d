/**
 * `npm run deploy:apps-script [-- --tanpa-tes]`: typecheck, lint, test, build (tools/bundle-apps-script.ts),
 * then `clasp push --force` of dist/apps-script/ into the script bound to the register Sheet.
 * `.clasp.json` (never committed; copy `.clasp.json.example`) names the script's ID and the
 * rootDir dist/apps-script. Without it, or without a clasp login, it stops before pushing and says
 * what to do.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleAppsScript } from './bundle-apps-script.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The placeholder in .clasp.json.example. */
const EXAMPLE_ID = 'ID_SKRIP_APPS_SCRIPT_ANDA';

/** Why `.clasp.json` cannot be used, or undefined when it can. */
export function claspProblem(text: string | undefined): string | undefined {
  if (text === undefined) return '.clasp.json belum ada. Salin .clasp.json.example menjadi .clasp.json dan isi scriptId (Extensions → Apps Script → Project Settings → Script ID).';
  let config: { scriptId?: unknown; rootDir?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    return '.clasp.json bukan JSON yang valid.';
  }
  // A script ID is some 57 letters, digits, '-' and '_'; the example's placeholder is not one.
  if (typeof config.scriptId !== 'string' || !/^[A-Za-z0-9_-]{40,100}$/.test(config.scriptId) || config.scriptId === EXAMPLE_ID) {
    return '.clasp.json: scriptId belum diisi dengan ID skrip yang benar (Extensions → Apps Script → Project Settings → Script ID).';
  }
  if (config.rootDir !== 'dist/apps-script') return '.clasp.json: rootDir harus "dist/apps-script" (yang dibangun oleh npm run build:apps-script).';
  return undefined;
}

function run(cmd: string, args: string[]): void {
  process.stdout.write(`\n$ ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write(`Berhenti: "${[cmd, ...args].join(' ')}" gagal (kode ${r.status ?? r.signal ?? '?'}). Tidak ada yang dikirim ke Apps Script.\n`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'tanpa-tes': { type: 'boolean' } } });
  const clasp = await readFile(path.join(root, '.clasp.json'), 'utf8').catch(() => undefined);
  const problem = claspProblem(clasp);
  if (problem) {
    process.stderr.write(`${problem}\nLihat README, bagian "The Google Sheet (Apps Script)" → "Setting it up (once)".\n`);
    process.exit(2);
  }
  if (!values['tanpa-tes']) {
    // esbuild does not check types: the typecheck is what catches a wrong Apps Script call.
    run('npm', ['run', 'typecheck']);
    run('npm', ['run', 'lint']);
    run('npm', ['run', 'test:unit']);
  }
  const out = await bundleAppsScript();
  process.stdout.write(`Dibangun: ${path.relative(root, out.outDir)} (${out.globals.length} fungsi global).\n`);
  run('npx', ['clasp', 'push', '--force']);
  process.stdout.write(
    'Selesai. Buka spreadsheet, muat ulang, lalu jalankan menu Pengaduan → Siapkan spreadsheet bila ini pemasangan pertama.\n' +
      'Bila oauthScopes di appsscript.json berubah, pemilik pemicu (admin yang menjalankan Siapkan) harus membuka menu sekali lagi dan memberi izin, agar pemicunya tetap berjalan.\n',
  );
}
