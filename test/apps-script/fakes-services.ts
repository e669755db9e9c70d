/**
 * Fakes of PropertiesService, MailApp, UrlFetchApp, Utilities and ScriptApp for the Apps Script
 * fakes (fakes.ts is the entry point: createAppsScript()). Same rules as there: every object is a
 * Proxy that refuses members it does not implement, arguments are checked, calls are counted,
 * values handed to the script are made in its realm, and messages that do not begin
 * "Fake Apps Script:" copy Apps Script's wording.
 */
import { randomUUID } from 'node:crypto';
import { DateTime, IANAZone } from 'luxon';
import { byteLength, type Kit } from './fakes-kit.js';

type GProperties = GoogleAppsScript.Properties.Properties;
type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;
type GMailApp = GoogleAppsScript.Mail.MailApp;
type GUrlFetchApp = GoogleAppsScript.URL_Fetch.UrlFetchApp;
type GHTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;
type GUtilities = GoogleAppsScript.Utilities.Utilities;
type GScriptApp = GoogleAppsScript.Script.ScriptApp;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GFormTriggerBuilder = GoogleAppsScript.Script.FormTriggerBuilder;
type GSpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
type GClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

const strArg = (args: readonly unknown[], i: number): string => args[i] as string;
const intArg = (args: readonly unknown[], i: number): number => args[i] as number;

// ---------------------------------------------------------------------------------------------
// PropertiesService
// ---------------------------------------------------------------------------------------------

export type PropertyStoreName = 'script' | 'document' | 'user';

export interface PropertiesOptions {
  /** Properties the stores start with. */
  properties?: Partial<Record<PropertyStoreName, Record<string, string>>>;
}

export interface PropertiesState {
  /** A fresh copy of each store on each read. */
  readonly properties: { readonly script: Record<string, string>; readonly document: Record<string, string>; readonly user: Record<string, string> };
}

/** Apps Script's limits: 9 KB per value, 500 KB per store (keys and values, UTF-8). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

export function createPropertiesService(kit: Kit, options: PropertiesOptions): { global: GPropertiesService; state: PropertiesState } {
  const { fake, sig, gasError, fakeError, list, object } = kit;
  const stores: Record<PropertyStoreName, Map<string, string>> = { script: new Map(), document: new Map(), user: new Map() };
  for (const name of ['script', 'document', 'user'] as const) {
    for (const [k, v] of Object.entries(options.properties?.[name] ?? {})) stores[name].set(k, v);
  }

  const size = (m: Map<string, string>): number => [...m].reduce((n, [k, v]) => n + byteLength(k) + byteLength(v), 0);
  const asText = (qualified: string, key: string, v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v); // Apps Script stores String(value)
    throw fakeError(`${qualified} was given ${kit.typeName(v)} for '${key}'; Apps Script would store its text '${String(v)}', which is rarely meant`);
  };
  /** Applies the change to a copy, checks the limits, then commits. */
  const commit = (store: Map<string, string>, change: (draft: Map<string, string>) => void): void => {
    const draft = new Map(store);
    change(draft);
    for (const v of draft.values()) if (byteLength(v) > PROPERTY_VALUE_LIMIT) throw gasError(VALUE_TOO_LARGE);
    if (size(draft) > PROPERTY_STORE_LIMIT) throw gasError(STORE_FULL);
    store.clear();
    for (const [k, v] of draft) store.set(k, v);
  };

  const makeProperties = (store: Map<string, string>): GProperties =>
    fake<GProperties>('Properties', (self) => {
      const q = (m: string): string => `PropertiesService.Properties.${m}`;
      return {
        getProperty: (...a: unknown[]) => {
          sig(q('getProperty'), a, ['string']);
          return store.get(strArg(a, 0)) ?? null;
        },
        setProperty: (...a: unknown[]) => {
          sig(q('setProperty'), a, ['string', 'any']);
          const key = strArg(a, 0);
          const value = asText(q('setProperty'), key, a[1]);
          commit(store, (d) => d.set(key, value));
          return self;
        },
        setProperties: (...a: unknown[]) => {
          const overload = sig(q('setProperties'), a, ['object'], ['object', 'boolean']);
          const entries = Object.entries(a[0] as Record<string, unknown>).map(([k, v]): [string, string] => [k, asText(q('setProperties'), k, v)]);
          commit(store, (d) => {
            if (overload === 1 && a[1] === true) d.clear();
            for (const [k, v] of entries) d.set(k, v);
          });
          return self;
        },
        getProperties: () => object(Object.fromEntries(store)) as Record<string, string>,
        getKeys: () => list([...store.keys()]),
        deleteProperty: (...a: unknown[]) => {
          sig(q('deleteProperty'), a, ['string']);
          store.delete(strArg(a, 0));
          return self;
        },
        deleteAllProperties: () => {
          store.clear();
          return self;
        },
      } satisfies Partial<GProperties>;
    });

  const global = fake<GPropertiesService>('PropertiesService', () => ({
    getScriptProperties: () => makeProperties(stores.script),
    getDocumentProperties: () => makeProperties(stores.document),
    getUserProperties: () => makeProperties(stores.user),
  }) satisfies Partial<GPropertiesService>);

  const state: PropertiesState = {
    get properties() {
      return { script: Object.fromEntries(stores.script), document: Object.fromEntries(stores.document), user: Object.fromEntries(stores.user) };
    },
  };
  return { global, state };
}

