import { describe, expect, it } from 'vitest';
import { PERAN, PERAN_LABEL, type Peran } from '../../sheets-schema/index.js';
import { adminEmails, LAYANAN, requireAccess, requireSweepAccess, templateEditorsProblem } from '../../core/akses.js';
import type { StaffMember } from '../../core/context.js';
import { refusal } from '../helpers/refusal.js';

const member = (email: string, roles: Peran[]): [string, StaffMember] => [email, { email, nama: email, nip: '', jabatan: '', roles }];
const STAFF = new Map<string, StaffMember>([...PERAN.map((r) => member(`${r}@contoh.go.id`, [r])), member('ganda@contoh.go.id', ['petugas', 'admin']), member('tanpa@contoh.go.id', [])]);

describe('requireAccess', () => {
  it('lets every staff role make documents', () => {
    for (const r of PERAN) expect(requireAccess(STAFF, `${r}@contoh.go.id`, 'dokumen').roles).toEqual([r]);
  });

  it('lets only administrators run the sweep by hand, and names the role in Indonesian', () => {
    expect(requireAccess(STAFF, 'ADMIN@contoh.go.id ', 'sla').email).toBe('admin@contoh.go.id');
    expect(requireAccess(STAFF, 'ganda@contoh.go.id', 'sla').email).toBe('ganda@contoh.go.id');
    const e = refusal(() => requireAccess(STAFF, 'kepala@contoh.go.id', 'sla'));
    expect(e.code).toBe('PERAN_TIDAK_BERWENANG');
    expect(e.message).toBe(`Menjalankan perhitungan SLA hanya dapat dilakukan oleh ${PERAN_LABEL.admin}. kepala@contoh.go.id terdaftar sebagai ${PERAN_LABEL.kepala}.`);
    expect(LAYANAN.sla.roles).toEqual(['admin']);
  });

  it('refuses an e-mail not on the Peran tab, or one without a role', () => {
    expect(refusal(() => requireAccess(STAFF, 'orang@lain.id', 'dokumen')).code).toBe('PENGGUNA_TIDAK_TERDAFTAR');
    expect(refusal(() => requireAccess(STAFF, 'tanpa@contoh.go.id', 'dokumen')).code).toBe('PENGGUNA_TIDAK_TERDAFTAR');
  });

  it('lets a scheduler\'s service account run the sweep without a role, and no one else', () => {
    const SCHEDULERS = ['penjadwal@proyek.iam.gserviceaccount.com'];
    expect(() => requireSweepAccess(STAFF, 'Penjadwal@proyek.iam.gserviceaccount.com', SCHEDULERS)).not.toThrow();
    expect(() => requireSweepAccess(STAFF, 'admin@contoh.go.id', SCHEDULERS)).not.toThrow();
    expect(refusal(() => requireSweepAccess(STAFF, 'petugas@contoh.go.id', SCHEDULERS)).code).toBe('PERAN_TIDAK_BERWENANG');
    expect(refusal(() => requireSweepAccess(STAFF, 'lain@proyek.iam.gserviceaccount.com', SCHEDULERS)).code).toBe('PENGGUNA_TIDAK_TERDAFTAR');
  });

  it('lists the administrators', () => {
    expect([...adminEmails(STAFF)].sort()).toEqual(['admin@contoh.go.id', 'ganda@contoh.go.id']);
  });
});

describe('templateEditorsProblem: who besides the administrators can change the templates', () => {
  const ADMINS = new Set(['admin@contoh.go.id']);
  it('is silent when only administrators and service accounts can', () => {
    expect(templateEditorsProblem([{ type: 'user', email: 'Admin@contoh.go.id' }, { type: 'user', email: 'fungsi@proyek.iam.gserviceaccount.com' }], ADMINS)).toBeUndefined();
  });

  it.each([
    [{ type: 'user', email: 'rina.petugas@contoh.go.id' }, 'rina.petugas@contoh.go.id'],
    [{ type: 'group', email: 'staf@contoh.go.id' }, 'grup staf@contoh.go.id'],
    [{ type: 'domain', domain: 'contoh.go.id' }, 'semua akun contoh.go.id'],
    [{ type: 'anyone' }, 'siapa pun yang memiliki tautan'],
  ])('names %j', (editor, who) => {
    expect(templateEditorsProblem([editor], ADMINS)).toContain(`dapat diubah oleh ${who}, bukan hanya admin`);
  });

  it('names three and counts the rest', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ type: 'user', email: `${n}@contoh.go.id` }));
    expect(templateEditorsProblem(many, ADMINS)).toContain('a@contoh.go.id, b@contoh.go.id, c@contoh.go.id, dan 2 lainnya');
  });
});
