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
  catatPengaduan(request: unknown, permintaan: string): void;
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
/**
 * This dialog's own ID, sent with "Catat pengaduan": pressing Simpan again after an answer was lost
 * on the way back finds the complaint already registered instead of registering it twice.
 */
const permintaan = ((): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
})();
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

const GROUP_TYPES: readonly string[] = ['daftar_pilihan', 'pihak', 'peserta', 'tindak_lanjut'];
const isGroup = (spec: FieldSpec): boolean => GROUP_TYPES.includes(spec.type);

/** The ARIA every input of a field carries: its help and its problem, whether it is required. */
function aria(spec: FieldSpec): Record<string, string> {
  const id = fieldId(spec.key);
  return { 'aria-describedby': `${spec.help ? `${id}_help ` : ''}${id}_err`, ...(spec.required ? { 'aria-required': 'true' } : {}) };
}

/**
 * A table of rows (meeting parties, attendees, follow-ups): column headings over the rows at the
 * dialog's width, a caption over each cell when narrow. There is always one row to type
 * in: removing the last one empties it. Cells are named "Kolom (baris N)", renumbered on removal.
 */
function rowEditor(spec: FieldSpec): HTMLElement {
  const cols = ROW_FIELDS[spec.type] ?? [];
  const id = fieldId(spec.key);
  const layout = `rows cols-${cols.length}`;
  const head = el('div', { class: 'row-head', 'aria-hidden': 'true' }, ...cols.map((c) => el('span', {}, c.label)));
  const body = el('div', { class: layout, id, role: 'group', 'aria-labelledby': `${id}_label`, ...aria(spec) }, head);
  const rows = (): HTMLElement[] => [...body.querySelectorAll<HTMLElement>('.row')];
  const renumber = (): void => {
    rows().forEach((row, i) => {
      for (const input of row.querySelectorAll<HTMLElement>('[data-key]')) input.setAttribute('aria-label', `${input.dataset.label ?? ''} (baris ${i + 1})`);
      row.querySelector('button')?.setAttribute('aria-label', `Hapus baris ${i + 1}`);
    });
  };
  const addRow = (): HTMLElement => {
    const row = el('div', { class: 'row' });
    for (const c of cols) {
      let input: HTMLInputElement | HTMLSelectElement;
      if (c.type === 'kelompok') {
        input = el('select', { 'data-key': c.key, 'data-label': c.label });
        for (const [value, text] of Object.entries(model.kelompokPihak)) input.append(el('option', { value }, text));
      } else {
        input = el('input', { type: c.type, 'data-key': c.key, 'data-label': c.label });
      }
      // The cell's own caption shows only when narrow, where the rows stack and the headings are hidden.
      row.append(el('label', { class: 'cell' }, el('span', { class: 'cell-label', 'aria-hidden': 'true' }, c.label), input));
    }
    const remove = el('button', { type: 'button', class: 'link', title: 'Hapus baris ini' }, 'Hapus');
    remove.addEventListener('click', () => {
      const all = rows();
      const at = all.indexOf(row);
      if (all.length === 1) {
        for (const input of row.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-key]')) input.value = input instanceof HTMLSelectElement ? (input.options[0]?.value ?? '') : '';
        row.querySelector<HTMLElement>('[data-key]')?.focus();
        return;
      }
      row.remove();
      renumber();
      (rows()[at] ?? rows()[at - 1])?.querySelector<HTMLElement>('[data-key]')?.focus();
    });
    row.append(remove);
    body.append(row);
    renumber();
    return row;
  };
  addRow();
  const add = el('button', { type: 'button', class: 'secondary small add', 'aria-label': `Tambah baris ${spec.label}` }, '+ Tambah baris');
  add.addEventListener('click', () => addRow().querySelector<HTMLElement>('[data-key]')?.focus());
  return el('div', { class: 'row-editor' }, body, add);
}

/**
 * The control of one field. No `maxlength`: a browser silently cuts what is pasted beyond it,
 * and a complaint's end would be lost unseen; the length is checked with the other rules instead.
 */
