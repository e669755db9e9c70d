/**
 * Leadership's Looker Studio report, as data: its data source (the Dasbor tab only, every field
 * with its type and aggregation), its calculated fields and its pages and charts; and the Looker
 * Studio Linking API URL that creates the report on an office's own register.
 *
 * Personal data cannot reach the report by construction: the data source is the Dasbor tab, whose
 * columns are a whitelist of non-personal columns (sheets-schema/tabs.ts), and the URL names the
 * exact column range of that tab (Looker Studio also ingests hidden columns, so a person who adds
 * or hides a column beside it cannot widen what is read) with hidden cells excluded as well.
 * docs/looker-studio.md tells an administrator how to build the template report once from this
 * definition; `pengaduan dasbor-url` prints the URL.
 */
import { columnLetters } from './table.js';
import { DASBOR_COLUMNS, stageColumn, STATUS, isFinalStatus, TABS, type Column } from '../sheets-schema/index.js';
import { ageBuckets, BELUM_DIHITUNG } from './dasbor.js';
import { PengaduanError } from './errors.js';
import { parseSettings } from './settings.js';

/** Looker Studio's field types and aggregations used here. */
export type LookerType = 'TEXT' | 'NUMBER' | 'PERCENT' | 'YEAR_MONTH_DAY' | 'BOOLEAN';
export type LookerAggregation = 'NONE' | 'SUM' | 'AVG' | 'MEDIAN' | 'MAX' | 'COUNT' | 'COUNT_DISTINCT' | 'AUTO';

export interface LookerField {
  /** The field's name in Looker Studio: the Dasbor tab's header, or a calculated field's name. */
  readonly name: string;
  readonly type: LookerType;
  readonly aggregation: LookerAggregation;
  /** A dimension (grouping) or a metric (a number to aggregate). */
  readonly role: 'dimensi' | 'metrik';
  /** The Dasbor column it reads, for fields of the tab. */
  readonly column?: string;
  /** A calculated field's formula (Looker Studio syntax). */
  readonly formula?: string;
  readonly description: string;
}

export interface LookerChart {
  readonly title: string;
  readonly kind: 'kartu_skor' | 'kolom_bertumpuk' | 'batang' | 'donat' | 'tabel' | 'kolom';
  readonly dimensions: readonly string[];
  readonly breakdown?: string;
  readonly metrics: readonly string[];
  readonly filter?: string;
  readonly sort?: string;
  readonly note?: string;
}

export interface LookerPage {
  readonly title: string;
  readonly purpose: string;
  readonly charts: readonly LookerChart[];
}

export interface LookerReport {
  readonly name: string;
  readonly dataSource: { readonly name: string; readonly alias: 'ds0'; readonly tab: string; readonly range: string; readonly fields: readonly LookerField[] };
  readonly controls: readonly string[];
  readonly pages: readonly LookerPage[];
}

/** Spreadsheet column letters of a 1-based column number (1 → A, 27 → AA). */

/** The Dasbor tab's columns, from A to its last schema column, every row: nothing beside it. */
export const DASBOR_RANGE = `A1:${columnLetters(DASBOR_COLUMNS.length)}`;

const header = (key: string): string => {
  const c = DASBOR_COLUMNS.find((col) => col.key === key);
  if (!c) throw new Error(`Dasbor column ${key} is not in the schema`);
  return c.header;
};

const STAGE_COLUMNS: ReadonlySet<string> = new Set(STATUS.map(stageColumn));

function fieldOf(c: Column): LookerField {
  const base = { name: c.header, column: c.key } as const;
  if (c.type === 'angka') {
    const stage = STAGE_COLUMNS.has(c.key);
    return {
      ...base,
      type: 'NUMBER',
      aggregation: stage ? 'MEDIAN' : 'AVG',
      role: 'metrik',
      description: stage ? `Hari kerja yang dihabiskan di tahap ${c.header.replace(/^Hari /, '')} (kosong bila tidak melewatinya); median menunjukkan hambatan.` : 'Hari kerja yang terpakai (jeda menunggu pelapor tidak dihitung).',
    };
  }
  if (c.type === 'tanggal') return { ...base, type: 'YEAR_MONTH_DAY', aggregation: 'NONE', role: 'dimensi', description: `${c.header} (TTTT-BB-HH).` };
  return { ...base, type: 'TEXT', aggregation: 'NONE', role: 'dimensi', description: c.note ?? c.header };
}

const q = (name: string): string => `\`${name}\``;

