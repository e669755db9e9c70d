/**
 * The deployable bundle (tools/bundle-functions.ts), as Cloud Run would load it: a fresh Node
 * process imports dist/…/index.js, finds the three entry points registered, and answers a
 * request; what the Google deployment loads at start never includes the local-only libraries.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunctions } from '../../tools/bundle-functions.js';
import { ROOT } from '../helpers/wb-fixtures.js';

const DIR = path.join(ROOT, 'dist', 'test-bundle');

beforeAll(async () => {
  await bundleFunctions(DIR);
}, 60_000);
afterAll(async () => {
  await rm(DIR, { recursive: true, force: true });
});

/** The files a module imports statically, transitively (what loads at cold start). */
async function staticGraph(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = await readFile(file, 'utf8');
  for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.\/[^"]+)"|^import\s*"(\.\/[^"]+)"/gm)) {
    const rel = m[1] ?? m[2];
    if (rel) await staticGraph(path.join(path.dirname(file), rel), seen);
  }
  return seen;
}

describe('the deployed bundle', () => {
  it('ships a package.json for the nodejs22 runtime naming only the Functions Framework, and the templates', async () => {
    const pkg = JSON.parse(await readFile(path.join(DIR, 'package.json'), 'utf8')) as { main: string; type: string; engines: { node: string }; dependencies: Record<string, string> };
    expect(pkg).toMatchObject({ main: 'index.js', type: 'module', engines: { node: '22' } });
    expect(Object.keys(pkg.dependencies)).toEqual(['@google-cloud/functions-framework']);
    for (const t of ['tanda-terima', 'lembar-pengaduan', 'lembar-disposisi', 'undangan-rapat', 'berita-acara']) {
      expect((await readFile(path.join(DIR, 'templates', `${t}.docx`))).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('loads neither the .xlsx library nor the document renderer at cold start', async () => {
    const graph = await staticGraph(path.join(DIR, 'index.js'));
    const code = (await Promise.all([...graph].map((f) => readFile(f, 'utf8')))).join('\n');
    expect(code).not.toMatch(/node_modules\/exceljs\//);
    expect(code).not.toMatch(/node_modules\/proper-lockfile\//);
    expect(code).not.toMatch(/node_modules\/docx-templates\//);
    // The Google clients are not loaded at start either: the first request loads them.
    expect(code).not.toMatch(/node_modules\/@googleapis\/sheets\//);
  });

  it('starts in a fresh Node process with the Google configuration and answers a request', () => {
    const script = `
      await import(${JSON.stringify(path.join(DIR, 'index.js'))});
      const { getFunction } = await import('@google-cloud/functions-framework/testing');
      const out = {};
      for (const name of ['dokumen', 'sla', 'status']) out[name] = typeof getFunction(name);
      const res = { code: 0, body: null, status(s) { this.code = s; return this; }, json(b) { this.body = b; return this; }, set() { return this; }, send() { return this; } };
      await getFunction('sla')({ method: 'POST', headers: {}, body: {} }, res);
      process.stdout.write(JSON.stringify({ out, code: res.code, body: res.body }));`;
    const env = {
      ...process.env,
      PENGADUAN_BACKEND: 'google',
      PENGADUAN_SPREADSHEET_ID: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf',
      PENGADUAN_DRIVE_FOLDER_ID: '0AbCdEfGhIjKlMnOpQr',
      PENGADUAN_AUDIENCE: '123-uji.apps.googleusercontent.com',
      K_SERVICE: 'pengaduan-sla',
      PENGADUAN_SENYAP: '1',
    };
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { out: Record<string, string>; code: number; body: { kode: string; pesan: string } };
    expect(result.out).toEqual({ dokumen: 'function', sla: 'function', status: 'function' });
    expect(result.code).toBe(401);
    expect(result.body.kode).toBe('TIDAK_TERAUTENTIKASI');
  });

  it('refuses to start with a configuration naming every problem, as Cloud Logging will show it', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(path.join(DIR, 'index.js'))});`], {
      cwd: ROOT,
      env: { ...process.env, PENGADUAN_BACKEND: 'google', K_SERVICE: 'pengaduan-dokumen' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).not.toBe(0);
    const line = r.stderr.split('\n').find((l) => l.startsWith('{')) ?? '';
    const logged = JSON.parse(line) as { severity: string; message: string };
    expect(logged.severity).toBe('ERROR');
    for (const name of ['PENGADUAN_SPREADSHEET_ID', 'PENGADUAN_DRIVE_FOLDER_ID', 'PENGADUAN_AUDIENCE']) expect(logged.message).toContain(name);
  });
});

describe('the bundle\'s output folder, which is emptied first', () => {
  it('refuses the project itself and a folder holding other files, and deletes nothing', async () => {
    await expect(bundleFunctions(ROOT)).rejects.toMatchObject({ code: 'ARGUMEN_TIDAK_VALID' });
    await expect(bundleFunctions(path.join(ROOT, '..'))).rejects.toMatchObject({ code: 'ARGUMEN_TIDAK_VALID' });
    const foreign = await mkdtemp(path.join(os.tmpdir(), 'pengaduan-bukan-bundle-'));
    try {
      await writeFile(path.join(foreign, 'catatan.txt'), 'jangan dihapus');
      await expect(bundleFunctions(foreign)).rejects.toMatchObject({ code: 'ARGUMEN_TIDAK_VALID' });
      expect(await readFile(path.join(foreign, 'catatan.txt'), 'utf8')).toBe('jangan dihapus');
    } finally {
      await rm(foreign, { recursive: true, force: true });
    }
    expect(await readFile(path.join(ROOT, 'package.json'), 'utf8')).toContain('"name": "pengaduan"');
  });

  it('replaces an earlier bundle in place', async () => {
    const again = await bundleFunctions(DIR);
    expect(again.outDir).toBe(DIR);
    expect(JSON.parse(await readFile(path.join(DIR, 'package.json'), 'utf8'))).toMatchObject({ name: 'pengaduan-functions' });
  }, 60_000);
});
