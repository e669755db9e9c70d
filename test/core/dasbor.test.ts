/**
 * The dashboard's area matching, figures and Looker Studio definition: only official kelurahan
 * names pass, the figures are what the rows say (medians, compliance, backlog age, late order),
 * anything the schema does not allow counts as unknown, and the Linking API URL reads the Dasbor
 * tab's own columns only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DASBOR_COLUMNS, KELURAHAN, KELURAHAN_NAMA, REGISTER_COLUMNS, stageColumn, STATUS, TABS } from '../../sheets-schema/index.js';
import { ageBuckets, dasborFigures, median, monthLabel } from '../../core/dasbor.js';
import { dashboardRow, type DasborRow } from '../../core/dashboard.js';
import { isPengaduanError } from '../../core/errors.js';
import { DASBOR_RANGE, linkingUrl, lookerReport, parseSheetRef } from '../../core/looker.js';
import { columnLetters } from '../../core/table.js';
import { officialArea } from '../../core/wilayah.js';
import { ROOT } from '../helpers/wb-fixtures.js';

describe('a kelurahan typed by the complainant', () => {
  it.each([
    ['Labuah Baru', 'Payakumbuh Barat', 'Labuah Baru', 'Payakumbuh Barat'],
    ['labuh baru', '', 'Labuah Baru', 'Payakumbuh Barat'], // the Indonesian spelling; kecamatan derived
    ['  KELURAHAN   Padang-Alai   Bodi. ', '', 'Padang Alai Bodi', 'Payakumbuh Timur'],
    ['Kel. Sawah Padang Aur Kuning', 'Payakumbuh Selatan', 'Sawahpadang Aua Kuniang', 'Payakumbuh Selatan'],
    ['Koto Tuo', '', 'Kototuo Limokampuang', 'Payakumbuh Selatan'], // a kelurahan merged in 2014
    ['Koto Panjang', '', 'Koto Panjang', 'Lamposi Tigo Nagori'],
    ['Koto Panjang Payobasuang', '', 'Koto Panjang Payobasuang', 'Payakumbuh Timur'],
  ])('%j (kecamatan %j) is %j in %j', (typed, kecamatan, kelurahan, kec) => {
    expect(officialArea(typed, kecamatan)).toEqual({ kelurahan, kecamatan: kec });
  });

  it.each([
    ['Jl. Ahmad Yani No. 5, dekat rumah Pak Budi', 'Payakumbuh Barat'],
    ['Labuah Baru', 'Payakumbuh Timur'], // another kecamatan than the one recorded: not guessed
    ['<script>alert(1)</script>', ''],
    ['Labuah Baru'.repeat(40), ''],
    ['', ''],
  ])('%j (kecamatan %j) stays blank, the recorded kecamatan kept', (typed, kecamatan) => {
    expect(officialArea(typed, kecamatan)).toEqual({ kelurahan: '', kecamatan });
  });

  it('never passes a kecamatan the schema does not know', () => {
    expect(officialArea('', 'Kecamatan Karangan Sendiri')).toEqual({ kelurahan: '', kecamatan: '' });
  });

  it('lists each official name once, and no spelling names two kelurahan of one kecamatan', () => {
    expect(new Set(KELURAHAN_NAMA).size).toBe(KELURAHAN_NAMA.length);
    for (const [kecamatan, list] of Object.entries(KELURAHAN)) {
      const spellings = list.flatMap((k) => [k.nama, ...(k.alias ?? [])].map((s) => s.toLowerCase().replace(/[^a-z]/g, '')));
      expect(new Set(spellings).size, kecamatan).toBe(spellings.length);
    }
  });

  it('reaches the dashboard row only as an official name', () => {
    const row = dashboardRow({ nomor: 'PGD-2026-0001', status: 'DITERIMA', kelurahan: 'Rumah Bu Siti, Labuah Baru', kecamatan: 'Payakumbuh Barat' }, undefined);
    expect(row.kelurahan).toBe('');
    expect(dashboardRow({ nomor: 'PGD-2026-0001', status: 'DITERIMA', kelurahan: 'labuh baru' }, undefined)).toMatchObject({ kelurahan: 'Labuah Baru', kecamatan: 'Payakumbuh Barat' });
  });
});

/** A dashboard row with the given cells, every other column blank. */
function row(cells: Record<string, string | number>): DasborRow {
  const out: Record<string, string | number> = {};
  for (const c of DASBOR_COLUMNS) out[c.key] = cells[c.key] ?? '';
  return out;
}

