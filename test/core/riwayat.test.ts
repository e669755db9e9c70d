import { describe, expect, it } from 'vitest';
import { lastSteps } from '../../core/riwayat.js';

const row = (aksi: string, waktu: string, oleh_email: string, nomor = 'PGD-2026-0001') => ({ nomor, aksi, waktu, oleh_email });

describe('lastSteps', () => {
  it('keeps the latest taking of each action by time, whatever the order of the rows', () => {
    const steps = lastSteps([
      row('kirim_undangan', '2026-03-20 10:00:00', 'andi@contoh.go.id'),
      row('jadwal_ulang', '2026-03-23 09:00:00', 'andi@contoh.go.id'),
      row('disposisi', '2026-03-19 08:00:00', 'kepala.baru@contoh.go.id'),
      row('disposisi', '2026-03-18 08:00:00', 'kepala.lama@contoh.go.id'),
    ]).get('PGD-2026-0001');
    expect(steps?.pelaku.disposisi).toBe('kepala.baru@contoh.go.id');
    expect(steps?.waktu).toEqual({ kirim_undangan: '2026-03-20 10:00:00', jadwal_ulang: '2026-03-23 09:00:00', disposisi: '2026-03-19 08:00:00' });
  });

  it('compares times as instants, not as text: an ISO time written by another program still orders right', () => {
    // As text "2026-03-18T…" sorts after "2026-03-18 …"; as instants 09:00+07:00 is before 10:00 WIB.
    const steps = lastSteps([row('tandatangani', '2026-03-18 10:00:00', 'b@contoh.go.id'), row('tandatangani', '2026-03-18T09:00:00+07:00', 'a@contoh.go.id')]).get('PGD-2026-0001');
    expect(steps?.pelaku.tandatangani).toBe('b@contoh.go.id');
    expect(steps?.waktu.tandatangani).toBe('2026-03-18 10:00:00');
  });

  it('never lets an unreadable time win, ignores unknown actions, and keeps complaints apart', () => {
    const steps = lastSteps([
      row('nilai', '2026-03-18 10:00:00', 'a@contoh.go.id'),
      row('nilai', 'kemarin sore', 'x@contoh.go.id'),
      row('hapus_semua', '2026-03-19 10:00:00', 'x@contoh.go.id'),
      row('nilai', '2026-03-20 10:00:00', 'c@contoh.go.id', ' PGD-2026-0002 '),
    ]);
    expect(steps.get('PGD-2026-0001')?.pelaku).toEqual({ nilai: 'a@contoh.go.id' });
    expect(steps.get('PGD-2026-0002')?.pelaku).toEqual({ nilai: 'c@contoh.go.id' });
  });
});
