/**
 * Tests of core/timeline.ts, the compact status timeline in the register's "Jejak Status (sistem)"
 * column: written and read back unchanged, and a damaged cell refused with a coded error that
 * names the complaint, never silently misread by the SLA clock.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../core/sla.js';
import { formatTimeline, parseTimeline } from '../../core/timeline.js';
import { refusal } from '../helpers/refusal.js';

/** An instant from WIB wall-clock text, parsed by the platform. */
const wib = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+07:00`);

const TIMELINE: TimelineEntry[] = [
  { status: 'DITERIMA', at: wib('2026-03-17 09:00:00') }, // Tuesday
  { status: 'MENUNGGU_KELENGKAPAN', at: wib('2026-03-17 10:12:30') }, // Tuesday
  { status: 'DIPERIKSA', at: wib('2026-03-25 08:00:00') }, // Wednesday
  { status: 'DITUTUP', at: wib('2026-03-31 23:59:59') }, // Tuesday, last second
];
const TEXT =
  'DITERIMA 2026-03-17 09:00:00 | MENUNGGU_KELENGKAPAN 2026-03-17 10:12:30 | DIPERIKSA 2026-03-25 08:00:00 | DITUTUP 2026-03-31 23:59:59';


describe('the status timeline', () => {
  it('is written as STATUS WIB-time, separated by " | "', () => {
    expect(formatTimeline(TIMELINE)).toBe(TEXT);
  });

  it('reads back what it wrote', () => {
    expect(parseTimeline(TEXT)).toEqual(TIMELINE);
    expect(parseTimeline(formatTimeline(TIMELINE))).toEqual(TIMELINE);
    expect(formatTimeline(parseTimeline(TEXT))).toBe(TEXT);
  });

  it('an instant just after midnight UTC is written on its WIB date', () => {
    expect(formatTimeline([{ status: 'DITERIMA', at: Date.parse('2026-03-16T17:00:00Z') }])).toBe('DITERIMA 2026-03-17 00:00:00'); // Tuesday
  });

  it('is empty for an empty or blank cell', () => {
    expect(formatTimeline([])).toBe('');
    expect(parseTimeline('')).toEqual([]);
    expect(parseTimeline('  \n ')).toEqual([]);
  });

  it('tolerates the spacing and time forms a person may type', () => {
    expect(parseTimeline('  DITERIMA   2026-03-17 09:00|DIPERIKSA 2026-03-18T10:00:00+07:00  ')).toEqual([
      { status: 'DITERIMA', at: wib('2026-03-17 09:00:00') }, // Tuesday
      { status: 'DIPERIKSA', at: wib('2026-03-18 10:00:00') }, // Wednesday
    ]);
  });

  it.each([
    { text: 'DITERIMA', part: 'DITERIMA', why: 'no time' },
    { text: 'DITERIMA kemarin', part: 'DITERIMA kemarin', why: 'a time that is not one' },
    { text: 'DITERIMA 2026-02-30 09:00:00', part: 'DITERIMA 2026-02-30 09:00:00', why: 'a date that does not exist' },
    { text: 'DITERIMA 2026-03-17 24:00:00', part: 'DITERIMA 2026-03-17 24:00:00', why: 'an hour that does not exist' },
    { text: 'Diterima 2026-03-17 09:00:00', part: 'Diterima 2026-03-17 09:00:00', why: 'a status label instead of the code' },
    { text: 'DITERIMA 2026-03-17 09:00:00 | ARSIP 2026-03-18 09:00:00', part: 'ARSIP 2026-03-18 09:00:00', why: 'an unknown status' },
    { text: 'DITERIMA 2026-03-17 09:00:00 |', part: '', why: 'a trailing separator' },
    {
      text: 'DITERIMA 2026-03-17 09:00:00, DIPERIKSA 2026-03-18 09:00:00',
      part: 'DITERIMA 2026-03-17 09:00:00, DIPERIKSA 2026-03-18 09:00:00',
      why: 'commas instead of bars',
    },
    { text: '2026-03-17 09:00:00 DITERIMA', part: '2026-03-17 09:00:00 DITERIMA', why: 'time before status' },
  ])('$why is refused as a damaged register naming the complaint', ({ text, part }) => {
    const err = refusal(() => parseTimeline(text, 'PGD-2026-0042'));
    expect(err.code).toBe('REGISTER_RUSAK');
    expect(err.message).toContain('PGD-2026-0042');
    expect(err.message).toContain('Jejak Status');
    expect(err.message, 'quotes the damaged part').toContain(`"${part}"`);
  });
});
