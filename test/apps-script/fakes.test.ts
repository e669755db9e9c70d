/**
 * Tests of the Apps Script fakes (test/apps-script/fakes.ts) themselves: each implemented member
 * behaves as Apps Script does (1-based grid, fixed sheet size, its error messages), every member
 * that is not implemented throws with its class and name, calls are counted, the state shows what
 * was written, and a script run in a `vm` context with the fakes as globals works end to end.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { columnLetters, createAppsScript } from './fakes.js';
import { callLoosely, read, setup, thrown } from './fakes-probe.js';

/** String(x) of a fake object, which prints as its Apps Script class name. */
const asText = (v: unknown): string => String(v);

describe('every fake object', () => {
  it('throws loudly, naming the class and member, for anything it does not implement', () => {
    const { globals, app, ss } = setup();
    const sheet = ss.insertSheet('S');
    const range = sheet.getRange(1, 1);
    const cases: Array<[object, string]> = [
      [app, 'SpreadsheetApp'],
      [ss, 'Spreadsheet'],
      [sheet, 'Sheet'],
      [range, 'Range'],
      [range.protect(), 'Protection'],
      [app.newDataValidation(), 'DataValidationBuilder'],
      [app.newDataValidation().requireCheckbox().build(), 'DataValidation'],
      [app.newConditionalFormatRule(), 'ConditionalFormatRuleBuilder'],
      [app.newConditionalFormatRule().whenTextEqualTo('x').setRanges([range]).build(), 'ConditionalFormatRule'],
      [app.newConditionalFormatRule().whenTextEqualTo('x').build().getBooleanCondition() ?? {}, 'BooleanCondition'],
      [app.getUi(), 'Ui'],
      [app.getUi().createMenu('M'), 'Menu'],
      [globals.Session, 'Session'],
      [globals.Session.getActiveUser(), 'User'],
      [globals.LockService, 'LockService'],
      [globals.LockService.getDocumentLock(), 'Lock'],
      [globals.Logger, 'Logger'],
      [app.ProtectionType, 'ProtectionType'],
    ];
    for (const [object, className] of cases) {
      expect(() => read(object, 'noSuchMember'), className).toThrow(`Fake Apps Script: ${className}.noSuchMember is not implemented`);
    }
    expect(() => sheet.getCharts()).toThrow('Fake Apps Script: Sheet.getCharts is not implemented');
    expect(() => range.getFormulas()).toThrow('Fake Apps Script: Range.getFormulas is not implemented');
    expect(() => app.openById('x')).toThrow('Fake Apps Script: SpreadsheetApp.openById is not implemented');
    expect(() => globals.LockService.getUserLock()).toThrow('Fake Apps Script: LockService.getUserLock is not implemented');
    expect(() => read(app, 'WrapStrategy')).toThrow('Fake Apps Script: SpreadsheetApp.WrapStrategy is not implemented');
  });

  it('is not mistaken for a promise, prints as its class, and answers `in` without throwing', async () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect(read(sheet, 'then')).toBeUndefined();
    expect(await Promise.resolve(sheet)).toBe(sheet);
    expect(asText(sheet)).toBe('Sheet');
    expect(asText(sheet.getRange(1, 1))).toBe('Range');
    expect(read(sheet, Symbol.iterator)).toBeUndefined();
    expect('getRange' in sheet).toBe(true);
    expect('getCharts' in sheet).toBe(false);
  });

  it('refuses to be changed', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect(() => Reflect.set(sheet, 'getName', () => 'x')).toThrow('Fake Apps Script: Sheet.getName cannot be assigned');
    expect(() => Reflect.deleteProperty(sheet, 'getName')).toThrow('Fake Apps Script: Sheet.getName cannot be deleted');
    expect(sheet.getName()).toBe('S');
  });

  it('checks argument types as Apps Script does', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect(() => sheet.getRange(1, 1).setValues([1, 2] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => callLoosely(sheet, 'getRange', [1, undefined])).toThrow(
      "The parameters (number,null) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => callLoosely(sheet, 'getRange', [])).toThrow("The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    expect(() => sheet.getRange(1.5, 1)).toThrow('Fake Apps Script: SpreadsheetApp.Sheet.getRange was given 1.5 where a whole number belongs');
    const error = thrown(() => sheet.getRange(0, 1));
    expect(error.name).toBe('Exception');
    expect(error.message).toBe('The starting row of the range is too small.');
  });
});

