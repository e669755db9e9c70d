/**
 * The SOP actions from the Sheet: the dialog's model (the action's inputs from core/sop.ts, the
 * complaints it may be taken on, the one selected in the sheet), and the server side of the
 * dialog's "Simpan": under the script lock, the row is read again by its number, core/ decides,
 * the effects are written; then, outside the lock, the documents are requested from the `dokumen`
 * function and the e-mails sent. A refusal changes nothing and says why.
 */
import { PERAN_LABEL, STATUS_LABEL, STATUS_SLA_LABEL, isStatus, isStatusSla, type Peran, type Status } from '../sheets-schema/index.js';
import { ACTIONS, isAksi, statusesFor, type ActionDef, type AksiKey } from '../core/sop.js';
import { KELOMPOK_PIHAK_LABEL, type FieldSpec } from '../core/fields.js';
import { isPengaduanError, PengaduanError, type FieldProblem } from '../core/errors.js';
import { loadContext, performAction, type Context } from '../core/register.js';
import { clock, messageOf, requireUser, spreadsheet, withLock } from './env.js';
import { SheetRegister } from './register.js';
import { mintaDokumen, type DokumenDibuat } from './layanan.js';
import { kirimSurat, pengirimDari, ringkasSurat } from './surat.js';
import { tandaiTertunda } from './tertunda.js';

/** What the dialog shows of a complaint. */
export interface Ringkasan {
  readonly nomor: string;
  readonly status: string;
  readonly tahap: string;
  readonly pelapor: string;
  readonly diterima: string;
  readonly tenggat: string;
  readonly sisa: string;
  readonly statusSla: string;
  readonly kategori: string;
  readonly isi: string;
}

export interface DialogModel {
  readonly jenis: 'aksi' | 'catat';
  readonly aksi: string;
  readonly judul: string;
  readonly keterangan: string;
  readonly pengguna: string;
  readonly kolom: readonly FieldSpec[];
  readonly pengaduan: readonly Ringkasan[];
  readonly terpilih: string;
  readonly kelompokPihak: Readonly<Record<string, string>>;
  /** Shown instead of the form when the action cannot be taken on anything now. */
  readonly kosong?: string;
}

export type HasilKirim =
  | {
      readonly ok: true;
      readonly pesan: string;
      readonly nomor: string;
      readonly status: string;
      readonly dokumen: readonly DokumenDibuat[];
      readonly catatan: readonly string[];
    }
  | { readonly ok: false; readonly kode: string; readonly pesan: string; readonly masalah: readonly FieldProblem[] };

const SUMMARY_COLUMNS = ['nomor', 'status', 'tahap', 'nama_pelapor', 'diterima_pada', 'tenggat', 'hari_kerja_sisa', 'status_sla', 'kategori', 'isi_pengaduan'] as const;
/** Most complaints a dialog lists (the most urgent first). */
const MAX_LISTED = 300;
const MAX_ISI = 400;

/** The roles of `email` (none when not an active member of the Peran tab). */
export function rolesOf(ctx: Context, email: string): readonly Peran[] {
  return ctx.staff.get(email)?.roles ?? [];
}

function ringkasan(v: Record<string, string | number>): Ringkasan {
  const status = String(v.status ?? '');
  const sla = String(v.status_sla ?? '');
  const isi = String(v.isi_pengaduan ?? '');
  return {
    nomor: String(v.nomor ?? ''),
    status: isStatus(status) ? STATUS_LABEL[status] : status,
    tahap: String(v.tahap ?? ''),
    pelapor: String(v.nama_pelapor ?? ''),
    diterima: String(v.diterima_pada ?? ''),
    tenggat: String(v.tenggat ?? ''),
    sisa: String(v.hari_kerja_sisa ?? ''),
    statusSla: isStatusSla(sla) ? STATUS_SLA_LABEL[sla] : sla,
    kategori: String(v.kategori ?? ''),
    isi: isi.length > MAX_ISI ? `${isi.slice(0, MAX_ISI)}…` : isi,
  };
}

/** The registration number in the row selected on the Pengaduan tab, if any. */
function selectedNomor(book: SheetRegister, byRow: ReadonlyMap<number, string>): string {
  const sheet = book.spreadsheet.getActiveSheet();
  if (sheet.getName() !== book.table('pengaduan').tab.name) return '';
  const range = book.spreadsheet.getActiveRange();
  return range ? (byRow.get(range.getRow()) ?? '') : '';
}

