/**
 * What a citizen sees when they look up their complaint with its registration number and access
 * code: where it stands in plain Indonesian, what happens next, the due date and the last update.
 * Never personal data and never the staff's free text: only the stage, dates, and the names of
 * requirements still missing (labels from the schema, not what anyone typed).
 */
import { isFinalStatus, isStatus, PERSYARATAN, PERSYARATAN_LABEL, type Status } from '../sheets-schema/index.js';
import { accessCodeMatches } from './numbering.js';
import type { RegisterKey } from '../sheets-schema/index.js';
import { cell, splitList, type RegisterRecord } from './record.js';
import { jamWib, tanggalPanjang, tryDayFromIso, tryParseInstant } from './time.js';

interface Stage {
  /** The stage, as a citizen would say it. */
  readonly tahap: string;
  /** What happens next, and who acts. */
  readonly berikutnya: string;
}

const STAGES: Record<Status, Stage> = {
  DITERIMA: { tahap: 'Pengaduan Anda sudah kami terima.', berikutnya: 'Petugas memeriksa kelengkapan persyaratan pengaduan Anda.' },
  MENUNGGU_KELENGKAPAN: {
    tahap: 'Persyaratan pengaduan Anda belum lengkap.',
    berikutnya: 'Lengkapi persyaratan yang kurang di ruang pelayanan atau melalui kanal pengaduan. Waktu layanan dihentikan sementara sampai persyaratan lengkap.',
  },
  DIPERIKSA: { tahap: 'Persyaratan lengkap; pengaduan sedang dinilai.', berikutnya: 'Subkoordinator Pengaduan menilai tingkat pengaduan Anda (ringan, sedang, atau berat).' },
  DITANGANI_LANGSUNG: { tahap: 'Pengaduan Anda sedang ditangani langsung.', berikutnya: 'Subkoordinator Pengaduan akan menyampaikan jawaban kepada Anda secara langsung, melalui telepon, WhatsApp, atau e-mail.' },
  DILAPORKAN_PIMPINAN: { tahap: 'Pengaduan Anda dilaporkan kepada pimpinan.', berikutnya: 'Kepala Dinas memberikan disposisi untuk penanganan oleh tim teknis.' },
  DISPOSISI_KOORDINATOR: { tahap: 'Pimpinan sudah memberikan disposisi.', berikutnya: 'Koordinator menyiapkan rapat tim teknis dan instansi terkait.' },
  UNDANGAN_DISIAPKAN: { tahap: 'Rapat tim teknis sedang disiapkan.', berikutnya: 'Undangan rapat dikirim kepada tim teknis, instansi terkait, dan pemilik usaha yang diadukan.' },
  RAPAT_DIJADWALKAN: { tahap: 'Rapat tim teknis sudah dijadwalkan.', berikutnya: 'Rapat dilaksanakan untuk menyelesaikan pengaduan Anda; hasilnya dituangkan dalam Berita Acara.' },
  DRAFT_BA: { tahap: 'Hasil rapat sedang dituangkan dalam Berita Acara.', berikutnya: 'Berita Acara diperiksa dan diparaf oleh Koordinator dan Sekretaris.' },
  REVISI_BA: { tahap: 'Berita Acara hasil rapat sedang diperbaiki.', berikutnya: 'Setelah diperbaiki, Berita Acara diparaf oleh Koordinator dan Sekretaris.' },
  PARAF_KOORDINATOR: { tahap: 'Berita Acara sudah diparaf Koordinator.', berikutnya: 'Sekretaris memeriksa dan memaraf Berita Acara.' },
  PARAF_SEKRETARIS: { tahap: 'Berita Acara sudah diparaf Sekretaris.', berikutnya: 'Kepala Dinas menandatangani Berita Acara.' },
  DITANDATANGANI: { tahap: 'Berita Acara hasil penanganan sudah ditandatangani Kepala Dinas.', berikutnya: 'Petugas menyerahkan Berita Acara kepada Anda.' },
  SELESAI: { tahap: 'Pengaduan Anda sudah selesai ditangani.', berikutnya: 'Tidak ada langkah lagi. Bila belum puas, Anda dapat mengajukan pengaduan baru.' },
  DITUTUP: {
    tahap: 'Pengaduan Anda sudah ditutup.',
    berikutnya: 'Pengaduan ini di luar kewenangan kantor kami atau sudah diteruskan kepada instansi yang berwenang; keterangannya disampaikan kepada Anda oleh petugas.',
  },
};

