/**
 * Tests of core/text.ts: what cleaning untrusted text removes (control characters, XML
 * non-characters, lone surrogates, Windows line ends) and what it must keep exactly (emoji,
 * right-to-left marks, formulas and markup as literal text, the line breaks of long text).
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../core/text.js';

const multi = (s: string): string => cleanText(s, { multiline: true });
const single = (s: string): string => cleanText(s, { multiline: false });

describe('cleanText on any field', () => {
  it.each<[string, string, string]>([
    ['NUL, BEL and ESC', 'a\u0000b\u0007c\u001bd', 'abcd'],
    ['vertical tab and form feed', 'a\u000Bb\u000Cc', 'abc'],
    ['DEL and C1 controls (NEL, CSI)', 'a\u007Fb\u0085c\u009Bd', 'abcd'],
    ['the XML non-characters U+FFFE and U+FFFF', 'a\uFFFEb\uFFFFc', 'abc'],
    ['a lone high surrogate', 'a\uD800b', 'ab'],
    ['a lone low surrogate', 'a\uDC00b', 'ab'],
    ['a reversed surrogate pair', 'a\uDE00\uD83Db', 'ab'],
  ])('removes %s', (_what, input, expected) => {
    expect(multi(input)).toBe(expected);
    expect(single(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['emoji, with skin tone, ZWJ sequence and flag', 'Terima kasih 😀👩🏽‍💻🇮🇩'],
    ['right-to-left mark and override', 'a\u200Fb\u202Ec\u202Cd'],
    ['zero-width joiner and non-joiner', 'a\u200Db\u200Cc'],
    ['Arabic and Jawi script', 'مرحبا ڤاياكومبوه'],
    ['a formula', '=HYPERLINK("http://x","klik")'],
    ['template commands', '{{nama}} +++INS nama+++'],
    ['an XML fragment', '||<w:p><w:r><w:t>x</w:t></w:r></w:p>||'],
    ['a script tag and entities', '<script>alert(1)</script> &amp; &lt;'],
  ])('keeps %s exactly', (_what, input) => {
    expect(multi(input)).toBe(input);
    expect(single(input)).toBe(input);
  });

  it('composes to NFC, so the same word is stored the same way however it was typed', () => {
    const decomposed = 'Pe\u0301ngaduan Cafe\u0301';
    expect(multi(decomposed)).toBe('P\u00e9ngaduan Caf\u00e9');
    expect(multi(decomposed)).toBe(multi('P\u00e9ngaduan Caf\u00e9'));
  });

  it('trims surrounding whitespace', () => {
    expect(multi('  \n isi \n\n ')).toBe('isi');
    expect(single('\t nama \r\n')).toBe('nama');
  });

  it('returns an empty string for text made only of controls and spaces', () => {
    expect(single(' \u0000\u0007 \u001b ')).toBe('');
  });
});

describe('cleanText on long text (multiline)', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(multi('baris 1\r\nbaris 2\rbaris 3\nbaris 4')).toBe('baris 1\nbaris 2\nbaris 3\nbaris 4');
  });

  it('keeps tabs and single blank lines, drops spaces before a line break', () => {
    expect(multi('a\tb  \nc \t\n\nd')).toBe('a\tb\nc\n\nd');
  });

  it('keeps up to two blank lines in a row and folds more', () => {
    expect(multi('a\n\n\nb')).toBe('a\n\n\nb');
    expect(multi('a\r\n\r\n\r\n\r\n\r\n\r\nb')).toBe('a\n\n\nb');
  });

  it('does not fold a break that only controls separate', () => {
    expect(multi('a\n\u0000\n\u0007\nb')).toBe('a\n\n\nb');
  });
});

describe('cleanText on a single-line field', () => {
  it('folds line breaks and tabs into one space', () => {
    expect(single('Jl. Sudirman\r\nNo. 5\tPayakumbuh')).toBe('Jl. Sudirman No. 5 Payakumbuh');
  });

  it('collapses runs of spaces left by folding', () => {
    expect(single('a \r\n\r\n  b   c')).toBe('a b c');
  });
});



