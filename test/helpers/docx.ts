/**
 * Reading generated .docx files in tests: the parts, whether each XML part is well-formed, the
 * text as Word shows it (runs joined, line breaks as \n, paragraphs as \n\n), and how many
 * paragraphs and tables the body has.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';

export interface DocxContent {
  readonly parts: Map<string, string>;
  readonly body: string;
  /** Problems of XML parts that are not well-formed, by part name. */
  readonly invalid: string[];
  readonly text: string;
  readonly paragraphs: number;
  readonly tables: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? ''),
  );

/** Text of a WordprocessingML part, as a reader sees it. */
export function textOf(xml: string): string {
  let out = '';
  const token = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:br\/>|<w:br\s[^>]*\/>|<w:tab\/>|<\/w:p>/g;
  for (const m of xml.matchAll(token)) {
    const tag = m[0];
    if (tag.startsWith('<w:t')) out += unescape(m[1] ?? '');
    else if (tag.startsWith('<w:br')) out += '\n';
    else if (tag === '<w:tab/>') out += '\t';
    else out += '\n\n';
  }
  return out;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  const invalid: string[] = [];
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (!f || f.dir || !/\.(xml|rels)$/.test(name)) continue;
    const xml = await f.async('string');
    parts.set(name, xml);
    const ok = XMLValidator.validate(xml);
    if (ok !== true) invalid.push(`${name}: ${ok.err.msg} (baris ${ok.err.line})`);
  }
  const body = parts.get('word/document.xml') ?? '';
  return {
    parts,
    body,
    invalid,
    text: textOf(body),
    paragraphs: (body.match(/<w:p[ >]/g) ?? []).length,
    tables: (body.match(/<w:tbl>/g) ?? []).length,
  };
}

/** A .docx file on disk, read as readDocx reads its bytes. */
export async function readDocxFile(file: string): Promise<DocxContent> {
  return readDocx(new Uint8Array(await readFile(file)));
}

/** Rewrites one XML part of a .docx (to make broken or hostile templates in tests). */
export async function editDocx(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`${part} tidak ada`);
  zip.file(part, edit(await f.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
