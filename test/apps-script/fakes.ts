/**
 * In-memory fakes of the Apps Script services the bound project uses, for testing the built
 * dist/apps-script/Code.js inside a Node `vm` context:
 *
 *   const { globals, state, calls, submitForm } = createAppsScript({ sheets: { Register: [['nomor']] } });
 *   const context = vm.createContext(globals);        // pass `globals` itself, not a copy
 *   vm.runInContext(code, context);
 *   vm.runInContext('onOpen()', context);
 *   expect(state.menus[0]?.caption).toBe('Pengaduan');
 *
 * Services covered (createAppsScript() is the one entry point; the modules beside this file hold
 * the rest and are re-exported here):
 *   - SpreadsheetApp (this file): the active spreadsheet, its sheets, ranges, values, formats,
 *     selection, protections, data validation, conditional formats, toasts, time zone
 *   - Session, LockService, Logger, and the Ui (menus, alerts, prompts, dialogs, sidebars) (this file)
 *   - FormApp (fakes-forms.ts): forms, items, text validation, responses, the linked response
 *     sheet; the test submits with `submitForm(formId, answers, opts)`
 *   - PropertiesService, MailApp, UrlFetchApp, Utilities, ScriptApp (fakes-services.ts)
 *   - HtmlService (fakes-html.ts): outputs and templates with <?= ?> / <?!= ?> scriptlets
 *   - the shared machinery (fakes-kit.ts): proxies, call counting, realm, argument checks, enums
 *
 * Every fake object is a Proxy that throws `Fake Apps Script: Sheet.getCharts is not implemented`
 * for any member it does not implement, so code that uses an API the fakes do not know fails the
 * test instead of passing by accident. Arguments are checked the way Apps Script checks them
 * ("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.")
 * and the sheet grid has Apps Script's limits: a range past getMaxRows()/getMaxColumns() cannot be
 * taken until rows or columns are inserted.
 *
 * Once `globals` has been turned into a context, the arrays, Dates and Errors the fakes hand to the
 * script are made in the script's own realm, so `instanceof Array`, `instanceof Date` and
 * `instanceof Error` behave inside the script as they do in Apps Script.
 *
 * Messages that begin "Fake Apps Script:" are the fakes' own (a limit of the fakes, or a write that
 * real Sheets would silently turn into something else); all others copy Apps Script's wording.
 */
import { IANAZone } from 'luxon';
import { createKit, internals as kitInternals, isDate, type CallCounter, type Kind } from './fakes-kit.js';
import { createFormApp, type FormState, type FormSubmitEvent, type SubmitOptions } from './fakes-forms.js';
import { createHtmlService, htmlOutputData, type HtmlOptions } from './fakes-html.js';
import {
  createMailApp,
  createPropertiesService,
  createScriptApp,
  createUrlFetchApp,
  createUtilities,
  type FetchState,
  type MailOptions,
  type MailStateHolder,
  type PropertiesOptions,
  type PropertiesState,
  type ScriptOptions,
  type ScriptStateHolder,
  type UtilitiesState,
} from './fakes-services.js';

export type { CallCounter, ServiceName } from './fakes-kit.js';
export type { FormItemState, FormItemType, FormResponseState, FormState, FormSubmitEvent, SubmitOptions, TextValidationState } from './fakes-forms.js';
export type { HtmlOptions } from './fakes-html.js';
export type {
  ClockSchedule,
  FetchHandler,
  FetchReply,
  FetchRequest,
  FetchState,
  MailOptions,
  MailState,
  MailStateHolder,
  PropertiesOptions,
  PropertiesState,
  PropertyStoreName,
  ScriptOptions,
  ScriptStateHolder,
  TriggerEventName,
  TriggerSourceName,
  TriggerState,
  UtilitiesState,
} from './fakes-services.js';
export { PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT, TRIGGER_LIMIT } from './fakes-services.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface AppsScriptOptions extends PropertiesOptions, MailOptions, ScriptOptions, HtmlOptions {
  /** Session.getActiveUser() (default: effectiveUser). */
  activeUser?: string;
  /** Session.getEffectiveUser(), the account the script runs as (default: owner). */
  effectiveUser?: string;
  /** Spreadsheet.getOwner(); always an editor of every protection (default 'owner@example.com'). */
  owner?: string;
  /** Spreadsheet.getName() (default 'Register Pengaduan'). */
  spreadsheetName?: string;
  /** Sheets the spreadsheet starts with, name → rows of values (row 1 first). Default: one empty 'Sheet1'. */
  sheets?: Record<string, unknown[][]>;
  /** Rows of a new sheet, and at least of every starting sheet (default 1000). */
  maxRows?: number;
  /** Columns of a new sheet, and at least of every starting sheet (default 26). */
  maxColumns?: number;
  /** Spreadsheet.getSpreadsheetTimeZone() until the script sets another (default 'Asia/Jakarta'). */
  timeZone?: string;
  /** Session.getScriptTimeZone() (default 'Asia/Jakarta'). */
  scriptTimeZone?: string;
  /** The user's selection when the script starts (default: A1 of the first sheet); see also `select`. */
  selection?: { sheet: string; range: string };
}

/** The objects to put into `vm.createContext(globals)`. */
export type AppsScriptGlobals = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Session: GoogleAppsScript.Base.Session;
  LockService: GoogleAppsScript.Lock.LockService;
  Logger: GoogleAppsScript.Base.Logger;
  FormApp: GoogleAppsScript.Forms.FormApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  console: Console;
};

