/**
 * The compact status timeline kept in the register's "Jejak Status (sistem)" column:
 * `DITERIMA 2026-03-17 09:00:00 | DIPERIKSA 2026-03-18 10:12:00`. It makes each row
 * self-contained for the SLA clock (no join with the history tab), and stays readable.
 */
import { isStatus } from '../sheets-schema/index.js';
import { PengaduanError } from './errors.js';
import type { TimelineEntry } from './sla.js';
import { formatWib, tryParseInstant } from './time.js';

export function formatTimeline(entries: readonly TimelineEntry[]): string {
  return entries.map((e) => `${e.status} ${formatWib(e.at)}`).join(' | ');
}

/** Parses the timeline column; throws a coded error naming the complaint when it is damaged. */
export function parseTimeline(text: string, nomor = ''): TimelineEntry[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split('|').map((part) => {
    const p = part.trim();
    const space = p.indexOf(' ');
    const status = space > 0 ? p.slice(0, space) : p;
    const at = space > 0 ? tryParseInstant(p.slice(space + 1)) : undefined;
    if (!isStatus(status) || at === undefined) {
      throw new PengaduanError(
        'REGISTER_RUSAK',
        `Kolom "Jejak Status (sistem)" pengaduan ${nomor} rusak di bagian "${p.slice(0, 60)}". Pulihkan dari tab Riwayat atau versi sebelumnya.`,
      );
    }
    return { status, at };
  });
}