function inputFor(spec: FieldSpec): HTMLElement {
  const id = fieldId(spec.key);
  const common: Record<string, string> = { id, name: spec.key, ...aria(spec) };
  switch (spec.type) {
    case 'teks_panjang':
      return el('textarea', { ...common, rows: '4' });
    case 'pilihan': {
      const select = el('select', common, el('option', { value: '' }, '— pilih —'));
      for (const [value, text] of optionsOf(spec)) select.append(el('option', { value }, text));
      return select;
    }
    case 'ya_tidak':
      return el('select', common, el('option', { value: '' }, '— pilih —'), el('option', { value: 'ya' }, 'Ya'), el('option', { value: 'tidak' }, 'Tidak'));
    case 'daftar_pilihan': {
      const box = el('div', { id, class: 'checks', role: 'group', 'aria-labelledby': `${id}_label`, ...aria(spec) });
      optionsOf(spec).forEach(([value, text], i) => {
        const cb = el('input', { type: 'checkbox', value, name: spec.key, id: `${id}_${i}` });
        box.append(el('label', { class: 'check', for: `${id}_${i}` }, cb, el('span', {}, text)));
      });
      return box;
    }
    case 'pihak':
    case 'peserta':
    case 'tindak_lanjut':
      return rowEditor(spec);
    case 'tanggal':
      return el('input', { ...common, type: 'date', class: 'short' });
    case 'jam':
      return el('input', { ...common, type: 'time', class: 'short' });
    case 'email':
      return el('input', { ...common, type: 'email', autocomplete: 'off', spellcheck: 'false' });
    case 'telepon':
      return el('input', { ...common, type: 'tel', inputmode: 'tel', autocomplete: 'off', class: 'medium' });
    case 'nik':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'medium' });
    default:
      return el('input', { ...common, type: 'text' });
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

/** The field a problem names, by label or key, whatever the case (core and the server name fields by label). */
function specOf(field: string): FieldSpec | undefined {
  const f = field.trim().toLowerCase();
  return model.kolom.find((s) => s.label.toLowerCase() === f || s.key.toLowerCase() === f);
}

/** Where to put the cursor for a problem: the named row's first cell, else the field's first control. */
function focusTarget(spec: FieldSpec, message: string): HTMLElement | null {
  const node = document.getElementById(fieldId(spec.key));
  if (!node) return null;
  if (!isGroup(spec)) return node;
  const row = /^baris (\d+)/.exec(message);
  const rows = node.querySelectorAll('.row');
  const scope = row ? (rows[Number(row[1]) - 1] ?? node) : node;
  return scope.querySelector<HTMLElement>('input, select');
}

/** A row's problem names its cell by key ("nama"); the person sees the column's label. */
function readable(spec: FieldSpec, message: string): string {
  let out = message;
  for (const c of ROW_FIELDS[spec.type] ?? []) out = out.split(`"${c.key}"`).join(`"${c.label}"`);
  return out;
}

