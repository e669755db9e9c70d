/**
 * The built Apps Script project (dist/apps-script as `npm run build:apps-script` makes it): one
 * ES2019 script with no module system and no Node API, a top-level function for every entry of
 * apps-script/main.ts (every trigger, menu item and dialog call), the manifest, and the dialog.
 */
import vm from 'node:vm';
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { AKSI } from '../../core/sop.js';
import { NAMESPACE } from '../../tools/bundle-apps-script.js';
import { builtBundle, type Built } from './harness.js';

let b: Built;
beforeAll(async () => {
  b = await builtBundle();
});

describe('Code.js', () => {
  it('is plain ES2019: it parses as a 2019 script, with no import, export or require', () => {
    expect(() => parse(b.code, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
    expect(b.code).not.toMatch(/^\s*(import|export)\s/m);
    expect(b.code).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
  });

  it('uses no Node API', () => {
    expect(b.code).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname|__filename|module\.exports|\bnode:/);
  });

  it('defines a top-level function for every trigger, menu item and dialog call, and nothing else global', () => {
    for (const name of ['onOpen', 'onFormSubmit', 'harian', 'siapkan', 'aturLayananDokumen', 'catatBaru', 'buatUlangDokumen', 'muatMenu', 'tentangAkses', 'kirimAksi', 'catatPengaduan', ...AKSI.map((a) => `aksi_${a}`)]) {
      expect(b.globals, name).toContain(name);
      expect(b.code).toMatch(new RegExp(`^function ${name}\\(\\) \\{$`, 'm'));
    }
    // Loaded where no Apps Script service exists, it calls none at load time and adds only its functions.
    const context = vm.createContext({});
    const before = new Set(Object.getOwnPropertyNames(context));
    vm.runInContext(b.code, context);
    const added = Object.getOwnPropertyNames(context).filter((k) => !before.has(k));
    expect(added.sort()).toEqual([NAMESPACE, ...b.globals].sort());
    for (const name of b.globals) expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
  });

  it('has one menu handler per SOP action, so an action added to core/ cannot go missing from the menus', () => {
    expect(b.globals.filter((g) => g.startsWith('aksi_')).sort()).toEqual(AKSI.map((a) => `aksi_${a}`).sort());
  });
});

describe('appsscript.json', () => {
  it('runs on V8 in Asia/Jakarta with explicit, minimal scopes', () => {
    expect(b.manifest.timeZone).toBe('Asia/Jakarta');
    expect(b.manifest.runtimeVersion).toBe('V8');
    expect(b.manifest.oauthScopes).toContain('openid');
    expect(b.manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    // Nothing wider than the script needs: no full Drive, no full Spreadsheets, no Gmail.
    for (const s of b.manifest.oauthScopes) expect(s).not.toMatch(/\/auth\/(drive|spreadsheets|gmail)(\.readonly)?$|mail\.google\.com/);
  });
});

describe('Dialog.html', () => {
  it('has exactly one scriptlet, the model, and its script inlined', () => {
    expect(b.dialog.match(/<\?/g)).toHaveLength(1);
    expect(b.dialog).toContain('<script type="application/json" id="model"><?!= model ?></script>');
    expect(b.dialog).not.toContain('/*CLIENT*/');
    expect(b.dialog).toMatch(/<html lang="id">/);
  });
});
