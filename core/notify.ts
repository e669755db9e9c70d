/**
 * Who receives a notification: the decision names a role or the complainant; this turns that into
 * addresses from the staff directory and the complaint's own contact, and says how to reach the
 * recipient by hand when there is no e-mail. Shared by the local outbox and, later, MailApp.
 */
import type { StaffMember } from './context.js';
import { cell, type RegisterRecord } from './record.js';
import type { Effect } from './sop.js';

/** A message to send, resolved to addresses; `undeliverable` says why it could not be addressed. */
export interface Notification {
  readonly to: readonly string[];
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly undeliverable?: string;
}

export function resolveNotifications(effects: readonly Effect[], record: RegisterRecord, staff: ReadonlyMap<string, StaffMember>): Notification[] {
  const out: Notification[] = [];
  for (const e of effects) {
    if (e.type !== 'notify') continue;
    if ('peran' in e.to) {
      const peran = e.to.peran;
      const to = [...staff.values()].filter((m) => m.roles.includes(peran)).map((m) => m.email);
      out.push({
        to,
        recipient: peran,
        subject: e.subject,
        body: e.body,
        ...(to.length === 0 ? { undeliverable: `tidak ada pengguna aktif dengan peran ${peran} di tab Peran` } : {}),
      });
      continue;
    }
    const email = cell(record, 'email_pelapor');
    const phone = cell(record, 'telepon_pelapor');
    const fallback = phone
      ? `pelapor tidak memiliki e-mail; sampaikan lewat telepon/WhatsApp ${phone}`
      : 'pelapor tidak memiliki e-mail; sampaikan lewat surat ke alamatnya';
    out.push({ to: email ? [email] : [], recipient: 'pelapor', subject: e.subject, body: e.body, ...(email ? {} : { undeliverable: fallback }) });
  }
  return out;
}
