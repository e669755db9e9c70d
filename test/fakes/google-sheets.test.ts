// Drives the Sheets fake with the real @googleapis/sheets client, so what is asserted here is what
// the real client sends and what it makes of the fake's answers.
import { sheets } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import nock from 'nock';
import { failure } from './http.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeSheets, type SheetsFake } from './google-sheets.js';

const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'test-token' });
/** No retries, so a failure is seen once. */
const api = sheets({ version: 'v4', auth, retryConfig: { retry: 0 } });

let fake: SheetsFake;
let id: string;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  fake = fakeSheets();
  id = fake.spreadsheetId;
});
afterEach(() => fake.close());


function googleError(code: number, status: string, message?: string | RegExp): unknown {
  const text: unknown = message instanceof RegExp ? expect.stringMatching(message) : (message ?? expect.any(String));
  return { error: { code, status, message: text } };
}

async function read(ranges: string[], options: { valueRenderOption?: string; majorDimension?: string } = {}) {
  const res = await api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges, ...options });
  return res.data.valueRanges ?? [];
}

describe('spreadsheets.get', () => {
  it('answers the tabs with their grid size, in the id_ID locale and Jakarta time zone', async () => {
    fake.setTab('Register', [['nomor']]);
    fake.setTab('Pengaturan', [], { rows: 50, columns: 5 });
    const res = await api.spreadsheets.get({ spreadsheetId: id, fields: 'properties,sheets.properties', includeGridData: false });
    expect(res.data.properties).toMatchObject({ locale: 'id_ID', timeZone: 'Asia/Jakarta' });
    expect(res.data.sheets?.map((s) => s.properties)).toEqual([
      { sheetId: 0, title: 'Register', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } },
      { sheetId: expect.any(Number) as unknown, title: 'Pengaturan', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 50, columnCount: 5 } },
    ]);
    expect(fake.requests).toEqual([
      { method: 'GET', path: `/v4/spreadsheets/${id}`, query: { fields: 'properties,sheets.properties', includeGridData: 'false' }, body: undefined, status: 200 },
    ]);
  });

  it('refuses includeGridData=true loudly', async () => {
    fake.setTab('Register', []);
    const { status } = await failure(api.spreadsheets.get({ spreadsheetId: id, includeGridData: true }));
    expect(status).toBe(501);
    expect(fake.unexpected).toEqual([expect.stringContaining('includeGridData=true')]);
  });

  it('answers 404 NOT_FOUND for a spreadsheet it does not hold', async () => {
    const { status, body } = await failure(api.spreadsheets.get({ spreadsheetId: 'nope' }));
    expect(status).toBe(404);
    expect(body).toEqual(googleError(404, 'NOT_FOUND', 'Requested entity was not found.'));
  });
});

describe('the test-side API', () => {
  it('grows the grid to fit setTab rows and trims what tab() answers', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [i, '', '']);
    fake.setTab('Besar', [...rows, ['', '', ''], []], { columns: 2 });
    expect(fake.grid('Besar')).toEqual({ rows: 1202, columns: 3 });
    expect(fake.tab('Besar')).toHaveLength(1200);
    expect(fake.tab('Besar')[0]).toEqual([0]);
    expect(() => fake.tab('Nope')).toThrow(/no tab 'Nope'/);
  });
});

