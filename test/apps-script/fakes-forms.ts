/**
 * A fake of FormApp (Form, its items, text validation, responses) for the Apps Script fakes
 * (fakes.ts is the entry point: createAppsScript()). The test answers a form with
 * `fakes.submitForm(formId, answers)`, which checks the answers as Google Forms would, records the
 * response, writes it to the linked "Form Responses N" sheet and gives the trigger event object
 * for the script's onFormSubmit handler.
 */
import type { Kit } from './fakes-kit.js';

type GFormApp = GoogleAppsScript.Forms.FormApp;
type GForm = GoogleAppsScript.Forms.Form;
type GItem = GoogleAppsScript.Forms.Item;
type GChoice = GoogleAppsScript.Forms.Choice;
type GFormResponse = GoogleAppsScript.Forms.FormResponse;
type GItemResponse = GoogleAppsScript.Forms.ItemResponse;
type GTextValidationBuilder = GoogleAppsScript.Forms.TextValidationBuilder;
type GParagraphTextValidationBuilder = GoogleAppsScript.Forms.ParagraphTextValidationBuilder;

export type FormItemType = 'TEXT' | 'PARAGRAPH_TEXT' | 'LIST' | 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'SECTION_HEADER' | 'PAGE_BREAK';

/** One text validation rule; `value` is the pattern or length, null for email and number. */
export interface TextValidationState {
  readonly rule: 'TEXT_MATCHES_PATTERN' | 'TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO' | 'TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO' | 'TEXT_IS_EMAIL' | 'NUMBER';
  readonly value: string | number | null;
  readonly helpText: string | null;
  /** Built with createParagraphTextValidation(), for a paragraph item. */
  readonly paragraph: boolean;
}

export interface FormItemState {
  readonly id: number;
  readonly type: FormItemType;
  readonly title: string;
  readonly helpText: string;
  /** null for items that are no question (section headers, page breaks). */
  readonly required: boolean | null;
  /** null for items without choices. */
  readonly choices: readonly string[] | null;
  readonly validation: TextValidationState | null;
}

export interface FormResponseState {
  readonly id: string;
  readonly timestamp: Date;
  /** '' unless the form collects emails. */
  readonly email: string;
  /** Answered items only, by item title. */
  readonly answers: Readonly<Record<string, string | readonly string[]>>;
}

export interface FormState {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly confirmationMessage: string;
  readonly collectEmail: boolean;
  readonly allowResponseEdits: boolean;
  readonly limitOneResponsePerUser: boolean;
  readonly progressBar: boolean;
  readonly showLinkToRespondAgain: boolean;
  readonly acceptingResponses: boolean;
  readonly published: boolean;
  readonly destination: { readonly type: 'SPREADSHEET'; readonly id: string; readonly sheetName: string } | null;
  readonly items: readonly FormItemState[];
  readonly responses: readonly FormResponseState[];
}

export interface SubmitOptions {
  /** FormResponse.getTimestamp() (default: now). */
  timestamp?: Date;
  /** The respondent; needed when the form collects emails or limits one response per user. */
  email?: string;
}

/** The event object of an installable onFormSubmit trigger of a form. */
export interface FormSubmitEvent {
  response: GFormResponse;
  source: GForm;
  triggerUid: string;
  authMode: object;
}

/** What FormApp needs from the spreadsheet and ScriptApp fakes. */
export interface FormsLinks {
  spreadsheetId: string;
  sheetNames(): string[];
  /** Inserts a sheet first in the spreadsheet with the header in row 1, linked to the form at formUrl. */
  insertResponseSheet(name: string, header: string[], formUrl: string): void;
  /** The sheet no longer gets the form's responses (Sheet.getFormUrl() gives null). */
  unlinkResponseSheet(name: string): void;
  setHeaderCell(sheetName: string, column: number, title: string): void;
  /** Writes the row after the last row, as typed input. */
  appendRow(sheetName: string, values: unknown[]): void;
  triggerUid(formId: string): string | null;
  authModeFull(): object;
}

type ValidationData = TextValidationState;

interface ItemModel {
  id: number;
  type: FormItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  validation: ValidationData | null;
  form: FormModel;
}

