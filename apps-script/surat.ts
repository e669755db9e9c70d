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

/** Who the mail is from: the office's name, and where replies should go (the office's address). */
export interface Pengirim {
  readonly nama: string;
  readonly balasKe: string;
}

/** The sender from the Pengaturan tab. */
export function pengirimDari(settings: { readonly text: Readonly<Record<string, string>> }): Pengirim {
  return { nama: settings.text.nama_instansi ?? '', balasKe: (settings.text.email ?? '').trim() };
}

/** Google's own words for a spent quota, in Indonesian. */
function reasonOf(e: unknown): string {
  const m = messageOf(e);
  if (/too many times for one day|quota/i.test(m)) return 'kuota e-mail harian Google habis; e-mail ini tidak terkirim hari ini';
  if (/Invalid email/i.test(m)) return 'alamat e-mail tidak valid';
  return `gagal dikirim: ${m.slice(0, 200)}`;
}

/** Sends the notifications under the office's name; reports each. */
export function kirimSurat(notifications: readonly Notification[], pengirim: Pengirim, lampiran: readonly Lampiran[] = []): HasilSurat[] {
  return notifications.map((n) => {
    const kepada = n.recipient === 'pelapor' ? 'pelapor' : n.recipient;
    if (n.to.length === 0) return { kepada, terkirim: false, keterangan: n.undeliverable ?? 'tidak ada alamat e-mail' };
    try {
      const attachments =
        n.recipient === 'pelapor' ? lampiran.map((l) => Utilities.newBlob(Utilities.base64Decode(l.base64), l.mimeType, l.nama)) : [];
      MailApp.sendEmail({
        to: n.to.join(','),
        subject: n.subject,
        body: n.body,
        name: pengirim.nama,
        // Replies reach the office's mailbox, not whoever's account the script ran as.
        ...(pengirim.balasKe ? { replyTo: pengirim.balasKe } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      return { kepada, terkirim: true, keterangan: n.to.join(', ') };
    } catch (e) {
      return { kepada, terkirim: false, keterangan: reasonOf(e) };
    }
  });
}

/**
 * One line per notification, for the dialog; for the logs (`untukLog`), without the complainant's
 * address, which has no place in Cloud Logging.
 */
export function ringkasSurat(hasil: readonly HasilSurat[], untukLog = false): string[] {
  return hasil.map((h) => {
    if (!h.terkirim) return `E-mail kepada ${h.kepada} tidak terkirim: ${h.keterangan}.`;
    return untukLog && h.kepada === 'pelapor' ? 'E-mail terkirim kepada pelapor.' : `E-mail terkirim kepada ${h.kepada} (${h.keterangan}).`;
  });
}
