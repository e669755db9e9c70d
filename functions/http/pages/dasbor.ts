/**
 * The leadership dashboard page (/dasbor on the local server): the figures of core/dasbor.ts as
 * server-rendered HTML with hand-drawn SVG bars, no script, nothing loaded from anywhere. Every
 * figure is also written as text next to its bar (screen readers, printing, a phone held
 * sideways), and every value is escaped. Built only from the de-identified dashboard rows.
 */
import { KANAL, KANAL_LABEL, type Kanal } from '../../../sheets-schema/index.js';
import type { Count, DasborFigures } from '../../../core/dasbor.js';
import { tanggalPanjang, tryDayFromIso } from '../../../core/time.js';
import { BASE_STYLE, esc, shell, type Page } from './html.js';

/** Okabe–Ito colours (told apart with colour blindness), the yellow replaced by a dark olive for contrast. */
const KANAL_COLOR: Record<Kanal, string> = {
  formulir_online: '#0072B2',
  formulir_kertas: '#E69F00',
  kotak_saran: '#009E73',
  sp4n_lapor: '#CC79A7',
  surat: '#56B4E9',
  telepon_whatsapp: '#D55E00',
  instagram: '#6B6B00',
};
const BAR = '#0b57a4';
const LATE = '#b3261e';

const STYLE = `${BASE_STYLE}
.ringkas{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:0 0 16px}
.ringkas .kartu{margin:0}
.angka{display:block;font-size:2rem;font-weight:700;line-height:1.1;color:#0b3d6e}
.angka.buruk{color:${LATE}}
.sub{display:block;font-size:.85rem;color:#4a4f57}
.kisi{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
.kisi .kartu{margin:0}
.lebar{grid-column:1/-1}
ul.batang{list-style:none;margin:0;padding:0}
ul.batang li{display:grid;grid-template-columns:minmax(7rem,14rem) 1fr 4.5rem;align-items:center;gap:8px;padding:3px 0}
ul.batang .lbl{font-size:.9rem;overflow-wrap:anywhere}
ul.batang svg{display:block;width:100%;height:14px;background:#eef0f3;border-radius:2px}
ul.batang .nil{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
ul.legenda{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.85rem}
ul.legenda svg{width:12px;height:12px;vertical-align:-1px;margin-right:4px}
.hambatan{background:#fff4e5;border-left:4px solid #b35c00;padding:8px 12px;margin:0 0 10px}
.gulir{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e1e4e8;vertical-align:top}
th{background:#eef0f3}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.kosong{color:#4a4f57;font-style:italic;margin:0}
@media (max-width:800px){.ringkas{grid-template-columns:repeat(2,minmax(0,1fr))}.kisi{grid-template-columns:minmax(0,1fr)}}
@media (max-width:480px){main{padding:10px}.kartu{padding:12px}.angka{font-size:1.6rem}ul.batang li{grid-template-columns:1fr 3.5rem;gap:0 8px;padding:2px 0 6px}ul.batang .lbl{grid-column:1/-1}table.susun thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}table.susun,table.susun tbody,table.susun tr,table.susun td{display:block;width:100%}table.susun tr{border-bottom:1px solid #d5d9e0;padding:6px 0}table.susun td{border:0;padding:1px 0;text-align:left}table.susun td::before{content:attr(data-label) ": ";color:#4a4f57;font-size:.85rem}table.susun td:first-child{font-weight:700}table.susun td:first-child::before{content:""}}
@media print{body{background:#fff}header.kop{background:#fff;color:#000}.kartu{break-inside:avoid}}
`;

const fmt = (n: number): string => n.toLocaleString('id-ID');
const pct = (n: number | undefined): string => (n === undefined ? '–' : `${n.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`);

interface Segment {
  readonly value: number;
  readonly color: string;
  readonly title: string;
}

/** One SVG bar made of segments, scaled so that `max` fills it. */
function bar(segments: readonly Segment[], max: number): string {
  let x = 0;
  const rects = segments
    .filter((s) => s.value > 0)
    .map((s) => {
      const w = max > 0 ? (s.value / max) * 100 : 0;
      const r = `<rect x="${x.toFixed(3)}" y="0" width="${w.toFixed(3)}" height="10" fill="${s.color}"><title>${esc(s.title)}</title></rect>`;
      x += w;
      return r;
    })
    .join('');
  return `<svg viewBox="0 0 100 10" preserveAspectRatio="none" role="presentation" focusable="false">${rects}</svg>`;
}

interface BarItem {
  readonly label: string;
  readonly value: number;
  /** The text beside the bar (default: the value). */
  readonly shown?: string;
  readonly segments?: readonly Segment[];
  readonly attr?: string;
}

