/**
 * What a citizen may type that must not break a document: the Unicode bidirectional controls
 * (named here, independently of core/dokumen/aman.ts, so that tests can judge it) and samples of
 * hostile complaint text (template commands, a literal-XML section, a formula, emoji, an unclosed
 * right-to-left override, characters XML forbids, blank lines).
 */

/** The explicit bidi formatting characters of UAX #9. */
export const BIDI = {
  LRE: '\u202A',
  RLE: '\u202B',
  PDF: '\u202C',
  LRO: '\u202D',
  RLO: '\u202E',
  LRI: '\u2066',
  RLI: '\u2067',
  FSI: '\u2068',
  PDI: '\u2069',
} as const;

export const HOSTILE = {
  /** A docx-templates literal-XML section that would inject a paragraph. */
  XML: '||<w:p><w:r><w:t>INJEKSI</w:t></w:r></w:p>||',
  /** Template commands in our delimiters and docx-templates' defaults, and a JS template literal. */
  COMMANDS: '{{kode_akses}} {{FOR x IN peserta}} +++INS 1+++ ${process.env}',
  FORMULA: '=IMPORTXML("http://contoh.invalid";"//a")',
  EMOJI: 'Asap 🏭 bau 😷 dan 👨‍👩‍👧',
  /** A right-to-left override the value leaves open. */
  RTL: `Nama ${BIDI.RLO}esrever`,
  /** Characters XML 1.0 forbids between the letters a … f. */
  CONTROL: 'a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf',
  LINES: 'baris satu\nbaris dua\n\nbaris empat',
} as const;

/**
 * The classic escape from a node:vm context (docx-templates' own sandbox): it reaches the real
 * process object and sets PENGADUAN_PWNED in its environment. Put after EXEC or ! in a template.
 */
export const SANDBOX_ESCAPE = 'this.constructor.constructor("return process")().env.PENGADUAN_PWNED = "1"';