describe('the figures of a small register', () => {
  const rows = [
    row({ nomor: 'A-1', bulan: '2026-01', kanal: 'surat', status: 'SELESAI', status_sla: 'SELESAI_TEPAT_WAKTU', tepat_waktu: 'ya', hari_kerja_terpakai: 4, hari_diterima: 1, hari_diperiksa: 3, kecamatan: 'Payakumbuh Barat', kelurahan: 'Labuah Baru' }),
    row({ nomor: 'A-2', bulan: '2026-01', kanal: 'surat', status: 'SELESAI', status_sla: 'SELESAI_TERLAMBAT', tepat_waktu: 'tidak', hari_kerja_terpakai: 9, tenggat: '2026-01-20', hari_diterima: 2, hari_diperiksa: 7 }),
    // No complaint in February: the month still shows, with zero.
    row({ nomor: 'A-3', bulan: '2026-03', kanal: 'instagram', status: 'DIPERIKSA', status_sla: 'TEPAT_WAKTU', hari_kerja_terpakai: 1, hari_diterima: 0, hari_diperiksa: 1 }),
    row({ nomor: 'A-4', bulan: '2026-03', kanal: 'sp4n_lapor', status: 'DILAPORKAN_PIMPINAN', status_sla: 'TERLAMBAT', hari_kerja_terpakai: 12, tenggat: '2026-03-10', hari_diterima: 4, hari_dilaporkan_pimpinan: 8 }),
    row({ nomor: 'A-5', bulan: '2026-03', kanal: 'sp4n_lapor', status: 'DILAPORKAN_PIMPINAN', status_sla: 'TERLAMBAT', hari_kerja_terpakai: 20, tenggat: '2026-03-02', hari_diterima: 'x', hari_dilaporkan_pimpinan: 20 }),
    // Typed by hand: an unknown status, channel and SLA state, a negative and a text day count.
    row({ nomor: 'A-6', bulan: 'Maret', kanal: 'merpati', status: 'HILANG', status_sla: '??', hari_kerja_terpakai: -3, hari_diterima: '2,5' }),
  ];
  const f = dasborFigures(rows, { asOf: '2026-03-20', slaDays: 7 });

  it('counts every row, open when not SELESAI or DITUTUP', () => {
    expect([f.total, f.terbuka, f.selesai]).toEqual([6, 4, 2]);
  });

  it('shows every month from the first to the last, per channel', () => {
    expect(f.perBulan.map((m) => [m.bulan, m.label, m.total])).toEqual([
      ['2026-01', 'Jan 2026', 2],
      ['2026-02', 'Feb 2026', 0],
      ['2026-03', 'Mar 2026', 3],
    ]);
    expect(f.perBulan[2]?.perKanal).toMatchObject({ sp4n_lapor: 2, instagram: 1, surat: 0 });
    expect(f.perKanal.find((c) => c.key === '')).toEqual({ key: '', label: 'Kanal tidak tercatat', jumlah: 1 });
  });

  it('computes compliance over the closed complaints whose clock is known', () => {
    expect(f.sla).toMatchObject({ selesai: 2, tepatWaktu: 1, persen: 50 });
    expect(f.sla.perStatus.find((c) => c.key === 'TERLAMBAT')?.jumlah).toBe(2);
    expect(f.perBulan[0]).toMatchObject({ selesai: 2, tepatWaktu: 1, persen: 50 });
    // A month with nothing closed has no compliance figure, not 0 %.
    expect(f.perBulan.map((m) => m.persen)).toEqual([50, undefined, undefined]);
  });

  it('groups the open backlog by stage and by working days used', () => {
    expect(f.backlogPerTahap.map((c) => [c.key, c.jumlah])).toEqual([
      ['DIPERIKSA', 1],
      ['DILAPORKAN_PIMPINAN', 2],
      ['', 1],
    ]);
    expect(f.backlogPerUmur.map((c) => [c.key, c.jumlah])).toEqual([
      ['awal', 1],
      ['tengah', 0],
      ['akhir', 0],
      ['lewat', 1],
      ['jauh', 1],
      ['', 1],
    ]);
  });

  it('takes the median of each stage over the complaints that reached it, and names the bottleneck', () => {
    const byStage = Object.fromEntries(f.medianPerTahap.map((m) => [m.status, [m.median, m.jumlah]]));
    expect(byStage).toEqual({ DITERIMA: [1.5, 4], DIPERIKSA: [3, 3], DILAPORKAN_PIMPINAN: [14, 2] });
    expect(f.hambatan?.status).toBe('DILAPORKAN_PIMPINAN');
  });

  it('lists the late complaints, open first and the most days past due first', () => {
    expect(f.terlambat.map((l) => [l.nomor, l.lewat, l.terbuka])).toEqual([
      ['A-5', 13, true],
      ['A-4', 5, true],
      ['A-2', 2, false],
    ]);
    expect(f.terlambatTotal).toBe(3);
    expect(f.terlambatTerbuka).toBe(2);
    // The open late count is every TERLAMBAT row, not only those listed.
    expect(dasborFigures(rows, { asOf: '2026-03-20', slaDays: 7, maxLate: 1 }).terlambatTerbuka).toBe(2);
    expect(dasborFigures(rows, { asOf: '2026-03-20', slaDays: 7, maxLate: 1 }).terlambat).toHaveLength(1);
  });

  it('counts area and sector by the schema lists only', () => {
    expect(f.perKecamatan.find((c) => c.key === 'Payakumbuh Barat')?.jumlah).toBe(1);
    expect(f.perKecamatan.find((c) => c.key === '')?.jumlah).toBe(5);
    expect(f.perKelurahan).toEqual([{ key: 'Labuah Baru', label: 'Labuah Baru', jumlah: 1 }]);
  });

  it('has no compliance and no bottleneck for an empty register', () => {
    const empty = dasborFigures([], { asOf: '2026-03-20', slaDays: 7 });
    expect([empty.total, empty.sla.persen, empty.hambatan, empty.perBulan.length]).toEqual([0, undefined, undefined, 0]);
  });

  it.each([
    [[5], 5],
    [[1, 2], 1.5],
    [[9, 1, 4], 4],
    [[0, 0, 1, 7], 0.5],
  ])('median(%j) = %d', (values, m) => {
    expect(median(values)).toBe(m);
  });

  it('labels months in Indonesian and age buckets from the service time', () => {
    expect([monthLabel('2026-08'), monthLabel('2026-12'), monthLabel('rusak')]).toEqual(['Agu 2026', 'Des 2026', 'rusak']);
    expect(ageBuckets(7).map((b) => b.label)).toEqual(['0–2 hari kerja', '3–4 hari kerja', '5–7 hari kerja', '8–14 hari kerja (terlambat)', 'lebih dari 14 hari kerja (terlambat)']);
  });

  it.each([
    [1, ['0 hari kerja', '1 hari kerja', '2 hari kerja (terlambat)', 'lebih dari 2 hari kerja (terlambat)']],
    [2, ['0 hari kerja', '1 hari kerja', '2 hari kerja', '3–4 hari kerja (terlambat)', 'lebih dari 4 hari kerja (terlambat)']],
    [3, ['0–1 hari kerja', '2 hari kerja', '3 hari kerja', '4–6 hari kerja (terlambat)', 'lebih dari 6 hari kerja (terlambat)']],
  ])('a service time of %d working days has age buckets that neither overlap nor call a late day on time', (sla, labels) => {
    const buckets = ageBuckets(sla);
    expect(buckets.map((b) => b.label)).toEqual(labels);
    // Each day count falls in exactly one bucket, and a late one only in a bucket marked late.
    for (let used = 0; used <= sla * 3; used++) {
      const b = buckets.find((x) => used <= x.max);
      expect(b?.label.includes('terlambat'), `${used} of ${sla}`).toBe(used > sla);
    }
  });
});

