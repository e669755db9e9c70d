/**
 * Tests of the Apps Script fakes added beside SpreadsheetApp (fakes-forms.ts, fakes-services.ts,
 * fakes-html.ts) and of the spreadsheet's selection, toasts and time zone: normal use, argument
 * checks, limits, the state they show, and that members they do not implement throw.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScript, PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT, TRIGGER_LIMIT, type AppsScriptOptions, type FetchRequest } from './fakes.js';
import { callLoosely, read, setup, thrown } from './fakes-probe.js';

describe('the new fake objects', () => {
  it('throw loudly for members they do not implement', () => {
    const { g, ss } = setup();
    const form = g.FormApp.create('F');
    const text = form.addTextItem();
    const cases: Array<[object, string]> = [
      [g.FormApp, 'FormApp'],
      [form, 'Form'],
      [text, 'TextItem'],
      [form.getItems()[0] ?? {}, 'Item'],
      [form.addListItem().setChoiceValues(['a']).getChoices()[0] ?? {}, 'Choice'],
      [g.FormApp.createTextValidation(), 'TextValidationBuilder'],
      [g.FormApp.createTextValidation().requireNumber().build(), 'TextValidation'],
      [g.PropertiesService, 'PropertiesService'],
      [g.PropertiesService.getScriptProperties(), 'Properties'],
      [g.MailApp, 'MailApp'],
      [g.UrlFetchApp, 'UrlFetchApp'],
      [g.ScriptApp, 'ScriptApp'],
      [g.ScriptApp.newTrigger('f'), 'TriggerBuilder'],
      [g.ScriptApp.newTrigger('f').timeBased(), 'ClockTriggerBuilder'],
      [g.ScriptApp.newTrigger('f').forSpreadsheet(ss), 'SpreadsheetTriggerBuilder'],
      [g.ScriptApp.newTrigger('f').forForm(form), 'FormTriggerBuilder'],
      [g.ScriptApp.newTrigger('f').timeBased().everyHours(1).create(), 'Trigger'],
      [g.HtmlService, 'HtmlService'],
      [g.HtmlService.createHtmlOutput(), 'HtmlOutput'],
      [g.Utilities, 'Utilities'],
    ];
    for (const [object, className] of cases) {
      expect(() => read(object, 'noSuchMember'), className).toThrow(`Fake Apps Script: ${className}.noSuchMember is not implemented`);
    }
    expect(() => g.Utilities.base64EncodeWebSafe('x')).toThrow('Fake Apps Script: Utilities.base64EncodeWebSafe is not implemented');
    expect(() => form.addDateItem()).toThrow('Fake Apps Script: Form.addDateItem is not implemented');
    expect(() => g.HtmlService.createTemplate('x').getCode()).toThrow('Fake Apps Script: HtmlTemplate.getCode is not implemented');
  });

  it('are counted per service', () => {
    const { g, calls } = setup();
    calls.reset();
    g.FormApp.create('F').addTextItem();
    g.PropertiesService.getScriptProperties().getKeys();
    g.MailApp.getRemainingDailyQuota();
    g.ScriptApp.getScriptId();
    g.HtmlService.createHtmlOutput('x').getContent();
    g.Utilities.getUuid();
    expect([calls.service('Forms'), calls.service('Properties'), calls.service('Mail'), calls.service('Script'), calls.service('Html'), calls.service('Utilities')]).toEqual([2, 2, 1, 1, 2, 1]);
    expect(calls.service('UrlFetch')).toBe(0);
    expect(calls.count('Form.addTextItem')).toBe(1);
  });
});

describe('SpreadsheetApp selection, toasts, time zone and sheet details', () => {
  it('starts with A1 of the first sheet selected, and follows the test and the script', () => {
    const { g, ss, state, select } = setup({ sheets: { Register: [['a']], Peran: [] } });
    expect(ss.getActiveSheet().getName()).toBe('Register');
    expect(g.SpreadsheetApp.getActiveSheet().getName()).toBe('Register');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1');
    select('Peran', 'B2:C4');
    expect(state.active).toEqual({ sheet: 'Peran', range: 'B2:C4', currentCell: 'B2' });
    expect(g.SpreadsheetApp.getActiveRange()?.getA1Notation()).toBe('B2:C4');
    expect(ss.getCurrentCell()?.getA1Notation()).toBe('B2');
    const register = ss.getSheetByName('Register')!;
    expect(ss.setActiveSheet(register).getName()).toBe('Register');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1'); // each sheet keeps its own selection
    expect(register.setActiveSelection('C5').getA1Notation()).toBe('C5');
    expect(register.setActiveRange(register.getRange(2, 1, 2, 2)).getA1Notation()).toBe('A2:B3');
    expect(state.active).toEqual({ sheet: 'Register', range: 'A2:B3', currentCell: 'A2' });
    expect(ss.insertSheet('Baru').getName()).toBe(ss.getActiveSheet().getName());
    expect(() => register.setActiveRange(ss.getSheetByName('Peran')!.getRange(1, 1))).toThrow("Fake Apps Script: Sheet.setActiveRange of 'Register' was given a range of 'Peran'");
    expect(() => callLoosely(ss, 'setActiveSheet', ['Register'])).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.Spreadsheet.setActiveSheet.");
    expect(() => select('Tidak ada', 'A1')).toThrow("Fake Apps Script: select: no sheet named 'Tidak ada'");
    expect(setup({ sheets: { A: [], B: [] }, selection: { sheet: 'B', range: 'D4' } }).state.active).toEqual({ sheet: 'B', range: 'D4', currentCell: 'D4' });
  });

  it('records toasts', () => {
    const { ss, state } = setup();
    ss.toast('Tersimpan');
    ss.toast('Tersimpan', 'Pengaduan');
    ss.toast('Tetap', 'Pengaduan', -1);
    expect(state.toasts).toEqual([
      { message: 'Tersimpan', title: null },
      { message: 'Tersimpan', title: 'Pengaduan' },
      { message: 'Tetap', title: 'Pengaduan', timeoutSeconds: -1 },
    ]);
    expect(() => callLoosely(ss, 'toast', [])).toThrow("The parameters () don't match the method signature for SpreadsheetApp.Spreadsheet.toast.");
  });

  it('has a spreadsheet time zone the script can change to an IANA zone', () => {
    const { g, ss, state } = setup({ timeZone: 'Asia/Makassar', scriptTimeZone: 'UTC' });
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Makassar');
    expect(g.Session.getScriptTimeZone()).toBe('UTC');
    ss.setSpreadsheetTimeZone('Asia/Jakarta');
    expect(state.timeZone).toBe('Asia/Jakarta');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow("Fake Apps Script: Spreadsheet.setSpreadsheetTimeZone was given 'Mars/Olympus', which is no IANA time zone");
  });

  it('gives sheet ids, tab colours, font weights and number formats cell by cell', () => {
    const { ss, state } = setup();
    const sheet = ss.insertSheet('S');
    expect(ss.getSheetByName('Sheet1')?.getSheetId()).toBe(0);
    expect(sheet.getSheetId()).toBe(1);
    expect(sheet.setTabColor('#ff0000')).toBe(sheet);
    expect(state.sheet('S').tabColor).toBe('#ff0000');
    sheet.setTabColor(null);
    expect(state.sheet('S').tabColor).toBeNull();
    sheet.getRange(1, 1, 1, 2).setFontWeights([['bold', null]]).setNumberFormats([['@', '0.00']]);
    expect(state.sheet('S').fontWeights).toEqual(new Map([['1,1', 'bold']]));
    expect(state.sheet('S').numberFormats).toEqual(new Map([['1,1', '@'], ['1,2', '0.00']]));
    expect(() => sheet.getRange(1, 1).setFontWeights([['heavy']] as unknown as GoogleAppsScript.Spreadsheet.FontWeight[][])).toThrow('Invalid argument: fontWeight');
    expect(() => sheet.getRange(1, 1).setNumberFormats([['@', '@']])).toThrow('The number of columns in the data does not match');
    expect(sheet.getFormUrl()).toBeNull();
  });
});

describe('FormApp', () => {
  const build = (options: AppsScriptOptions = {}) => {
    const fakes = setup(options);
    const { FormApp } = fakes.g;
    const form = FormApp.create('Pengaduan Masyarakat').setDescription('Sampaikan pengaduan').setConfirmationMessage('Terima kasih');
    (form as GoogleAppsScript.Forms.Form & { setPublished(p: boolean): GoogleAppsScript.Forms.Form }).setPublished(true);
    const nama = form.addTextItem().setTitle('Nama').setRequired(true);
    const hp = form.addTextItem().setTitle('Nomor HP').setValidation(FormApp.createTextValidation().requireTextMatchesPattern('0[0-9]{9,12}').setHelpText('Nomor HP diawali 0').build());
    form.addSectionHeaderItem().setTitle('Pengaduan').setHelpText('Isi dengan jelas');
    const isi = form.addParagraphTextItem().setTitle('Isi').setRequired(true);
    isi.setValidation(FormApp.createParagraphTextValidation().requireTextLengthGreaterThanOrEqualTo(10).build());
    const jenis = form.addMultipleChoiceItem().setTitle('Jenis').setChoiceValues(['Perizinan', 'Pelayanan']).setRequired(true);
    const kanal = form.addCheckboxItem().setTitle('Kanal').setChoiceValues(['WA', 'Surel']);
    const kec = form.addListItem().setTitle('Kecamatan').setChoiceValues(['Barat', 'Timur']);
    return { ...fakes, form, nama, hp, isi, jenis, kanal, kec };
  };
  const answers = { Nama: 'Budi', 'Nomor HP': '081234567890', Isi: 'Jalan rusak di depan kantor', Jenis: 'Pelayanan', Kanal: ['WA', 'Surel'] };

  it('builds a form with items whose types, indexes and settings read back', () => {
    const { g, form, nama, isi, jenis, kanal, state } = build();
    expect([form.getId(), form.getTitle(), form.getDescription(), form.getConfirmationMessage()]).toEqual(['fake-form-1', 'Pengaduan Masyarakat', 'Sampaikan pengaduan', 'Terima kasih']);
    expect(form.setTitle('Pengaduan').getTitle()).toBe('Pengaduan');
    expect(form.getItems().map((i) => String(i.getType()))).toEqual(['TEXT', 'TEXT', 'SECTION_HEADER', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'CHECKBOX', 'LIST']);
    expect(nama.getType()).toBe(g.FormApp.ItemType.TEXT);
    expect([nama.getIndex(), isi.getIndex(), nama.isRequired(), kanal.isRequired()]).toEqual([0, 3, true, false]);
    expect(jenis.getChoices().map((c) => c.getValue())).toEqual(['Perizinan', 'Pelayanan']);
    expect(form.getItemById(nama.getId())?.asTextItem().getTitle()).toBe('Nama');
    expect(form.getItemById(1)).toBeNull();
    expect(form.getItems(g.FormApp.ItemType.CHECKBOX).map((i) => i.getTitle())).toEqual(['Kanal']);
    expect(() => form.getItems()[0]?.asListItem()).toThrow('Invalid conversion for item type: TEXT');
    expect(form.getItems()[2]?.asSectionHeaderItem().getHelpText()).toBe('Isi dengan jelas');
    form.setCollectEmail(true).setAllowResponseEdits(true).setLimitOneResponsePerUser(true).setProgressBar(true).setShowLinkToRespondAgain(false).setAcceptingResponses(false);
    expect([form.collectsEmail(), form.canEditResponse(), form.hasLimitOneResponsePerUser(), form.hasProgressBar(), form.hasRespondAgainLink(), form.isAcceptingResponses()]).toEqual([true, true, true, true, false, false]);
    expect(form.getPublishedUrl()).toBe('https://docs.google.com/forms/d/e/fake-form-1-published/viewform');
    expect(form.getEditUrl()).toBe('https://docs.google.com/forms/d/fake-form-1/edit');
    expect(g.FormApp.openById('fake-form-1').getTitle()).toBe('Pengaduan');
    expect(() => g.FormApp.openById('x')).toThrow("Fake Apps Script: FormApp.openById: no form with the id 'x'");
    const snapshot = state.forms[0];
    expect(snapshot?.items[1]).toEqual({ id: expect.any(Number) as number, type: 'TEXT', title: 'Nomor HP', helpText: '', required: false, choices: null, validation: { rule: 'TEXT_MATCHES_PATTERN', value: '0[0-9]{9,12}', helpText: 'Nomor HP diawali 0', paragraph: false } });
    expect(snapshot?.items[2]).toMatchObject({ type: 'SECTION_HEADER', required: null, choices: null });
    expect(snapshot).toMatchObject({ description: 'Sampaikan pengaduan', confirmationMessage: 'Terima kasih', collectEmail: true, acceptingResponses: false, destination: null });
  });

  it('deletes items by index or item, and checks arguments', () => {
    const { g, form, nama, kec } = build();
    form.deleteItem(nama as unknown as GoogleAppsScript.Forms.Item); // a TextItem is an Item in Apps Script
    form.deleteItem(form.getItems().length - 1);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Nomor HP', 'Pengaduan', 'Isi', 'Jenis', 'Kanal']);
    expect(() => kec.getIndex()).toThrow('Fake Apps Script: ListItem.getIndex: the item was deleted');
    expect(() => form.deleteItem(99)).toThrow('Fake Apps Script: Form.deleteItem: no item at index 99 in the form');
    expect(() => callLoosely(form, 'setTitle', [1])).toThrow("The parameters (number) don't match the method signature for FormApp.Form.setTitle.");
    expect(() => callLoosely(form, 'setDestination', ['SPREADSHEET', 'id'])).toThrow("The parameters (String,String) don't match the method signature for FormApp.Form.setDestination.");
    expect(() => form.addListItem().setChoiceValues([])).toThrow('Fake Apps Script: ListItem.setChoiceValues was given no choices');
    expect(() => form.addListItem().setChoiceValues(['a', 'a'])).toThrow('a choice twice');
    expect(() => callLoosely(form.addTextItem(), 'setValidation', [g.FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(5).build()])).toThrow(
      "The parameters (FormApp.ParagraphTextValidation) don't match the method signature for FormApp.TextItem.setValidation.",
    );
    expect(() => g.FormApp.createTextValidation().setHelpText('x').build()).toThrow('Fake Apps Script: TextValidationBuilder.build was called before a require… rule was set');
    expect(() => g.FormApp.createTextValidation().requireTextMatchesPattern('(')).toThrow("is no regular expression");
  });

  it('links a spreadsheet: "Form Responses 1" first, header Timestamp + question titles, then "Form Responses 2"', () => {
    const { g, form, ss, state } = build();
    expect(() => form.getDestinationId()).toThrow('Fake Apps Script: Form.getDestinationId: the form has no response destination');
    expect(form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId())).toBe(form);
    expect([form.getDestinationId(), form.getDestinationType()]).toEqual([ss.getId(), g.FormApp.DestinationType.SPREADSHEET]);
    expect(state.sheetNames).toEqual(['Form Responses 1', 'Sheet1']);
    expect(state.sheet('Form Responses 1').values).toEqual([['Timestamp', 'Nama', 'Nomor HP', 'Isi', 'Jenis', 'Kanal', 'Kecamatan']]);
    expect(ss.getSheetByName('Form Responses 1')?.getFormUrl()).toBe('https://docs.google.com/forms/d/fake-form-1/viewform');
    form.addTextItem().setTitle('Kelurahan');
    expect(state.sheet('Form Responses 1').values[0]?.at(-1)).toBe('Kelurahan');
    const other = g.FormApp.create('Lain').setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(state.sheetNames).toEqual(['Form Responses 2', 'Form Responses 1', 'Sheet1']);
    expect(state.forms[1]?.destination).toEqual({ type: 'SPREADSHEET', id: ss.getId(), sheetName: 'Form Responses 2' });
    other.removeDestination();
    expect(state.forms[1]?.destination).toBeNull();
    expect(ss.getSheetByName('Form Responses 2')?.getFormUrl()).toBeNull();
    expect(() => form.setDestination(g.FormApp.DestinationType.SPREADSHEET, 'another')).toThrow("Fake Apps Script: Form.setDestination: the fakes know only the spreadsheet 'fake-spreadsheet-id', not 'another'");
  });

  it('takes a valid submission: response, item responses, the linked row and the trigger event', () => {
    const { g, form, ss, state, submitForm } = build({ owner: 'admin@example.com' });
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    const trigger = g.ScriptApp.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
    const when = new Date('2026-03-17T02:00:00Z');
    const event = submitForm(form.getId(), answers, { timestamp: when });
    expect(event.triggerUid).toBe(trigger.getUniqueId());
    expect(event.authMode).toBe(g.ScriptApp.AuthMode.FULL);
    expect(event.source.getId()).toBe(form.getId());
    const { response } = event;
    expect(response.getId()).toBe('fake-response-1');
    expect(response.getTimestamp()).toEqual(when);
    expect(response.getRespondentEmail()).toBe('');
    expect(response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()])).toEqual([
      ['Nama', 'Budi'],
      ['Nomor HP', '081234567890'],
      ['Isi', 'Jalan rusak di depan kantor'],
      ['Jenis', 'Pelayanan'],
      ['Kanal', ['WA', 'Surel']],
    ]);
    expect(response.getEditResponseUrl()).toContain('fake-response-1');
    expect(form.getResponses().map((r) => r.getId())).toEqual(['fake-response-1']);
    expect(form.getResponse('fake-response-1').getItemResponses()).toHaveLength(5);
    expect(() => form.getResponse('x')).toThrow("Fake Apps Script: Form.getResponse: no response with the id 'x'");
    // Sheets reads the answers as typed input, as Forms writes them.
    expect(state.sheet('Form Responses 1').values[1]).toEqual([when, 'Budi', 81234567890, 'Jalan rusak di depan kantor', 'Pelayanan', 'WA, Surel', '']);
    expect(state.forms[0]?.responses).toEqual([{ id: 'fake-response-1', timestamp: when, email: '', answers: { ...answers } }]);
    expect(submitForm(form.getId(), answers).response.getId()).toBe('fake-response-2');
  });

  it('refuses what Google Forms refuses', () => {
    const { g, form, submitForm, hp } = build();
    const id = form.getId();
    const refusal = (a: Record<string, string | string[]>, opts = {}) => thrown(() => submitForm(id, a, opts)).message;
    expect(refusal({ ...answers, Nama: '' })).toBe("Fake Apps Script: Google Forms would refuse this response to 'Pengaduan Masyarakat': 'Nama' is a required question");
    expect(refusal({ ...answers, 'Nomor HP': '12345' })).toContain("'Nomor HP': Nomor HP diawali 0");
    expect(refusal({ ...answers, Isi: 'pendek' })).toContain("'Isi': must be at least 10 characters");
    expect(refusal({ ...answers, Jenis: 'Lain' })).toContain("'Lain' is not a choice of 'Jenis' (Perizinan, Pelayanan)");
    expect(refusal({ ...answers, Kanal: 'WA' })).toContain("'Kanal' is a checkbox question; answer it with a string[]");
    expect(refusal({ ...answers, Kanal: ['WA', 'WA'] })).toContain('is given twice');
    expect(refusal({ ...answers, Nama: ['Budi'] })).toContain("'Nama' takes one string, not an array");
    expect(refusal({ ...answers, Nama: 'Budi\nSantoso' })).toContain('short-answer question');
    expect(refusal({ ...answers, Alamat: 'x' })).toContain("there is no question 'Alamat'");
    expect(() => submitForm('nope', answers)).toThrow("Fake Apps Script: submitForm: no form with the id 'nope'");
    // A form made by the API starts unpublished: even a complete answer to it is refused.
    const fresh = g.FormApp.create('Baru') as GoogleAppsScript.Forms.Form & { isPublished(): boolean };
    fresh.addTextItem().setTitle('Nama').setRequired(true);
    expect(fresh.isPublished()).toBe(false);
    expect(() => submitForm(fresh.getId(), { Nama: 'Budi' })).toThrow(/not published/);
    hp.setValidation(g.FormApp.createTextValidation().requireTextIsEmail().build());
    expect(refusal({ ...answers, 'Nomor HP': 'bukan' })).toContain('must be an email');
    hp.setValidation(g.FormApp.createTextValidation().requireNumber().build());
    expect(refusal({ ...answers, 'Nomor HP': '12a' })).toContain('must be a number');
    hp.setValidation(g.FormApp.createTextValidation().requireTextLengthLessThanOrEqualTo(3).build());
    expect(refusal({ ...answers, 'Nomor HP': '1234' })).toContain('must be at most 3 characters');
    hp.clearValidation();
    expect(submitForm(id, { ...answers, 'Nomor HP': '' }).response.getItemResponses()).toHaveLength(4);
    form.setCollectEmail(true).setLimitOneResponsePerUser(true);
    expect(refusal(answers)).toContain("needs the respondent's email");
    expect(submitForm(id, answers, { email: 'warga@example.com' }).response.getRespondentEmail()).toBe('warga@example.com');
    expect(refusal(answers, { email: 'warga@example.com' })).toContain('warga@example.com has already responded');
    form.setAcceptingResponses(false);
    expect(refusal(answers, { email: 'lain@example.com' })).toContain('the form is not accepting responses');
  });

  it('writes numbers as numbers and everything else, formulas too, as text in the response sheet', () => {
    const { g, form, ss, state, submitForm } = build();
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    submitForm(form.getId(), { ...answers, Nama: '=IMPORTXML("http://x", "//a")', Isi: 'Kejadian 17/03/2026 di kantor', 'Nomor HP': '0812345678' });
    expect(state.sheet('Form Responses 1').values[1]?.slice(1, 4)).toEqual(['=IMPORTXML("http://x", "//a")', 812345678, 'Kejadian 17/03/2026 di kantor']);
  });

  it('creates item responses for choices it has', () => {
    const { jenis, kanal } = build();
    expect(jenis.createResponse('Perizinan').getResponse()).toBe('Perizinan');
    expect(kanal.createResponse(['WA']).getResponse()).toEqual(['WA']);
    expect(() => jenis.createResponse('Lain')).toThrow("'Lain' is not a choice of 'Jenis'");
  });

  it('copies earlier responses and adds the email column when linked later', () => {
    const { g, form, ss, state, submitForm } = build();
    form.setCollectEmail(true);
    const when = new Date('2026-03-17T02:00:00Z');
    submitForm(form.getId(), answers, { timestamp: when, email: 'warga@example.com' });
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(state.sheet('Form Responses 1').values).toEqual([
      ['Timestamp', 'Email Address', 'Nama', 'Nomor HP', 'Isi', 'Jenis', 'Kanal', 'Kecamatan'],
      [when, 'warga@example.com', 'Budi', 81234567890, 'Jalan rusak di depan kantor', 'Pelayanan', 'WA, Surel', ''],
    ]);
  });
});

describe('PropertiesService', () => {
  it('stores strings in three stores, pre-filled from the options', () => {
    const { g, state } = setup({ properties: { script: { API_URL: 'https://x' } } });
    const script = g.PropertiesService.getScriptProperties();
    expect(script.getProperty('API_URL')).toBe('https://x');
    expect(script.getProperty('missing')).toBeNull();
    expect(script.setProperty('n', 5 as unknown as string)).toBe(script);
    expect(script.getProperty('n')).toBe('5');
    script.setProperties({ a: '1', b: '2' });
    expect(script.getKeys().sort()).toEqual(['API_URL', 'a', 'b', 'n']);
    script.setProperties({ c: '3' }, true);
    expect(script.getProperties()).toEqual({ c: '3' });
    script.deleteProperty('c').setProperty('d', '4');
    g.PropertiesService.getUserProperties().setProperty('u', 'x');
    g.PropertiesService.getDocumentProperties().setProperty('doc', 'y').deleteAllProperties();
    expect(state.properties).toEqual({ script: { d: '4' }, document: {}, user: { u: 'x' } });
  });

  it('checks arguments and refuses values Apps Script would turn into text', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    expect(() => callLoosely(p, 'setProperty', ['k'])).toThrow("The parameters (String) don't match the method signature for PropertiesService.Properties.setProperty.");
    expect(() => callLoosely(p, 'getProperty', [1])).toThrow("The parameters (number) don't match the method signature for PropertiesService.Properties.getProperty.");
    expect(() => p.setProperty('k', { a: 1 } as unknown as string)).toThrow("Fake Apps Script: PropertiesService.Properties.setProperty was given Object for 'k'");
    expect(() => callLoosely(p, 'setProperties', ['x'])).toThrow("The parameters (String) don't match the method signature for PropertiesService.Properties.setProperties.");
  });

  it('enforces 9 KB a value and 500 KB a store, changing nothing when refused', () => {
    const { g, state } = setup();
    const p = g.PropertiesService.getScriptProperties();
    p.setProperty('max', 'x'.repeat(PROPERTY_VALUE_LIMIT));
    expect(thrown(() => p.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1))).message).toBe('Argument too large: value');
    expect(() => p.setProperty('multi', 'é'.repeat(PROPERTY_VALUE_LIMIT / 2 + 1))).toThrow('Argument too large: value');
    for (let i = 0; (i + 2) * PROPERTY_VALUE_LIMIT < PROPERTY_STORE_LIMIT; i++) p.setProperty(`k${i}`, 'x'.repeat(PROPERTY_VALUE_LIMIT));
    const before = state.properties.script;
    expect(() => p.setProperties({ y: 'x'.repeat(PROPERTY_VALUE_LIMIT), z: 'x'.repeat(PROPERTY_VALUE_LIMIT) })).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(state.properties.script).toEqual(before);
  });
});

describe('MailApp', () => {
  it('sends with a message object or recipient, subject, body and options, counting each recipient', () => {
    const { g, state } = setup({ mailQuota: 10 });
    const blob = { getName: () => 'surat.pdf' };
    g.MailApp.sendEmail({ to: 'a@example.com, b@example.com', cc: 'c@example.com', subject: 'S', body: 'B', htmlBody: '<b>B</b>', name: 'Pengaduan', replyTo: 'r@example.com', noReply: true, attachments: [blob as unknown as GoogleAppsScript.Base.BlobSource] });
    g.MailApp.sendEmail('d@example.com', 'S2', 'B2');
    g.MailApp.sendEmail('e@example.com', 'S3', 'B3', { bcc: 'f@example.com' });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(4);
    expect(state.mails).toEqual([
      { to: ['a@example.com', 'b@example.com'], cc: ['c@example.com'], bcc: [], subject: 'S', body: 'B', htmlBody: '<b>B</b>', name: 'Pengaduan', replyTo: 'r@example.com', noReply: true, attachments: ['surat.pdf'] },
      { to: ['d@example.com'], cc: [], bcc: [], subject: 'S2', body: 'B2', htmlBody: null, name: null, replyTo: null, noReply: false, attachments: [] },
      { to: ['e@example.com'], cc: [], bcc: ['f@example.com'], subject: 'S3', body: 'B3', htmlBody: null, name: null, replyTo: null, noReply: false, attachments: [] },
    ]);
  });

  it('refuses a missing or invalid recipient, bad arguments and unknown options', () => {
    const { g, state } = setup();
    expect(() => g.MailApp.sendEmail({ subject: 'S', body: 'B' })).toThrow('Failed to send email: no recipient');
    expect(() => g.MailApp.sendEmail('bukan-email', 'S', 'B')).toThrow('Invalid email: bukan-email');
    expect(() => callLoosely(g.MailApp, 'sendEmail', ['a@example.com', 'S'])).toThrow("The parameters (String,String) don't match the method signature for MailApp.sendEmail.");
    expect(() => g.MailApp.sendEmail({ to: 'a@example.com', subject: 'S', body: 'B', from: 'x' } as unknown as GoogleAppsScript.Mail.MailAdvancedParameters)).toThrow("Fake Apps Script: MailApp.sendEmail does not know the option 'from'");
    expect(() => g.MailApp.sendEmail('a@example.com', 'r@example.com', 'S', 'B')).toThrow('Fake Apps Script: MailApp.sendEmail(to, replyTo, subject, body) is not implemented');
    expect(state.mails).toEqual([]);
  });

  it('runs out of daily quota as Apps Script does, and fails on demand', () => {
    const { g, state } = setup({ mailQuota: 2 });
    g.MailApp.sendEmail('a@example.com', 'S', 'B');
    expect(thrown(() => g.MailApp.sendEmail('a@example.com,b@example.com', 'S', 'B')).message).toBe('Service invoked too many times for one day: email.');
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1);
    state.mailError = 'Mail service unavailable';
    expect(() => g.MailApp.sendEmail('a@example.com', 'S', 'B')).toThrow('Mail service unavailable');
    state.mailError = null;
    g.MailApp.sendEmail('a@example.com', 'S', 'B');
    expect(state.mails).toHaveLength(2);
    expect(setup().g.MailApp.getRemainingDailyQuota()).toBe(100);
  });
});

describe('UrlFetchApp', () => {
  it('sends the request to the handler and wraps the reply', () => {
    const { g, state } = setup();
    state.fetchHandler = (req) => ({ status: 200, body: JSON.stringify({ got: req.method }), headers: { 'Content-Type': 'application/json' } });
    const res = g.UrlFetchApp.fetch('https://api.example.com/v1/x?q=a b', { method: 'post', contentType: 'application/json', payload: '{"a":1}', headers: { Authorization: 'Bearer t' } });
    expect([res.getResponseCode(), res.getContentText(), res.getContentText('UTF-8')]).toEqual([200, '{"got":"POST"}', '{"got":"POST"}']);
    expect(res.getHeaders()).toEqual({ 'Content-Type': 'application/json' });
    expect(res.getAllHeaders()).toEqual({ 'Content-Type': 'application/json' });
    g.UrlFetchApp.fetch('http://example.com', { payload: { a: '1', b: 'x y' } });
    expect(state.fetches).toEqual<FetchRequest[]>([
      { url: 'https://api.example.com/v1/x?q=a%20b', method: 'POST', headers: { Authorization: 'Bearer t' }, contentType: 'application/json', payload: '{"a":1}', muteHttpExceptions: false, followRedirects: true, validateHttpsCertificates: true },
      { url: 'http://example.com', method: 'GET', headers: {}, contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=x+y', muteHttpExceptions: false, followRedirects: true, validateHttpsCertificates: true },
    ]);
  });

  it('throws on HTTP errors unless muted, quoting the start of the body', () => {
    const { g, state } = setup();
    state.fetchHandler = () => ({ status: 404, body: '{"error":"not found"}' });
    expect(thrown(() => g.UrlFetchApp.fetch('https://api.example.com/v1/x')).message).toBe(
      'Request failed for https://api.example.com returned code 404. Truncated server response: {"error":"not found"} (use muteHttpExceptions option to examine full response)',
    );
    expect(g.UrlFetchApp.fetch('https://api.example.com/v1/x', { muteHttpExceptions: true }).getResponseCode()).toBe(404);
    state.fetchHandler = () => ({ status: 500, body: 'x'.repeat(300) });
    expect(thrown(() => g.UrlFetchApp.fetch('https://api.example.com')).message).toContain(`Truncated server response: ${'x'.repeat(200)}... (use`);
  });

  it('turns a throwing handler into Apps Script network errors', () => {
    const { g, state } = setup();
    state.fetchHandler = () => {
      throw new Error('connect ECONNREFUSED');
    };
    const error = thrown(() => g.UrlFetchApp.fetch('https://down.example.com/x'));
    expect([error.name, error.message]).toEqual(['Exception', 'Address unavailable: https://down.example.com/x']);
    state.fetchHandler = () => {
      throw Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' });
    };
    expect(() => g.UrlFetchApp.fetch('https://nowhere.invalid')).toThrow('DNS error: https://nowhere.invalid');
  });

  it('follows redirects unless told not to', () => {
    const { g, state } = setup();
    state.fetchHandler = (req) => (req.url.endsWith('/old') ? { status: 302, headers: { Location: '/new' } } : { status: 200, body: 'new' });
    expect(g.UrlFetchApp.fetch('https://example.com/old', { method: 'post', payload: 'x' }).getContentText()).toBe('new');
    expect(state.fetches.map((r) => `${r.method} ${r.url}`)).toEqual(['POST https://example.com/old', 'GET https://example.com/new']);
    expect(g.UrlFetchApp.fetch('https://example.com/old', { followRedirects: false }).getResponseCode()).toBe(302);
  });

  it('checks the URL, the parameters and that the test set a handler', () => {
    const { g, state } = setup();
    expect(() => g.UrlFetchApp.fetch('https://example.com')).toThrow('Fake Apps Script: UrlFetchApp.fetch(GET https://example.com) was called, but the test set no state.fetchHandler');
    state.fetchHandler = () => ({ status: 200 });
    expect(() => g.UrlFetchApp.fetch('ftp://example.com')).toThrow('Invalid argument: ftp://example.com');
    expect(() => g.UrlFetchApp.fetch('example.com')).toThrow('Invalid argument: example.com');
    expect(() => callLoosely(g.UrlFetchApp, 'fetch', [1])).toThrow("The parameters (number) don't match the method signature for UrlFetchApp.fetch.");
    expect(() => g.UrlFetchApp.fetch('https://example.com', { methd: 'post' } as unknown as GoogleAppsScript.URL_Fetch.URLFetchRequestOptions)).toThrow("Fake Apps Script: UrlFetchApp.fetch does not know the parameter 'methd'");
    expect(() => g.UrlFetchApp.fetch('https://example.com', { method: 'head' as 'get' })).toThrow('the method "head" is none of');
    expect(() => g.UrlFetchApp.fetch('https://example.com', { muteHttpExceptions: 'yes' as unknown as boolean })).toThrow("'muteHttpExceptions' must be a boolean");
    state.fetchHandler = () => ({ status: 42 });
    expect(() => g.UrlFetchApp.fetch('https://example.com')).toThrow('the fetch handler answered https://example.com with status 42');
  });
});

describe('ScriptApp', () => {
  it('gives tokens and the script id from the options', () => {
    const { g } = setup({ effectiveUser: 'admin@example.com' });
    const [header, payload, signature] = g.ScriptApp.getIdentityToken().split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({ email: 'admin@example.com', email_verified: true, iss: 'https://accounts.google.com' });
    expect(signature).not.toBe('');
    expect([g.ScriptApp.getOAuthToken(), g.ScriptApp.getScriptId()]).toEqual(['ya29.fake-oauth-token', 'fake-script-id']);
    const custom = setup({ identityToken: null, oauthToken: 'tok', scriptId: 'sid' }).g.ScriptApp;
    expect([custom.getIdentityToken(), custom.getOAuthToken(), custom.getScriptId()]).toEqual([null, 'tok', 'sid']);
  });

  it('installs, lists and deletes form, spreadsheet and time-driven triggers', () => {
    const { g, ss, state } = setup();
    const form = g.FormApp.create('F');
    const onSubmit = g.ScriptApp.newTrigger('onFormSubmit').forForm(form.getId()).onFormSubmit().create();
    const onOpen = g.ScriptApp.newTrigger('onOpenAdmin').forSpreadsheet(ss).onOpen().create();
    g.ScriptApp.newTrigger('onEditLog').forSpreadsheet(ss.getId()).onEdit().create();
    const daily = g.ScriptApp.newTrigger('harian').timeBased().everyDays(1).atHour(7).nearMinute(30).inTimezone('Asia/Jakarta').create();
    g.ScriptApp.newTrigger('jam').timeBased().everyHours(4).create();
    expect(onSubmit.getEventType()).toBe(g.ScriptApp.EventType.ON_FORM_SUBMIT);
    expect([onSubmit.getHandlerFunction(), String(onSubmit.getTriggerSource()), onSubmit.getTriggerSourceId()]).toEqual(['onFormSubmit', 'FORMS', form.getId()]);
    expect([String(onOpen.getEventType()), String(onOpen.getTriggerSource()), onOpen.getTriggerSourceId()]).toEqual(['ON_OPEN', 'SPREADSHEETS', ss.getId()]);
    expect([String(daily.getEventType()), String(daily.getTriggerSource()), daily.getTriggerSourceId()]).toEqual(['CLOCK', 'CLOCK', null]);
    expect(state.triggers.map((t) => [t.handlerFunction, t.eventType])).toEqual([
      ['onFormSubmit', 'ON_FORM_SUBMIT'],
      ['onOpenAdmin', 'ON_OPEN'],
      ['onEditLog', 'ON_EDIT'],
      ['harian', 'CLOCK'],
      ['jam', 'CLOCK'],
    ]);
    expect(state.triggers[3]?.schedule).toEqual({ everyDays: 1, atHour: 7, nearMinute: 30, timeZone: 'Asia/Jakarta' });
    expect(g.ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual(state.triggers.map((t) => t.uid));
    expect(g.ScriptApp.getUserTriggers(ss).map((t) => t.getHandlerFunction())).toEqual(['onOpenAdmin', 'onEditLog']);
    expect(g.ScriptApp.getUserTriggers(form).map((t) => t.getHandlerFunction())).toEqual(['onFormSubmit']);
    for (const t of g.ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === 'harian') g.ScriptApp.deleteTrigger(t);
    expect(state.triggers.map((t) => t.handlerFunction)).toEqual(['onFormSubmit', 'onOpenAdmin', 'onEditLog', 'jam']);
    expect(() => g.ScriptApp.deleteTrigger(daily)).toThrow('was already deleted');
  });

  it('checks builders and arguments', () => {
    const { g } = setup();
    expect(() => g.ScriptApp.newTrigger('f').forForm('nope')).toThrow("Fake Apps Script: TriggerBuilder.forForm: no form with the id 'nope'");
    expect(() => g.ScriptApp.newTrigger('f').forSpreadsheet('nope')).toThrow("no spreadsheet with the id 'nope'");
    expect(() => g.ScriptApp.newTrigger('f').forForm(g.FormApp.create('F')).create()).toThrow('FormTriggerBuilder.create was called before onFormSubmit()');
    expect(() => g.ScriptApp.newTrigger('f').timeBased().create()).toThrow('ClockTriggerBuilder.create was called before everyMinutes()');
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow('everyHours(3): Apps Script takes 1, 2, 4, 6, 8 or 12');
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(5).create()).toThrow('atHour() and nearMinute() need everyDays()');
    expect(() => g.ScriptApp.newTrigger('f').timeBased().atHour(24)).toThrow('the hour must be 0 to 23');
    expect(() => g.ScriptApp.newTrigger('f').timeBased().inTimezone('Nowhere')).toThrow("'Nowhere' is no IANA time zone");
    expect(() => callLoosely(g.ScriptApp, 'newTrigger', [])).toThrow("The parameters () don't match the method signature for ScriptApp.newTrigger.");
    expect(() => callLoosely(g.ScriptApp, 'deleteTrigger', ['uid'])).toThrow("The parameters (String) don't match the method signature for ScriptApp.deleteTrigger.");
  });

  it(`allows ${TRIGGER_LIMIT} triggers per user per script`, () => {
    const { g, state } = setup();
    for (let i = 0; i < TRIGGER_LIMIT; i++) g.ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(thrown(() => g.ScriptApp.newTrigger('extra').timeBased().everyMinutes(5).create()).message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(state.triggers).toHaveLength(TRIGGER_LIMIT);
  });
});

describe('HtmlService', () => {
  const htmlFiles = { Dialog: '<h1><?= judul ?></h1><p><?= data.nama ?></p><div><?!= bagian ?></div>', Polos: '<p>polos <?= x ?></p>' };

  it('evaluates printing and force-printing scriptlets from template properties, escaping printed text', () => {
    const { g } = setup({ htmlFiles });
    const t = g.HtmlService.createTemplateFromFile('Dialog') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    t.judul = 'A & B <i>';
    t.data = { nama: "O'Neil \"x\"" };
    t.bagian = '<b>tebal</b>';
    expect(t.judul).toBe('A & B <i>');
    expect(t.getRawContent()).toBe(htmlFiles.Dialog);
    expect(t.evaluate().getContent()).toBe('<h1>A &amp; B &lt;i&gt;</h1><p>O&#39;Neil &quot;x&quot;</p><div><b>tebal</b></div>');
    const inline = g.HtmlService.createTemplate('<p><?= n ?></p>') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    inline.n = 3;
    expect(inline.evaluate().getContent()).toBe('<p>3</p>');
  });

  it('refuses scriptlets it does not implement and properties never set', () => {
    const { g } = setup();
    const evaluate = (html: string): string => g.HtmlService.createTemplate(html).evaluate().getContent();
    expect(() => evaluate('<? for (;;) {} ?>')).toThrow('Fake Apps Script: HtmlTemplate.evaluate: the scriptlet <? for (;;) {} ?> is not implemented');
    expect(() => evaluate('<?= a + b ?>')).toThrow('the expression in <?= a + b ?> is not implemented');
    expect(() => evaluate("<?!= include('x') ?>")).toThrow('is not implemented');
    expect(() => evaluate('<?= nama ?>')).toThrow('printed null; the fakes print strings, numbers and booleans (was the property set?)');
    const t = g.HtmlService.createTemplate('<script>var x = <?= n ?>;</script>') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    t.n = 1;
    expect(() => t.evaluate()).toThrow('inside <script> or <style> is not implemented');
    expect(() => evaluate('<p><?= x')).toThrow('a scriptlet is not closed');
    expect(() => Reflect.set(t, 'evaluate', 1)).toThrow('Fake Apps Script: HtmlTemplate.evaluate cannot be assigned');
  });

  it('reads files by name without .html, as Apps Script', () => {
    const { g } = setup({ htmlFiles });
    expect(g.HtmlService.createHtmlOutputFromFile('Polos').getContent()).toBe('<p>polos <?= x ?></p>');
    expect(thrown(() => g.HtmlService.createHtmlOutputFromFile('Polos.html')).message).toBe('No HTML file named Polos.html was found.');
    expect(() => g.HtmlService.createTemplateFromFile('Lain')).toThrow('No HTML file named Lain was found.');
    expect(() => callLoosely(g.HtmlService, 'createHtmlOutput', [1])).toThrow("The parameters (number) don't match the method signature for HtmlService.createHtmlOutput.");
  });

  it('builds outputs: content, title, size, modes, meta tags and favicon', () => {
    const { g } = setup();
    const out = g.HtmlService.createHtmlOutput('<p>a</p>');
    expect(out.append('<p>b</p>').appendUntrusted('<c>').getContent()).toBe('<p>a</p><p>b</p>&lt;c&gt;');
    expect(out.setContent('x').getContent()).toBe('x');
    expect(out.setTitle('Judul').setWidth(600).setHeight(400).getTitle()).toBe('Judul');
    expect([out.getWidth(), out.getHeight()]).toEqual([600, 400]);
    expect(() => g.HtmlService.createHtmlOutput().getWidth()).toThrow('the fakes do not know the default width');
    expect(out.setSandboxMode(g.HtmlService.SandboxMode.IFRAME).setXFrameOptionsMode(g.HtmlService.XFrameOptionsMode.ALLOWALL)).toBe(out);
    expect(out.addMetaTag('viewport', 'width=device-width').setFaviconUrl('https://x/favicon.png').getFaviconUrl()).toBe('https://x/favicon.png');
    expect(() => out.addMetaTag('author', 'x')).toThrow('Apps Script allows only the meta tags');
    expect(() => callLoosely(out, 'setSandboxMode', ['IFRAME'])).toThrow("The parameters (String) don't match the method signature for HtmlService.HtmlOutput.setSandboxMode.");
    expect(() => out.setWidth(0)).toThrow('a size must be positive');
    expect(out.clear().getContent()).toBe('');
  });

  it('shows outputs in dialogs and sidebars, recording the content', () => {
    const { g, state } = setup({ htmlFiles });
    const ui = g.SpreadsheetApp.getUi();
    const t = g.HtmlService.createTemplateFromFile('Dialog') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    Object.assign(t, { judul: 'J', data: { nama: 'N' }, bagian: '' });
    const out = t.evaluate().setWidth(500).setHeight(300).setTitle('Samping');
    ui.showModalDialog(out, 'Formulir');
    ui.showModelessDialog(out, 'Tanpa modal');
    ui.showSidebar(out);
    expect(state.dialogs).toEqual([
      { html: out, title: 'Formulir', kind: 'modal', content: '<h1>J</h1><p>N</p><div></div>', width: 500, height: 300 },
      { html: out, title: 'Tanpa modal', kind: 'modeless', content: '<h1>J</h1><p>N</p><div></div>', width: 500, height: 300 },
      { html: out, title: 'Samping', kind: 'sidebar', content: '<h1>J</h1><p>N</p><div></div>', width: 500, height: 300 },
    ]);
    expect(() => ui.showModalDialog(t as unknown as GoogleAppsScript.HTML.HtmlOutput, 'x')).toThrow(
      "The parameters (HtmlService.HtmlTemplate,String) don't match the method signature for Ui.showModalDialog.",
    );
    expect(() => callLoosely(ui, 'showSidebar', ['<p>'])).toThrow("The parameters (String) don't match the method signature for Ui.showSidebar.");
  });
});

describe('Ui.prompt', () => {
  it('records prompts and answers with the queued response or the first button and no text', () => {
    const { g, state } = setup();
    const ui = g.SpreadsheetApp.getUi();
    state.promptResponses.push({ text: 'Budi' }, { button: 'CANCEL', text: 'x' });
    const first = ui.prompt('Nama?');
    expect([first.getResponseText(), first.getSelectedButton()]).toEqual(['Budi', ui.Button.OK]);
    const second = ui.prompt('Judul', 'Alasan?', ui.ButtonSet.OK_CANCEL);
    expect([second.getResponseText(), second.getSelectedButton()]).toEqual(['x', ui.Button.CANCEL]);
    expect(ui.prompt('Lagi?', ui.ButtonSet.YES_NO).getSelectedButton()).toBe(ui.Button.YES);
    expect(state.prompts).toEqual([
      { title: null, prompt: 'Nama?', buttons: 'OK', response: 'OK', text: 'Budi' },
      { title: 'Judul', prompt: 'Alasan?', buttons: 'OK_CANCEL', response: 'CANCEL', text: 'x' },
      { title: null, prompt: 'Lagi?', buttons: 'YES_NO', response: 'YES', text: '' },
    ]);
    state.promptResponses.push({ button: 'NO' });
    expect(() => ui.prompt('x')).toThrow('Fake Apps Script: the queued prompt response NO is not a button of ButtonSet.OK');
  });
});

describe('Utilities', () => {
  it('makes v4 UUIDs, records sleeps without waiting, and formats dates in a time zone', () => {
    const { g, state } = setup();
    const a = g.Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(g.Utilities.getUuid()).not.toBe(a);
    const start = Date.now();
    g.Utilities.sleep(60_000);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(state.sleeps).toEqual([60_000]);
    expect(() => g.Utilities.sleep(300_001)).toThrow('Apps Script sleeps 0 to 300000 ms');
    const when = new Date('2026-03-17T18:05:09Z');
    expect(g.Utilities.formatDate(when, 'Asia/Jakarta', 'yyyy-MM-dd')).toBe('2026-03-18');
    expect(g.Utilities.formatDate(when, 'Asia/Jakarta', 'yyyy-MM-dd HH:mm')).toBe('2026-03-18 01:05');
    expect(g.Utilities.formatDate(when, 'UTC', "dd/MM/yy 'pukul' H.mm.ss")).toBe('17/03/26 pukul 18.05.09');
    expect(() => g.Utilities.formatDate(when, 'UTC', 'EEE')).toThrow("the pattern part 'EEE' of 'EEE' is not implemented");
    expect(() => g.Utilities.formatDate(when, 'Nowhere', 'yyyy')).toThrow("'Nowhere' is no IANA time zone");
    expect(() => callLoosely(g.Utilities, 'formatDate', ['2026-03-17', 'UTC', 'yyyy'])).toThrow("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
  });
});

describe('Utilities blobs', () => {
  it('decodes base64 to signed bytes and makes named blobs MailApp attaches', () => {
    const { g, state } = setup();
    const bytes = g.Utilities.base64Decode(Buffer.from([0x41, 0xff]).toString('base64'));
    expect(bytes).toEqual([65, -1]);
    const blob = g.Utilities.newBlob(bytes, 'application/pdf', 'surat.pdf');
    expect([blob.getName(), blob.getContentType(), blob.getBytes()]).toEqual(['surat.pdf', 'application/pdf', [65, -1]]);
    expect(g.Utilities.newBlob('halo').setName('a.txt').getDataAsString()).toBe('halo');
    g.MailApp.sendEmail({ to: 'a@example.com', subject: 'S', body: 'B', attachments: [blob] });
    expect(state.mails[0]?.attachments).toEqual(['surat.pdf']);
    expect(() => g.Utilities.base64Decode('!!')).toThrow('Fake Apps Script: Utilities.base64Decode was given text that is not base64');
    expect(() => g.Utilities.newBlob([1.5])).toThrow('Fake Apps Script: Utilities.newBlob was given an array that is not bytes');
    expect(() => callLoosely(g.Utilities, 'newBlob', [1])).toThrow("The parameters (number) don't match the method signature for Utilities.newBlob.");
  });
});

describe('a script in a vm context using the new services', () => {
  it('gets realm-correct values and handles a form submission end to end', () => {
    const fakes = createAppsScript({ htmlFiles: { Dialog: '<p><?= n ?></p>' } });
    const context = vm.createContext(fakes.globals);
    vm.runInContext(
      `
      function setup() {
        var form = FormApp.create('F');
        form.setPublished(true);
        form.addTextItem().setTitle('Nama').setRequired(true);
        form.addCheckboxItem().setTitle('Kanal').setChoiceValues(['WA', 'Surel']);
        form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
        ScriptApp.newTrigger('onSubmit').forForm(form).onFormSubmit().create();
        PropertiesService.getScriptProperties().setProperty('FORM_ID', form.getId());
        return form.getId();
      }
      function onSubmit(e) {
        var answers = e.response.getItemResponses();
        var kanal = answers[1].getResponse();
        MailApp.sendEmail(Session.getEffectiveUser().getEmail(), 'Baru: ' + answers[0].getResponse(), kanal.join('+'));
        return [kanal instanceof Array, e.response.getTimestamp() instanceof Date, typeof e.triggerUid, String(e.authMode)].join('|');
      }
      function keys() { return PropertiesService.getScriptProperties().getKeys() instanceof Array; }
      function dialog() { var t = HtmlService.createTemplateFromFile('Dialog'); t.n = 'x<y'; SpreadsheetApp.getUi().showModalDialog(t.evaluate(), 'D'); }
      `,
      context,
    );
    const formId = vm.runInContext('setup()', context) as string;
    const event = fakes.submitForm(formId, { Nama: 'Budi', Kanal: ['WA'] });
    context.event = event;
    expect(vm.runInContext('onSubmit(event)', context)).toBe('true|true|string|FULL');
    expect(fakes.state.mails[0]).toMatchObject({ to: ['owner@example.com'], subject: 'Baru: Budi', body: 'WA' });
    expect(vm.runInContext('keys()', context)).toBe(true);
    expect(vm.runInContext('event instanceof Object', context)).toBe(true);
    vm.runInContext('dialog()', context);
    expect(fakes.state.dialogs[0]?.content).toBe('<p>x&lt;y</p>');
    expect(fakes.state.sheet('Form Responses 1').values.slice(1).map((r) => r.slice(1))).toEqual([['Budi', 'WA']]);
  });
});
