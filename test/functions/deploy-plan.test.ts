/**
 * Tests of tools/deploy-functions.ts `deployPlan`: from a `.env` to the gcloud commands that deploy
 * the three functions (dokumen and sla private, status public), the custom audiences Apps Script's
 * tokens need, and the environment the functions receive: forced to the Google backend, and never
 * a local-only or deploy-only setting. An incomplete `.env` is refused listing every problem,
 * checked exactly as the functions will check it on Cloud Run.
 *
 * Importing the tool must not deploy anything: its main runs only when it is the script started.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PengaduanError } from '../../core/errors.js';
import type { DeployPlan } from '../../tools/deploy-functions.js';
import { refusal } from '../helpers/refusal.js';

// Were main to run on import, it would build the bundle and call gcloud: both are watched.
const bundleFunctions = vi.hoisted(() => vi.fn(() => Promise.resolve({ outDir: 'dist/functions', bytes: 0 })));
vi.mock('../../tools/bundle-functions.js', () => ({ bundleFunctions }));
const spawnSync = vi.hoisted(() => vi.fn());
vi.mock('node:child_process', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:child_process')>()), spawnSync }));

let deployPlan: (env: Record<string, string | undefined>, source: string, envYaml: string) => DeployPlan;
const writes: string[] = [];
let exitCodeBefore: typeof process.exitCode;

beforeAll(async () => {
  exitCodeBefore = process.exitCode;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (writes.push(String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (writes.push(String(chunk)), true));
  try {
    ({ deployPlan } = await import('../../tools/deploy-functions.js'));
    // Let a top-level `await main()` that might have started settle before looking.
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
});
afterAll(() => {
  process.exitCode = exitCodeBefore;
});

const PROJECT = 'dpmptsp-pengaduan';
const ACCOUNT = `pengaduan-fungsi@${PROJECT}.iam.gserviceaccount.com`;
const SHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const FOLDER_ID = '0AbCdEfGhIjKlMnOpQrSt-uvwxyz_12';
const CLIENT_ID = '123456789012-abcdefg.apps.googleusercontent.com';
const SLA_URL = `https://asia-southeast2-${PROJECT}.cloudfunctions.net/pengaduan-sla`;
const SOURCE = 'dist/functions';
const YAML = 'dist/functions-env.yaml';

/** A complete .env, with the local settings a developer also keeps in it. */
const ENV: Record<string, string> = {
  PENGADUAN_BACKEND: 'lokal',
  PENGADUAN_SPREADSHEET_ID: SHEET_ID,
  PENGADUAN_DRIVE_FOLDER_ID: FOLDER_ID,
  PENGADUAN_AUDIENCE: `${CLIENT_ID},${SLA_URL}`,
  PENGADUAN_PENJADWAL: `penjadwal-sla@${PROJECT}.iam.gserviceaccount.com`,
  PENGADUAN_GCP_PROJECT: PROJECT,
  PENGADUAN_GCP_REGION: 'asia-southeast2',
  PENGADUAN_SERVICE_ACCOUNT: ACCOUNT,
  PENGADUAN_PREFIX: 'pengaduan',
  PENGADUAN_REGISTER: 'data/register-pengaduan.xlsx',
  PENGADUAN_TEMPLATE_DIR: 'templates',
  PENGADUAN_HOST: '127.0.0.1',
  PENGADUAN_WAKTU: '2026-03-17T09:00:00+07:00',
  PENGADUAN_SOFFICE: '/usr/bin/soffice',
  PENGADUAN_SENYAP: '1',
  PORT: '8080',
  HOME: '/home/admin',
};

const plan = (env: Record<string, string | undefined> = ENV): DeployPlan => deployPlan(env, SOURCE, YAML);
const refused = (env: Record<string, string | undefined>): PengaduanError => refusal(() => plan(env));
const bullets = (message: string): string[] => message.split('\n').filter((l) => l.startsWith('  - '));
const deploys = (p: DeployPlan): string[][] => p.commands.filter((c) => c.slice(0, 3).join(' ') === 'gcloud functions deploy');
const updates = (p: DeployPlan): string[][] => p.commands.filter((c) => c.slice(0, 4).join(' ') === 'gcloud run services update');
const flag = (cmd: readonly string[], name: string): string | undefined => cmd.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const byName = (p: DeployPlan, name: string): string[] => {
  const c = deploys(p).find((x) => x[3] === name);
  if (!c) throw new Error(`no deploy command for ${name}`);
  return c;
};

