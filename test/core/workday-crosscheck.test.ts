/**
 * Cross-check of core/calendar.ts against a spreadsheet engine. DESIGN.md §5 promises that a due
 * date is the same as a spreadsheet's WORKDAY.INTL(received, 7, 1, holidays), and staff will
 * compare the register with their own spreadsheets; so WorkCalendar is compared with HyperFormula
 * (an independent implementation of WORKDAY.INTL and NETWORKDAYS.INTL) for every day of the
 * covered years and for a seeded sample of long counts. Zero differences are allowed.
 *
 * All formulas go into one engine, built once: the holidays on sheet "Libur" as DATE() formulas,
 * the cases on sheet "Kasus", and the workbook that tools/crosscheck-libreoffice.ts hands to
 * LibreOffice on sheet "Cek" (so the optional LibreOffice script is checked here without
 * LibreOffice). About 7,500 formulas; the whole file takes about 2 s (most of it in the engine).
 */
import { HyperFormula, type CellValue, type RawCellContent } from 'hyperformula';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar.js';
import { dayFromIso, isoFromDay } from '../../core/time.js';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER } from '../../sheets-schema/index.js';
import {
  buildWorkbook,
  compareCsv,
  NETWORKDAYS_SPAN,
  NOT_RECALCULATED,
  SERIAL_OFFSET,
  WORKDAY_NS,
} from '../../tools/crosscheck-libreoffice.js';
import { mulberry32 } from '../helpers/prng.js';

const DAY_MS = 86_400_000;
const cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
const LAST_COVERED = '2027-12-31'; // Friday

/** Deterministic PRNG (mulberry32): the sample is the same on every run. */

