/**
 * Indonesian text output of the command line: the procedure, the schema, a complaint, the SLA
 * summary. Kept apart from the command dispatch so the wording can be read and changed in one place.
 */
import {
  berkasColumn,
  JENIS_DOKUMEN,
  JENIS_DOKUMEN_LABEL,
  PERAN_LABEL,
  STATUS,
  STATUS_LABEL,
  STATUS_SLA,
  STATUS_SLA_LABEL,
  TABS,
  isStatus,
  isStatusSla,
  isKanal,
  isKategori,
  KANAL_LABEL,
  KATEGORI_LABEL,
  type Kanal,
  type Kategori,
} from '../../sheets-schema/index.js';
import { ACTIONS, AKSI, WAITING_FOR, actionsFrom, type ActionDef } from '../../core/sop.js';
import type { FieldSpec } from '../../core/fields.js';
import { cell, type RegisterRecord } from '../../core/record.js';
import { tanggalPanjang, tryDayFromIso } from '../../core/time.js';
import type { ComplaintView, IntakeResult, Notification, SweepSummary, ActionResult } from '../../core/register.js';
import type { Produced } from '../dokumen/produce.js';

const TYPE_LABEL: Record<FieldSpec['type'], string> = {
  teks: 'teks',
  teks_panjang: 'teks panjang',
  pilihan: 'pilihan',
  daftar_pilihan: 'daftar pilihan',
  tanggal: 'tanggal TTTT-BB-HH',
  jam: 'jam JJ:MM',
  email: 'e-mail',
  telepon: 'telepon',
  nik: 'NIK 16 digit',
  ya_tidak: 'ya/tidak',
  pihak: 'daftar pihak [{nama, instansi, kelompok}]',
  peserta: 'daftar peserta [{nama, instansi}]',
  tindak_lanjut: 'daftar tindak lanjut [{uraian, pelaksana, tenggat}]',
};

export function formatInputs(inputs: readonly FieldSpec[], indent: string): string[] {
  if (inputs.length === 0) return [`${indent}(tanpa isian)`];
  return inputs.map((i) => {
    const options = i.options ? `: ${i.options.join(' | ')}` : '';
    return `${indent}- ${i.key} (${i.label}; ${TYPE_LABEL[i.type]}${options})${i.required ? ' wajib' : ''}`;
  });
}

/** The procedure, status by status, as staff read it. */
export function formatAlur(): string {
  const out: string[] = ['PROSEDUR PENANGANAN PENGADUAN MASYARAKAT (SOP)', ''];
  for (const s of STATUS) {
    const waiting = WAITING_FOR[s];
    out.push(`${s}: ${STATUS_LABEL[s]}${waiting ? ` - menunggu ${PERAN_LABEL[waiting]}` : ' (akhir prosedur)'}`);
    for (const { aksi, roles } of actionsFrom(s)) {
      const def: ActionDef = ACTIONS[aksi];
      out.push(`  aksi "${aksi}": ${def.label} [${roles.map((r) => PERAN_LABEL[r]).join(' / ')}] -> ${def.outcomes.join(' atau ')}`);
      if (s !== 'DITERIMA' && aksi === 'tutup') continue;
      out.push(`    ${def.description} (langkah SOP ${def.sopSteps.join(', ')})`);
      if (def.documents.length > 0) out.push(`    Dokumen: ${def.documents.map((d) => JENIS_DOKUMEN_LABEL[d]).join(', ')}`);
      out.push(...formatInputs(def.inputs, '    '));
    }
    out.push('');
  }
  out.push('Aksi "tutup" berlaku pada setiap status yang belum selesai, kecuali setelah Berita Acara ditandatangani. Waktu layanan: 7 hari kerja (tab Pengaturan); hari kerja di status MENUNGGU_KELENGKAPAN tidak dihitung.');
  return out.join('\n');
}

export function alurJson(): unknown {
  return {
    statuses: STATUS.map((s) => ({ status: s, label: STATUS_LABEL[s], menunggu: WAITING_FOR[s] ?? null, aksi: actionsFrom(s) })),
    actions: AKSI.map((a) => {
      const d: ActionDef = ACTIONS[a];
      return { key: a, label: d.label, description: d.description, sopSteps: d.sopSteps, from: d.from, outcomes: d.outcomes, documents: d.documents, inputs: d.inputs };
    }),
  };
}