describe('importing the tool', () => {
  it('does not run its main: no bundle, no gcloud, no output, no exit code', () => {
    expect(typeof deployPlan).toBe('function');
    expect(bundleFunctions).not.toHaveBeenCalled();
    expect(spawnSync).not.toHaveBeenCalled();
    expect(writes).toEqual([]);
    expect(process.exitCode).toBe(exitCodeBefore);
  });
});

describe('deployPlan: a complete .env', () => {
  it('deploys three functions: dokumen, sla and status, in that order, and nothing else but audiences', () => {
    const p = plan();
    expect(deploys(p).map((c) => c[3])).toEqual(['pengaduan-dokumen', 'pengaduan-sla', 'pengaduan-status']);
    expect(p.commands.length).toBe(deploys(p).length + updates(p).length);
  });

  it.each(['dokumen', 'sla', 'status'])('%s: gen2, Node.js 22, HTTP trigger, its entry point, the service account, the bundle and the env file', (fn) => {
    const c = byName(plan(), `pengaduan-${fn}`);
    expect(c.slice(0, 4)).toEqual(['gcloud', 'functions', 'deploy', `pengaduan-${fn}`]);
    expect(c).toContain('--gen2');
    expect(c).toContain('--runtime=nodejs22');
    expect(c).toContain('--trigger-http');
    expect(flag(c, 'entry-point')).toBe(fn);
    expect(flag(c, 'service-account')).toBe(ACCOUNT);
    expect(flag(c, 'project')).toBe(PROJECT);
    expect(flag(c, 'region')).toBe('asia-southeast2');
    expect(flag(c, 'source')).toBe(SOURCE);
    expect(flag(c, 'env-vars-file')).toBe(YAML);
    // No variable slips in on the command line, where it would bypass the checked env file.
    expect(c.some((a) => /^--(set|update)-env-vars/.test(a))).toBe(false);
  });

  it('dokumen and sla are private, status is public', () => {
    const p = plan();
    for (const fn of ['dokumen', 'sla']) {
      const c = byName(p, `pengaduan-${fn}`);
      expect(c, fn).toContain('--no-allow-unauthenticated');
      expect(c, fn).not.toContain('--allow-unauthenticated');
    }
    const status = byName(p, 'pengaduan-status');
    expect(status).toContain('--allow-unauthenticated');
    expect(status).not.toContain('--no-allow-unauthenticated');
  });

  it('the sweep runs one instance at a time', () => {
    expect(flag(byName(plan(), 'pengaduan-sla'), 'max-instances')).toBe('1');
  });

  it('every argument is a separate word (no shell string to inject into)', () => {
    for (const c of plan().commands) for (const a of c) expect(a, a).not.toMatch(/\s/);
  });

  it('a non-URL audience (the Apps Script OAuth client id) becomes a custom audience of dokumen and sla only', () => {
    expect(updates(plan())).toEqual([
      ['gcloud', 'run', 'services', 'update', 'pengaduan-dokumen', '--region=asia-southeast2', `--project=${PROJECT}`, `--add-custom-audiences=${CLIENT_ID}`],
      ['gcloud', 'run', 'services', 'update', 'pengaduan-sla', '--region=asia-southeast2', `--project=${PROJECT}`, `--add-custom-audiences=${CLIENT_ID}`],
    ]);
  });

  it('the updates come after the deploys they modify', () => {
    const p = plan();
    const lastDeploy = p.commands.findLastIndex((c) => c[1] === 'functions');
    const firstUpdate = p.commands.findIndex((c) => c[1] === 'run');
    expect(firstUpdate).toBeGreaterThan(lastDeploy);
  });

  it('only URL audiences: no custom audience', () => {
    expect(updates(plan({ ...ENV, PENGADUAN_AUDIENCE: SLA_URL }))).toEqual([]);
  });

  it('two client ids: one update per client id and private function', () => {
    const other = '999999999999-lain.apps.googleusercontent.com';
    const u = updates(plan({ ...ENV, PENGADUAN_AUDIENCE: ` ${CLIENT_ID} , ${SLA_URL},${other},` }));
    expect(u.map((c) => `${c[4]} ${c.at(-1)}`)).toEqual([
      `pengaduan-dokumen --add-custom-audiences=${CLIENT_ID}`,
      `pengaduan-dokumen --add-custom-audiences=${other}`,
      `pengaduan-sla --add-custom-audiences=${CLIENT_ID}`,
      `pengaduan-sla --add-custom-audiences=${other}`,
    ]);
  });

  it('the region and prefix default to asia-southeast2 (Jakarta) and pengaduan', () => {
    const p = plan({ ...ENV, PENGADUAN_GCP_REGION: undefined, PENGADUAN_PREFIX: ' ' });
    expect(deploys(p).map((c) => c[3])).toEqual(['pengaduan-dokumen', 'pengaduan-sla', 'pengaduan-status']);
    for (const c of p.commands) expect(flag(c, 'region')).toBe('asia-southeast2');
  });

  it('uses the given region and prefix everywhere', () => {
    const p = plan({ ...ENV, PENGADUAN_GCP_REGION: 'asia-southeast1', PENGADUAN_PREFIX: 'pgd-pyk' });
    expect(deploys(p).map((c) => c[3])).toEqual(['pgd-pyk-dokumen', 'pgd-pyk-sla', 'pgd-pyk-status']);
    expect(updates(p).map((c) => c[4])).toEqual(['pgd-pyk-dokumen', 'pgd-pyk-sla']);
    for (const c of p.commands) expect(flag(c, 'region')).toBe('asia-southeast1');
  });
});