// Dates on the spreadsheet side are built without core/time.ts: ISO text from Date.UTC, and
// DATE(y, m, d) in the formulas.
const isoOfUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dateFormula = (iso: string): string => `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;
const isoOfSerial = (serial: number): string => isoOfUtc((serial - SERIAL_OFFSET) * DAY_MS);
const addDaysIso = (iso: string, k: number): string => isoOfUtc(Date.parse(`${iso}T00:00:00Z`) + k * DAY_MS);

/** Every date of the covered years, 2024-01-01 (Monday) to 2027-12-31 (Friday). */
const ALL_DAYS: readonly string[] = (() => {
  const out: string[] = [];
  for (let ms = Date.UTC(2024, 0, 1); ms <= Date.UTC(2027, 11, 31); ms += DAY_MS) out.push(isoOfUtc(ms));
  return out;
})();

const HOLIDAYS = `Libur!$A$1:$A$${DEFAULT_LIBUR.length}`;

interface WorkdayCase {
  readonly kind: 'workday';
  readonly start: string;
  readonly n: number;
}
interface NetworkdaysCase {
  readonly kind: 'networkdays';
  readonly a: string;
  readonly b: string;
}
type Case = WorkdayCase | NetworkdaysCase;

const formulaOf = (c: Case): string =>
  c.kind === 'workday'
    ? `=WORKDAY.INTL(${dateFormula(c.start)},${c.n},1,${HOLIDAYS})`
    : // workdaysBetween counts (a, b]; NETWORKDAYS.INTL counts [start, end], so start at a + 1.
      `=NETWORKDAYS.INTL(${dateFormula(c.a)}+1,${dateFormula(c.b)},1,${HOLIDAYS})`;

/** Every day with n = 0, 1 and 7. */
const EXHAUSTIVE: readonly WorkdayCase[] = ALL_DAYS.flatMap((start) => [0, 1, 7].map((n) => ({ kind: 'workday' as const, start, n })));

/** 400 seeded random (start, n) pairs, n in 1..250. */
const RANDOM_WORKDAY: readonly WorkdayCase[] = (() => {
  const random = mulberry32(7_2026);
  return Array.from({ length: 400 }, () => ({
    kind: 'workday' as const,
    start: ALL_DAYS[Math.floor(random() * ALL_DAYS.length)] as string,
    n: 1 + Math.floor(random() * 250),
  }));
})();

/** (a, a + 10] for every a whose span is covered, and 300 seeded random spans of up to 400 days. */
const NETWORKDAYS_CASES: readonly NetworkdaysCase[] = (() => {
  const out: NetworkdaysCase[] = [];
  for (const a of ALL_DAYS) {
    const b = addDaysIso(a, 10);
    if (b <= LAST_COVERED) out.push({ kind: 'networkdays', a, b });
  }
  const random = mulberry32(17_0845);
  while (out.length < ALL_DAYS.length - 10 + 300) {
    const a = ALL_DAYS[Math.floor(random() * ALL_DAYS.length)] as string;
    const b = addDaysIso(a, 1 + Math.floor(random() * 400));
    if (b <= LAST_COVERED) out.push({ kind: 'networkdays', a, b });
  }
  return out;
})();

const ALL_CASES: readonly Case[] = [...EXHAUSTIVE, ...RANDOM_WORKDAY, ...NETWORKDAYS_CASES];

let hf: HyperFormula;
let values = new Map<Case, CellValue>();
/** The "Cek" sheet of the LibreOffice workbook, as HyperFormula computed it, in CSV. */
let toolCsv = '';
let toolRows = 0;

beforeAll(() => {
  hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  const libur = hf.getSheetId(hf.addSheet('Libur')) as number;
  const kasus = hf.getSheetId(hf.addSheet('Kasus')) as number;
  const cek = hf.getSheetId(hf.addSheet('Cek')) as number;

  // The tool's workbook, formulas and all, exactly as it would be written to .xlsx.
  const wb = buildWorkbook(
    DEFAULT_LIBUR.map((h) => h.tanggal),
    ALL_DAYS.map((iso) => dayFromIso(iso)),
  );
  const sheet = wb.getWorksheet('Cek');
  if (!sheet) throw new Error('the LibreOffice workbook has no sheet "Cek"');
  const cekContent: RawCellContent[][] = [];
  sheet.eachRow((row) => {
    const cells: RawCellContent[] = [];
    for (let c = 1; c <= WORKDAY_NS.length + 2; c++) {
      const v = row.getCell(c).value;
      cells.push(typeof v === 'object' && v !== null && 'formula' in v ? `=${v.formula}` : (v as RawCellContent));
    }
    cekContent.push(cells);
  });
  toolRows = cekContent.length - 1;

  hf.batch(() => {
    hf.setSheetContent(libur, DEFAULT_LIBUR.map((h) => [`=${dateFormula(h.tanggal)}`]));
    hf.setSheetContent(kasus, ALL_CASES.map((c) => [formulaOf(c)]));
    hf.setSheetContent(cek, cekContent);
  });

  const computed = hf.getSheetValues(kasus);
  values = new Map(ALL_CASES.map((c, i) => [c, computed[i]?.[0] ?? null]));
  toolCsv = hf
    .getSheetValues(cek)
    .map((row) => row.map((v) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '#ERR')).join(','))
    .join('\n');
});

afterAll(() => {
  hf.destroy();
});

/** Our answer and the spreadsheet's for a WORKDAY case, as ISO dates or a note. */
function compareWorkday(c: WorkdayCase): string | undefined {
  const sheet = values.get(c);
  if (typeof sheet !== 'number') return `${c.start} + ${c.n}: spreadsheet error ${JSON.stringify(sheet)}`;
  const expected = isoOfSerial(sheet);
  const ours = cal.addWorkdays(dayFromIso(c.start), c.n);
  if (ours === undefined) {
    // WorkCalendar refuses to answer past 2027; the spreadsheet (treating 2028 as holiday-free)
    // must then indeed land past 2027.
    return expected > LAST_COVERED ? undefined : `${c.start} + ${c.n}: spreadsheet ${expected}, WorkCalendar undefined`;
  }
  return isoFromDay(ours) === expected ? undefined : `${c.start} + ${c.n}: spreadsheet ${expected}, WorkCalendar ${isoFromDay(ours)}`;
}

describe('WorkCalendar.addWorkdays equals WORKDAY.INTL(start, n, 1, holidays) (HyperFormula)', () => {
  it('for every day of 2024-2027 with n = 0, 1 and 7 (4,383 formulas)', () => {
    expect(EXHAUSTIVE).toHaveLength(1461 * 3);
    const differences = EXHAUSTIVE.map(compareWorkday).filter((d) => d !== undefined);
    expect(differences).toEqual([]);
  });

  it('for the DESIGN example the spreadsheet says Thursday 2 April 2026', () => {
    // Guards against a vacuous comparison: the engine really evaluated WORKDAY.INTL with holidays.
    const c = EXHAUSTIVE.find((x) => x.start === '2026-03-17' && x.n === 7) as WorkdayCase; // Tuesday
    expect(isoOfSerial(values.get(c) as number)).toBe('2026-04-02'); // Thursday
  });

  it('for 400 seeded random starts with n in 1..250, of which at least 300 end inside 2027', () => {
    const inside = RANDOM_WORKDAY.filter((c) => cal.addWorkdays(dayFromIso(c.start), c.n) !== undefined);
    expect(inside.length).toBeGreaterThanOrEqual(300);
    expect(Math.max(...inside.map((c) => c.n))).toBeGreaterThan(200);
    const differences = RANDOM_WORKDAY.map(compareWorkday).filter((d) => d !== undefined);
    expect(differences).toEqual([]);
  });
});

describe('WorkCalendar.workdaysBetween(a, b) equals NETWORKDAYS.INTL(a + 1, b, 1, holidays) (HyperFormula)', () => {
  it(`for every a with b = a + 10 days, and 300 seeded random spans of up to 400 days`, () => {
    expect(NETWORKDAYS_CASES.length).toBe(1451 + 300);
    const differences: string[] = [];
    for (const c of NETWORKDAYS_CASES) {
      const sheet = values.get(c);
      const a = dayFromIso(c.a);
      const b = dayFromIso(c.b);
      const ours = cal.workdaysBetween(a, b);
      const reversed = cal.workdaysBetween(b, a);
      if (typeof sheet !== 'number' || ours !== sheet || reversed !== -sheet) {
        differences.push(`(${c.a}, ${c.b}]: spreadsheet ${String(sheet)}, WorkCalendar ${ours} (reversed ${reversed})`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('the workbook of tools/crosscheck-libreoffice.ts (checked here without LibreOffice)', () => {
  it('has one row per day of 2024-2027 with WORKDAY.INTL for n = 0, 1, 7 and NETWORKDAYS.INTL', () => {
    expect(toolRows).toBe(1461);
    expect(WORKDAY_NS).toEqual([0, 1, 7]);
    expect(NETWORKDAYS_SPAN).toBe(10);
  });

  it('its formulas, computed by HyperFormula, agree with WorkCalendar through compareCsv', () => {
    const result = compareCsv(toolCsv, cal);
    expect(result.days).toBe(1461);
    expect(result.compared).toBe(1461 * 3 + 1451);
    expect(result.differences).toEqual([]);
  });

  it('compareCsv reports a wrong due date', () => {
    // 2026-03-17 (Tuesday) + 7 is 2026-04-02 (Thursday); pretend the sheet said Wednesday 1 April.
    const start = dayFromIso('2026-03-17') + SERIAL_OFFSET;
    const due = dayFromIso('2026-04-02') + SERIAL_OFFSET;
    const tampered = toolCsv.replace(new RegExp(`^${start},(.*),${due},`, 'm'), `${start},$1,${due - 1},`);
    expect(tampered).not.toBe(toolCsv);
    const result = compareCsv(tampered, cal);
    expect(result.differences).toEqual([
      { start: '2026-03-17', what: 'WORKDAY.INTL(start, 7)', libreoffice: '2026-04-01', ours: '2026-04-02' },
    ]);
  });

  it('compareCsv treats the cached sentinel as "not recalculated", never as agreement', () => {
    const stale = toolCsv
      .split('\n')
      .map((line, i) => (i === 0 ? line : line.replace(/,.*$/, `,${NOT_RECALCULATED},${NOT_RECALCULATED},${NOT_RECALCULATED},${NOT_RECALCULATED}`)))
      .join('\n');
    const result = compareCsv(stale, cal);
    expect(result.notRecalculated).toBe(result.compared);
    expect(result.differences).toHaveLength(result.compared);
  });
});
