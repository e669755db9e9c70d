/**
 * Loads the BUILT Apps Script project (tools/bundle-apps-script.ts, into a temporary folder once
 * per test process) into a Node `vm` context whose globals are the in-memory fakes of fakes.ts,
 * and drives it as Apps Script would: a trigger or a menu item calls a top-level function;
 * a dialog calls its server functions through `google.script.run`.
 *
 *   const s = await loadScript({ activeUser: 'admin@kantor.go.id' });
 *   s.call('siapkan');
 *   s.as('petugas@kantor.go.id');            // another person opens the sheet
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { bundleAppsScript } from '../../tools/bundle-apps-script.js';
import { createAppsScript, type AppsScriptFakes, type AppsScriptOptions } from './fakes.js';

export interface Built {
  readonly dir: string;
  readonly code: string;
  readonly dialog: string;
  readonly manifest: { timeZone: string; runtimeVersion: string; oauthScopes: string[] };
  readonly globals: readonly string[];
}

let built: Promise<Built> | undefined;

/** The bundle, built once per test process. */
export function builtBundle(): Promise<Built> {
  built ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pengaduan-gas-'));
    const out = await bundleAppsScript(dir);
    return {
      dir,
      code: await readFile(path.join(dir, 'Code.js'), 'utf8'),
      dialog: await readFile(path.join(dir, 'Dialog.html'), 'utf8'),
      manifest: JSON.parse(await readFile(path.join(dir, 'appsscript.json'), 'utf8')) as Built['manifest'],
      globals: out.globals,
    };
  })();
  return built;
}

export interface LoadOptions extends AppsScriptOptions {
  /** Date.now() inside the script (default: the real clock). */
  now?: number;
}

export interface Script {
  readonly fakes: AppsScriptFakes;
  readonly context: vm.Context;
  /** Calls a top-level function of Code.js, as a trigger, a menu item or google.script.run does. */
  call(name: string, ...args: unknown[]): unknown;
  /** The person at the keyboard from now on (Session.getActiveUser()). */
  as(email: string): void;
  /** Moves the script's clock (Date.now()). */
  setNow(ms: number): void;
  /**
   * Calls `hook(className.method, args, result)` after every SpreadsheetApp call the script makes
   * from now on (on the objects it reaches from SpreadsheetApp), to act between two of its calls:
   * a person sorting the sheet while an action runs.
   */
  spy(hook: SpyHook): void;
  /** What the script wrote with console.log/warn/error, as 'LEVEL message'. */
  readonly console: string[];
}

export type SpyHook = (call: string, args: unknown[], result: unknown) => void;

/** Wraps an Apps Script object so that every method call, and the objects it returns, report to `hook`. */
function spyOn<T extends object>(target: T, name: string, hook: SpyHook): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      const v = Reflect.get(t, key, receiver) as unknown;
      if (typeof v !== 'function' || typeof key !== 'string') return v;
      return (...args: unknown[]) => {
        const result = (v as (...a: unknown[]) => unknown).apply(t, args);
        hook(`${name}.${key}`, args, result);
        const isObject = typeof result === 'object' && result !== null && !Array.isArray(result) && Object.prototype.toString.call(result) !== '[object Date]';
        return isObject ? spyOn(result, key.replace(/^get/, ''), hook) : result;
      };
    },
  });
}

export async function loadScript(options: LoadOptions = {}): Promise<Script> {
  const b = await builtBundle();
  const fakes = createAppsScript({ ...options, htmlFiles: { Dialog: b.dialog, ...(options.htmlFiles ?? {}) } });
  const context = vm.createContext(fakes.globals);
  let user = options.activeUser ?? '';
  let effective: string | undefined;
  // Session.getActiveUser() follows `as()`; every other member goes to the fake, which refuses what it lacks.
  const session = fakes.globals.Session;
  const wrapped = new Proxy(session, {
    get(target, key, receiver) {
      // A menu item or dialog runs as the person who chose it: the effective user is they too.
      if (key === 'getEffectiveUser' && effective !== undefined) {
        return () => {
          const real = (target.getEffectiveUser)();
          const who = effective;
          return new Proxy(real, { get: (t, k, r) => (k === 'getEmail' ? () => who : (Reflect.get(t, k, r) as unknown)) });
        };
      }
      if (key === 'getActiveUser') {
        return () => {
          const real = (target.getActiveUser)();
          return new Proxy(real, { get: (t, k, r) => (k === 'getEmail' ? () => user : (Reflect.get(t, k, r) as unknown)) });
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  (context as Record<string, unknown>).Session = wrapped;
  // The script's console goes to a list (Cloud Logging in Apps Script), not to the test output.
  const lines: string[] = [];
  const record = (level: string) => (...args: unknown[]): void => {
    lines.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  };
  (context as Record<string, unknown>).console = { log: record('INFO'), info: record('INFO'), warn: record('WARNING'), error: record('ERROR') };
  let now = options.now;
  vm.runInContext('(function (real) { Date.now = function () { return __pengaduanNow() ?? real(); }; })(Date.now);', Object.assign(context, { __pengaduanNow: () => now }));
  vm.runInContext(b.code, context, { filename: 'Code.js' });
  return {
    fakes,
    context,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    as(email) {
      user = email;
      effective = email === '' ? undefined : email;
    },
    spy(hook) {
      const app = fakes.globals.SpreadsheetApp;
      (context as Record<string, unknown>).SpreadsheetApp = spyOn(app, 'SpreadsheetApp', hook);
    },
    setNow(ms) {
      now = ms;
    },
    console: lines,
  };
}

/** The model a dialog was opened with (the JSON in its <script id="model">). */
export function dialogModel(content: string | null | undefined): Record<string, unknown> {
  const m = /<script type="application\/json" id="model">([\s\S]*?)<\/script>/.exec(content ?? '');
  if (!m) throw new Error('The dialog has no model');
  return JSON.parse(m[1] ?? '') as Record<string, unknown>;
}

/** A sheet's values as rows of text (header first), for comparisons. */
export function sheetValues(s: Script, name: string): unknown[][] {
  const sheet = s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet.getDataRange().getValues();
}

/** One sheet's rows as objects keyed by header (test side; not counted once calls are reset). */
export function sheetRecords(s: Script, name: string): Record<string, unknown>[] {
  const [header = [], ...rows] = sheetValues(s, name);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
