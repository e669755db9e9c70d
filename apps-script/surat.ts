/**
 * E-mail through MailApp. Each notification core/ resolved (core/notify.ts) is sent or reported
 * as undeliverable; a failure to send one never undoes the step that caused it, it is reported.
 */
import type { Notification } from '../core/notify.js';
import { messageOf } from './env.js';

export interface HasilSurat {
  readonly kepada: string;
  readonly terkirim: boolean;
  readonly keterangan: string;
}

export interface Lampiran {
  readonly jenis?: string;
  readonly nama: string;
  readonly mimeType: string;
  readonly base64: string;
}

/** Sends the notifications under the office's name; reports each. */
export function kirimSurat(notifications: readonly Notification[], pengirim: string, lampiran: readonly Lampiran[] = []): HasilSurat[] {
  return notifications.map((n) => {
    const kepada = n.recipient === 'pelapor' ? 'pelapor' : n.recipient;
    if (n.to.length === 0) return { kepada, terkirim: false, keterangan: n.undeliverable ?? 'tidak ada alamat e-mail' };
    try {
      const attachments =
        n.recipient === 'pelapor' ? lampiran.map((l) => Utilities.newBlob(Utilities.base64Decode(l.base64), l.mimeType, l.nama)) : [];
      MailApp.sendEmail({ to: n.to.join(','), subject: n.subject, body: n.body, name: pengirim, ...(attachments.length > 0 ? { attachments } : {}) });
      return { kepada, terkirim: true, keterangan: n.to.join(', ') };
    } catch (e) {
      return { kepada, terkirim: false, keterangan: `gagal dikirim: ${messageOf(e).slice(0, 200)}` };
    }
  });
}

/** One line per notification, for the dialog and the logs. */
export function ringkasSurat(hasil: readonly HasilSurat[]): string[] {
  return hasil.map((h) => (h.terkirim ? `E-mail terkirim kepada ${h.kepada} (${h.keterangan}).` : `E-mail kepada ${h.kepada} tidak terkirim: ${h.keterangan}.`));
}