/** `full`: the value a whole bar stands for (100 for a percentage); default the largest value. */
function barList(items: readonly BarItem[], name: string, color = BAR, full?: number): string {
  if (items.length === 0) return '<p class="kosong">Belum ada data.</p>';
  const max = full ?? Math.max(1, ...items.map((i) => i.value));
  const rows = items.map(
    (i) =>
      `<li${i.attr ?? ''}><span class="lbl">${esc(i.label)}</span>${bar(i.segments ?? [{ value: i.value, color, title: `${i.label}: ${i.shown ?? fmt(i.value)}` }], max)}<span class="nil">${esc(i.shown ?? fmt(i.value))}</span></li>`,
  );
  return `<ul class="batang" aria-label="${esc(name)}">${rows.join('')}</ul>`;
}

const counts = (list: readonly Count[], hideZero = false): BarItem[] =>
  list.filter((c) => !hideZero || c.jumlah > 0).map((c) => ({ label: c.label, value: c.jumlah, attr: ` data-kunci="${esc(c.key)}"` }));

function legend(): string {
  return `<ul class="legenda" aria-label="Warna kanal">${KANAL.map((k) => `<li><svg viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="${KANAL_COLOR[k]}"/></svg>${esc(KANAL_LABEL[k])}</li>`).join('')}</ul>`;
}