// ---------------------------------------------------------------------------------------------
// MailApp
// ---------------------------------------------------------------------------------------------

export interface MailOptions {
  /** MailApp.getRemainingDailyQuota() at the start (default 100, a consumer account's); each recipient uses one. */
  mailQuota?: number;
}

export interface MailState {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string | null;
  readonly name: string | null;
  readonly replyTo: string | null;
  readonly noReply: boolean;
  /** Attachment names (Blob.getName()). */
  readonly attachments: readonly string[];
}

export interface MailStateHolder {
  /** Mails sent, in order. */
  readonly mails: readonly MailState[];
  /** While set, MailApp.sendEmail throws an Exception with this message and sends nothing. */
  mailError: string | null;
}

const MAIL_QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
const MESSAGE_KEYS = new Set(['to', 'cc', 'bcc', 'subject', 'body', 'htmlBody', 'name', 'replyTo', 'noReply', 'attachments', 'inlineImages']);
const OPTION_KEYS = new Set(['cc', 'bcc', 'htmlBody', 'name', 'replyTo', 'noReply', 'attachments', 'inlineImages']);
const EMAIL = /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>".]+$/;

export function createMailApp(kit: Kit, options: MailOptions): { global: GMailApp; state: MailStateHolder } {
  const { fake, sig, gasError, fakeError } = kit;
  let remaining = options.mailQuota ?? 100;
  let mailError: string | null = null;
  const mails: MailState[] = [];

  const addresses = (field: string, v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    if (typeof v !== 'string') throw fakeError(`MailApp.sendEmail: '${field}' must be a string of comma-separated addresses, not ${kit.typeName(v)}`);
    const out = v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
    for (const address of out) if (!EMAIL.test(address)) throw gasError(`Invalid email: ${address}`);
    return out;
  };
  const text = (field: string, v: unknown): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw fakeError(`MailApp.sendEmail: '${field}' must be a string, not ${kit.typeName(v)}`);
    return v;
  };

  const send = (message: Record<string, unknown>, allowed: Set<string>): void => {
    for (const key of Object.keys(message)) {
      if (!allowed.has(key)) throw fakeError(`MailApp.sendEmail does not know the option '${key}'`);
    }
    if (message.inlineImages !== undefined) throw fakeError('MailApp.sendEmail: inlineImages are not implemented');
    const to = addresses('to', message.to);
    const cc = addresses('cc', message.cc);
    const bcc = addresses('bcc', message.bcc);
    if (typeof message.noReply !== 'undefined' && typeof message.noReply !== 'boolean') throw fakeError(`MailApp.sendEmail: 'noReply' must be a boolean`);
    const attachments = message.attachments ?? [];
    if (!Array.isArray(attachments)) throw fakeError(`MailApp.sendEmail: 'attachments' must be an array of blobs`);
    const names = attachments.map((blob: unknown) => {
      const getName = typeof blob === 'object' && blob !== null ? (blob as { getName?: unknown }).getName : undefined;
      if (typeof getName !== 'function') throw fakeError(`MailApp.sendEmail: an attachment is ${kit.typeName(blob)}, not a blob`);
      return String((getName as () => unknown).call(blob));
    });
    const mail: MailState = {
      to,
      cc,
      bcc,
      subject: text('subject', message.subject) ?? '',
      body: text('body', message.body) ?? '',
      htmlBody: text('htmlBody', message.htmlBody),
      name: text('name', message.name),
      replyTo: message.replyTo === undefined ? null : (addresses('replyTo', message.replyTo)[0] ?? null),
      noReply: message.noReply === true,
      attachments: names,
    };
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw gasError('Failed to send email: no recipient');
    if (mailError !== null) throw gasError(mailError);
    if (recipients > remaining) throw gasError(MAIL_QUOTA_EXCEEDED);
    remaining -= recipients;
    mails.push(mail);
  };

  const global = fake<GMailApp>('MailApp', () => ({
    sendEmail: (...a: unknown[]) => {
      if (a.length === 4 && typeof a[3] === 'string') throw fakeError('MailApp.sendEmail(to, replyTo, subject, body) is not implemented; use the message object');
      const overload = sig('MailApp.sendEmail', a, ['object'], ['string', 'string', 'string'], ['string', 'string', 'string', 'object']);
      if (overload === 0) send(a[0] as Record<string, unknown>, MESSAGE_KEYS);
      else {
        const extra = (overload === 2 ? a[3] : {}) as Record<string, unknown>;
        for (const key of Object.keys(extra)) if (!OPTION_KEYS.has(key)) throw fakeError(`MailApp.sendEmail does not know the option '${key}'`);
        send({ ...extra, to: a[0], subject: a[1], body: a[2] }, MESSAGE_KEYS);
      }
    },
    getRemainingDailyQuota: () => remaining,
  }) satisfies Partial<GMailApp>);

  const state: MailStateHolder = {
    get mails() {
      return mails.map((m) => ({ ...m, to: [...m.to], cc: [...m.cc], bcc: [...m.bcc], attachments: [...m.attachments] }));
    },
    get mailError() {
      return mailError;
    },
    set mailError(v: string | null) {
      mailError = v;
    },
  };
  return { global, state };
}

