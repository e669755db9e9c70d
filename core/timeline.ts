/**
 * The compact status timeline kept in the register's "Jejak Status (sistem)" column:
 * `DITERIMA 2026-03-17 09:00:00 | DIPERIKSA 2026-03-18 10:12:00`. It makes each row
 * self-contained for the SLA clock (no join with the history tab), and stays readable.
 */
import { isStatus } from '../sheets-schema/index.js';
import { PengaduanError } from './errors.js';
import type { TimelineEntry } from './sla.js';
import { formatWib, parseRegisterTimestamp, tryParseInstant } from './time.js';

export function formatTimeline(entries: readonly TimelineEntry[]): string {
  return entries.map((e) => `${e.status} ${formatWib(e.at)}`).join(' | ');
}

/** Parses the timeline column; throws a coded error naming the complaint when it is damaged. */
export function parseTimeline(text: string, nomor = ''): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let from = 0;
  const end = text.length;
  // A hand scanner (no split/trim/regex): the SLA sweep parses this column for every complaint.
  for (;;) {
    let bar = text.indexOf('|', from);
    if (bar < 0) bar = end;
    let a = from;
    let b = bar;
    while (a < b && text.charCodeAt(a) <= 32) a++;
    while (b > a && text.charCodeAt(b - 1) <= 32) b--;
    if (a === b && out.length === 0 && bar === end) return out; // empty column
    const space = text.indexOf(' ', a);
    const status = space > a && space < b ? text.slice(a, space) : '';
    const stamp = space > a && space < b ? text.slice(space + 1, b) : '';
    const at = status ? (parseRegisterTimestamp(stamp) ?? tryParseInstant(stamp)) : undefined;
    if (!isStatus(status) || at === undefined) {
      throw new PengaduanError(
        'REGISTER_RUSAK',
        `Kolom "Jejak Status (sistem)" pengaduan ${nomor} rusak di bagian "${text.slice(a, b).slice(0, 60)}". Pulihkan dari tab Riwayat atau versi sebelumnya.`,
      );
    }
    out.push({ status, at });
    if (bar === end) return out;
    from = bar + 1;
  }
}
