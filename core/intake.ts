/**
 * Intake, shared by every channel (the Google Form, and staff entering complaints that came by
 * letter, phone, the suggestion box, Instagram or SP4N-LAPOR!): validation and cleaning of the
 * complaint, then the new register row, its history entry, the documents to produce and whom to
 * tell. The fields are the register's intake columns (sheets-schema), so the Form, the CLI and
 * the dialogs accept exactly the same data. Untrusted text stays literal (core/text.ts).
 */
import {
  FORM,
  KANAL,
  KANAL_LABEL,
  PERAN_LABEL,
  REGISTER_COLUMNS,
  STATUS_LABEL,
  type Column,
  type JenisDokumen,
  type Kanal,
  type RegisterKey,
} from '../sheets-schema/index.js';
import { describeProblems, PengaduanError, type FieldProblem } from './errors.js';
import { validateFields, type FieldSpec, type FieldType, type FieldValue } from './fields.js';
import type { RegisterRecord } from './record.js';
import type { Effect, HistoryEntry } from './sop.js';
import { WAITING_FOR } from './sop.js';
import { formatTimeline } from './timeline.js';
import { formatWib, tanggalPanjang, tryDayFromIso, tryParseInstant } from './time.js';
import type { WorkCalendar } from './calendar.js';
import type { SlaRules } from './sla.js';
import { slaColumns } from './sla-columns.js';

/** Intake columns that are set by the system, not supplied by the complainant or the officer. */
const SYSTEM_INTAKE: readonly RegisterKey[] = ['nomor', 'kode_akses', 'dicatat_oleh'];

function fieldType(c: Column): FieldType {
  if (c.key === 'nik_pelapor') return 'nik';
  switch (c.type) {
    case 'teks_panjang':
      return 'teks_panjang';
    case 'pilihan':
      return 'pilihan';
    case 'email':
      return 'email';
    case 'telepon':
      return 'telepon';
    case 'ya_tidak':
      return 'ya_tidak';
    default:
      return 'teks';
  }
}

/** The fields a complaint is registered with: the register's intake columns. */
export const INTAKE_FIELDS: readonly FieldSpec[] = REGISTER_COLUMNS.filter(
  (c) => c.writer === 'intake' && !SYSTEM_INTAKE.includes(c.key) && c.key !== 'diterima_pada',
).map((c) => ({
  key: c.key,
  label: c.header,
  type: fieldType(c),
  required: c.required,
  ...(c.values ? { options: c.values } : {}),
  ...(c.key === 'kanal' ? { optionLabels: KANAL_LABEL } : {}),
  ...(c.maxLength ? { maxLength: c.maxLength } : {}),
}));

/** When a complaint arrived, for one registered later (a letter, the box opened on Monday). */
const DITERIMA_PADA: FieldSpec = {
  key: 'diterima_pada',
  label: 'Waktu Diterima (WIB)',
  type: 'teks',
  required: false,
  help: 'Kosongkan bila baru diterima sekarang. Untuk surat atau kotak saran yang dibuka kemudian: TTTT-BB-HH JJ:MM.',
};

/** The channels staff register by hand: every one but the online Form, which registers itself. */
export const MANUAL_KANAL: readonly Kanal[] = KANAL.filter((k) => k !== FORM.kanal);

/**
 * What staff fill in to register a complaint from another channel: the intake fields without the
 * Form's own (its response ID, the online consent), the channel limited to the manual ones, and the
 * received time after the channel.
 */
export const MANUAL_INTAKE_FIELDS: readonly FieldSpec[] = INTAKE_FIELDS.filter((f) => f.key !== 'id_respons_formulir' && f.key !== 'persetujuan_data').flatMap((f) =>
  f.key === 'kanal' ? [{ ...f, options: MANUAL_KANAL }, DITERIMA_PADA] : [f],
);

export interface IntakeValues {
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly kanal: Kanal;
  readonly receivedAt: number;
}

/** Validates a complaint from any channel; throws DATA_PENGADUAN_TIDAK_VALID listing every problem. */
export function validateIntake(raw: unknown, now: number): IntakeValues {
  const { values, problems } = validateFields([...INTAKE_FIELDS, DITERIMA_PADA], raw);
  const extra: FieldProblem[] = [];
  const has = (k: string): boolean => values[k] !== undefined && values[k] !== '';
  if (!has('telepon_pelapor') && !has('email_pelapor') && !has('alamat_pelapor')) {
    extra.push({ field: 'Kontak pelapor', message: 'isi setidaknya telepon/WhatsApp, e-mail, atau alamat, agar hasil penanganan dapat disampaikan' });
  }
  if (values.kanal === 'sp4n_lapor' && !has('nomor_lapor')) {
    extra.push({ field: 'Nomor Tiket SP4N-LAPOR!', message: 'wajib diisi untuk pengaduan dari SP4N-LAPOR!' });
  }
  if (values.kanal === 'formulir_online' && values.persetujuan_data !== true) {
    extra.push({ field: 'Persetujuan Penggunaan Data', message: 'pelapor harus menyetujui penggunaan data untuk pengaduan online' });
  }
  let receivedAt = now;
  if (has('diterima_pada')) {
    const t = typeof values.diterima_pada === 'string' ? tryParseInstant(values.diterima_pada) : undefined;
    if (t === undefined) extra.push({ field: 'Waktu Diterima (WIB)', message: 'format TTTT-BB-HH JJ:MM atau ISO 8601' });
    else if (t > now + 5 * 60_000) extra.push({ field: 'Waktu Diterima (WIB)', message: 'tidak boleh di masa depan' });
    else if (t < now - 366 * 86_400_000) extra.push({ field: 'Waktu Diterima (WIB)', message: 'lebih dari setahun yang lalu; periksa kembali' });
    else receivedAt = t;
  }
  const all = [...problems, ...extra];
  if (all.length > 0) {
    throw new PengaduanError('DATA_PENGADUAN_TIDAK_VALID', `Data pengaduan belum benar: ${describeProblems(all)}.`, { problems: all });
  }
  return { values, kanal: values.kanal as Kanal, receivedAt };
}