describe('SpreadsheetApp', () => {
  it('gives the one spreadsheet from getActiveSpreadsheet and getActive', () => {
    const { app } = setup();
    app.getActiveSpreadsheet().insertSheet('Register');
    expect(app.getActive().getSheetByName('Register')?.getName()).toBe('Register');
    expect(app.flush()).toBeUndefined();
  });

  it('has the enums, whose values are objects that print as their names and are the same each time', () => {
    const { app } = setup();
    const range = app.ProtectionType.RANGE;
    expect(typeof range).toBe('object');
    expect(String(range)).toBe('RANGE');
    expect(app.ProtectionType.RANGE).toBe(range);
    expect(range).not.toBe('RANGE');
    expect(String(app.ProtectionType.SHEET)).toBe('SHEET');
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe('VALUE_IN_LIST');
    expect(String(app.DataValidationCriteria.CHECKBOX)).toBe('CHECKBOX');
    expect(String(app.BooleanCriteria.TEXT_EQUAL_TO)).toBe('TEXT_EQUAL_TO');
    expect(() => read(app.BooleanCriteria, 'TEXT_SOUNDS_LIKE')).toThrow('Fake Apps Script: BooleanCriteria.TEXT_SOUNDS_LIKE is not implemented');
  });

  it('refuses getUi where there is no UI, as in a trigger', () => {
    const { app, state } = setup();
    state.uiAvailable = false;
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    state.uiAvailable = true;
    expect(asText(app.getUi())).toBe('Ui');
  });
});

describe('Spreadsheet', () => {
  it('starts with one empty Sheet1, or with the given sheets', () => {
    expect(setup().state.sheetNames).toEqual(['Sheet1']);
    const { ss, state } = setup({ sheets: { Register: [['nomor', 'nama'], [1, 'Budi']], Pengaturan: [] } });
    expect(state.sheetNames).toEqual(['Register', 'Pengaturan']);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Register', 'Pengaturan']);
    expect(ss.getSheetByName('Register')?.getRange(2, 1, 1, 2).getValues()).toEqual([[1, 'Budi']]);
  });

  it('keeps starting values as stored cell contents, text as text', () => {
    const { ss } = setup({ sheets: { Register: [['0012', '2026-03-17', true]] } });
    expect(ss.getSheetByName('Register')?.getRange(1, 1, 1, 3).getValues()).toEqual([['0012', '2026-03-17', true]]);
  });

  it('gives null for a missing sheet', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Tidak ada')).toBeNull();
  });

  it('inserts sheets at the end, refusing a name in use with Apps Script message', () => {
    const { ss, state } = setup();
    const sheet = ss.insertSheet('Register');
    expect(sheet.getName()).toBe('Register');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => ss.insertSheet('Register')).toThrow('A sheet with the name "Register" already exists. Please enter another name.');
    expect(ss.insertSheet().getName()).toBe('Sheet3');
    expect(state.sheetNames).toEqual(['Sheet1', 'Register', 'Sheet3']);
    expect(() => ss.insertSheet('X', 0)).toThrow('Fake Apps Script: Spreadsheet.insertSheet is implemented only as insertSheet() and insertSheet(name)');
  });

  it('sizes new sheets from the options', () => {
    const { ss } = setup({ maxRows: 50, maxColumns: 5 });
    const sheet = ss.insertSheet('Kecil');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([50, 5]);
  });

  it('has a name, id, url and owner', () => {
    const { ss, state } = setup({ owner: 'kepala@dpmptsp.example', spreadsheetName: 'Register' });
    expect(ss.getName()).toBe('Register');
    expect(ss.getId()).toBe('fake-spreadsheet-id');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit');
    expect(ss.getOwner()?.getEmail()).toBe('kepala@dpmptsp.example');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Jakarta');
    expect(state.spreadsheet).toEqual({ id: 'fake-spreadsheet-id', name: 'Register', url: ss.getUrl(), owner: 'kepala@dpmptsp.example' });
  });
});

