/**
 * The one dialog of the Apps Script front end (apps-script/dialog/Dialog.html + client.ts, as
 * built by tools/bundle-apps-script.ts) in headless Chromium, with a stand-in for
 * google.script.run: every SOP action's form and "Catat pengaduan" render every input with its
 * label, marker, help and ARIA; a filled form sends exactly the {aksi, nomor, masukan} that
 * core's validateFields accepts; problems (the client's and the server's) appear under their
 * fields and nothing is sent; the outcome, a failure and closing work; all by keyboard; no
 * request leaves the page, no console error, nothing from the register is parsed as HTML.
 * Screenshots at the dialog's size and a narrow one go to tmp/screenshots/dialog/ to be looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACTIONS, AKSI } from '../../core/sop.js';
import { PERSYARATAN, PERSYARATAN_LABEL } from '../../sheets-schema/index.js';
import { validateFields, type FieldSpec } from '../../core/fields.js';
import type { DialogModel, HasilKirim } from '../../apps-script/aksi.js';
import { browserTestsRun, launchBrowser } from '../helpers/browser.js';
import {
  DIALOG_SIZE,
  HOSTILE_ISI,
  HOSTILE_PELAPOR,
  modelAksi,
  modelCatat,
  NARROW_SIZE,
  openDialog,
  PENGADUAN,
  type DialogPage,
} from './dialog-page.js';

const NOMOR = PENGADUAN[1]?.nomor ?? '';
const fid = (key: string): string => `#f_${key}`;

/** Valid samples by field key where the type alone says too little. */
const SAMPLE: Record<string, string> = {
  diterima_pada: '2026-11-20 10:30', // Friday
  nomor_undangan: '005/123/DPMPTSP/XI/2026',
  nomor_ba: '180/45/BA-DPMPTSP/2026',
  nomor_lapor: 'LAPOR-2611-0042',
};

/** An element's box, typed without the DOM library (the page code runs in the browser). */
interface Boxed {
  getBoundingClientRect(): { left: number };
}
interface Linked {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
const lefts = (els: Boxed[]): number[] => els.map((e) => Math.round(e.getBoundingClientRect().left));
const anchors = (els: Linked[]): (string | null)[][] => els.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]);

/** The role a field's control has, where the label alone must name it. */
const ROLE: Partial<Record<FieldSpec['type'], 'textbox' | 'combobox'>> = {
  teks: 'textbox',
  teks_panjang: 'textbox',
  email: 'textbox',
  telepon: 'textbox',
  nik: 'textbox',
  pilihan: 'combobox',
  ya_tidak: 'combobox',
};

/** Fills one field with a valid value, the way a person would; returns what the dialog must send. */
async function fillValid(page: Page, spec: FieldSpec): Promise<unknown> {
  const input = page.locator(fid(spec.key));
  switch (spec.type) {
    case 'teks': {
      const v = SAMPLE[spec.key] ?? `${spec.label}: Aula lantai 2, Jl. Veteran No. 1`;
      await input.fill(v);
      return v;
    }
    case 'teks_panjang': {
      const v = `${spec.label} baris pertama.\nBaris kedua dengan "kutip" & tanda <kurung>.`;
      await input.fill(v);
      return v;
    }
    case 'pilihan': {
      const options = spec.options ?? [];
      const v = options[1] ?? options[0] ?? '';
      await input.selectOption(v);
      return v;
    }
    case 'ya_tidak':
      await input.selectOption('ya');
      return 'ya';
    case 'daftar_pilihan': {
      const options = spec.options ?? [];
      const picked = [options[0] ?? '', options[2] ?? ''];
      for (const o of picked) await page.getByRole('checkbox', { name: spec.optionLabels?.[o] ?? o, exact: true }).check();
      return picked;
    }
    case 'tanggal':
      await input.fill('2026-12-03'); // Thursday
      return '2026-12-03';
    case 'jam':
      await input.fill('09:30');
      return '09:30';
    case 'email':
      await input.fill('warga.payakumbuh@contoh.id');
      return 'warga.payakumbuh@contoh.id';
    case 'telepon':
      await input.fill('0812-3456-7890');
      return '0812-3456-7890';
    case 'nik':
      await input.fill('1376 0112 0380 0001');
      return '1376 0112 0380 0001';
    case 'pihak':
      return fillRows(page, spec, [
        { nama: 'Kepala Bidang Perizinan', instansi: 'DPMPTSP', kelompok: 'tim_teknis' },
        { nama: 'Kepala Seksi Pengawasan', instansi: 'Dinas Lingkungan Hidup', kelompok: 'opd_terkait' },
        { nama: 'Pemilik Bengkel Las Jaya', instansi: '', kelompok: 'pemilik_usaha' },
      ]);
    case 'peserta':
      return fillRows(page, spec, [
        { nama: 'Ir. Syafrizal', instansi: 'DPMPTSP' },
        { nama: 'Desi Ratnasari, S.H.', instansi: 'Satpol PP' },
      ]);
    case 'tindak_lanjut':
      return fillRows(page, spec, [
        { uraian: 'Peninjauan lapangan ke lokasi usaha', pelaksana: 'Tim teknis', tenggat: '2026-12-10' }, // Thursday
        { uraian: 'Teguran tertulis kepada pemilik usaha', pelaksana: 'Satpol PP', tenggat: '' },
      ]);
  }
}

