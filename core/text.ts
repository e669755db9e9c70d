/**
 * Untrusted text: what a citizen or a staff member typed. It is cleaned of what can never be
 * meant (control characters, characters that are invalid in XML and so would break a .docx, lone
 * surrogates, Windows line ends) and otherwise kept exactly: formulas, template commands and XML
 * fragments stay literal text, because every writer (the sheet with RAW values, the workbook's
 * string cells, the documents' escaped runs) writes it as text. Nothing is "escaped" here, so
 * nothing is double-escaped later.
 */

/** C0 controls except TAB and LF, DEL, C1 controls, lone surrogates, and the XML non-characters. */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cleans one piece of text. Single-line fields also fold line breaks and tabs into spaces. */
export function cleanText(value: string, opts: { multiline: boolean }): string {
  let s = value.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').normalize('NFC');
  if (!opts.multiline) s = s.replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ');
  else s = s.replace(/[ \t]+\n/g, '\n').replace(/\n{4,}/g, '\n\n\n');
  return s.trim();
}
