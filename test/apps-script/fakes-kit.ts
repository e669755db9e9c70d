/**
 * The machinery every Apps Script fake shares (see fakes.ts for the services): the Proxy each fake
 * object is, the call counter, the script's realm, Apps Script's argument checks and errors, and
 * enums. One Kit is made per createAppsScript() call.
 */
import vm from 'node:vm';

/** The services whose calls are counted apart. */
export type ServiceName = 'Spreadsheet' | 'Base' | 'Lock' | 'Forms' | 'Properties' | 'Mail' | 'UrlFetch' | 'Script' | 'Html' | 'Utilities';

export interface CallCounter {
  /** Method calls on the fakes since the start or the last reset(). */
  readonly total: number;
  /** Calls by 'Class.method', e.g. { 'Range.getValues': 3, 'Sheet.getRange': 5 }. */
  readonly counts: Readonly<Record<string, number>>;
  /** Every call's 'Class.method', in order. */
  readonly log: readonly string[];
  count(key: string): number;
  /**
   * Calls on the classes of one service: 'Spreadsheet' (SpreadsheetApp, Spreadsheet, Sheet, Range,
   * Protection, builders, rules), 'Base' (Session, User, Ui, Menu, PromptResponse, Logger), 'Lock',
   * 'Forms' (FormApp, Form, items, responses, validation builders), 'Properties', 'Mail',
   * 'UrlFetch' (UrlFetchApp, HTTPResponse), 'Script' (ScriptApp, trigger builders, Trigger),
   * 'Html' (HtmlService, HtmlOutput, HtmlTemplate) or 'Utilities'.
   */
  service(name: ServiceName): number;
  reset(): void;
}

/** The class of each fake object, by its class name, and of each enum. */
export const SERVICE_OF: Readonly<Record<string, ServiceName>> = {
  SpreadsheetApp: 'Spreadsheet',
  Spreadsheet: 'Spreadsheet',
  Sheet: 'Spreadsheet',
  Range: 'Spreadsheet',
  Protection: 'Spreadsheet',
  DataValidationBuilder: 'Spreadsheet',
  DataValidation: 'Spreadsheet',
  ConditionalFormatRuleBuilder: 'Spreadsheet',
  ConditionalFormatRule: 'Spreadsheet',
  BooleanCondition: 'Spreadsheet',
  ProtectionType: 'Spreadsheet',
  DataValidationCriteria: 'Spreadsheet',
  BooleanCriteria: 'Spreadsheet',
  Session: 'Base',
  User: 'Base',
  Ui: 'Base',
  Menu: 'Base',
  PromptResponse: 'Base',
  Blob: 'Base',
  Logger: 'Base',
  Button: 'Base',
  ButtonSet: 'Base',
  LockService: 'Lock',
  Lock: 'Lock',
  FormApp: 'Forms',
  Form: 'Forms',
  Item: 'Forms',
  TextItem: 'Forms',
  ParagraphTextItem: 'Forms',
  ListItem: 'Forms',
  MultipleChoiceItem: 'Forms',
  CheckboxItem: 'Forms',
  SectionHeaderItem: 'Forms',
  PageBreakItem: 'Forms',
  Choice: 'Forms',
  TextValidationBuilder: 'Forms',
  TextValidation: 'Forms',
  ParagraphTextValidationBuilder: 'Forms',
  ParagraphTextValidation: 'Forms',
  FormResponse: 'Forms',
  ItemResponse: 'Forms',
  DestinationType: 'Forms',
  ItemType: 'Forms',
  PropertiesService: 'Properties',
  Properties: 'Properties',
  MailApp: 'Mail',
  UrlFetchApp: 'UrlFetch',
  HTTPResponse: 'UrlFetch',
  ScriptApp: 'Script',
  TriggerBuilder: 'Script',
  FormTriggerBuilder: 'Script',
  SpreadsheetTriggerBuilder: 'Script',
  ClockTriggerBuilder: 'Script',
  Trigger: 'Script',
  EventType: 'Script',
  TriggerSource: 'Script',
  AuthMode: 'Script',
  HtmlService: 'Html',
  HtmlOutput: 'Html',
  HtmlTemplate: 'Html',
  SandboxMode: 'Html',
  XFrameOptionsMode: 'Html',
  Utilities: 'Utilities',
};

/** How Apps Script prefixes a class of each service in its messages ('SpreadsheetApp.Range'). */
const PREFIX: Partial<Record<ServiceName, string>> = {
  Spreadsheet: 'SpreadsheetApp.',
  Forms: 'FormApp.',
  Script: 'ScriptApp.',
  Html: 'HtmlService.',
  Properties: 'PropertiesService.',
  UrlFetch: 'UrlFetchApp.',
};