describe('Sheet', () => {
  it('reports 0 as last row and column when empty, then the last cells holding a value', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange(3, 2).setValue('x');
    sheet.getRange(1, 4).setValue(0);
    sheet.getRange(10, 1).setBackground('#eeeeee').setNote('formatting is no value');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    sheet.getRange(3, 2).setValue('');
    expect(sheet.getLastRow()).toBe(1);
  });

  it('takes ranges by row, column and size, 1-based, defaulting to one cell', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    const cell = sheet.getRange(2, 3);
    expect([cell.getRow(), cell.getColumn(), cell.getNumRows(), cell.getNumColumns()]).toEqual([2, 3, 1, 1]);
    const rows = sheet.getRange(2, 3, 4);
    expect([rows.getNumRows(), rows.getNumColumns(), rows.getLastRow(), rows.getLastColumn()]).toEqual([4, 1, 5, 3]);
    const block = sheet.getRange(2, 3, 4, 2);
    expect([block.getLastRow(), block.getLastColumn(), block.getA1Notation()]).toEqual([5, 4, 'C2:D5']);
    expect(cell.getA1Notation()).toBe('C2');
    expect(block.getSheet().getName()).toBe('S');
  });

  it('takes ranges in A1 notation', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect(sheet.getRange('B3').getA1Notation()).toBe('B3');
    expect(sheet.getRange('A1:C3').getA1Notation()).toBe('A1:C3');
    expect(sheet.getRange('$C$3:A1').getA1Notation()).toBe('A1:C3');
    const column = sheet.getRange('B:C');
    expect([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()]).toEqual([1, 2, 1000, 2]);
    const rows = sheet.getRange('2:3');
    expect([rows.getRow(), rows.getNumRows(), rows.getNumColumns()]).toEqual([2, 2, 26]);
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('refuses ranges off the grid with Apps Script messages', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1000, 26).setValue('last cell')).not.toThrow();
  });

  it('grows only by inserting columns and rows', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 4);
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1010, 30]);
    sheet.getRange(1010, 30).setValue('now in reach');
    expect(sheet.getRange('AD1010').getValue()).toBe('now in reach');
    expect(() => sheet.insertColumnsAfter(31, 1)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.insertRowsAfter(1011, 1)).toThrow('Those rows are out of bounds.');
  });

  it('moves what lies after inserted columns and rows, and widens what spans them', () => {
    const { app, ss, state } = setup();
    const sheet = ss.insertSheet('S');
    sheet.getRange(1, 1, 2, 3).setValues([['a', 'b', 'c'], ['d', 'e', 'f']]);
    sheet.setColumnWidth(3, 250);
    sheet.hideColumns(2);
    sheet.getRange(2, 3).setDataValidation(app.newDataValidation().requireCheckbox().build()).setNote('catatan');
    sheet.getRange(1, 3).protect();
    sheet.getRange(1, 1, 1, 3).protect();
    sheet.setFrozenRows(1);
    sheet.insertColumnsAfter(1, 2);
    let s = state.sheet('S');
    expect(s.values).toEqual([['a', '', '', 'b', 'c'], ['d', '', '', 'e', 'f']]);
    expect(s.columnWidths).toEqual(new Map([[5, 250]]));
    expect(s.hiddenColumns).toEqual(new Set([4]));
    expect([...s.validations.keys()]).toEqual(['2,5']);
    expect(s.notes).toEqual(new Map([['2,5', 'catatan']]));
    expect(s.protections.map((p) => p.range)).toEqual(['E1', 'A1:E1']);
    sheet.insertRowsAfter(1, 1);
    s = state.sheet('S');
    expect(s.values).toEqual([['a', '', '', 'b', 'c'], ['', '', '', '', ''], ['d', '', '', 'e', 'f']]);
    expect(s.protections.map((p) => p.range)).toEqual(['E1', 'A1:E1']);
    expect(s.frozenRows).toBe(1);
    expect(s.maxRows).toBe(1001);
  });

  it('freezes rows', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect(sheet.getFrozenRows()).toBe(0);
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  it('sets and reads column widths, 100 by default, within the sheet', () => {
    const { ss, state } = setup();
    const sheet = ss.insertSheet('S');
    expect(sheet.getColumnWidth(2)).toBe(100);
    expect(sheet.setColumnWidth(2, 320)).toBe(sheet);
    expect(sheet.getColumnWidth(2)).toBe(320);
    expect(state.sheet('S').columnWidths.get(2)).toBe(320);
    expect(() => sheet.setColumnWidth(27, 100)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.getColumnWidth(27)).toThrow('Those columns are out of bounds.');
  });

  it('hides columns', () => {
    const { ss, state } = setup();
    const sheet = ss.insertSheet('S');
    sheet.hideColumns(3);
    sheet.hideColumns(5, 2);
    expect([2, 3, 4, 5, 6, 7].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, false, true, true, false]);
    expect(state.sheet('S').hiddenColumns).toEqual(new Set([3, 5, 6]));
    expect(() => sheet.hideColumns(26, 2)).toThrow('Those columns are out of bounds.');
  });

  it('gives the data range from A1 to the last row and column, A1 when empty', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange(2, 3).setValue(5);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    expect(sheet.getDataRange().getValues()).toEqual([['', '', ''], ['', '', 5]]);
  });

  it('appends rows after the last row, growing the sheet when full', () => {
    const { ss, state } = setup({ maxRows: 2 });
    const sheet = ss.insertSheet('S');
    expect(sheet.appendRow(['nomor', 'nama'])).toBe(sheet);
    sheet.appendRow([1, 'Budi']);
    sheet.appendRow([2, 'Sari', 'extra']);
    expect(state.sheet('S').values).toEqual([['nomor', 'nama', ''], [1, 'Budi', ''], [2, 'Sari', 'extra']]);
    expect(sheet.getMaxRows()).toBe(3);
  });

  it('lists its protections by type, live', () => {
    const { app, ss } = setup();
    const sheet = ss.insertSheet('S');
    const other = ss.insertSheet('T');
    const first = sheet.getRange(1, 1).protect().setDescription('satu');
    sheet.getRange(2, 1).protect().setDescription('dua');
    other.getRange(1, 1).protect();
    const whole = sheet.protect().setDescription('lembar');
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual(['satu', 'dua']);
    expect(sheet.getProtections(app.ProtectionType.SHEET).map((p) => p.getDescription())).toEqual(['lembar']);
    expect(whole.getRange().getA1Notation()).toBe('A1:Z1000');
    first.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual(['dua']);
    expect(() => sheet.getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getProtections.",
    );
  });

  it('sets and gets conditional format rules', () => {
    const { app, ss, state } = setup();
    const sheet = ss.insertSheet('S');
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    const rule = app.newConditionalFormatRule().whenTextEqualTo('Terlambat').setBackground('#f4cccc').setRanges([sheet.getRange('H2:H1000')]).build();
    expect(sheet.setConditionalFormatRules([rule])).toBeUndefined();
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]?.getRanges().map((r) => r.getA1Notation())).toEqual(['H2:H1000']);
    expect(state.sheet('S').conditionalFormatRules).toEqual([
      { ranges: ['H2:H1000'], criteria: 'TEXT_EQUAL_TO', values: ['Terlambat'], background: '#f4cccc', fontColor: null, bold: null },
    ]);
    sheet.setConditionalFormatRules([]);
    expect(state.sheet('S').conditionalFormatRules).toEqual([]);
    const elsewhere = app.newConditionalFormatRule().whenTextEqualTo('x').setRanges([ss.insertSheet('T').getRange(1, 1)]).build();
    expect(() => sheet.setConditionalFormatRules([elsewhere])).toThrow("Fake Apps Script: a conditional format rule for another sheet was given to Sheet.setConditionalFormatRules of 'S'");
  });
});

