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

/** Someone who can change the templates folder, as the document store reports it. */
export interface TemplateEditor {
  /** `user`, `group`, `domain` or `anyone` (with the link). */
  readonly type: string;
  readonly email?: string;
  readonly domain?: string;
}

/**
 * Who besides the administrators (and the service accounts the functions run as) can change the
 * templates, as a warning for the administrators; undefined when no one else can.
 */
export function templateEditorsProblem(editors: readonly TemplateEditor[], admins: ReadonlySet<string>): string | undefined {
  const others: string[] = [];
  for (const p of editors) {
    const email = (p.email ?? '').toLowerCase();
    if (p.type === 'user' && (admins.has(email) || email.endsWith('.iam.gserviceaccount.com'))) continue;
    const who = p.type === 'anyone' ? 'siapa pun yang memiliki tautan' : p.type === 'domain' ? `semua akun ${p.domain ?? 'domain'}` : p.type === 'group' ? `grup ${email}` : email;
    if (!others.includes(who)) others.push(who);
  }
  if (others.length === 0) return undefined;
  const shownList = others.slice(0, 3).join(', ') + (others.length > 3 ? `, dan ${others.length - 3} lainnya` : '');
  return `Folder template Google Drive dapat diubah oleh ${shownList}, bukan hanya admin (peran admin di tab Peran). Template bawaan dipakai sampai izin folder itu dibatasi.`;
}

/** The e-mails of the active administrators (who alone may edit the templates). */
export function adminEmails(staff: ReadonlyMap<string, StaffMember>): Set<string> {
  return new Set([...staff.values()].filter((m) => m.roles.includes('admin')).map((m) => m.email));
}