/** 'SpreadsheetApp.Range.setValues' for a method of a class, as Apps Script names it. */
export const qualifiedName = (className: string, method: string): string => {
  const service = SERVICE_OF[className];
  const prefix = service ? (PREFIX[service] ?? '') : '';
  return prefix === `${className}.` ? `${className}.${method}` : `${prefix}${className}.${method}`;
};

/** What each proxy stands for, to read the fakes' own objects back when the script passes them in. */
export const internals = new WeakMap<object, { kind: string; [key: string]: unknown }>();

/** Keys that test tooling and promise machinery probe; reading them gives undefined instead of throwing. */
export const PROBED_KEYS = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'constructor', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@']);

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

export interface FakeOptions {
  /** Count method calls (false for enum values). */
  count?: boolean;
  /** What String(x), `${x}` and x.toString() give (default: the class name). */
  text?: string;
  internal?: { kind: string; [key: string]: unknown };
}

/**
 * An argument kind for sig(): a primitive kind, 'X|null', an enum or class name of a fake object
 * (checked by its internal kind or enum name), or 'object' (a plain object, not a fake).
 */
export type Kind = string;

export interface Kit {
  fake: <T>(className: string, build: (self: T) => Record<string, unknown>, opts?: FakeOptions) => T;
  realm: () => Realm;
  list: <T>(items: readonly T[]) => T[];
  /** A plain object of the script's realm with the given entries. */
  object: (entries: Record<string, unknown>) => Record<string, unknown>;
  date: (ms: number) => Date;
  gasError: (message: string) => Error;
  fakeError: (message: string) => Error;
  typeName: (v: unknown) => string;
  matches: (kind: Kind, v: unknown) => boolean;
  sig: (qualified: string, args: readonly unknown[], ...overloads: Kind[][]) => number;
  internalOf: (v: unknown) => { kind: string; [key: string]: unknown } | undefined;
  makeEnum: (name: string, members: readonly string[]) => Record<string, object>;
  member: <T>(e: Record<string, object>, name: string) => T;
  enumName: (v: unknown) => string;
  calls: CallCounter;
}

const ENUM_KIND = 'Enum';

