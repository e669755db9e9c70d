/**
 * In-memory fake of the part of the Google Sheets API v4 our Cloud Functions use, served at the
 * HTTP layer with nock so that the real `@googleapis/sheets` client (and gaxios, retries and all)
 * runs unchanged against it:
 *
 *   nock.disableNetConnect();
 *   const fake = fakeSheets();
 *   fake.setTab('Register', [['nomor', 'nama'], [1, 'Budi']]);
 *   const api = sheets({ version: 'v4', auth });           // auth carries a Bearer token
 *   await api.spreadsheets.values.batchGet({ spreadsheetId: fake.spreadsheetId, ranges: ['Register'] });
 *   expect(fake.requests).toHaveLength(1);
 *   fake.close();
 *
 * What it guarantees:
 * - Endpoints: spreadsheets.get, spreadsheets.batchUpdate (appendDimension only),
 *   values.batchGet, values.batchUpdate, values.append. Responses, status codes and error bodies
 *   (`{error:{code,message,status}}`) follow the real API, including its grid rules: reads are
 *   clipped to the grid and answer the clipped range (that is how callers learn the grid size),
 *   writes past the grid are refused with "exceeds grid limits" and do not grow it, append grows
 *   rows (never columns), a batch is validated whole before any cell changes.
 * - Anything it does not implement (another endpoint, a query parameter, a body field the real API
 *   knows, a batchUpdate request kind, a `fields` mask on values calls) is answered HTTP 501 with a
 *   message naming it and is recorded in `unexpected`, so code that strays fails instead of passing.
 *   Beware that gaxios retries 5xx on GET/PUT/DELETE by default, so a 501 there shows up more than once.
 * - Every request is recorded (decoded path, query, parsed JSON body, answered status).
 * - Messages that begin "Fake Sheets:" are the fake's own; the others copy the real API's wording.
 *
 * Deliberately not modelled: formulas are never evaluated (they read as `#FORMULA`), there are no
 * dates, number formats or merged cells; FORMATTED_VALUE renders numbers the way the General format
 * does in the spreadsheet's id_ID locale (decimal comma, no grouping, no exponent), USER_ENTERED only
 * recognises `=formulas`, integers, TRUE/FALSE and the leading-apostrophe escape, and answers 501
 * for strings whose reading depends on the locale (decimals, percentages, dates, times). Append finds "the table" as the rows from the first to the last non-empty row at or below
 * the range (the real heuristic is subtler).
 */
import nock from 'nock';
import { queryOf, safeDecode, type Query } from './http.js';

/** A stored cell: `''` is an empty cell; a formula keeps its leading `=`. */
export type SheetCell = string | number | boolean | { formula: string };

/** One request as the fake received it. `path` is percent-decoded; `status` is what it answered. */
export interface SheetsRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status?: number;
}

export interface SheetsFake {
  readonly spreadsheetId: string;
  /** Creates or replaces a tab. Grid defaults to 1000 x 26 and is grown to fit `rows`. */
  setTab(title: string, rows: SheetCell[][], grid?: { rows?: number; columns?: number }): void;
  /** Current values of a tab, trailing empty rows and trailing empty cells of each row trimmed. */
  tab(title: string): SheetCell[][];
  grid(title: string): { rows: number; columns: number };
  readonly requests: SheetsRequest[];
  /** The next `times` requests (default 1) are answered `status` with a Google error body. */
  failNext(status: number, times?: number): void;
  /** `hook` runs before request n (1-based, counting every request) is served, e.g. to re-sort rows. */
  beforeRequest(hook: (n: number, req: { method: string; path: string }) => void): void;
  /** One line per request answered 501 (or crashed the fake). Tests should expect it to be empty. */
  readonly unexpected: string[];
  /** Removes this fake's nock interceptors (and only them). */
  close(): void;
}

const HOST = 'https://sheets.googleapis.com';
const PREFIX = '/v4/spreadsheets';
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const MAX_COLUMNS = 18_278; // ZZZ
const MAX_CELLS = 10_000_000;

type RenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type Dimension = 'ROWS' | 'COLUMNS';
type Reply = [number, string | Buffer, Record<string, string>];

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** An answer other than 200; `code` 501 also lands in `unexpected`. */
class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string): ApiError => new ApiError(400, message);
const notImplemented = (what: string): ApiError => new ApiError(501, `Fake Sheets: ${what} is not implemented by the fake`);

interface Tab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  /** cells[r][c], 0-based; a missing cell is ''. */
  cells: SheetCell[][];
}

/** Bounds of a range, 1-based and inclusive; an end is undefined when the range leaves it open. */
interface Span {
  r0: number;
  c0: number;
  r1: number | undefined;
  c1: number | undefined;
  /** A single cell such as B5: an anchor when writing. */
  single: boolean;
}

// Several fakes may be open at once (one per spreadsheet id); the oldest also answers ids nobody owns.
const open: SheetsFakeImpl[] = [];