/** The dialog of one action for the current user. */
export function modelAksi(aksi: AksiKey): DialogModel {
  const email = requireUser();
  const book = new SheetRegister(spreadsheet());
  const ctx = loadContext(book);
  const roles = rolesOf(ctx, email);
  const def = ACTIONS[aksi] as ActionDef;
  const statuses = statusesFor(aksi, { email, roles });
  const rows = book.table('pengaduan').select(SUMMARY_COLUMNS);
  const byRow = new Map(rows.map((r) => [r.rowNumber, String(r.values.nomor ?? '').trim()]));
  const open = rows
    .filter((r) => statuses.includes(String(r.values.status ?? '').trim() as Status) && String(r.values.nomor ?? '').trim() !== '')
    .sort((a, b) => Number(a.values.hari_kerja_sisa ?? 0) - Number(b.values.hari_kerja_sisa ?? 0));
  const selected = selectedNomor(book, byRow);
  const listed = open.slice(0, MAX_LISTED);
  const hit = open.find((r) => String(r.values.nomor ?? '').trim() === selected);
  if (hit && !listed.includes(hit)) listed.unshift(hit);
  const model: DialogModel = {
    jenis: 'aksi',
    aksi,
    judul: def.label,
    keterangan: def.description,
    pengguna: `${ctx.staff.get(email)?.nama ?? email} (${roles.map((r) => PERAN_LABEL[r]).join(', ')})`,
    kolom: def.inputs,
    pengaduan: listed.map((r) => ringkasan(r.values)),
    terpilih: hit ? selected : '',
    kelompokPihak: KELOMPOK_PIHAK_LABEL,
  };
  if (listed.length > 0) return model;
  return { ...model, kosong: `Tidak ada pengaduan yang sedang menunggu "${def.label}" (status ${statuses.map((s) => STATUS_LABEL[s]).join(', ')}).` };
}

/** A refusal as the dialog shows it; anything unexpected is logged and said plainly. */
export function penolakan(e: unknown): Extract<HasilKirim, { ok: false }> {
  if (isPengaduanError(e)) return { ok: false, kode: e.code, pesan: e.message, masalah: e.problems ?? [] };
  console.error(`Kesalahan tak terduga: ${messageOf(e)}`);
  return { ok: false, kode: 'KESALAHAN_SISTEM', pesan: `Terjadi kesalahan sistem; tidak ada yang disimpan. Hubungi admin dengan pesan ini: ${messageOf(e).slice(0, 200)}`, masalah: [] };
}

function requestOf(raw: unknown): { aksi: AksiKey; nomor: string; masukan: unknown } {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (!isAksi(r.aksi)) throw new PengaduanError('AKSI_TIDAK_DIKENAL', 'Aksi tidak dikenal. Tutup dialog lalu pilih lagi dari menu.');
  const nomor = typeof r.nomor === 'string' ? r.nomor.trim() : '';
  if (nomor === '' || nomor.length > 60) throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Pilih pengaduan yang akan diproses.');
  return { aksi: r.aksi, nomor, masukan: r.masukan };
}

/** The dialog's "Simpan": performs the action as the signed-in user. */
export function kirimAksi(raw: unknown): HasilKirim {
  try {
    const { aksi, nomor, masukan } = requestOf(raw);
    const email = requireUser();
    const c = clock();
    const done = withLock(() => {
      const book = new SheetRegister(spreadsheet());
      const result = performAction(book, nomor, aksi, email, masukan, c);
      const pengirim = pengirimDari(loadContext(book).settings);
      book.commit();
      SpreadsheetApp.flush();
      return { result, pengirim };
    });
    const { decision, documents, notifications } = done.result;
    const catatan: string[] = [];
    let dokumen: readonly DokumenDibuat[] = [];
    const made = mintaDokumen(nomor, documents);
    if (made.ok) {
      dokumen = made.dokumen;
      catatan.push(...made.peringatan);
    } else {
      catatan.push(`Dokumen belum dibuat: ${made.pesan}`);
      if (made.sementara) catatan.push(tandaiTertunda(nomor, documents, made.pesan, false, done.result.record));
    }
    catatan.push(...ringkasSurat(kirimSurat(notifications, done.pengirim)));
    const history = decision.effects.find((e) => e.type === 'appendHistory');
    return {
      ok: true,
      pesan: history?.type === 'appendHistory' ? history.entry.keterangan : `${ACTIONS[aksi].label}: selesai.`,
      nomor,
      status: STATUS_LABEL[decision.next],
      dokumen,
      catatan,
    };
  } catch (e) {
    return penolakan(e);
  }
}