describe('the Looker Studio report', () => {
  const report = lookerReport();
  const headers = new Set(DASBOR_COLUMNS.map((c) => c.header));
  const piiHeaders = REGISTER_COLUMNS.filter((c) => c.pii).map((c) => c.header);

  it('reads the Dasbor tab from column A to its last column, every field a Dasbor column or computed from them', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(DASBOR_RANGE).toBe(`A1:${columnLetters(DASBOR_COLUMNS.length)}`);
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(31)]).toEqual(['A', 'Z', 'AA', 'AE']);
    for (const field of report.dataSource.fields) {
      if (field.formula === undefined) expect(headers.has(field.name), field.name).toBe(true);
      else for (const [, ref] of field.formula.matchAll(/`([^`]+)`/g)) expect(headers.has(ref ?? ''), `${field.name}: ${ref}`).toBe(true);
    }
    expect(report.dataSource.fields.filter((f) => f.formula === undefined)).toHaveLength(DASBOR_COLUMNS.length);
  });

  it('names no personal-data column anywhere', () => {
    const text = JSON.stringify(report);
    expect(piiHeaders.filter((h) => text.includes(h))).toEqual([]);
  });

  it('uses only fields of its data source in its charts', () => {
    const names = new Set(report.dataSource.fields.map((f) => f.name));
    for (const page of report.pages) {
      for (const chart of page.charts) {
        for (const n of [...chart.dimensions, ...chart.metrics, ...(chart.breakdown ? [chart.breakdown] : [])]) expect(names.has(n), `${chart.title}: ${n}`).toBe(true);
      }
    }
    expect(report.pages.map((p) => p.title)).toEqual(['Ringkasan', 'Antrean dan hambatan', 'Keterlambatan', 'Wilayah dan sektor']);
  });

  it('shows the bottleneck as the median of every open stage', () => {
    const chart = report.pages[1]?.charts.find((c) => c.title === 'Median hari kerja per tahap');
    expect(chart?.metrics).toEqual(STATUS.filter((s) => s !== 'SELESAI' && s !== 'DITUTUP').map((s) => DASBOR_COLUMNS.find((c) => c.key === stageColumn(s))?.header));
    for (const m of chart?.metrics ?? []) expect(report.dataSource.fields.find((f) => f.name === m)?.aggregation).toBe('MEDIAN');
  });

  it('is described field by field and chart by chart in docs/looker-studio.md, each formula as the report has it', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'looker-studio.md'), 'utf8');
    const missing = [...report.dataSource.fields.map((f) => f.name), ...report.pages.flatMap((p) => [p.title, ...p.charts.map((c) => c.title)])].filter((n) => !doc.includes(n));
    expect(missing).toEqual([]);
    const formulas = report.dataSource.fields.flatMap((f) => (f.formula === undefined ? [] : [f.formula]));
    expect(formulas).toHaveLength(4);
    expect(formulas.filter((f) => !doc.includes(f))).toEqual([]);
  });

  it('reads the tab the schema names, and groups a blank working-day count as not computed, not as the oldest', () => {
    expect(report.dataSource.tab).toBe(TABS.dasbor.name);
    const umur = report.dataSource.fields.find((f) => f.name === 'Umur Antrean')?.formula ?? '';
    // Looker Studio takes the ELSE for a blank (NULL) count unless a WHEN catches it first.
    expect(umur).toMatch(/^CASE WHEN `Hari Kerja Terpakai` IS NULL THEN "Belum dihitung" WHEN /);
    expect(lookerReport(10).dataSource.fields.find((f) => f.name === 'Hari Lewat Tenggat')?.formula).toBe('GREATEST(`Hari Kerja Terpakai` - 10, 0)');
  });
});

describe('the Linking API URL', () => {
  const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

  it('replaces the template data source by the Dasbor tab, hidden cells excluded', () => {
    const { url, parameters } = linkingUrl({ sheet: `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=987654`, template: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' });
    expect(url.startsWith('https://lookerstudio.google.com/reporting/create?c.reportId=a1b2c3d4-e5f6-7890-abcd-ef1234567890&')).toBe(true);
    expect(parameters).toMatchObject({
      'ds.ds0.connector': 'googleSheets',
      'ds.ds0.spreadsheetId': ID,
      'ds.ds0.worksheetId': '987654',
      'ds.ds0.range': DASBOR_RANGE,
      'ds.ds0.includeHiddenCells': 'false',
      'ds.ds0.hasHeader': 'true',
      'ds.ds0.refreshFields': 'false',
    });
    const back = new URL(url).searchParams;
    expect(Object.fromEntries(back)).toEqual(parameters);
  });

  it('makes an empty report on the same source without a template', () => {
    const { parameters } = linkingUrl({ sheet: ID, gid: '0' });
    expect(parameters['c.reportId']).toBeUndefined();
    expect(parameters['ds.ds0.refreshFields']).toBeUndefined();
    expect(parameters['ds.ds0.worksheetId']).toBe('0');
  });

  it.each([
    [{ sheet: ID }, /ID tab Dasbor belum diketahui/],
    [{ sheet: 'bukan id', gid: '1' }, /--sheet harus ID spreadsheet/],
    [{ sheet: ID, gid: '12a' }, /ID tab Dasbor/],
    [{ sheet: ID, gid: '1', template: 'x"><script>' }, /templat Looker Studio tidak valid/],
    [{ sheet: `https://docs.google.com/spreadsheets/d/${ID}/edit`, gid: undefined }, /#gid=/],
  ])('refuses %j in Indonesian', (input, message) => {
    let error: unknown;
    try {
      linkingUrl(input);
    } catch (e) {
      error = e;
    }
    expect(isPengaduanError(error) && error.code === 'ARGUMEN_TIDAK_VALID').toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('takes the gid given over the one in the URL', () => {
    expect(parseSheetRef(`https://docs.google.com/spreadsheets/d/${ID}/edit?gid=5#gid=5`, '7')).toEqual({ spreadsheetId: ID, gid: '7' });
  });
});