interface ResponseModel {
  id: string;
  timestamp: number;
  email: string;
  /** Answers by item id, in item order. */
  answers: Array<{ item: ItemModel; value: string | string[] }>;
}

interface FormModel {
  id: string;
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  progressBar: boolean;
  showLinkToRespondAgain: boolean;
  acceptingResponses: boolean;
  published: boolean;
  destination: { id: string; sheetName: string; columns: Map<number | 'email', number> } | null;
  items: ItemModel[];
  responses: ResponseModel[];
}

const ITEM_TYPES = ['CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE', 'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO', 'FILE_UPLOAD'] as const;
const CLASS_OF: Readonly<Record<FormItemType, string>> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  LIST: 'ListItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
};
const QUESTIONS = new Set<FormItemType>(['TEXT', 'PARAGRAPH_TEXT', 'LIST', 'MULTIPLE_CHOICE', 'CHECKBOX']);
const WITH_CHOICES = new Set<FormItemType>(['LIST', 'MULTIPLE_CHOICE', 'CHECKBOX']);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function createFormApp(
  kit: Kit,
  links: FormsLinks,
): {
  global: GFormApp;
  forms: () => FormState[];
  submitForm: (formId: string, answers: Record<string, string | string[]>, opts?: SubmitOptions) => FormSubmitEvent;
  formId: (v: unknown) => string | undefined;
} {
  const { fake, sig, gasError, fakeError, list, member, makeEnum } = kit;
  const enums = {
    DestinationType: makeEnum('DestinationType', ['SPREADSHEET']),
    ItemType: makeEnum('ItemType', ITEM_TYPES),
  };
  const forms: FormModel[] = [];
  let nextItemId = 100_000_001;
  let nextResponse = 1;
  const strArg = (a: readonly unknown[], i: number): string => a[i] as string;
  const boolArg = (a: readonly unknown[], i: number): boolean => a[i] as boolean;

  // --- validation -----------------------------------------------------------------------------
  const makeValidation = (d: ValidationData): object =>
    fake<object>(d.paragraph ? 'ParagraphTextValidation' : 'TextValidation', () => ({}), { internal: { kind: d.paragraph ? 'ParagraphTextValidation' : 'TextValidation', data: d } });

  const makeValidationBuilder = <B>(paragraph: boolean): B => {
    const className = paragraph ? 'ParagraphTextValidationBuilder' : 'TextValidationBuilder';
    const q = (m: string): string => `FormApp.${className}.${m}`;
    let rule: Omit<ValidationData, 'helpText' | 'paragraph'> | null = null;
    let helpText: string | null = null;
    return fake<B>(className, (self) => {
      const members: Record<string, unknown> = {
        requireTextMatchesPattern: (...a: unknown[]) => {
          sig(q('requireTextMatchesPattern'), a, ['string']);
          try {
            new RegExp(strArg(a, 0));
          } catch {
            throw fakeError(`${className}.requireTextMatchesPattern: '${strArg(a, 0)}' is no regular expression`);
          }
          rule = { rule: 'TEXT_MATCHES_PATTERN', value: strArg(a, 0) };
          return self;
        },
        requireTextLengthLessThanOrEqualTo: (...a: unknown[]) => {
          sig(q('requireTextLengthLessThanOrEqualTo'), a, ['int']);
          rule = { rule: 'TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO', value: a[0] as number };
          return self;
        },
        requireTextLengthGreaterThanOrEqualTo: (...a: unknown[]) => {
          sig(q('requireTextLengthGreaterThanOrEqualTo'), a, ['int']);
          rule = { rule: 'TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO', value: a[0] as number };
          return self;
        },
        setHelpText: (...a: unknown[]) => {
          sig(q('setHelpText'), a, ['string']);
          helpText = strArg(a, 0);
          return self;
        },
        build: () => {
          if (rule === null) throw fakeError(`${className}.build was called before a require… rule was set`);
          return makeValidation(Object.freeze({ ...rule, helpText, paragraph }));
        },
      };
      if (!paragraph) {
        members.requireTextIsEmail = () => {
          rule = { rule: 'TEXT_IS_EMAIL', value: null };
          return self;
        };
        members.requireNumber = () => {
          rule = { rule: 'NUMBER', value: null };
          return self;
        };
      }
      return members;
    });
  };

  /** Why Google Forms refuses `text` under the rule, or null when it accepts it. */
  const refusal = (v: ValidationData, text: string): string | null => {
    const length = [...text].length;
    const fails = ((): boolean => {
      switch (v.rule) {
        case 'TEXT_MATCHES_PATTERN':
          return !new RegExp(`^(?:${String(v.value)})$`).test(text);
        case 'TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO':
          return length > Number(v.value);
        case 'TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO':
          return length < Number(v.value);
        case 'TEXT_IS_EMAIL':
          return !EMAIL.test(text);
        case 'NUMBER':
          return !NUMBER.test(text.trim());
      }
    })();
    if (!fails) return null;
    const fallback: Record<ValidationData['rule'], string> = {
      TEXT_MATCHES_PATTERN: `must match the pattern ${String(v.value)}`,
      TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO: `must be at most ${String(v.value)} characters`,
      TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO: `must be at least ${String(v.value)} characters`,
      TEXT_IS_EMAIL: 'must be an email',
      NUMBER: 'must be a number',
    };
    return v.helpText ?? fallback[v.rule];
  };

  // --- items ----------------------------------------------------------------------------------
  const checkChoices = (item: ItemModel, values: string[], where: string): void => {
    for (const v of values) {
      if (!item.choices.includes(v)) throw new Error(`Fake Apps Script: ${where}: '${v}' is not a choice of '${item.title}' (${item.choices.join(', ')})`);
    }
    if (new Set(values).size !== values.length) throw new Error(`Fake Apps Script: ${where}: a choice of '${item.title}' is given twice`);
  };

  const makeItemResponse = (item: ItemModel, value: string | string[]): GItemResponse =>
    fake<GItemResponse>('ItemResponse', () => ({
      getItem: () => makeItem(item, null),
      getResponse: () => (Array.isArray(value) ? list(value) : value),
    }) satisfies Partial<GItemResponse>);

  const makeChoice = (value: string): GChoice => fake<GChoice>('Choice', () => ({ getValue: () => value }) satisfies Partial<GChoice>);

  /** An item as its own class (`typed` true) or as the generic Item getItems() gives. */
  const makeItem = (item: ItemModel, typedAs: FormItemType | null): GItem => {
    const className = typedAs ? CLASS_OF[typedAs] : 'Item';
    const q = (m: string): string => `FormApp.${className}.${m}`;
    return fake<GItem>(
      className,
      (self) => {
        const members: Record<string, unknown> = {
          getId: () => item.id,
          getIndex: () => {
            const index = item.form.items.indexOf(item);
            if (index < 0) throw fakeError(`${className}.getIndex: the item was deleted`);
            return index;
          },
          getType: () => member<object>(enums.ItemType, item.type),
          getTitle: () => item.title,
          setTitle: (...a: unknown[]) => {
            sig(q('setTitle'), a, ['string']);
            item.title = strArg(a, 0);
            const column = item.form.destination?.columns.get(item.id);
            if (item.form.destination && column !== undefined) links.setHeaderCell(item.form.destination.sheetName, column, item.title);
            return self;
          },
          getHelpText: () => item.helpText,
          setHelpText: (...a: unknown[]) => {
            sig(q('setHelpText'), a, ['string']);
            item.helpText = strArg(a, 0);
            return self;
          },
        };
        if (typedAs === null) {
          for (const [type, cls] of Object.entries(CLASS_OF) as Array<[FormItemType, string]>) {
            members[`as${cls}`] = () => {
              if (item.type !== type) throw gasError(`Invalid conversion for item type: ${item.type}`);
              return makeItem(item, type);
            };
          }
          return members;
        }
        if (QUESTIONS.has(typedAs)) {
          members.isRequired = () => item.required;
          members.setRequired = (...a: unknown[]) => {
            sig(q('setRequired'), a, ['boolean']);
            item.required = boolArg(a, 0);
            return self;
          };
          members.createResponse = (...a: unknown[]) => {
            if (typedAs === 'CHECKBOX') {
              sig(q('createResponse'), a, ['array']);
              const values = a[0] as unknown[];
              if (!values.every((v) => typeof v === 'string')) throw gasError(`The parameters (${kit.typeName(values)}) don't match the method signature for ${q('createResponse')}.`);
              checkChoices(item, values, `${className}.createResponse`);
              return makeItemResponse(item, [...values]);
            }
            sig(q('createResponse'), a, ['string']);
            if (WITH_CHOICES.has(typedAs)) checkChoices(item, [strArg(a, 0)], `${className}.createResponse`);
            return makeItemResponse(item, strArg(a, 0));
          };
        }
        if (WITH_CHOICES.has(typedAs)) {
          members.setChoiceValues = (...a: unknown[]) => {
            sig(q('setChoiceValues'), a, ['array']);
            const values = a[0] as unknown[];
            if (!values.every((v) => typeof v === 'string')) throw gasError(`The parameters (${kit.typeName(values)}) don't match the method signature for ${q('setChoiceValues')}.`);
            if (values.length === 0) throw fakeError(`${className}.setChoiceValues was given no choices`);
            if (new Set(values).size !== values.length) throw fakeError(`${className}.setChoiceValues was given a choice twice; Google Forms keeps choices distinct`);
            if (values.includes('')) throw fakeError(`${className}.setChoiceValues was given an empty choice`);
            item.choices = [...values];
            return self;
          };
          members.getChoices = () => list(item.choices.map(makeChoice));
        }
        if (typedAs === 'TEXT' || typedAs === 'PARAGRAPH_TEXT') {
          const kind = typedAs === 'TEXT' ? 'TextValidation' : 'ParagraphTextValidation';
          members.setValidation = (...a: unknown[]) => {
            sig(q('setValidation'), a, [kind]);
            item.validation = kit.internalOf(a[0])?.data as ValidationData;
            return self;
          };
          members.clearValidation = () => {
            item.validation = null;
            return self;
          };
        }
        return members;
      },
      { internal: { kind: 'Item', className, item } },
    );
  };

  // --- responses ------------------------------------------------------------------------------
  const makeResponse = (form: FormModel, r: ResponseModel): GFormResponse =>
    fake<GFormResponse>('FormResponse', () => ({
      getId: () => r.id,
      getTimestamp: () => kit.date(r.timestamp),
      getItemResponses: () => list(r.answers.map((x) => makeItemResponse(x.item, x.value))),
      getResponseForItem: (...a: unknown[]) => {
        sig('FormApp.FormResponse.getResponseForItem', a, ['Item']);
        const item = kit.internalOf(a[0])?.item;
        const answer = r.answers.find((x) => x.item === item);
        return (answer ? makeItemResponse(answer.item, answer.value) : null) as GItemResponse;
      },
      getRespondentEmail: () => r.email,
      getEditResponseUrl: () => `https://docs.google.com/forms/d/e/${form.id}-published/viewform?edit2=${r.id}`,
    }) satisfies Partial<GFormResponse>);

  const responseRow = (form: FormModel, r: ResponseModel): unknown[] => {
    const columns = form.destination?.columns ?? new Map<number | 'email', number>();
    const row: unknown[] = new Array<unknown>(Math.max(1, ...columns.values())).fill('');
    row[0] = new Date(r.timestamp);
    const emailColumn = columns.get('email');
    if (emailColumn !== undefined) row[emailColumn - 1] = r.email;
    for (const { item, value } of r.answers) {
      const column = columns.get(item.id);
      if (column !== undefined) row[column - 1] = Array.isArray(value) ? value.join(', ') : value;
    }
    return row;
  };

  // --- forms ----------------------------------------------------------------------------------
  const findForm = (id: string): FormModel | undefined => forms.find((f) => f.id === id);

  const addColumn = (form: FormModel, key: number | 'email', title: string): void => {
    const d = form.destination;
    if (!d || d.columns.has(key)) return;
    const column = Math.max(1, ...d.columns.values()) + 1;
    d.columns.set(key, column);
    links.setHeaderCell(d.sheetName, column, title);
  };

  const makeForm = (form: FormModel): GForm =>
    fake<GForm>(
      'Form',
      (self) => {
        const q = (m: string): string => `FormApp.Form.${m}`;
        const setText = (m: string, apply: (v: string) => void) => (...a: unknown[]): GForm => {
          sig(q(m), a, ['string']);
          apply(strArg(a, 0));
          return self;
        };
        const setFlag = (m: string, apply: (v: boolean) => void) => (...a: unknown[]): GForm => {
          sig(q(m), a, ['boolean']);
          apply(boolArg(a, 0));
          return self;
        };
        const add = <T>(type: FormItemType) => (): T => {
          const item: ItemModel = { id: nextItemId++, type, title: '', helpText: '', required: false, choices: [], validation: null, form };
          form.items.push(item);
          if (QUESTIONS.has(type)) addColumn(form, item.id, item.title);
          return makeItem(item, type) as unknown as T;
        };
        const noDestination = (m: string): never => {
          throw fakeError(`Form.${m}: the form has no response destination`);
        };
        return {
          getId: () => form.id,
          getTitle: () => form.title,
          setTitle: setText('setTitle', (v) => (form.title = v)),
          getDescription: () => form.description,
          setDescription: setText('setDescription', (v) => (form.description = v)),
          getConfirmationMessage: () => form.confirmationMessage,
          setConfirmationMessage: setText('setConfirmationMessage', (v) => (form.confirmationMessage = v)),
          collectsEmail: () => form.collectEmail,
          setCollectEmail: setFlag('setCollectEmail', (v) => {
            form.collectEmail = v;
            if (v) addColumn(form, 'email', 'Email Address');
          }),
          canEditResponse: () => form.allowResponseEdits,
          setAllowResponseEdits: setFlag('setAllowResponseEdits', (v) => (form.allowResponseEdits = v)),
          hasLimitOneResponsePerUser: () => form.limitOneResponsePerUser,
          setLimitOneResponsePerUser: setFlag('setLimitOneResponsePerUser', (v) => (form.limitOneResponsePerUser = v)),
          hasProgressBar: () => form.progressBar,
          setProgressBar: setFlag('setProgressBar', (v) => (form.progressBar = v)),
          hasRespondAgainLink: () => form.showLinkToRespondAgain,
          setShowLinkToRespondAgain: setFlag('setShowLinkToRespondAgain', (v) => (form.showLinkToRespondAgain = v)),
          isAcceptingResponses: () => form.acceptingResponses,
          // Forms created through the API since 2026 start unpublished; a respondent cannot open them.
          isPublished: () => form.published,
          setPublished: setFlag('setPublished', (v) => (form.published = v)),
          setAcceptingResponses: setFlag('setAcceptingResponses', (v) => (form.acceptingResponses = v)),
          setDestination: (...a: unknown[]) => {
            sig(q('setDestination'), a, ['DestinationType', 'string']);
            const id = strArg(a, 1);
            if (id !== links.spreadsheetId) throw fakeError(`Form.setDestination: the fakes know only the spreadsheet '${links.spreadsheetId}', not '${id}'`);
            let n = 1;
            while (links.sheetNames().includes(`Form Responses ${n}`)) n++;
            const sheetName = `Form Responses ${n}`;
            const columns = new Map<number | 'email', number>([]);
            const header = ['Timestamp'];
            if (form.collectEmail) {
              header.push('Email Address');
              columns.set('email', header.length);
            }
            for (const item of form.items) {
              if (!QUESTIONS.has(item.type)) continue;
              header.push(item.title);
              columns.set(item.id, header.length);
            }
            if (form.destination) links.unlinkResponseSheet(form.destination.sheetName);
            links.insertResponseSheet(sheetName, header, `https://docs.google.com/forms/d/${form.id}/viewform`);
            form.destination = { id, sheetName, columns };
            for (const r of form.responses) links.appendRow(sheetName, responseRow(form, r)); // Google copies earlier responses over
            return self;
          },
          getDestinationId: () => form.destination?.id ?? noDestination('getDestinationId'),
          getDestinationType: () => (form.destination ? member<GoogleAppsScript.Forms.DestinationType>(enums.DestinationType, 'SPREADSHEET') : noDestination('getDestinationType')),
          removeDestination: () => {
            if (form.destination) links.unlinkResponseSheet(form.destination.sheetName);
            form.destination = null;
            return self;
          },
          getPublishedUrl: () => `https://docs.google.com/forms/d/e/${form.id}-published/viewform`,
          getEditUrl: () => `https://docs.google.com/forms/d/${form.id}/edit`,
          addTextItem: add<GoogleAppsScript.Forms.TextItem>('TEXT'),
          addParagraphTextItem: add<GoogleAppsScript.Forms.ParagraphTextItem>('PARAGRAPH_TEXT'),
          addListItem: add<GoogleAppsScript.Forms.ListItem>('LIST'),
          addMultipleChoiceItem: add<GoogleAppsScript.Forms.MultipleChoiceItem>('MULTIPLE_CHOICE'),
          addCheckboxItem: add<GoogleAppsScript.Forms.CheckboxItem>('CHECKBOX'),
          addSectionHeaderItem: add<GoogleAppsScript.Forms.SectionHeaderItem>('SECTION_HEADER'),
          addPageBreakItem: add<GoogleAppsScript.Forms.PageBreakItem>('PAGE_BREAK'),
          getItems: (...a: unknown[]) => {
            const overload = sig(q('getItems'), a, [], ['ItemType']);
            const type = overload === 1 ? kit.enumName(a[0]) : null;
            return list(form.items.filter((i) => type === null || i.type === type).map((i) => makeItem(i, null)));
          },
          getItemById: (...a: unknown[]) => {
            sig(q('getItemById'), a, ['int']);
            const item = form.items.find((i) => i.id === a[0]);
            return (item ? makeItem(item, null) : null) as GItem;
          },
          deleteItem: (...a: unknown[]) => {
            const overload = sig(q('deleteItem'), a, ['int'], ['Item']);
            const index = overload === 0 ? (a[0] as number) : form.items.indexOf(kit.internalOf(a[0])?.item as ItemModel);
            if (index < 0 || index >= form.items.length) throw fakeError(`Form.deleteItem: no item ${overload === 0 ? `at index ${index}` : 'like that'} in the form`);
            form.items.splice(index, 1);
          },
          getResponses: () => list(form.responses.map((r) => makeResponse(form, r))),
          getResponse: (...a: unknown[]) => {
            sig(q('getResponse'), a, ['string']);
            const r = form.responses.find((x) => x.id === a[0]);
            if (!r) throw fakeError(`Form.getResponse: no response with the id '${strArg(a, 0)}'`);
            return makeResponse(form, r);
          },
        } satisfies Partial<GForm> & { isPublished(): boolean; setPublished(v: boolean): GForm };
      },
      { internal: { kind: 'Form', form } },
    );

  const global = fake<GFormApp>('FormApp', () => ({
    DestinationType: enums.DestinationType as unknown as typeof GoogleAppsScript.Forms.DestinationType,
    ItemType: enums.ItemType as unknown as typeof GoogleAppsScript.Forms.ItemType,
    create: (...a: unknown[]) => {
      sig('FormApp.create', a, ['string']);
      const form: FormModel = {
        id: `fake-form-${forms.length + 1}`,
        title: strArg(a, 0),
        description: '',
        confirmationMessage: '',
        collectEmail: false,
        allowResponseEdits: false,
        limitOneResponsePerUser: false,
        progressBar: false,
        showLinkToRespondAgain: true,
        acceptingResponses: true,
        published: false,
        destination: null,
        items: [],
        responses: [],
      };
      forms.push(form);
      return makeForm(form);
    },
    openById: (...a: unknown[]) => {
      sig('FormApp.openById', a, ['string']);
      const form = findForm(strArg(a, 0));
      if (!form) throw fakeError(`FormApp.openById: no form with the id '${strArg(a, 0)}' (forms: ${forms.map((f) => f.id).join(', ') || 'none'})`);
      return makeForm(form);
    },
    createTextValidation: () => makeValidationBuilder<GTextValidationBuilder>(false),
    createParagraphTextValidation: () => makeValidationBuilder<GParagraphTextValidationBuilder>(true),
  }) satisfies Partial<GFormApp>);

  // --- test side --------------------------------------------------------------------------------
  const submitForm = (formId: string, answers: Record<string, string | string[]>, opts: SubmitOptions = {}): FormSubmitEvent => {
    const form = findForm(formId);
    if (!form) throw new Error(`Fake Apps Script: submitForm: no form with the id '${formId}' (forms: ${forms.map((f) => f.id).join(', ') || 'none'})`);
    const refuse = (why: string): never => {
      throw new Error(`Fake Apps Script: Google Forms would refuse this response to '${form.title}': ${why}`);
    };
    if (!form.published) refuse('the form is not published (Form.setPublished(true))');
    if (!form.acceptingResponses) refuse('the form is not accepting responses');
    const questions = form.items.filter((i) => QUESTIONS.has(i.type));
    for (const title of Object.keys(answers)) {
      const matching = questions.filter((i) => i.title === title);
      if (matching.length === 0) refuse(`there is no question '${title}' (questions: ${questions.map((i) => i.title).join(', ')})`);
      if (matching.length > 1) refuse(`${matching.length} questions are titled '${title}'`);
    }
    const email = opts.email ?? '';
    if (email !== '' && !EMAIL.test(email)) refuse(`'${email}' is no email address`);
    if ((form.collectEmail || form.limitOneResponsePerUser) && email === '') refuse('the form needs the respondent\'s email (pass opts.email)');
    if (form.limitOneResponsePerUser && form.responses.some((r) => r.email === email)) refuse(`${email} has already responded`);
    const given: ResponseModel['answers'] = [];
    for (const item of questions) {
      const raw = Object.hasOwn(answers, item.title) ? answers[item.title] : undefined;
      const empty = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
      if (empty) {
        if (item.required) refuse(`'${item.title}' is a required question`);
        continue;
      }
      if (item.type === 'CHECKBOX') {
        if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) refuse(`'${item.title}' is a checkbox question; answer it with a string[]`);
        const values = [...(raw as string[])];
        checkChoices(item, values, 'submitForm');
        given.push({ item, value: values });
        continue;
      }
      if (typeof raw !== 'string') refuse(`'${item.title}' takes one string, not ${Array.isArray(raw) ? 'an array' : typeof raw}`);
      const text = raw as string;
      if (WITH_CHOICES.has(item.type)) checkChoices(item, [text], 'submitForm');
      if ((item.type === 'TEXT' || item.type === 'PARAGRAPH_TEXT') && item.validation) {
        const why = refusal(item.validation, text);
        if (why !== null) refuse(`'${item.title}': ${why}`);
      }
      if (item.type === 'TEXT' && text.includes('\n')) refuse(`'${item.title}' is a short-answer question; it takes one line`);
      given.push({ item, value: text });
    }
    const timestamp = (opts.timestamp ?? new Date()).getTime();
    const r: ResponseModel = { id: `fake-response-${nextResponse++}`, timestamp, email: form.collectEmail ? email : '', answers: given };
    form.responses.push(r);
    if (form.destination) links.appendRow(form.destination.sheetName, responseRow(form, r));
    return kit.object({
      response: makeResponse(form, r),
      source: makeForm(form),
      triggerUid: links.triggerUid(form.id) ?? '0',
      authMode: links.authModeFull(),
    }) as unknown as FormSubmitEvent;
  };

  const formState = (f: FormModel): FormState => ({
    id: f.id,
    title: f.title,
    description: f.description,
    confirmationMessage: f.confirmationMessage,
    collectEmail: f.collectEmail,
    allowResponseEdits: f.allowResponseEdits,
    limitOneResponsePerUser: f.limitOneResponsePerUser,
    progressBar: f.progressBar,
    showLinkToRespondAgain: f.showLinkToRespondAgain,
    acceptingResponses: f.acceptingResponses,
    published: f.published,
    destination: f.destination ? { type: 'SPREADSHEET', id: f.destination.id, sheetName: f.destination.sheetName } : null,
    items: f.items.map((i) => ({
      id: i.id,
      type: i.type,
      title: i.title,
      helpText: i.helpText,
      required: QUESTIONS.has(i.type) ? i.required : null,
      choices: WITH_CHOICES.has(i.type) ? [...i.choices] : null,
      validation: i.validation ? { ...i.validation } : null,
    })),
    responses: f.responses.map((r) => ({
      id: r.id,
      timestamp: new Date(r.timestamp),
      email: r.email,
      answers: Object.fromEntries(r.answers.map((x) => [x.item.title, Array.isArray(x.value) ? [...x.value] : x.value])),
    })),
  });

  return {
    global,
    forms: () => forms.map(formState),
    submitForm,
    formId: (v) => {
      if (typeof v === 'string') return findForm(v)?.id;
      const inner = kit.internalOf(v);
      return inner?.kind === 'Form' ? (inner.form as FormModel).id : undefined;
    },
  };
}
