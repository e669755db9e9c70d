/**
 * The citizen's status page (/cek): one self-contained HTML file, no external request, that asks
 * for the registration number and access code and POSTs them as JSON to the `status` function
 * (never in a URL: Cloud Run logs every URL). The answer is shown with textContent only, so
 * nothing the server or the register holds can become markup.
 *
 * The same file serves three ways: from the local server (/cek, calling /status), from the
 * deployed `status` function itself on a browser's GET (calling its own address), and as a
 * static file on any web host (`pengaduan halaman-cek --status-url URL`), with the policy in a
 * <meta> element since a static host may send no header of its own.
 */
import { STATUS_TIDAK_TERSEDIA } from '../../../core/status-warga.js';
import { KODE_AKSES_LENGTH } from '../../../core/numbering.js';
import { BASE_STYLE, esc, shell, type Page } from './html.js';

const STYLE = `${BASE_STYLE}
body{--lebar:560px}
main{max-width:560px}
form{display:grid;gap:6px}
label{font-weight:600;margin-top:6px}
input{font:inherit;font-size:1.05rem;padding:10px 12px;border:1px solid #6b7280;border-radius:6px;width:100%;text-transform:uppercase;letter-spacing:.03em}
input:focus{outline:3px solid #f2b705;outline-offset:1px;border-color:#0b3d6e}
.bantu{font-size:.85rem;color:#4a4f57;margin:0}
button{font:inherit;font-weight:600;margin-top:12px;padding:12px;border:0;border-radius:6px;background:#0b3d6e;color:#fff;cursor:pointer}
button:focus{outline:3px solid #f2b705;outline-offset:2px}
button[disabled]{background:#5b6b7d;cursor:wait}
#hasil:empty{display:none}
.galat{border-left:4px solid #b3261e;background:#fdecea}
.ok{border-left:4px solid #1e7b34}
dl{margin:8px 0 0}
dt{font-weight:600;margin-top:10px;font-size:.9rem;color:#4a4f57}
dd{margin:2px 0 0}
.tahap{font-size:1.15rem;font-weight:700;margin:0}
ul{margin:4px 0 0;padding-left:20px}
`;

/** The page's behaviour; `STATUS_URL` and `TIDAK_TERSEDIA` are set in front of it. */
const SCRIPT_BODY = `
var form = document.getElementById('cek');
var out = document.getElementById('hasil');
var button = form.querySelector('button');
function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
function show(kind, children) {
  out.replaceChildren();
  out.className = 'kartu ' + kind;
  children.forEach(function (c) { out.appendChild(c); });
  out.focus();
}
function fail(message) { show('galat', [el('h2', 'Status tidak dapat ditampilkan'), el('p', message)]); }
function row(list, term, value) { if (!value) return; list.appendChild(el('dt', term)); list.appendChild(el('dd', value)); }
form.addEventListener('submit', function (event) {
  event.preventDefault();
  var nomor = form.nomor.value.trim();
  var kode = form.kode.value.trim();
  if (!nomor || !kode) { fail('Isi nomor registrasi dan kode akses seperti tertulis pada Tanda Terima Anda.'); return; }
  button.disabled = true;
  button.textContent = 'Memeriksa…';
  fetch(STATUS_URL || window.location.pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify({ nomor: nomor, kode: kode }),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer'
  }).then(function (res) {
    return res.json().catch(function () { return { ok: false, pesan: 'Jawaban layanan tidak dapat dibaca. Coba lagi beberapa saat lagi.' }; });
  }).then(function (a) {
    if (!a || a.ok !== true) { fail(a && typeof a.pesan === 'string' ? a.pesan : TIDAK_TERSEDIA); return; }
    var list = el('dl');
    row(list, 'Langkah berikutnya', a.berikutnya);
    if (!a.selesai) row(list, 'Batas waktu penyelesaian', a.tenggatTeks);
    if (Array.isArray(a.persyaratanKurang) && a.persyaratanKurang.length > 0) {
      list.appendChild(el('dt', 'Persyaratan yang masih kurang'));
      var dd = el('dd'); var ul = el('ul');
      a.persyaratanKurang.forEach(function (p) { ul.appendChild(el('li', String(p))); });
      dd.appendChild(ul); list.appendChild(dd);
    }
    row(list, 'Terakhir diperbarui', a.diperbarui);
    show('ok', [el('h2', 'Pengaduan ' + a.nomor), el('p', a.tahap, 'tahap'), list]);
  }).catch(function () {
    fail('Tidak dapat menghubungi layanan cek status. Periksa sambungan internet Anda, lalu coba lagi.');
  }).then(function () {
    button.disabled = false;
    button.textContent = 'Cek status';
  });
});
`;

export interface CekOptions {
  readonly instansi: string;
  /** Where the status function answers; '' for the page's own address (served by the function). */
  readonly statusUrl: string;
  /** Also carry the policy in the page (a copy for a static host). */
  readonly standalone?: boolean;
  /** Phone/WhatsApp of the complaint service, for "call us" (from the office's settings). */
  readonly kontak?: string;
}

/** The origin a status URL belongs to, for connect-src; undefined for a relative one. */
function originOf(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function cekPage(o: CekOptions): Page {
  // JSON in a script: "<" escaped, so no value can close the element.
  const literal = (v: string): string => JSON.stringify(v).replace(/</g, '\\u003c');
  const script = `'use strict';\nvar STATUS_URL = ${literal(o.statusUrl)};\nvar TIDAK_TERSEDIA = ${literal(STATUS_TIDAK_TERSEDIA)};${SCRIPT_BODY}`;
  const origin = originOf(o.statusUrl);
  const target = origin ?? "'self'";
  const body = `<header class="kop"><p>${esc(o.instansi)}</p><h1>Cek Status Pengaduan</h1></header>
<main>
<section class="kartu" aria-labelledby="j-form">
<h2 id="j-form">Masukkan data dari Tanda Terima Anda</h2>
<form id="cek" method="post" action="${esc(o.statusUrl)}" autocomplete="off" novalidate>
<label for="nomor">Nomor registrasi</label>
<input id="nomor" name="nomor" type="text" inputmode="text" autocapitalize="characters" spellcheck="false" maxlength="60" required aria-describedby="bantu-nomor">
<p class="bantu" id="bantu-nomor">Contoh: PGD-2026-0012</p>
<label for="kode">Kode akses</label>
<input id="kode" name="kode" type="text" autocapitalize="characters" spellcheck="false" maxlength="40" required aria-describedby="bantu-kode">
<p class="bantu" id="bantu-kode">${KODE_AKSES_LENGTH} huruf/angka pada Tanda Terima; huruf besar atau kecil tidak berpengaruh.</p>
<button type="submit">Cek status</button>
</form>
<noscript><p class="bantu">Halaman ini memerlukan JavaScript. Tanpa JavaScript, tanyakan status pengaduan kepada petugas layanan pengaduan.</p></noscript>
</section>
<section id="hasil" tabindex="-1" aria-live="polite"></section>
<p class="catatan">Nomor registrasi dan kode akses hanya dipakai untuk menampilkan status; data pribadi Anda tidak ditampilkan di halaman ini.${o.kontak ? ` Pertanyaan: ${esc(o.kontak)}.` : ''}</p>
</main>`;
  return shell({ title: 'Cek Status Pengaduan', style: STYLE, body, script, connect: target, formAction: target, metaCsp: o.standalone === true });
}
