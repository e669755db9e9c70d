/**
 * Generates the five official-document templates in templates/ (Tanda Terima Pengaduan Masyarakat,
 * Lembar Pengaduan, Lembar Disposisi, Undangan Rapat, Berita Acara Hasil Penanganan Pengaduan)
 * with the `docx` library: the originals that staff may later edit in Word, LibreOffice or
 * Google Docs. Each template is checked against its contract (core/dokumen/kontrak.ts) before it
 * is written, so this script never ships a template the renderer would refuse.
 *
 * Layout follows Indonesian official correspondence (tata naskah dinas): A4 portrait, Arial,
 * letterhead with the city's logo and a thick-over-thin rule, number, place and date, signature
 * block in the right half. Everything is a real table or a named paragraph style ("Kop Instansi",
 * "Isi Naskah", "Tanda Tangan", …): no text boxes, no fields, no absolute positioning.
 *
 * Every template command (`{{pelapor.nama}}`, `{{FOR p IN peserta}}`, …) is written as one run,
 * never split across formatting, so an editor that keeps runs keeps commands whole. Commands that
 * only steer (FOR, END-FOR, IF, END-IF) stand alone in their paragraph or table row, which the
 * renderer removes; they are set in a small grey style so they stand out in the template.
 *
 * Usage: npx tsx tools/buat-template.ts [FOLDER]   (default: templates/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type TableVerticalAlign,
} from 'docx';
import { TEMPLATE_FILE, type NamaTemplate } from '../core/dokumen/kontrak.js';
import { checkTemplate, TEMPLATE_DIR } from '../functions/dokumen/render.js';

// ---------------------------------------------------------------------------------------------
// Units and page
// ---------------------------------------------------------------------------------------------

/** Centimetres to twips (1/20 pt), the unit of widths, indents and spacing. */
const cm = (x: number): number => Math.round((x * 1440) / 2.54);
/** Points to half-points, the unit of font sizes. */
const pt = (x: number): number => Math.round(x * 2);

const PAGE = { width: 11906, height: 16838 }; // A4
const MARGIN = { top: cm(2), bottom: cm(2), left: cm(2.5), right: cm(2), header: cm(1), footer: cm(1) };
/** The width of the text between the margins (16.5 cm). */
const W = PAGE.width - MARGIN.left - MARGIN.right;
const HALF = Math.round(W / 2);

const FONT = 'Arial';
/** ☑ and ☐ are not in Arial: Word finds them in Segoe UI Symbol, LibreOffice in its fallback fonts. */
const SYMBOL_FONT = 'Segoe UI Symbol';
const RED = 'C00000';
const GREY = '808080';
const LABEL_FILL = 'F2F2F2';
const BOX: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 3 };
const RED_BOX: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: RED, space: 3 };

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

type Run = TextRun;
type Block = Paragraph | Table;
type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Static text. */
const t = (text: string, style: RunStyle = {}): Run => new TextRun({ text, ...style });
/** A template command, always one whole run: `c('pelapor.nama')` is `{{pelapor.nama}}`. */
const c = (code: string, style: RunStyle = {}): Run => new TextRun({ text: `{{${code}}}`, ...style });
/** A real tab (`<w:tab/>`), not a tab character inside the text. */
const tab = (): Run => new TextRun({ children: [new Tab()] });
const B: RunStyle = { bold: true };
const BU: RunStyle = { bold: true, underline: {} };
const CHECK: RunStyle = { font: SYMBOL_FONT };

interface ParaOptions {
  readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  readonly keepNext?: boolean;
  readonly before?: number;
  readonly after?: number;
  readonly indentLeft?: number;
}

/** A paragraph of a named style. */
function p(style: string, runs: readonly (Run | string)[], o: ParaOptions = {}): Paragraph {
  const spacing = o.before !== undefined || o.after !== undefined ? { before: o.before, after: o.after } : undefined;
  return new Paragraph({
    style,
    children: runs.map((r) => (typeof r === 'string' ? t(r) : r)),
    alignment: o.align,
    keepNext: o.keepNext,
    spacing,
    indent: o.indentLeft !== undefined ? { left: o.indentLeft } : undefined,
  });
}

/** A paragraph holding only a steering command (FOR, END-FOR, IF, END-IF): the renderer removes it. */
const cmdPara = (code: string): Paragraph => p('Perintah', [c(code)]);

/** `{{IF flag}}` … `{{END-IF}}` around whole paragraphs and tables. */
const ifBlock = (flag: string, blocks: readonly Block[]): Block[] => [cmdPara(`IF ${flag}`), ...blocks, cmdPara('END-IF')];

