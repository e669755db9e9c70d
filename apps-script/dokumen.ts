/** "Buat ulang dokumen": remakes every document the selected complaint has reached, through the function. */
import { berkasColumn, JENIS_DOKUMEN, JENIS_DOKUMEN_LABEL } from '../sheets-schema/index.js';
import { requireAccess } from '../core/akses.js';
import { PengaduanError } from '../core/errors.js';
import { documentProblem } from '../core/dokumen/view.js';
import { loadContext } from '../core/register.js';
import { requireUser, spreadsheet } from './env.js';
import { mintaDokumen } from './layanan.js';
import { SheetRegister } from './register.js';
import { TERTUNDA, tandaiTertunda } from './tertunda.js';

export function buatUlangDokumen(): void {
  const email = requireUser();
  const book = new SheetRegister(spreadsheet());
  requireAccess(loadContext(book).staff, email, 'dokumen');
  const table = book.table('pengaduan');
  const sheet = book.spreadsheet.getActiveSheet();
  const range = book.spreadsheet.getActiveRange();
  if (sheet.getName() !== table.tab.name || !range || range.getRow() < 2) {
    throw new PengaduanError('MASUKAN_TIDAK_VALID', `Pilih dulu baris pengaduannya di tab "${table.tab.name}", lalu jalankan menu ini lagi.`);
  }
  const record = table.get(range.getRow());
  const nomor = String(record.nomor ?? '').trim();
  if (nomor === '') throw new PengaduanError('MASUKAN_TIDAK_VALID', 'Baris yang dipilih tidak memiliki nomor registrasi.');
  const jenis = JENIS_DOKUMEN.filter((j) => documentProblem(j, record) === undefined);
  const ui = SpreadsheetApp.getUi();
  const made = mintaDokumen(nomor, jenis);
  if (made.ok) {
    const lines = made.dokumen.map((d) => `${JENIS_DOKUMEN_LABEL[d.jenis]}: ${d.tautan}`);
    ui.alert(`Dokumen ${nomor}`, [...lines, ...made.peringatan].join('\n') || 'Tidak ada dokumen yang dapat dibuat pada tahap ini.', ui.ButtonSet.OK);
    return;
  }
  const pending = made.sementara && jenis.some((j) => !String(record[berkasColumn(j)] ?? '').startsWith(TERTUNDA)) ? tandaiTertunda(nomor, jenis, made.pesan, false) : '';
  ui.alert(`Dokumen ${nomor}`, `Dokumen belum dibuat: ${made.pesan}${pending ? `\n${pending}` : ''}`, ui.ButtonSet.OK);
}