// ---------------------------------------------------------------------------------------------
// UrlFetchApp
// ---------------------------------------------------------------------------------------------

export interface FetchRequest {
  readonly url: string;
  /** Upper case: 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'. */
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The payload's content type, null without a payload. */
  readonly contentType: string | null;
  /** The body as sent ('' without a payload); an object payload is form-encoded. */
  readonly payload: string;
  readonly muteHttpExceptions: boolean;
  readonly followRedirects: boolean;
  readonly validateHttpsCertificates: boolean;
}

export interface FetchReply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** Answers one request; throwing simulates a network failure (an error with code 'ENOTFOUND' or a message mentioning DNS is a DNS failure). */
export type FetchHandler = (request: FetchRequest) => FetchReply;

export interface FetchState {
  /** Every request sent, redirects included, in order. */
  readonly fetches: readonly FetchRequest[];
  /** Answers UrlFetchApp.fetch; without one, fetch throws a fake error. */
  fetchHandler: FetchHandler | null;
}

const FETCH_PARAMS = new Set(['method', 'contentType', 'headers', 'payload', 'muteHttpExceptions', 'followRedirects', 'validateHttpsCertificates', 'escaping', 'useIntranet']);
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** How much of the body Apps Script quotes in "Request failed" (an approximation). */
const TRUNCATE_AT = 200;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createUrlFetchApp(kit: Kit): { global: GUrlFetchApp; state: FetchState } {
  const { fake, sig, gasError, fakeError, object } = kit;
  const fetches: FetchRequest[] = [];
  let handler: FetchHandler | null = null;

  const makeResponse = (status: number, body: string, headers: Record<string, string>): GHTTPResponse =>
    fake<GHTTPResponse>('HTTPResponse', () => ({
      getResponseCode: () => status,
      getContentText: (...a: unknown[]) => {
        sig('UrlFetchApp.HTTPResponse.getContentText', a, [], ['string']);
        return body;
      },
      getHeaders: () => object({ ...headers }),
      getAllHeaders: () => object({ ...headers }),
    }) satisfies Partial<GHTTPResponse>);

  const checkUrl = (raw: string, escaping: boolean): string => {
    const url = escaping ? raw.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c)) : raw;
    if (!/^https?:\/\/[^\s/?#]+/i.test(url) || !URL.canParse(url)) throw gasError(`Invalid argument: ${raw}`);
    return url;
  };

  const formEncode = (payload: Record<string, unknown>): string => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(payload)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params.append(k, String(v));
      else throw fakeError(`UrlFetchApp.fetch: the payload field '${k}' is ${kit.typeName(v)}; only text fields are implemented (no blobs)`);
    }
    return params.toString();
  };

  const fetch = (...a: unknown[]): GHTTPResponse => {
    const overload = sig('UrlFetchApp.fetch', a, ['string'], ['string', 'object']);
    const params = (overload === 1 ? a[1] : {}) as Record<string, unknown>;
    for (const key of Object.keys(params)) if (!FETCH_PARAMS.has(key)) throw fakeError(`UrlFetchApp.fetch does not know the parameter '${key}'`);
    if (params.useIntranet !== undefined) throw fakeError('UrlFetchApp.fetch: useIntranet is not implemented');
    const flag = (name: string, fallback: boolean): boolean => {
      const v = params[name];
      if (v === undefined) return fallback;
      if (typeof v !== 'boolean') throw fakeError(`UrlFetchApp.fetch: '${name}' must be a boolean, not ${kit.typeName(v)}`);
      return v;
    };
    const mute = flag('muteHttpExceptions', false);
    const follow = flag('followRedirects', true);
    const validate = flag('validateHttpsCertificates', true);
    let url = checkUrl(strArg(a, 0), flag('escaping', true));
    const methodParam = params.method ?? 'get';
    if (typeof methodParam !== 'string' || !METHODS.has(methodParam.toLowerCase())) throw fakeError(`UrlFetchApp.fetch: the method ${JSON.stringify(methodParam)} is none of get, post, put, patch, delete`);
    let method = methodParam.toUpperCase();
    const headersParam = params.headers ?? {};
    if (!kit.matches('object', headersParam)) throw fakeError(`UrlFetchApp.fetch: 'headers' must be an object`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(headersParam as Record<string, unknown>)) {
      if (typeof v !== 'string' && typeof v !== 'number') throw fakeError(`UrlFetchApp.fetch: the header '${k}' is ${kit.typeName(v)}`);
      headers[k] = String(v);
    }
    let payload = '';
    let contentType: string | null = null;
    if (params.payload !== undefined && params.payload !== null) {
      if (typeof params.payload === 'string') payload = params.payload;
      else if (kit.matches('object', params.payload)) payload = formEncode(params.payload as Record<string, unknown>);
      else throw fakeError(`UrlFetchApp.fetch: a payload of ${kit.typeName(params.payload)} is not implemented (strings and objects are)`);
      contentType = 'application/x-www-form-urlencoded';
    }
    if (params.contentType !== undefined) {
      if (typeof params.contentType !== 'string') throw fakeError(`UrlFetchApp.fetch: 'contentType' must be a string`);
      contentType = params.contentType;
    }

    for (let hop = 0; ; hop++) {
      if (!handler) throw fakeError(`UrlFetchApp.fetch(${method} ${url}) was called, but the test set no state.fetchHandler`);
      const request: FetchRequest = Object.freeze({ url, method, headers: { ...headers }, contentType, payload, muteHttpExceptions: mute, followRedirects: follow, validateHttpsCertificates: validate });
      fetches.push(request);
      let reply: FetchReply;
      try {
        reply = handler(request);
      } catch (e) {
        const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
        const message = e instanceof Error ? e.message : String(e);
        throw gasError(code === 'ENOTFOUND' || /\bdns\b/i.test(message) ? `DNS error: ${url}` : `Address unavailable: ${url}`);
      }
      const { status } = reply;
      if (!Number.isInteger(status) || status < 100 || status > 599) throw fakeError(`the fetch handler answered ${url} with status ${String(status)}`);
      const body = reply.body ?? '';
      const replyHeaders = { ...(reply.headers ?? {}) };
      const location = Object.entries(replyHeaders).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (follow && REDIRECTS.has(status) && location !== undefined) {
        if (hop >= 10) throw fakeError(`UrlFetchApp.fetch: more than 10 redirects from ${strArg(a, 0)}`);
        url = new URL(location, url).toString();
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          payload = '';
          contentType = null;
        }
        continue;
      }
      if (status >= 400 && !mute) {
        const quoted = body.length > TRUNCATE_AT ? `${body.slice(0, TRUNCATE_AT)}...` : body;
        throw gasError(`Request failed for ${new URL(url).origin} returned code ${status}. Truncated server response: ${quoted} (use muteHttpExceptions option to examine full response)`);
      }
      return makeResponse(status, body, replyHeaders);
    }
  };

  const global = fake<GUrlFetchApp>('UrlFetchApp', () => ({ fetch }) satisfies Partial<GUrlFetchApp>);
  const state: FetchState = {
    get fetches() {
      return [...fetches];
    },
    get fetchHandler() {
      return handler;
    },
    set fetchHandler(h: FetchHandler | null) {
      handler = h;
    },
  };
  return { global, state };
}