function card(title: string, body: string, id: string, extra = ''): string {
  return `<section class="kartu${extra}" aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
}

export interface DasborPageInfo {
  readonly instansi: string;
  /** When the figures were computed, e.g. `2026-11-27 10:00 WIB`. */
  readonly dihitung: string;
}

export function dasborPage(f: DasborFigures, info: DasborPageInfo): Page {
  const day = tryDayFromIso(f.asOf);
  const openLate = f.terlambat.filter((l) => l.terbuka).length;
  const openLateTotal = f.terlambatTerbuka;
  const kpis = `<div class="ringkas">
<section class="kartu"><span class="sub">Jumlah pengaduan</span><span class="angka" data-angka="total">${fmt(f.total)}</span><span class="sub">${fmt(f.selesai)} selesai atau ditutup</span></section>
<section class="kartu"><span class="sub">Masih terbuka</span><span class="angka" data-angka="terbuka">${fmt(f.terbuka)}</span><span class="sub">sedang ditangani</span></section>
<section class="kartu"><span class="sub">Selesai tepat waktu</span><span class="angka" data-angka="persen-tepat">${pct(f.sla.persen)}</span><span class="sub">${fmt(f.sla.tepatWaktu)} dari ${fmt(f.sla.selesai)} yang selesai (${f.slaDays} hari kerja)</span></section>
<section class="kartu"><span class="sub">Terlambat, masih terbuka</span><span class="angka${openLateTotal > 0 ? ' buruk' : ''}" data-angka="terlambat-terbuka">${fmt(openLateTotal)}</span><span class="sub">melewati ${f.slaDays} hari kerja</span></section>
</div>`;

  const months = f.perBulan.map((m) => ({
    label: m.label,
    value: m.total,
    attr: ` data-bulan="${esc(m.bulan)}"`,
    segments: KANAL.map((k) => ({ value: m.perKanal[k], color: KANAL_COLOR[k], title: `${m.label}, ${KANAL_LABEL[k]}: ${fmt(m.perKanal[k])}` })),
  }));
  const volume = card(
    'Pengaduan per bulan dan kanal',
    `${barList(months, 'Pengaduan per bulan')}${legend()}<p class="catatan">Menurut bulan diterima${f.perBulan.length >= 12 ? `, ${fmt(f.perBulan.length)} bulan terakhir` : ''}. Arahkan penunjuk ke batang untuk angka per kanal.</p>`,
    'j-volume',
    ' lebar',
  );
  const kanal = card('Pengaduan per kanal', barList(counts(f.perKanal, true), 'Pengaduan per kanal'), 'j-kanal');

  const complianceMonths = f.perBulan.flatMap((m) =>
    m.persen === undefined ? [] : [{ label: m.label, value: m.persen, shown: pct(m.persen), attr: ` data-bulan="${esc(m.bulan)}"` }],
  );
  const sla = card(
    'Kepatuhan waktu layanan',
    `${barList(
      f.sla.perStatus.filter((c) => c.jumlah > 0).map((c) => ({ label: c.label, value: c.jumlah, attr: ` data-sla="${esc(c.key)}"` })),
      'Pengaduan per status SLA',
    )}<h3 class="sub">Selesai tepat waktu per bulan diterima</h3>${barList(
      complianceMonths,
      'Persen tepat waktu per bulan',
      '#1e7b34',
      100,
    )}`,
    'j-sla',
  );

  const backlog = card(
    'Antrean terbuka per tahap',
    barList(
      f.backlogPerTahap.map((c) => ({ label: c.label, value: c.jumlah, attr: ` data-tahap="${esc(c.key)}"` })),
      'Antrean terbuka per tahap',
    ),
    'j-antrean',
  );
  const age = card(
    'Umur antrean terbuka',
    `${barList(
      f.backlogPerUmur.map((c) => ({ label: c.label, value: c.jumlah, attr: ` data-umur="${esc(c.key)}"` })),
      'Umur antrean terbuka',
    )}<p class="catatan">Hari kerja yang sudah terpakai; jeda menunggu kelengkapan dari pelapor tidak dihitung.</p>`,
    'j-umur',
  );
  const hambatan = f.hambatan
    ? `<p class="hambatan" data-hambatan="${esc(f.hambatan.status)}">Hambatan terbesar: <strong>${esc(f.hambatan.label)}</strong>, median ${esc(fmt(f.hambatan.median))} hari kerja (${fmt(f.hambatan.jumlah)} pengaduan).</p>`
    : '';
  const medians = card(
    'Median hari kerja per tahap',
    `${hambatan}${barList(
      f.medianPerTahap.map((m) => ({ label: m.label, value: m.median, shown: fmt(m.median), attr: ` data-tahap="${esc(m.status)}" data-jumlah="${m.jumlah}"` })),
      'Median hari kerja per tahap',
      '#8a4b08',
    )}<p class="catatan">Dari semua pengaduan yang melewati tahap itu, termasuk yang masih berjalan.</p>`,
    'j-median',
  );

  const lateRows = f.terlambat
    .map(
      (l) =>
        `<tr data-nomor="${esc(l.nomor)}"><td data-label="Nomor">${esc(l.nomor)}</td><td data-label="Tahap">${esc(l.terbuka ? l.tahap : `${l.tahap} (selesai)`)}</td><td data-label="Jatuh tempo">${esc(l.tenggat)}</td><td class="n" data-label="Hari kerja terpakai">${fmt(l.hariTerpakai)}</td><td class="n" data-label="Lewat tenggat (hari kerja)">${fmt(l.lewat)}</td></tr>`,
    )
    .join('');
  const more = f.terlambatTotal > f.terlambat.length ? `<p class="catatan">Ditampilkan ${fmt(f.terlambat.length)} dari ${fmt(f.terlambatTotal)} pengaduan terlambat; daftar lengkap ada di tab Dasbor.</p>` : '';
  const late = card(
    'Pengaduan terlambat',
    f.terlambatTotal === 0
      ? '<p class="kosong">Tidak ada pengaduan yang terlambat.</p>'
      : `<p class="catatan">${fmt(openLate)} masih terbuka ditampilkan lebih dulu, yang paling lama melewati tenggat di atas.</p><div class="gulir"><table class="susun" aria-label="Pengaduan terlambat menurut nomor registrasi"><thead><tr><th scope="col">Nomor</th><th scope="col">Tahap</th><th scope="col">Jatuh tempo</th><th scope="col" class="n">Hari kerja terpakai</th><th scope="col" class="n">Lewat tenggat</th></tr></thead><tbody>${lateRows}</tbody></table></div>${more}`,
    'j-terlambat',
    ' lebar',
  );
  const area = card('Pengaduan per kecamatan', barList(counts(f.perKecamatan, true), 'Pengaduan per kecamatan'), 'j-kecamatan');
  const kelurahan = card(
    'Kelurahan dengan pengaduan terbanyak',
    `${barList(counts(f.perKelurahan), 'Pengaduan per kelurahan')}<p class="catatan">Hanya kelurahan yang cocok dengan daftar resmi; selebihnya tidak ditampilkan.</p>`,
    'j-kelurahan',
  );
  const sector = card('Pengaduan per bidang usaha', barList(counts(f.perBidang, true), 'Pengaduan per bidang usaha'), 'j-bidang');

  const body = `<header class="kop"><p>${esc(info.instansi)}</p><h1>Dasbor Layanan Pengaduan</h1></header>
<main>
<p class="catatan">Data per ${esc(day === undefined ? f.asOf : tanggalPanjang(day))} (dihitung ${esc(info.dihitung)}) dari register, tanpa identitas pelapor. Waktu layanan ${f.slaDays} hari kerja.</p>
${f.total === 0 ? '<section class="kartu"><p class="kosong">Belum ada pengaduan di register.</p></section>' : `${kpis}<div class="kisi">${volume}${sla}${backlog}${age}${medians}${kanal}${late}${area}${kelurahan}${sector}</div>`}
</main>
<footer>Halaman ini diperbarui setiap 5 menit. Angka yang sama ada di tab Dasbor register dan laporan Looker Studio.</footer>`;
  return shell({ title: 'Dasbor Layanan Pengaduan', style: STYLE, body, meta: '<meta http-equiv="refresh" content="300">\n' });
}
