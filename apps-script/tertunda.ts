/**
 * Documents the `dokumen` function could not make when asked (unreachable, busy, not configured
 * yet). The register itself says which: the document's "Berkas …" cell holds a TERTUNDA note
 * (keeping the previous link, if any), so staff see it where they look, and the daily trigger
 * finds every such cell and asks again. A Tanda Terima that was due to the complainant is e-mailed
 * once it is made.
 */
import { berkasColumn, JENIS_DOKUMEN, JENIS_DOKUMEN_LABEL, type JenisDokumen } from '../sheets-schema/index.js';
import { loadContext } from '../core/register.js';
import { messageOf, spreadsheet, withLock } from './env.js';
import { mintaDokumen } from './layanan.js';
import { SheetRegister } from './register.js';
import { kirimSurat, pengirimDari } from './surat.js';
import type { RegisterRecord } from '../core/record.js';

export const TERTUNDA = 'TERTUNDA';
export const GAGAL = 'GAGAL DIBUAT';
const KE_PELAPOR = 'dikirim kepada pelapor setelah dibuat';
const SEBELUMNYA = 'Versi sebelumnya: ';
/** Most complaints one daily run retries (each is one call to the function, a few seconds). */
const MAX_PER_RUN = 20;
/** The daily run stops asking well before Apps Script's 6-minute limit. */
const TIME_BUDGET_MS = 4 * 60_000;

/**
 * Marks the documents pending in the register; returns what to tell the user. `sebelum` is the row
 * as it was before the function was asked: a cell that changed since holds a link the function
 * wrote after all (an answer lost on the way back), and is left alone.
 */
export function tandaiTertunda(nomor: string, jenis: readonly JenisDokumen[], pesan: string, kePelapor: boolean, sebelum?: RegisterRecord): string {
  if (jenis.length === 0) return '';
  try {
    tulisPenanda(nomor, jenis, sebelum, (link) => `${TERTUNDA}: ${pesan.slice(0, 300)} Dibuat otomatis oleh pemicu harian${kePelapor ? `, lalu ${KE_PELAPOR}` : ''}.` + (link ? ` ${SEBELUMNYA}${link}` : ''));
    return `${jenis.map((j) => JENIS_DOKUMEN_LABEL[j]).join(', ')} ditandai ${TERTUNDA} di register dan akan dibuat otomatis oleh pemicu harian.`;
  } catch (e) {
    return `Penanda ${TERTUNDA} tidak tersimpan (${messageOf(e).slice(0, 120)}); minta dokumen ini lagi nanti.`;
  }
}

/** Writes a note into the documents' cells, keeping the previous link (if any) inside it. */
function tulisPenanda(nomor: string, jenis: readonly JenisDokumen[], sebelum: RegisterRecord | undefined, note: (previousLink: string) => string): void {
    withLock(() => {
      const book = new SheetRegister(spreadsheet());
      const table = book.table('pengaduan');
      const row = table.find('nomor', nomor);
      if (row === undefined) return;
      const current = table.get(row);
      const patch: Record<string, string> = {};
      for (const j of jenis) {
        const old = String(current[berkasColumn(j)] ?? '');
        if (sebelum && old !== String(sebelum[berkasColumn(j)] ?? '')) continue;
        const link = /^https?:\/\//.test(old) ? old : (old.split(SEBELUMNYA)[1] ?? '');
        patch[berkasColumn(j)] = note(link);
      }
      if (Object.keys(patch).length === 0) return;
      table.update(row, patch, 'dokumen');
      book.commit();
    });
}

export interface HasilCobaLagi {
  readonly dibuat: string[];
  readonly gagal: string[];
}

/** Asks again for every pending document (the daily trigger). */
export function cobaLagiTertunda(start: number = Date.now()): HasilCobaLagi {
  const book = new SheetRegister(spreadsheet());
  const columns = JENIS_DOKUMEN.map((j) => berkasColumn(j));
  const rows = book.table('pengaduan').select(['nomor', 'email_pelapor', ...columns]);
  const pending = rows
    .map((r) => ({
      nomor: String(r.values.nomor ?? '').trim(),
      jenis: JENIS_DOKUMEN.filter((j) => String(r.values[berkasColumn(j)] ?? '').startsWith(TERTUNDA)),
      email: String(r.values.email_pelapor ?? '').trim(),
      kePelapor: JENIS_DOKUMEN.some((j) => String(r.values[berkasColumn(j)] ?? '').startsWith(TERTUNDA) && String(r.values[berkasColumn(j)]).includes(KE_PELAPOR)),
    }))
    .filter((p) => p.nomor !== '' && p.jenis.length > 0)
    .slice(0, MAX_PER_RUN);
  const out: HasilCobaLagi = { dibuat: [], gagal: [] };
  if (pending.length === 0) return out;
  const ctx = loadContext(book);
  for (const p of pending) {
    if (Date.now() - start > TIME_BUDGET_MS) {
      out.gagal.push(`${p.nomor}: belum dicoba (waktu pekerjaan harian habis); dicoba pada putaran berikutnya`);
      continue;
    }
    const made = mintaDokumen(p.nomor, p.jenis, { lampiran: p.kePelapor });
    if (!made.ok) {
      out.gagal.push(`${p.nomor}: ${made.pesan}`);
      // A refusal will not pass by itself: the note says so and the daily run stops asking.
      if (!made.sementara) tulisPenanda(p.nomor, p.jenis, undefined, (link) => `${GAGAL}: ${made.pesan.slice(0, 300)} Minta lagi lewat menu setelah diperbaiki.` + (link ? ` ${SEBELUMNYA}${link}` : ''));
      continue;
    }
    out.dibuat.push(`${p.nomor}: ${p.jenis.map((j) => JENIS_DOKUMEN_LABEL[j]).join(', ')}`);
    if (p.kePelapor && p.email !== '') {
      kirimSurat(
          [
            {
              to: [p.email],
              recipient: 'pelapor',
              subject: `Tanda terima pengaduan ${p.nomor}`,
              body: `Terlampir Tanda Terima pengaduan Anda nomor ${p.nomor}. Nomor registrasi dan kode akses sudah kami kirim sebelumnya; gunakan keduanya untuk mengecek status pengaduan.`,
            },
          ],
          pengirimDari(ctx.settings),
          // Only the receipt goes to the complainant: the working papers are the office's.
          (made.lampiran ?? []).filter((l) => l.jenis === 'tanda_terima'),
        );
    }
  }
  return out;
}