/** The report's calculated fields (built from the tab's fields only). */
function calculatedFields(slaDays: number): LookerField[] {
  const used = q(header('hari_kerja_terpakai'));
  const buckets = ageBuckets(slaDays);
  // A blank count (the clock not computed) is no age: without its own WHEN it would fall to the
  // ELSE and be shown as the latest bucket.
  const umur = `CASE WHEN ${used} IS NULL THEN "${BELUM_DIHITUNG}" ${buckets
    .filter((b) => Number.isFinite(b.max))
    .map((b) => `WHEN ${used} <= ${b.max} THEN "${b.label}"`)
    .join(' ')} ELSE "${buckets[buckets.length - 1]?.label ?? ''}" END`;
  const tepat = q(header('tepat_waktu'));
  return [
    { name: 'Jumlah Pengaduan', type: 'NUMBER', aggregation: 'AUTO', role: 'metrik', formula: `COUNT(${q(header('nomor'))})`, description: 'Banyaknya pengaduan.' },
    {
      name: 'Persen Tepat Waktu',
      type: 'PERCENT',
      aggregation: 'AUTO',
      role: 'metrik',
      formula: `SUM(CASE WHEN ${tepat} = "ya" THEN 1 ELSE 0 END) / SUM(CASE WHEN ${tepat} IN ("ya", "tidak") THEN 1 ELSE 0 END)`,
      description: 'Bagian pengaduan yang selesai dalam waktu layanan, dari yang sudah selesai.',
    },
    { name: 'Umur Antrean', type: 'TEXT', aggregation: 'NONE', role: 'dimensi', formula: umur, description: 'Kelompok hari kerja terpakai pengaduan yang masih terbuka.' },
    {
      name: 'Hari Lewat Tenggat',
      type: 'NUMBER',
      aggregation: 'MAX',
      role: 'metrik',
      formula: `GREATEST(${used} - ${slaDays}, 0)`,
      description: `Hari kerja melewati waktu layanan ${slaDays} hari kerja.`,
    },
  ];
}

/** The report: one data source on the Dasbor tab, four pages. `slaDays`: the office's service time (default: the setting's default). */
export function lookerReport(slaDays = parseSettings([]).sla.days): LookerReport {
  const h = header;
  const openFilter = `${h('terbuka')} = "ya"`;
  const stageMetrics = STATUS.filter((s) => !isFinalStatus(s)).map((s) => h(stageColumn(s)));
  return {
    name: 'Dasbor Layanan Pengaduan DPMPTSP Kota Payakumbuh',
    dataSource: {
      name: 'Register Pengaduan — tab Dasbor (tanpa identitas)',
      alias: 'ds0',
      tab: TABS.dasbor.name,
      range: DASBOR_RANGE,
      fields: [...DASBOR_COLUMNS.map(fieldOf), ...calculatedFields(slaDays)],
    },
    controls: [`Rentang tanggal pada ${h('tanggal_diterima')}`, `Pilihan ${h('kanal')}`, `Pilihan ${h('kategori')}`, `Pilihan ${h('kecamatan')}`],
    pages: [
      {
        title: 'Ringkasan',
        purpose: 'Berapa pengaduan masuk, dari kanal mana, dan berapa yang selesai tepat waktu.',
        charts: [
          { title: 'Jumlah pengaduan', kind: 'kartu_skor', dimensions: [], metrics: ['Jumlah Pengaduan'] },
          { title: 'Masih terbuka', kind: 'kartu_skor', dimensions: [], metrics: ['Jumlah Pengaduan'], filter: openFilter },
          { title: 'Selesai tepat waktu', kind: 'kartu_skor', dimensions: [], metrics: ['Persen Tepat Waktu'] },
          { title: 'Terlambat dan masih terbuka', kind: 'kartu_skor', dimensions: [], metrics: ['Jumlah Pengaduan'], filter: `${h('status_sla')} = "TERLAMBAT"` },
          { title: 'Pengaduan per bulan dan kanal', kind: 'kolom_bertumpuk', dimensions: [h('bulan')], breakdown: h('kanal'), metrics: ['Jumlah Pengaduan'], sort: `${h('bulan')} naik` },
          { title: 'Kepatuhan waktu layanan per bulan', kind: 'kolom', dimensions: [h('bulan')], metrics: ['Persen Tepat Waktu'], sort: `${h('bulan')} naik`, note: 'Menurut bulan diterima; hanya pengaduan yang sudah selesai.' },
          { title: 'Status SLA', kind: 'donat', dimensions: [h('status_sla')], metrics: ['Jumlah Pengaduan'] },
        ],
      },
      {
        title: 'Antrean dan hambatan',
        purpose: 'Di tahap mana pengaduan yang terbuka menunggu, sudah berapa lama, dan tahap mana yang paling lama.',
        charts: [
          { title: 'Antrean terbuka per tahap', kind: 'batang', dimensions: [h('tahap')], metrics: ['Jumlah Pengaduan'], filter: openFilter, sort: 'Jumlah Pengaduan turun' },
          { title: 'Umur antrean terbuka', kind: 'batang', dimensions: ['Umur Antrean'], metrics: ['Jumlah Pengaduan'], filter: openFilter, sort: 'Umur Antrean naik' },
          {
            title: 'Median hari kerja per tahap',
            kind: 'batang',
            dimensions: [],
            metrics: stageMetrics,
            note: 'Agregasi MEDIAN; tahap dengan batang terpanjang adalah hambatan. Sel kosong (tahap tidak dilewati) tidak dihitung.',
          },
        ],
      },
      {
        title: 'Keterlambatan',
        purpose: 'Pengaduan yang melewati waktu layanan, menurut nomor registrasi, untuk ditindaklanjuti.',
        charts: [
          {
            title: 'Pengaduan terlambat',
            kind: 'tabel',
            dimensions: [h('nomor'), h('tahap'), h('tenggat'), h('terbuka')],
            metrics: [h('hari_kerja_terpakai'), 'Hari Lewat Tenggat'],
            filter: `${h('status_sla')} IN ("TERLAMBAT", "SELESAI_TERLAMBAT")`,
            sort: `${h('terbuka')} turun, Hari Lewat Tenggat turun`,
          },
        ],
      },
      {
        title: 'Wilayah dan sektor',
        purpose: 'Dari mana pengaduan datang dan bidang usaha apa yang diadukan.',
        charts: [
          { title: 'Pengaduan per kecamatan', kind: 'batang', dimensions: [h('kecamatan')], metrics: ['Jumlah Pengaduan'] },
          { title: 'Pengaduan per kelurahan', kind: 'batang', dimensions: [h('kelurahan')], metrics: ['Jumlah Pengaduan'], sort: 'Jumlah Pengaduan turun' },
          { title: 'Pengaduan per bidang usaha', kind: 'batang', dimensions: [h('bidang_usaha')], metrics: ['Jumlah Pengaduan'] },
          { title: 'Pengaduan per kategori', kind: 'donat', dimensions: [h('kategori')], metrics: ['Jumlah Pengaduan'] },
        ],
      },
    ],
  };
}

