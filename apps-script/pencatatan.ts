/**
 * Intake: the Google Form's submissions (`onFormSubmit`, an installable trigger on the Form) and
 * the "Catat pengaduan" dialog for the other channels. Both go through core/register.ts
 * `registerComplaints`, so validation, numbering, the due date and the history are the same as
 * everywhere. The row is written under the script lock; the receipt is requested from the
 * `dokumen` function afterwards, outside it. If the function cannot be reached the complaint is
 * registered all the same, its receipt marked TERTUNDA for the daily trigger.
 *
 * A submission is identified by the Form's response ID (column "ID Respons Formulir"): a trigger
 * that fires twice, or the daily reconciliation that picks up a submission the trigger missed,
 * registers it once.
 */
import { FORM, FORM_QUESTIONS, KANAL_LABEL } from '../sheets-schema/index.js';
import { MANUAL_INTAKE_FIELDS, MANUAL_KANAL } from '../core/intake.js';
import { isPengaduanError, PengaduanError } from '../core/errors.js';
import { requireAccess } from '../core/akses.js';
import { loadContext, registerComplaints, type IntakeResult } from '../core/register.js';
import { KELOMPOK_PIHAK_LABEL } from '../core/fields.js';
import { clock, messageOf, PROP, PROP_PERMINTAAN, PROP_TIDAK_TERCATAT, requireUser, scriptProperty, setScriptProperty, spreadsheet, withLock } from './env.js';
import { mintaDokumen, type DokumenDibuat } from './layanan.js';
import { SheetRegister } from './register.js';
import { kirimSurat, pengirimDari, ringkasSurat, type Pengirim } from './surat.js';
import { tandaiTertunda } from './tertunda.js';
import { penolakan, type DialogModel, type HasilKirim } from './aksi.js';

/** Who "recorded" a complaint that came through the Form. */
const PENCATAT_FORMULIR = 'formulir-online';

/** The Form's answers as intake input, by the schema's question titles. */
function answersOf(response: GoogleAppsScript.Forms.FormResponse): Record<string, unknown> {
  const byTitle = new Map(FORM_QUESTIONS.map((q) => [q.title, q.key] as const));
  const raw: Record<string, unknown> = { kanal: FORM.kanal, id_respons_formulir: response.getId(), diterima_pada: response.getTimestamp().toISOString() };
  for (const item of response.getItemResponses()) {
    const title = item.getItem().getTitle();
    const answer = item.getResponse();
    if (title === FORM.consent.title) {
      raw[FORM.consent.key] = Array.isArray(answer) && answer.length > 0 ? 'ya' : 'tidak';
      continue;
    }
    const key = byTitle.get(title);
    // A question an admin added to the Form by hand is not part of the register: left out.
    if (key !== undefined) raw[key] = Array.isArray(answer) ? answer.join('; ') : answer;
  }
  return raw;
}

interface Tercatat {
  readonly result: IntakeResult;
  readonly pengirim: Pengirim;
}

/** Registers one complaint under the lock; undefined when already registered (this Form response, or `check` says so). */
function catat(raw: Record<string, unknown>, recordedBy: string, check?: (book: SheetRegister) => boolean): Tercatat | undefined {
  return withLock(() => {
    const book = new SheetRegister(spreadsheet());
    if (check && !check(book)) return undefined;
    const id = typeof raw.id_respons_formulir === 'string' ? raw.id_respons_formulir : '';
    if (id !== '' && book.table('pengaduan').find('id_respons_formulir', id) !== undefined) return undefined;
    const [result] = registerComplaints(book, [raw], recordedBy, clock());
    const pengirim = pengirimDari(loadContext(book).settings);
    book.commit();
    SpreadsheetApp.flush();
    return result ? { result, pengirim } : undefined;
  });
}