describe('Range values', () => {
  it('are a fresh 2-D array with empty cells as empty strings and types kept', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    const when = new Date('2026-03-17T09:00:00+07:00');
    const range = sheet.getRange(1, 1, 2, 4);
    range.setValues([['teks', 7, true, when], [false, 0, '', null]]);
    const values = range.getValues();
    expect(values).toEqual([['teks', 7, true, when], [false, 0, '', '']]);
    expect(values[0]?.[3]).toBeInstanceOf(Date);
    expect(values[0]?.[3]).not.toBe(when);
    values[0]![0] = 'changed';
    (values[0]?.[3] as Date).setFullYear(2000);
    expect(range.getValues()).toEqual([['teks', 7, true, when], [false, 0, '', '']]);
    when.setFullYear(1999);
    expect((range.getValues()[0]?.[3] as Date).getFullYear()).toBe(2026);
  });

  it('must match the range size exactly, in Apps Script words', () => {
    const { ss } = setup();
    const range = ss.insertSheet('S').getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(range.getValues()).toEqual([['', '', ''], ['', '', '']]);
  });

  it('are read and written one at a time from the top-left cell; setValue fills the range', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    const range = sheet.getRange(1, 1, 2, 2);
    expect(range.getValue()).toBe('');
    expect(range.setValue('Baru')).toBe(range);
    expect(range.getValues()).toEqual([['Baru', 'Baru'], ['Baru', 'Baru']]);
    sheet.getRange(1, 1).setValue(3);
    expect(range.getValue()).toBe(3);
    sheet.getRange(1, 1).setValue(null);
    expect(range.getValue()).toBe('');
  });

  it('are read from text as Sheets reads typed input, unless the cell is plain text', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    const range = sheet.getRange(1, 1, 1, 6);
    range.setValues([['081234567890', '+62 812', '12.5', 'TRUE', '50%', "'0812"]]);
    expect(range.getValues()).toEqual([[81234567890, '+62 812', 12.5, true, 0.5, '0812']]);
    range.setNumberFormat('@');
    range.setValues([['081234567890', '2026-03-17', '=1+1', 'TRUE', '1,5', 'x']]);
    expect(range.getValues()).toEqual([['081234567890', '2026-03-17', '=1+1', 'TRUE', '1,5', 'x']]);
  });

  it('refuse text Sheets would read as a date, time, locale number or formula, and values no cell holds', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('S');
    const cell = sheet.getRange(1, 1);
    expect(() => cell.setValue('2026-03-17')).toThrow("Fake Apps Script: SpreadsheetApp.Range.setValue: Sheets would read '2026-03-17' as a date or time");
    expect(() => cell.setValue('17/03/2026')).toThrow('as a date or time');
    expect(() => cell.setValue('09:30')).toThrow('as a date or time');
    expect(() => cell.setValue('1,5')).toThrow('as a number in some locales');
    expect(() => cell.setValue('=A2')).toThrow("'=A2' would be a formula, and the fakes do not evaluate formulas");
    expect(() => cell.setValues([[{ a: 1 }]])).toThrow('a value of type Object cannot be stored in a cell');
    expect(() => cell.setValue(Number.NaN)).toThrow('NaN cannot be stored in a cell');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['ok', '2026-03-17']])).toThrow('as a date or time');
    expect(cell.getValue()).toBe('');
  });
});