describe('values.batchGet', () => {
  beforeEach(() => {
    fake.setTab('Register', [
      ['nomor', 'nama', 'catatan'],
      [1, 'Budi', ''],
      ['', '', ''],
      [2, 'Sari', 'x'],
      ['', '', ''],
    ]);
    fake.setTab("Bu's tab", [['a', 'b', 'c'], ['d', 'e', 'f']]);
  });

  it('answers every range form clipped to the grid, which is how callers learn the grid size', async () => {
    const ranges = await read(['Register', "'Bu''s tab'!A1:B2", 'Register!A:A', 'Register!A:C', 'Register!1:1', 'Register!2:5', 'Register!A2:C', 'Register!B5', "'Register'!C1:A2"]);
    expect(ranges.map((r) => r.range)).toEqual([
      'Register!A1:Z1000',
      "'Bu''s tab'!A1:B2",
      'Register!A1:A1000',
      'Register!A1:C1000',
      'Register!A1:Z1',
      'Register!A2:Z5',
      'Register!A2:C1000',
      'Register!B5',
      'Register!A1:C2',
    ]);
    expect(ranges.every((r) => r.majorDimension === 'ROWS')).toBe(true);
    // The client repeats `ranges=` for an array.
    expect(fake.requests[0]?.query.ranges).toHaveLength(9);
    expect(fake.requests[0]?.path).toBe(`/v4/spreadsheets/${id}/values:batchGet`);
  });

  it('omits trailing empty cells and rows, keeps inner empty rows, and leaves values out when all empty', async () => {
    const [whole, b5, column] = await read(['Register', 'Register!B5', 'Register!C1:C3']);
    expect(whole?.values).toEqual([['nomor', 'nama', 'catatan'], ['1', 'Budi'], [], ['2', 'Sari', 'x']]);
    expect(b5).toEqual({ range: 'Register!B5', majorDimension: 'ROWS' });
    expect(column?.values).toEqual([['catatan']]);
  });

  it('renders numbers, booleans and formulas by valueRenderOption', async () => {
    fake.setTab('T', [[1.5, true, { formula: '=A1*2' }, '007', 'text']]);
    const formatted = await read(['T!A1:E1']);
    const unformatted = await read(['T!A1:E1'], { valueRenderOption: 'UNFORMATTED_VALUE' });
    const formula = await read(['T!A1:E1'], { valueRenderOption: 'FORMULA' });
    expect(formatted[0]?.values).toEqual([['1,5', 'TRUE', '#FORMULA', '007', 'text']]);
    expect(unformatted[0]?.values).toEqual([[1.5, true, '#FORMULA', '007', 'text']]);
    expect(formula[0]?.values).toEqual([[1.5, true, '=A1*2', '007', 'text']]);
    const dated = await api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['T'], dateTimeRenderOption: 'FORMATTED_STRING' });
    expect(dated.status).toBe(200);
    const bad = await failure(read(['T'], { valueRenderOption: 'PRETTY' }));
    expect(bad.body).toEqual(googleError(400, 'INVALID_ARGUMENT', /value_render_option.*"PRETTY"/));
  });

  it('answers columns first with majorDimension=COLUMNS', async () => {
    const [r] = await read(['Register!A1:C4'], { majorDimension: 'COLUMNS' });
    expect(r).toEqual({ range: 'Register!A1:C4', majorDimension: 'COLUMNS', values: [['nomor', '1', '', '2'], ['nama', 'Budi', '', 'Sari'], ['catatan', '', '', 'x']] });
  });

  it('answers 400 for a missing sheet, an unparsable range and a range wholly outside the grid', async () => {
    expect(await failure(read(['Nope!A1']))).toEqual({ status: 400, body: googleError(400, 'INVALID_ARGUMENT', 'Unable to parse range: Nope!A1') });
    expect((await failure(read(['Register!A0']))).body).toEqual(googleError(400, 'INVALID_ARGUMENT', 'Unable to parse range: Register!A0'));
    expect((await failure(read(['Register!A1001:B1002']))).body).toEqual(
      googleError(400, 'INVALID_ARGUMENT', 'Range (Register!A1001:B1002) exceeds grid limits. Max rows: 1000, max columns: 26'),
    );
    const [clipped] = await read(['Register!Y999:AD1200']);
    expect(clipped?.range).toBe('Register!Y999:Z1000');
  });

  it('reads a bare A1 range from the first sheet, as the real API does', async () => {
    const [r] = await read(['A1:B1']);
    expect(r).toEqual({ range: 'Register!A1:B1', majorDimension: 'ROWS', values: [['nomor', 'nama']] });
  });

  it('answers no valueRanges when no range is asked for', async () => {
    const res = await api.spreadsheets.values.batchGet({ spreadsheetId: id });
    expect(res.data).toEqual({ spreadsheetId: id });
  });
});