/** After the row is saved: the receipt from the function, then the e-mails. */
function selesaikan(t: Tercatat): { dokumen: readonly DokumenDibuat[]; catatan: string[]; log: string[] } {
  const { result } = t;
  const catatan: string[] = [];
  const made = mintaDokumen(result.nomor, result.documents, { lampiran: true });
  let dokumen: readonly DokumenDibuat[] = [];
  let notifications = result.notifications;
  if (made.ok) {
    dokumen = made.dokumen;
    catatan.push(...made.peringatan);
  } else {
    catatan.push(`Dokumen belum dibuat: ${made.pesan}`);
    // The new row's document cells were empty before the call.
    if (made.sementara) catatan.push(tandaiTertunda(result.nomor, result.documents, made.pesan, true, {}));
    notifications = notifications.map((n) =>
      n.recipient === 'pelapor' ? { ...n, body: `${n.body}\n\nDokumen Tanda Terima akan kami kirim menyusul melalui e-mail ini.` } : n,
    );
  }
  const lampiran = made.ok ? (made.lampiran ?? []).filter((l) => l.jenis === 'tanda_terima') : [];
  const surat = kirimSurat(notifications, t.pengirim, lampiran);
  catatan.push(...ringkasSurat(surat));
  return { dokumen, catatan, log: [...catatan.slice(0, catatan.length - surat.length), ...ringkasSurat(surat, true)] };
}

/**
 * Tells the petugas (and admins) that a Form response could not be registered, and why, once: the
 * response is remembered, so the daily reconciliation does not report it again every morning.
 */
function laporkanGagal(responseId: string, reason: string): void {
  try {
    const key = `${PROP_TIDAK_TERCATAT}${responseId}`;
    if (scriptProperty(key) !== '') return;
    const ctx = loadContext(new SheetRegister(spreadsheet()));
    setScriptProperty(key, new Date(Date.now()).toISOString());
    const to = [...ctx.staff.values()].filter((m) => m.roles.includes('petugas') || m.roles.includes('admin')).map((m) => m.email);
    if (to.length === 0) return;
    const pengirim = pengirimDari(ctx.settings);
    MailApp.sendEmail({
      to: to.join(','),
      subject: 'Pengaduan dari formulir online belum tercatat',
      body:
        `Satu kiriman formulir online tidak dapat dicatat otomatis:\n${reason}\n\n` +
        `ID respons: ${responseId}\nJawabannya tersimpan di tab jawaban formulir. Hubungi pelapor bila perlu, lalu catat lewat menu ` +
        `Pengaduan → Catat pengaduan dengan kanal tempat data lengkapnya diterima (misalnya ${KANAL_LABEL.telepon_whatsapp}), ` +
        'dan sebutkan ID respons di Catatan Staf. Kiriman ini tidak akan dilaporkan lagi.',
      name: pengirim.nama,
      ...(pengirim.balasKe ? { replyTo: pengirim.balasKe } : {}),
    });
  } catch (e) {
    console.error(`Pemberitahuan gagal dikirim: ${messageOf(e)}`);
  }
}

/** Registers one Form response; true when it was registered now. */
export function catatRespons(response: GoogleAppsScript.Forms.FormResponse): boolean {
  const id = response.getId();
  let saved: Tercatat | undefined;
  try {
    saved = catat(answersOf(response), PENCATAT_FORMULIR);
  } catch (e) {
    if (isPengaduanError(e) && (e.code === 'DATA_PENGADUAN_TIDAK_VALID' || e.code === 'PENGADUAN_GANDA')) {
      console.warn(`Respons ${id} tidak dicatat: ${e.message}`);
      laporkanGagal(id, e.message);
      return false;
    }
    // The lock or the sheet: the daily reconciliation registers it later from the Form's responses.
    throw e;
  }
  if (!saved) {
    console.log(`Respons ${id} sudah tercatat; tidak dicatat dua kali.`);
    return false;
  }
  const { log } = selesaikan(saved);
  console.log(`Pengaduan ${saved.result.nomor} dicatat dari formulir. ${log.join(' ')}`);
  return true;
}

/** The Form's submit trigger. */
export function onFormSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  if (!e?.response) {
    console.error('onFormSubmit dipanggil tanpa respons formulir (jalankan lewat pemicu formulir, bukan dari editor).');
    return;
  }
  catatRespons(e.response);
}

/** How far back the daily run looks for Form responses the trigger missed. */
const RECONCILE_DAYS = 14;