/** Starts a fake spreadsheet (default id is a made-up but real-looking 44-character id). */
export function fakeSheets(options?: { spreadsheetId?: string; title?: string }): SheetsFake {
  return new SheetsFakeImpl(options?.spreadsheetId ?? '1FakeSpreadsheetId0123456789abcdefghijklmnopq', options?.title ?? 'Register Pengaduan');
}

class SheetsFakeImpl implements SheetsFake {
  readonly requests: SheetsRequest[] = [];
  readonly unexpected: string[] = [];
  private readonly tabs: Tab[] = [];
  private readonly hooks: ((n: number, req: { method: string; path: string }) => void)[] = [];
  private failures: { status: number; left: number }[] = [];
  private readonly interceptors: nock.Interceptor[] = [];
  private nextSheetId = 0;

  constructor(
    readonly spreadsheetId: string,
    private readonly title: string,
  ) {
    if (open.some((f) => f.spreadsheetId === spreadsheetId)) {
      throw new Error(`Fake Sheets: a fake for spreadsheet ${spreadsheetId} is already open; close() it first`);
    }
    open.push(this);
    const scope = nock(HOST).persist();
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const interceptor = scope.intercept((path: string) => this.owns(path), method);
      interceptor.reply((req: Request) => this.handle(req));
      this.interceptors.push(interceptor);
    }
  }

  // ------------------------------------------------------------------------------ test-side API

  setTab(title: string, rows: SheetCell[][], grid?: { rows?: number; columns?: number }): void {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const cells = rows.map((row) => row.map(checkCell));
    const rowCount = Math.max(grid?.rows ?? DEFAULT_ROWS, rows.length, 1);
    const columnCount = Math.max(grid?.columns ?? DEFAULT_COLUMNS, width, 1);
    const existing = this.tabs.find((t) => t.title === title);
    if (existing) {
      Object.assign(existing, { rowCount, columnCount, cells });
    } else {
      // The first sheet of a spreadsheet has id 0; later ones get large unrelated ids, as in Sheets.
      const sheetId = this.nextSheetId === 0 ? 0 : 100_000_000 + ((this.nextSheetId * 7_919_113) % 1_900_000_000);
      this.nextSheetId += 1;
      this.tabs.push({ sheetId, title, rowCount, columnCount, cells });
    }
  }

  tab(title: string): SheetCell[][] {
    const tab = this.mustTab(title);
    const rows = tab.cells.slice(0, tab.rowCount).map((row) => trimRow(row.slice(0, tab.columnCount)).map(copyCell));
    while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    return rows;
  }

  grid(title: string): { rows: number; columns: number } {
    const tab = this.mustTab(title);
    return { rows: tab.rowCount, columns: tab.columnCount };
  }

  failNext(status: number, times = 1): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`Fake Sheets: failNext wants a 4xx/5xx status, got ${status}`);
    this.failures.push({ status, left: times });
  }

  beforeRequest(hook: (n: number, req: { method: string; path: string }) => void): void {
    this.hooks.push(hook);
  }

  close(): void {
    for (const interceptor of this.interceptors.splice(0)) nock.removeInterceptor(interceptor);
    const i = open.indexOf(this);
    if (i >= 0) open.splice(i, 1);
  }

  private mustTab(title: string): Tab {
    const tab = this.tabs.find((t) => t.title === title);
    if (!tab) throw new Error(`Fake Sheets: no tab '${title}' (tabs: ${this.tabs.map((t) => t.title).join(', ')})`);
    return tab;
  }

  // ------------------------------------------------------------------------------ HTTP plumbing

  /** Whether this fake answers `path`: its own spreadsheet, or (oldest open fake) anything nobody owns. */
  private owns(path: string): boolean {
    const id = spreadsheetIdOf(path);
    if (id !== undefined && open.some((f) => f.spreadsheetId === id)) return id === this.spreadsheetId;
    return open[0] === this;
  }

  private async handle(req: Request): Promise<Reply> {
    const url = new URL(req.url);
    const raw = Buffer.from(await req.arrayBuffer());
    const record: SheetsRequest = { method: req.method, path: safeDecode(url.pathname), query: queryOf(url.searchParams), body: undefined };
    let bodyError: ApiError | undefined;
    if (raw.length > 0) {
      const text = raw.toString('utf8');
      try {
        record.body = JSON.parse(text) as unknown;
      } catch {
        record.body = text;
        bodyError = badRequest(`Invalid JSON payload received. Unexpected token.\n${text.slice(0, 40)}\n^`);
      }
    }
    this.requests.push(record);
    const reply = this.answer(req, url, record, bodyError);
    record.status = reply[0];
    return reply;
  }

  private answer(req: Request, url: URL, record: SheetsRequest, bodyError: ApiError | undefined): Reply {
    try {
      for (const hook of this.hooks) hook(this.requests.length, { method: record.method, path: record.path });
      if (!/^Bearer \S+$/.test(req.headers.get('authorization') ?? '')) {
        throw new ApiError(
          401,
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        );
      }
      const failure = this.failures[0];
      if (failure) {
        failure.left -= 1;
        if (failure.left <= 0) this.failures.shift();
        throw new ApiError(failure.status, injectedMessage(failure.status, record.method));
      }
      if (bodyError) throw bodyError;
      return json(200, this.route(record.method, url.pathname, record.query, record.body));
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.code === 501) this.unexpected.push(`${record.method} ${record.path}: ${error.message}`);
        return json(error.code, { error: { code: error.code, message: error.message, status: STATUS_NAMES[error.code] ?? 'UNKNOWN' } });
      }
      const message = `Fake Sheets: the fake crashed on ${record.method} ${record.path}: ${error instanceof Error ? error.message : String(error)}`;
      this.unexpected.push(message);
      return json(500, { error: { code: 500, message, status: 'INTERNAL' } });
    }
  }

  private route(method: string, rawPath: string, query: Query, body: unknown): unknown {
    const where = `${method} ${safeDecode(rawPath)}`;
    const rest = rawPath.startsWith(`${PREFIX}/`) ? rawPath.slice(PREFIX.length + 1) : undefined;
    const id = rest === undefined ? undefined : /^[^/:]+/.exec(rest)?.[0];
    if (rest === undefined || id === undefined) throw notImplemented(where);
    if (safeDecode(id) !== this.spreadsheetId) throw new ApiError(404, 'Requested entity was not found.');
    const tail = rest.slice(id.length);
    if (method === 'GET' && tail === '') return this.getSpreadsheet(query);
    if (method === 'POST' && tail === ':batchUpdate') return this.batchUpdate(query, body);
    if (method === 'GET' && tail === '/values:batchGet') return this.batchGet(query);
    if (method === 'POST' && tail === '/values:batchUpdate') return this.valuesBatchUpdate(query, body);
    // The client percent-encodes the range (":" becomes %3A), so the literal ":" is the verb.
    const append = /^\/values\/([^/:]*):append$/.exec(tail);
    if (method === 'POST' && append?.[1] !== undefined) return this.append(safeDecode(append[1]), query, body);
    throw notImplemented(`endpoint ${where}`);
  }

  // ------------------------------------------------------------------------------ spreadsheets.get

  private getSpreadsheet(query: Query): unknown {
    checkParams(query, ['fields', 'includeGridData'], 'spreadsheets.get');
    const includeGridData = boolParam(query, 'includeGridData');
    if (includeGridData) throw notImplemented('spreadsheets.get with includeGridData=true');
    return {
      spreadsheetId: this.spreadsheetId,
      properties: { title: this.title, locale: 'id_ID', autoRecalc: 'ON_CHANGE', timeZone: 'Asia/Jakarta' },
      sheets: this.tabs.map((tab, index) => ({
        properties: {
          sheetId: tab.sheetId,
          title: tab.title,
          index,
          sheetType: 'GRID',
          gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount },
        },
      })),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${this.spreadsheetId}/edit`,
    };
  }

  // ------------------------------------------------------------------------------ spreadsheets.batchUpdate

  private batchUpdate(query: Query, body: unknown): unknown {
    checkParams(query, [], 'spreadsheets.batchUpdate');
    const request = objectBody(body, ['requests', 'includeSpreadsheetInResponse', 'responseRanges', 'responseIncludeGridData']);
    if (request.includeSpreadsheetInResponse === true || request.responseIncludeGridData === true || request.responseRanges !== undefined) {
      throw notImplemented('spreadsheets.batchUpdate includeSpreadsheetInResponse/responseRanges/responseIncludeGridData');
    }
    const requests = request.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw badRequest('Must specify at least one request.');
    const plan: { tab: Tab; dimension: Dimension; length: number }[] = [];
    requests.forEach((item: unknown, i) => {
      if (!isRecord(item)) throw badRequest(`Invalid requests[${i}]: No request set.`);
      const kinds = Object.keys(item);
      if (kinds.length !== 1) throw badRequest(`Invalid requests[${i}]: ${kinds.length === 0 ? 'No request set.' : 'More than one request kind set.'}`);
      const kind = kinds[0] ?? '';
      if (kind !== 'appendDimension') throw notImplemented(`spreadsheets.batchUpdate request kind '${kind}'`);
      const spec = item.appendDimension;
      if (!isRecord(spec)) throw badRequest(`Invalid requests[${i}].appendDimension: No request set.`);
      for (const key of Object.keys(spec)) {
        if (!['sheetId', 'dimension', 'length'].includes(key)) throw badRequest(`Invalid JSON payload received. Unknown name "${key}" at 'requests[${i}].append_dimension': Cannot find field.`);
      }
      const sheetId = spec.sheetId ?? 0;
      const tab = this.tabs.find((t) => t.sheetId === sheetId);
      if (!tab) throw badRequest(`Invalid requests[${i}].appendDimension: No grid with id: ${JSON.stringify(sheetId)}`);
      const dimension = spec.dimension;
      if (dimension !== 'ROWS' && dimension !== 'COLUMNS') throw badRequest(`Invalid requests[${i}].appendDimension: dimension must be ROWS or COLUMNS`);
      const length = spec.length;
      if (typeof length !== 'number' || !Number.isInteger(length) || length <= 0) throw badRequest(`Invalid requests[${i}].appendDimension: length must be > 0`);
      plan.push({ tab, dimension, length });
    });
    // Validate the whole batch against the limits before growing anything.
    const grown = new Map<Tab, { rows: number; columns: number }>();
    for (const { tab, dimension, length } of plan) {
      const size = grown.get(tab) ?? { rows: tab.rowCount, columns: tab.columnCount };
      if (dimension === 'ROWS') size.rows += length;
      else size.columns += length;
      if (size.columns > MAX_COLUMNS) throw badRequest(`Invalid requests: This action would increase the number of columns in sheet ${tab.title} above the limit of ${MAX_COLUMNS}.`);
      grown.set(tab, size);
    }
    const total = this.tabs.reduce((sum, t) => {
      const size = grown.get(t) ?? { rows: t.rowCount, columns: t.columnCount };
      return sum + size.rows * size.columns;
    }, 0);
    if (total > MAX_CELLS) throw badRequest(`Invalid requests: This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    for (const [tab, size] of grown) {
      tab.rowCount = size.rows;
      tab.columnCount = size.columns;
    }
    return { spreadsheetId: this.spreadsheetId, replies: plan.map(() => ({})) };
  }

  // ------------------------------------------------------------------------------ values.batchGet

  private batchGet(query: Query): unknown {
    checkParams(query, ['ranges', 'majorDimension', 'valueRenderOption', 'dateTimeRenderOption'], 'values.batchGet');
    const render = renderOption(singleParam(query, 'valueRenderOption'), 'value_render_option');
    dateTimeOption(singleParam(query, 'dateTimeRenderOption'), 'date_time_render_option');
    const major = dimensionOption(query);
    const ranges = listParam(query, 'ranges');
    if (ranges.length === 0) return { spreadsheetId: this.spreadsheetId };
    return { spreadsheetId: this.spreadsheetId, valueRanges: ranges.map((range) => this.read(range, render, major)) };
  }

  private read(raw: string, render: RenderOption, major: Dimension): unknown {
    const { tab, span } = this.resolve(raw);
    const r0 = span?.r0 ?? 1;
    const c0 = span?.c0 ?? 1;
    if (r0 > tab.rowCount || c0 > tab.columnCount) throw badRequest(exceedsMessage(raw, tab));
    const r1 = Math.min(span ? (span.single ? r0 : (span.r1 ?? tab.rowCount)) : tab.rowCount, tab.rowCount);
    const c1 = Math.min(span ? (span.single ? c0 : (span.c1 ?? tab.columnCount)) : tab.columnCount, tab.columnCount);
    return valueRange(tab, r0, c0, r1, c1, render, major);
  }

  // ------------------------------------------------------------------------------ values.batchUpdate

  private valuesBatchUpdate(query: Query, body: unknown): unknown {
    checkParams(query, [], 'values.batchUpdate');
    const request = objectBody(body, ['valueInputOption', 'data', 'includeValuesInResponse', 'responseValueRenderOption', 'responseDateTimeRenderOption']);
    const input = inputOption(request.valueInputOption);
    const responseRender = renderOption(optionalString(request.responseValueRenderOption, 'response_value_render_option'), 'response_value_render_option');
    dateTimeOption(optionalString(request.responseDateTimeRenderOption, 'response_date_time_render_option'), 'response_date_time_render_option');
    if (request.includeValuesInResponse !== undefined && typeof request.includeValuesInResponse !== 'boolean') {
      throw badRequest(`Invalid value at 'include_values_in_response' (TYPE_BOOL), ${JSON.stringify(request.includeValuesInResponse)}`);
    }
    const data = request.data ?? [];
    if (!Array.isArray(data)) throw badRequest(`Invalid value at 'data' (type.googleapis.com/google.apps.sheets.v4.ValueRange), ${JSON.stringify(data)}`);
    const writes = data.map((entry: unknown, i) => this.planWrite(entry, `data[${i}]`, input));
    const responses = writes.map((write) => {
      this.apply(write);
      const response: Record<string, unknown> = { spreadsheetId: this.spreadsheetId, ...write.stats };
      if (request.includeValuesInResponse === true) response.updatedData = this.updatedData(write, responseRender);
      return response;
    });
    const sheets = new Set(writes.filter((w) => w.stats.updatedCells > 0).map((w) => w.tab));
    return omitZero({
      spreadsheetId: this.spreadsheetId,
      totalUpdatedRows: writes.reduce((n, w) => n + w.stats.updatedRows, 0),
      totalUpdatedColumns: writes.reduce((n, w) => n + w.stats.updatedColumns, 0),
      totalUpdatedCells: writes.reduce((n, w) => n + w.stats.updatedCells, 0),
      totalUpdatedSheets: sheets.size,
      responses: responses.map(omitZero),
    });
  }

  /** Parses and checks one ValueRange to write; nothing is changed yet. */
  private planWrite(entry: unknown, at: string, input: 'RAW' | 'USER_ENTERED'): Write {
    if (!isRecord(entry)) throw badRequest(`Invalid value at '${at}' (type.googleapis.com/google.apps.sheets.v4.ValueRange), ${JSON.stringify(entry)}`);
    for (const key of Object.keys(entry)) {
      if (!['range', 'values', 'majorDimension'].includes(key)) throw badRequest(`Invalid JSON payload received. Unknown name "${key}" at '${at}': Cannot find field.`);
    }
    const raw = entry.range;
    if (typeof raw !== 'string' || raw === '') throw badRequest(`Invalid ${at}: range is required`);
    const { tab, span } = this.resolve(raw);
    const matrix = toMatrix(entry.values, entry.majorDimension, at, input);
    const r0 = span?.r0 ?? 1;
    const c0 = span?.c0 ?? 1;
    const height = matrix.length;
    const width = Math.max(0, ...matrix.map((row) => row.length));
    if (span && !span.single) {
      if (span.r1 !== undefined && height > span.r1 - r0 + 1) {
        throw badRequest(`Requested writing within range [${raw}], but tried writing to row [${span.r1 + 1}]`);
      }
      if (span.c1 !== undefined && width > span.c1 - c0 + 1) {
        throw badRequest(`Requested writing within range [${raw}], but tried writing to column [${columnName(span.c1 + 1)}]`);
      }
    }
    checkGrid(tab, r0, c0, height, width);
    return { tab, r0, c0, matrix, stats: writeStats(tab, r0, c0, matrix) };
  }

  private apply(write: Write): void {
    write.matrix.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value !== null) setCell(write.tab, write.r0 - 1 + i, write.c0 - 1 + j, value);
      }),
    );
  }

  private updatedData(write: Write, render: RenderOption): unknown {
    const height = Math.max(1, write.matrix.length);
    const width = Math.max(1, ...write.matrix.map((row) => row.length));
    return valueRange(write.tab, write.r0, write.c0, write.r0 + height - 1, write.c0 + width - 1, render, 'ROWS');
  }

  // ------------------------------------------------------------------------------ values.append

  private append(raw: string, query: Query, body: unknown): unknown {
    checkParams(
      query,
      ['valueInputOption', 'insertDataOption', 'includeValuesInResponse', 'responseValueRenderOption', 'responseDateTimeRenderOption'],
      'values.append',
    );
    const input = inputOption(singleParam(query, 'valueInputOption'));
    const insert = singleParam(query, 'insertDataOption') ?? 'OVERWRITE';
    if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS') {
      throw badRequest(`Invalid value at 'insert_data_option' (type.googleapis.com/google.apps.sheets.v4.InsertDataOption), "${insert}"`);
    }
    const includeValues = boolParam(query, 'includeValuesInResponse');
    const responseRender = renderOption(singleParam(query, 'responseValueRenderOption'), 'response_value_render_option');
    dateTimeOption(singleParam(query, 'responseDateTimeRenderOption'), 'response_date_time_render_option');
    const entry = objectBody(body ?? {}, ['range', 'values', 'majorDimension']);
    if (entry.range !== undefined && entry.range !== raw) {
      throw badRequest(`Invalid ValueRange: range ${JSON.stringify(entry.range)} does not match the request range [${raw}]`);
    }
    const { tab, span } = this.resolve(raw);
    const matrix = toMatrix(entry.values, entry.majorDimension, 'values', input);
    const r0 = span?.r0 ?? 1;
    const c0 = span?.c0 ?? 1;
    if (r0 > tab.rowCount || c0 > tab.columnCount) throw badRequest(exceedsMessage(raw, tab));
    const cLast = Math.min(span && !span.single && span.c1 !== undefined ? span.c1 : tab.columnCount, tab.columnCount);

    // "The table": every row from the first to the last one with data in the range's columns.
    let first: number | undefined;
    let last: number | undefined;
    let tableC0 = Number.POSITIVE_INFINITY;
    let tableC1 = 0;
    for (let r = r0; r <= tab.rowCount; r += 1) {
      for (let c = c0; c <= cLast; c += 1) {
        if (cellAt(tab, r - 1, c - 1) !== '') {
          first ??= r;
          last = r;
          tableC0 = Math.min(tableC0, c);
          tableC1 = Math.max(tableC1, c);
        }
      }
    }
    const at = last === undefined ? r0 : last + 1;
    const col = last === undefined ? c0 : tableC0;
    const height = matrix.length;
    const width = Math.max(0, ...matrix.map((row) => row.length));
    // Rows grow as needed, columns never do.
    checkGrid({ ...tab, rowCount: Number.MAX_SAFE_INTEGER }, at, col, height, width, tab);
    if (height > 0) {
      const rowCount = insert === 'INSERT_ROWS' ? tab.rowCount + height : Math.max(tab.rowCount, at + height - 1);
      const cells = this.tabs.reduce((sum, t) => sum + (t === tab ? rowCount : t.rowCount) * t.columnCount, 0);
      if (cells > MAX_CELLS) throw badRequest(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
      if (insert === 'INSERT_ROWS') tab.cells.splice(at - 1, 0, ...matrix.map((): SheetCell[] => []));
      tab.rowCount = rowCount;
    }
    const write: Write = { tab, r0: at, c0: col, matrix, stats: writeStats(tab, at, col, matrix) };
    this.apply(write);
    const updates: Record<string, unknown> = { spreadsheetId: this.spreadsheetId, ...write.stats };
    if (includeValues) updates.updatedData = this.updatedData(write, responseRender);
    const response: Record<string, unknown> = { spreadsheetId: this.spreadsheetId };
    if (first !== undefined && last !== undefined) response.tableRange = formatRange(tab.title, first, tableC0, last, tableC1);
    response.updates = omitZero(updates);
    return response;
  }

  // ------------------------------------------------------------------------------ A1 ranges

  /** Finds the tab and bounds an A1 range names; 400 "Unable to parse range" like the real API. */
  private resolve(raw: string): { tab: Tab; span: Span | undefined } {
    const unable = (): ApiError => badRequest(`Unable to parse range: ${raw}`);
    const parsed = splitRange(raw);
    if (!parsed) throw unable();
    const tab = this.findTab(parsed.title);
    if (!tab) {
      // A bare "A1:B2" means the first sheet, as in the real API.
      const span = !parsed.quoted && parsed.cells === undefined ? parseSpan(raw) : undefined;
      const first = this.tabs[0];
      if (span && first) return { tab: first, span };
      throw unable();
    }
    if (parsed.cells === undefined) return { tab, span: undefined };
    const span = parseSpan(parsed.cells);
    if (!span) throw unable();
    return { tab, span };
  }

  private findTab(title: string): Tab | undefined {
    return this.tabs.find((t) => t.title === title) ?? this.tabs.find((t) => t.title.toLowerCase() === title.toLowerCase());
  }
}