describe('Range formats and notes', () => {
  it('are recorded per cell in the state, and cleared by null', () => {
    const { ss, state } = setup();
    const sheet = ss.insertSheet('S');
    const header = sheet.getRange(1, 1, 1, 2);
    expect(header.setFontWeight('bold')).toBe(header);
    header.setBackground('#cfe2f3').setNote('Jangan diubah').setNumberFormat('@').setWrap(true);
    let s = state.sheet('S');
    expect(s.fontWeights).toEqual(new Map([['1,1', 'bold'], ['1,2', 'bold']]));
    expect(s.backgrounds.get('1,2')).toBe('#cfe2f3');
    expect(s.notes.get('1,1')).toBe('Jangan diubah');
    expect(s.numberFormats.get('1,1')).toBe('@');
    expect(s.wraps.get('1,2')).toBe(true);
    header.setFontWeight(null).setBackground(null).setNote('');
    s = state.sheet('S');
    expect([s.fontWeights.size, s.backgrounds.size, s.notes.size]).toEqual([0, 0, 0]);
    expect(() => header.setFontWeight('heavy' as 'bold')).toThrow('Invalid argument: fontWeight');
  });
});

describe('Data validation', () => {
  it('builds a list rule with Apps Script defaults and criteria values', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireValueInList(['Baru', 'Selesai']).build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Baru', 'Selesai'], true]);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBe('');
    const strict = app.newDataValidation().requireValueInList(['a'], false).setAllowInvalid(false).setHelpText('Pilih dari daftar').build();
    expect(strict.getCriteriaValues()).toEqual([['a'], false]);
    expect([strict.getAllowInvalid(), strict.getHelpText()]).toEqual([false, 'Pilih dari daftar']);
  });

  it('builds a checkbox rule, and copies a rule into a new builder', () => {
    const { app } = setup();
    const box = app.newDataValidation().requireCheckbox().build();
    expect(box.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(box.getCriteriaValues()).toEqual([]);
    const copy = box.copy().setHelpText('Centang').build();
    expect([copy.getCriteriaType(), copy.getHelpText(), box.getHelpText()]).toEqual([app.DataValidationCriteria.CHECKBOX, 'Centang', '']);
    expect(() => app.newDataValidation().setHelpText('x').build()).toThrow('Fake Apps Script: DataValidationBuilder.build was called before a criteria');
  });

  it('is set on ranges, read back from the top-left cell, cleared, and shown in the state', () => {
    const { app, ss, state } = setup();
    const sheet = ss.insertSheet('S');
    const rule = app.newDataValidation().requireValueInList(['Baru', 'Selesai'], true).setAllowInvalid(false).build();
    const column = sheet.getRange(2, 3, 3, 1);
    expect(column.setDataValidation(rule)).toBe(column);
    expect(sheet.getRange(3, 3).getDataValidation()?.getCriteriaValues()).toEqual([['Baru', 'Selesai'], true]);
    expect(sheet.getRange(1, 3).getDataValidation()).toBeNull();
    expect(state.sheet('S').validations).toEqual(
      new Map(['2,3', '3,3', '4,3'].map((k) => [k, { criteria: 'VALUE_IN_LIST', values: [['Baru', 'Selesai'], true], allowInvalid: false, helpText: null }])),
    );
    sheet.getRange(3, 3).setDataValidation(null);
    sheet.getRange(4, 3).clearDataValidations();
    expect([...state.sheet('S').validations.keys()]).toEqual(['2,3']);
  });

  it('is set cell by cell with setDataValidations, sized like setValues', () => {
    const { app, ss, state } = setup();
    const sheet = ss.insertSheet('S');
    const box = app.newDataValidation().requireCheckbox().build();
    sheet.getRange(1, 1, 1, 2).setDataValidations([[box, null]]);
    expect([...state.sheet('S').validations.keys()]).toEqual(['1,1']);
    expect(() => sheet.getRange(1, 1, 2, 2).setDataValidations([[box, null]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1).setDataValidations([['x']] as unknown as GoogleAppsScript.Spreadsheet.DataValidation[][])).toThrow(
      "don't match the method signature for SpreadsheetApp.Range.setDataValidations.",
    );
  });
});

describe('Conditional format rules', () => {
  it('are built from a text condition, colours, boldness and ranges', () => {
    const { app, ss } = setup();
    const sheet = ss.insertSheet('S');
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Terlambat')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([sheet.getRange('H2:H10'), sheet.getRange('J2')])
      .build();
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['H2:H10', 'J2']);
    expect(rule.getGradientCondition()).toBeNull();
    const condition = rule.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(condition?.getCriteriaValues()).toEqual(['Terlambat']);
    expect([condition?.getBackground(), condition?.getFontColor(), condition?.getBold()]).toEqual(['#f4cccc', '#990000', true]);
    expect(rule.copy().setBackground(null).build().getBooleanCondition()?.getBackground()).toBeNull();
    expect(() => app.newConditionalFormatRule().setBold(true).build()).toThrow('Fake Apps Script: ConditionalFormatRuleBuilder.build was called before a condition');
  });
});