/** Columns whose value identifies a complaint already registered (a form response, an SP4N ticket). */
export function duplicateKeys(v: IntakeValues): { column: RegisterKey; value: string }[] {
  const keys: { column: RegisterKey; value: string }[] = [];
  for (const column of ['id_respons_formulir', 'nomor_lapor'] as const) {
    const value = v.values[column];
    if (typeof value === 'string' && value !== '') keys.push({ column, value });
  }
  return keys;
}

export interface IntakeDecision {
  readonly record: RegisterRecord;
  readonly effects: readonly Effect[];
}

export const INTAKE_DOCUMENTS: readonly JenisDokumen[] = ['tanda_terima', 'lembar_pengaduan'];

/** The new row and what to do with it, once the number and access code are allocated. */
export function buildIntake(
  v: IntakeValues,
  ids: { nomor: string; kodeAkses: string },
  recordedBy: { email: string; nama?: string },
  now: number,
  clock: { cal: WorkCalendar; rules: SlaRules },
): IntakeDecision {
  const record: RegisterRecord = {};
  for (const [k, value] of Object.entries(v.values)) {
    record[k] = typeof value === 'boolean' ? (value ? 'ya' : 'tidak') : (value as string);
  }
  const waktu = formatWib(v.receivedAt);
  Object.assign(record, {
    nomor: ids.nomor,
    kode_akses: ids.kodeAkses,
    diterima_pada: waktu,
    dicatat_oleh: recordedBy.email,
    status: 'DITERIMA',
    tahap: STATUS_LABEL.DITERIMA,
    menunggu: PERAN_LABEL[WAITING_FOR.DITERIMA ?? 'petugas'],
    jejak_status: formatTimeline([{ status: 'DITERIMA', at: v.receivedAt }]),
    diperbarui_pada: formatWib(now),
    diperbarui_oleh: recordedBy.email,
  } satisfies RegisterRecord);
  Object.assign(record, slaColumns(record, clock.cal, clock.rules, now));
  const dueDay = tryDayFromIso(String(record.tenggat ?? ''));
  const dueText =
    dueDay !== undefined
      ? `Pengaduan diselesaikan paling lama ${clock.rules.days} hari kerja, yaitu paling lambat ${tanggalPanjang(dueDay)}.`
      : `Pengaduan diselesaikan paling lama ${clock.rules.days} hari kerja.`;
  const history: HistoryEntry = {
    waktu: formatWib(now),
    nomor: ids.nomor,
    aksi: 'catat',
    dari_status: '',
    ke_status: 'DITERIMA',
    oleh_email: recordedBy.email,
    oleh_nama: recordedBy.nama ?? '',
    oleh_peran: '',
    // The Form response stays identified in the append-only history, so a row deleted as spam is
    // not registered again from the Form's responses.
    masukan: JSON.stringify({
      kanal: v.kanal,
      diterima_pada: waktu,
      ...(typeof v.values.id_respons_formulir === 'string' && v.values.id_respons_formulir !== '' ? { id_respons_formulir: v.values.id_respons_formulir } : {}),
    }),
    keterangan: `Pengaduan diterima melalui ${KANAL_LABEL[v.kanal]}.`,
  };
  const effects: Effect[] = [
    { type: 'appendHistory', entry: history },
    ...INTAKE_DOCUMENTS.map((jenis): Effect => ({ type: 'renderDocument', jenis })),
    {
      type: 'notify',
      to: { peran: 'petugas' },
      subject: `Pengaduan baru ${ids.nomor} (${KANAL_LABEL[v.kanal]})`,
      body: `Pengaduan baru ${ids.nomor} diterima melalui ${KANAL_LABEL[v.kanal]} pada ${waktu} WIB. Periksa kelengkapan persyaratannya.`,
    },
    {
      type: 'notify',
      to: { pelapor: true },
      subject: `Tanda terima pengaduan ${ids.nomor}`,
      body:
        `Pengaduan Anda telah diterima DPMPTSP Kota Payakumbuh pada ${waktu} WIB.\n` +
        `Nomor registrasi: ${ids.nomor}\nKode akses: ${ids.kodeAkses}\n\n` +
        `Simpan nomor dan kode akses untuk mengecek status pengaduan. ${dueText} ` +
        `Layanan ini tidak dipungut biaya (GRATIS).`,
    },
  ];
  return { record, effects };
}
