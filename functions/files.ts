/**
 * File-system failures in words staff understand: one table for the register, the documents and
 * the outbox, so the same error never reads two ways.
 */
const WHY: Record<string, string> = {
  ENOENT: 'folder tidak ada',
  ENOTDIR: 'bagian jalurnya adalah berkas, bukan folder',
  EISDIR: 'itu sebuah folder, bukan berkas',
  EEXIST: 'sudah ada berkas dengan nama itu',
  EACCES: 'tidak ada izin menulis di sana',
  EPERM: 'tidak ada izin menulis di sana',
  EROFS: 'lokasinya hanya-baca',
  ENOSPC: 'disk penuh',
  EDQUOT: 'kuota disk habis',
  ENAMETOOLONG: 'nama berkasnya terlalu panjang',
  EBUSY: 'berkas sedang dipakai program lain',
};

/** Why a file operation failed, in words staff understand (the code is kept for support). */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  return `${WHY[code] ?? 'galat sistem berkas'}${code ? `; ${code}` : ''}`;
}

/** Whether `fsReason` has words for this error (an operating-system file error it knows). */
export function isKnownFsError(e: unknown): boolean {
  return Object.hasOwn(WHY, (e as NodeJS.ErrnoException | undefined)?.code ?? '');
}

