/**
 * What the tests of the Apps Script fakes themselves (fakes.test.ts, fakes-services.test.ts) share:
 * a fresh set of fakes with the active spreadsheet, the error a call throws, and members read or
 * called the way untyped script code does (past their TypeScript types).
 */
import { createAppsScript, type AppsScriptOptions } from './fakes.js';

/** The fakes, their globals as `g`, SpreadsheetApp as `app`, and the active spreadsheet. */
export function setup(options: AppsScriptOptions = {}) {
  const fakes = createAppsScript(options);
  const app = fakes.globals.SpreadsheetApp;
  return { ...fakes, g: fakes.globals, app, ss: app.getActiveSpreadsheet() };
}

/** The error `run` throws; fails the test when it throws nothing or something that is not an Error. */
export function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`expected an Error, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** A member read the way untyped script code reads it. */
export const read = (object: object, key: string | symbol): unknown => Reflect.get(object, key) as unknown;

/** A method called with arguments its TypeScript type would not allow, as untyped script code may. */
export function callLoosely(object: object, method: string, args: unknown[]): unknown {
  const fn = read(object, method);
  if (typeof fn !== 'function') throw new Error(`${method} is not a function`);
  return Reflect.apply(fn, object, args) as unknown;
}
