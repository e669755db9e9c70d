/** The daily reminders: per role, the open complaints waiting for it that are at risk or late. */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../core/context.js';
import { remindersOf } from '../../core/pengingat.js';
import { formatTimeline } from '../../core/timeline.js';
import { dayFromIso, formatWib, wibInstant } from '../../core/time.js';
import { DEFAULT_LIBUR, PERAN_LABEL, type Status } from '../../sheets-schema/index.js';

const libur = DEFAULT_LIBUR.map((h, i) => ({ rowNumber: i + 2, tanggal: h.tanggal }));
const person = (rowNumber: number, email: string, peran: string) => ({ rowNumber, email, peran, nama: 'N', nip: '', jabatan: '', aktif: 'ya' });
const ctx = (hariSla = '7') =>
  buildContext({
    pengaturan: [{ rowNumber: 2, kunci: 'hari_sla', nilai: hariSla }],
    libur,
    peran: [person(2, 'rina@kantor.go.id', 'petugas'), person(3, 'kepala@kantor.go.id', 'kepala')],
  });
/** Received Tuesday 24 Nov 2026 09:00 WIB: due Thursday 3 Dec with 7 working days. */
const RECEIVED = wibInstant(dayFromIso('2026-11-24'), 9, 0);
const complaint = (nomor: string, status: Status) => ({
  nomor,
  status,
  tahap: `tahap ${status}`,
  diterima_pada: formatWib(RECEIVED),
  jejak_status: formatTimeline([{ status, at: RECEIVED }]),
});
const on = (iso: string): number => wibInstant(dayFromIso(iso), 6, 0);

describe('remindersOf', () => {
  it('tells each waiting role of its complaints at risk or late, the latest first', () => {
    const notes = remindersOf([complaint('A', 'DITERIMA'), complaint('B', 'DILAPORKAN_PIMPINAN'), complaint('C', 'SELESAI')], ctx(), on('2026-12-04'));
    expect(notes.map((n) => [n.recipient, n.to])).toEqual([
      ['petugas', ['rina@kantor.go.id']],
      ['kepala', ['kepala@kantor.go.id']],
    ]);
    expect(notes[0]?.subject).toBe(`Pengingat: 1 pengaduan menunggu ${PERAN_LABEL.petugas} (1 terlambat)`);
    expect(notes[0]?.body).toContain('- A: Terlambat, lewat 1 hari kerja (jatuh tempo 2026-12-03); tahap DITERIMA');
  });

  it('names the service time from the settings, not a fixed 7', () => {
    const [note] = remindersOf([complaint('A', 'DITERIMA')], ctx('5'), on('2026-11-30'));
    expect(note?.body).toContain('jatuh tempo 5 hari kerja');
  });

  it('says nothing while a complaint is on track, on a day off, or to a role nobody holds', () => {
    expect(remindersOf([complaint('A', 'DITERIMA')], ctx(), on('2026-11-25'))).toEqual([]);
    expect(remindersOf([complaint('A', 'DITERIMA')], ctx(), on('2026-12-05'))).toEqual([]); // Saturday
    const [nobody] = remindersOf([complaint('A', 'DISPOSISI_KOORDINATOR')], ctx(), on('2026-12-04'));
    expect(nobody?.undeliverable).toContain('tidak ada pengguna aktif dengan peran koordinator');
  });

  it('skips a row whose clock cannot be read instead of failing the whole run', () => {
    const broken = { ...complaint('X', 'DITERIMA'), diterima_pada: 'kemarin' };
    expect(remindersOf([broken, complaint('A', 'DITERIMA')], ctx(), on('2026-12-04')).map((n) => n.body.includes('- A:'))).toEqual([true]);
  });
});