export function formatSkema(): string {
  const out: string[] = [];
  for (const tab of Object.values(TABS)) {
    out.push(`Tab "${tab.name}": ${tab.purpose}`);
    for (const c of tab.columns) {
      const flags = [c.required ? 'wajib' : '', c.pii ? 'data pribadi' : '', `ditulis: ${c.writer}`].filter((x) => x !== '').join(', ');
      out.push(`  ${c.header} [${c.key}; ${c.type}; ${flags}]`);
    }
    out.push('');
  }
  out.push('Gunakan --json untuk skema lengkap (enum, pengaturan, pertanyaan Google Form, hari libur).');
  return out.join('\n');
}

const dateText = (iso: string): string => {
  const d = tryDayFromIso(iso);
  return d === undefined ? iso || '-' : tanggalPanjang(d);
};

function slaText(r: RegisterRecord): string {
  const state = cell(r, 'status_sla');
  const label = isStatusSla(state) ? STATUS_SLA_LABEL[state] : state || '-';
  const sisa = cell(r, 'hari_kerja_sisa');
  const sisaText = sisa === '' ? '' : Number(sisa) >= 0 ? `, sisa ${sisa} hari kerja` : `, lewat ${-Number(sisa)} hari kerja`;
  return `${label}${state.startsWith('SELESAI') ? '' : sisaText}`;
}

export function formatNotifications(ns: readonly Notification[], saved: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of ns) {
    if (n.undeliverable) out.push(`  ! Pemberitahuan "${n.subject}" tidak terkirim: ${n.undeliverable}.`);
  }
  if (saved.length > 0) out.push(`  Pemberitahuan: ${saved.length} e-mail disimpan di kotak keluar (${saved[0]?.replace(/\/[^/]*$/, '')}).`);
  return out;
}

/** The documents a step produced, where they are, and what staff must fill or fix. */
export function formatDocuments(docs: readonly Produced[], nomor = 'NOMOR'): string[] {
  const out: string[] = [];
  for (const d of docs) {
    if (d.link) out.push(`  Dokumen ${JENIS_DOKUMEN_LABEL[d.jenis]}: ${d.link}`);
    for (const w of d.warnings) out.push(`    catatan: ${w}`);
    if (d.error) out.push(`  ! ${d.error}`, `    Perubahan register tetap tersimpan; buat ulang dengan: pengaduan dokumen ${nomor} ${d.jenis}`);
  }
  return out;
}

export function formatIntake(r: IntakeResult & { dokumen: readonly Produced[] }, saved: readonly string[]): string {
  return [
    r.nomor,
    `  Kode akses: ${r.kodeAkses}`,
    `  Jatuh tempo: ${r.tenggat ? dateText(r.tenggat) : STATUS_SLA_LABEL.KALENDER_TIDAK_TERSEDIA}`,
    ...formatDocuments(r.dokumen, r.nomor),
    ...formatNotifications(r.notifications, saved),
  ].join('\n');
}

export function formatAction(r: ActionResult & { dokumen: readonly Produced[] }, saved: readonly string[]): string {
  const d = r.decision;
  const history = d.effects.find((e) => e.type === 'appendHistory');
  return [
    `${d.nomor}: ${STATUS_LABEL[d.from]} -> ${STATUS_LABEL[d.next]}`,
    ...(history && history.type === 'appendHistory' ? [`  ${history.entry.keterangan}`] : []),
    ...(cell(r.record, 'nomor_ba') && d.aksi === 'tandatangani' ? [`  Nomor Berita Acara: ${cell(r.record, 'nomor_ba')}`] : []),
    ...(d.aksi === 'kirim_undangan' || d.aksi === 'jadwal_ulang' ? [`  Nomor surat undangan: ${cell(r.record, 'nomor_undangan')}`] : []),
    `  Jatuh tempo: ${dateText(cell(r.record, 'tenggat'))} (${slaText(r.record)})`,
    ...formatDocuments(r.dokumen, d.nomor),
    ...formatNotifications(r.notifications, saved),
  ].join('\n');
}

