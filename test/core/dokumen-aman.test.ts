/**
 * Tests of core/dokumen/aman.ts: what makes a citizen's text safe to put into a document.
 * Characters XML forbids are removed (Word would refuse the file), bidirectional controls a value
 * leaves open are closed (judged by a small model of the Unicode Bidirectional Algorithm's
 * explicit levels, UAX #9 X1–X8, written here), and everything else stays literally as typed.
 */
import { describe, expect, it } from 'vitest';
import { closeBidi, safeText, safeView } from '../../core/dokumen/aman.js';
import { BIDI } from '../helpers/hostile-text.js';
import { mulberry32 } from '../helpers/prng.js';

const { LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI } = BIDI;

/**
 * How many embeddings, overrides and isolates are still open after `s`, following UAX #9
 * rules X2–X7 (without overflow, which needs 125 levels): a PDF closes only an embedding or
 * override opened inside the innermost open isolate; a PDI closes its isolate and every
 * embedding opened inside it.
 */
function openAfter(s: string): number {
  const stack: boolean[] = []; // true: isolate entry
  let isolates = 0;
  for (const ch of s) {
    if (ch === LRE || ch === RLE || ch === LRO || ch === RLO) stack.push(false);
    else if (ch === LRI || ch === RLI || ch === FSI) {
      stack.push(true);
      isolates++;
    } else if (ch === PDI) {
      if (isolates === 0) continue;
      while (stack.length > 0 && stack[stack.length - 1] === false) stack.pop();
      stack.pop();
      isolates--;
    } else if (ch === PDF) {
      if (stack.length > 0 && stack[stack.length - 1] === false) stack.pop();
    }
  }
  return stack.length;
}