/** Fills a repeat-row editor, adding rows with its button. */
async function fillRows(page: Page, spec: FieldSpec, rows: Record<string, string>[]): Promise<Record<string, string>[]> {
  const editor = page.locator(fid(spec.key));
  for (const [i, row] of rows.entries()) {
    if (i > 0) await page.getByRole('button', { name: `Tambah baris ${spec.label}` }).click();
    const line = editor.locator('.row').nth(i);
    for (const [key, value] of Object.entries(row)) {
      const cell = line.locator(`[data-key="${key}"]`);
      if (key === 'kelompok') await cell.selectOption(value);
      else if (value !== '') await cell.fill(value);
    }
  }
  return rows;
}

/** What is focused: an id, else an accessible label, else the text. */
const focused = (page: Page): Promise<string> =>
  page.evaluate<string>("(() => { const a = document.activeElement; return a ? (a.id || a.getAttribute('aria-label') || a.textContent || a.tagName).trim() : ''; })()");

const noticeText = async (page: Page): Promise<string> => (await page.locator('#pesan').textContent()) ?? '';

describe.runIf(browserTestsRun)('the action dialogs in Chromium', () => {
  let browser: Browser;
  const opened: DialogPage[] = [];
  const open = async (model: DialogModel, viewport: { width: number; height: number } = DIALOG_SIZE): Promise<DialogPage> => {
    const d = await openDialog(browser, model, viewport);
    opened.push(d);
    return d;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // Every page the tests opened made no request and logged no error.
    const leaks = opened.flatMap((d) => [...d.seen.requests, ...d.seen.problems]);
    await browser?.close();
    expect(leaks).toEqual([]);
  });

  const every: [string, () => DialogModel][] = [...AKSI.map((a): [string, () => DialogModel] => [a, () => modelAksi(a, { terpilih: NOMOR })]), ['catat', modelCatat]];

  describe.each(every)('the %s dialog', (name, make) => {
    it('shows every input with its label, required marker, help and ARIA wiring', async () => {
      const model = make();
      const { page } = await open(model);
      expect(await page.locator('h1').textContent()).toBe(model.judul);
      for (const spec of model.kolom) {
        const label = page.locator(`#f_${spec.key}_label`);
        expect((await label.textContent())?.replace(/\s*\*$/, '')).toBe(spec.label);
        expect(await label.locator('.req').count(), `${spec.key} required marker`).toBe(spec.required ? 1 : 0);
        const input = page.locator(fid(spec.key));
        await expect.poll(() => input.isVisible(), { timeout: 1000 }).toBe(true);
        const group = ['daftar_pilihan', 'pihak', 'peserta', 'tindak_lanjut'].includes(spec.type);
        if (group) {
          expect(await input.getAttribute('role')).toBe('group');
          expect(await input.getAttribute('aria-labelledby')).toBe(`f_${spec.key}_label`);
        } else {
          expect(await page.locator(`label[for="f_${spec.key}"]`).count()).toBe(1);
          // The label names the control (the marker is hidden from screen readers).
          const role = ROLE[spec.type];
          if (role) expect(await page.getByRole(role, { name: spec.label, exact: true }).getAttribute('id')).toBe(`f_${spec.key}`);
        }
        expect(await input.getAttribute('aria-required'), `${spec.key} aria-required`).toBe(spec.required ? 'true' : null);
        const describedBy = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
        expect(describedBy).toContain(`f_${spec.key}_err`);
        if (spec.help) {
          expect(describedBy).toContain(`f_${spec.key}_help`);
          expect(await page.locator(`#f_${spec.key}_help`).textContent()).toBe(spec.help);
          expect(await page.locator(`#f_${spec.key}_help`).isVisible()).toBe(true);
        }
        for (const id of describedBy) expect(await page.locator(`#${id}`).count(), `#${id} exists`).toBe(1);
        if (spec.type === 'pilihan') {
          const texts = await input.locator('option').allTextContents();
          expect(texts.slice(1)).toEqual((spec.options ?? []).map((o) => spec.optionLabels?.[o] ?? o));
        }
        if (spec.type === 'daftar_pilihan') {
          expect(await input.getByRole('checkbox').count()).toBe(spec.options?.length);
        }
      }
    });

    it('sends exactly what validateFields accepts once every input is filled', async () => {
      const model = make();
      const d = await open(model);
      await d.answer({ kind: 'pending' });
      const masukan: Record<string, unknown> = {};
      for (const spec of model.kolom) masukan[spec.key] = await fillValid(d.page, spec);
      expect(validateFields(model.kolom, masukan).problems).toEqual([]);
      await d.page.getByRole('button', { name: 'Simpan' }).click();
      await expect.poll(d.calls).toHaveLength(1);
      const [call] = await d.calls();
      if (model.jenis === 'aksi') expect(call).toEqual({ fn: 'kirimAksi', args: [{ aksi: name, nomor: NOMOR, masukan }] });
      // With the dialog's own request ID, so a repeated Simpan cannot register the complaint twice.
      else expect(call).toEqual({ fn: 'catatPengaduan', args: [masukan, expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)] });
      // While the server works: no second submission, no closing halfway.
      expect(await d.page.getByRole('button', { name: 'Menyimpan…' }).isDisabled()).toBe(true);
      expect(await d.page.getByRole('button', { name: 'Batal' }).isDisabled()).toBe(true);
      await d.page.locator(model.kolom.some((s) => s.type === 'teks') ? 'input[type=text]' : 'textarea').first().press('Enter');
      expect(await d.calls()).toHaveLength(1);
    });
  });

  it('the periksa dialog sends the requirements as option keys, and nothing when none is ticked', async () => {
    const d = await open(modelAksi('periksa', { terpilih: NOMOR }));
    await d.answer({ kind: 'pending' });
    const [first = 'surat_ditandatangani', second = 'diketahui_lurah'] = PERSYARATAN;
    await d.page.getByRole('checkbox', { name: PERSYARATAN_LABEL[second], exact: true }).check();
    await d.page.getByRole('checkbox', { name: PERSYARATAN_LABEL[first], exact: true }).check();
    await d.page.getByRole('checkbox', { name: PERSYARATAN_LABEL[first], exact: true }).uncheck();
    await d.page.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(d.calls).toEqual([{ fn: 'kirimAksi', args: [{ aksi: 'periksa', nomor: NOMOR, masukan: { persyaratan: [second] } }] }]);
  });

  describe('the repeat-row editors', () => {
    it('add and remove rows, renumber them, keep one row, and send only the rows filled in', async () => {
      const d = await open(modelAksi('kirim_undangan', { terpilih: NOMOR }));
      const { page } = d;
      const rows = page.locator('#f_undangan .row');
      expect(await rows.count()).toBe(1);
      const add = page.getByRole('button', { name: 'Tambah baris Pihak yang diundang' });
      await add.click();
      await add.click();
      expect(await rows.count()).toBe(3);
      // A new row takes the focus, ready to type in.
      expect(await focused(page)).toBe('Nama/jabatan (baris 3)');
      await rows.nth(0).locator('[data-key=nama]').fill('Satu');
      await rows.nth(1).locator('[data-key=nama]').fill('Dua');
      await rows.nth(2).locator('[data-key=nama]').fill('Tiga');
      await page.getByRole('button', { name: 'Hapus baris 2' }).click();
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(1).locator('[data-key=nama]').getAttribute('aria-label')).toBe('Nama/jabatan (baris 2)');
      expect(await rows.nth(1).locator('[data-key=nama]').inputValue()).toBe('Tiga');
      expect(await page.getByRole('button', { name: 'Hapus baris 2' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Hapus baris 2' }).click();
      await page.getByRole('button', { name: 'Hapus baris 1' }).click();
      // The last row is emptied rather than removed: there is always a row to type in.
      expect(await rows.count()).toBe(1);
      expect(await rows.nth(0).locator('[data-key=nama]').inputValue()).toBe('');
      // An empty trailing row is not sent.
      await d.answer({ kind: 'pending' });
      await page.locator(fid('tanggal')).fill('2026-12-03');
      await page.locator(fid('jam')).fill('10:00');
      await page.locator(fid('tempat')).fill('Aula');
      await page.locator(fid('agenda')).fill('Klarifikasi');
      await rows.nth(0).locator('[data-key=nama]').fill('Camat Payakumbuh Barat');
      await rows.nth(0).locator('[data-key=kelompok]').selectOption('opd_terkait');
      await add.click();
      await page.getByRole('button', { name: 'Simpan' }).click();
      await expect.poll(d.calls).toHaveLength(1);
      const [call] = await d.calls();
      expect((call?.args[0] as { masukan: Record<string, unknown> }).masukan.undangan).toEqual([{ nama: 'Camat Payakumbuh Barat', instansi: '', kelompok: 'opd_terkait' }]);
    });

    it('line up their cells with the column headings at the dialog width', async () => {
      const { page } = await open(modelAksi('catat_hasil_rapat', { terpilih: NOMOR }));
      await page.getByRole('button', { name: 'Tambah baris Tindak lanjut' }).click();
      const at = (sel: string): Promise<number[]> => page.locator(sel).evaluateAll(lefts);
      const heads = await at('#f_tindak_lanjut .row-head > *');
      const row1 = await at('#f_tindak_lanjut .row:nth-child(2) > *');
      const row2 = await at('#f_tindak_lanjut .row:nth-child(3) > *');
      expect(heads).toHaveLength(3);
      expect(row1).toHaveLength(4);
      expect(row1.slice(0, 3)).toEqual(heads.slice(0, 3));
      expect(row2).toEqual(row1);
    });
  });

  describe('the complaint selector', () => {
    it('with a complaint selected in the sheet, shows its summary and moves to the first input', async () => {
      const { page } = await open(modelAksi('nilai', { terpilih: NOMOR }));
      expect(await page.locator('#nomor').inputValue()).toBe(NOMOR);
      expect(await page.locator('#ringkasan').textContent()).toContain('Hj. Nurhasanah');
      expect(await focused(page)).toBe('f_kategori');
    });

    it('with none selected, asks for one, updates the summary card on change, and refuses to send without one', async () => {
      const d = await open(modelAksi('tutup'));
      const { page } = d;
      expect(await page.locator('#nomor').inputValue()).toBe('');
      expect(await focused(page)).toBe('nomor');
      expect(await page.locator('#ringkasan dl').count()).toBe(0);
      await page.locator(fid('alasan')).fill('Bukan kewenangan DPMPTSP.');
      await page.getByRole('button', { name: 'Simpan' }).click();
      expect(await page.locator('#nomor_err').textContent()).toBe('Pilih pengaduan yang akan diproses.');
      expect(await page.locator('#nomor').getAttribute('aria-invalid')).toBe('true');
      expect(await focused(page)).toBe('nomor');
      expect(await d.calls()).toEqual([]);

      await page.locator('#nomor').selectOption(PENGADUAN[0]?.nomor ?? '');
      const card = page.locator('#ringkasan');
      expect(await card.textContent()).toContain(HOSTILE_PELAPOR);
      expect(await card.textContent()).toContain(HOSTILE_ISI);
      await page.locator('#nomor').selectOption(PENGADUAN[2]?.nomor ?? '');
      expect(await card.textContent()).not.toContain(HOSTILE_PELAPOR);
      expect(await card.textContent()).toContain('Surat tanpa nama pengirim.');
      // Choosing a complaint clears the complaint's problem.
      expect(await page.locator('#nomor_err').textContent()).toBe('');
      // Blank values are left out of the card, not shown as empty rows.
      expect(await card.locator('dt').allTextContents()).toEqual(['Pelapor', 'Diterima', 'Status', 'Isi pengaduan']);
      expect(await card.locator('dd').first().textContent()).toBe('(tanpa nama)');
    });

    it('shows text from the register as text: no element, no script, no alert', async () => {
      const { page, seen } = await open(modelAksi('periksa', { terpilih: PENGADUAN[0]?.nomor ?? '' }));
      expect(await page.locator('#ringkasan').textContent()).toContain(HOSTILE_ISI);
      expect(await page.locator('#nomor option').first().textContent()).toContain(HOSTILE_PELAPOR);
      expect(await page.locator('img, b, main script').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(2);
      expect(seen.problems).toEqual([]);
    });
  });

  describe('client validation', () => {
    it('puts each missing required input under its field, focuses the first, and sends nothing', async () => {
      const d = await open(modelAksi('kirim_undangan', { terpilih: NOMOR }));
      const { page } = d;
      await page.getByRole('button', { name: 'Simpan' }).click();
      const required = ACTIONS.kirim_undangan.inputs.filter((s) => s.required);
      for (const spec of required) {
        expect(await page.locator(`#f_${spec.key}_err`).textContent()).toBe('Wajib diisi.');
        expect(await page.locator(fid(spec.key)).getAttribute('aria-invalid')).toBe('true');
      }
      expect(await page.locator('.field.invalid').count()).toBe(required.length);
      expect(await noticeText(page)).toContain(`Periksa ${required.length} isian yang ditandai.`);
      expect(await focused(page)).toBe('f_tanggal');
      expect(await d.calls()).toEqual([]);
      // Fixing a field and sending again clears its mark.
      await page.locator(fid('tanggal')).fill('2026-12-03');
      await page.getByRole('button', { name: 'Simpan' }).click();
      expect(await page.locator('#f_tanggal_err').textContent()).toBe('');
      expect(await page.locator(fid('tanggal')).getAttribute('aria-invalid')).toBe(null);
      expect(await focused(page)).toBe('f_jam');
      await d.screenshot('kirim_undangan-wajib-720');
    });

    it('refuses a bad e-mail, phone number and NIK, and text that is too long, each under its field', async () => {
      const d = await open(modelCatat());
      const { page } = d;
      await page.locator(fid('kanal')).selectOption('telepon_whatsapp');
      await page.locator(fid('nama_pelapor')).fill('Andi');
      await page.locator(fid('isi_pengaduan')).fill('Pelayanan lambat.');
      await page.locator(fid('email_pelapor')).fill('andi@contoh');
      await page.locator(fid('telepon_pelapor')).fill('12345');
      await page.locator(fid('nik_pelapor')).fill('13760112038');
      const kelurahan = kolomCatatSpec('kelurahan');
      const long = Array.from({ length: 20 }, () => 'Panjang').join(' ');
      await page.locator(fid('kelurahan')).fill(long);
      await page.getByRole('button', { name: 'Simpan' }).click();
      expect(await page.locator('#f_email_pelapor_err').textContent()).toBe('Bukan alamat e-mail yang valid.');
      expect(await page.locator('#f_telepon_pelapor_err').textContent()).toBe('Bukan nomor telepon Indonesia yang valid (contoh: 081234567890 atau +6281234567890).');
      expect(await page.locator('#f_nik_pelapor_err').textContent()).toBe('NIK harus 16 digit angka.');
      expect(await page.locator('#f_kelurahan_err').textContent()).toBe(`Terlalu panjang (${long.length} karakter, paling banyak ${kelurahan.maxLength}).`);
      // Nothing typed is cut off behind the person's back: the full text stays, to be shortened.
      expect(await page.locator(fid('kelurahan')).inputValue()).toBe(long);
      expect(await page.locator('.field.invalid').count()).toBe(4);
      expect(await focused(page)).toBe('f_nik_pelapor');
      expect(await d.calls()).toEqual([]);
      await d.screenshot('catat-salah-720');
      await page.setViewportSize(NARROW_SIZE);
      await d.screenshot('catat-salah-400');
    });

    it('refuses a row without its required cell, naming the row', async () => {
      const d = await open(modelAksi('catat_hasil_rapat', { terpilih: NOMOR }));
      const { page } = d;
      await page.locator('#f_hadir .row').first().locator('[data-key=instansi]').fill('DPMPTSP');
      await page.locator(fid('pembahasan')).fill('Dibahas.');
      await page.locator(fid('kesimpulan')).fill('Disepakati.');
      await page.getByRole('button', { name: 'Simpan' }).click();
      expect(await page.locator('#f_hadir_err').textContent()).toBe('Baris 1: "Nama" wajib diisi.');
      expect(await focused(page)).toBe('Nama (baris 1)');
      expect(await d.calls()).toEqual([]);
    });
  });

  describe('the server answer', () => {
    it('a refusal with problems marks the fields they name (whatever the case), and lists the rest', async () => {
      const d = await open(modelAksi('kirim_undangan', { terpilih: NOMOR }));
      const { page } = d;
      await d.answer({
        kind: 'success',
        value: {
          ok: false,
          kode: 'MASUKAN_TIDAK_VALID',
          pesan: 'Isian belum benar; tidak ada yang disimpan.',
          masalah: [
            { field: 'Tanggal Rapat', message: 'tidak boleh sebelum hari ini' },
            { field: 'Hasil rapat', message: 'rapat belum berlangsung' },
          ],
        },
      });
      for (const spec of ACTIONS.kirim_undangan.inputs) await fillValid(page, spec);
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.locator('#pesan.error').waitFor();
      expect(await page.locator('#f_tanggal_err').textContent()).toBe('Tidak boleh sebelum hari ini.');
      expect(await page.locator(fid('tanggal')).getAttribute('aria-invalid')).toBe('true');
      const notice = await noticeText(page);
      expect(notice).toContain('Isian belum benar; tidak ada yang disimpan.');
      expect(notice).toContain('Hasil rapat: rapat belum berlangsung');
      // The form can be corrected and sent again.
      expect(await page.getByRole('button', { name: 'Simpan' }).isEnabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Batal' }).isEnabled()).toBe(true);
    });

    it('a success shows the message, the status, the document links and the notes, and closes the form', async () => {
      const d = await open(modelAksi('kirim_undangan', { terpilih: NOMOR }));
      const { page } = d;
      const hasil: HasilKirim = {
        ok: true,
        pesan: 'Undangan rapat dikirim untuk 3 pihak; rapat 2026-12-03 09:30 di Aula lantai 2.',
        nomor: NOMOR,
        status: 'Rapat dijadwalkan',
        dokumen: [{ jenis: 'undangan_rapat', tautan: 'https://docs.google.com/document/d/1AbC/edit', pdf: 'https://drive.google.com/file/d/9XyZ/view' }],
        catatan: ['E-mail terkirim kepada 2 penerima; 1 pihak tanpa alamat e-mail (kirim undangan cetak).'],
      };
      await d.answer({ kind: 'success', value: hasil });
      for (const spec of ACTIONS.kirim_undangan.inputs) await fillValid(page, spec);
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.locator('#pesan.ok').waitFor();
      const notice = await noticeText(page);
      expect(notice).toContain(hasil.pesan);
      expect(notice).toContain('Status sekarang: Rapat dijadwalkan.');
      expect(notice).toContain(hasil.catatan[0]);
      const links = page.locator('#pesan a');
      expect(await links.evaluateAll(anchors)).toEqual([
        ['Undangan Rapat', hasil.dokumen[0]?.tautan, '_blank', 'noopener noreferrer'],
        ['Undangan Rapat (PDF)', hasil.dokumen[0]?.pdf, '_blank', 'noopener noreferrer'],
      ]);
      // Nothing can be changed or sent twice; only Tutup remains, and has the focus.
      expect(await page.locator('form :is(input, select, textarea):enabled').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Simpan' }).count()).toBe(0);
      expect(await focused(page)).toBe('Tutup');
      // The outcome is in view, however far down the form was sent from.
      const box = await page.locator('#pesan').boundingBox();
      expect(box?.y).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(DIALOG_SIZE.height);
      await d.screenshot('kirim_undangan-berhasil-720');
      await page.setViewportSize(NARROW_SIZE);
      await d.screenshot('kirim_undangan-berhasil-400');
      await page.getByRole('button', { name: 'Tutup' }).click();
      expect(await d.calls()).toEqual([expect.objectContaining({ fn: 'kirimAksi' }), { fn: 'host.close', args: [] }]);
    });

    it('a failure says the server could not be reached and lets the person try again', async () => {
      const d = await open(modelAksi('disposisi', { terpilih: NOMOR }));
      const { page } = d;
      await d.answer({ kind: 'pending' });
      await page.locator(fid('disposisi')).fill('Tindak lanjuti bersama tim teknis.');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await expect.poll(d.calls).toHaveLength(1);
      expect(await noticeText(page)).toContain('Menyimpan…');
      await d.release({ kind: 'failure', message: 'Exception: Service invoked too many times for one day: urlfetch.' });
      await page.locator('#pesan.error').waitFor();
      const notice = await noticeText(page);
      expect(notice).toContain('Tidak dapat menghubungi server: Exception: Service invoked too many times for one day: urlfetch.');
      expect(notice).toContain('Periksa register');
      expect(await page.getByRole('button', { name: 'Simpan' }).isEnabled()).toBe(true);
      expect(await page.locator(fid('disposisi')).inputValue()).toBe('Tindak lanjuti bersama tim teknis.');
    });

    it('an unreadable answer is said so, not shown as a success', async () => {
      const d = await open(modelAksi('paraf_koordinator', { terpilih: NOMOR }));
      await d.answer({ kind: 'success', value: null });
      await d.page.getByRole('button', { name: 'Simpan' }).click();
      await d.page.locator('#pesan.error').waitFor();
      expect(await noticeText(d.page)).toContain('Jawaban server tidak terbaca');
    });
  });

  it('Batal closes the dialog and sends nothing', async () => {
    const d = await open(modelAksi('jawab', { terpilih: NOMOR }));
    await d.page.locator(fid('jawaban')).fill('Sudah kami jelaskan.');
    await d.page.getByRole('button', { name: 'Batal' }).click();
    expect(await d.calls()).toEqual([{ fn: 'host.close', args: [] }]);
  });

  it('the kosong state says why and offers only Tutup', async () => {
    const kosong = 'Tidak ada pengaduan yang sedang menunggu "Periksa persyaratan" (status Diterima).';
    const d = await open(modelAksi('periksa', { pengaduan: [], kosong }));
    const { page } = d;
    expect(await noticeText(page)).toBe(kosong);
    expect(await page.locator('form, select, input, textarea').count()).toBe(0);
    expect(await page.getByRole('button').allTextContents()).toEqual(['Tutup']);
    expect(await focused(page)).toBe('Tutup');
    await d.screenshot('kosong-720');
    await page.setViewportSize(NARROW_SIZE);
    await d.screenshot('kosong-400');
    await page.keyboard.press('Enter');
    expect(await d.calls()).toEqual([{ fn: 'host.close', args: [] }]);
  });

  describe('by keyboard only', () => {
    it('Tab goes through the complaint, every input in order, the row buttons, Batal and Simpan', async () => {
      const { page } = await open(modelAksi('kirim_undangan'));
      const order: string[] = [await focused(page)];
      for (let i = 0; i < 40 && order.at(-1) !== 'Simpan'; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        // A date or time input takes one Tab per part (day, month, year).
        if (now !== order.at(-1)) order.push(now);
      }
      expect(order).toEqual([
        'nomor',
        'f_nomor_undangan',
        'f_tanggal',
        'f_jam',
        'f_tempat',
        'f_agenda',
        'Nama/jabatan (baris 1)',
        'Instansi (baris 1)',
        'Kelompok (baris 1)',
        'Hapus baris 1',
        'Tambah baris Pihak yang diundang',
        'Batal',
        'Simpan',
      ]);
    });

    it('Enter in a one-line input sends the form, Enter in a text area starts a new line, Space ticks a checkbox', async () => {
      const d = await open(modelAksi('tutup', { terpilih: NOMOR }));
      const { page } = d;
      await d.answer({ kind: 'pending' });
      expect(await focused(page)).toBe('f_alasan');
      await page.keyboard.type('Bukan kewenangan DPMPTSP.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Diteruskan.');
      expect(await d.calls()).toEqual([]);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Dinas Perhubungan');
      await page.keyboard.press('Enter');
      await expect.poll(d.calls).toEqual([
        { fn: 'kirimAksi', args: [{ aksi: 'tutup', nomor: NOMOR, masukan: { alasan: 'Bukan kewenangan DPMPTSP.\nDiteruskan.', diteruskan_kepada: 'Dinas Perhubungan' } }] },
      ]);

      const p = await open(modelAksi('periksa', { terpilih: NOMOR }));
      expect(await focused(p.page)).toBe('f_persyaratan_0');
      await p.page.keyboard.press('Space');
      expect(await p.page.locator('#f_persyaratan_0').isChecked()).toBe(true);
    });

    it('the focused control is always visible: outlined, and not under the action bar', async () => {
      const { page } = await open(modelCatat());
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const box = await page.evaluate<{ top: number; bottom: number; bar: number; outline: string } | null>(
          "(() => { const a = document.activeElement; if (!a || a === document.body) return null; const r = a.getBoundingClientRect(); const s = getComputedStyle(a); return { top: r.top, bottom: r.bottom, bar: document.querySelector('.actions').getBoundingClientRect().top, outline: s.outlineStyle + ' ' + s.outlineWidth }; })()",
        );
        if (!box) continue;
        expect(box.outline).toMatch(/^solid [2-9]/);
        if (await page.evaluate<boolean>("!document.activeElement.closest('.actions')")) expect(box.bottom, await focused(page)).toBeLessThanOrEqual(box.bar);
      }
    });
  });

  describe('screenshots', () => {
    const shots: [string, () => DialogModel, boolean][] = [
      ['periksa', () => modelAksi('periksa', { terpilih: PENGADUAN[0]?.nomor ?? '' }), false],
      ['kirim_undangan', () => modelAksi('kirim_undangan', { terpilih: NOMOR }), true],
      ['catat_hasil_rapat', () => modelAksi('catat_hasil_rapat', { terpilih: NOMOR }), true],
      ['catat', modelCatat, true],
      ['tutup-belum-dipilih', () => modelAksi('tutup'), false],
    ];
    it.each(shots)('%s at 720 and 400 wide, without sideways scrolling', async (name, make, filled) => {
      for (const [suffix, viewport] of [['720', DIALOG_SIZE], ['400', NARROW_SIZE]] as const) {
        const d = await open(make(), viewport);
        if (filled) for (const spec of make().kolom) await fillValid(d.page, spec);
        await d.screenshot(`${name}-${suffix}`);
        await d.screenshot(`${name}-${suffix}-penuh`, true);
        expect(await d.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      }
    });
  });
});

function kolomCatatSpec(key: string): FieldSpec {
  const spec = modelCatat().kolom.find((s) => s.key === key);
  if (!spec) throw new Error(`Catat pengaduan has no field ${key}`);
  return spec;
}

