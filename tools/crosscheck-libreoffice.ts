/**
 * Optional cross-check, NOT run in CI: does a real spreadsheet (LibreOffice Calc) agree with
 * core/calendar.ts on every due date of 2024-2027? Staff read due dates next to a spreadsheet,
 * and DESIGN.md §5 promises that `WorkCalendar.addWorkdays(start, n)` equals
 * `WORKDAY.INTL(start, n, 1, holidays)`. The CI test (test/core/workday-crosscheck.test.ts) checks
 * that against HyperFormula; this script checks it against LibreOffice's own implementation.
 *
 * It writes an .xlsx (with exceljs, as the local register is written) whose sheet "Cek" has, for
 * every day of the covered years, WORKDAY.INTL(day, n, 1, Libur) for n = 0, 1, 7 and
 * NETWORKDAYS.INTL(day + 1, day + 10, 1, Libur); sheet "Libur" holds the holidays of
 * sheets-schema/libur.ts. `soffice --headless --convert-to csv` then writes the values.
 *
 * Making LibreOffice really recompute: by default Calc trusts the cached results stored in an
 * .xlsx and does not recalculate on load ("Recalculation on file load: never"); `fullCalcOnLoad`
 * in the workbook is ignored, and a flat .fods bypasses the setting altogether. So the script runs
 * soffice with a throw-away profile whose registrymodifications.xcu sets
 * Calc/Formula/Load/OOXMLRecalcMode (and ODFRecalcMode) to 0 = always. Every formula cell is
 * written with a deliberately wrong cached result (-1), so output that was not recalculated
 * shows up as a difference instead of passing silently.
 *
 * Usage:   npx tsx tools/crosscheck-libreoffice.ts [--keep]   (SOFFICE=/path/to/soffice to override)
 * Needs:   apt-get update && apt-get install -y libreoffice-calc-nogui
 * Exit:    0 all equal; 1 differences or not recalculated; 2 LibreOffice missing or failed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { WorkCalendar } from '../core/calendar.js';
import { isoFromDay } from '../core/time.js';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER } from '../sheets-schema/index.js';

/** Spreadsheet serial number of day 0 (1970-01-01), in the 1900 date system. */
export const SERIAL_OFFSET = 25_569;
/** The WORKDAY.INTL day counts checked for every start day (columns B, C, D). */
export const WORKDAY_NS = [0, 1, 7] as const;
/** Column E: NETWORKDAYS.INTL(start + 1, start + NETWORKDAYS_SPAN), compared with workdaysBetween. */
export const NETWORKDAYS_SPAN = 10;
/** The cached result written into every formula cell; seeing it back means "not recalculated". */
export const NOT_RECALCULATED = -1;

const serialOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + SERIAL_OFFSET;

/**
 * The workbook: "Cek" (row 1 header, then one row per start day) and "Libur" (column A, the
 * holiday serials). CSV export writes the first sheet only, which is the one read back.
 */
export function buildWorkbook(holidays: readonly string[], startDays: readonly number[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const cek = wb.addWorksheet('Cek');
  const libur = wb.addWorksheet('Libur');
  holidays.forEach((iso, i) => {
    libur.getCell(i + 1, 1).value = serialOfIso(iso);
  });
  const range = `Libur!$A$1:$A$${Math.max(1, holidays.length)}`;
  cek.addRow(['start', ...WORKDAY_NS.map((n) => `workday_${n}`), `networkdays_${NETWORKDAYS_SPAN}`]);
  startDays.forEach((day, i) => {
    const r = i + 2;
    const formulas = [
      ...WORKDAY_NS.map((n) => `WORKDAY.INTL(A${r},${n},1,${range})`),
      `NETWORKDAYS.INTL(A${r}+1,A${r}+${NETWORKDAYS_SPAN},1,${range})`,
    ];
    const row = cek.getRow(r);
    row.getCell(1).value = day + SERIAL_OFFSET;
    formulas.forEach((formula, j) => {
      const cell = row.getCell(j + 2);
      cell.value = { formula, result: NOT_RECALCULATED };
      // An explicit integer format, or Calc prints WORKDAY.INTL results as locale dates.
      cell.numFmt = '0';
    });
  });
  return wb;
}

/** A throw-away LibreOffice profile that recalculates OOXML and ODF documents on load. */
function writeProfile(dir: string): void {
  const item = (name: string): string =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      item('OOXMLRecalcMode'),
      item('ODFRecalcMode'),
      '</oor:items>',
      '',
    ].join('\n'),
  );
}

export interface Difference {
  readonly start: string;
  readonly what: string;
  readonly libreoffice: string;
  readonly ours: string;
}