describe('values.batchUpdate', () => {
  beforeEach(() => fake.setTab('Register', [['nomor', 'nama'], [1, 'Budi']]));

  it('stores RAW strings literally and parses USER_ENTERED ones', async () => {
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'Register!A3:D3', values: [['=1+1', '42', 3, true]] }] },
    });
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'USER_ENTERED', data: [{ range: 'Register!A4:F4', values: [['=1+1', '42', '007', "'007", 'true', 'No. 7/2025']] }] },
    });
    expect(fake.tab('Register').slice(2)).toEqual([
      ['=1+1', '42', 3, true],
      [{ formula: '=1+1' }, 42, 7, '007', true, 'No. 7/2025'],
    ]);
  });

  it('refuses loudly to guess how the id_ID locale reads a USER_ENTERED decimal or date, and writes nothing', async () => {
    for (const text of ['2,5', '1.000', '50%', '06/01/2025', '08:30']) {
      const res = await failure(
        api.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'USER_ENTERED', data: [{ range: 'Register!A3:B3', values: [['ok', text]] }] } }),
      );
      expect(res.status, text).toBe(501);
    }
    expect(fake.unexpected).toHaveLength(5);
    expect(fake.tab('Register')).toEqual([['nomor', 'nama'], [1, 'Budi']]);
  });

  it('skips null cells, clears empty strings, and answers the updated ranges and totals', async () => {
    const res = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: 'Register!A2', values: [[null, ''], [2, 'Sari']] },
          { range: 'Register!D1:D1', values: [['x']] },
        ],
      },
    });
    expect(fake.tab('Register')).toEqual([['nomor', 'nama', '', 'x'], [1], [2, 'Sari']]);
    expect(res.data).toEqual({
      spreadsheetId: id,
      totalUpdatedRows: 3,
      totalUpdatedColumns: 3,
      totalUpdatedCells: 4,
      totalUpdatedSheets: 1,
      responses: [
        { spreadsheetId: id, updatedRange: 'Register!A2:B3', updatedRows: 2, updatedColumns: 2, updatedCells: 3 },
        { spreadsheetId: id, updatedRange: 'Register!D1', updatedRows: 1, updatedColumns: 1, updatedCells: 1 },
      ],
    });
    expect(fake.requests[0]?.body).toMatchObject({ valueInputOption: 'RAW' });
  });

  it('answers the written values when includeValuesInResponse is set', async () => {
    const res = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'USER_ENTERED', includeValuesInResponse: true, responseValueRenderOption: 'UNFORMATTED_VALUE', data: [{ range: 'Register!A3', values: [['7', 'x']] }] },
    });
    expect(res.data.responses?.[0]?.updatedData).toEqual({ range: 'Register!A3:B3', majorDimension: 'ROWS', values: [[7, 'x']] });
  });

  it('writes columns first with majorDimension=COLUMNS', async () => {
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'Register!C1:D2', majorDimension: 'COLUMNS', values: [['c1', 'c2'], ['d1']] }] },
    });
    expect(fake.tab('Register')).toEqual([['nomor', 'nama', 'c1', 'd1'], [1, 'Budi', 'c2']]);
  });

  it('answers 400 without a valueInputOption', async () => {
    const missing = await failure(api.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { data: [{ range: 'Register!A1', values: [['x']] }] } }));
    expect(missing).toEqual({ status: 400, body: googleError(400, 'INVALID_ARGUMENT', 'Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED') });
    const unspecified = await failure(
      api.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'INPUT_VALUE_OPTION_UNSPECIFIED', data: [] } }),
    );
    expect(unspecified.status).toBe(400);
    expect(fake.tab('Register')).toEqual([['nomor', 'nama'], [1, 'Budi']]);
  });

  it('refuses values that overflow their range, and writes nothing of the batch', async () => {
    const wide = await failure(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'Register!A5', values: [['first entry is fine']] },
            { range: 'Register!A2:B2', values: [[1, 2, 3]] },
          ],
        },
      }),
    );
    expect(wide.body).toEqual(googleError(400, 'INVALID_ARGUMENT', 'Requested writing within range [Register!A2:B2], but tried writing to column [C]'));
    const long = await failure(
      api.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'RAW', data: [{ range: 'Register!A2:B2', values: [[1], [2]] }] } }),
    );
    expect(long.body).toEqual(googleError(400, 'INVALID_ARGUMENT', 'Requested writing within range [Register!A2:B2], but tried writing to row [3]'));
    expect(fake.tab('Register')).toEqual([['nomor', 'nama'], [1, 'Budi']]);
  });

  it('refuses to write outside the grid and does not grow it', async () => {
    fake.setTab('Small tab', [], { rows: 1000, columns: 26 });
    const below = await failure(
      api.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'RAW', data: [{ range: "'Small tab'!A1001", values: [['x']] }] } }),
    );
    expect(below).toEqual({
      status: 400,
      body: googleError(400, 'INVALID_ARGUMENT', "Range ('Small tab'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26"),
    });
    const spill = await failure(
      api.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'RAW', data: [{ range: 'Register!A999', values: [['a'], ['b'], ['c']] }] } }),
    );
    expect(spill.body).toEqual(googleError(400, 'INVALID_ARGUMENT', 'Range (Register!A1001) exceeds grid limits. Max rows: 1000, max columns: 26'));
    const right = await failure(
      api.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'RAW', data: [{ range: 'Register!Y1', values: [['y', 'z', 'aa']] }] } }),
    );
    expect(right.body).toEqual(googleError(400, 'INVALID_ARGUMENT', 'Range (Register!AA1) exceeds grid limits. Max rows: 1000, max columns: 26'));
    expect(fake.grid('Register')).toEqual({ rows: 1000, columns: 26 });
    expect(fake.tab('Register')).toEqual([['nomor', 'nama'], [1, 'Budi']]);
  });

  it('answers 400 for unknown body fields, as the real API does', async () => {
    const res = await failure(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: { valueInputOption: 'RAW', data: [{ range: 'Register!A1', values: [['x']] }], valueInputOptions: 'RAW' } as never,
      }),
    );
    expect(res.body).toEqual(googleError(400, 'INVALID_ARGUMENT', /Unknown name "valueInputOptions"/));
  });
});