/** A data validation rule as plain data; `values` is what DataValidation.getCriteriaValues() returns. */
export interface ValidationState {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface ProtectionState {
  readonly type: 'RANGE' | 'SHEET';
  /** A1 notation of the protected range (the whole sheet for SHEET protections). */
  readonly range: string;
  readonly description: string;
  readonly warningOnly: boolean;
  /** Editor emails, owner first. */
  readonly editors: readonly string[];
  readonly domainEdit: boolean;
}

export interface ConditionalFormatRuleState {
  /** A1 notation of each range, prefixed 'Sheet!' when the range is on another sheet. */
  readonly ranges: readonly string[];
  readonly criteria: string | null;
  readonly values: readonly unknown[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean | null;
}

/** One sheet as plain data. Cell keys are 'row,column', 1-based like Apps Script ('1,1' is A1). */
export interface SheetState {
  readonly name: string;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  /** Rows 1..lastRow × columns 1..lastColumn (values[0][0] is A1), '' for empty cells. */
  readonly values: unknown[][];
  readonly frozenRows: number;
  /** Widths set with setColumnWidth, by column (others are 100). */
  readonly columnWidths: Map<number, number>;
  readonly hiddenColumns: Set<number>;
  readonly validations: Map<string, ValidationState>;
  /** RANGE and SHEET protections of the sheet, in creation order (removed ones gone). */
  readonly protections: ProtectionState[];
  readonly conditionalFormatRules: ConditionalFormatRuleState[];
  readonly notes: Map<string, string>;
  readonly fontWeights: Map<string, string>;
  readonly backgrounds: Map<string, string>;
  readonly numberFormats: Map<string, string>;
  readonly wraps: Map<string, boolean>;
  /** Sheet.getSheetId(): 0 for the first starting sheet. */
  readonly sheetId: number;
  /** Sheet.setTabColor(), null when none. */
  readonly tabColor: string | null;
  /** Sheet.getFormUrl(): the linked form's URL, null when no form writes here. */
  readonly formUrl: string | null;
}

export interface ToastState {
  readonly message: string;
  /** null when toast() was called without a title. */
  readonly title: string | null;
  /** undefined when toast() was called without a timeout; null keeps the toast until dismissed. */
  readonly timeoutSeconds?: number | null;
}

export interface SelectionState {
  readonly sheet: string;
  /** A1 notation of the active range. */
  readonly range: string;
  /** A1 notation of the current cell. */
  readonly currentCell: string;
}

export type MenuEntryState =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'subMenu'; readonly menu: MenuState };

export interface MenuState {
  readonly caption: string;
  /** The menu's own addItem calls, [caption, functionName] (sub-menu items are in `entries`). */
  readonly items: ReadonlyArray<readonly [string, string]>;
  readonly entries: readonly MenuEntryState[];
}

export interface AlertState {
  readonly title: string | null;
  readonly prompt: string;
  /** The ButtonSet name ('OK' when none was given). */
  readonly buttons: string;
  /** The Button name alert() returned. */
  readonly response: string;
}

export interface DialogState {
  /** What the script passed (an HtmlOutput). */
  readonly html: unknown;
  /** The dialog's title; a sidebar's is its HtmlOutput's title. */
  readonly title: string;
  /** Which Ui method showed it. */
  readonly kind?: 'modal' | 'modeless' | 'sidebar';
  /** The HtmlOutput's content when shown (null when `html` is no HtmlOutput fake). */
  readonly content?: string | null;
  /** HtmlOutput.setWidth/setHeight, null when not set. */
  readonly width?: number | null;
  readonly height?: number | null;
}

export interface PromptState {
  readonly title: string | null;
  readonly prompt: string;
  readonly buttons: string;
  /** The Button name the response gave. */
  readonly response: string;
  readonly text: string;
}

export type LockKind = 'document' | 'script';

export interface LockEvent {
  readonly lock: LockKind;
  readonly event: 'acquire' | 'release' | 'timeout';
  readonly via: 'waitLock' | 'tryLock' | 'releaseLock';
}

export interface AppsScriptState extends PropertiesState, MailStateHolder, FetchState, UtilitiesState, ScriptStateHolder {
  readonly spreadsheet: { readonly id: string; readonly name: string; readonly url: string; readonly owner: string };
  readonly sheetNames: readonly string[];
  /** A fresh snapshot of every sheet on each read. */
  readonly sheets: Readonly<Record<string, SheetState>>;
  /** A fresh snapshot of one sheet; throws when there is no such sheet. */
  sheet(name: string): SheetState;
  /** Menus added with Menu.addToUi(), in order. */
  readonly menus: readonly MenuState[];
  readonly alerts: readonly AlertState[];
  readonly dialogs: readonly DialogState[];
  /** Lock acquisitions, releases and timeouts, in order. */
  readonly locks: readonly LockEvent[];
  /** The kinds of lock held right now. */
  readonly heldLocks: readonly LockKind[];
  /** Logger.log lines. */
  readonly logs: readonly string[];
  /** Answers for the next alerts, by Button name ('YES', 'NO', 'CANCEL', 'OK', 'CLOSE'); consumed first in, first out. */
  readonly alertResponses: string[];
  /** While true, waitLock throws Apps Script's timeout and tryLock returns false. */
  lockContended: boolean;
  /** While false, SpreadsheetApp.getUi() throws as it does in a trigger. */
  uiAvailable: boolean;
  /** Spreadsheet.toast() calls, in order. */
  readonly toasts: readonly ToastState[];
  /** The active sheet, range and current cell. */
  readonly active: SelectionState;
  /** Spreadsheet.getSpreadsheetTimeZone(). */
  readonly timeZone: string;
  /** Ui.prompt() calls, in order. */
  readonly prompts: readonly PromptState[];
  /** Answers for the next prompts ({ button: 'OK', text: '…' }; button defaults to the first of the set); first in, first out. */
  readonly promptResponses: Array<{ button?: string; text?: string }>;
  /** A fresh snapshot of every form made with FormApp.create. */
  readonly forms: readonly FormState[];
}

export interface AppsScriptFakes {
  globals: AppsScriptGlobals;
  state: AppsScriptState;
  calls: CallCounter;
  /** The user selects `a1` on the sheet named `sheetName`, which becomes the active sheet. */
  select: (sheetName: string, a1: string) => void;
  /**
   * A respondent submits the form: checks the answers (by item title) as Google Forms would,
   * records the response, writes it to the linked response sheet, and returns the event object
   * of the form's onFormSubmit trigger for the test to pass to the script's handler.
   */
  submitForm: (formId: string, answers: Record<string, string | string[]>, opts?: SubmitOptions) => FormSubmitEvent;
}

// ---------------------------------------------------------------------------------------------
// Internal model
// ---------------------------------------------------------------------------------------------

type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GDataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type GConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GBooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GButton = GoogleAppsScript.Base.Button;
type GUser = GoogleAppsScript.Base.User;
type GSession = GoogleAppsScript.Base.Session;
type GLogger = GoogleAppsScript.Base.Logger;
type GLock = GoogleAppsScript.Lock.Lock;
type GLockService = GoogleAppsScript.Lock.LockService;

type Scalar = string | number | boolean | Date;

interface ValidationData {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

interface Cell {
  value?: Scalar;
  note?: string;
  fontWeight?: string;
  background?: string;
  numberFormat?: string;
  wrap?: boolean;
  validation?: ValidationData;
}

interface Area {
  row: number;
  col: number;
  nr: number;
  nc: number;
}

interface SheetModel {
  name: string;
  maxRows: number;
  maxCols: number;
  /** grid[row - 1][col - 1]; sparse. */
  grid: Array<Array<Cell | undefined> | undefined>;
  frozenRows: number;
  widths: Map<number, number>;
  hidden: Set<number>;
  protections: ProtectionModel[];
  cfRules: CfRuleData[];
  sheetId: number;
  tabColor: string | null;
  /** Sheet.getFormUrl(): the form writing its responses here, null when none. */
  formUrl: string | null;
  /** This sheet's own selection, restored when the sheet becomes active again. */
  selection: { area: Area; current: { row: number; col: number } };
}

interface RangeRef extends Area {
  sheet: SheetModel;
}

interface ProtectionModel {
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  /** null for a SHEET protection: the whole sheet, whatever its size. */
  area: Area | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  removed: boolean;
}

interface CfRuleData {
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: RangeRef[];
}

interface MenuModel {
  caption: string;
  entries: Array<{ kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'subMenu'; menu: MenuModel }>;
}

type Internal =
  | { kind: 'Range'; ref: RangeRef }
  | { kind: 'Sheet'; sheet: SheetModel }
  | { kind: 'DataValidation'; data: ValidationData }
  | { kind: 'ConditionalFormatRule'; data: CfRuleData }
  | { kind: 'User'; email: string }
  | { kind: 'Menu'; menu: MenuModel }
  | { kind: 'Enum'; enumName: string; name: string }
  | { kind: 'Spreadsheet' };

/** What each proxy stands for, to read the fakes' own objects back when the script passes them in. */
const internals = kitInternals as unknown as WeakMap<object, Internal>;

const DATA_VALIDATION_CRITERIA = [
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
] as const;
const BOOLEAN_CRITERIA = [
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
] as const;
const PROTECTION_TYPES = ['RANGE', 'SHEET'] as const;
const BUTTONS = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const;
const BUTTON_SETS = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const;
const BUTTONS_OF_SET: Readonly<Record<string, readonly string[]>> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

const DEFAULT_COLUMN_WIDTH = 100;
/** What Range.getNumberFormats() answers for a cell never formatted. */
const DEFAULT_NUMBER_FORMAT = '0.###############';
const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
const OUT_OF_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';
const COLUMNS_OUT_OF_BOUNDS = 'Those columns are out of bounds.';
const ROWS_OUT_OF_BOUNDS = 'Those rows are out of bounds.';

// ---------------------------------------------------------------------------------------------
// Small pure helpers
// ---------------------------------------------------------------------------------------------

export function columnLetters(col: number): string {
  let out = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function a1Of(area: Area): string {
  const first = `${columnLetters(area.col)}${area.row}`;
  if (area.nr === 1 && area.nc === 1) return first;
  return `${first}:${columnLetters(area.col + area.nc - 1)}${area.row + area.nr - 1}`;
}

/** A grid position inside the shifted band moves by `n`; a band inserted inside an area widens it. */
function shiftArea(area: Area, axis: 'row' | 'col', after: number, n: number): void {
  const start = axis === 'row' ? area.row : area.col;
  const size = axis === 'row' ? area.nr : area.nc;
  const end = start + size - 1;
  if (after < start) {
    if (axis === 'row') area.row += n;
    else area.col += n;
  } else if (after < end) {
    if (axis === 'row') area.nr += n;
    else area.nc += n;
  }
}

function cellAt(s: SheetModel, row: number, col: number): Cell | undefined {
  return s.grid[row - 1]?.[col - 1];
}

function cellFor(s: SheetModel, row: number, col: number): Cell {
  let line = s.grid[row - 1];
  if (!line) {
    line = [];
    s.grid[row - 1] = line;
  }
  let cell = line[col - 1];
  if (!cell) {
    cell = {};
    line[col - 1] = cell;
  }
  return cell;
}

function lastRowOf(s: SheetModel): number {
  for (let r = s.grid.length - 1; r >= 0; r--) {
    if (s.grid[r]?.some((cell) => cell?.value !== undefined)) return r + 1;
  }
  return 0;
}

function lastColumnOf(s: SheetModel): number {
  let last = 0;
  s.grid.forEach((line) => {
    line?.forEach((cell, c) => {
      if (cell?.value !== undefined && c + 1 > last) last = c + 1;
    });
  });
  return last;
}

function eachCell(ref: RangeRef, fn: (cell: Cell, row: number, col: number) => void): void {
  for (let r = ref.row; r < ref.row + ref.nr; r++) {
    for (let c = ref.col; c < ref.col + ref.nc; c++) fn(cellFor(ref.sheet, r, c), r, c);
  }
}

// ---------------------------------------------------------------------------------------------
// The fakes
// ---------------------------------------------------------------------------------------------

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const PERCENT_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)%$/;
const LOCALE_NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d+)$/;
const DATE_OR_TIME_TEXT = /^(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:[ T].*)?|\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?)$/i;

