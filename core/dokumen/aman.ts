/**
 * Makes a view-model safe to put into a document, whatever a citizen typed. docx-templates
 * escapes `&`, `<` and `>`; what it does not handle is done here, once, for every string:
 * characters that are invalid in XML (they would make Word refuse the file) are removed, and
 * bidirectional controls (right-to-left overrides and isolates) are closed at the end of each
 * value, so that a stray U+202E in a name cannot reverse the template text that follows it.
 * Everything else stays literally as typed: template commands, XML fragments, formulas, emoji.
 */
import { FORBIDDEN } from '../text.js';

const EMBEDDING_OPEN = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const EMBEDDING_CLOSE = '\u202C';
const ISOLATE_OPEN = new Set(['\u2066', '\u2067', '\u2068']);
const ISOLATE_CLOSE = '\u2069';
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Closes every bidi embedding, override and isolate a value leaves open, innermost first, as the
 * Unicode bidi algorithm (UAX #9, X6a–X7) pairs them: a PDF closes the innermost embedding only
 * when no isolate is open inside it, and a PDI closes its isolate with everything opened within.
 */
export function closeBidi(s: string): string {
  if (!BIDI.test(s)) return s;
  const open: ('e' | 'i')[] = [];
  for (const ch of s) {
    if (EMBEDDING_OPEN.has(ch)) open.push('e');
    else if (ISOLATE_OPEN.has(ch)) open.push('i');
    else if (ch === EMBEDDING_CLOSE) {
      if (open[open.length - 1] === 'e') open.pop();
    } else if (ch === ISOLATE_CLOSE) {
      const at = open.lastIndexOf('i');
      if (at >= 0) open.length = at;
    }
  }
  return s + open.reverse().map((k) => (k === 'e' ? EMBEDDING_CLOSE : ISOLATE_CLOSE)).join('');
}

export function safeText(s: string): string {
  return closeBidi(s.replace(/\r\n?/g, '\n').replace(FORBIDDEN, ''));
}

/** A copy of the view with every string made safe; other values (numbers, images) untouched. */
export function safeView<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => safeView(v)) as T;
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = safeView(v);
  return out as T;
}
