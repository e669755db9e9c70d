/**
 * The local "kotak keluar" (outbox): with no mail service in the embedded default, every
 * notification is saved as a standard .eml message next to the register. Any mail program opens
 * it, and staff can forward it as it is; nothing is lost when there is no network.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatWib } from '../../core/time.js';
import type { Notification } from '../../core/register.js';

function encodeHeader(s: string): string {
   
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

export function toEml(n: Notification, from: string, dateMs: number): string {
  const headers = [
    `From: ${from}`,
    `To: ${n.to.join(', ')}`,
    `Subject: ${encodeHeader(n.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${new Date(dateMs).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
  ];
  const body = Buffer.from(n.body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}

/** Saves the deliverable notifications; returns the files written. */
export async function saveToOutbox(dir: string, nomor: string, notifications: readonly Notification[], from: string, nowMs: number): Promise<string[]> {
  const files: string[] = [];
  const deliverable = notifications.filter((n) => n.to.length > 0);
  if (deliverable.length === 0) return files;
  await mkdir(dir, { recursive: true });
  const stamp = formatWib(nowMs).replace(/[-:]/g, '').replace(' ', '-');
  const safe = nomor.replace(/[^A-Za-z0-9-]+/g, '_');
  let i = 0;
  for (const n of deliverable) {
    i += 1;
    let file = path.join(dir, `${stamp}-${safe}-${i}-${n.recipient}.eml`);
    try {
      await writeFile(file, toEml(n, from, nowMs), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Another command wrote the same name this second: keep both, and report the one written.
      file = file.replace(/\.eml$/, `-${process.pid}-${Date.now()}.eml`);
      await writeFile(file, toEml(n, from, nowMs), { flag: 'wx' });
    }
    files.push(file);
  }
  return files;
}