describe('Protection', () => {
  it('starts with the owner and the effective user as editors, on the protected range', () => {
    const { app, ss, state } = setup({ owner: 'pemilik@example.com', effectiveUser: 'admin@example.com' });
    const protection = ss.insertSheet('S').getRange(1, 1, 1, 5).protect();
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['pemilik@example.com', 'admin@example.com']);
    expect(protection.getProtectionType()).toBe(app.ProtectionType.RANGE);
    expect(protection.getRange().getA1Notation()).toBe('A1:E1');
    expect([protection.getDescription(), protection.isWarningOnly(), protection.canDomainEdit()]).toEqual(['', false, true]);
    expect(state.sheet('S').protections).toEqual([
      { type: 'RANGE', range: 'A1:E1', description: '', warningOnly: false, editors: ['pemilik@example.com', 'admin@example.com'], domainEdit: true },
    ]);
  });

  it('adds and removes editors by email or User, always keeping the owner', () => {
    const { globals, ss } = setup({ owner: 'pemilik@example.com', effectiveUser: 'admin@example.com' });
    const protection = ss.insertSheet('S').getRange(1, 1).protect();
    const emails = (): string[] => protection.getEditors().map((u) => u.getEmail());
    expect(protection.addEditor('petugas@example.com')).toBe(protection);
    protection.addEditors(['a@example.com', 'b@example.com', 'petugas@example.com']);
    protection.addEditor(globals.Session.getEffectiveUser());
    expect(emails()).toEqual(['pemilik@example.com', 'admin@example.com', 'petugas@example.com', 'a@example.com', 'b@example.com']);
    protection.removeEditor('a@example.com').removeEditors(['b@example.com']);
    expect(emails()).toEqual(['pemilik@example.com', 'admin@example.com', 'petugas@example.com']);
    protection.removeEditors(protection.getEditors());
    expect(emails()).toEqual(['pemilik@example.com']);
    protection.removeEditor('pemilik@example.com');
    expect(emails()).toEqual(['pemilik@example.com']);
    expect(() => protection.addEditor('bukan email')).toThrow('Invalid email: bukan email');
  });

  it('sets description, warning-only and domain edit', () => {
    const { ss, state } = setup();
    const protection = ss.insertSheet('S').getRange(1, 1).protect();
    expect(protection.setDescription('Kolom sistem').setWarningOnly(true).setDomainEdit(false)).toBe(protection);
    expect([protection.getDescription(), protection.isWarningOnly(), protection.canDomainEdit()]).toEqual(['Kolom sistem', true, false]);
    expect(state.sheet('S').protections[0]).toMatchObject({ description: 'Kolom sistem', warningOnly: true, domainEdit: false, editors: ['owner@example.com'] });
  });

  it('is gone from the sheet once removed', () => {
    const { ss, state } = setup();
    const protection = ss.insertSheet('S').getRange(1, 1).protect();
    expect(protection.remove()).toBeUndefined();
    expect(state.sheet('S').protections).toEqual([]);
  });
});

describe('Session', () => {
  it('gives the active and effective users and the script time zone', () => {
    const { globals } = setup({ activeUser: 'petugas@example.com', effectiveUser: 'admin@example.com' });
    expect(globals.Session.getActiveUser().getEmail()).toBe('petugas@example.com');
    expect(globals.Session.getEffectiveUser().getEmail()).toBe('admin@example.com');
    expect(globals.Session.getScriptTimeZone()).toBe('Asia/Jakarta');
    const defaults = setup().globals.Session;
    expect([defaults.getActiveUser().getEmail(), defaults.getEffectiveUser().getEmail()]).toEqual(['owner@example.com', 'owner@example.com']);
  });
});

describe('LockService', () => {
  it('records acquisitions and releases in order', () => {
    const { globals, state } = setup();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.waitLock(30_000)).toBeUndefined();
    expect(lock.hasLock()).toBe(true);
    expect(state.heldLocks).toEqual(['document']);
    const script = globals.LockService.getScriptLock();
    expect(script.tryLock(1000)).toBe(true);
    script.releaseLock();
    lock.releaseLock();
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(state.heldLocks).toEqual([]);
    expect(state.locks).toEqual([
      { lock: 'document', event: 'acquire', via: 'waitLock' },
      { lock: 'script', event: 'acquire', via: 'tryLock' },
      { lock: 'script', event: 'release', via: 'releaseLock' },
      { lock: 'document', event: 'release', via: 'releaseLock' },
    ]);
  });

  it('times out as Apps Script does while another process holds the lock', () => {
    const { globals, state } = setup();
    state.lockContended = true;
    const lock = globals.LockService.getDocumentLock();
    expect(() => lock.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.tryLock(10)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(state.locks.map((e) => e.event)).toEqual(['timeout', 'timeout']);
    state.lockContended = false;
    expect(lock.tryLock(10)).toBe(true);
  });
});

