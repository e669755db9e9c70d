/** Turning a decision's notify effects into addresses, or into what staff must do by hand. */
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../core/context.js';
import { resolveNotifications } from '../../core/notify.js';
import type { Effect } from '../../core/sop.js';

const staff = new Map<string, StaffMember>([
  ['kepala@contoh.go.id', { email: 'kepala@contoh.go.id', nama: 'K', nip: '', jabatan: '', roles: ['kepala'] }],
  ['dua@contoh.go.id', { email: 'dua@contoh.go.id', nama: 'D', nip: '', jabatan: '', roles: ['petugas', 'kepala'] }],
]);
const toRole = (peran: 'kepala' | 'sekretaris'): Effect => ({ type: 'notify', to: { peran }, subject: 's', body: 'b' });
const toPelapor: Effect = { type: 'notify', to: { pelapor: true }, subject: 's', body: 'b' };

describe('resolveNotifications', () => {
  it('sends a role notification to everyone active in that role', () => {
    expect(resolveNotifications([toRole('kepala')], {}, staff)[0]?.to).toEqual(['kepala@contoh.go.id', 'dua@contoh.go.id']);
  });
  it('says when nobody holds the role', () => {
    expect(resolveNotifications([toRole('sekretaris')], {}, staff)[0]?.undeliverable).toContain('tidak ada pengguna aktif dengan peran sekretaris');
  });
  it.each([
    ['an e-mail', { email_pelapor: 'a@b.id', telepon_pelapor: '0812' }, ['a@b.id'], undefined],
    ['only a phone', { telepon_pelapor: '081234567890' }, [], 'sampaikan lewat telepon/WhatsApp 081234567890'],
    ['only an address', { alamat_pelapor: 'Jl. X' }, [], 'sampaikan lewat surat ke alamatnya'],
  ])('reaches a complainant with %s', (_what, record, to, undeliverable) => {
    const [n] = resolveNotifications([toPelapor], record, staff);
    expect(n?.to).toEqual(to);
    expect(n?.undeliverable).toEqual(undeliverable === undefined ? undefined : expect.stringContaining(undeliverable));
  });
  it('ignores effects that are not notifications', () => {
    expect(resolveNotifications([{ type: 'renderDocument', jenis: 'tanda_terima' }], {}, staff)).toEqual([]);
  });
});
