/**
 * The de-identified dashboard rows that leadership's Looker Studio report reads: one flat row per
 * complaint, built only from a whitelist of non-personal columns (the dashboard tab's schema), so
 * no name, NIK, phone, e-mail, address or free text can reach it by construction (the kelurahan,
 * typed freely, only as a name of the official list).
 */
import {
  DASBOR_COLUMNS,
  isBidangUsaha,
  isFinalStatus,
  isKanal,
  isKategori,
  isStatus,
  stageColumn,
  STATUS,
  STATUS_LABEL,
} from '../sheets-schema/index.js';
import { cell, type CellValue, type RegisterRecord } from './record.js';
import type { SlaResult } from './sla.js';
import { isoFromDay, tryParseInstant, wibDay } from './time.js';
import { officialArea } from './wilayah.js';

export type DasborKey = (typeof DASBOR_COLUMNS)[number]['key'];
export type DasborRow = Record<DasborKey, CellValue>;

/** A cell's value only when it is one of the enum's values: whatever else a person typed stays out. */
function enumOnly(value: string, guard: (v: unknown) => boolean): string {
  return guard(value) ? value : '';
}

export function dashboardRow(record: RegisterRecord, sla: SlaResult | undefined): DasborRow {
  const status = enumOnly(cell(record, 'status').trim(), isStatus);
  const received = tryParseInstant(cell(record, 'diterima_pada'));
  const receivedDate = received === undefined ? '' : isoFromDay(wibDay(received));
  const ok = sla?.ok === true ? sla : undefined;
  const final = isStatus(status) && isFinalStatus(status);
  const area = officialArea(cell(record, 'kelurahan'), cell(record, 'kecamatan'));
  const row: Record<string, CellValue> = {
    nomor: cell(record, 'nomor'),
    bulan: receivedDate.slice(0, 7),
    tanggal_diterima: receivedDate,
    kanal: enumOnly(cell(record, 'kanal'), isKanal),
    kategori: enumOnly(cell(record, 'kategori'), isKategori),
    status,
    tahap: isStatus(status) ? STATUS_LABEL[status] : '',
    terbuka: final ? 'tidak' : 'ya',
    tenggat: ok ? isoFromDay(ok.dueDay) : '',
    tanggal_selesai: ok?.closedDay !== undefined ? isoFromDay(ok.closedDay) : '',
    hari_kerja_terpakai: ok ? ok.usedDays : '',
    status_sla: sla?.state ?? '',
    tepat_waktu: ok?.closedDay !== undefined ? (ok.state === 'SELESAI_TEPAT_WAKTU' ? 'ya' : 'tidak') : '',
    kecamatan: area.kecamatan,
    kelurahan: area.kelurahan,
    bidang_usaha: enumOnly(cell(record, 'bidang_usaha'), isBidangUsaha),
  };
  for (const s of STATUS) row[stageColumn(s)] = ok?.perStage[s] ?? '';
  // Only the dashboard tab's own columns leave this function.
  const out: Partial<DasborRow> = {};
  for (const c of DASBOR_COLUMNS) out[c.key] = row[c.key] ?? '';
  return out as DasborRow;
}