// ---------------------------------------------------------------------------------------------
// Utilities
// ---------------------------------------------------------------------------------------------

export interface UtilitiesState {
  /** Utilities.sleep(ms) calls, in order; the fakes do not wait. */
  readonly sleeps: readonly number[];
}

/** SimpleDateFormat letters the fakes format, and luxon's token for each run length. */
const DATE_TOKENS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  y: { 2: 'yy', 4: 'yyyy' },
  M: { 1: 'L', 2: 'LL' },
  d: { 1: 'd', 2: 'dd' },
  H: { 1: 'H', 2: 'HH' },
  m: { 1: 'm', 2: 'mm' },
  s: { 1: 's', 2: 'ss' },
};

export function createUtilities(kit: Kit): { global: GUtilities; state: UtilitiesState } {
  const { fake, sig, fakeError } = kit;
  const sleeps: number[] = [];

  const formatDate = (...a: unknown[]): string => {
    sig('Utilities.formatDate', a, ['Date', 'string', 'string']);
    const when = a[0] as Date;
    const zone = strArg(a, 1);
    const pattern = strArg(a, 2);
    if (Number.isNaN(when.getTime())) throw fakeError('Utilities.formatDate was given an invalid Date');
    if (!IANAZone.isValidZone(zone)) throw fakeError(`Utilities.formatDate: '${zone}' is no IANA time zone the fakes know`);
    let format = '';
    for (const run of pattern.match(/([A-Za-z])\1*|'[^']*'|[^A-Za-z']+/g) ?? []) {
      const letter = run[0] ?? '';
      if (/[A-Za-z]/.test(letter)) {
        const token = DATE_TOKENS[letter]?.[run.length];
        if (!token) throw fakeError(`Utilities.formatDate: the pattern part '${run}' of '${pattern}' is not implemented (y, M, d, H, m, s are)`);
        format += token;
      } else if (run.startsWith("'")) format += run === "''" ? "''" : run;
      else format += `'${run}'`;
    }
    return DateTime.fromMillis(when.getTime(), { zone }).toFormat(format);
  };

  /** Bytes as Apps Script gives them: Java's signed bytes, -128 to 127. */
  const signed = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
  const makeBlob = (bytes: Buffer, contentType: string | null, name: string | null): GoogleAppsScript.Base.Blob => {
    let type = contentType;
    let blobName = name;
    return fake<GoogleAppsScript.Base.Blob>('Blob', (self) => ({
      getBytes: () => kit.list(signed(bytes)),
      getDataAsString: () => bytes.toString('utf8'),
      getContentType: () => type,
      setContentType: (...a: unknown[]) => {
        sig('Blob.setContentType', a, ['string|null']);
        type = a[0] as string | null;
        return self;
      },
      getName: () => blobName,
      setName: (...a: unknown[]) => {
        sig('Blob.setName', a, ['string']);
        blobName = strArg(a, 0);
        return self;
      },
    }) satisfies Partial<GoogleAppsScript.Base.Blob>);
  };

  const global = fake<GUtilities>('Utilities', () => ({
    getUuid: () => randomUUID(),
    newBlob: (...a: unknown[]) => {
      sig('Utilities.newBlob', a, ['string'], ['array'], ['string', 'string|null'], ['array', 'string|null'], ['string', 'string|null', 'string|null'], ['array', 'string|null', 'string|null']);
      const data = a[0];
      let bytes: Buffer;
      if (typeof data === 'string') bytes = Buffer.from(data, 'utf8');
      else {
        const values = data as unknown[];
        if (!values.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255)) throw fakeError('Utilities.newBlob was given an array that is not bytes');
        bytes = Buffer.from((values as number[]).map((b) => b & 0xff));
      }
      return makeBlob(bytes, (a[1] as string | null | undefined) ?? null, (a[2] as string | null | undefined) ?? null);
    },
    base64Decode: (...a: unknown[]) => {
      sig('Utilities.base64Decode', a, ['string']);
      const text = strArg(a, 0).replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw fakeError(`Utilities.base64Decode was given text that is not base64`);
      return kit.list(signed(Buffer.from(text, 'base64')));
    },
    sleep: (...a: unknown[]) => {
      sig('Utilities.sleep', a, ['int']);
      const ms = intArg(a, 0);
      if (ms < 0 || ms > 300_000) throw fakeError(`Utilities.sleep(${ms}): Apps Script sleeps 0 to 300000 ms`);
      sleeps.push(ms);
    },
    formatDate,
  }) satisfies Partial<GUtilities>);

  const state: UtilitiesState = {
    get sleeps() {
      return [...sleeps];
    },
  };
  return { global, state };
}

