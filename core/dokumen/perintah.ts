/**
 * The template language and its check. Templates are edited by staff in Word, LibreOffice or
 * Google Docs, so they are untrusted code as far as the renderer is concerned: docx-templates
 * would run any JavaScript written between the delimiters. Here a template may only name fields
 * of its contract (kontrak.ts); `checkCommands` refuses anything else before a template is used,
 * and `evaluatePath` (the renderer's only evaluator) resolves a field path and nothing more.
 */
import { kindAt, KONTRAK, WAJIB, type Kind, type NamaTemplate, type Shape } from './kontrak.js';

/** The delimiters of a command in a template: `{{pelapor.nama}}`. */
export const DELIMITERS: [string, string] = ['{{', '}}'];

/** A command as docx-templates lists it: `{{pelapor.nama}}` is `{ type: 'INS', code: 'pelapor.nama' }`. */
export interface TemplateCommand {
  readonly type: string;
  readonly code: string;
  readonly raw: string;
}

const PATH = /^\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const FOR = /^([A-Za-z_][A-Za-z0-9_]*)\s+IN\s+(\S+)$/i;
const ALLOWED = ['INS', 'FOR', 'END-FOR', 'IF', 'END-IF', 'IMAGE'] as const;

const KIND_NAME = (k: Kind): string =>
  typeof k === 'string' ? { teks: 'teks', benar: 'ya/tidak', gambar: 'gambar' }[k] : 'daftar' in k ? 'daftar' : 'kelompok isian';

export interface CheckResult {
  readonly problems: string[];
  /** Field paths the template uses, loop fields written as `peserta.nama`. */
  readonly used: ReadonlySet<string>;
}

/** Checks a template's commands against its contract. Problems are Indonesian, one per command. */
export function checkCommands(template: NamaTemplate, commands: readonly TemplateCommand[]): CheckResult {
  const root: Shape = KONTRAK[template];
  const problems: string[] = [];
  const used = new Set<string>();
  const stack: ({ type: 'FOR'; name: string; path: string; item: Shape } | { type: 'IF' })[] = [];
  const show = (c: TemplateCommand): string => `{{${c.raw.length > 60 ? `${c.raw.slice(0, 60)}…` : c.raw}}}`;

  /** Resolves a path to [kind, full path] using the loops currently open. */
  const resolve = (c: TemplateCommand, code: string): [Kind, string] | undefined => {
    if (!PATH.test(code)) {
      problems.push(`${show(c)}: hanya nama isian yang boleh ditulis (misalnya {{pelapor.nama}}), bukan ungkapan atau kode`);
      return undefined;
    }
    const parts = code.split('.');
    let shape = root;
    let prefix = '';
    if (code.startsWith('$')) {
      const name = (parts.shift() ?? '').slice(1);
      const loop = [...stack].reverse().find((s) => s.type === 'FOR' && s.name === name);
      if (!loop || loop.type !== 'FOR') {
        problems.push(`${show(c)}: $${name} dipakai di luar {{FOR ${name} IN …}}`);
        return undefined;
      }
      shape = loop.item;
      prefix = `${loop.path}.`;
      if (parts.length === 0) {
        problems.push(`${show(c)}: sebutkan isian dari $${name}, misalnya $${name}.nama`);
        return undefined;
      }
    }
    const kind = kindAt(shape, parts);
    if (kind === undefined) {
      problems.push(`${show(c)}: isian "${code}" tidak ada pada ${template.replace(/_/g, ' ')} (lihat templates/README.md)`);
      return undefined;
    }
    const full = prefix + parts.join('.');
    used.add(full);
    return [kind, full];
  };

  for (const c of commands) {
    const type = c.type.toUpperCase();
    const code = c.code.trim();
    if (!(ALLOWED as readonly string[]).includes(type)) {
      problems.push(`${show(c)}: perintah ${type} tidak diizinkan; yang boleh: isian, FOR, IF, IMAGE`);
      continue;
    }
    if (type === 'INS' || type === 'IMAGE' || type === 'IF') {
      const hit = resolve(c, code);
      if (!hit) {
        if (type === 'IF') stack.push({ type: 'IF' });
        continue;
      }
      const want = type === 'INS' ? 'teks' : type === 'IMAGE' ? 'gambar' : 'benar';
      if (hit[0] !== want) problems.push(`${show(c)}: "${code}" berisi ${KIND_NAME(hit[0])}, bukan ${KIND_NAME(want)}`);
      if (type === 'IF') stack.push({ type: 'IF' });
    } else if (type === 'FOR') {
      const m = FOR.exec(code);
      const hit = m ? resolve(c, m[2] ?? '') : undefined;
      if (!m) problems.push(`${show(c)}: tulis {{FOR nama IN daftar}}`);
      const name = m?.[1] ?? '?';
      if (hit && (typeof hit[0] !== 'object' || !('daftar' in hit[0]))) {
        problems.push(`${show(c)}: "${m?.[2] ?? ''}" bukan daftar`);
        stack.push({ type: 'FOR', name, path: hit[1], item: {} });
      } else {
        const kind = hit?.[0];
        stack.push({ type: 'FOR', name, path: hit?.[1] ?? '?', item: kind && typeof kind === 'object' && 'daftar' in kind ? kind.daftar : {} });
      }
    } else if (type === 'END-FOR') {
      const top = stack.pop();
      if (!top || top.type !== 'FOR' || top.name !== code) {
        problems.push(`${show(c)}: tidak cocok dengan ${top ? (top.type === 'FOR' ? `{{FOR ${top.name} IN …}}` : '{{IF …}}') : 'FOR mana pun'}`);
      }
    } else {
      const top = stack.pop();
      if (!top || top.type !== 'IF') problems.push(`${show(c)}: tidak cocok dengan ${top ? `{{FOR ${top.type === 'FOR' ? top.name : ''} IN …}}` : 'IF mana pun'}`);
    }
  }
  for (const open of stack) problems.push(open.type === 'FOR' ? `{{FOR ${open.name} IN …}} tidak ditutup dengan {{END-FOR ${open.name}}}` : '{{IF …}} tidak ditutup dengan {{END-IF}}');
  for (const need of WAJIB[template]) {
    if (![...used].some((u) => u === need || u.startsWith(`${need}.`))) problems.push(`isian wajib {{${need}}} tidak ada di template`);
  }
  return { problems, used };
}

/**
 * The renderer's evaluator: resolves `pelapor.nama` or `$p.nama` against the data and the loop
 * variables, through own properties only (so `constructor` or `__proto__` name nothing).
 * Anything that is not a plain field path is refused.
 */
export function evaluatePath(scope: Readonly<Record<string, unknown>>, code: string): unknown {
  const path = code.trim();
  if (!PATH.test(path)) throw new Error(`bukan nama isian: ${path.slice(0, 60)}`);
  let v: unknown = scope;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