describe('deployPlan: the environment the functions receive', () => {
  it('is the Google backend even when the .env says lokal (for npm start)', () => {
    expect(plan().envFile.PENGADUAN_BACKEND).toBe('google');
  });

  it('holds exactly the functions\' own settings', () => {
    expect(plan().envFile).toEqual({
      PENGADUAN_BACKEND: 'google',
      PENGADUAN_SPREADSHEET_ID: SHEET_ID,
      PENGADUAN_DRIVE_FOLDER_ID: FOLDER_ID,
      PENGADUAN_AUDIENCE: `${CLIENT_ID},${SLA_URL}`,
      PENGADUAN_PENJADWAL: `penjadwal-sla@${PROJECT}.iam.gserviceaccount.com`,
    });
  });

  it.each([
    'PENGADUAN_WAKTU',
    'PENGADUAN_REGISTER',
    'PENGADUAN_TEMPLATE_DIR',
    'PENGADUAN_HOST',
    'PENGADUAN_SOFFICE',
    'PENGADUAN_SENYAP',
    'PENGADUAN_GCP_PROJECT',
    'PENGADUAN_GCP_REGION',
    'PENGADUAN_SERVICE_ACCOUNT',
    'PENGADUAN_PREFIX',
    'PORT',
    'HOME',
    'K_SERVICE',
  ])('never carries %s', (name) => {
    expect(Object.keys(plan({ ...ENV, K_SERVICE: 'x' }).envFile)).not.toContain(name);
  });

  it('carries the optional settings of the functions when set, and leaves out empty ones', () => {
    const optional = {
      PENGADUAN_AUTH: 'google',
      PENGADUAN_PDF: 'tidak',
      PENGADUAN_TEMPLATE_FOLDER_ID: FOLDER_ID,
      PENGADUAN_STATUS_PER_MENIT: '20',
      PENGADUAN_STATUS_SALAH_PER_JAM: '3',
      PENGADUAN_STATUS_CACHE_DETIK: '120',
      PENGADUAN_CORS_ORIGIN: 'https://dpmptsp.payakumbuhkota.go.id',
    };
    const e = plan({ ...ENV, ...optional, PENGADUAN_KOSONG: '' }).envFile;
    expect(e).toMatchObject(optional);
    expect(Object.keys(e)).not.toContain('PENGADUAN_KOSONG');
  });

  it('does not change the .env object it was given', () => {
    const env = { ...ENV };
    plan(env);
    expect(env).toEqual(ENV);
  });
});