// ---------------------------------------------------------------------------------------------
// ScriptApp
// ---------------------------------------------------------------------------------------------

export interface ScriptOptions {
  /** ScriptApp.getIdentityToken(); null as when the manifest lacks the openid scope (default: a JWT-shaped fake for the effective user). */
  identityToken?: string | null;
  /** ScriptApp.getOAuthToken() (default 'ya29.fake-oauth-token'). */
  oauthToken?: string;
  /** ScriptApp.getScriptId() (default 'fake-script-id'). */
  scriptId?: string;
}

export type TriggerEventName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';
export type TriggerSourceName = 'SPREADSHEETS' | 'FORMS' | 'CLOCK';

export interface ClockSchedule {
  readonly everyMinutes?: number;
  readonly everyHours?: number;
  readonly everyDays?: number;
  readonly atHour?: number;
  readonly nearMinute?: number;
  readonly timeZone?: string;
}

export interface TriggerState {
  readonly uid: string;
  readonly handlerFunction: string;
  readonly eventType: TriggerEventName;
  readonly source: TriggerSourceName;
  /** The spreadsheet or form id; null for time-driven triggers. */
  readonly sourceId: string | null;
  /** Time-driven triggers only. */
  readonly schedule: ClockSchedule | null;
}

export interface ScriptStateHolder {
  /** Installed triggers, in creation order (deleted ones gone). */
  readonly triggers: readonly TriggerState[];
}

