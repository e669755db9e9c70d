/**
 * Builds the Apps Script project into dist/apps-script/ for `clasp push`:
 *
 * - Code.js: apps-script/main.ts with core/ and sheets-schema/ bundled by esbuild into one
 *   ES2019 script (an IIFE, so nothing leaks into the global scope), followed by one top-level
 *   `function NAME() {…}` for each export of main.ts. Apps Script finds triggers, menu items and
 *   `google.script.run` targets only among top-level functions; main.ts is the one list of them.
 * - Dialog.html: apps-script/dialog/Dialog.html with the dialog's script (apps-script/dialog/
 *   client.ts, which shares core/fields.ts's validation) inlined.
 * - appsscript.json: time zone, V8, and the explicit OAuth scopes.
 *
 *   node bin/run-ts.js tools/bundle-apps-script.ts [--keluar dist/apps-script]
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'apps-script');
/** The IIFE's name: the only global besides the generated functions. */
export const NAMESPACE = '__Pengaduan';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const common: BuildOptions = {
  bundle: true,
  write: false,
  target: 'es2019',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
};

/** The exports of main.ts, from esbuild's metafile. */
async function entryExports(entry: string): Promise<string[]> {
  const result = await build({ ...common, entryPoints: [entry], format: 'esm', metafile: true, outdir: 'out' });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const names = output?.exports ?? [];
  const bad = names.filter((n) => !IDENTIFIER.test(n) || n === 'default');
  if (bad.length > 0) throw new Error(`main.ts exports names Apps Script cannot call: ${bad.join(', ')}`);
  return [...names].sort();
}

export interface AppsScriptBuild {
  readonly outDir: string;
  readonly globals: readonly string[];
  readonly codeBytes: number;
  readonly dialogBytes: number;
}

export async function bundleAppsScript(outDir = path.join(root, 'dist', 'apps-script')): Promise<AppsScriptBuild> {
  const entry = path.join(source, 'main.ts');
  const globals = await entryExports(entry);
  const code = await build({ ...common, entryPoints: [entry], format: 'iife', globalName: NAMESPACE });
  const body = code.outputFiles?.[0]?.text ?? '';
  const wrappers = globals.map((name) => `function ${name}() {\n  return ${NAMESPACE}.${name}.apply(this, arguments);\n}`).join('\n');
  const codeJs =
    `// Layanan Pengaduan DPMPTSP Kota Payakumbuh: built by tools/bundle-apps-script.ts from apps-script/, core/ and sheets-schema/.\n` +
    `// Do not edit here: edit the TypeScript sources and run npm run build:apps-script.\n${body}\n` +
    `// The functions Apps Script may call (apps-script/main.ts).\n${wrappers}\n`;

  const client = await build({ ...common, entryPoints: [path.join(source, 'dialog', 'client.ts')], format: 'iife', platform: 'browser', minify: true });
  const script = client.outputFiles?.[0]?.text ?? '';
  // The script sits inside <script> of an HtmlService template: it must not end the element or open a scriptlet.
  if (/<\/script/i.test(script) || script.includes('<?') || script.includes('?>')) {
    throw new Error('The dialog script contains "</script", "<?" or "?>", which would break Dialog.html');
  }
  const template = await readFile(path.join(source, 'dialog', 'Dialog.html'), 'utf8');
  if (!template.includes('/*CLIENT*/')) throw new Error('Dialog.html lacks the /*CLIENT*/ placeholder');
  const dialog = template.replace('/*CLIENT*/', () => script.trim());

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'Code.js'), codeJs);
  await writeFile(path.join(outDir, 'Dialog.html'), dialog);
  await copyFile(path.join(source, 'appsscript.json'), path.join(outDir, 'appsscript.json'));
  return { outDir, globals, codeBytes: Buffer.byteLength(codeJs), dialogBytes: Buffer.byteLength(dialog) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { keluar: { type: 'string' } } });
  const out = await bundleAppsScript(values.keluar ? path.resolve(values.keluar) : undefined);
  process.stdout.write(
    `Apps Script: ${path.relative(process.cwd(), out.outDir) || '.'}/Code.js (${(out.codeBytes / 1024).toFixed(0)} KB, ${out.globals.length} fungsi global), ` +
      `Dialog.html (${(out.dialogBytes / 1024).toFixed(0)} KB), appsscript.json\n`,
  );
}