/** The XML 1.0 Char production, over a whole string. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]*$/;
const isXmlText = (s: string): boolean => XML_CHARS.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, 'x'));
const BIDI_CONTROLS = new Set<string>(Object.values(BIDI));

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('safeText removes what XML forbids', () => {
  const forbidden = [
    ...Array.from({ length: 9 }, (_, i) => i), // U+0000 … U+0008
    0x0b,
    0x0c,
    ...Array.from({ length: 0x20 - 0x0e }, (_, i) => 0x0e + i), // U+000E … U+001F
    0xfffe,
    0xffff,
  ];

  it.each(forbidden.map((cp) => [hex(cp), cp] as const))('removes %s', (_name, cp) => {
    const ch = String.fromCharCode(cp);
    expect(safeText(`a${ch}b`)).toBe('ab');
    expect(safeText(`${ch}${ch}`)).toBe('');
  });

  it.each<[string, string, string]>([
    ['a lone high surrogate', 'a\uD800b', 'ab'],
    ['a lone low surrogate', 'a\uDC00b', 'ab'],
    ['a high surrogate at the end', 'nama\uD83D', 'nama'],
    ['a low surrogate at the start', '\uDE00nama', 'nama'],
    ['a reversed pair', 'a\uDE00\uD83Db', 'ab'],
    ['a high surrogate before a real pair', 'a\uD83D\uD83D\uDE00b', 'a\uD83D\uDE00b'],
    ['a low surrogate after a real pair', 'a\uD83D\uDE00\uDE00b', 'a\uD83D\uDE00b'],
  ])('removes %s and keeps the rest', (_what, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it('keeps TAB and LF, and turns CRLF and a lone CR into LF', () => {
    expect(safeText('a\tb\nc')).toBe('a\tb\nc');
    expect(safeText('baris 1\r\nbaris 2\rbaris 3\nbaris 4')).toBe('baris 1\nbaris 2\nbaris 3\nbaris 4');
    expect(safeText('\r\n\r\n')).toBe('\n\n');
  });

  it('leaves no character outside XML 1.0 for any BMP code unit, and keeps every ordinary one', () => {
    const notXml: string[] = [];
    const changed: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      const out = safeText(`a${ch}b`);
      if (!isXmlText(out) || out.includes('\r')) notXml.push(hex(cp));
      const ordinary = (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp < 0xd800) || (cp >= 0xe000 && cp <= 0xfffd);
      if (ordinary && !BIDI_CONTROLS.has(ch) && out !== `a${ch}b`) changed.push(hex(cp));
    }
    expect(notXml).toEqual([]);
    expect(changed).toEqual([]);
  });
});

describe('safeText keeps everything else literally', () => {
  it.each<[string, string]>([
    ['emoji, with skin tone, ZWJ sequence and flag', 'Terima kasih 😀👩🏽‍💻🇮🇩'],
    ['a supplementary-plane ideograph', '𠀀𝐀'],
    ['a template command', '{{x}} {{INS pelapor.nama}} {{FOR p IN peserta}}'],
    ['docx-templates default delimiters', '+++INS x+++ +++EXEC process.exit()+++'],
    ['a literal-XML section', '||<w:p/>||'],
    ['a formula', '=SUM(A1)'],
    ['a script tag and entities', '<script>alert(1)</script> &amp; &lt; "\''],
    ['the replacement character and private use', '\uFFFD\uE000'],
    ['right-to-left text and marks', 'مرحبا \u200F\u200E ڤاياكومبوه'],
    ['balanced bidi controls', `a${RLO}b${PDF}c${RLI}d${PDI}e`],
    ['an empty string', ''],
  ])('keeps %s', (_what, input) => {
    expect(safeText(input)).toBe(input);
  });
});

describe('closeBidi', () => {
  it.each<[string, string, string]>([
    ['an unclosed right-to-left override', `nama${RLO}evil`, `nama${RLO}evil${PDF}`],
    ['an unclosed right-to-left isolate', `${RLI}x`, `${RLI}x${PDI}`],
    ['an unclosed left-to-right embedding', `${LRE}x`, `${LRE}x${PDF}`],
    ['an unclosed first-strong isolate', `${FSI}x`, `${FSI}x${PDI}`],
    ['two nested embeddings', `${LRE}${RLE}x`, `${LRE}${RLE}x${PDF}${PDF}`],
    ['two nested isolates', `${LRI}${RLI}x`, `${LRI}${RLI}x${PDI}${PDI}`],
    ['an embedding inside an isolate', `${RLI}a${RLO}b`, `${RLI}a${RLO}b${PDF}${PDI}`],
    ['a closed override followed by an open one', `${RLO}a${PDF}${RLO}b`, `${RLO}a${PDF}${RLO}b${PDF}`],
  ])('closes %s', (_what, input, expected) => {
    expect(closeBidi(input)).toBe(expected);
    expect(openAfter(closeBidi(input))).toBe(0);
  });

  it.each<[string, string]>([
    ['plain text', 'Hj. Asmawati'],
    ['a closed override', `a${RLO}b${PDF}c`],
    ['a closed isolate', `a${RLI}b${PDI}c`],
    ['properly nested controls', `${LRI}${RLE}x${PDF}${PDI}`],
    ['a stray PDF', `x${PDF}`],
    ['a stray PDI', `x${PDI}`],
  ])('leaves %s unchanged', (_what, input) => {
    expect(closeBidi(input)).toBe(input);
  });

  it('leaves unchanged an isolate whose PDI also closes the override opened inside it', () => {
    // UAX #9 X6a: the PDI closes the RLI and the RLO within it; nothing is left open, so a PDF
    // appended here would close an embedding of the template around the value.
    const balanced = `${RLI}a${RLO}b${PDI}`;
    expect(openAfter(balanced)).toBe(0);
    expect(closeBidi(balanced)).toBe(balanced);
  });

  it('closes an isolate opened inside an override so that the override is closed too', () => {
    // UAX #9 X7: a PDF while an isolate is the innermost open entry does nothing, so the
    // closers must come innermost first: PDI, then PDF.
    const input = `${RLO}a${RLI}b`;
    const out = closeBidi(input);
    expect(out.startsWith(input)).toBe(true);
    expect(openAfter(out)).toBe(0);
  });

  it('leaves nothing open for any mix of controls, only appending closers, and is idempotent', () => {
    const alphabet = ['a', LRE, RLE, LRO, RLO, PDF, LRI, RLI, FSI, PDI];
    const rnd = mulberry32(2069);
    const stillOpen: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const len = 1 + Math.floor(rnd() * 8);
      const s = Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)] ?? 'a').join('');
      const out = closeBidi(s);
      expect(out.startsWith(s)).toBe(true);
      expect([...out.slice(s.length)].every((c) => c === PDF || c === PDI)).toBe(true);
      expect(closeBidi(out)).toBe(out);
      if (openAfter(out) !== 0 && stillOpen.length < 5) stillOpen.push([...s].map((c) => (c === 'a' ? 'a' : hex(c.charCodeAt(0)))).join(' '));
    }
    expect(stillOpen).toEqual([]);
  });

  it('is applied by safeText, after removing forbidden characters', () => {
    expect(safeText(`\u0000${RLO}x\u0007`)).toBe(`${RLO}x${PDF}`);
    expect(safeText(`a\r\n${RLI}b`)).toBe(`a\n${RLI}b${PDI}`);
  });
});

/** Freezes a value and everything in it (typed arrays cannot be frozen; they are left as they are). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('safeView', () => {
  const logoBytes = (): Uint8Array => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0b]);

  function hostileView() {
    return {
      nomor: 'PGD-2026-0042',
      pelapor: { nama: `Budi\u0000${RLO}evil`, nik: '1376\uFFFE01', alamat: 'Jl. A\r\nNo. 5' },
      peserta: [
        { no: '1.', nama: '{{INS x}}', hadir: true },
        { no: '2.', nama: 'a\uD800b', hadir: false },
      ],
      daftar: ['x\u000B', ['y\u001F', 'z']],
      ada_logo: true,
      final: false,
      kosong: null,
      angka: 7,
      logo: { width: 2, height: 2.5, data: logoBytes(), extension: '.png' },
    };
  }

  it('makes every string safe, at any depth, in objects and arrays', () => {
    const view = hostileView();
    const out = safeView(view);
    expect(out).toEqual({
      nomor: 'PGD-2026-0042',
      pelapor: { nama: `Budi${RLO}evil${PDF}`, nik: '137601', alamat: 'Jl. A\nNo. 5' },
      peserta: [
        { no: '1.', nama: '{{INS x}}', hadir: true },
        { no: '2.', nama: 'ab', hadir: false },
      ],
      daftar: ['x', ['y', 'z']],
      ada_logo: true,
      final: false,
      kosong: null,
      angka: 7,
      logo: { width: 2, height: 2.5, data: logoBytes(), extension: '.png' },
    });
    expect(Array.isArray(out.peserta)).toBe(true);
    expect(Array.isArray(out.daftar[1])).toBe(true);
  });

  it('leaves booleans, null, numbers and image bytes untouched (the same Uint8Array)', () => {
    const view = hostileView();
    const out = safeView(view);
    expect(out.logo.data).toBe(view.logo.data);
    expect([...out.logo.data]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0b]);
    expect(out.ada_logo).toBe(true);
    expect(out.final).toBe(false);
    expect(out.kosong).toBeNull();
    expect(out.angka).toBe(7);
    expect(out.peserta[0]?.hadir).toBe(true);
    expect(safeView(true)).toBe(true);
    expect(safeView(null)).toBeNull();
    expect(safeView(0)).toBe(0);
    expect(safeView(undefined)).toBeUndefined();
  });

  it('does not change its input: a deeply frozen view comes through, and equals its copy afterwards', () => {
    const view = deepFreeze(hostileView());
    const before = structuredClone(view);
    const out = safeView(view);
    expect(view).toEqual(before);
    expect(out).not.toBe(view);
    expect(out.pelapor).not.toBe(view.pelapor);
    expect(out.peserta).not.toBe(view.peserta);
    expect(view.pelapor.nama).toBe(`Budi\u0000${RLO}evil`);
  });

  it('cleans a bare string like safeText', () => {
    expect(safeView(`x\u0000${RLI}`)).toBe(`x${RLI}${PDI}`);
  });
});