describe('values.append', () => {
  beforeEach(() => fake.setTab('Register', [['nomor', 'nama'], [1, 'Budi'], [2, 'Sari']], { rows: 3, columns: 3 }));

  it('appends after the last non-empty row of the table and grows the rows of the grid', async () => {
    const res = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Register!A1',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [[3, 'Tono']] },
    });
    expect(res.data).toEqual({
      spreadsheetId: id,
      tableRange: 'Register!A1:B3',
      updates: { spreadsheetId: id, updatedRange: 'Register!A4:B4', updatedRows: 1, updatedColumns: 2, updatedCells: 2 },
    });
    expect(fake.tab('Register')).toEqual([['nomor', 'nama'], [1, 'Budi'], [2, 'Sari'], [3, 'Tono']]);
    expect(fake.grid('Register')).toEqual({ rows: 4, columns: 3 });
    // The range travels in the path, percent-encoded; the verb follows a literal ':'.
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: `/v4/spreadsheets/${id}/values/Register!A1:append`, query: { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' } });
  });

  it('overwrites empty rows below the table, starting at its first column', async () => {
    fake.setTab('Log', [['', 'waktu'], ['', 'a'], [], ['', 'b']]);
    const res = await api.spreadsheets.values.append({ spreadsheetId: id, range: "'Log'!A:C", valueInputOption: 'USER_ENTERED', requestBody: { values: [['c', '=B4']] } });
    expect(res.data.tableRange).toBe('Log!B1:B4');
    expect(res.data.updates?.updatedRange).toBe('Log!B5:C5');
    expect(fake.tab('Log')[4]).toEqual(['', 'c', { formula: '=B4' }]);
    expect(fake.grid('Log')).toEqual({ rows: 1000, columns: 26 });
  });

  it('grows the grid when overwriting past its last row', async () => {
    const res = await api.spreadsheets.values.append({ spreadsheetId: id, range: 'Register!A:B', valueInputOption: 'RAW', requestBody: { values: [[3, 'Tono'], [4, 'Rina']] } });
    expect(res.data.updates?.updatedRange).toBe('Register!A4:B5');
    expect(fake.grid('Register')).toEqual({ rows: 5, columns: 3 });
  });

  it('never grows columns', async () => {
    const res = await failure(api.spreadsheets.values.append({ spreadsheetId: id, range: 'Register', valueInputOption: 'RAW', requestBody: { values: [[3, 'Tono', 'x', 'y']] } }));
    expect(res.body).toEqual(googleError(400, 'INVALID_ARGUMENT', 'Range (Register!D4) exceeds grid limits. Max rows: 3, max columns: 3'));
    expect(fake.grid('Register')).toEqual({ rows: 3, columns: 3 });
  });

  it('answers 400 without a valueInputOption', async () => {
    const res = await failure(api.spreadsheets.values.append({ spreadsheetId: id, range: 'Register', requestBody: { values: [[3]] } }));
    expect(res.status).toBe(400);
  });
});

describe('spreadsheets.batchUpdate', () => {
  beforeEach(() => fake.setTab('Register', [['nomor']]));

  it('grows the grid with appendDimension', async () => {
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 500 } }, { appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 4 } }],
      },
    });
    expect(res.data).toEqual({ spreadsheetId: id, replies: [{}, {}] });
    expect(fake.grid('Register')).toEqual({ rows: 1500, columns: 30 });
  });

  it('refuses any other request kind loudly, and an unknown sheet as the real API does', async () => {
    const sort = await failure(api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ sortRange: { range: { sheetId: 0 } } }] } }));
    expect(sort.status).toBe(501);
    expect(sort.body).toEqual(googleError(501, 'UNIMPLEMENTED', /sortRange/));
    expect(fake.unexpected).toEqual([expect.stringContaining("request kind 'sortRange'")]);
    const unknown = await failure(
      api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ appendDimension: { sheetId: 77, dimension: 'ROWS', length: 1 } }] } }),
    );
    expect(unknown.body).toEqual(googleError(400, 'INVALID_ARGUMENT', 'Invalid requests[0].appendDimension: No grid with id: 77'));
    expect(fake.grid('Register')).toEqual({ rows: 1000, columns: 26 });
  });
});

