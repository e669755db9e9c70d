/**
 * The register's shape as data: every tab, column, enum, setting and Form question. Imports
 * nothing of ours. `schemaJson()` is the machine-readable form for tools (`pengaduan skema --json`).
 */
export * from './enums.js';
export * from './columns.js';
export * from './tabs.js';
export * from './settings.js';
export * from './libur.js';
export * from './form.js';
export * from './wilayah.js';

import * as enums from './enums.js';
import { TABS } from './tabs.js';
import { SETTINGS } from './settings.js';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER } from './libur.js';
import { FORM } from './form.js';
import { KELURAHAN } from './wilayah.js';

export const SCHEMA_VERSION = 1;

/** The whole schema as plain JSON-serialisable data. */
export function schemaJson(): unknown {
  return {
    version: SCHEMA_VERSION,
    tabs: Object.values(TABS),
    enums: {
      status: { values: enums.STATUS, labels: enums.STATUS_LABEL },
      kategori: { values: enums.KATEGORI, labels: enums.KATEGORI_LABEL },
      kanal: { values: enums.KANAL, labels: enums.KANAL_LABEL },
      peran: { values: enums.PERAN, labels: enums.PERAN_LABEL },
      status_sla: { values: enums.STATUS_SLA, labels: enums.STATUS_SLA_LABEL },
      persyaratan: { values: enums.PERSYARATAN, labels: enums.PERSYARATAN_LABEL },
      cara_penyampaian: { values: enums.CARA_PENYAMPAIAN, labels: enums.CARA_PENYAMPAIAN_LABEL },
      jenis_libur: { values: enums.JENIS_LIBUR },
      jenis_dokumen: { values: enums.JENIS_DOKUMEN, labels: enums.JENIS_DOKUMEN_LABEL },
      kecamatan: { values: enums.KECAMATAN },
      bidang_usaha: { values: enums.BIDANG_USAHA },
      kelurahan: { values: KELURAHAN },
      penulis: { values: enums.PENULIS },
    },
    settings: SETTINGS,
    form: FORM,
    defaultHolidays: { years: DEFAULT_TAHUN_KALENDER, rows: DEFAULT_LIBUR },
  };
}