/** Registers the Form responses of the last two weeks that are not in the register (the daily trigger). */
export function rekonsiliasiFormulir(now: number): { dicatat: number; gagal: string[] } {
  const formId = scriptProperty(PROP.formId);
  const out = { dicatat: 0, gagal: [] as string[] };
  if (formId === '') return out;
  const form = FormApp.openById(formId);
  const responses = form.getResponses(new Date(now - RECONCILE_DAYS * 86_400_000));
  if (responses.length === 0) return out;
  // Registered once (even if its row was deleted since: the history keeps the response ID), or
  // already reported as not registrable: not again.
  const book = new SheetRegister(spreadsheet());
  const known = new Set(book.table('pengaduan').columnValues('id_respons_formulir'));
  for (const m of book.table('riwayat').columnValues('masukan')) {
    const id = /"id_respons_formulir":"([^"\\]+)"/.exec(m)?.[1];
    if (id) known.add(id);
  }
  const reported = new Set(
    Object.keys(PropertiesService.getScriptProperties().getProperties())
      .filter((k) => k.startsWith(PROP_TIDAK_TERCATAT))
      .map((k) => k.slice(PROP_TIDAK_TERCATAT.length)),
  );
  for (const r of responses) {
    if (known.has(r.getId()) || reported.has(r.getId())) continue;
    try {
      if (catatRespons(r)) out.dicatat++;
    } catch (err) {
      out.gagal.push(`${r.getId()}: ${messageOf(err)}`);
    }
  }
  return out;
}

export function modelCatat(): DialogModel {
  const email = requireUser();
  const ctx = loadContext(new SheetRegister(spreadsheet()));
  const member = requireAccess(ctx.staff, email, 'catat');
  return {
    jenis: 'catat',
    aksi: 'catat',
    judul: 'Catat pengaduan',
    keterangan: `Untuk pengaduan yang datang lewat ${MANUAL_KANAL.map((k) => KANAL_LABEL[k]).join(', ')}. Pengaduan dari formulir online tercatat sendiri.`,
    pengguna: `${member.nama || email}`,
    kolom: MANUAL_INTAKE_FIELDS,
    pengaduan: [],
    terpilih: '',
    kelompokPihak: KELOMPOK_PIHAK_LABEL,
  };
}

/** A dialog's request ID: a UUID the dialog made when it opened. */
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The "Catat pengaduan" dialog's "Simpan". `permintaan` is the dialog's own ID: when an answer is
 * lost on the way back and the user presses Simpan again, the complaint already registered under
 * that ID is reported instead of being registered a second time (with a second number, and a
 * second receipt to the complainant).
 */
export function catatPengaduan(raw: unknown, permintaan?: unknown): HasilKirim {
  try {
    const email = requireUser();
    const input = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {}) as Record<string, unknown>;
    if (input.kanal === FORM.kanal) input.kanal = '';
    delete input.id_respons_formulir;
    const key = typeof permintaan === 'string' && REQUEST_ID.test(permintaan) ? `${PROP_PERMINTAAN}${permintaan}` : '';
    let earlier = '';
    const saved = catat(input, email, (book) => {
      requireAccess(loadContext(book).staff, email, 'catat');
      earlier = key ? scriptProperty(key) : '';
      return earlier === '';
    });
    if (earlier !== '') {
      const { nomor } = JSON.parse(earlier) as { nomor: string };
      return { ok: true, pesan: `Pengaduan ini sudah tercatat dengan nomor ${nomor}; tidak dicatat dua kali.`, nomor, status: 'Diterima', dokumen: [], catatan: [] };
    }
    if (!saved) throw new PengaduanError('REGISTER_RUSAK', 'Pengaduan tidak tercatat karena alasan yang tidak diketahui; tidak ada yang disimpan. Hubungi admin.');
    if (key) setScriptProperty(key, JSON.stringify({ nomor: saved.result.nomor, pada: Date.now() }));
    const { dokumen, catatan } = selesaikan(saved);
    return {
      ok: true,
      pesan: `Pengaduan dicatat dengan nomor ${saved.result.nomor} (kode akses ${saved.result.kodeAkses}); jatuh tempo ${saved.result.tenggat}.`,
      nomor: saved.result.nomor,
      status: 'Diterima',
      dokumen,
      catatan,
    };
  } catch (e) {
    return penolakan(e);
  }
}

/** Forgets the dialogs' request IDs older than a day (the daily run). */
export function lupakanPermintaanLama(now: number): void {
  const props = PropertiesService.getScriptProperties();
  for (const [key, value] of Object.entries(props.getProperties())) {
    if (!key.startsWith(PROP_PERMINTAAN)) continue;
    let pada = 0;
    try {
      pada = Number((JSON.parse(value) as { pada?: unknown }).pada) || 0;
    } catch {
      // Unreadable: forgotten.
    }
    if (now - pada > 86_400_000) props.deleteProperty(key);
  }
}
