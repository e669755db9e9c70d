/**
 * The leadership dashboard (/dasbor) on a register of 10,000 complaints received over twelve
 * months: the whole request path of the local server (read the .xlsx, recompute the dashboard
 * rows without writing, compute the figures, render the page) split into its parts, and the size
 * of the page sent.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KANAL } from '../sheets-schema/index.js';
import { dasborFigures } from '../core/dasbor.js';
import { registerComplaints, seedDefaults, type Clock } from '../core/register.js';
import { isoFromDay, wibDay } from '../core/time.js';
import { WorkbookRegister } from '../functions/register/workbook.js';
import { currentDashboard } from '../functions/http/pages/index.js';
import { dasborPage } from '../functions/http/pages/dasbor.js';

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function complaint(i: number): Record<string, unknown> {
  return {
    kanal: KANAL[i % KANAL.length],
    nama_pelapor: `Pelapor ${i}`,
    telepon_pelapor: `0812${String(10_000_000 + i).slice(-8)}`,
    nama_usaha: `Usaha ${i}`,
    kelurahan: ['Labuah Baru', 'Tiakar', 'Limbukan', 'Koto Panjang', 'Jl. tidak dikenal'][i % 5],
    isi_pengaduan: `Isi pengaduan nomor ${i}.`,
    persetujuan_data: 'ya',
    ...(KANAL[i % KANAL.length] === 'sp4n_lapor' ? { nomor_lapor: `LAPOR-${100000 + i}` } : {}),
  };
}

export async function benchDasbor(quick: boolean): Promise<void> {
  const perMonth = quick ? 167 : 834;
  const total = perMonth * 12;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pengaduan-bench-dasbor-'));
  const reg = new WorkbookRegister(path.join(dir, 'register.xlsx'));
  const now = Date.parse('2026-12-15T03:00:00Z');
  try {
    let t = performance.now();
    await reg.transaction(
      (book) => {
        // Received over twelve months (2026), so the volume chart has a bar per month.
        for (let m = 0; m < 12; m++) {
          const clock: Clock = { now: Date.UTC(2026, m, 10, 3), randomBytes: (n) => new Uint8Array(randomBytes(n)) };
          const n = perMonth;
          registerComplaints(book, Array.from({ length: n }, (_, i) => complaint(m * n + i)), 'bench@lokal', clock);
        }
      },
      { seed: seedDefaults },
    );
    console.log(`\n## Leadership dashboard (/dasbor): ${total.toLocaleString('en')} complaints over 12 months (setup ${ms(performance.now() - t)})`);
    const runs: { read: number; figures: number; render: number; bytes: number }[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const { rows, slaDays, instansi } = await currentDashboard({ register: reg, now: () => now });
      const t1 = performance.now();
      const figures = dasborFigures(rows, { asOf: isoFromDay(wibDay(now)), slaDays });
      const t2 = performance.now();
      const page = dasborPage(figures, { instansi, dihitung: '2026-12-15 10:00 WIB' });
      const t3 = performance.now();
      runs.push({ read: t1 - t, figures: t2 - t1, render: t3 - t2, bytes: Buffer.byteLength(page.html) });
    }
    const best = runs.reduce((a, b) => (a.read + a.figures + a.render <= b.read + b.figures + b.render ? a : b));
    console.log('| part | time (best of 3) |\n|---|---|');
    console.log(`| read the .xlsx and recompute the dashboard rows (sweep, not saved) | ${ms(best.read)} |`);
    console.log(`| figures (core/dasbor) | ${ms(best.figures)} |`);
    console.log(`| render the page | ${ms(best.render)} |`);
    console.log(`| whole request | ${ms(best.read + best.figures + best.render)} |`);
    console.log(`Page size: ${(best.bytes / 1024).toFixed(1)} KiB (uncompressed; no other request).`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