export function createAppsScript(options: AppsScriptOptions = {}): AppsScriptFakes {
  const owner = options.owner ?? 'owner@example.com';
  const effectiveUser = options.effectiveUser ?? owner;
  const activeUser = options.activeUser ?? effectiveUser;
  const defaultRows = options.maxRows ?? 1000;
  const defaultCols = options.maxColumns ?? 26;
  const spreadsheetId = 'fake-spreadsheet-id';
  const spreadsheetName = options.spreadsheetName ?? 'Register Pengaduan';
  const spreadsheetUrl = `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
  let timeZone = options.timeZone ?? 'Asia/Jakarta';
  const scriptTimeZone = options.scriptTimeZone ?? 'Asia/Jakarta';

  // --- the shared machinery: proxies, call counting, realm, argument checks (fakes-kit.ts) ----
  const holder: { globals?: AppsScriptGlobals } = {};
  const kit = createKit(holder);
  const { fake, list, gasError, fakeError, typeName, matches, sig, makeEnum, member, enumName } = kit;
  const realm = kit.realm;
  const toScript = (v: Scalar | undefined): unknown => {
    if (v === undefined) return '';
    if (isDate(v)) return new (realm().Date)(v.getTime());
    return v;
  };

  const intArg = (args: readonly unknown[], i: number): number => args[i] as number;
  const strArg = (args: readonly unknown[], i: number): string => args[i] as string;
  const boolArg = (args: readonly unknown[], i: number): boolean => args[i] as boolean;
  const rangeArg = (v: unknown): RangeRef => {
    const inner = typeof v === 'object' && v !== null ? internals.get(v) : undefined;
    if (inner?.kind !== 'Range') throw fakeError(`expected a Range, got ${typeName(v)}`);
    return inner.ref;
  };
  const userEmail = (qualified: string, v: unknown): string => {
    if (typeof v === 'string') {
      if (!/^[^@\s]+@[^@\s]+$/.test(v)) throw gasError(`Invalid email: ${v}`);
      return v;
    }
    const inner = typeof v === 'object' && v !== null ? internals.get(v) : undefined;
    if (inner?.kind === 'User') return inner.email;
    throw gasError(`The parameters (${typeName(v)}) don't match the method signature for ${qualified}.`);
  };
  // --- enums ----------------------------------------------------------------------------------
  const enums = {
    ProtectionType: makeEnum('ProtectionType', PROTECTION_TYPES),
    DataValidationCriteria: makeEnum('DataValidationCriteria', DATA_VALIDATION_CRITERIA),
    BooleanCriteria: makeEnum('BooleanCriteria', BOOLEAN_CRITERIA),
    Button: makeEnum('Button', BUTTONS),
    ButtonSet: makeEnum('ButtonSet', BUTTON_SETS),
  };
  // --- spreadsheet model ----------------------------------------------------------------------
  const sheets: SheetModel[] = [];
  let nextSheetId = 0;
  let activeSheet: SheetModel | undefined;
  const currentSheet = (): SheetModel => {
    const s = activeSheet ?? sheets[0];
    if (!s) throw fakeError('the spreadsheet has no sheets');
    return s;
  };
  const activate = (s: SheetModel, area?: Area): void => {
    activeSheet = s;
    if (area) s.selection = { area: { ...area }, current: { row: area.row, col: area.col } };
  };
  const toasts: ToastState[] = [];
  const newSheet = (name: string, rows: number, cols: number): SheetModel => ({
    name,
    maxRows: rows,
    maxCols: cols,
    grid: [],
    frozenRows: 0,
    widths: new Map(),
    hidden: new Set(),
    protections: [],
    cfRules: [],
    sheetId: nextSheetId++,
    tabColor: null,
    formUrl: null,
    selection: { area: { row: 1, col: 1, nr: 1, nc: 1 }, current: { row: 1, col: 1 } },
  });

  /** The value a cell holds after `v` is written to it, as Sheets would read it. */
  const cellValue = (v: unknown, cell: Cell | undefined, where: string, asTyped = true): Scalar | undefined => {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw fakeError(`${where}: ${v} cannot be stored in a cell`);
      return v;
    }
    if (isDate(v)) {
      const time = v.getTime();
      if (Number.isNaN(time)) throw fakeError(`${where}: an invalid Date cannot be stored in a cell`);
      return new Date(time);
    }
    if (typeof v !== 'string') throw fakeError(`${where}: a value of type ${typeName(v)} cannot be stored in a cell (write strings, numbers, booleans or Dates)`);
    if (v === '') return undefined;
    if (!asTyped || cell?.numberFormat === '@') return v;
    if (v.startsWith("'")) return v.slice(1) === '' ? undefined : v.slice(1);
    if (v.startsWith('=')) throw fakeError(`${where}: '${v}' would be a formula, and the fakes do not evaluate formulas`);
    const t = v.trim();
    if (NUMBER_TEXT.test(t)) return Number(t);
    if (PERCENT_TEXT.test(t)) return Number(t.slice(0, -1)) / 100;
    if (/^(?:true|false)$/i.test(t)) return t.toLowerCase() === 'true';
    if (LOCALE_NUMBER_TEXT.test(t)) {
      throw fakeError(`${where}: Sheets would read '${v}' as a number in some locales; format the cell as plain text ('@') first or write a number`);
    }
    if (DATE_OR_TIME_TEXT.test(t)) {
      throw fakeError(`${where}: Sheets would read '${v}' as a date or time; format the cell as plain text ('@') first or write a Date`);
    }
    return v;
  };

  /** Writes values as a script does (strings read as Sheets reads typed input), or as stored cell contents (asTyped false). */
  const writeRows = (ref: RangeRef, rows: readonly (readonly unknown[])[], where: string, asTyped = true): void => {
    const converted = rows.map((line, i) => line.map((v, j) => cellValue(v, cellAt(ref.sheet, ref.row + i, ref.col + j), where, asTyped)));
    converted.forEach((line, i) => {
      line.forEach((v, j) => {
        const r = ref.row + i;
        const c = ref.col + j;
        if (v === undefined) {
          const cell = cellAt(ref.sheet, r, c);
          if (cell) delete cell.value;
        } else {
          cellFor(ref.sheet, r, c).value = v;
        }
      });
    });
  };

  /** Apps Script's checks of a 2-D argument against the range's size. */
  const checkGrid = (qualified: string, data: unknown, ref: RangeRef): unknown[][] => {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw gasError(`The parameters (${typeName(data)}) don't match the method signature for ${qualified}.`);
    }
    const rows = data as unknown[][];
    if (rows.length !== ref.nr) {
      throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${ref.nr}.`);
    }
    for (const line of rows) {
      if (line.length !== ref.nc) {
        throw gasError(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${ref.nc}.`);
      }
    }
    return rows;
  };

  const validateArea = (s: SheetModel, area: Area): RangeRef => {
    if (area.row < 1) throw gasError('The starting row of the range is too small.');
    if (area.col < 1) throw gasError('The starting column of the range is too small.');
    if (area.nr < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (area.nc < 1) throw gasError('The number of columns in the range must be at least 1.');
    if (area.row + area.nr - 1 > s.maxRows || area.col + area.nc - 1 > s.maxCols) throw gasError(OUT_OF_SHEET);
    return { sheet: s, ...area };
  };

  const parseA1 = (s: SheetModel, text: string): Area => {
    const cells = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(text);
    if (cells) {
      const [, c1 = '', r1 = '', c2, r2] = cells;
      const colA = lettersToColumn(c1);
      const rowA = Number(r1);
      const colB = c2 ? lettersToColumn(c2) : colA;
      const rowB = r2 ? Number(r2) : rowA;
      if (rowA < 1 || rowB < 1) throw gasError('Range not found');
      return { row: Math.min(rowA, rowB), col: Math.min(colA, colB), nr: Math.abs(rowB - rowA) + 1, nc: Math.abs(colB - colA) + 1 };
    }
    const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(text);
    if (columns) {
      const colA = lettersToColumn(columns[1] ?? '');
      const colB = lettersToColumn(columns[2] ?? '');
      return { row: 1, col: Math.min(colA, colB), nr: s.maxRows, nc: Math.abs(colB - colA) + 1 };
    }
    const rows = /^\$?(\d+):\$?(\d+)$/.exec(text);
    if (rows) {
      const rowA = Number(rows[1]);
      const rowB = Number(rows[2]);
      if (rowA < 1 || rowB < 1) throw gasError('Range not found');
      return { row: Math.min(rowA, rowB), col: 1, nr: Math.abs(rowB - rowA) + 1, nc: s.maxCols };
    }
    throw gasError('Range not found');
  };

  const protectionArea = (p: ProtectionModel): Area => p.area ?? { row: 1, col: 1, nr: p.sheet.maxRows, nc: p.sheet.maxCols };

  const newProtection = (type: 'RANGE' | 'SHEET', sheet: SheetModel, area: Area | null): ProtectionModel => {
    const editors = [owner];
    if (effectiveUser.toLowerCase() !== owner.toLowerCase()) editors.push(effectiveUser);
    const p: ProtectionModel = { type, sheet, area, description: '', warningOnly: false, editors, domainEdit: true, removed: false };
    sheet.protections.push(p);
    return p;
  };

  // --- Base: User ---------------------------------------------------------------------------
  const makeUser = (email: string): GUser =>
    fake<GUser>('User', () => ({ getEmail: () => email }) satisfies Partial<GUser>, { internal: { kind: 'User', email } });

  // --- DataValidation -------------------------------------------------------------------------
  interface DvDraft {
    criteria: string | null;
    values: unknown[];
    allowInvalid: boolean;
    helpText: string | null;
  }
  const criteriaValues = (values: readonly unknown[]): unknown[] => list(values.map((v) => (Array.isArray(v) ? list(v as unknown[]) : v)));

  const makeDataValidation = (data: ValidationData): GDataValidation =>
    fake<GDataValidation>(
      'DataValidation',
      () =>
        ({
          getCriteriaType: () => member<GDataValidationCriteria>(enums.DataValidationCriteria, data.criteria),
          getCriteriaValues: () => criteriaValues(data.values),
          getAllowInvalid: () => data.allowInvalid,
          getHelpText: () => data.helpText ?? '',
          copy: () => makeDataValidationBuilder({ criteria: data.criteria, values: [...data.values], allowInvalid: data.allowInvalid, helpText: data.helpText }),
        }) satisfies Partial<GDataValidation>,
      { internal: { kind: 'DataValidation', data } },
    );

  const makeDataValidationBuilder = (draft: DvDraft): GDataValidationBuilder =>
    fake<GDataValidationBuilder>('DataValidationBuilder', (self) => {
      const q = (m: string): string => `SpreadsheetApp.DataValidationBuilder.${m}`;
      return {
        requireValueInList: (...a: unknown[]) => {
          const overload = sig(q('requireValueInList'), a, ['array'], ['array', 'boolean']);
          const values = a[0] as unknown[];
          draft.criteria = 'VALUE_IN_LIST';
          draft.values = [[...values], overload === 1 ? boolArg(a, 1) : true];
          return self;
        },
        requireCheckbox: (...a: unknown[]) => {
          sig(q('requireCheckbox'), a, [], ['any'], ['any', 'any']);
          draft.criteria = 'CHECKBOX';
          draft.values = [...a];
          return self;
        },
        setAllowInvalid: (...a: unknown[]) => {
          sig(q('setAllowInvalid'), a, ['boolean']);
          draft.allowInvalid = boolArg(a, 0);
          return self;
        },
        setHelpText: (...a: unknown[]) => {
          sig(q('setHelpText'), a, ['string']);
          draft.helpText = strArg(a, 0);
          return self;
        },
        build: () => {
          if (draft.criteria === null) throw fakeError('DataValidationBuilder.build was called before a criteria (requireValueInList, requireCheckbox) was set');
          return makeDataValidation(Object.freeze({ criteria: draft.criteria, values: Object.freeze([...draft.values]), allowInvalid: draft.allowInvalid, helpText: draft.helpText }));
        },
      } satisfies Partial<GDataValidationBuilder>;
    });

  // --- Conditional formatting ---------------------------------------------------------------
  const copyRule = (d: CfRuleData): CfRuleData => ({ ...d, values: [...d.values], ranges: d.ranges.map((r) => ({ ...r })) });

  const makeBooleanCondition = (d: CfRuleData): GBooleanCondition =>
    fake<GBooleanCondition>(
      'BooleanCondition',
      () =>
        ({
          getCriteriaType: () => member<GBooleanCriteria>(enums.BooleanCriteria, d.criteria ?? ''),
          getCriteriaValues: () => list(d.values),
          getBackground: () => d.background,
          getFontColor: () => d.fontColor,
          getBold: () => d.bold,
        }) satisfies Partial<GBooleanCondition>,
    );

  const makeConditionalFormatRule = (d: CfRuleData): GConditionalFormatRule =>
    fake<GConditionalFormatRule>(
      'ConditionalFormatRule',
      () =>
        ({
          getRanges: () => list(d.ranges.map((r) => makeRange({ ...r }))),
          getBooleanCondition: () => (d.criteria === null ? null : makeBooleanCondition(d)),
          getGradientCondition: () => null,
          copy: () => makeConditionalFormatRuleBuilder(copyRule(d)),
        }) satisfies Partial<GConditionalFormatRule>,
      { internal: { kind: 'ConditionalFormatRule', data: d } },
    );

  const makeConditionalFormatRuleBuilder = (d: CfRuleData): GConditionalFormatRuleBuilder =>
    fake<GConditionalFormatRuleBuilder>('ConditionalFormatRuleBuilder', (self) => {
      const q = (m: string): string => `SpreadsheetApp.ConditionalFormatRuleBuilder.${m}`;
      return {
        whenTextEqualTo: (...a: unknown[]) => {
          sig(q('whenTextEqualTo'), a, ['string']);
          d.criteria = 'TEXT_EQUAL_TO';
          d.values = [strArg(a, 0)];
          return self;
        },
        setBackground: (...a: unknown[]) => {
          sig(q('setBackground'), a, ['string|null']);
          d.background = a[0] as string | null;
          return self;
        },
        setFontColor: (...a: unknown[]) => {
          sig(q('setFontColor'), a, ['string|null']);
          d.fontColor = a[0] as string | null;
          return self;
        },
        setBold: (...a: unknown[]) => {
          sig(q('setBold'), a, ['boolean|null']);
          d.bold = a[0] as boolean | null;
          return self;
        },
        setRanges: (...a: unknown[]) => {
          sig(q('setRanges'), a, ['array']);
          const ranges = a[0] as unknown[];
          if (!ranges.every((r) => matches('Range', r))) {
            throw gasError(`The parameters (${typeName(ranges)}) don't match the method signature for ${q('setRanges')}.`);
          }
          d.ranges = ranges.map((r) => ({ ...rangeArg(r) }));
          return self;
        },
        build: () => {
          if (d.criteria === null) throw fakeError('ConditionalFormatRuleBuilder.build was called before a condition (whenTextEqualTo) was set');
          return makeConditionalFormatRule(copyRule(d));
        },
      } satisfies Partial<GConditionalFormatRuleBuilder>;
    });

  // --- Protection -----------------------------------------------------------------------------
  const makeProtection = (p: ProtectionModel): GProtection =>
    fake<GProtection>('Protection', (self) => {
      const q = (m: string): string => `SpreadsheetApp.Protection.${m}`;
      const add = (email: string): void => {
        if (!p.editors.some((e) => e.toLowerCase() === email.toLowerCase())) p.editors.push(email);
      };
      const remove = (email: string): void => {
        if (email.toLowerCase() === owner.toLowerCase()) return; // the owner always stays an editor
        p.editors = p.editors.filter((e) => e.toLowerCase() !== email.toLowerCase());
      };
      const emails = (m: string, v: unknown): string[] => {
        if (!Array.isArray(v)) throw gasError(`The parameters (${typeName(v)}) don't match the method signature for ${q(m)}.`);
        return v.map((x: unknown) => userEmail(q(m), x));
      };
      return {
        getRange: () => makeRange({ sheet: p.sheet, ...protectionArea(p) }),
        getProtectionType: () => member<GProtectionType>(enums.ProtectionType, p.type),
        getDescription: () => p.description,
        setDescription: (...a: unknown[]) => {
          sig(q('setDescription'), a, ['string']);
          p.description = strArg(a, 0);
          return self;
        },
        isWarningOnly: () => p.warningOnly,
        setWarningOnly: (...a: unknown[]) => {
          sig(q('setWarningOnly'), a, ['boolean']);
          p.warningOnly = boolArg(a, 0);
          return self;
        },
        getEditors: () => list(p.editors.map(makeUser)),
        addEditor: (...a: unknown[]) => {
          if (a.length !== 1) sig(q('addEditor'), a, ['string'], ['User']);
          add(userEmail(q('addEditor'), a[0]));
          return self;
        },
        addEditors: (...a: unknown[]) => {
          sig(q('addEditors'), a, ['array']);
          emails('addEditors', a[0]).forEach(add);
          return self;
        },
        removeEditor: (...a: unknown[]) => {
          if (a.length !== 1) sig(q('removeEditor'), a, ['string'], ['User']);
          remove(userEmail(q('removeEditor'), a[0]));
          return self;
        },
        removeEditors: (...a: unknown[]) => {
          sig(q('removeEditors'), a, ['array']);
          emails('removeEditors', a[0]).forEach(remove);
          return self;
        },
        canDomainEdit: () => p.domainEdit,
        setDomainEdit: (...a: unknown[]) => {
          sig(q('setDomainEdit'), a, ['boolean']);
          p.domainEdit = boolArg(a, 0);
          return self;
        },
        remove: () => {
          p.removed = true;
          p.sheet.protections = p.sheet.protections.filter((x) => x !== p);
        },
      } satisfies Partial<GProtection>;
    });

  // --- Range ----------------------------------------------------------------------------------
  const makeRange = (ref: RangeRef): GRange =>
    fake<GRange>(
      'Range',
      (self) => {
        const q = (m: string): string => `SpreadsheetApp.Range.${m}`;
        const setEach = (m: string, a: unknown[], kind: Kind, apply: (cell: Cell, v: unknown) => void): GRange => {
          sig(q(m), a, [kind]);
          eachCell(ref, (cell) => apply(cell, a[0]));
          return self;
        };
        return {
          getValues: () => {
            const rows: unknown[][] = [];
            for (let r = ref.row; r < ref.row + ref.nr; r++) {
              const line: unknown[] = [];
              for (let c = ref.col; c < ref.col + ref.nc; c++) line.push(toScript(cellAt(ref.sheet, r, c)?.value));
              rows.push(list(line));
            }
            return list(rows);
          },
          setValues: (...a: unknown[]) => {
            sig(q('setValues'), a, ['array']);
            writeRows(ref, checkGrid(q('setValues'), a[0], ref), q('setValues'));
            return self;
          },
          getValue: () => toScript(cellAt(ref.sheet, ref.row, ref.col)?.value),
          setValue: (...a: unknown[]) => {
            if (a.length !== 1) sig(q('setValue'), a, ['any']);
            writeRows(ref, Array.from({ length: ref.nr }, () => Array.from({ length: ref.nc }, () => a[0])), q('setValue'));
            return self;
          },
          getRow: () => ref.row,
          getColumn: () => ref.col,
          getNumRows: () => ref.nr,
          getNumColumns: () => ref.nc,
          getLastRow: () => ref.row + ref.nr - 1,
          getLastColumn: () => ref.col + ref.nc - 1,
          getSheet: () => makeSheet(ref.sheet),
          getA1Notation: () => a1Of(ref),
          setFontWeight: (...a: unknown[]) =>
            setEach('setFontWeight', a, 'string|null', (cell, v) => {
              if (v === null || v === 'normal') delete cell.fontWeight;
              else if (v === 'bold') cell.fontWeight = 'bold';
              else throw gasError(`Invalid argument: fontWeight`);
            }),
          setFontWeights: (...a: unknown[]) => {
            sig(q('setFontWeights'), a, ['array']);
            const weights = checkGrid(q('setFontWeights'), a[0], ref);
            if (!weights.every((line) => line.every((w) => w === null || w === 'bold' || w === 'normal'))) {
              if (weights.every((line) => line.every((w) => w === null || typeof w === 'string'))) throw gasError('Invalid argument: fontWeight');
              throw gasError(`The parameters (${typeName(a[0])}) don't match the method signature for ${q('setFontWeights')}.`);
            }
            eachCell(ref, (cell, r, c) => {
              const w = weights[r - ref.row]?.[c - ref.col];
              if (w === 'bold') cell.fontWeight = 'bold';
              else delete cell.fontWeight;
            });
            return self;
          },
          setBackground: (...a: unknown[]) =>
            setEach('setBackground', a, 'string|null', (cell, v) => {
              if (v === null || v === '') delete cell.background;
              else cell.background = v as string;
            }),
          setNote: (...a: unknown[]) =>
            setEach('setNote', a, 'string|null', (cell, v) => {
              if (v === null || v === '') delete cell.note;
              else cell.note = v as string;
            }),
          setNumberFormat: (...a: unknown[]) =>
            setEach('setNumberFormat', a, 'string', (cell, v) => {
              cell.numberFormat = v as string;
            }),
          getNumberFormats: () =>
            list(Array.from({ length: ref.nr }, (_, i) => list(Array.from({ length: ref.nc }, (_, j) => cellAt(ref.sheet, ref.row + i, ref.col + j)?.numberFormat ?? DEFAULT_NUMBER_FORMAT)))),
          clearContent: () => {
            eachCell(ref, (cell) => {
              delete cell.value;
            });
            return self;
          },
          setNumberFormats: (...a: unknown[]) => {
            sig(q('setNumberFormats'), a, ['array']);
            const formats = checkGrid(q('setNumberFormats'), a[0], ref);
            if (!formats.every((line) => line.every((f) => typeof f === 'string'))) {
              throw gasError(`The parameters (${typeName(a[0])}) don't match the method signature for ${q('setNumberFormats')}.`);
            }
            eachCell(ref, (cell, r, c) => {
              cell.numberFormat = String(formats[r - ref.row]?.[c - ref.col]);
            });
            return self;
          },
          activate: () => {
            activate(ref.sheet, ref);
            return self;
          },
          setWrap: (...a: unknown[]) =>
            setEach('setWrap', a, 'boolean', (cell, v) => {
              cell.wrap = v as boolean;
            }),
          setDataValidation: (...a: unknown[]) => {
            sig(q('setDataValidation'), a, ['DataValidation|null']);
            const inner = a[0] === null ? undefined : internals.get(a[0] as object);
            const data = inner?.kind === 'DataValidation' ? inner.data : undefined;
            eachCell(ref, (cell) => {
              if (data) cell.validation = data;
              else delete cell.validation;
            });
            return self;
          },
          setDataValidations: (...a: unknown[]) => {
            sig(q('setDataValidations'), a, ['array']);
            const rules = checkGrid(q('setDataValidations'), a[0], ref);
            if (!rules.every((line) => line.every((rule) => matches('DataValidation|null', rule)))) {
              throw gasError(`The parameters (${typeName(a[0])}) don't match the method signature for ${q('setDataValidations')}.`);
            }
            eachCell(ref, (cell, r, c) => {
              const rule = rules[r - ref.row]?.[c - ref.col];
              const inner = typeof rule === 'object' && rule !== null ? internals.get(rule) : undefined;
              if (inner?.kind === 'DataValidation') cell.validation = inner.data;
              else delete cell.validation;
            });
            return self;
          },
          getDataValidation: () => {
            const data = cellAt(ref.sheet, ref.row, ref.col)?.validation;
            return data ? makeDataValidation(data) : null;
          },
          clearDataValidations: () => {
            eachCell(ref, (cell) => {
              delete cell.validation;
            });
            return self;
          },
          protect: () => makeProtection(newProtection('RANGE', ref.sheet, { row: ref.row, col: ref.col, nr: ref.nr, nc: ref.nc })),
        } satisfies Partial<GRange>;
      },
      { internal: { kind: 'Range', ref } },
    );

  // --- Sheet ----------------------------------------------------------------------------------
  const makeSheet = (s: SheetModel): GSheet =>
    fake<GSheet>(
      'Sheet',
      (self) => {
        const q = (m: string): string => `SpreadsheetApp.Sheet.${m}`;
        const checkColumn = (col: number): void => {
          if (col < 1 || col > s.maxCols) throw gasError(COLUMNS_OUT_OF_BOUNDS);
        };
        return {
          getName: () => s.name,
          getSheetId: () => s.sheetId,
          getFormUrl: () => s.formUrl,
          setTabColor: (...a: unknown[]) => {
            sig(q('setTabColor'), a, ['string|null']);
            const color = a[0] as string | null;
            s.tabColor = color === null || color === '' ? null : color;
            return self;
          },
          activate: () => {
            activate(s);
            return self;
          },
          setActiveSelection: (...a: unknown[]) => {
            const overload = sig(q('setActiveSelection'), a, ['string'], ['Range']);
            const ref = overload === 0 ? validateArea(s, parseA1(s, strArg(a, 0))) : rangeArg(a[0]);
            if (ref.sheet !== s) throw fakeError(`Sheet.setActiveSelection of '${s.name}' was given a range of '${ref.sheet.name}'`);
            activate(s, ref);
            return makeRange({ ...ref });
          },
          setActiveRange: (...a: unknown[]) => {
            sig(q('setActiveRange'), a, ['Range']);
            const ref = rangeArg(a[0]);
            if (ref.sheet !== s) throw fakeError(`Sheet.setActiveRange of '${s.name}' was given a range of '${ref.sheet.name}'`);
            activate(s, ref);
            return makeRange({ ...ref });
          },
          getLastRow: () => lastRowOf(s),
          getLastColumn: () => lastColumnOf(s),
          getMaxRows: () => s.maxRows,
          getMaxColumns: () => s.maxCols,
          insertColumnsAfter: (...a: unknown[]) => {
            sig(q('insertColumnsAfter'), a, ['int', 'int']);
            const after = intArg(a, 0);
            const n = intArg(a, 1);
            checkColumn(after);
            if (n < 1) throw gasError('The number of columns to insert must be at least 1.');
            s.grid.forEach((line) => {
              if (line && after < line.length) line.splice(after, 0, ...new Array<Cell | undefined>(n));
            });
            s.widths = new Map([...s.widths].map(([c, w]) => [c > after ? c + n : c, w]));
            s.hidden = new Set([...s.hidden].map((c) => (c > after ? c + n : c)));
            s.protections.forEach((p) => {
              if (p.area) shiftArea(p.area, 'col', after, n);
            });
            s.cfRules.forEach((rule) => rule.ranges.forEach((r) => shiftArea(r, 'col', after, n)));
            s.maxCols += n;
            return self;
          },
          insertRowsAfter: (...a: unknown[]) => {
            sig(q('insertRowsAfter'), a, ['int', 'int']);
            const after = intArg(a, 0);
            const n = intArg(a, 1);
            if (after < 1 || after > s.maxRows) throw gasError(ROWS_OUT_OF_BOUNDS);
            if (n < 1) throw gasError('The number of rows to insert must be at least 1.');
            if (after < s.grid.length) s.grid.splice(after, 0, ...new Array<Array<Cell | undefined> | undefined>(n));
            if (after < s.frozenRows) s.frozenRows += n;
            s.protections.forEach((p) => {
              if (p.area) shiftArea(p.area, 'row', after, n);
            });
            s.cfRules.forEach((rule) => rule.ranges.forEach((r) => shiftArea(r, 'row', after, n)));
            s.maxRows += n;
            return self;
          },
          getRange: (...a: unknown[]) => {
            const overload = sig(q('getRange'), a, ['int', 'int'], ['int', 'int', 'int'], ['int', 'int', 'int', 'int'], ['string']);
            if (overload === 3) return makeRange(validateArea(s, parseA1(s, strArg(a, 0))));
            const [row, col, nr = 1, nc = 1] = a as number[];
            return makeRange(validateArea(s, { row: row ?? 0, col: col ?? 0, nr, nc }));
          },
          getDataRange: () => makeRange({ sheet: s, row: 1, col: 1, nr: Math.max(1, lastRowOf(s)), nc: Math.max(1, lastColumnOf(s)) }),
          appendRow: (...a: unknown[]) => {
            sig(q('appendRow'), a, ['array']);
            const values = a[0] as unknown[];
            if (values.length === 0) throw fakeError('Sheet.appendRow was given an empty row');
            if (values.length > s.maxCols) throw gasError(OUT_OF_SHEET);
            const row = lastRowOf(s) + 1;
            if (row > s.maxRows) s.maxRows = row;
            writeRows({ sheet: s, row, col: 1, nr: 1, nc: values.length }, [values], q('appendRow'));
            return self;
          },
          setFrozenRows: (...a: unknown[]) => {
            sig(q('setFrozenRows'), a, ['int']);
            const n = intArg(a, 0);
            if (n < 0 || n > s.maxRows) throw gasError(ROWS_OUT_OF_BOUNDS);
            s.frozenRows = n;
          },
          getFrozenRows: () => s.frozenRows,
          setColumnWidth: (...a: unknown[]) => {
            sig(q('setColumnWidth'), a, ['int', 'int']);
            checkColumn(intArg(a, 0));
            s.widths.set(intArg(a, 0), intArg(a, 1));
            return self;
          },
          getColumnWidth: (...a: unknown[]) => {
            sig(q('getColumnWidth'), a, ['int']);
            checkColumn(intArg(a, 0));
            return s.widths.get(intArg(a, 0)) ?? DEFAULT_COLUMN_WIDTH;
          },
          hideColumns: (...a: unknown[]) => {
            const overload = sig(q('hideColumns'), a, ['int'], ['int', 'int']);
            const first = intArg(a, 0);
            const n = overload === 1 ? intArg(a, 1) : 1;
            checkColumn(first);
            checkColumn(first + n - 1);
            for (let c = first; c < first + n; c++) s.hidden.add(c);
          },
          isColumnHiddenByUser: (...a: unknown[]) => {
            sig(q('isColumnHiddenByUser'), a, ['int']);
            checkColumn(intArg(a, 0));
            return s.hidden.has(intArg(a, 0));
          },
          protect: () => makeProtection(newProtection('SHEET', s, null)),
          getProtections: (...a: unknown[]) => {
            sig(q('getProtections'), a, ['ProtectionType']);
            const type = enumName(a[0]);
            return list(s.protections.filter((p) => p.type === type).map(makeProtection));
          },
          getConditionalFormatRules: () => list(s.cfRules.map((rule) => makeConditionalFormatRule(copyRule(rule)))),
          setConditionalFormatRules: (...a: unknown[]) => {
            sig(q('setConditionalFormatRules'), a, ['array']);
            const rules = (a[0] as unknown[]).map((rule) => {
              const inner = typeof rule === 'object' && rule !== null ? internals.get(rule) : undefined;
              if (inner?.kind !== 'ConditionalFormatRule') {
                throw gasError(`The parameters (${typeName(a[0])}) don't match the method signature for ${q('setConditionalFormatRules')}.`);
              }
              if (inner.data.ranges.length === 0) throw fakeError('a conditional format rule without ranges (setRanges) was given to Sheet.setConditionalFormatRules');
              if (inner.data.ranges.some((r) => r.sheet !== s)) throw fakeError(`a conditional format rule for another sheet was given to Sheet.setConditionalFormatRules of '${s.name}'`);
              return copyRule(inner.data);
            });
            s.cfRules = rules;
          },
        } satisfies Partial<GSheet>;
      },
      { internal: { kind: 'Sheet', sheet: s } },
    );

  // --- Spreadsheet ----------------------------------------------------------------------------
  const activeRange = (): GRange => {
    const s = currentSheet();
    return makeRange({ sheet: s, ...s.selection.area });
  };
  const currentCell = (): GRange => {
    const s = currentSheet();
    return makeRange({ sheet: s, row: s.selection.current.row, col: s.selection.current.col, nr: 1, nc: 1 });
  };
  const makeSpreadsheet = (): GSpreadsheet =>
    fake<GSpreadsheet>('Spreadsheet', () => {
      const q = (m: string): string => `SpreadsheetApp.Spreadsheet.${m}`;
      return {
        getSheetByName: (...a: unknown[]) => {
          sig(q('getSheetByName'), a, ['string']);
          const found = sheets.find((s) => s.name === strArg(a, 0));
          return found ? makeSheet(found) : null;
        },
        getSheets: () => list(sheets.map(makeSheet)),
        insertSheet: (...a: unknown[]) => {
          if (a.length > 1 || (a.length === 1 && typeof a[0] !== 'string')) throw fakeError('Spreadsheet.insertSheet is implemented only as insertSheet() and insertSheet(name)');
          let name = a.length === 1 ? strArg(a, 0) : '';
          if (name === '') {
            let n = sheets.length + 1;
            while (sheets.some((s) => s.name === `Sheet${n}`)) n++;
            name = `Sheet${n}`;
          }
          if (sheets.some((s) => s.name === name)) throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
          const s = newSheet(name, defaultRows, defaultCols);
          sheets.push(s);
          activate(s); // insertSheet makes the new sheet the active one
          return makeSheet(s);
        },
        getActiveSheet: () => makeSheet(currentSheet()),
        setActiveSheet: (...a: unknown[]) => {
          sig(q('setActiveSheet'), a, ['Sheet']);
          const inner = internals.get(a[0] as object);
          if (inner?.kind !== 'Sheet') throw fakeError('expected a Sheet');
          activate(inner.sheet);
          return makeSheet(inner.sheet);
        },
        getActiveRange: () => activeRange(),
        getCurrentCell: () => currentCell(),
        setSpreadsheetTimeZone: (...a: unknown[]) => {
          sig(q('setSpreadsheetTimeZone'), a, ['string']);
          const zone = strArg(a, 0);
          if (!IANAZone.isValidZone(zone)) throw fakeError(`Spreadsheet.setSpreadsheetTimeZone was given '${zone}', which is no IANA time zone`);
          timeZone = zone;
        },
        toast: (...a: unknown[]) => {
          const overload = sig(q('toast'), a, ['string'], ['string', 'string'], ['string', 'string', 'number|null']);
          toasts.push({ message: strArg(a, 0), title: overload === 0 ? null : strArg(a, 1), ...(overload === 2 ? { timeoutSeconds: a[2] as number | null } : {}) });
        },
        getName: () => spreadsheetName,
        getId: () => spreadsheetId,
        getUrl: () => spreadsheetUrl,
        getOwner: () => makeUser(owner),
        getSpreadsheetTimeZone: () => timeZone,
      } satisfies Partial<GSpreadsheet>;
    }, { internal: { kind: 'Spreadsheet' } });

  // --- Ui and Menu ----------------------------------------------------------------------------
  const menus: MenuModel[] = [];
  const alerts: AlertState[] = [];
  const dialogs: DialogState[] = [];
  const alertResponses: string[] = [];
  const prompts: PromptState[] = [];
  const promptResponses: Array<{ button?: string; text?: string }> = [];
  const lockEvents: LockEvent[] = [];
  const held = new Map<LockKind, number>();
  const logs: string[] = [];
  let lockContended = false;
  let uiAvailable = true;

  const makeMenu = (m: MenuModel): GMenu =>
    fake<GMenu>(
      'Menu',
      (self) => ({
        addItem: (...a: unknown[]) => {
          sig('Menu.addItem', a, ['string', 'string']);
          m.entries.push({ kind: 'item', caption: strArg(a, 0), functionName: strArg(a, 1) });
          return self;
        },
        addSeparator: () => {
          m.entries.push({ kind: 'separator' });
          return self;
        },
        addSubMenu: (...a: unknown[]) => {
          sig('Menu.addSubMenu', a, ['Menu']);
          const inner = internals.get(a[0] as object);
          if (inner?.kind === 'Menu') m.entries.push({ kind: 'subMenu', menu: inner.menu });
          return self;
        },
        addToUi: () => {
          menus.push(m);
        },
      }) satisfies Partial<GMenu>,
      { internal: { kind: 'Menu', menu: m } },
    );

  const showDialog = (kind: 'modal' | 'modeless' | 'sidebar', qualified: string, html: unknown, title: string): void => {
    if (kit.internalOf(html)?.kind === 'HtmlTemplate') {
      throw gasError(`The parameters (${typeName(html)},String) don't match the method signature for ${qualified}.`);
    }
    const data = htmlOutputData(html);
    if (!data) {
      dialogs.push({ html, title }); // not an HtmlOutput of the fakes: recorded as given
      return;
    }
    dialogs.push({ html, title, kind, content: data.content, width: data.width, height: data.height });
  };

  const makeUi = (): GUi =>
    fake<GUi>('Ui', () => ({
      Button: enums.Button as unknown as typeof GoogleAppsScript.Base.Button,
      ButtonSet: enums.ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet,
      createMenu: (...a: unknown[]) => {
        sig('Ui.createMenu', a, ['string']);
        return makeMenu({ caption: strArg(a, 0), entries: [] });
      },
      alert: (...a: unknown[]) => {
        const overload = sig('Ui.alert', a, ['string'], ['string', 'ButtonSet'], ['string', 'string', 'ButtonSet']);
        const title = overload === 2 ? strArg(a, 0) : null;
        const prompt = overload === 2 ? strArg(a, 1) : strArg(a, 0);
        const buttons = overload === 0 ? 'OK' : enumName(a[overload === 1 ? 1 : 2]);
        const allowed = BUTTONS_OF_SET[buttons] ?? ['OK'];
        const queued = alertResponses.shift();
        if (queued !== undefined && queued !== 'CLOSE' && !allowed.includes(queued)) {
          throw fakeError(`the queued alert response ${queued} is not a button of ButtonSet.${buttons}`);
        }
        const response = queued ?? allowed[0] ?? 'OK';
        alerts.push({ title, prompt, buttons, response });
        return member<GButton>(enums.Button, response);
      },
      prompt: (...a: unknown[]) => {
        const overload = sig('Ui.prompt', a, ['string'], ['string', 'ButtonSet'], ['string', 'string', 'ButtonSet']);
        const title = overload === 2 ? strArg(a, 0) : null;
        const prompt = overload === 2 ? strArg(a, 1) : strArg(a, 0);
        const buttons = overload === 0 ? 'OK' : enumName(a[overload === 1 ? 1 : 2]);
        const allowed = BUTTONS_OF_SET[buttons] ?? ['OK'];
        const queued = promptResponses.shift() ?? {};
        if (queued.button !== undefined && queued.button !== 'CLOSE' && !allowed.includes(queued.button)) {
          throw fakeError(`the queued prompt response ${queued.button} is not a button of ButtonSet.${buttons}`);
        }
        const response = queued.button ?? allowed[0] ?? 'OK';
        const text = queued.text ?? '';
        prompts.push({ title, prompt, buttons, response, text });
        return fake<GoogleAppsScript.Base.PromptResponse>('PromptResponse', () => ({
          getResponseText: () => text,
          getSelectedButton: () => member<GButton>(enums.Button, response),
        }));
      },
      showModalDialog: (...a: unknown[]) => {
        sig('Ui.showModalDialog', a, ['any', 'string']);
        showDialog('modal', 'Ui.showModalDialog', a[0], strArg(a, 1));
      },
      showModelessDialog: (...a: unknown[]) => {
        sig('Ui.showModelessDialog', a, ['HtmlOutput', 'string']);
        showDialog('modeless', 'Ui.showModelessDialog', a[0], strArg(a, 1));
      },
      showSidebar: (...a: unknown[]) => {
        sig('Ui.showSidebar', a, ['HtmlOutput']);
        showDialog('sidebar', 'Ui.showSidebar', a[0], htmlOutputData(a[0])?.title ?? '');
      },
    }) satisfies Partial<GUi>);

  // --- SpreadsheetApp ---------------------------------------------------------------------------
  const spreadsheetApp = fake<GSpreadsheetApp>('SpreadsheetApp', () => ({
    getActiveSpreadsheet: () => makeSpreadsheet(),
    getActive: () => makeSpreadsheet(),
    getActiveSheet: () => makeSheet(currentSheet()),
    getActiveRange: () => activeRange(),
    getCurrentCell: () => currentCell(),
    getUi: () => {
      if (!uiAvailable) throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
      return makeUi();
    },
    newDataValidation: () => makeDataValidationBuilder({ criteria: null, values: [], allowInvalid: true, helpText: null }),
    newConditionalFormatRule: () => makeConditionalFormatRuleBuilder({ criteria: null, values: [], background: null, fontColor: null, bold: null, ranges: [] }),
    flush: () => undefined,
    ProtectionType: enums.ProtectionType as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType,
    DataValidationCriteria: enums.DataValidationCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    BooleanCriteria: enums.BooleanCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria,
  }) satisfies Partial<GSpreadsheetApp>);

  // --- Session, LockService, Logger ----------------------------------------------------------------
  const session = fake<GSession>('Session', () => ({
    getActiveUser: () => makeUser(activeUser),
    getEffectiveUser: () => makeUser(effectiveUser),
    getScriptTimeZone: () => scriptTimeZone,
  }) satisfies Partial<GSession>);

  const makeLock = (kind: LockKind): GLock => {
    let mine = false;
    const acquire = (via: 'waitLock' | 'tryLock'): boolean => {
      if (mine) return true;
      if (lockContended) {
        lockEvents.push({ lock: kind, event: 'timeout', via });
        return false;
      }
      mine = true;
      held.set(kind, (held.get(kind) ?? 0) + 1);
      lockEvents.push({ lock: kind, event: 'acquire', via });
      return true;
    };
    return fake<GLock>('Lock', () => ({
      waitLock: (...a: unknown[]) => {
        sig('Lock.waitLock', a, ['int']);
        if (!acquire('waitLock')) throw gasError(LOCK_TIMEOUT);
      },
      tryLock: (...a: unknown[]) => {
        sig('Lock.tryLock', a, ['int']);
        return acquire('tryLock');
      },
      releaseLock: () => {
        if (!mine) return;
        mine = false;
        const count = (held.get(kind) ?? 1) - 1;
        if (count > 0) held.set(kind, count);
        else held.delete(kind);
        lockEvents.push({ lock: kind, event: 'release', via: 'releaseLock' });
      },
      hasLock: () => mine,
    }) satisfies Partial<GLock>);
  };

  const lockService = fake<GLockService>('LockService', () => ({
    getDocumentLock: () => makeLock('document'),
    getScriptLock: () => makeLock('script'),
  }) satisfies Partial<GLockService>);

  const logText = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'object' && v !== null && !isDate(v) && !internals.has(v)) {
      try {
        return JSON.stringify(v);
      } catch {
        return Object.prototype.toString.call(v);
      }
    }
    return String(v);
  };
  const logger = fake<GLogger>('Logger', (self) => ({
    log: (...a: unknown[]) => {
      const [first, ...rest] = a;
      let line = logText(first);
      if (rest.length > 0 && typeof first === 'string') {
        let i = 0;
        line = first.replace(/%s/g, () => (i < rest.length ? logText(rest[i++]) : '%s'));
      }
      logs.push(line);
      return self;
    },
  }) satisfies Partial<GLogger>);

  // --- the starting spreadsheet ----------------------------------------------------------------
  for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) {
    const width = Math.max(0, ...rows.map((line) => line.length));
    const s = newSheet(name, Math.max(defaultRows, rows.length), Math.max(defaultCols, width));
    sheets.push(s);
    rows.forEach((line, i) => {
      writeRows({ sheet: s, row: i + 1, col: 1, nr: 1, nc: line.length }, [line], `the starting sheet '${name}'`, false);
    });
  }
  activeSheet = sheets[0];

  /** Test side: the user selects `a1` on the sheet named `sheetName`, making it the active sheet. */
  const select = (sheetName: string, a1: string): void => {
    const s = sheets.find((x) => x.name === sheetName);
    if (!s) throw new Error(`Fake Apps Script: select: no sheet named '${sheetName}' (sheets: ${sheets.map((x) => x.name).join(', ')})`);
    activate(s, validateArea(s, parseA1(s, a1)));
  };
  if (options.selection) select(options.selection.sheet, options.selection.range);

  // --- the other services (fakes-*.ts) ----------------------------------------------------------
  const sheetNamed = (name: string): SheetModel => {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw fakeError(`no sheet named '${name}'`);
    return s;
  };
  const formsWhere = 'Google Forms (a response written to the linked sheet)';
  const formApp = createFormApp(kit, {
    spreadsheetId,
    sheetNames: () => sheets.map((x) => x.name),
    insertResponseSheet: (name, header, formUrl) => {
      const s = newSheet(name, defaultRows, Math.max(defaultCols, header.length));
      s.formUrl = formUrl;
      sheets.unshift(s); // Google puts the response sheet first
      writeRows({ sheet: s, row: 1, col: 1, nr: 1, nc: header.length }, [header], formsWhere, false);
    },
    unlinkResponseSheet: (name) => {
      const s = sheets.find((x) => x.name === name);
      if (s) s.formUrl = null;
    },
    setHeaderCell: (name, column, title) => {
      const s = sheetNamed(name);
      if (column > s.maxCols) s.maxCols = column;
      writeRows({ sheet: s, row: 1, col: column, nr: 1, nc: 1 }, [[title]], formsWhere, false);
    },
    appendRow: (name, values) => {
      const s = sheetNamed(name);
      const row = lastRowOf(s) + 1;
      if (row > s.maxRows) s.maxRows = row;
      if (values.length > s.maxCols) s.maxCols = values.length;
      // Forms writes a plain number as a number (a leading 0 is lost, as in Google's response
      // sheets) and everything else as text: an answer starting with '=' stays text, not a formula.
      const typed = values.map((v, i) => (typeof v === 'string' && NUMBER_TEXT.test(v.trim()) && cellAt(s, row, i + 1)?.numberFormat !== '@' ? Number(v.trim()) : v));
      writeRows({ sheet: s, row, col: 1, nr: 1, nc: values.length }, [typed], formsWhere, false);
    },
    triggerUid: (formId) => script.triggerUid('ON_FORM_SUBMIT', formId),
    authModeFull: () => script.authMode('FULL'),
  });
  const script = createScriptApp(kit, options, {
    effectiveUser,
    spreadsheetId: (v) => (v === spreadsheetId || kit.internalOf(v)?.kind === 'Spreadsheet' ? spreadsheetId : undefined),
    formId: formApp.formId,
  });
  const properties = createPropertiesService(kit, options);
  const mail = createMailApp(kit, options);
  const urlFetch = createUrlFetchApp(kit);
  const html = createHtmlService(kit, options);
  const utilities = createUtilities(kit);

  const globals: AppsScriptGlobals = {
    SpreadsheetApp: spreadsheetApp,
    Session: session,
    LockService: lockService,
    Logger: logger,
    FormApp: formApp.global,
    PropertiesService: properties.global,
    MailApp: mail.global,
    UrlFetchApp: urlFetch.global,
    ScriptApp: script.global,
    HtmlService: html.global,
    Utilities: utilities.global,
    console,
  };
  holder.globals = globals;

  // --- state ------------------------------------------------------------------------------------
  const sheetState = (s: SheetModel): SheetState => {
    const lastRow = lastRowOf(s);
    const lastColumn = lastColumnOf(s);
    const values = Array.from({ length: lastRow }, (_, i) =>
      Array.from({ length: lastColumn }, (_, j): unknown => {
        const v = cellAt(s, i + 1, j + 1)?.value;
        if (v === undefined) return '';
        return isDate(v) ? new Date(v.getTime()) : v;
      }),
    );
    const validations = new Map<string, ValidationState>();
    const notes = new Map<string, string>();
    const fontWeights = new Map<string, string>();
    const backgrounds = new Map<string, string>();
    const numberFormats = new Map<string, string>();
    const wraps = new Map<string, boolean>();
    s.grid.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (!cell) return;
        const key = `${r + 1},${c + 1}`;
        if (cell.validation) validations.set(key, cell.validation);
        if (cell.note !== undefined) notes.set(key, cell.note);
        if (cell.fontWeight !== undefined) fontWeights.set(key, cell.fontWeight);
        if (cell.background !== undefined) backgrounds.set(key, cell.background);
        if (cell.numberFormat !== undefined) numberFormats.set(key, cell.numberFormat);
        if (cell.wrap !== undefined) wraps.set(key, cell.wrap);
      });
    });
    return {
      name: s.name,
      maxRows: s.maxRows,
      maxColumns: s.maxCols,
      lastRow,
      lastColumn,
      values,
      frozenRows: s.frozenRows,
      columnWidths: new Map(s.widths),
      hiddenColumns: new Set(s.hidden),
      validations,
      protections: s.protections.map((p) => ({
        type: p.type,
        range: a1Of(protectionArea(p)),
        description: p.description,
        warningOnly: p.warningOnly,
        editors: [...p.editors],
        domainEdit: p.domainEdit,
      })),
      conditionalFormatRules: s.cfRules.map((rule) => ({
        ranges: rule.ranges.map((r) => (r.sheet === s ? a1Of(r) : `${r.sheet.name}!${a1Of(r)}`)),
        criteria: rule.criteria,
        values: [...rule.values],
        background: rule.background,
        fontColor: rule.fontColor,
        bold: rule.bold,
      })),
      notes,
      fontWeights,
      backgrounds,
      numberFormats,
      wraps,
      sheetId: s.sheetId,
      tabColor: s.tabColor,
      formUrl: s.formUrl,
    };
  };

  const menuState = (m: MenuModel): MenuState => ({
    caption: m.caption,
    items: m.entries.flatMap((e) => (e.kind === 'item' ? [[e.caption, e.functionName] as const] : [])),
    entries: m.entries.map((e): MenuEntryState => (e.kind === 'subMenu' ? { kind: 'subMenu', menu: menuState(e.menu) } : { ...e })),
  });

  const state: AppsScriptState = {
    spreadsheet: { id: spreadsheetId, name: spreadsheetName, url: spreadsheetUrl, owner },
    get sheetNames() {
      return sheets.map((s) => s.name);
    },
    get sheets() {
      return Object.fromEntries(sheets.map((s) => [s.name, sheetState(s)]));
    },
    sheet(name: string) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`Fake Apps Script: no sheet named '${name}' (sheets: ${sheets.map((x) => x.name).join(', ')})`);
      return sheetState(s);
    },
    get menus() {
      return menus.map(menuState);
    },
    get alerts() {
      return [...alerts];
    },
    get dialogs() {
      return [...dialogs];
    },
    get locks() {
      return [...lockEvents];
    },
    get heldLocks() {
      return [...held.keys()];
    },
    get logs() {
      return [...logs];
    },
    alertResponses,
    get lockContended() {
      return lockContended;
    },
    set lockContended(v: boolean) {
      lockContended = v;
    },
    get uiAvailable() {
      return uiAvailable;
    },
    set uiAvailable(v: boolean) {
      uiAvailable = v;
    },
    get toasts() {
      return toasts.map((t) => ({ ...t }));
    },
    get active() {
      const s = currentSheet();
      return { sheet: s.name, range: a1Of(s.selection.area), currentCell: a1Of({ ...s.selection.current, nr: 1, nc: 1 }) };
    },
    get timeZone() {
      return timeZone;
    },
    get prompts() {
      return [...prompts];
    },
    promptResponses,
    get forms() {
      return formApp.forms();
    },
  } as unknown as AppsScriptState;
  // The other services' state, getters and setters kept live.
  for (const part of [properties.state, mail.state, urlFetch.state, utilities.state, script.state]) {
    Object.defineProperties(state, Object.getOwnPropertyDescriptors(part));
  }

  const calls = kit.calls;

  return { globals, state, calls, select, submitForm: formApp.submitForm };
}