/** `{{FOR v IN list}}` … `{{END-FOR v}}` around paragraphs. */
const forParas = (v: string, list: string, paras: readonly Paragraph[]): Paragraph[] => [cmdPara(`FOR ${v} IN ${list}`), ...paras, cmdPara(`END-FOR ${v}`)];

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const NO_LINES = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

interface CellOptions {
  readonly span?: number;
  readonly fill?: string;
  readonly valign?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];
  /** Sides drawn without a line (inside a bordered table). */
  readonly open?: readonly ('left' | 'right' | 'top' | 'bottom')[];
}

function cell(width: number, children: readonly Block[], o: CellOptions = {}): TableCell {
  const open = o.open ?? [];
  const borders = open.length > 0 ? Object.fromEntries(open.map((side) => [side, NONE])) : undefined;
  return new TableCell({
    // A cell must end with a paragraph; a nested table alone is not a valid cell.
    children:
      children.length === 0
        ? [new Paragraph({ style: 'IsiTabel' })]
        : children[children.length - 1] instanceof Table
          ? [...children, new Paragraph({ style: 'IsiTabel', run: { size: 2 } })]
          : [...children],
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    shading: o.fill ? { fill: o.fill, type: ShadingType.CLEAR, color: 'auto' } : undefined,
    verticalAlign: o.valign ?? VerticalAlignTable.TOP,
    borders,
  });
}

interface RowOptions {
  readonly header?: boolean;
  readonly minHeight?: number;
}

/** A table row; rows never split across pages. */
const row = (cells: readonly TableCell[], o: RowOptions = {}): TableRow =>
  new TableRow({
    children: [...cells],
    cantSplit: true,
    tableHeader: o.header,
    height: o.minHeight ? { value: o.minHeight, rule: HeightRule.ATLEAST } : undefined,
  });

interface TableOptions {
  readonly lines?: boolean;
  readonly indent?: number;
  readonly cellMargin?: number;
}

function table(widths: readonly number[], rows: readonly TableRow[], o: TableOptions = {}): Table {
  const m = o.cellMargin ?? cm(0.15);
  return new Table({
    rows: [...rows],
    columnWidths: [...widths],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: o.lines ? ALL_LINES : NO_LINES,
    indent: o.indent ? { size: o.indent, type: WidthType.DXA } : undefined,
    margins: { left: m, right: m, top: o.lines ? cm(0.03) : 0, bottom: o.lines ? cm(0.03) : 0 },
  });
}

/** A table row holding only a steering command, across the whole table: the renderer removes it. */
const markerRow = (code: string, widths: readonly number[]): TableRow =>
  row([cell(widths.reduce((a, b) => a + b, 0), [cmdPara(code)], { span: widths.length > 1 ? widths.length : undefined })]);

/** `{{FOR v IN list}}` row, the repeated rows, `{{END-FOR v}}` row. */
const forRows = (v: string, list: string, widths: readonly number[], rows: readonly TableRow[]): TableRow[] => [
  markerRow(`FOR ${v} IN ${list}`, widths),
  ...rows,
  markerRow(`END-FOR ${v}`, widths),
];

/** `{{IF flag}}` row, the rows, `{{END-IF}}` row. */
const ifRows = (flag: string, widths: readonly number[], rows: readonly TableRow[]): TableRow[] => [markerRow(`IF ${flag}`, widths), ...rows, markerRow('END-IF', widths)];

// ---------------------------------------------------------------------------------------------
// Shared parts of every document
// ---------------------------------------------------------------------------------------------

const LOGO_CELL = cm(2.8);

/**
 * The letterhead: logo slot and the office's name, address and contacts, over the classic
 * thick-over-thin double rule. The logo slot keeps a space so that it stays an (empty) cell when
 * there is no logo.
 */
function kop(): Block[] {
  const small: RunStyle = { color: GREY, size: pt(7) };
  const logo = p('KopLogo', [t(' '), c('IF kop.ada_logo', small), c('IMAGE kop.logo', small), c('END-IF', small)]);
  const names = [p('KopPemda', [c('kop.pemda')]), p('KopInstansi', [c('kop.instansi')]), p('KopAlamat', [c('kop.alamat')]), p('KopKontak', [c('kop.kontak')])];
  return [
    table([LOGO_CELL, W - LOGO_CELL], [row([cell(LOGO_CELL, [logo], { valign: VerticalAlignTable.CENTER }), cell(W - LOGO_CELL, names, { valign: VerticalAlignTable.CENTER })])], {
      cellMargin: cm(0.1),
    }),
    new Paragraph({ style: 'KopGaris' }),
  ];
}

/** The document's title, and its number line below it. */
const judul = (title: string, nomor: readonly (Run | string)[]): Paragraph[] => [p('JudulNaskah', [t(title)]), p('NomorNaskah', nomor)];