const LINKING_API = 'https://lookerstudio.google.com/reporting/create';

export interface LinkingInput {
  /** The register spreadsheet's ID, or its URL (then the tab's gid may come from it). */
  readonly sheet: string;
  /** The Dasbor tab's sheet ID (the number after `gid=` when the tab is open). */
  readonly gid?: string;
  /** The template report's ID (the part after /reporting/ in its URL); blank: an empty report. */
  readonly template?: string;
}

const SPREADSHEET_ID = /^[A-Za-z0-9_-]{20,100}$/;
const REPORT_ID = /^[A-Za-z0-9_-]{10,100}$/;

/** The spreadsheet ID and tab gid from what an administrator pasted: an ID or a Sheets URL. */
export function parseSheetRef(sheet: string, gid: string | undefined): { spreadsheetId: string; gid: string } {
  const value = sheet.trim();
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value);
  const spreadsheetId = fromUrl ? (fromUrl[1] ?? '') : value;
  if (!SPREADSHEET_ID.test(spreadsheetId)) {
    throw new PengaduanError('ARGUMEN_TIDAK_VALID', '--sheet harus ID spreadsheet register (bagian alamat di antara /d/ dan /edit) atau alamat lengkap tab Dasbor.');
  }
  const gidFromUrl = fromUrl ? /[#?&]gid=(\d+)/.exec(value)?.[1] : undefined;
  const tab = (gid ?? gidFromUrl ?? '').trim();
  if (!/^\d{1,10}$/.test(tab)) {
    throw new PengaduanError(
      'ARGUMEN_TIDAK_VALID',
      'ID tab Dasbor belum diketahui. Buka tab Dasbor di spreadsheet register: angka setelah "#gid=" pada alamat browser adalah ID tab. ' +
        "Beri dengan --gid ANGKA, atau tempel alamat lengkap tab itu: --sheet 'https://docs.google.com/spreadsheets/d/…/edit#gid=…'.",
    );
  }
  return { spreadsheetId, gid: tab };
}

/**
 * The Linking API URL that creates the report on the register's Dasbor tab: the template's
 * layout (or an empty report) with its data source replaced by the Google Sheets connector on that
 * tab's exact column range, hidden cells excluded.
 */
export function linkingUrl(input: LinkingInput): { url: string; parameters: Record<string, string> } {
  const { spreadsheetId, gid } = parseSheetRef(input.sheet, input.gid);
  const template = (input.template ?? '').trim();
  if (template !== '' && !REPORT_ID.test(template)) {
    throw new PengaduanError('ARGUMEN_TIDAK_VALID', 'ID laporan templat Looker Studio tidak valid: salin bagian alamat laporan setelah /reporting/ dan sebelum /page.');
  }
  const report = lookerReport();
  const parameters: Record<string, string> = {
    ...(template !== '' ? { 'c.reportId': template } : {}),
    'c.mode': 'edit',
    'r.reportName': report.name,
    'ds.ds0.connector': 'googleSheets',
    'ds.ds0.datasourceName': report.dataSource.name,
    'ds.ds0.spreadsheetId': spreadsheetId,
    'ds.ds0.worksheetId': gid,
    'ds.ds0.range': report.dataSource.range,
    'ds.ds0.hasHeader': 'true',
    'ds.ds0.includeHiddenCells': 'false',
    'ds.ds0.includeFilteredCells': 'true',
    // The template's fields (types, aggregations, calculated fields) are kept: the tab has the same headers.
    ...(template !== '' ? { 'ds.ds0.refreshFields': 'false' } : {}),
  };
  const query = Object.entries(parameters)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return { url: `${LINKING_API}?${query}`, parameters };
}
