/**
 * The dialog's own script (runs in the browser, inside HtmlService's frame). It draws the form of
 * one SOP action, or of "Catat pengaduan", from the model the server put in the page; validates
 * with the very rules the server applies (core/fields.ts `validateFields`), so a staff member sees
 * every problem next to its field before anything is sent; then calls the server through
 * `google.script.run` and shows the outcome. All text is set with textContent: nothing from the
 * register is ever parsed as HTML.
 */
import { JENIS_DOKUMEN_LABEL } from '../../sheets-schema/enums.js';
import { validateFields, type FieldSpec } from '../../core/fields.js';
import type { FieldProblem } from '../../core/errors.js';
import type { DialogModel, HasilKirim, Ringkasan } from '../aksi.js';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  kirimAksi(request: unknown): void;
  catatPengaduan(request: unknown): void;
}
declare const google: { script: { run: Runner; host: { close(): void } } };

type Values = Record<string, unknown>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const model = JSON.parse(document.getElementById('model')?.textContent ?? '{}') as DialogModel;
const app = document.getElementById('app') as HTMLElement;
const fieldId = (key: string): string => `f_${key}`;

/** Options of a choice field, with their labels. */
function optionsOf(spec: FieldSpec): [string, string][] {
  return (spec.options ?? []).map((o) => [o, spec.optionLabels?.[o] ?? o]);
}

/** Repeating rows for meeting parties, attendees and follow-ups. */
const ROW_FIELDS: Record<string, { key: string; label: string; type: 'text' | 'date' | 'kelompok' }[]> = {
  pihak: [
    { key: 'nama', label: 'Nama/jabatan', type: 'text' },
    { key: 'instansi', label: 'Instansi', type: 'text' },
    { key: 'kelompok', label: 'Kelompok', type: 'kelompok' },
  ],
  peserta: [
    { key: 'nama', label: 'Nama', type: 'text' },
    { key: 'instansi', label: 'Instansi', type: 'text' },
  ],
  tindak_lanjut: [
    { key: 'uraian', label: 'Uraian', type: 'text' },
    { key: 'pelaksana', label: 'Pelaksana', type: 'text' },
    { key: 'tenggat', label: 'Tenggat', type: 'date' },
  ],
};