describe('Ui', () => {
  it('records menus added to the UI with their items, separators and sub-menus', () => {
    const { app, state } = setup();
    const ui = app.getUi();
    const sub = ui.createMenu('Laporan').addItem('Bulanan', 'laporanBulanan');
    const menu = ui.createMenu('Pengaduan').addItem('Setup', 'setup').addSeparator().addSubMenu(sub);
    expect(state.menus).toEqual([]);
    expect(menu.addToUi()).toBeUndefined();
    expect(state.menus).toEqual([
      {
        caption: 'Pengaduan',
        items: [['Setup', 'setup']],
        entries: [
          { kind: 'item', caption: 'Setup', functionName: 'setup' },
          { kind: 'separator' },
          { kind: 'subMenu', menu: { caption: 'Laporan', items: [['Bulanan', 'laporanBulanan']], entries: [{ kind: 'item', caption: 'Bulanan', functionName: 'laporanBulanan' }] } },
        ],
      },
    ]);
  });

  it('records alerts and answers them with the first button of the set, or the queued answer', () => {
    const { app, state } = setup();
    const ui = app.getUi();
    expect(ui.alert('Selesai')).toBe(ui.Button.OK);
    expect(ui.alert('Hapus?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    state.alertResponses.push('NO');
    expect(ui.alert('Konfirmasi', 'Kirim ulang?', ui.ButtonSet.YES_NO_CANCEL)).toBe(ui.Button.NO);
    expect(state.alerts).toEqual([
      { title: null, prompt: 'Selesai', buttons: 'OK', response: 'OK' },
      { title: null, prompt: 'Hapus?', buttons: 'YES_NO', response: 'YES' },
      { title: 'Konfirmasi', prompt: 'Kirim ulang?', buttons: 'YES_NO_CANCEL', response: 'NO' },
    ]);
    state.alertResponses.push('CANCEL');
    expect(() => ui.alert('x', ui.ButtonSet.YES_NO)).toThrow('Fake Apps Script: the queued alert response CANCEL is not a button of ButtonSet.YES_NO');
    expect(() => callLoosely(ui, 'alert', ['Judul', 'Isi'])).toThrow("The parameters (String,String) don't match the method signature for Ui.alert.");
  });

  it('records modal dialogs', () => {
    const { app, state } = setup();
    const html = { fake: 'HtmlOutput' } as unknown as GoogleAppsScript.HTML.HtmlOutput;
    expect(app.getUi().showModalDialog(html, 'Formulir')).toBeUndefined();
    expect(state.dialogs).toEqual([{ html, title: 'Formulir' }]);
  });
});

describe('Logger', () => {
  it('records lines, filling %s from the values', () => {
    const { globals, state } = setup();
    expect(globals.Logger.log('satu')).toBe(globals.Logger);
    globals.Logger.log('%s baris di %s', 3, 'Register');
    globals.Logger.log({ a: 1 });
    globals.Logger.log(42);
    expect(state.logs).toEqual(['satu', '3 baris di Register', '{"a":1}', '42']);
  });
});

describe('call counting', () => {
  it('counts every method call by Class.method, per service and in total, and resets', () => {
    const { app, ss, calls } = setup();
    expect(calls.total).toBe(1); // setup's getActiveSpreadsheet
    calls.reset();
    const sheet = ss.insertSheet('S');
    sheet.getRange(1, 1, 1, 2).setValues([['a', 'b']]);
    sheet.getRange(1, 1, 1, 2).getValues();
    sheet.getRange(1, 1).getValues();
    void app.ProtectionType.RANGE;
    String(app.ProtectionType.SHEET);
    app.getUi().createMenu('M').addToUi();
    expect(calls.counts).toEqual({
      'Spreadsheet.insertSheet': 1,
      'Sheet.getRange': 3,
      'Range.setValues': 1,
      'Range.getValues': 2,
      'SpreadsheetApp.getUi': 1,
      'Ui.createMenu': 1,
      'Menu.addToUi': 1,
    });
    expect(calls.count('Range.getValues')).toBe(2);
    expect(calls.count('Range.setValue')).toBe(0);
    expect(calls.total).toBe(10);
    expect([calls.service('Spreadsheet'), calls.service('Base'), calls.service('Lock')]).toEqual([8, 2, 0]);
    expect(calls.log.slice(0, 3)).toEqual(['Spreadsheet.insertSheet', 'Sheet.getRange', 'Range.setValues']);
    calls.reset();
    expect([calls.total, calls.counts, calls.log]).toEqual([0, {}, []]);
  });

  it('does not count a call that is refused as not implemented', () => {
    const { ss, calls } = setup();
    calls.reset();
    expect(() => read(ss, 'getCharts')).toThrow('not implemented');
    expect(calls.total).toBe(0);
  });
});

describe('the state', () => {
  it('is a snapshot that tests cannot use to change the spreadsheet', () => {
    const { ss, state } = setup();
    ss.insertSheet('S').getRange(1, 1).setValue('asli');
    const snapshot = state.sheet('S');
    snapshot.values[0]![0] = 'diubah';
    expect(state.sheet('S').values).toEqual([['asli']]);
    expect(state.sheets.S?.values).toEqual([['asli']]);
    expect(() => state.sheet('Tidak ada')).toThrow("Fake Apps Script: no sheet named 'Tidak ada' (sheets: Sheet1, S)");
  });
});

describe('a script in a vm context with the fakes as globals', () => {
  const script = `
    function setup() {
      var lock = LockService.getDocumentLock();
      lock.waitLock(30000);
      try {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var sheet = ss.getSheetByName('Register') || ss.insertSheet('Register');
        var headers = ['nomor', 'nama_pelapor', 'status'];
        sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
        sheet.setFrozenRows(1);
        var protection = sheet.getRange(1, 1, 1, headers.length).protect().setDescription('Kepala kolom');
        protection.removeEditors(protection.getEditors());
        if (protection.canDomainEdit()) protection.setDomainEdit(false);
        sheet.getRange(2, 3, sheet.getMaxRows() - 1, 1).setDataValidation(
          SpreadsheetApp.newDataValidation().requireValueInList(['Baru', 'Selesai'], true).setAllowInvalid(false).build());
      } finally {
        lock.releaseLock();
      }
    }
    function onOpen() {
      SpreadsheetApp.getUi().createMenu('Pengaduan').addItem('Siapkan register', 'setup').addToUi();
    }
    function realmCheck() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Register');
      sheet.getRange(2, 1, 1, 2).setValues([[1, new Date(Date.UTC(2026, 2, 17))]]);
      var values = sheet.getRange(2, 1, 1, 2).getValues();
      var caught;
      try { sheet.getCharts(); } catch (e) { caught = e; }
      return [values instanceof Array, values[0] instanceof Array, values[0][1] instanceof Date, caught instanceof Error, caught.message].join('|');
    }
  `;

  it('creates a sheet, writes headers, protects them and adds a menu', () => {
    const { globals, state, calls } = createAppsScript({ effectiveUser: 'admin@example.com' });
    const context = vm.createContext(globals);
    vm.runInContext(script, context);
    vm.runInContext('onOpen()', context);
    calls.reset();
    vm.runInContext('setup()', context);
    const register = state.sheet('Register');
    expect(register.values).toEqual([['nomor', 'nama_pelapor', 'status']]);
    expect(register.frozenRows).toBe(1);
    expect(register.fontWeights.get('1,3')).toBe('bold');
    expect(register.protections).toEqual([{ type: 'RANGE', range: 'A1:C1', description: 'Kepala kolom', warningOnly: false, editors: ['owner@example.com'], domainEdit: false }]);
    expect(register.validations.size).toBe(999);
    expect(register.validations.get('1000,3')?.values).toEqual([['Baru', 'Selesai'], true]);
    expect(state.menus).toEqual([{ caption: 'Pengaduan', items: [['Siapkan register', 'setup']], entries: [{ kind: 'item', caption: 'Siapkan register', functionName: 'setup' }] }]);
    expect(state.locks.map((e) => e.event)).toEqual(['acquire', 'release']);
    expect(calls.service('Spreadsheet')).toBe(calls.total - 3); // all but the three Lock calls
    expect(calls.count('Range.setValues')).toBe(1);
  });

  it('hands the script arrays, Dates and Errors of its own realm', () => {
    const { globals } = createAppsScript();
    const context = vm.createContext(globals);
    vm.runInContext(script, context);
    vm.runInContext('setup()', context);
    expect(vm.runInContext('realmCheck()', context)).toBe('true|true|true|true|Fake Apps Script: Sheet.getCharts is not implemented');
  });

  it('fails the script when it uses a member the fakes do not implement', () => {
    const { globals } = createAppsScript();
    const context = vm.createContext(globals);
    expect((): unknown => vm.runInContext("SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getCharts()", context)).toThrow(
      'Fake Apps Script: Sheet.getCharts is not implemented',
    );
  });
});

describe('columnLetters', () => {
  it('names columns as A1 notation does', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