export function createKit(holder: { globals?: object }): Kit {
  // --- call counting -------------------------------------------------------------------------
  const counts = new Map<string, number>();
  const serviceCounts = new Map<ServiceName, number>();
  const callLog: string[] = [];
  const record = (className: string, method: string): void => {
    const key = `${className}.${method}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const service = SERVICE_OF[className];
    if (service) serviceCounts.set(service, (serviceCounts.get(service) ?? 0) + 1);
    callLog.push(key);
  };
  const calls: CallCounter = {
    get total() {
      return callLog.length;
    },
    get counts() {
      return Object.fromEntries(counts);
    },
    get log() {
      return [...callLog];
    },
    count: (key: string) => counts.get(key) ?? 0,
    service: (name: ServiceName) => serviceCounts.get(name) ?? 0,
    reset: () => {
      counts.clear();
      serviceCounts.clear();
      callLog.length = 0;
    },
  };

  // --- realm: arrays, Dates and Errors handed to the script are made in its realm -------------
  let scriptRealm: Realm | undefined;
  const realm = (): Realm => {
    if (scriptRealm) return scriptRealm;
    const { globals } = holder;
    if (globals && vm.isContext(globals)) {
      scriptRealm = vm.runInContext('({ Array: Array, Date: Date, Error: Error, Object: Object })', globals) as Realm;
      return scriptRealm;
    }
    return { Array, Date, Error, Object };
  };
  const list = <T>(items: readonly T[]): T[] => realm().Array.from(items);
  const object = (entries: Record<string, unknown>): Record<string, unknown> => realm().Object.assign(new (realm().Object)(), entries);
  const date = (ms: number): Date => new (realm().Date)(ms);
  /** An error worded as Apps Script words it. */
  const gasError = (message: string): Error => {
    const e = new (realm().Error)(message);
    e.name = 'Exception';
    return e;
  };
  /** An error of the fakes' own. */
  const fakeError = (message: string): Error => new (realm().Error)(`Fake Apps Script: ${message}`);

  // --- the proxy every fake object is -------------------------------------------------------
  function fake<T>(className: string, build: (self: T) => Record<string, unknown>, opts: FakeOptions = {}): T {
    const text = opts.text ?? className;
    const target: Record<string | symbol, unknown> = {};
    const proxy = new Proxy(target, {
      get(t, key) {
        if (typeof key === 'symbol') return Reflect.get(t, key);
        if (Object.hasOwn(t, key)) return Reflect.get(t, key);
        if (PROBED_KEYS.has(key)) return undefined;
        throw fakeError(`${className}.${key} is not implemented`);
      },
      set(_t, key) {
        throw fakeError(`${className}.${String(key)} cannot be assigned`);
      },
      defineProperty(_t, key) {
        throw fakeError(`${className}.${String(key)} cannot be defined`);
      },
      deleteProperty(_t, key) {
        throw fakeError(`${className}.${String(key)} cannot be deleted`);
      },
    });
    const self = proxy as T;
    const members = build(self);
    for (const [key, value] of Object.entries(members)) {
      if (typeof value === 'function') {
        const fn = value as (...args: unknown[]) => unknown;
        target[key] =
          opts.count === false
            ? fn
            : (...args: unknown[]): unknown => {
                record(className, key);
                return fn(...args);
              };
      } else {
        target[key] = value;
      }
    }
    if (!Object.hasOwn(target, 'toString')) target.toString = (): string => text;
    target[Symbol.toPrimitive] = (): string => text;
    target[Symbol.for('nodejs.util.inspect.custom')] = (): string => `[Fake ${text}]`;
    if (opts.internal) internals.set(proxy, opts.internal);
    return self;
  }

  // --- argument checks ------------------------------------------------------------------------
  const internalOf = (v: unknown): { kind: string; [key: string]: unknown } | undefined => (typeof v === 'object' && v !== null ? internals.get(v) : undefined);

  const className = (name: string): string => {
    const service = SERVICE_OF[name];
    const prefix = service ? (PREFIX[service] ?? '') : '';
    return prefix === `${name}.` ? name : `${prefix}${name}`;
  };

  const typeName = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'string') return 'String';
    if (typeof v === 'boolean') return 'Boolean';
    if (Array.isArray(v)) return `${v.length > 0 ? typeName(v[0]) : 'Object'}[]`;
    if (typeof v === 'object') {
      const inner = internals.get(v);
      if (inner) {
        const name = inner.kind === ENUM_KIND ? String(inner.enumName) : typeof inner.className === 'string' ? inner.className : inner.kind;
        return className(name);
      }
      if (isDate(v)) return 'Date';
    }
    return 'Object';
  };

  const isPlainObject = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || isDate(v) || internals.has(v)) return false;
    const proto = Object.getPrototypeOf(v) as unknown;
    return proto === null || Object.getPrototypeOf(proto) === null;
  };

  const matches = (kind: Kind, v: unknown): boolean => {
    if (kind.endsWith('|null')) return v === null || matches(kind.slice(0, -'|null'.length), v);
    const inner = internalOf(v);
    switch (kind) {
      case 'int':
      case 'number':
        return typeof v === 'number';
      case 'string':
        return typeof v === 'string';
      case 'boolean':
        return typeof v === 'boolean';
      case 'any':
        return v !== undefined;
      case 'array':
        return Array.isArray(v);
      case 'Date':
        return isDate(v);
      case 'object':
        return isPlainObject(v);
      default:
        if (inner?.kind === ENUM_KIND) return inner.enumName === kind;
        return inner !== undefined && (inner.kind === kind || inner.className === kind);
    }
  };

  /** Checks the arguments against the overloads; returns the index of the one they fit. */
  const sig = (qualified: string, args: readonly unknown[], ...overloads: Kind[][]): number => {
    const index = overloads.findIndex((kinds) => kinds.length === args.length && kinds.every((k, i) => matches(k, args[i])));
    if (index < 0) throw gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${qualified}.`);
    overloads[index]?.forEach((k, i) => {
      const v = args[i];
      if (k === 'int' && !(typeof v === 'number' && Number.isInteger(v))) {
        throw fakeError(`${qualified} was given ${String(v)} where a whole number belongs`);
      }
    });
    return index;
  };

  // --- enums ----------------------------------------------------------------------------------
  function makeEnum(name: string, members: readonly string[]): Record<string, object> {
    const values: Record<string, object> = {};
    members.forEach((member, ordinal) => {
      values[member] = fake<object>(name, () => ({ toString: () => member, name: () => member, ordinal: () => ordinal, toJSON: () => member }), {
        count: false,
        text: member,
        internal: { kind: ENUM_KIND, enumName: name, name: member },
      });
    });
    return fake<Record<string, object>>(name, () => values, { count: false });
  }
  const member = <T>(e: Record<string, object>, name: string): T => {
    const v = e[name];
    if (!v) throw fakeError(`no enum value ${name}`);
    return v as T;
  };
  const enumName = (v: unknown): string => {
    const inner = internalOf(v);
    if (inner?.kind !== ENUM_KIND) throw fakeError(`expected an enum value, got ${typeName(v)}`);
    return String(inner.name);
  };

  return { fake, realm, list, object, date, gasError, fakeError, typeName, matches, sig, internalOf, makeEnum, member, enumName, calls };
}

/** UTF-8 bytes of a string, as Apps Script measures sizes. */
export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');