export function formatComplaint(v: ComplaintView): string {
  const r = v.record;
  const status = cell(r, 'status');
  const line = (label: string, value: string): string[] => (value ? [`  ${label.padEnd(22)} ${value}`] : []);
  const out = [
    `Pengaduan ${cell(r, 'nomor')}`,
    ...line('Tahap', isStatus(status) ? `${STATUS_LABEL[status]} (${status})` : status),
    ...line('Menunggu', cell(r, 'menunggu')),
    ...line('Diterima', `${cell(r, 'diterima_pada')} WIB melalui ${isKanal(cell(r, 'kanal')) ? KANAL_LABEL[cell(r, 'kanal') as Kanal] : cell(r, 'kanal')}`),
    ...line('Jatuh tempo', `${dateText(cell(r, 'tenggat'))} (${slaText(r)})`),
    ...line('Pelapor', cell(r, 'nama_pelapor')),
    ...line('Yang diadukan', cell(r, 'nama_usaha')),
    ...line('Kategori', isKategori(cell(r, 'kategori')) ? KATEGORI_LABEL[cell(r, 'kategori') as Kategori] : cell(r, 'kategori')),
    ...line('Persyaratan kurang', cell(r, 'persyaratan_kurang')),
    ...line('Nomor BA', cell(r, 'nomor_ba')),
    ...line('Hari kerja per tahap', cell(r, 'hari_per_tahap')),
    ...JENIS_DOKUMEN.flatMap((j) => line(JENIS_DOKUMEN_LABEL[j].replace(' Hasil Penanganan Pengaduan', '').replace(' Pengaduan Masyarakat', ''), cell(r, berkasColumn(j)))),
    '  Isi pengaduan:',
    ...cell(r, 'isi_pengaduan').split('\n').map((l) => `    ${l}`),
    '  Riwayat:',
    ...v.history.map((h) => `    ${String(h.waktu)}  ${String(h.aksi).padEnd(18)} ${String(h.oleh_email)}: ${String(h.keterangan)}`),
  ];
  return out.join('\n');
}

export function formatSweep(s: SweepSummary): string {
  const out = [`Perhitungan SLA per ${dateText(s.asOf)}: ${s.total} pengaduan.`];
  for (const state of STATUS_SLA) {
    const n = s.counts[state];
    if (n) out.push(`  ${STATUS_SLA_LABEL[state].padEnd(32)} ${n}`);
  }
  const open = STATUS.filter((st) => s.openByStatus[st]);
  if (open.length > 0) {
    out.push('', 'Pengaduan terbuka per tahap:');
    for (const st of open) out.push(`  ${STATUS_LABEL[st].padEnd(50)} ${s.openByStatus[st]}`);
  }
  const list = (title: string, items: SweepSummary['late']): void => {
    if (items.length === 0) return;
    out.push('', `${title}:`);
    for (const i of items) {
      out.push(`  ${i.nomor.padEnd(18)} ${i.sisa < 0 ? `lewat ${-i.sisa} hari kerja` : `sisa ${i.sisa} hari kerja`}, jatuh tempo ${i.tenggat}; ${i.tahap}`);
    }
  };
  list('Terlambat', s.late);
  list('Hampir jatuh tempo', s.atRisk);
  for (const m of s.calendarMissing) out.push('', `Perhatian: ${m}`);
  if (s.warnings.length > 0) {
    out.push('', 'Peringatan (tab yang diisi admin):');
    for (const w of s.warnings) out.push(`  ${w}`);
  }
  if (s.skipped.length > 0) {
    out.push('', 'Baris yang dilewati (perbaiki di register):');
    for (const k of s.skipped) out.push(`  baris ${k.rowNumber} (${k.nomor || 'tanpa nomor'}): ${k.reason}`);
  }
  return out.join('\n');
}

export function formatList(records: readonly RegisterRecord[]): string {
  if (records.length === 0) return 'Tidak ada pengaduan.';
  return records
    .map((r) => `${cell(r, 'nomor').padEnd(18)} ${cell(r, 'status').padEnd(22)} ${cell(r, 'tenggat').padEnd(11)} ${cell(r, 'status_sla').padEnd(20)} ${cell(r, 'nama_usaha').slice(0, 40)}`)
    .join('\n');
}