/** What ScriptApp needs to know about the other fakes. */
export interface ScriptLinks {
  effectiveUser: string;
  /** The id of a Spreadsheet fake or of a spreadsheet id the fakes know, else undefined. */
  spreadsheetId(v: unknown): string | undefined;
  /** The id of a Form fake or of a form id the fakes know, else undefined. */
  formId(v: unknown): string | undefined;
}

export const TRIGGER_LIMIT = 20;
const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const EVENT_TYPES = ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const;
const TRIGGER_SOURCES = ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const;
const AUTH_MODES = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const;

const base64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

export function createScriptApp(
  kit: Kit,
  options: ScriptOptions,
  links: ScriptLinks,
): { global: GScriptApp; state: ScriptStateHolder; triggerUid: (eventType: TriggerEventName, sourceId: string) => string | null; authMode: (name: string) => object } {
  const { fake, sig, gasError, fakeError, list, makeEnum, member } = kit;
  const enums = {
    EventType: makeEnum('EventType', EVENT_TYPES),
    TriggerSource: makeEnum('TriggerSource', TRIGGER_SOURCES),
    AuthMode: makeEnum('AuthMode', AUTH_MODES),
  };
  const scriptId = options.scriptId ?? 'fake-script-id';
  const now = Math.floor(Date.now() / 1000);
  const identityToken =
    options.identityToken === undefined
      ? `${base64url({ alg: 'RS256', kid: 'fake-key', typ: 'JWT' })}.${base64url({
          iss: 'https://accounts.google.com',
          aud: `${scriptId}.apps.googleusercontent.com`,
          sub: '100000000000000000001',
          email: links.effectiveUser,
          email_verified: true,
          iat: now,
          exp: now + 3600,
        })}.ZmFrZS1zaWduYXR1cmU`
      : options.identityToken;
  const triggers: TriggerState[] = [];
  let nextUid = 1;

  const makeTrigger = (t: TriggerState): GTrigger =>
    fake<GTrigger>(
      'Trigger',
      () =>
        ({
          getHandlerFunction: () => t.handlerFunction,
          getEventType: () => member<GoogleAppsScript.Script.EventType>(enums.EventType, t.eventType),
          getTriggerSource: () => member<GoogleAppsScript.Script.TriggerSource>(enums.TriggerSource, t.source),
          getTriggerSourceId: () => t.sourceId as string, // null for time-driven triggers
          getUniqueId: () => t.uid,
        }) satisfies Partial<GTrigger>,
      { internal: { kind: 'Trigger', uid: t.uid } },
    );

  const install = (t: Omit<TriggerState, 'uid'>): GTrigger => {
    if (triggers.length >= TRIGGER_LIMIT) throw gasError(TOO_MANY_TRIGGERS);
    const made: TriggerState = Object.freeze({ ...t, uid: String(1_000_000 + nextUid++) });
    triggers.push(made);
    return makeTrigger(made);
  };

  const makeFormBuilder = (handlerFunction: string, formId: string): GFormTriggerBuilder => {
    let eventType: TriggerEventName | null = null;
    return fake<GFormTriggerBuilder>('FormTriggerBuilder', (self) => ({
      onFormSubmit: () => {
        eventType = 'ON_FORM_SUBMIT';
        return self;
      },
      onOpen: () => {
        eventType = 'ON_OPEN';
        return self;
      },
      create: () => {
        if (eventType === null) throw fakeError('FormTriggerBuilder.create was called before onFormSubmit() or onOpen()');
        return install({ handlerFunction, eventType, source: 'FORMS', sourceId: formId, schedule: null });
      },
    }) satisfies Partial<GFormTriggerBuilder>);
  };

  const makeSpreadsheetBuilder = (handlerFunction: string, spreadsheetId: string): GSpreadsheetTriggerBuilder => {
    let eventType: TriggerEventName | null = null;
    const on = (self: GSpreadsheetTriggerBuilder, e: TriggerEventName) => (): GSpreadsheetTriggerBuilder => {
      eventType = e;
      return self;
    };
    return fake<GSpreadsheetTriggerBuilder>('SpreadsheetTriggerBuilder', (self) => ({
      onOpen: on(self, 'ON_OPEN'),
      onEdit: on(self, 'ON_EDIT'),
      onFormSubmit: on(self, 'ON_FORM_SUBMIT'),
      onChange: on(self, 'ON_CHANGE'),
      create: () => {
        if (eventType === null) throw fakeError('SpreadsheetTriggerBuilder.create was called before onOpen(), onEdit(), onFormSubmit() or onChange()');
        return install({ handlerFunction, eventType, source: 'SPREADSHEETS', sourceId: spreadsheetId, schedule: null });
      },
    }) satisfies Partial<GSpreadsheetTriggerBuilder>);
  };

  const makeClockBuilder = (handlerFunction: string): GClockTriggerBuilder => {
    const schedule: { everyMinutes?: number; everyHours?: number; everyDays?: number; atHour?: number; nearMinute?: number; timeZone?: string } = {};
    const q = (m: string): string => `ScriptApp.ClockTriggerBuilder.${m}`;
    const once = (m: string): void => {
      if (schedule.everyMinutes !== undefined || schedule.everyHours !== undefined || schedule.everyDays !== undefined) {
        throw fakeError(`ClockTriggerBuilder.${m}: the trigger already has a recurrence`);
      }
    };
    return fake<GClockTriggerBuilder>('ClockTriggerBuilder', (self) => ({
      everyMinutes: (...a: unknown[]) => {
        sig(q('everyMinutes'), a, ['int']);
        once('everyMinutes');
        if (![1, 5, 10, 15, 30].includes(intArg(a, 0))) throw fakeError(`ClockTriggerBuilder.everyMinutes(${intArg(a, 0)}): Apps Script takes 1, 5, 10, 15 or 30`);
        schedule.everyMinutes = intArg(a, 0);
        return self;
      },
      everyHours: (...a: unknown[]) => {
        sig(q('everyHours'), a, ['int']);
        once('everyHours');
        if (![1, 2, 4, 6, 8, 12].includes(intArg(a, 0))) throw fakeError(`ClockTriggerBuilder.everyHours(${intArg(a, 0)}): Apps Script takes 1, 2, 4, 6, 8 or 12`);
        schedule.everyHours = intArg(a, 0);
        return self;
      },
      everyDays: (...a: unknown[]) => {
        sig(q('everyDays'), a, ['int']);
        once('everyDays');
        if (intArg(a, 0) < 1) throw fakeError(`ClockTriggerBuilder.everyDays(${intArg(a, 0)}): the interval must be at least 1`);
        schedule.everyDays = intArg(a, 0);
        return self;
      },
      atHour: (...a: unknown[]) => {
        sig(q('atHour'), a, ['int']);
        if (intArg(a, 0) < 0 || intArg(a, 0) > 23) throw fakeError(`ClockTriggerBuilder.atHour(${intArg(a, 0)}): the hour must be 0 to 23`);
        schedule.atHour = intArg(a, 0);
        return self;
      },
      nearMinute: (...a: unknown[]) => {
        sig(q('nearMinute'), a, ['int']);
        if (intArg(a, 0) < 0 || intArg(a, 0) > 59) throw fakeError(`ClockTriggerBuilder.nearMinute(${intArg(a, 0)}): the minute must be 0 to 59`);
        schedule.nearMinute = intArg(a, 0);
        return self;
      },
      inTimezone: (...a: unknown[]) => {
        sig(q('inTimezone'), a, ['string']);
        if (!IANAZone.isValidZone(strArg(a, 0))) throw fakeError(`ClockTriggerBuilder.inTimezone: '${strArg(a, 0)}' is no IANA time zone`);
        schedule.timeZone = strArg(a, 0);
        return self;
      },
      create: () => {
        if (schedule.everyMinutes === undefined && schedule.everyHours === undefined && schedule.everyDays === undefined) {
          throw fakeError('ClockTriggerBuilder.create was called before everyMinutes(), everyHours() or everyDays() (other schedules are not implemented)');
        }
        if ((schedule.atHour !== undefined || schedule.nearMinute !== undefined) && schedule.everyDays === undefined) {
          throw fakeError('ClockTriggerBuilder: atHour() and nearMinute() need everyDays()');
        }
        return install({ handlerFunction, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, schedule: Object.freeze({ ...schedule }) });
      },
    }) satisfies Partial<GClockTriggerBuilder>);
  };

  const makeTriggerBuilder = (handlerFunction: string): GTriggerBuilder =>
    fake<GTriggerBuilder>('TriggerBuilder', () => ({
      forForm: (...a: unknown[]) => {
        sig('ScriptApp.TriggerBuilder.forForm', a, ['string'], ['Form']);
        const id = links.formId(a[0]);
        if (id === undefined) throw fakeError(`TriggerBuilder.forForm: no form with the id '${String(a[0])}'`);
        return makeFormBuilder(handlerFunction, id);
      },
      forSpreadsheet: (...a: unknown[]) => {
        sig('ScriptApp.TriggerBuilder.forSpreadsheet', a, ['string'], ['Spreadsheet']);
        const id = links.spreadsheetId(a[0]);
        if (id === undefined) throw fakeError(`TriggerBuilder.forSpreadsheet: no spreadsheet with the id '${String(a[0])}'`);
        return makeSpreadsheetBuilder(handlerFunction, id);
      },
      timeBased: () => makeClockBuilder(handlerFunction),
    }) satisfies Partial<GTriggerBuilder>);

  const global = fake<GScriptApp>('ScriptApp', () => ({
    EventType: enums.EventType as unknown as typeof GoogleAppsScript.Script.EventType,
    TriggerSource: enums.TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource,
    AuthMode: enums.AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode,
    getIdentityToken: () => identityToken as string, // null without the openid scope
    getOAuthToken: () => options.oauthToken ?? 'ya29.fake-oauth-token',
    getScriptId: () => scriptId,
    newTrigger: (...a: unknown[]) => {
      sig('ScriptApp.newTrigger', a, ['string']);
      if (strArg(a, 0) === '') throw fakeError('ScriptApp.newTrigger was given an empty function name');
      return makeTriggerBuilder(strArg(a, 0));
    },
    getProjectTriggers: () => list(triggers.map(makeTrigger)),
    getUserTriggers: (...a: unknown[]) => {
      const overload = sig('ScriptApp.getUserTriggers', a, ['Spreadsheet'], ['Form']);
      const id = overload === 0 ? links.spreadsheetId(a[0]) : links.formId(a[0]);
      return list(triggers.filter((t) => t.sourceId === id).map(makeTrigger));
    },
    deleteTrigger: (...a: unknown[]) => {
      sig('ScriptApp.deleteTrigger', a, ['Trigger']);
      const uid = kit.internalOf(a[0])?.uid;
      const index = triggers.findIndex((t) => t.uid === uid);
      if (index < 0) throw fakeError(`ScriptApp.deleteTrigger: the trigger ${String(uid)} was already deleted`);
      triggers.splice(index, 1);
    },
  }) satisfies Partial<GScriptApp>);

  const state: ScriptStateHolder = {
    get triggers() {
      return [...triggers];
    },
  };
  return {
    global,
    state,
    triggerUid: (eventType, sourceId) => triggers.find((t) => t.eventType === eventType && t.sourceId === sourceId)?.uid ?? null,
    authMode: (name) => member<object>(enums.AuthMode, name),
  };
}