export interface Comparison {
  /** Start days (CSV rows) read. */
  readonly days: number;
  /** Values compared (WORKDAY.INTL for each n, NETWORKDAYS.INTL where the span is covered). */
  readonly compared: number;
  readonly notRecalculated: number;
  readonly differences: Difference[];
}

/** Compares the CSV LibreOffice wrote with the calendar. */
export function compareCsv(csv: string, cal: WorkCalendar): Comparison {
  const lines = csv.trim().split(/\r?\n/).slice(1);
  const differences: Difference[] = [];
  let compared = 0;
  let notRecalculated = 0;
  const show = (serial: number): string =>
    Number.isInteger(serial) ? isoFromDay(serial - SERIAL_OFFSET) : JSON.stringify(String(serial));
  for (const line of lines) {
    const [startText = '', ...rest] = line.split(',');
    const start = Number(startText) - SERIAL_OFFSET;
    const values = rest.map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
    const check = (what: string, lo: number, ours: number | undefined, asDate: boolean): void => {
      compared++;
      if (lo === NOT_RECALCULATED) {
        notRecalculated++;
        differences.push({ start: isoFromDay(start), what, libreoffice: 'not recalculated', ours: String(ours) });
        return;
      }
      const same =
        ours === undefined
          ? asDate && lo - SERIAL_OFFSET > cal.lastDay // we say "unknown": LibreOffice must land past the covered years
          : lo === (asDate ? ours + SERIAL_OFFSET : ours);
      if (!same) {
        differences.push({
          start: isoFromDay(start),
          what,
          libreoffice: asDate ? show(lo) : String(lo),
          ours: ours === undefined ? 'undefined' : asDate ? isoFromDay(ours) : String(ours),
        });
      }
    };
    WORKDAY_NS.forEach((n, i) => check(`WORKDAY.INTL(start, ${n})`, values[i] ?? Number.NaN, cal.addWorkdays(start, n), true));
    if (cal.covers(start + NETWORKDAYS_SPAN)) {
      check(
        `NETWORKDAYS.INTL(start+1, start+${NETWORKDAYS_SPAN})`,
        values[WORKDAY_NS.length] ?? Number.NaN,
        cal.workdaysBetween(start, start + NETWORKDAYS_SPAN),
        false,
      );
    }
  }
  return { days: lines.length, compared, notRecalculated, differences };
}

function findSoffice(): string | undefined {
  for (const candidate of [process.env.SOFFICE, 'soffice', 'libreoffice']) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'pipe', timeout: 120_000 });
      return candidate;
    } catch {
      // not this one; try the next
    }
  }
  return undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const soffice = findSoffice();
  if (soffice === undefined) {
    console.error('LibreOffice (soffice) not found. Install it: apt-get update && apt-get install -y libreoffice-calc-nogui');
    return 2;
  }
  const cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
  const days: number[] = [];
  for (let day = cal.firstDay; day <= cal.lastDay; day++) days.push(day);

  const work = mkdtempSync(path.join(tmpdir(), 'crosscheck-lo-'));
  try {
    const xlsx = path.join(work, 'workday.xlsx');
    await buildWorkbook(
      DEFAULT_LIBUR.map((h) => h.tanggal),
      days,
    ).xlsx.writeFile(xlsx);
    const profile = path.join(work, 'profile');
    writeProfile(profile);
    const started = Date.now();
    try {
      execFileSync(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', work, xlsx],
        { stdio: 'pipe', timeout: 600_000 },
      );
    } catch (e) {
      console.error(`LibreOffice failed: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const csvPath = path.join(work, 'workday.csv');
    if (!existsSync(csvPath)) {
      console.error(`LibreOffice wrote no CSV in ${work}.`);
      return 2;
    }
    const result = compareCsv(readFileSync(csvPath, 'utf8'), cal);
    console.log(execFileSync(soffice, ['--version'], { encoding: 'utf8' }).trim());
    console.log(
      `${result.days} start days (${isoFromDay(cal.firstDay)}..${isoFromDay(cal.lastDay)}), ${result.compared} values compared ` +
        `(WORKDAY.INTL n=${WORKDAY_NS.join('/')}, NETWORKDAYS.INTL over ${NETWORKDAYS_SPAN} days): ` +
        `${result.differences.length} differences, ${result.notRecalculated} not recalculated; LibreOffice took ${seconds} s.`,
    );
    for (const d of result.differences.slice(0, 40)) console.log(`  ${d.start} ${d.what}: LibreOffice ${d.libreoffice}, WorkCalendar ${d.ours}`);
    if (result.days !== days.length) {
      console.error(`Expected ${days.length} rows, LibreOffice wrote ${result.days}.`);
      return 1;
    }
    return result.differences.length === 0 ? 0 : 1;
  } finally {
    if (argv.includes('--keep')) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
