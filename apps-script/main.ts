/**
 * The Apps Script project's entry: the ONE explicit list of the functions Apps Script may call.
 * The bundler (tools/bundle-apps-script.ts) turns every export below into a top-level
 * `function NAME(…)` of Code.js, because Apps Script finds triggers, menu items and
 * `google.script.run` targets only among top-level functions. Nothing else is global.
 *
 * - Triggers: `onOpen` (simple), `onFormSubmit` (installed on the Form by Setup), `harian` (daily),
 *   `penjagaKolom` (installed onEdit: a person's typing in a system column is undone).
 * - Menu items: one `aksi_*` per SOP action (core/sop.ts), `catatBaru`, `buatUlangDokumen`,
 *   `muatMenu`, `tentangAkses`, and the Admin items `siapkan`, `aturLayananDokumen`, `harian`.
 * - Called by the dialog through `google.script.run`: `kirimAksi`, `catatPengaduan`.
 */
import type { AksiKey } from '../core/sop.js';
import { kirimAksi as kirimAksiImpl, modelAksi } from './aksi.js';
import { aturLayananDokumen as aturImpl, harian as harianImpl, siapkan as siapkanImpl } from './admin.js';
import { dariMenu, tampilkanDialog } from './dialog.js';
import { buatUlangDokumen as buatUlangImpl } from './dokumen.js';
import { buatMenu, tentangAkses as tentangImpl } from './menu.js';
import { catatPengaduan as catatImpl, modelCatat, onFormSubmit as onFormSubmitImpl } from './pencatatan.js';
import { penjagaKolom as penjagaImpl } from './penjaga.js';

const bukaAksi = (aksi: AksiKey) => (): void => dariMenu(() => tampilkanDialog(modelAksi(aksi)));

export function onOpen(): void {
  try {
    buatMenu();
  } catch (e) {
    console.error(`Menu Pengaduan tidak dapat dibuat: ${e instanceof Error ? e.message : String(e)}`);
  }
}
export const onFormSubmit = onFormSubmitImpl;
export const harian = (e?: unknown): void => {
  // From the time trigger a refusal goes to the log (and Google's failure e-mail); from the menu, to an alert.
  if (typeof e === 'object' && e !== null && 'triggerUid' in e) harianImpl(e);
  else dariMenu(() => harianImpl());
};
export const penjagaKolom = penjagaImpl;

export const muatMenu = (): void => dariMenu(buatMenu);
export const tentangAkses = (): void => dariMenu(tentangImpl);
export const siapkan = (): void => dariMenu(siapkanImpl);
export const aturLayananDokumen = (): void => dariMenu(aturImpl);
export const catatBaru = (): void => dariMenu(() => tampilkanDialog(modelCatat()));
export const buatUlangDokumen = (): void => dariMenu(buatUlangImpl);

export const aksi_periksa = bukaAksi('periksa');
export const aksi_lengkapi = bukaAksi('lengkapi');
export const aksi_nilai = bukaAksi('nilai');
export const aksi_jawab = bukaAksi('jawab');
export const aksi_disposisi = bukaAksi('disposisi');
export const aksi_perintah_undangan = bukaAksi('perintah_undangan');
export const aksi_kirim_undangan = bukaAksi('kirim_undangan');
export const aksi_jadwal_ulang = bukaAksi('jadwal_ulang');
export const aksi_catat_hasil_rapat = bukaAksi('catat_hasil_rapat');
export const aksi_perbaiki_draf = bukaAksi('perbaiki_draf');
export const aksi_paraf_koordinator = bukaAksi('paraf_koordinator');
export const aksi_paraf_sekretaris = bukaAksi('paraf_sekretaris');
export const aksi_kembalikan = bukaAksi('kembalikan');
export const aksi_tandatangani = bukaAksi('tandatangani');
export const aksi_serahkan = bukaAksi('serahkan');
export const aksi_tutup = bukaAksi('tutup');

export const kirimAksi = kirimAksiImpl;
export const catatPengaduan = catatImpl;
