/**
 * The built dialog (Dialog.html with client.ts inlined, from builtBundle()) in headless Chromium,
 * as HtmlService serves it: the `<?!= model ?>` scriptlet filled with a model escaped by the
 * server's own modelJson(), and a stand-in for `google.script.run` / `google.script.host` put in
 * the page before its script runs. The stand-in records every call and answers as the test says
 * (success with a HasilKirim, failure with an Error, or not yet), asynchronously like the real one.
 *
 * Models are made here from core/ the way apps-script/aksi.ts and pencatatan.ts make them.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { KANAL, KANAL_LABEL, FORM, PERAN_LABEL, type Peran } from '../../sheets-schema/index.js';
import { ACTIONS, type ActionDef, type AksiKey } from '../../core/sop.js';
import { KELOMPOK_PIHAK_LABEL } from '../../core/fields.js';
import type { DialogModel, HasilKirim, Ringkasan } from '../../apps-script/aksi.js';
import { modelJson } from '../../apps-script/dialog.js';
import { MANUAL_INTAKE_FIELDS } from '../../core/intake.js';
import { SCREENSHOT_DIR, watch } from '../helpers/browser.js';
import { builtBundle } from './harness.js';

/** The dialog's size as tampilkanDialog() opens it, and a narrow one. */
export const DIALOG_SIZE = { width: 720, height: 640 } as const;
export const NARROW_SIZE = { width: 400, height: 640 } as const;

/** Where the page is "served" from; every other request is refused and recorded. */
const DIALOG_URL = 'https://n-dialog.googleusercontent.test/userCodeAppPanel';

/** Text from the register that must stay text. */
export const HOSTILE_PELAPOR = '<img src=x onerror=alert(1)>Budi';
export const HOSTILE_ISI = 'Usaha tetap buka malam hari </script><script>alert(2)</script> & "bising" <b>tebal</b>';

const PANJANG =
  'Pelapor menyampaikan bahwa kegiatan usaha bengkel las di Jalan Soekarno-Hatta, Kelurahan Labuh Baru, ' +
  'beroperasi sampai larut malam dengan suara bising dan percikan api yang membahayakan rumah warga di sekitarnya; ' +
  'izin usaha yang dipajang di depan bengkel tampaknya sudah kedaluwarsa sejak tahun lalu dan warga sudah dua kali ' +
  'menyampaikan keberatan kepada pemilik usaha tanpa tanggapan. Pelapor memohon agar DPMPTSP memeriksa perizinan…';

/** A few complaints as aksi.ts's ringkasan() shows them: hostile text, long text, blanks. */
export const PENGADUAN: readonly Ringkasan[] = [
  {
    nomor: 'PGD-2026-0041',
    status: 'Diterima',
    tahap: 'Pemeriksaan persyaratan',
    pelapor: HOSTILE_PELAPOR,
    diterima: '2026-11-23 09:15', // Monday
    tenggat: '2026-12-02', // Wednesday
    sisa: '3',
    statusSla: 'Berjalan',
    kategori: '',
    isi: HOSTILE_ISI,
  },
  {
    nomor: 'PGD-2026-0038',
    status: 'Diterima',
    tahap: 'Pemeriksaan persyaratan',
    pelapor: 'Hj. Nurhasanah binti Muhammad Syarif Datuak Rajo Mangkuto',
    diterima: '2026-11-19 14:02', // Thursday
    tenggat: '2026-11-28', // Saturday is no working day; the sheet says so anyway
    sisa: '0',
    statusSla: 'Hampir jatuh tempo',
    kategori: 'Sedang',
    isi: PANJANG,
  },
  {
    nomor: 'PGD-2026-0035',
    status: 'Diterima',
    tahap: '',
    pelapor: '',
    diterima: '2026-11-17 08:00', // Tuesday
    tenggat: '',
    sisa: '',
    statusSla: '',
    kategori: '',
    isi: 'Surat tanpa nama pengirim.',
  },
];

const PELAKU: Partial<Record<AksiKey, Peran>> = {};
for (const [aksi, def] of Object.entries(ACTIONS) as [AksiKey, ActionDef][]) {
  const roles = Object.values(def.from).flat();
  if (roles[0]) PELAKU[aksi] = roles[0];
}

/** The model of one SOP action as modelAksi() builds it. */
export function modelAksi(aksi: AksiKey, options: { terpilih?: string; pengaduan?: readonly Ringkasan[]; kosong?: string } = {}): DialogModel {
  const def = ACTIONS[aksi] as ActionDef;
  const peran = PELAKU[aksi] ?? 'petugas';
  const pengaduan = options.pengaduan ?? PENGADUAN;
  return {
    jenis: 'aksi',
    aksi,
    judul: def.label,
    keterangan: def.description,
    pengguna: `Rina Marlina (${PERAN_LABEL[peran]})`,
    kolom: def.inputs,
    pengaduan,
    terpilih: options.terpilih ?? '',
    kelompokPihak: KELOMPOK_PIHAK_LABEL,
    ...(options.kosong ? { kosong: options.kosong } : {}),
  };
}