describe('deployPlan: an incomplete or unsafe .env', () => {
  it('an empty .env is refused, listing every missing item at once', () => {
    const err = refused({});
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(err.message).toMatch(/^\.env belum siap untuk deploy:/);
    const lines = bullets(err.message);
    for (const name of ['PENGADUAN_GCP_PROJECT', 'PENGADUAN_SERVICE_ACCOUNT', 'PENGADUAN_SPREADSHEET_ID', 'PENGADUAN_DRIVE_FOLDER_ID', 'PENGADUAN_AUDIENCE']) {
      expect(lines.filter((l) => l.includes(name)), name).toHaveLength(1);
    }
    expect(lines).toHaveLength(5);
  });

  it.each(['PENGADUAN_GCP_PROJECT', 'PENGADUAN_SERVICE_ACCOUNT', 'PENGADUAN_SPREADSHEET_ID', 'PENGADUAN_DRIVE_FOLDER_ID', 'PENGADUAN_AUDIENCE'])(
    'without %s it is refused naming exactly that',
    (name) => {
      const err = refused({ ...ENV, [name]: undefined });
      expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
      expect(bullets(err.message)).toHaveLength(1);
      expect(bullets(err.message)[0]).toContain(name);
    },
  );

  it('the functions\' own problems are bullets of the same list, without a doubled dash', () => {
    const err = refused({ ...ENV, PENGADUAN_GCP_PROJECT: '', PENGADUAN_PDF: 'mungkin' });
    const lines = bullets(err.message);
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('  - PENGADUAN_PDF harus "ya" atau "tidak"'))).toBe(true);
    expect(err.message).not.toMatch(/-\s+-/);
    expect(err.message).not.toContain('Konfigurasi fungsi tidak valid');
  });

  it('PENGADUAN_AUTH=lokal in .env is refused: it would be on Cloud Run', () => {
    const err = refused({ ...ENV, PENGADUAN_AUTH: 'lokal' });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(bullets(err.message)).toEqual(['  - PENGADUAN_AUTH=lokal tidak boleh dipakai di Cloud Run: setiap permintaan harus membawa token identitas Google.']);
  });

  it('a PENGADUAN_WAKTU kept for local demos does not block the deploy', () => {
    expect(() => plan({ ...ENV, PENGADUAN_WAKTU: 'bukan waktu' })).not.toThrow();
  });

  it.each([
    ['an upper-case project', { PENGADUAN_GCP_PROJECT: 'DPMPTSP-Pengaduan' }, 'PENGADUAN_GCP_PROJECT'],
    ['a too-short project', { PENGADUAN_GCP_PROJECT: 'pgd' }, 'PENGADUAN_GCP_PROJECT'],
    ['a project ending in a dash', { PENGADUAN_GCP_PROJECT: 'dpmptsp-pengaduan-' }, 'PENGADUAN_GCP_PROJECT'],
    ['a zone instead of a region', { PENGADUAN_GCP_REGION: 'asia-southeast2-a' }, 'PENGADUAN_GCP_REGION'],
    ['a region name in words', { PENGADUAN_GCP_REGION: 'Jakarta' }, 'PENGADUAN_GCP_REGION'],
    ['a personal account as service account', { PENGADUAN_SERVICE_ACCOUNT: 'admin@payakumbuhkota.go.id' }, 'PENGADUAN_SERVICE_ACCOUNT'],
    ['the default compute service account', { PENGADUAN_SERVICE_ACCOUNT: '123456789012-compute@developer.gserviceaccount.com' }, 'PENGADUAN_SERVICE_ACCOUNT'],
    ['a prefix with capitals', { PENGADUAN_PREFIX: 'Pengaduan' }, 'PENGADUAN_PREFIX'],
    ['a prefix with a space', { PENGADUAN_PREFIX: 'pgd pyk' }, 'PENGADUAN_PREFIX'],
    ['a prefix with a shell character', { PENGADUAN_PREFIX: 'pgd;rm' }, 'PENGADUAN_PREFIX'],
    ['a too-long prefix', { PENGADUAN_PREFIX: `p${'x'.repeat(31)}` }, 'PENGADUAN_PREFIX'],
  ])('refuses %s', (_what, change, name) => {
    const err = refused({ ...ENV, ...change });
    expect(err.code).toBe('KONFIGURASI_TIDAK_VALID');
    expect(bullets(err.message)).toHaveLength(1);
    expect(bullets(err.message)[0]).toContain(name);
  });

  it.each(['asia-southeast2', 'asia-southeast1', 'us-central1', 'europe-west4', 'northamerica-northeast1', 'europe-west10', 'europe-west12'])(
    'accepts the Google Cloud region %s',
    (region) => {
      expect(deploys(plan({ ...ENV, PENGADUAN_GCP_REGION: region }))).toHaveLength(3);
    },
  );
});
