/**
 * `npm run deploy:functions [-- --dry-run]`: checks the configuration in `.env`, builds the bundle
 * (tools/bundle-functions.ts) and deploys the three functions to Cloud Run functions (Node.js 22)
 * with gcloud: `dokumen` and `sla` private (--no-allow-unauthenticated), `status` public. With
 * --dry-run, or without gcloud, it prints the commands instead of running them.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { isPengaduanError, PengaduanError } from '../core/errors.js';
import { parseConfig } from '../functions/config.js';
import { bundleFunctions } from './bundle-functions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Settings of the deployment itself; everything else named PENGADUAN_* goes to the functions. */
const DEPLOY_ONLY = new Set(['PENGADUAN_GCP_PROJECT', 'PENGADUAN_GCP_REGION', 'PENGADUAN_SERVICE_ACCOUNT', 'PENGADUAN_PREFIX']);
/** Local-only settings (and the command line's own) that must never reach Cloud Run. */
const LOCAL_ONLY = new Set(['PENGADUAN_LOOKER_TEMPLATE', 'PENGADUAN_REGISTER', 'PENGADUAN_WAKTU', 'PENGADUAN_HOST', 'PENGADUAN_TEMPLATE_DIR', 'PENGADUAN_SOFFICE', 'PENGADUAN_SENYAP']);

export interface DeployPlan {
  readonly commands: string[][];
  readonly envFile: Record<string, string>;
}

/** The gcloud commands for a `.env`; throws KONFIGURASI_TIDAK_VALID naming every problem. */
export function deployPlan(env: Record<string, string | undefined>, source: string, envYaml: string): DeployPlan {
  const problems: string[] = [];
  const project = env.PENGADUAN_GCP_PROJECT?.trim() ?? '';
  const region = env.PENGADUAN_GCP_REGION?.trim() || 'asia-southeast2';
  const account = env.PENGADUAN_SERVICE_ACCOUNT?.trim() ?? '';
  const prefix = env.PENGADUAN_PREFIX?.trim() || 'pengaduan';
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) problems.push('PENGADUAN_GCP_PROJECT wajib diisi dengan ID proyek Google Cloud.');
  if (!/^[a-z]+-[a-z]+\d{1,2}$/.test(region)) problems.push(`PENGADUAN_GCP_REGION "${region}" bukan region Google Cloud (misalnya asia-southeast2, Jakarta).`);
  if (!/^[a-z0-9-]+@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.test(account)) problems.push('PENGADUAN_SERVICE_ACCOUNT wajib diisi dengan e-mail akun layanan fungsi (…@PROYEK.iam.gserviceaccount.com).');
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(prefix)) problems.push('PENGADUAN_PREFIX hanya huruf kecil, angka, dan tanda hubung.');
  // The functions' own settings, checked exactly as the functions will check them on Cloud Run.
  const runtime: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (k.startsWith('PENGADUAN_') && !DEPLOY_ONLY.has(k) && !LOCAL_ONLY.has(k) && v !== undefined && v !== '') runtime[k] = v;
  runtime.PENGADUAN_BACKEND = 'google';
  try {
    parseConfig({ ...runtime, K_SERVICE: 'pemeriksaan' });
  } catch (e) {
    if (!isPengaduanError(e)) throw e;
    problems.push(...e.message.split('\n').slice(1).map((l) => l.replace(/^\s*-\s*/, '')));
  }
  if (problems.length > 0) throw new PengaduanError('KONFIGURASI_TIDAK_VALID', `.env belum siap untuk deploy:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const common = ['--gen2', '--runtime=nodejs22', `--region=${region}`, `--project=${project}`, `--source=${source}`, '--trigger-http', `--service-account=${account}`, `--env-vars-file=${envYaml}`];
  const commands = [
    ['gcloud', 'functions', 'deploy', `${prefix}-dokumen`, ...common, '--entry-point=dokumen', '--no-allow-unauthenticated', '--memory=1Gi', '--timeout=120s', '--max-instances=10'],
    ['gcloud', 'functions', 'deploy', `${prefix}-sla`, ...common, '--entry-point=sla', '--no-allow-unauthenticated', '--memory=1Gi', '--timeout=540s', '--max-instances=1'],
    ['gcloud', 'functions', 'deploy', `${prefix}-status`, ...common, '--entry-point=status', '--allow-unauthenticated', '--memory=512Mi', '--timeout=30s', '--max-instances=3'],
  ];
  // Apps Script's identity tokens are addressed to its OAuth client, not to the function's URL:
  // Cloud Run accepts them at the door only as a custom audience.
  const clients = (env.PENGADUAN_AUDIENCE ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '' && !s.includes('://'));
  for (const fn of ['dokumen', 'sla']) {
    for (const c of clients) commands.push(['gcloud', 'run', 'services', 'update', `${prefix}-${fn}`, `--region=${region}`, `--project=${project}`, `--add-custom-audiences=${c}`]);
  }
  return { commands, envFile: runtime };
}

const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);

async function main(): Promise<number> {
  const dry = process.argv.includes('--dry-run');
  const envPath = path.join(root, '.env');
  let text: string;
  try {
    text = await readFile(envPath, 'utf8');
  } catch {
    process.stderr.write('Berkas .env tidak ada. Salin .env.example menjadi .env dan isi bagian "Google" (lihat README, bagian Deploy).\n');
    return 3;
  }
  let plan: DeployPlan;
  try {
    plan = deployPlan(parseEnv(text), 'dist/functions', 'dist/functions-env.yaml');
  } catch (e) {
    if (!isPengaduanError(e)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 3;
  }
  let bundle: { outDir: string; bytes: number };
  try {
    bundle = await bundleFunctions();
  } catch (e) {
    if (!isPengaduanError(e)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 3;
  }
  const { outDir, bytes } = bundle;
  process.stdout.write(`Bundle fungsi: ${path.relative(root, outDir)} (${(bytes / 1024 / 1024).toFixed(1)} MB)\n`);
  await writeFile(path.join(root, 'dist', 'functions-env.yaml'), Object.entries(plan.envFile).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n') + '\n', { mode: 0o600 });
  const hasGcloud = spawnSync('gcloud', ['--version'], { stdio: 'ignore' }).status === 0;
  if (dry || !hasGcloud) {
    if (!hasGcloud && !dry) process.stderr.write('gcloud tidak ditemukan; pasang Google Cloud CLI lalu jalankan perintah berikut dari folder proyek:\n');
    for (const c of plan.commands) process.stdout.write(`${c.map(quote).join(' ')}\n`);
    return dry ? 0 : 3;
  }
  for (const c of plan.commands) {
    process.stdout.write(`$ ${c.map(quote).join(' ')}\n`);
    const r = spawnSync(c[0] ?? 'gcloud', c.slice(1), { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      process.stderr.write(`Perintah gagal (kode ${r.status ?? 'sinyal'}); deploy dihentikan. Fungsi yang sudah ter-deploy tetap berjalan.\n`);
      return 1;
    }
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