/** The model of "Catat pengaduan" as modelCatat() builds it. */
export function modelCatat(): DialogModel {
  const manual = KANAL.filter((k) => k !== FORM.kanal);
  return {
    jenis: 'catat',
    aksi: 'catat',
    judul: 'Catat pengaduan',
    keterangan: `Untuk pengaduan yang datang lewat ${manual.map((k) => KANAL_LABEL[k]).join(', ')}. Pengaduan dari formulir online tercatat sendiri.`,
    pengguna: 'Rina Marlina',
    kolom: MANUAL_INTAKE_FIELDS,
    pengaduan: [],
    terpilih: '',
    kelompokPihak: KELOMPOK_PIHAK_LABEL,
  };
}

/** What the stand-in answers the next server call with. */
export type Jawaban = { readonly kind: 'success'; readonly value: HasilKirim | null } | { readonly kind: 'failure'; readonly message: string } | { readonly kind: 'pending' };

export interface ServerCall {
  readonly fn: string;
  readonly args: unknown[];
}

/**
 * The stand-in for google.script: like the real one, a runner that takes handlers and has the
 * server functions as members (only the two the dialog may call; anything else is undefined and
 * throws), arguments copied as JSON, the answer delivered later.
 */
const STAND_IN = `(() => {
  const calls = [];
  let answer = { kind: 'pending' };
  let held = [];
  const deliver = (a, ok, fail) => {
    if (a.kind === 'success') setTimeout(() => ok && ok(a.value), 5);
    else if (a.kind === 'failure') setTimeout(() => fail && fail(new Error(a.message)), 5);
    else held.push({ ok, fail });
  };
  const runner = (ok, fail) => ({
    withSuccessHandler: (fn) => runner(fn, fail),
    withFailureHandler: (fn) => runner(ok, fn),
    kirimAksi: (req) => { calls.push({ fn: 'kirimAksi', args: [JSON.parse(JSON.stringify(req))] }); deliver(answer, ok, fail); },
    catatPengaduan: (req, permintaan) => { calls.push({ fn: 'catatPengaduan', args: [JSON.parse(JSON.stringify(req)), permintaan] }); deliver(answer, ok, fail); },
  });
  window.google = { script: { run: runner(undefined, undefined), host: { close: () => calls.push({ fn: 'host.close', args: [] }) } } };
  window.__dialogTest = {
    calls,
    answer: (a) => { answer = a; },
    release: (a) => { const h = held; held = []; for (const x of h) deliver(a, x.ok, x.fail); },
  };
})();`;

export interface DialogPage {
  readonly page: Page;
  /** Requests the page made beyond its own load, and console errors / uncaught exceptions / alerts. */
  readonly seen: { requests: string[]; problems: string[] };
  readonly calls: () => Promise<ServerCall[]>;
  /** Sets how the next server calls are answered. */
  readonly answer: (a: Jawaban) => Promise<void>;
  /** Answers the calls that were held (`pending`). */
  readonly release: (a: Jawaban) => Promise<void>;
  /** A screenshot to tmp/screenshots/dialog/NAME.png: what the dialog shows, or the whole page. */
  readonly screenshot: (name: string, fullPage?: boolean) => Promise<string>;
  readonly close: () => Promise<void>;
}

/** The built Dialog.html with the model in it, as template.evaluate() would give it. */
export async function dialogHtml(model: DialogModel): Promise<string> {
  const { dialog } = await builtBundle();
  const parts = dialog.split('<?!= model ?>');
  if (parts.length !== 2) throw new Error(`Dialog.html should have exactly one <?!= model ?> scriptlet, has ${parts.length - 1}`);
  return parts.join(modelJson(model));
}

export async function openDialog(browser: Browser, model: DialogModel, viewport: { width: number; height: number } = DIALOG_SIZE): Promise<DialogPage> {
  const html = await dialogHtml(model);
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  // A missing element fails in seconds, not at the test's timeout.
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  const seen = watch(page);
  seen.requests.length = 0;
  page.on('dialog', (d) => {
    seen.problems.push(`alert: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(STAND_IN);
  await page.route('**/*', (route) => (route.request().url() === DIALOG_URL ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
  await page.goto(DIALOG_URL);
  // The page's own load is not a request the dialog made.
  seen.requests.splice(seen.requests.indexOf(DIALOG_URL), 1);
  return {
    page,
    seen,
    calls: () => page.evaluate<ServerCall[]>('window.__dialogTest.calls'),
    answer: (a) => page.evaluate(`window.__dialogTest.answer(${JSON.stringify(a)})`),
    release: (a) => page.evaluate(`window.__dialogTest.release(${JSON.stringify(a)})`),
    screenshot: async (name, fullPage = false) => {
      const dir = path.join(SCREENSHOT_DIR, 'dialog');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage });
      return file;
    },
    close: () => context.close(),
  };
}