function rowEditor(spec: FieldSpec): HTMLElement {
  const cols = ROW_FIELDS[spec.type] ?? [];
  const body = el('div', { class: 'rows', id: fieldId(spec.key), role: 'group', 'aria-labelledby': `${fieldId(spec.key)}_label` });
  const addRow = (): void => {
    const n = body.children.length + 1;
    const row = el('div', { class: 'row' });
    for (const c of cols) {
      const label = `${c.label} (baris ${n})`;
      let input: HTMLInputElement | HTMLSelectElement;
      if (c.type === 'kelompok') {
        input = el('select', { 'data-key': c.key, 'aria-label': label });
        for (const [value, text] of Object.entries(model.kelompokPihak)) input.append(el('option', { value }, text));
      } else {
        input = el('input', { type: c.type, 'data-key': c.key, 'aria-label': label, placeholder: c.label, maxlength: c.key === 'uraian' ? '1000' : '200' });
      }
      row.append(input);
    }
    const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Hapus baris ${n}` }, 'Hapus');
    remove.addEventListener('click', () => row.remove());
    row.append(remove);
    body.append(row);
  };
  addRow();
  const add = el('button', { type: 'button', class: 'secondary small' }, '+ Tambah baris');
  add.addEventListener('click', addRow);
  return el('div', {}, body, add);
}

function inputFor(spec: FieldSpec): HTMLElement {
  const id = fieldId(spec.key);
  const common: Record<string, string> = { id, name: spec.key, 'aria-describedby': `${id}_help ${id}_err` };
  if (spec.required) common['aria-required'] = 'true';
  switch (spec.type) {
    case 'teks_panjang':
      return el('textarea', { ...common, rows: '4', ...(spec.maxLength ? { maxlength: String(spec.maxLength) } : {}) });
    case 'pilihan': {
      const select = el('select', common, el('option', { value: '' }, '— pilih —'));
      for (const [value, text] of optionsOf(spec)) select.append(el('option', { value }, text));
      return select;
    }
    case 'ya_tidak':
      return el('select', common, el('option', { value: '' }, '— pilih —'), el('option', { value: 'ya' }, 'Ya'), el('option', { value: 'tidak' }, 'Tidak'));
    case 'daftar_pilihan': {
      const box = el('div', { id, class: 'checks', role: 'group', 'aria-labelledby': `${id}_label`, 'aria-describedby': `${id}_help ${id}_err` });
      for (const [value, text] of optionsOf(spec)) {
        const cb = el('input', { type: 'checkbox', value, name: spec.key });
        box.append(el('label', { class: 'check' }, cb, ` ${text}`));
      }
      return box;
    }
    case 'pihak':
    case 'peserta':
    case 'tindak_lanjut':
      return rowEditor(spec);
    case 'tanggal':
      return el('input', { ...common, type: 'date' });
    case 'jam':
      return el('input', { ...common, type: 'time' });
    case 'email':
      return el('input', { ...common, type: 'email', autocomplete: 'off', maxlength: '254' });
    case 'telepon':
      return el('input', { ...common, type: 'tel', inputmode: 'tel', maxlength: '20' });
    case 'nik':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', maxlength: '16' });
    default:
      return el('input', { ...common, type: 'text', ...(spec.maxLength ? { maxlength: String(spec.maxLength) } : {}) });
  }
}

function valueOf(spec: FieldSpec): unknown {
  const node = document.getElementById(fieldId(spec.key));
  if (!node) return undefined;
  if (spec.type === 'daftar_pilihan') return [...node.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value);
  if (spec.type === 'pihak' || spec.type === 'peserta' || spec.type === 'tindak_lanjut') {
    return [...node.querySelectorAll('.row')]
      .map((row) => {
        const item: Record<string, string> = {};
        for (const input of row.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-key]')) item[input.dataset.key ?? ''] = input.value.trim();
        return item;
      })
      .filter((item) => Object.entries(item).some(([k, v]) => k !== 'kelompok' && v !== ''));
  }
  return (node as HTMLInputElement).value;
}

function collect(): Values {
  const out: Values = {};
  for (const spec of model.kolom) {
    const v = valueOf(spec);
    const blank = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (!blank) out[spec.key] = v;
  }
  return out;
}

function clearProblems(): void {
  for (const p of document.querySelectorAll('.err')) p.textContent = '';
  for (const f of document.querySelectorAll('.field.invalid')) f.classList.remove('invalid');
  for (const n of document.querySelectorAll('[aria-invalid]')) n.removeAttribute('aria-invalid');
}

/** Puts each problem under its field; returns those that belong to no field. */
function showProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  const loose: FieldProblem[] = [];
  let first: HTMLElement | undefined;
  for (const p of problems) {
    const spec = model.kolom.find((s) => s.label === p.field || s.key === p.field);
    const err = spec ? document.getElementById(`${fieldId(spec.key)}_err`) : null;
    if (!spec || !err) {
      loose.push(p);
      continue;
    }
    err.textContent = err.textContent ? `${err.textContent}; ${p.message}` : `${spec.label} ${p.message}.`;
    err.parentElement?.classList.add('invalid');
    const input = document.getElementById(fieldId(spec.key));
    input?.setAttribute('aria-invalid', 'true');
    first ??= input ?? undefined;
  }
  first?.focus();
  return loose;
}

function summaryOf(r: Ringkasan): HTMLElement {
  const dl = el('dl', { class: 'summary' });
  const add = (term: string, value: string): void => {
    if (value !== '') dl.append(el('dt', {}, term), el('dd', {}, value));
  };
  add('Pelapor', r.pelapor);
  add('Diterima', r.diterima);
  add('Status', r.status);
  add('Kategori', r.kategori);
  add('Jatuh tempo', r.tenggat ? `${r.tenggat}${r.sisa !== '' ? ` (sisa ${r.sisa} hari kerja)` : ''}` : '');
  add('Status SLA', r.statusSla);
  add('Isi pengaduan', r.isi);
  return dl;
}

const notice = el('div', { id: 'pesan', role: 'status', 'aria-live': 'polite' });

function say(kind: 'ok' | 'error' | 'info', title: string, lines: readonly string[] = [], links: readonly { text: string; href: string }[] = []): void {
  notice.className = `notice ${kind}`;
  notice.replaceChildren(el('strong', {}, title));
  if (lines.length > 0) notice.append(el('ul', {}, ...lines.map((l) => el('li', {}, l))));
  if (links.length > 0) {
    notice.append(
      el('ul', { class: 'links' }, ...links.map((l) => el('li', {}, el('a', { href: l.href, target: '_blank', rel: 'noopener noreferrer' }, l.text)))),
    );
  }
  notice.scrollIntoView({ block: 'nearest' });
}

const LABEL_JENIS = JENIS_DOKUMEN_LABEL as Readonly<Record<string, string>>;

function render(): void {
  const title = el('h1', {}, model.judul);
  const intro = el('p', { class: 'intro' }, model.keterangan);
  const who = el('p', { class: 'who' }, `Sebagai: ${model.pengguna}`);
  app.replaceChildren(title, intro, who, notice);
  if (model.kosong) {
    say('info', model.kosong);
    const close = el('button', { type: 'button', class: 'primary' }, 'Tutup');
    close.addEventListener('click', () => google.script.host.close());
    app.append(el('div', { class: 'actions' }, close));
    return;
  }
  const form = el('form', { novalidate: '' });
  let select: HTMLSelectElement | undefined;
  if (model.jenis === 'aksi') {
    select = el('select', { id: 'nomor', 'aria-describedby': 'nomor_err' });
    if (!model.terpilih) select.append(el('option', { value: '' }, `— pilih dari ${model.pengaduan.length} pengaduan —`));
    for (const r of model.pengaduan) select.append(el('option', { value: r.nomor }, `${r.nomor} · ${r.pelapor || 'tanpa nama'} · ${r.status}`));
    select.value = model.terpilih;
    const card = el('div', { id: 'ringkasan' });
    const show = (): void => {
      const r = model.pengaduan.find((x) => x.nomor === select?.value);
      card.replaceChildren(...(r ? [summaryOf(r)] : []));
    };
    select.addEventListener('change', show);
    show();
    form.append(
      el('div', { class: 'field' }, el('label', { for: 'nomor' }, 'Pengaduan'), select, el('p', { class: 'err', id: 'nomor_err', 'aria-live': 'polite' })),
      card,
    );
  }
  for (const spec of model.kolom) {
    const id = fieldId(spec.key);
    const label = el('label', { id: `${id}_label`, for: id }, spec.label, ...(spec.required ? [el('span', { class: 'req', 'aria-hidden': 'true' }, ' *')] : []));
    const help = el('p', { class: 'help', id: `${id}_help` }, spec.help ?? '');
    form.append(el('div', { class: 'field' }, label, help, inputFor(spec), el('p', { class: 'err', id: `${id}_err`, 'aria-live': 'polite' })));
  }
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Batal');
  cancel.addEventListener('click', () => google.script.host.close());
  const save = el('button', { type: 'submit', class: 'primary' }, 'Simpan');
  form.append(el('p', { class: 'help' }, '* wajib diisi'), el('div', { class: 'actions' }, cancel, save));
  app.append(form);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearProblems();
    const masukan = collect();
    const nomor = select?.value ?? '';
    if (model.jenis === 'aksi' && nomor === '') {
      const err = document.getElementById('nomor_err');
      if (err) err.textContent = 'Pilih pengaduan yang akan diproses.';
      select?.setAttribute('aria-invalid', 'true');
      select?.focus();
      say('error', 'Pilih pengaduannya dulu.');
      return;
    }
    const { problems } = validateFields(model.kolom, masukan);
    if (problems.length > 0) {
      const loose = showProblems(problems);
      say('error', `Periksa ${problems.length} isian yang ditandai.`, loose.map((p) => `${p.field}: ${p.message}`));
      return;
    }
    save.disabled = true;
    cancel.disabled = true;
    save.textContent = 'Menyimpan…';
    say('info', 'Menyimpan… jangan tutup jendela ini.');
    const done = (raw: unknown): void => {
      const result = raw as HasilKirim;
      save.textContent = 'Simpan';
      cancel.disabled = false;
      if (!result || typeof result !== 'object') {
        save.disabled = false;
        say('error', 'Jawaban server tidak terbaca. Periksa register sebelum mencoba lagi.');
        return;
      }
      if (!result.ok) {
        save.disabled = false;
        const loose = showProblems(result.masalah);
        say('error', result.pesan, loose.map((p) => `${p.field}: ${p.message}`));
        return;
      }
      for (const input of form.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) input.disabled = true;
      cancel.disabled = false;
      cancel.textContent = 'Tutup';
      const links = result.dokumen.flatMap((d) => [
        ...(d.tautan ? [{ text: LABEL_JENIS[d.jenis] ?? d.jenis, href: d.tautan }] : []),
        ...(d.pdf ? [{ text: `${LABEL_JENIS[d.jenis] ?? d.jenis} (PDF)`, href: d.pdf }] : []),
      ]);
      say('ok', `Tersimpan. ${result.pesan}`, [`Status sekarang: ${result.status}.`, ...result.catatan], links);
    };
    const failed = (error: Error): void => {
      save.disabled = false;
      cancel.disabled = false;
      save.textContent = 'Simpan';
      say('error', `Tidak dapat menghubungi server: ${String(error?.message ?? error).slice(0, 300)}`, ['Periksa register (apakah tindakan sudah tercatat) sebelum mencoba lagi.']);
    };
    const run = google.script.run.withSuccessHandler(done).withFailureHandler(failed);
    if (model.jenis === 'aksi') run.kirimAksi({ aksi: model.aksi, nomor, masukan });
    else run.catatPengaduan(masukan);
  });
}

render();