type Ttd = 'petugas' | 'subkoordinator' | 'kepala' | 'penandatangan';

interface TtdOptions {
  /** Place and date above the block. */
  readonly tanggal?: boolean;
  /** A fixed line in place of the view's position ("Petugas Penerima,"). */
  readonly sebagai?: string;
  /** Show the signer's position from the view (`ttd.jabatan`). */
  readonly jabatan?: boolean;
  /** Show "a.n. …" when the document is signed on someone's behalf. */
  readonly atasNama?: boolean;
}

/** A signature block: [place and date], [a.n. …], position, room to sign, name (bold, underlined), NIP. */
function blokTtd(who: Ttd, o: TtdOptions): Paragraph[] {
  const out: Paragraph[] = [];
  if (o.tanggal) out.push(p('TandaTangan', [c('tempat_tanggal')]));
  if (o.atasNama) out.push(p('TandaTangan', [c(`IF ${who}.ada_atas_nama`), c(`${who}.atas_nama`), c('END-IF')]));
  if (o.sebagai) out.push(p('TandaTangan', [t(o.sebagai)]));
  if (o.jabatan ?? true) out.push(p('TandaTangan', [c(`${who}.jabatan`)]));
  out.push(p('NamaPenandatangan', [c(`${who}.nama`, BU)]), p('TandaTangan', [c(`${who}.nip`)]));
  return out;
}

/** Two half-page columns without lines: left (often empty) and the signature block on the right. */
const duaKolom = (left: readonly Block[], right: readonly Block[], leftAlign: TableVerticalAlign = VerticalAlignTable.BOTTOM): Table =>
  table([HALF, W - HALF], [row([cell(HALF, left, { valign: leftAlign }), cell(W - HALF, right)])], { cellMargin: 0 });


// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

interface Sizes {
  /** Body text. */
  readonly body: number;
  /** Text in tables. */
  readonly table: number;
}

function styles(s: Sizes): IParagraphStyleOptions[] {
  const base = { basedOn: 'Normal', next: 'Normal', quickFormat: true } as const;
  return [
    { id: 'KopLogo', name: 'Kop Logo', ...base, paragraph: { alignment: AlignmentType.CENTER } },
    { id: 'KopPemda', name: 'Kop Pemerintah', ...base, run: { bold: true, size: pt(14) }, paragraph: { alignment: AlignmentType.CENTER } },
    { id: 'KopInstansi', name: 'Kop Instansi', ...base, run: { bold: true, size: pt(15) }, paragraph: { alignment: AlignmentType.CENTER } },
    { id: 'KopAlamat', name: 'Kop Alamat', ...base, run: { size: pt(9.5) }, paragraph: { alignment: AlignmentType.CENTER } },
    { id: 'KopKontak', name: 'Kop Kontak', ...base, run: { size: pt(9) }, paragraph: { alignment: AlignmentType.CENTER } },
    {
      id: 'KopGaris',
      name: 'Kop Garis',
      ...base,
      run: { size: pt(4) },
      paragraph: { border: { bottom: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: '000000', space: 1 } }, spacing: { after: 200, line: 240, lineRule: LineRuleType.AUTO } },
    },
    { id: 'JudulNaskah', name: 'Judul Naskah', ...base, run: { bold: true, underline: {}, size: pt(s.body + 1) }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true } },
    { id: 'NomorNaskah', name: 'Nomor Naskah', ...base, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
    {
      id: 'IsiNaskah',
      name: 'Isi Naskah',
      ...base,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: cm(1.25) }, spacing: { after: 120, line: 300, lineRule: LineRuleType.AUTO } },
    },
    { id: 'IsiRata', name: 'Isi Rata', ...base, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
    { id: 'SubJudul', name: 'Sub Judul', ...base, run: { bold: true }, paragraph: { keepNext: true, spacing: { before: 160, after: 80 } } },
    { id: 'IsiTabel', name: 'Isi Tabel', ...base, run: { size: pt(s.table) }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
    { id: 'KepalaTabel', name: 'Kepala Tabel', ...base, run: { bold: true, size: pt(s.table) }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true } },
    { id: 'Centang', name: 'Daftar Centang', ...base, run: { size: pt(s.table) }, paragraph: { indent: { left: cm(0.6), hanging: cm(0.6) } } },
    { id: 'TandaTangan', name: 'Tanda Tangan', ...base, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true } },
    { id: 'NamaPenandatangan', name: 'Nama Penandatangan', ...base, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: cm(1.9) } } },
    { id: 'Tembusan', name: 'Tembusan', ...base, run: { size: pt(s.body - 1.5) }, paragraph: { keepNext: true, indent: { left: cm(0.6), hanging: cm(0.6) } } },
    { id: 'Catatan', name: 'Catatan', ...base, run: { italics: true, size: pt(s.table - 0.5) } },
    {
      id: 'Gratis',
      name: 'Kotak Gratis',
      ...base,
      run: { bold: true, size: pt(s.body) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        border: { top: BOX, bottom: BOX, left: BOX, right: BOX },
        indent: { left: cm(0.4), right: cm(0.6) },
        spacing: { before: 160, after: 160 },
      },
    },
    {
      id: 'CatatanDraf',
      name: 'Catatan Draf',
      ...base,
      run: { color: RED, size: pt(s.table) },
      paragraph: { alignment: AlignmentType.JUSTIFIED, border: { top: RED_BOX, bottom: RED_BOX, left: RED_BOX, right: RED_BOX }, spacing: { after: 160 } },
    },
    { id: 'Paraf', name: 'Paraf', ...base, run: { size: pt(8) } },
    { id: 'Perintah', name: 'Perintah Template', ...base, run: { color: GREY, size: pt(8) } },
    { id: 'KepalaHalaman', name: 'Kepala Halaman', ...base, run: { bold: true, color: RED, size: pt(s.body) }, paragraph: { alignment: AlignmentType.CENTER } },
  ];
}