/** Puts each problem under its field and focuses the first; returns those that belong to no field. */
function showProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  const loose: FieldProblem[] = [];
  let first: HTMLElement | undefined;
  for (const p of problems) {
    const spec = specOf(p.field);
    const err = spec ? document.getElementById(`${fieldId(spec.key)}_err`) : null;
    if (!spec || !err) {
      loose.push(p);
      continue;
    }
    // Under its field the label goes without saying (a screen reader reads it with the field).
    const message = readable(spec, p.message);
    err.textContent = err.textContent ? `${err.textContent.replace(/\.$/, '')}; ${message}.` : `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
    err.closest('.field')?.classList.add('invalid');
    document.getElementById(fieldId(spec.key))?.setAttribute('aria-invalid', 'true');
    first ??= focusTarget(spec, p.message) ?? undefined;
  }
  first?.focus();
  return loose;
}

function summaryOf(r: Ringkasan): HTMLElement {
  const dl = el('dl', { class: 'summary' });
  const add = (term: string, value: string): void => {
    if (value !== '') dl.append(el('dt', {}, term), el('dd', {}, value));
  };
  add('Pelapor', r.pelapor || '(tanpa nama)');
  add('Diterima', r.diterima);
  add('Status', r.status);
  add('Kategori', r.kategori);
  add('Jatuh tempo', r.tenggat ? `${r.tenggat}${r.sisa !== '' ? ` (sisa ${r.sisa} hari kerja)` : ''}` : '');
  add('Status SLA', r.statusSla);
  add('Isi pengaduan', r.isi);
  return dl;
}

const notice = el('div', { id: 'pesan', role: 'status', 'aria-live': 'polite' });

/**
 * The message at the top. Scrolled to unless `scroll` is false: after a validation error the
 * cursor goes to the first field in error instead, which must stay in view.
 */
function say(kind: 'ok' | 'error' | 'info', title: string, lines: readonly string[] = [], links: readonly { text: string; href: string }[] = [], scroll = true): void {
  notice.className = `notice ${kind}`;
  notice.replaceChildren(el('strong', {}, title));
  if (lines.length > 0) notice.append(el('ul', {}, ...lines.map((l) => el('li', {}, l))));
  if (links.length > 0) {
    notice.append(
      el('ul', { class: 'links' }, ...links.map((l) => el('li', {}, el('a', { href: l.href, target: '_blank', rel: 'noopener noreferrer' }, l.text)))),
    );
  }
  if (scroll) notice.scrollIntoView({ block: 'nearest' });
}

const LABEL_JENIS = JENIS_DOKUMEN_LABEL as Readonly<Record<string, string>>;

function labelOf(spec: FieldSpec): HTMLElement {
  const id = fieldId(spec.key);
  const marker = spec.required ? [el('span', { class: 'req', 'aria-hidden': 'true' }, ' *')] : [];
  // A group (checkboxes, rows) is named through aria-labelledby; a <label for> would point at no control.
  return isGroup(spec) ? el('span', { class: 'label', id: `${id}_label` }, spec.label, ...marker) : el('label', { id: `${id}_label`, for: id }, spec.label, ...marker);
}

function render(): void {
  const title = el('h1', {}, model.judul);
  const intro = el('p', { class: 'intro' }, model.keterangan);
  const who = el('p', { class: 'who' }, `Sebagai: ${model.pengguna}`);
  app.replaceChildren(el('header', {}, title, intro, who), notice);
  if (model.kosong) {
    say('info', model.kosong);
    const close = el('button', { type: 'button', class: 'primary' }, 'Tutup');
    close.addEventListener('click', () => google.script.host.close());
    app.append(el('div', { class: 'actions plain' }, close));
    close.focus();
    return;
  }
  const form = el('form', { novalidate: '' });
  let select: HTMLSelectElement | undefined;
  if (model.jenis === 'aksi') {
    select = el('select', { id: 'nomor', 'aria-describedby': 'nomor_err', 'aria-required': 'true' });
    if (!model.terpilih) select.append(el('option', { value: '' }, `— pilih dari ${model.pengaduan.length} pengaduan —`));
    for (const r of model.pengaduan) select.append(el('option', { value: r.nomor }, `${r.nomor} · ${r.pelapor || 'tanpa nama'} · ${r.status}`));
    select.value = model.terpilih;
    const card = el('div', { id: 'ringkasan', 'aria-live': 'polite' });
    const nomorErr = el('p', { class: 'err', id: 'nomor_err' });
    const show = (): void => {
      const r = model.pengaduan.find((x) => x.nomor === select?.value);
      card.replaceChildren(...(r ? [summaryOf(r)] : []));
      if (r) {
        nomorErr.textContent = '';
        select?.removeAttribute('aria-invalid');
        select?.closest('.field')?.classList.remove('invalid');
      }
    };
    select.addEventListener('change', show);
    show();
    form.append(
      el('div', { class: 'field' }, el('label', { for: 'nomor' }, 'Pengaduan', el('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), select, nomorErr),
      card,
    );
  }
  for (const spec of model.kolom) {
    const id = fieldId(spec.key);
    const help = el('p', { class: 'help', id: `${id}_help` }, spec.help ?? '');
    form.append(el('div', { class: `field field-${spec.type}` }, labelOf(spec), help, inputFor(spec), el('p', { class: 'err', id: `${id}_err` })));
  }
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Batal');
  cancel.addEventListener('click', () => google.script.host.close());
  const save = el('button', { type: 'submit', class: 'primary' }, 'Simpan');
  const required = model.kolom.some((s) => s.required) || model.jenis === 'aksi';
  form.append(el('div', { class: 'actions' }, el('span', { class: 'legend' }, required ? '* wajib diisi' : ''), cancel, save));
  app.append(form);

  // The cursor starts where the work starts: the complaint if none was selected, else the first input.
  const first = model.kolom[0];
  (select && select.value === '' ? select : first ? focusTarget(first, '') : null)?.focus();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (save.disabled) return;
    clearProblems();
    const masukan = collect();
    const nomor = select?.value ?? '';
    if (model.jenis === 'aksi' && nomor === '') {
      const err = document.getElementById('nomor_err');
      if (err) err.textContent = 'Pilih pengaduan yang akan diproses.';
      select?.setAttribute('aria-invalid', 'true');
      select?.closest('.field')?.classList.add('invalid');
      say('error', 'Pilih pengaduannya dulu.', [], [], false);
      select?.focus();
      return;
    }
    const { problems } = validateFields(model.kolom, masukan);
    if (problems.length > 0) {
      const loose = showProblems(problems);
      say('error', `Periksa ${problems.length} isian yang ditandai.`, loose.map((p) => `${p.field}: ${p.message}`), [], false);
      return;
    }
    save.disabled = true;
    cancel.disabled = true;
    save.textContent = 'Menyimpan…';
    form.setAttribute('aria-busy', 'true');
    say('info', 'Menyimpan… jangan tutup jendela ini.');
    const done = (raw: unknown): void => {
      const result = raw as HasilKirim;
      form.removeAttribute('aria-busy');
      save.textContent = 'Simpan';
      cancel.disabled = false;
      if (!result || typeof result !== 'object') {
        save.disabled = false;
        say('error', 'Jawaban server tidak terbaca. Periksa register sebelum mencoba lagi.');
        return;
      }
      if (!result.ok) {
        save.disabled = false;
        const loose = showProblems(result.masalah ?? []);
        say('error', result.pesan, loose.map((p) => `${p.field}: ${p.message}`), [], (result.masalah ?? []).length === loose.length);
        return;
      }
      for (const input of form.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) input.disabled = true;
      save.remove();
      cancel.disabled = false;
      cancel.textContent = 'Tutup';
      cancel.className = 'primary';
      form.classList.add('done');
      const links = (result.dokumen ?? []).flatMap((d) => [
        ...(d.tautan ? [{ text: LABEL_JENIS[d.jenis] ?? d.jenis, href: d.tautan }] : []),
        ...(d.pdf ? [{ text: `${LABEL_JENIS[d.jenis] ?? d.jenis} (PDF)`, href: d.pdf }] : []),
      ]);
      say('ok', `Tersimpan. ${result.pesan}`, [`Status sekarang: ${result.status}.`, ...(result.catatan ?? [])], links, false);
      // The outcome is what matters now: the top of the dialog, with Tutup ready for Enter.
      window.scrollTo(0, 0);
      cancel.focus({ preventScroll: true });
    };
    const failed = (error: Error): void => {
      form.removeAttribute('aria-busy');
      save.disabled = false;
      cancel.disabled = false;
      save.textContent = 'Simpan';
      say('error', `Tidak dapat menghubungi server: ${String(error?.message ?? error).slice(0, 300)}`, ['Periksa register (apakah tindakan sudah tercatat) sebelum mencoba lagi.']);
    };
    const run = google.script.run.withSuccessHandler(done).withFailureHandler(failed);
    if (model.jenis === 'aksi') run.kirimAksi({ aksi: model.aksi, nomor, masukan });
    else run.catatPengaduan(masukan, permintaan);
  });
}

// A focused field is scrolled wholly into view, clear of the sticky action bar (html's
// scroll-padding-bottom): the browser alone shows only a text area's first line.
document.addEventListener('focusin', (event) => {
  const target = event.target;
  if (target instanceof HTMLElement && !target.closest('.actions')) target.scrollIntoView({ block: 'nearest' });
});

render();