describe('the plumbing', () => {
  beforeEach(() => fake.setTab('Register', [['nomor'], [1]]));

  it('answers 401 UNAUTHENTICATED without a bearer token', async () => {
    const anonymous = sheets({ version: 'v4', retryConfig: { retry: 0 } });
    const res = await failure(anonymous.spreadsheets.get({ spreadsheetId: id }));
    expect(res).toEqual({ status: 401, body: googleError(401, 'UNAUTHENTICATED', /missing required authentication credential/) });
  });

  it('fails the next requests on demand, so the client retryConfig retries and succeeds', async () => {
    const retrying = sheets({
      version: 'v4',
      auth,
      retryConfig: { retry: 3, retryDelay: 1, retryDelayMultiplier: 1, statusCodesToRetry: [[429, 429], [500, 599]], httpMethodsToRetry: ['GET', 'POST', 'PUT', 'PATCH'] },
    });
    fake.failNext(429, 2);
    const res = await retrying.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Register'] });
    expect(res.data.valueRanges?.[0]?.values).toEqual([['nomor'], ['1']]);
    fake.failNext(503);
    await retrying.spreadsheets.values.append({ spreadsheetId: id, range: 'Register', valueInputOption: 'RAW', requestBody: { values: [[2]] } });
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200, 503, 200]);
    expect(fake.tab('Register')).toEqual([['nomor'], [1], [2]]);
  });

  it('answers an injected failure with a Google error body', async () => {
    fake.failNext(500);
    const res = await failure(api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Register'] }));
    expect(res).toEqual({ status: 500, body: googleError(500, 'INTERNAL', 'Internal error encountered.') });
  });

  it('runs beforeRequest hooks before the numbered request is served', async () => {
    const seen: string[] = [];
    fake.beforeRequest((n, req) => {
      seen.push(`${n} ${req.method} ${req.path}`);
      if (n === 2) fake.setTab('Register', [['nomor'], [9]]);
    });
    const first = await read(['Register!A2']);
    const second = await read(['Register!A2']);
    expect([first[0]?.values, second[0]?.values]).toEqual([[['1']], [['9']]]);
    expect(seen).toEqual([`1 GET /v4/spreadsheets/${id}/values:batchGet`, `2 GET /v4/spreadsheets/${id}/values:batchGet`]);
  });

  it('answers 501 for endpoints and parameters it does not implement, and lists them', async () => {
    expect((await failure(api.spreadsheets.values.get({ spreadsheetId: id, range: 'Register!A1' }))).status).toBe(501);
    expect((await failure(api.spreadsheets.values.clear({ spreadsheetId: id, range: 'Register!A1' }))).status).toBe(501);
    expect((await failure(api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Register'], fields: 'valueRanges' }))).status).toBe(501);
    expect(fake.unexpected).toEqual([
      expect.stringContaining(`GET /v4/spreadsheets/${id}/values/Register!A1`),
      expect.stringContaining(`POST /v4/spreadsheets/${id}/values/Register!A1:clear`),
      expect.stringContaining("query parameter 'fields' on values.batchGet"),
    ]);
  });

  it('lets two spreadsheets be faked at once, and close() removes only its own interceptors', async () => {
    const other = fakeSheets({ spreadsheetId: 'other-id' });
    try {
      other.setTab('Lain', [['x']]);
      const mine = await api.spreadsheets.get({ spreadsheetId: id });
      const theirs = await api.spreadsheets.get({ spreadsheetId: 'other-id' });
      expect([mine.data.sheets?.[0]?.properties?.title, theirs.data.sheets?.[0]?.properties?.title]).toEqual(['Register', 'Lain']);
      expect([fake.requests.length, other.requests.length]).toEqual([1, 1]);
      expect(() => fakeSheets({ spreadsheetId: 'other-id' })).toThrow(/already open/);
    } finally {
      other.close();
    }
    expect((await api.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
    expect((await failure(api.spreadsheets.get({ spreadsheetId: 'other-id' }))).status).toBe(404);
  });
});
