/**
 * Who may ask the server side for what, besides the procedure's own actions (core/sop.ts):
 * making documents and running the SLA sweep. Rules of the office, kept here so that every front
 * end (the functions, the Apps Script menus) applies the same ones, with the same wording.
 */
import { PERAN, PERAN_LABEL, type Peran } from '../sheets-schema/index.js';
import type { StaffMember } from './context.js';
import { PengaduanError } from './errors.js';

export const LAYANAN = {
  /** (Re)making a complaint's documents: any staff member on the Peran tab. */
  dokumen: { label: 'membuat dokumen pengaduan', roles: PERAN },
  /** Recomputing every SLA column and the dashboard by hand (the scheduler's job otherwise). */
  sla: { label: 'menjalankan perhitungan SLA', roles: ['admin'] },
  /** Registering a complaint that came by letter, phone, the box, Instagram, SP4N-LAPOR! or paper. */
  catat: { label: 'mencatat pengaduan', roles: ['petugas', 'subkoordinator', 'admin'] },
  /** Setting up the spreadsheet, the Form, the triggers and the functions' address. */
  atur: { label: 'mengatur spreadsheet, formulir, dan pemicu', roles: ['admin'] },
} as const satisfies Record<string, { label: string; roles: readonly Peran[] }>;
export type Layanan = keyof typeof LAYANAN;

/** Refuses `email` unless an active staff member holding a role the service allows. */
export function requireAccess(staff: ReadonlyMap<string, StaffMember>, email: string, layanan: Layanan): StaffMember {
  const { label, roles } = LAYANAN[layanan];
  const member = staff.get(email.trim().toLowerCase());
  if (!member || member.roles.length === 0) {
    throw new PengaduanError('PENGGUNA_TIDAK_TERDAFTAR', `${email} belum terdaftar (aktif) dengan peran apa pun di tab Peran, sehingga tidak dapat ${label}. Hubungi admin.`);
  }
  if (!member.roles.some((r) => (roles as readonly Peran[]).includes(r))) {
    throw new PengaduanError(
      'PERAN_TIDAK_BERWENANG',
      `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} hanya dapat dilakukan oleh ${roles.map((r) => PERAN_LABEL[r]).join(' atau ')}. ` +
        `${email} terdaftar sebagai ${member.roles.map((r) => PERAN_LABEL[r]).join(', ')}.`,
    );
  }
  return member;
}

/**
 * The SLA sweep: Cloud Scheduler's service accounts (named in the functions' configuration; they
 * are on no Peran tab) run it every day; anyone else needs the role `sla` asks for.
 */
export function requireSweepAccess(staff: ReadonlyMap<string, StaffMember>, email: string, schedulers: readonly string[]): void {
  if (schedulers.includes(email.trim().toLowerCase())) return;
  requireAccess(staff, email, 'sla');
}

/** The e-mails of the active administrators (who alone may edit the templates). */
export function adminEmails(staff: ReadonlyMap<string, StaffMember>): Set<string> {
  return new Set([...staff.values()].filter((m) => m.roles.includes('admin')).map((m) => m.email));
}