interface WriteStats {
  updatedRange: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
}

interface Write {
  tab: Tab;
  r0: number;
  c0: number;
  matrix: (SheetCell | null)[][];
  stats: WriteStats;
}

// ------------------------------------------------------------------------------ helpers: cells

function checkCell(cell: SheetCell): SheetCell {
  if (typeof cell === 'string' || typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`Fake Sheets: ${cell} cannot be stored in a cell`);
    return cell;
  }
  if (isRecord(cell) && typeof cell.formula === 'string') return { formula: cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}` };
  throw new Error(`Fake Sheets: not a cell value: ${JSON.stringify(cell)}`);
}

function copyCell(cell: SheetCell): SheetCell {
  return typeof cell === 'object' ? { formula: cell.formula } : cell;
}

function trimRow<T>(row: T[]): T[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === '' || row[end - 1] === undefined)) end -= 1;
  return Array.from({ length: end }, (_, i) => row[i] ?? ('' as T));
}

function cellAt(tab: Tab, r: number, c: number): SheetCell {
  return tab.cells[r]?.[c] ?? '';
}

function setCell(tab: Tab, r: number, c: number, value: SheetCell): void {
  while (tab.cells.length <= r) tab.cells.push([]);
  const row = tab.cells[r] ?? [];
  while (row.length < c) row.push('');
  row[c] = value;
}

/** How a cell reads under a value render option. */
function render(cell: SheetCell, option: RenderOption): string | number | boolean {
  if (typeof cell === 'object') return option === 'FORMULA' ? cell.formula : '#FORMULA';
  if (option !== 'FORMATTED_VALUE') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell).replace('.', ','); // General format, id_ID locale
  return cell;
}

/**
 * USER_ENTERED parsing: formulas, integers (leading zeros lost, as in Sheets), TRUE/FALSE, and the
 * apostrophe that keeps text text. Strings whose reading depends on the id_ID locale (decimals,
 * grouping, percentages, dates, times) are answered 501 rather than guessed.
 */
function userEntered(value: string): SheetCell {
  if (value === '') return value;
  if (value.startsWith("'")) return value.slice(1);
  if (value.startsWith('=') && value.length > 1) return { formula: value };
  if (/^[+-]?\d+$/.test(value)) return Number(value);
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^[+-]?[\d.,]*\d[\d.,]*%?$/.test(value) || /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(value) || /^\d{1,2}:\d{2}(:\d{2})?$/.test(value)) {
    throw notImplemented(`USER_ENTERED parsing of ${JSON.stringify(value)} (it depends on the id_ID locale)`);
  }
  return value;
}

function valueRange(tab: Tab, r0: number, c0: number, r1: number, c1: number, option: RenderOption, major: Dimension): Record<string, unknown> {
  const outer = major === 'ROWS' ? [r0, r1] : [c0, c1];
  const inner = major === 'ROWS' ? [c0, c1] : [r0, r1];
  const values: (string | number | boolean)[][] = [];
  for (let a = outer[0] ?? 0; a <= (outer[1] ?? -1); a += 1) {
    const line: SheetCell[] = [];
    for (let b = inner[0] ?? 0; b <= (inner[1] ?? -1); b += 1) line.push(major === 'ROWS' ? cellAt(tab, a - 1, b - 1) : cellAt(tab, b - 1, a - 1));
    values.push(trimRow(line).map((cell) => render(cell, option)));
  }
  while (values.length > 0 && values[values.length - 1]?.length === 0) values.pop();
  const result: Record<string, unknown> = { range: formatRange(tab.title, r0, c0, r1, c1), majorDimension: major };
  if (values.length > 0) result.values = values;
  return result;
}

/** The cells a ValueRange writes, converted by the value input option; null leaves a cell alone. */
function toMatrix(values: unknown, majorDimension: unknown, at: string, input: 'RAW' | 'USER_ENTERED'): (SheetCell | null)[][] {
  if (majorDimension !== undefined && majorDimension !== 'ROWS' && majorDimension !== 'COLUMNS' && majorDimension !== 'DIMENSION_UNSPECIFIED') {
    throw badRequest(`Invalid value at '${at}.major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), ${JSON.stringify(majorDimension)}`);
  }
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw badRequest(`Invalid value at '${at}.values' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(values)}`);
  const rows = values.map((row: unknown, i) => {
    if (!Array.isArray(row)) throw badRequest(`Invalid value at '${at}.values[${i}]' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(row)}`);
    return row.map((cell: unknown, j): SheetCell | null => {
      if (typeof cell === 'string') return input === 'USER_ENTERED' ? userEntered(cell) : cell;
      if (cell === null || typeof cell === 'boolean') return cell;
      if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
      throw badRequest(`Invalid values[${i}][${j}]: ${typeof cell === 'object' ? 'struct_value' : 'value'} ${JSON.stringify(cell)}`);
    });
  });
  if (majorDimension !== 'COLUMNS') return rows;
  const height = Math.max(0, ...rows.map((column) => column.length));
  return Array.from({ length: height }, (_, r) => {
    const row = rows.map((column) => (r < column.length ? (column[r] ?? null) : null));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
}

function writeStats(tab: Tab, r0: number, c0: number, matrix: (SheetCell | null)[][]): WriteStats {
  const height = Math.max(1, matrix.length);
  const width = Math.max(1, ...matrix.map((row) => row.length));
  const rows = new Set<number>();
  const columns = new Set<number>();
  let cells = 0;
  matrix.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value === null) return;
      rows.add(i);
      columns.add(j);
      cells += 1;
    }),
  );
  return { updatedRange: formatRange(tab.title, r0, c0, r0 + height - 1, c0 + width - 1), updatedRows: rows.size, updatedColumns: columns.size, updatedCells: cells };
}