export interface CitizenStatus {
  readonly nomor: string;
  readonly tahap: string;
  readonly berikutnya: string;
  readonly selesai: boolean;
  /** ISO date, or '' when not (yet) known. */
  readonly tenggat: string;
  /** `Kamis, 2 April 2026`, or ''. */
  readonly tenggatTeks: string;
  /** Requirements still missing (labels), while the complaint waits for them. */
  readonly persyaratanKurang: readonly string[];
  /** `2026-03-17 09:30 WIB`, or ''. */
  readonly diperbarui: string;
}

/** Every register column a look-up reads: the number, the code, and what the answer shows. */
export const CITIZEN_STATUS_COLUMNS = ['nomor', 'kode_akses', 'status', 'tenggat', 'diperbarui_pada', 'diterima_pada', 'persyaratan_kurang'] as const satisfies readonly RegisterKey[];

/** A registration number as a citizen may type it: case and surrounding spaces do not matter. */
export const lookupKey = (nomor: string): string => nomor.trim().toUpperCase();

/**
 * The register rows by number, reduced to the look-up's columns. A number found on two rows
 * (a row pasted twice) maps to null and answers like an unknown one: never a guess between two
 * complaints.
 */
export function citizenIndex(rows: Iterable<RegisterRecord>): Map<string, RegisterRecord | null> {
  const map = new Map<string, RegisterRecord | null>();
  for (const row of rows) {
    const key = lookupKey(cell(row, 'nomor'));
    if (key === '') continue;
    const kept: RegisterRecord = {};
    for (const c of CITIZEN_STATUS_COLUMNS) if (row[c] !== undefined) kept[c] = row[c];
    map.set(key, map.has(key) ? null : kept);
  }
  return map;
}

/** The same answer for an unknown number and a wrong code: nothing tells which it was. */
export const STATUS_TIDAK_COCOK =
  'Nomor registrasi atau kode akses tidak cocok. Periksa keduanya pada Tanda Terima Anda (huruf besar atau kecil tidak berpengaruh). Bila masih gagal, hubungi petugas layanan pengaduan.';

/** What a citizen is told when the look-up itself fails: never an administrator's message. */
export const STATUS_TIDAK_TERSEDIA = 'Layanan cek status sedang tidak dapat dipakai. Coba lagi beberapa saat lagi, atau hubungi petugas layanan pengaduan.';

/** A stored value that can be compared against when the number is unknown, so both take the same time. */
const NO_CODE = 'XXXXXXXX';

/**
 * The citizen's view of `record` when `kode` is its access code; undefined otherwise (an unknown
 * number is passed as undefined and costs the same comparison).
 */
export function citizenStatus(record: RegisterRecord | undefined, kode: string): CitizenStatus | undefined {
  const stored = record ? cell(record, 'kode_akses').trim() : '';
  const matches = accessCodeMatches(stored || NO_CODE, kode);
  if (!record || !stored || !matches) return undefined;
  // Read as the procedure reads it (readState trims): a stray space typed by hand changes nothing.
  const typed = cell(record, 'status').trim();
  const status = isStatus(typed) ? typed : undefined;
  // A status typed by hand that the schema does not know: say it is being handled, nothing more.
  let stage: Stage = status ? STAGES[status] : { tahap: 'Pengaduan Anda sedang ditangani.', berikutnya: 'Petugas akan menghubungi Anda bila diperlukan.' };
  const tenggat = cell(record, 'tenggat').trim();
  const tenggatDay = tryDayFromIso(tenggat);
  const updated = tryParseInstant(cell(record, 'diperbarui_pada')) ?? tryParseInstant(cell(record, 'diterima_pada'));
  const kurang =
    status === 'MENUNGGU_KELENGKAPAN'
      ? splitList(cell(record, 'persyaratan_kurang')).flatMap((p) => {
          const key = PERSYARATAN.find((k) => k === p || PERSYARATAN_LABEL[k] === p);
          return key ? [PERSYARATAN_LABEL[key]] : [];
        })
      : [];
  const missing = [...new Set(kurang)];
  if (status === 'MENUNGGU_KELENGKAPAN' && missing.length === 0) {
    stage = { ...stage, berikutnya: `${stage.berikutnya} Tanyakan kepada petugas layanan pengaduan persyaratan mana yang masih kurang.` };
  }
  const selesai = status !== undefined && isFinalStatus(status);
  return {
    nomor: cell(record, 'nomor').trim(),
    tahap: stage.tahap,
    berikutnya: stage.berikutnya,
    selesai,
    tenggat: tenggatDay === undefined ? '' : tenggat,
    tenggatTeks: tenggatDay === undefined ? '' : tanggalPanjang(tenggatDay),
    persyaratanKurang: missing,
    diperbarui: updated === undefined ? '' : jamWib(updated),
  };
}