function dokumen(title: string, sizes: Sizes, children: readonly Block[], header?: readonly Block[]): Document {
  return new Document({
    title,
    creator: 'DPMPTSP Kota Payakumbuh',
    description: 'Template naskah layanan pengaduan masyarakat; lihat templates/README.md untuk isian yang tersedia.',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(sizes.body), language: { value: 'id-ID' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: styles(sizes),
    },
    theme: { fonts: { headings: FONT, body: FONT } },
    // Lines that end in a line break (the renderer's, inside long fields) are not stretched in justified text.
    compatibility: { version: 15, doNotExpandShiftReturn: true },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        headers: header ? { default: new Header({ children: [...header] }) } : undefined,
        children: [...children],
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Label : value tables
// ---------------------------------------------------------------------------------------------

/** Bordered two-column table row: shaded label, value. */
function lvRow(labelW: number, label: string, value: readonly Block[]): TableRow {
  return row([cell(labelW, [p('IsiTabel', [t(label)])], { fill: LABEL_FILL }), cell(W - labelW, value)]);
}

/** A section heading across a bordered table. */
const sectionRow = (title: string): TableRow => row([cell(W, [p('IsiTabel', [t(title, B)], { keepNext: true })], { span: 2, fill: 'D9D9D9' })]);

const COLON = cm(0.45);

/** Borderless three-column row: label, colon, value (the "Nomor : …" lists of official letters). */
function colonRow(widths: readonly [number, number, number], label: string, value: readonly Block[], style = 'IsiTabel'): TableRow {
  return row([cell(widths[0], [p(style, [t(label)])]), cell(widths[1], [p(style, [t(':')])]), cell(widths[2], value)]);
}

/** Vertical checklist: ☑/☐ and the item, one per line. */
const checklist = (v: string, list: string): Paragraph[] => forParas(v, list, [p('Centang', [c(`$${v}.tanda`, CHECK), tab(), c(`$${v}.nama`)])]);

/** Inline checklist in one paragraph: ☑ Ringan   ☐ Sedang   ☐ Berat. */
const checklistInline = (v: string, list: string, style = 'IsiTabel'): Paragraph =>
  p(style, [c(`FOR ${v} IN ${list}`), c(`$${v}.tanda`, CHECK), t('\u00a0'), c(`$${v}.nama`), t('     '), c(`END-FOR ${v}`)]);

// ---------------------------------------------------------------------------------------------
// Tanda Terima Pengaduan Masyarakat
// ---------------------------------------------------------------------------------------------

function tandaTerima(): Document {
  const L = cm(4.6);
  const v = (...runs: (Run | string)[]): Paragraph => p('IsiTabel', runs);
  const big: RunStyle = { bold: true, size: pt(13) };
  const rows = [
    lvRow(L, 'Nomor Registrasi', [v(c('nomor_registrasi', big))]),
    lvRow(L, 'Kode Akses', [v(c('kode_akses', big), t('   (simpan; diperlukan untuk cek status)', { italics: true, size: pt(9) }))]),
    lvRow(L, 'Diterima', [v(c('diterima'))]),
    lvRow(L, 'Kanal Pengaduan', [v(c('kanal'))]),
    ...ifRows('ada_nomor_lapor', [L, W - L], [lvRow(L, 'Tiket SP4N-LAPOR!', [v(c('nomor_lapor'))])]),
    lvRow(L, 'Pelapor', [v(c('pelapor.nama', B)), v(c('pelapor.alamat')), v(t('Kontak: '), c('pelapor.kontak'))]),
    lvRow(L, 'Usaha/Kegiatan yang Diadukan', [v(c('usaha.nama', B)), v(c('usaha.alamat')), v(c('usaha.lokasi'))]),
    lvRow(L, 'Ringkasan Pengaduan', [p('IsiTabel', [c('ringkasan')], { align: AlignmentType.JUSTIFIED })]),
    lvRow(L, 'Persyaratan yang Diterima', [...checklist('s', 'persyaratan'), p('Catatan', [c('persyaratan_keterangan')])]),
    lvRow(L, 'Batas Waktu Penyelesaian', [v(c('tenggat', B)), v(t('Jangka waktu penyelesaian '), c('hari_sla'), t(' sejak pengaduan diterima dan persyaratan lengkap.'))]),
    lvRow(L, 'Cek Status', [v(c('cek_status'), t(' '), c('layanan'))]),
  ];
  // The "free of charge" box sits beside the signature (or beside the note of an electronic receipt).
  const gratis = (): Paragraph => p('Gratis', [t('Layanan ini tidak dipungut biaya'), new TextRun({ text: '(GRATIS)', break: 1 })]);
  const petugas = duaKolom([gratis()], blokTtd('petugas', { tanggal: true, sebagai: 'Petugas Penerima,', jabatan: false }), VerticalAlignTable.CENTER);
  const elektronik = duaKolom(
    [gratis()],
    [
      p('TandaTangan', [c('tempat_tanggal')], { after: 60 }),
      p('Catatan', [t('Tanda terima ini dibuat secara elektronik dari formulir pengaduan online dan sah tanpa tanda tangan.')], { align: AlignmentType.CENTER }),
    ],
    VerticalAlignTable.CENTER,
  );
  return dokumen('Tanda Terima Pengaduan Masyarakat', { body: 11, table: 10 }, [
    ...kop(),
    ...judul('TANDA TERIMA PENGADUAN MASYARAKAT', [t('Nomor: '), c('nomor_registrasi')]),
    p('IsiTabel', [t('Telah diterima pengaduan masyarakat dengan keterangan sebagai berikut:')], { after: 80 }),
    table([L, W - L], rows, { lines: true }),
    p('IsiTabel', [], { after: 160, keepNext: true }),
    ...ifBlock('ada_petugas', [petugas]),
    ...ifBlock('elektronik', [elektronik]),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Lembar Pengaduan
// ---------------------------------------------------------------------------------------------

function lembarPengaduan(): Document {
  const L = cm(5);
  const v = (...runs: (Run | string)[]): Paragraph => p('IsiTabel', runs);
  const lv = (label: string, ...value: Paragraph[]): TableRow => lvRow(L, label, value);
  const rows = [
    sectionRow('A. DATA PENERIMAAN'),
    lv('Nomor Registrasi', v(c('nomor_registrasi', B))),
    lv('Diterima', v(c('diterima'))),
    lv('Kanal Pengaduan', v(c('kanal'))),
    ...ifRows('ada_nomor_lapor', [L, W - L], [lv('Tiket SP4N-LAPOR!', v(c('nomor_lapor')))]),
    lv('Dicatat oleh', v(c('dicatat_oleh'))),
    sectionRow('B. IDENTITAS PELAPOR'),
    lv('Nama', v(c('pelapor.nama', B))),
    lv('NIK', v(c('pelapor.nik'))),
    lv('Alamat', v(c('pelapor.alamat'))),
    lv('Telepon/WhatsApp, E-mail', v(c('pelapor.telepon'), t(' / '), c('pelapor.email'))),
    sectionRow('C. USAHA/KEGIATAN YANG DIADUKAN'),
    lv('Nama Usaha/Kegiatan', v(c('usaha.nama', B))),
    lv('Bidang Usaha', v(c('usaha.bidang'))),
    lv('Jenis Izin', v(c('usaha.izin'))),
    lv('Alamat', v(c('usaha.alamat'))),
    lv('Lokasi', v(c('usaha.lokasi'))),
    sectionRow('D. ISI PENGADUAN'),
    lv('Uraian Pengaduan', p('IsiTabel', [c('isi')], { align: AlignmentType.JUSTIFIED })),
    lv('Harapan Pelapor', v(c('harapan'))),
    lv('Bukti Pendukung', v(c('bukti'))),
    sectionRow('E. PEMERIKSAAN KELENGKAPAN'),
    lv('Persyaratan', checklistInline('s', 'persyaratan')),
    lv('Catatan Pemeriksaan', v(c('catatan_pemeriksaan'))),
    lv('Batas Waktu Penyelesaian', v(c('tenggat'))),
    lv('Tahap Saat Ini', v(c('tahap'))),
    sectionRow('F. VERIFIKASI SUBKOORDINATOR'),
    lv('Kategori Pengaduan', checklistInline('k', 'kategori')),
    lv('Alasan Penetapan Kategori', v(c('alasan_kategori'))),
  ];
  return dokumen('Lembar Pengaduan Masyarakat', { body: 11, table: 10 }, [
    ...kop(),
    ...judul('LEMBAR PENGADUAN MASYARAKAT', [t('Nomor Registrasi: '), c('nomor_registrasi')]),
    table([L, W - L], rows, { lines: true }),
    p('IsiTabel', [], { after: 200, keepNext: true }),
    duaKolom(
      [p('TandaTangan', [t(' ')]), ...blokTtd('subkoordinator', { sebagai: 'Diverifikasi oleh' })],
      blokTtd('petugas', { tanggal: true, sebagai: 'Petugas yang Memeriksa' }),
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Lembar Disposisi
// ---------------------------------------------------------------------------------------------

function lembarDisposisi(): Document {
  const c1 = cm(4.2);
  const c2 = COLON;
  const c4 = W - HALF;
  const c3 = W - c1 - c2 - c4;
  const widths = [c1, c2, c3, c4];
  const v = (...runs: (Run | string)[]): Paragraph => p('IsiTabel', runs);
  /** Label : value across the form, without lines between the three parts. */
  const lv = (label: string, ...value: Paragraph[]): TableRow =>
    row([cell(c1, [v(t(label))], { open: ['right'] }), cell(c2, [v(t(':'))], { open: ['left', 'right'] }), cell(c3 + c4, value, { span: 2, open: ['left'] })]);
  const rows = [
    lv('Surat/Pengaduan dari', v(c('asal'))),
    lv('Nomor Registrasi', v(c('nomor_registrasi', B))),
    lv('Tanggal Diterima', v(c('diterima'))),
    lv('Sifat', checklistInline('s', 'sifat')),
    lv('Perihal', p('IsiTabel', [c('perihal')], { align: AlignmentType.JUSTIFIED })),
    lv('Kategori', v(c('kategori'))),
    lv('Jatuh Tempo', v(c('tenggat'))),
    row(
      [
        cell(c1 + c2 + c3, [v(t('Diteruskan kepada:', B)), p('IsiTabel', [c('diteruskan_kepada')], { before: 80 })], { span: 3 }),
        cell(c4, [v(t('Dengan hormat harap:', B)), ...checklist('h', 'harap')]),
      ],
      { minHeight: cm(2.5) },
    ),
    row([cell(W, [v(t('Isi Disposisi:', B)), p('IsiRata', [c('isi_disposisi')], { before: 80 })], { span: 4 })], { minHeight: cm(5.5) }),
    lv('Tanggal Disposisi', v(c('tanggal_disposisi'))),
  ];
  return dokumen('Lembar Disposisi', { body: 11, table: 11 }, [
    ...kop(),
    p('JudulNaskah', [t('LEMBAR DISPOSISI')], { after: 200 }),
    table(widths, rows, { lines: true }),
    p('IsiTabel', [], { after: 240, keepNext: true }),
    duaKolom([], blokTtd('kepala', { tanggal: true, atasNama: true })),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Undangan Rapat
// ---------------------------------------------------------------------------------------------

function undanganRapat(): Document {
  const head: [number, number, number] = [cm(2.4), COLON, cm(12.5)];
  const body = 'IsiNaskah';
  const nomor = table(
    head,
    [
      colonRow(head, 'Nomor', [p('Normal', [c('nomor')])], 'Normal'),
      colonRow(head, 'Sifat', [p('Normal', [c('sifat')])], 'Normal'),
      colonRow(head, 'Lampiran', [p('Normal', [c('lampiran')])], 'Normal'),
      colonRow(head, 'Hal', [p('Normal', [c('perihal', B)])], 'Normal'),
    ],
    { cellMargin: 0 },
  );
  const kepadaW = [cm(0.8), cm(13)] as const;
  const kepada = table(
    kepadaW,
    forRows('k', 'kepada', kepadaW, [
      row([cell(kepadaW[0], [p('Normal', [c('$k.no')])]), cell(kepadaW[1], [p('Normal', [c('$k.nama'), t(' '), c('$k.instansi')])])]),
    ]),
    { indent: cm(1), cellMargin: 0 },
  );
  const indent = cm(1.25);
  const rapatW: [number, number, number] = [cm(3.2), COLON, W - indent - cm(3.2) - COLON];
  const rapat = table(
    rapatW,
    [
      colonRow(rapatW, 'Hari/Tanggal', [p('Normal', [c('rapat.hari_tanggal')])], 'Normal'),
      colonRow(rapatW, 'Waktu', [p('Normal', [c('rapat.waktu')])], 'Normal'),
      colonRow(rapatW, 'Tempat', [p('Normal', [c('rapat.tempat')])], 'Normal'),
      colonRow(rapatW, 'Acara', [p('Normal', [c('rapat.agenda')])], 'Normal'),
    ],
    { indent, cellMargin: 0 },
  );
  return dokumen('Undangan Rapat', { body: 12, table: 11 }, [
    ...kop(),
    p('Normal', [c('tempat_tanggal')], { align: AlignmentType.RIGHT, after: 120 }),
    nomor,
    p('Normal', [], { after: 120 }),
    p('Normal', [t('Yth.')]),
    kepada,
    p('Normal', [t('di')]),
    p('Normal', [t('Tempat')], { indentLeft: cm(1), after: 240 }),
    p(body, [c('pembuka')]),
    rapat,
    p(body, [c('penutup')], { before: 120 }),
    p('Normal', [], { after: 120, keepNext: true }),
    duaKolom([], blokTtd('penandatangan', { atasNama: true })),
    p('Tembusan', [t('Tembusan:')], { before: 240, keepNext: true }),
    ...forParas('m', 'tembusan', [p('Tembusan', [c('$m.no'), tab(), c('$m.nama')])]),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Berita Acara Hasil Penanganan Pengaduan (draft and final)
// ---------------------------------------------------------------------------------------------

function beritaAcara(): Document {
  const sub = (s: string): Paragraph => p('SubJudul', [t(s)]);
  const indent = cm(0.6);
  const lvW: [number, number, number] = [cm(3.6), COLON, W - indent - cm(3.6) - COLON];
  const pengaduan = table(
    lvW,
    [
      colonRow(lvW, 'Diterima', [p('Normal', [c('pengaduan.diterima')])], 'Normal'),
      colonRow(lvW, 'Pelapor', [p('Normal', [c('pengaduan.pelapor')])], 'Normal'),
      colonRow(lvW, 'Usaha/Kegiatan', [p('Normal', [c('pengaduan.usaha')])], 'Normal'),
      colonRow(lvW, 'Alamat Usaha', [p('Normal', [c('pengaduan.alamat_usaha')])], 'Normal'),
      colonRow(lvW, 'Isi Pengaduan', [p('Normal', [c('pengaduan.isi')], { align: AlignmentType.JUSTIFIED })], 'Normal'),
    ],
    { indent, cellMargin: 0 },
  );

  // Attendance list: the signature column is two sub-columns, numbers alternating left and right.
  const pw = [cm(1), cm(4.9), cm(4.6), cm(3), cm(3)] as const;
  const pesertaTable = table(
    [...pw],
    [
      row(
        [
          cell(pw[0], [p('KepalaTabel', [t('No.')])], { fill: LABEL_FILL, valign: VerticalAlignTable.CENTER }),
          cell(pw[1], [p('KepalaTabel', [t('Nama')])], { fill: LABEL_FILL, valign: VerticalAlignTable.CENTER }),
          cell(pw[2], [p('KepalaTabel', [t('Instansi/Jabatan')])], { fill: LABEL_FILL, valign: VerticalAlignTable.CENTER }),
          cell(pw[3] + pw[4], [p('KepalaTabel', [t('Tanda Tangan')])], { span: 2, fill: LABEL_FILL, valign: VerticalAlignTable.CENTER }),
        ],
        { header: true },
      ),
      ...forRows('p', 'peserta', pw, [
        row(
          [
            cell(pw[0], [p('IsiTabel', [c('$p.no')], { align: AlignmentType.CENTER })], { valign: VerticalAlignTable.CENTER }),
            cell(pw[1], [p('IsiTabel', [c('$p.nama')])], { valign: VerticalAlignTable.CENTER }),
            cell(pw[2], [p('IsiTabel', [c('$p.instansi')])], { valign: VerticalAlignTable.CENTER }),
            cell(pw[3], [p('IsiTabel', [c('$p.ttd_kiri')])], { valign: VerticalAlignTable.BOTTOM, open: ['right'] }),
            cell(pw[4], [p('IsiTabel', [c('$p.ttd_kanan')])], { valign: VerticalAlignTable.BOTTOM, open: ['left'] }),
          ],
          { minHeight: cm(1.1) },
        ),
      ]),
    ],
    { lines: true },
  );

  const tw = [cm(1), cm(6.3), cm(4.2), W - cm(11.5)] as const;
  const th = (s: string, w: number): TableCell => cell(w, [p('KepalaTabel', [t(s)])], { fill: LABEL_FILL, valign: VerticalAlignTable.CENTER });
  const tindakLanjut = table(
    [...tw],
    [
      row([th('No.', tw[0]), th('Uraian', tw[1]), th('Pelaksana', tw[2]), th('Tenggat', tw[3])], { header: true }),
      ...forRows('t', 'tindak_lanjut', tw, [
        row([
          cell(tw[0], [p('IsiTabel', [c('$t.no')], { align: AlignmentType.CENTER })]),
          cell(tw[1], [p('IsiTabel', [c('$t.uraian')])]),
          cell(tw[2], [p('IsiTabel', [c('$t.pelaksana')])]),
          cell(tw[3], [p('IsiTabel', [c('$t.tenggat')])]),
        ]),
      ]),
    ],
    { lines: true },
  );

  // Initials of the hierarchy (paraf hierarki), small, bottom left beside the Kepala's signature.
  const fw = [cm(0.75), cm(2.2), cm(2.3), cm(2.75)] as const;
  const ph = (s: string, w: number): TableCell => cell(w, [p('Paraf', [t(s, B)], { align: AlignmentType.CENTER })], { fill: LABEL_FILL, valign: VerticalAlignTable.CENTER });
  const paraf = table(
    [...fw],
    [
      row([ph('No.', fw[0]), ph('Jabatan', fw[1]), ph('Nama', fw[2]), ph('Paraf/Tgl.', fw[3])], { header: true }),
      ...forRows('f', 'paraf', fw, [
        row(
          [
            cell(fw[0], [p('Paraf', [c('$f.no')], { align: AlignmentType.CENTER })]),
            cell(fw[1], [p('Paraf', [c('$f.jabatan')])]),
            cell(fw[2], [p('Paraf', [c('$f.nama')])]),
            cell(fw[3], [p('Paraf', [c('$f.tanggal')])], { valign: VerticalAlignTable.BOTTOM }),
          ],
          { minHeight: cm(1) },
        ),
      ]),
    ],
    { lines: true, cellMargin: cm(0.08) },
  );

  const drafNote = p('CatatanDraf', [
    t('DRAF', B),
    t(' — untuk diperiksa dan diparaf Koordinator dan Sekretaris sebelum ditandatangani Kepala Dinas. Bukan dokumen resmi sebelum ditandatangani dan diberi nomor.'),
  ]);

  return dokumen(
    'Berita Acara Hasil Penanganan Pengaduan Masyarakat',
    { body: 12, table: 10.5 },
    [
      ...kop(),
      p('JudulNaskah', [t('BERITA ACARA HASIL PENANGANAN PENGADUAN MASYARAKAT')]),
      p('NomorNaskah', [t('Nomor: '), c('nomor')]),
      ...ifBlock('draf', [drafNote]),
      p('IsiNaskah', [c('pembukaan')]),
      sub('I. PENGADUAN'),
      pengaduan,
      sub('II. PESERTA RAPAT'),
      pesertaTable,
      sub('III. PEMBAHASAN'),
      p('IsiRata', [c('pembahasan')], { indentLeft: indent }),
      sub('IV. KESIMPULAN'),
      p('IsiRata', [c('kesimpulan')], { indentLeft: indent }),
      ...ifBlock('ada_tindak_lanjut', [sub('V. TINDAK LANJUT'), tindakLanjut]),
      p('IsiNaskah', [c('penutup')], { before: 200, keepNext: true }),
      p('Normal', [], { keepNext: true }),
      duaKolom([p('Paraf', [t('Paraf hierarki:', B)], { after: 40, keepNext: true }), paraf], blokTtd('kepala', { tanggal: true, atasNama: true })),
    ],
    [p('KepalaHalaman', [c('tanda_draf')])],
  );
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const BUILDERS: Record<NamaTemplate, () => Document> = {
  tanda_terima: tandaTerima,
  lembar_pengaduan: lembarPengaduan,
  lembar_disposisi: lembarDisposisi,
  undangan_rapat: undanganRapat,
  berita_acara: beritaAcara,
};

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? TEMPLATE_DIR);
  mkdirSync(out, { recursive: true });
  for (const [name, build] of Object.entries(BUILDERS) as [NamaTemplate, () => Document][]) {
    const bytes = new Uint8Array(await Packer.toBuffer(build()));
    const file = path.join(out, TEMPLATE_FILE[name]);
    await checkTemplate(name, bytes, file);
    writeFileSync(file, bytes);
    console.log(`${file} (${Math.round(bytes.length / 1024)} KB)`);
  }
}

await main();