/** Refuses a write of height x width at (r0, c0) that leaves the grid; names the part outside it. */
function checkGrid(tab: Tab, r0: number, c0: number, height: number, width: number, limits: Tab = tab): void {
  const r1 = r0 + Math.max(1, height) - 1;
  const c1 = c0 + Math.max(1, width) - 1;
  if (r1 <= tab.rowCount && c1 <= tab.columnCount) return;
  const outside =
    r1 > tab.rowCount
      ? formatRange(tab.title, Math.max(r0, tab.rowCount + 1), c0, r1, c1)
      : formatRange(tab.title, r0, Math.max(c0, tab.columnCount + 1), r1, c1);
  throw badRequest(`Range (${outside}) exceeds grid limits. Max rows: ${limits.rowCount}, max columns: ${limits.columnCount}`);
}

function exceedsMessage(raw: string, tab: Tab): string {
  return `Range (${raw}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`;
}

// ------------------------------------------------------------------------------ helpers: A1 notation

/** Splits `'Tab name'!A1:B2` / `Tab!A:A` / `Tab` into title and cell part; undefined if malformed. */
function splitRange(raw: string): { title: string; cells: string | undefined; quoted: boolean } | undefined {
  if (raw.startsWith("'")) {
    let title = '';
    let i = 1;
    for (;;) {
      if (i >= raw.length) return undefined;
      const ch = raw[i];
      if (ch === "'") {
        if (raw[i + 1] === "'") {
          title += "'";
          i += 2;
          continue;
        }
        i += 1;
        break;
      }
      title += ch;
      i += 1;
    }
    if (i === raw.length) return { title, cells: undefined, quoted: true };
    if (raw[i] !== '!') return undefined;
    return { title, cells: raw.slice(i + 1), quoted: true };
  }
  const bang = raw.lastIndexOf('!');
  if (bang === 0) return undefined;
  if (bang < 0) return { title: raw, cells: undefined, quoted: false };
  return { title: raw.slice(0, bang), cells: raw.slice(bang + 1), quoted: false };
}

