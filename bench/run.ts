/**
 * Benchmarks (`npm run bench`): figures for the issue notes, not pass/fail tests.
 * 1. The SLA pass over 100,000 complaints: the clock alone (precomputed working-day index), the
 *    clock on register rows (parsing the timeline and receipt text), and a naive day-by-day loop
 *    for comparison.
 * 2. Registering 1,000 complaints into a local workbook that already holds 10,000: as one batch
 *    import, and as single registrations (each a full locked read-modify-write), with the time
 *    split into lock, load (parse .xlsx), work (validate, decide, append) and save (write .xlsx).
 * 3. Rendering documents from the shipped templates: a Tanda Terima, and Berita Acara with 20
 *    (and 100) participants, median of many runs after warm-up, view-model building included.
 * 4. The Cloud Functions: cold start of the deployed bundle, Sheets API requests of one sweep over
 *    50,000 complaints, local `dokumen` latency (bench/functions.ts).
 * 5. The leadership dashboard page on 10,000 complaints (bench/dasbor.ts).
 * Set BENCH_QUICK=1 for a smaller run, BENCH_ONLY=sla, workbook, dokumen, functions, dasbor or apps-script for one part.
 * 6. The Apps Script front end: spreadsheet calls per action with 10 and 10,000 complaints (test/apps-script/kinerja.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER, type Status } from '../sheets-schema/index.js';
import { WorkCalendar } from '../core/calendar.js';
import { computeSla, type SlaInput, type TimelineEntry } from '../core/sla.js';
import { slaOfRecord, slaPatch } from '../core/sla-columns.js';
import { formatTimeline } from '../core/timeline.js';
import { dayFromIso, formatWib, isoWeekday } from '../core/time.js';
import type { RegisterRecord } from '../core/record.js';
import { WorkbookRegister } from '../functions/register/workbook.js';
import { registerComplaints, seedDefaults, sweepSla, type Clock } from '../core/register.js';
import { mulberry32 as prng } from '../test/helpers/prng.js';
import { buildView } from '../core/dokumen/view.js';
import { renderTemplate, TemplateSource } from '../functions/dokumen/render.js';
import { documentContext, participants, signedRecord } from '../test/helpers/dokumen-fixtures.js';
import { benchFunctions } from './functions.js';
import { benchDasbor } from './dasbor.js';

const QUICK = process.env.BENCH_QUICK === '1';
const cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
const rules = { days: 7, atRisk: 2 };


const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function syntheticInputs(n: number): SlaInput[] {
  const rnd = prng(42);
  const start = Date.parse('2024-01-02T01:00:00Z');
  const span = Date.parse('2027-11-30T00:00:00Z') - start;
  const flow: Status[] = ['DITERIMA', 'DIPERIKSA', 'DILAPORKAN_PIMPINAN', 'DISPOSISI_KOORDINATOR', 'UNDANGAN_DISIAPKAN', 'RAPAT_DIJADWALKAN', 'DRAFT_BA', 'PARAF_KOORDINATOR', 'PARAF_SEKRETARIS', 'DITANDATANGANI', 'SELESAI'];
  const out: SlaInput[] = [];
  for (let i = 0; i < n; i++) {
    const receivedAt = start + Math.floor(rnd() * span);
    const steps = 1 + Math.floor(rnd() * flow.length);
    const timeline: TimelineEntry[] = [];
    let t = receivedAt;
    for (let k = 0; k < steps; k++) {
      timeline.push({ status: flow[k] ?? 'DITERIMA', at: t });
      t += Math.floor(rnd() * 2 * 86_400_000);
    }
    if (rnd() < 0.1) timeline.splice(1, 0, { status: 'MENUNGGU_KELENGKAPAN', at: receivedAt + 3_600_000 });
    out.push({ receivedAt, timeline, now: Date.parse('2027-12-01T03:00:00Z') });
  }
  return out;
}

/**
 * The same clock computed the way a loop over calendar days would (for comparison only): walk
 * every day from receipt to today to count used and paused working days per stage, then walk on
 * to the due date.
 */
function naiveSla(input: SlaInput, holidays: ReadonlySet<number>): number {
  const working = (d: number): boolean => isoWeekday(d) <= 5 && !holidays.has(d);
  const day = (ms: number): number => Math.floor((ms + 25_200_000) / 86_400_000);
  const received = day(input.receivedAt);
  const last = input.timeline[input.timeline.length - 1];
  const closed = last !== undefined && (last.status === 'SELESAI' || last.status === 'DITUTUP');
  const asOf = Math.max(received, closed ? day(last.at) : day(input.now));
  const perStage = new Map<string, number>();
  let paused = 0;
  let used = 0;
  let k = 0;
  for (let d = received + 1; d <= asOf; d++) {
    while (k + 1 < input.timeline.length && day(input.timeline[k + 1]?.at ?? 0) < d) k++;
    if (!working(d)) continue;
    const status = input.timeline[k]?.status ?? 'DITERIMA';
    perStage.set(status, (perStage.get(status) ?? 0) + 1);
    if (status === 'MENUNGGU_KELENGKAPAN') paused++;
    else used++;
  }
  let due = received;
  for (let left = 7 + paused; left > 0; ) {
    due++;
    if (working(due)) left--;
  }
  return due + used + perStage.size;
}

function benchSla(): void {
  const n = QUICK ? 20_000 : 100_000;
  const inputs = syntheticInputs(n);
  let sink = 0;
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (const input of inputs) {
      const res = computeSla(cal, rules, input);
      if (res.ok) sink += res.leftDays;
    }
    runs.push(performance.now() - t);
  }
  const clockNs = (median(runs) * 1e6) / n;

  const records: RegisterRecord[] = inputs.map((input, i) => ({
    nomor: `PGD-2026-${i}`,
    diterima_pada: formatWib(input.receivedAt),
    jejak_status: formatTimeline(input.timeline),
    status: input.timeline.at(-1)?.status ?? 'DITERIMA',
  }));
  const rowRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    const now = Date.parse('2027-12-01T03:00:00Z');
    const computedAt = formatWib(now);
    for (const rec of records) sink += Object.keys(slaPatch(slaOfRecord(rec, cal, rules, now), now, computedAt)).length;
    rowRuns.push(performance.now() - t);
  }
  const rowNs = (median(rowRuns) * 1e6) / n;

  const holidays = new Set(DEFAULT_LIBUR.map((h) => dayFromIso(h.tanggal)));
  const naiveRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (const input of inputs) sink += naiveSla(input, holidays);
    naiveRuns.push(performance.now() - t);
  }
  const naiveNs = (median(naiveRuns) * 1e6) / n;
  const buildRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    sink += new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER }).lastDay;
    buildRuns.push(performance.now() - t);
  }

  console.log(`\n## SLA pass over ${n.toLocaleString('en')} complaints (median of runs)`);
  console.log(`| what | per complaint | whole pass |`);
  console.log(`|---|---|---|`);
  console.log(`| clock only (computeSla, precomputed index) | ${clockNs.toFixed(0)} ns | ${ms(median(runs))} |`);
  console.log(`| clock on register rows (parse receipt + timeline text, SLA columns) | ${rowNs.toFixed(0)} ns | ${ms(median(rowRuns))} |`);
  console.log(`| the same clock by a day-by-day loop (for comparison) | ${naiveNs.toFixed(0)} ns | ${ms(median(naiveRuns))} |`);
  console.log(`| building the calendar index (2024-2027, once per pass) | - | ${ms(median(buildRuns))} |`);
  if (sink === 42) console.log('');
}

function complaint(i: number): Record<string, unknown> {
  return {
    kanal: 'formulir_kertas',
    nama_pelapor: `Pelapor ${i}`,
    telepon_pelapor: `0812${String(10_000_000 + i).slice(-8)}`,
    alamat_pelapor: `Jl. Contoh No. ${i}, Payakumbuh`,
    nama_usaha: `Usaha ${i}`,
    kecamatan: 'Payakumbuh Barat',
    bidang_usaha: 'Perdagangan',
    isi_pengaduan: `Isi pengaduan nomor ${i}. `.repeat(12),
    harapan: 'Ditindaklanjuti.',
  };
}