/** Parses `A1`, `A1:B2`, `A:C`, `2:5`, `A2:C` (1-based, normalised so start <= end). */
function parseSpan(cells: string): Span | undefined {
  const m = /^([A-Za-z]{0,3})(\d*)(?::([A-Za-z]{0,3})(\d*))?$/.exec(cells);
  if (!m) return undefined;
  const [, sc = '', sr = '', ec, er] = m;
  const num = (s: string | undefined): number | undefined => (s ? Number(s) : undefined);
  const col = (s: string | undefined): number | undefined => (s ? columnNumber(s) : undefined);
  let c0 = col(sc);
  let r0 = num(sr);
  if (r0 === 0 || num(er) === 0) return undefined;
  if (ec === undefined) {
    if (c0 === undefined || r0 === undefined) return undefined;
    return { r0, c0, r1: r0, c1: c0, single: true };
  }
  let c1 = col(ec);
  let r1 = num(er);
  if (c0 === undefined && r0 === undefined) return undefined;
  if (c1 === undefined && r1 === undefined) return undefined;
  if ((c0 === undefined) !== (c1 === undefined)) return undefined; // "2:C5", "A1:5"
  if (c0 === undefined && r1 === undefined) return undefined;
  if (c0 !== undefined && c1 !== undefined && c0 > c1) [c0, c1] = [c1, c0];
  if (r0 !== undefined && r1 !== undefined && r0 > r1) [r0, r1] = [r1, r0];
  return { r0: r0 ?? 1, c0: c0 ?? 1, r1, c1, single: false };
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/** A title as it appears in a range the API answers: quoted only when it has to be. */
function quoteTitle(title: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title) && !/^[Rr]\d*[Cc]\d*$/.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

function formatRange(title: string, r0: number, c0: number, r1: number, c1: number): string {
  const start = `${columnName(c0)}${r0}`;
  return r0 === r1 && c0 === c1 ? `${quoteTitle(title)}!${start}` : `${quoteTitle(title)}!${start}:${columnName(c1)}${r1}`;
}

// ------------------------------------------------------------------------------ helpers: requests

function spreadsheetIdOf(path: string): string | undefined {
  if (!path.startsWith(`${PREFIX}/`)) return undefined;
  const id = /^[^/:?]+/.exec(path.slice(PREFIX.length + 1))?.[0];
  return id === undefined ? undefined : safeDecode(id);
}

function listParam(query: Query, key: string): string[] {
  const v = query[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function singleParam(query: Query, key: string): string | undefined {
  const v = query[key];
  if (Array.isArray(v)) throw badRequest(`Invalid JSON payload received. Parameter '${key}' is not repeated but was given ${v.length} times.`);
  return v;
}

function boolParam(query: Query, key: string): boolean {
  const v = singleParam(query, key);
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw badRequest(`Invalid value at '${key}' (TYPE_BOOL), "${v}"`);
}

function checkParams(query: Query, allowed: string[], method: string): void {
  for (const key of Object.keys(query)) {
    if (allowed.includes(key)) continue;
    if ((key === 'alt' && query[key] === 'json') || key === 'prettyPrint') continue;
    throw notImplemented(`query parameter '${key}' on ${method}`);
  }
}

function renderOption(given: string | undefined, protoName: string): RenderOption {
  const v = given ?? 'FORMATTED_VALUE';
  if (v === 'FORMATTED_VALUE' || v === 'UNFORMATTED_VALUE' || v === 'FORMULA') return v;
  throw badRequest(`Invalid value at '${protoName}' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "${v}"`);
}

function dateTimeOption(given: string | undefined, protoName: string): void {
  const v = given ?? 'SERIAL_NUMBER';
  if (v !== 'SERIAL_NUMBER' && v !== 'FORMATTED_STRING') {
    throw badRequest(`Invalid value at '${protoName}' (type.googleapis.com/google.apps.sheets.v4.DateTimeRenderOption), "${v}"`);
  }
}

function dimensionOption(query: Query): Dimension {
  const v = singleParam(query, 'majorDimension') ?? 'ROWS';
  if (v === 'ROWS' || v === 'DIMENSION_UNSPECIFIED') return 'ROWS';
  if (v === 'COLUMNS') return 'COLUMNS';
  throw badRequest(`Invalid value at 'major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), "${v}"`);
}

function inputOption(v: unknown): 'RAW' | 'USER_ENTERED' {
  if (v === 'RAW' || v === 'USER_ENTERED') return v;
  if (v === undefined || v === null || v === 'INPUT_VALUE_OPTION_UNSPECIFIED') throw badRequest('Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED');
  throw badRequest(`Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), ${JSON.stringify(v)}`);
}

function optionalString(v: unknown, protoName: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`Invalid value at '${protoName}', ${JSON.stringify(v)}`);
  return v;
}

function objectBody(body: unknown, fields: string[]): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isRecord(body)) throw badRequest(`Invalid JSON payload received. Expected an object.`);
  for (const key of Object.keys(body)) {
    if (!fields.includes(key)) throw badRequest(`Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
  }
  return body;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Drops zero counts, as proto3 JSON does. */
function omitZero(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== 0));
}

function injectedMessage(status: number, method: string): string {
  if (status === 429) {
    const kind = method === 'GET' ? 'Read' : 'Write';
    return `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`;
  }
  if (status === 500) return 'Internal error encountered.';
  if (status === 503) return 'The service is currently unavailable.';
  if (status === 504) return 'The request timed out. Please try again.';
  return `Fake Sheets: failure injected by failNext(${status})`;
}

function json(status: number, body: unknown): Reply {
  return [status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=UTF-8' }];
}