async function benchWorkbook(): Promise<void> {
  const existing = QUICK ? 2_000 : 10_000;
  const added = QUICK ? 200 : 1_000;
  const singles = QUICK ? 3 : 5;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pengaduan-bench-'));
  const file = path.join(dir, 'register.xlsx');
  const reg = new WorkbookRegister(file);
  const clock: Clock = { now: Date.parse('2026-06-10T03:00:00Z'), randomBytes: (n) => new Uint8Array(randomBytes(n)) };
  try {
    let t = performance.now();
    await reg.transaction((book) => registerComplaints(book, Array.from({ length: existing }, (_, i) => complaint(i)), 'bench@lokal', clock), { seed: seedDefaults });
    const seedMs = performance.now() - t;
    const size = (await stat(file)).size;
    console.log(`\n## Local workbook: ${existing.toLocaleString('en')} complaints already registered (setup took ${ms(seedMs)}, file ${(size / 1e6).toFixed(1)} MB)`);

    let timings = { lock: 0, load: 0, work: 0, save: 0 };
    t = performance.now();
    await reg.transaction((book) => registerComplaints(book, Array.from({ length: added }, (_, i) => complaint(existing + i)), 'bench@lokal', clock), {
      onTimings: (x) => (timings = x),
    });
    const batchMs = performance.now() - t;
    console.log(`| way | complaints | total | per complaint | lock | load (.xlsx parse) | work (validate, number, append) | save (.xlsx write) |`);
    console.log(`|---|---|---|---|---|---|---|---|`);
    console.log(`| one batch import (catat with a JSON array) | ${added} | ${ms(batchMs)} | ${ms(batchMs / added)} | ${ms(timings.lock)} | ${ms(timings.load)} | ${ms(timings.work)} | ${ms(timings.save)} |`);

    const per: typeof timings[] = [];
    const totals: number[] = [];
    for (let i = 0; i < singles; i++) {
      t = performance.now();
      await reg.transaction((book) => registerComplaints(book, [complaint(existing + added + i)], 'bench@lokal', clock), { onTimings: (x) => per.push(x) });
      totals.push(performance.now() - t);
    }
    const med = (k: keyof typeof timings): number => median(per.map((p) => p[k]));
    console.log(
      `| single registrations (catat, one complaint each; median of ${singles}) | ${singles} | ${ms(totals.reduce((a, b) => a + b, 0))} | ${ms(median(totals))} | ${ms(med('lock'))} | ${ms(med('load'))} | ${ms(med('work'))} | ${ms(med('save'))} |`,
    );
    console.log(`Extrapolated: 1,000 single registrations ≈ ${((median(totals) * 1000) / 60_000).toFixed(0)} min; as one batch ${ms(batchMs)}.`);

    let sweepTimings = { lock: 0, load: 0, work: 0, save: 0 };
    t = performance.now();
    const summary = await reg.transaction((book) => sweepSla(book, clock), { onTimings: (x) => (sweepTimings = x) });
    console.log(
      `\nSLA sweep of the workbook (${summary.total.toLocaleString('en')} complaints, SLA columns + dashboard tab): ${ms(performance.now() - t)} ` +
        `(load ${ms(sweepTimings.load)}, work ${ms(sweepTimings.work)}, save ${ms(sweepTimings.save)})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchDokumen(): Promise<void> {
  const source = new TemplateSource();
  const dc = documentContext();
  const runs = QUICK ? 30 : 200;
  console.log('\n## Documents (docx-templates, shipped templates; view-model + render, median)');
  const cases = [
    ['Tanda Terima', 'tanda_terima', signedRecord()],
    ['Berita Acara, 20 participants', 'berita_acara', signedRecord({ rapat_hadir: JSON.stringify(participants(20)) })],
    ['Berita Acara, 100 participants', 'berita_acara', signedRecord({ rapat_hadir: JSON.stringify(participants(100)) })],
  ] as const;
  for (const [label, jenis, record] of cases) {
    const { bytes } = await source.load(jenis);
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < runs + 10; i++) {
      const t0 = performance.now();
      const built = buildView(jenis, record, dc);
      const out = await renderTemplate(built.template, bytes, built.view);
      const t = performance.now() - t0;
      size = out.length;
      if (i >= 10) times.push(t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`${label.padEnd(34)} median ${ms(median(times))}, p90 ${ms(sorted[Math.floor(sorted.length * 0.9)] ?? NaN)}, ${(size / 1024).toFixed(0)} KB .docx (${runs} runs)`);
  }
}

console.log(`# pengaduan benchmarks (Node ${process.versions.node}, ${os.cpus().length} cores${QUICK ? ', BENCH_QUICK' : ''})`);
const only = process.env.BENCH_ONLY; // 'sla', 'workbook', 'dokumen', 'functions', 'dasbor' or 'apps-script'
if (!only || only === 'sla') benchSla();
if (!only || only === 'workbook') await benchWorkbook();
if (!only || only === 'dokumen') await benchDokumen();
if (!only || only === 'functions') await benchFunctions();
if (!only || only === 'dasbor') await benchDasbor(QUICK);
if (!only || only === 'apps-script') {
  // By path, so that the main project's typecheck does not take in the Apps Script fakes' types.
  const kinerja = '../test/apps-script/kinerja.js';
  const { benchAppsScript } = (await import(kinerja)) as { benchAppsScript: (quick: boolean) => Promise<void> };
  await benchAppsScript(QUICK);
}
