/**
 * Tests of core/dokumen/perintah.ts and core/dokumen/kontrak.ts: the small template language
 * (field names, FOR, IF, IMAGE and nothing else) checked against each template's contract, the
 * renderer's only evaluator (field paths through own properties), and the contract itself
 * (kinds of paths, the shape check of a view-model, the required fields).
 */
import { describe, expect, it } from 'vitest';
import { KONTRAK, TEMPLATE_FILE, TEMPLATE_OF, WAJIB, kindAt, shapeProblems, type Kind, type NamaTemplate, type Shape } from '../../core/dokumen/kontrak.js';
import { DELIMITERS, checkCommands, evaluatePath, type TemplateCommand } from '../../core/dokumen/perintah.js';
import { JENIS_DOKUMEN } from '../../sheets-schema/index.js';

const TEMPLATES = Object.keys(KONTRAK) as NamaTemplate[];
const shapeOf = (t: NamaTemplate): Shape => KONTRAK[t];

/** A command as docx-templates' listCommands returns it (`{{x}}` is INS with code `x`). */
const ins = (code: string): TemplateCommand => ({ type: 'INS', code, raw: code });
const c = (type: string, code = ''): TemplateCommand => ({ type, code, raw: `${type} ${code}`.trim() });
const forLoop = (name: string, list: string, body: TemplateCommand[] = []): TemplateCommand[] => [c('FOR', `${name} IN ${list}`), ...body, c('END-FOR', name)];

const isList = (k: Kind | undefined): k is { readonly daftar: Shape } => typeof k === 'object' && 'daftar' in k;
const firstText = (s: Shape): string => Object.entries(s).find(([, k]) => k === 'teks')?.[0] ?? 'no-text-field';

/** Every field of a shape used once: text inserted, flags in IF, images in IMAGE, lists looped. */
function everyCommand(shape: Shape, prefix = '', depth = 0): TemplateCommand[] {
  const out: TemplateCommand[] = [];
  for (const [field, kind] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${field}` : field;
    if (kind === 'teks') out.push(ins(path));
    else if (kind === 'benar') out.push(c('IF', path), ins(prefix ? `${prefix}.${firstText(shape)}` : 'nomor_registrasi'), c('END-IF'));
    else if (kind === 'gambar') out.push(c('IMAGE', path));
    else if ('daftar' in kind) out.push(...forLoop(`v${depth}`, path, everyCommand(kind.daftar, `$v${depth}`, depth + 1)));
    else out.push(...everyCommand(kind.objek, path, depth));
  }
  return out;
}

/** Every path a template using every field names, loop fields written as `peserta.nama`. */
function everyPath(shape: Shape, prefix = ''): string[] {
  const out: string[] = [];
  for (const [field, kind] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${field}` : field;
    if (typeof kind === 'string') out.push(path);
    else if ('daftar' in kind) out.push(path, ...everyPath(kind.daftar, path));
    else out.push(...everyPath(kind.objek, path));
  }
  return out;
}

/** The smallest valid template: its required fields, and one loop over a list (not `without`). */
function minimalCommands(t: NamaTemplate, without?: string): TemplateCommand[] {
  const shape = shapeOf(t);
  const out: TemplateCommand[] = [];
  for (const need of WAJIB[t]) {
    if (need === without) continue;
    const kind = kindAt(shape, need.split('.'));
    if (isList(kind)) out.push(...forLoop('p', need, [ins(`$p.${firstText(kind.daftar)}`)]));
    else out.push(ins(need));
  }
  const [list, kind] = Object.entries(shape).find(([f, k]) => f !== without && isList(k)) ?? [];
  if (list && isList(kind)) out.push(...forLoop('baris', list, [ins(`$baris.${firstText(kind.daftar)}`)]));
  return out;
}

describe('checkCommands accepts a valid template', () => {
  it.each(TEMPLATES)('%s: its required fields and a loop', (t) => {
    const commands = minimalCommands(t);
    expect(commands.some((x) => x.type === 'FOR')).toBe(true);
    const { problems, used } = checkCommands(t, commands);
    expect(problems).toEqual([]);
    for (const need of WAJIB[t]) expect([...used].some((u) => u === need || u.startsWith(`${need}.`))).toBe(true);
  });

  it.each(TEMPLATES)('%s: every field of its contract, and `used` names them all', (t) => {
    const { problems, used } = checkCommands(t, everyCommand(shapeOf(t)));
    expect(problems).toEqual([]);
    expect([...used].sort()).toEqual(everyPath(shapeOf(t)).sort());
  });

  it('writes loop fields in `used` as list.field', () => {
    const { problems, used } = checkCommands('berita_acara', [
      ...minimalCommands('berita_acara'),
      ...forLoop('p', 'peserta', [ins('$p.nama'), ins('$p.ttd_kiri')]),
      ...forLoop('t', 'tindak_lanjut', [ins('$t.uraian')]),
    ]);
    expect(problems).toEqual([]);
    expect(used.has('peserta')).toBe(true);
    expect(used.has('peserta.nama')).toBe(true);
    expect(used.has('peserta.ttd_kiri')).toBe(true);
    expect(used.has('tindak_lanjut.uraian')).toBe(true);
    expect([...used].some((u) => u.startsWith('$'))).toBe(false);
  });

  it('accepts the usual spellings: lower-case keywords, spaces around the code, nested loops of the same name', () => {
    const commands: TemplateCommand[] = [
      ...minimalCommands('berita_acara'),
      { type: 'ins', code: ' nomor_registrasi ', raw: ' nomor_registrasi ' },
      { type: 'for', code: 'x in paraf', raw: 'for x in paraf' },
      ins('$x.jabatan'),
      { type: 'end-for', code: ' x ', raw: 'end-for x' },
      c('IF', ' kop.ada_logo '),
      c('IMAGE', 'kop.logo'),
      c('END-IF'),
    ];
    expect(checkCommands('berita_acara', commands).problems).toEqual([]);
  });

  it('uses the {{ }} delimiters', () => {
    expect(DELIMITERS).toEqual(['{{', '}}']);
  });
});

describe('checkCommands refuses', () => {
  /** [what, template, commands added to a valid template, the one problem expected]. */
  const cases: [string, NamaTemplate, TemplateCommand[], RegExp][] = [
    ['an unknown field, naming it', 'tanda_terima', [ins('pelapor.umur')], /isian "pelapor\.umur" tidak ada pada tanda terima/],
    ['an unknown top-level field', 'berita_acara', [ins('nomor_ba')], /isian "nomor_ba" tidak ada pada berita acara/],
    ['a field of another template', 'lembar_disposisi', [ins('ringkasan')], /isian "ringkasan" tidak ada/],
    ['a path through text', 'tanda_terima', [ins('pelapor.nama.length')], /isian "pelapor\.nama\.length" tidak ada/],
    ['a path through a list', 'berita_acara', [ins('peserta.nama')], /isian "peserta\.nama" tidak ada/],
    ['`constructor`', 'tanda_terima', [ins('constructor')], /isian "constructor" tidak ada/],
    ['`__proto__`', 'tanda_terima', [ins('__proto__')], /isian "__proto__" tidak ada/],
    ['`toString`', 'tanda_terima', [ins('pelapor.toString')], /isian "pelapor\.toString" tidak ada/],
    ['`hasOwnProperty`', 'tanda_terima', [ins('hasOwnProperty')], /isian "hasOwnProperty" tidak ada/],
    ['a method call', 'tanda_terima', [ins('pelapor.nama.toUpperCase()')], /bukan ungkapan atau kode/],
    ['an operator', 'tanda_terima', [ins('a + b')], /bukan ungkapan atau kode/],
    ['string concatenation of fields', 'tanda_terima', [ins('nomor_registrasi+kode_akses')], /bukan ungkapan atau kode/],
    ['process.exit()', 'tanda_terima', [ins('process.exit()')], /bukan ungkapan atau kode/],
    ['the constructor escape', 'tanda_terima', [ins("constructor.constructor('return process')()")], /bukan ungkapan atau kode/],
    ['bracket access', 'berita_acara', forLoop('p', 'peserta', [ins("$p['nama']")]), /bukan ungkapan atau kode/],
    ['a template literal', 'tanda_terima', [ins('`x`')], /bukan ungkapan atau kode/],
    ['an empty command', 'tanda_terima', [ins('')], /bukan ungkapan atau kode/],
    ['a blank command', 'tanda_terima', [ins('   ')], /bukan ungkapan atau kode/],
    ['a number index', 'berita_acara', [ins('peserta.0.nama')], /bukan ungkapan atau kode/],
    ['a dangling dot', 'tanda_terima', [ins('pelapor.')], /bukan ungkapan atau kode/],
    ['two statements', 'tanda_terima', [ins('nomor_registrasi; process.exit()')], /bukan ungkapan atau kode/],
    ['a path with a newline after it', 'tanda_terima', [ins('nomor_registrasi\nprocess')], /bukan ungkapan atau kode/],
    ['a non-ASCII look-alike name', 'tanda_terima', [ins('nomor_registrasі')], /bukan ungkapan atau kode/],
    ['EXEC ({{!x}})', 'tanda_terima', [c('EXEC', 'x')], /perintah EXEC tidak diizinkan; yang boleh: isian, FOR, IF, IMAGE/],
    ['EXEC of a field', 'tanda_terima', [c('EXEC', 'nomor_registrasi')], /perintah EXEC tidak diizinkan/],
    ['HTML', 'tanda_terima', [c('HTML', 'pelapor.nama')], /perintah HTML tidak diizinkan/],
    ['LINK', 'tanda_terima', [c('LINK', 'pelapor.email')], /perintah LINK tidak diizinkan/],
    ['ALIAS', 'tanda_terima', [c('ALIAS', 'n pelapor.nama')], /perintah ALIAS tidak diizinkan/],
    ['QUERY', 'tanda_terima', [c('QUERY', 'x')], /perintah QUERY tidak diizinkan/],
    ['a lower-case exec', 'tanda_terima', [c('exec', 'x')], /perintah EXEC tidak diizinkan/],
    ['INS of a list', 'berita_acara', [ins('peserta')], /"peserta" berisi daftar, bukan teks/],
    ['INS of a yes/no field', 'berita_acara', [ins('draf')], /"draf" berisi ya\/tidak, bukan teks/],
    ['INS of a group', 'tanda_terima', [ins('pelapor')], /"pelapor" berisi kelompok isian, bukan teks/],
    ['INS of the logo', 'tanda_terima', [ins('kop.logo')], /"kop\.logo" berisi gambar, bukan teks/],
    ['IF on text', 'tanda_terima', [c('IF', 'nomor_lapor'), c('END-IF')], /"nomor_lapor" berisi teks, bukan ya\/tidak/],
    ['IF on a list', 'berita_acara', [c('IF', 'tindak_lanjut'), c('END-IF')], /"tindak_lanjut" berisi daftar, bukan ya\/tidak/],
    ['IF on an expression', 'berita_acara', [c('IF', 'peserta.length > 0'), c('END-IF')], /bukan ungkapan atau kode/],
    ['IMAGE of text', 'tanda_terima', [c('IMAGE', 'pelapor.nama')], /"pelapor\.nama" berisi teks, bukan gambar/],
    ['IMAGE of a call', 'tanda_terima', [c('IMAGE', 'fetchImage()')], /bukan ungkapan atau kode/],
    ['FOR over text', 'tanda_terima', forLoop('p', 'nomor_registrasi'), /"nomor_registrasi" bukan daftar/],
    ['FOR over a group', 'tanda_terima', forLoop('p', 'pelapor'), /"pelapor" bukan daftar/],
    ['FOR over an unknown field', 'tanda_terima', forLoop('p', 'lampiran'), /isian "lampiran" tidak ada/],
    ['FOR over an expression', 'berita_acara', forLoop('p', 'peserta.slice(1)'), /bukan ungkapan atau kode/],
    ['FOR without IN', 'berita_acara', [c('FOR', 'peserta'), c('END-FOR', '?')], /tulis \{\{FOR nama IN daftar\}\}/],
    ['a loop variable outside its loop', 'berita_acara', [ins('$p.nama')], /\$p dipakai di luar \{\{FOR p IN …\}\}/],
    ['a loop variable after its loop ended', 'berita_acara', [...forLoop('p', 'peserta', [ins('$p.nama')]), ins('$p.nama')], /\$p dipakai di luar/],
    ['a loop variable of another name', 'berita_acara', forLoop('p', 'peserta', [ins('$q.nama')]), /\$q dipakai di luar \{\{FOR q IN …\}\}/],
    ['a loop variable without a field', 'berita_acara', forLoop('p', 'peserta', [ins('$p')]), /sebutkan isian dari \$p, misalnya \$p\.nama/],
    ['an unknown item field', 'berita_acara', forLoop('p', 'peserta', [ins('$p.jabatan')]), /isian "\$p\.jabatan" tidak ada pada berita acara/],
    ['a root field through the loop variable', 'berita_acara', forLoop('p', 'peserta', [ins('$p.nomor')]), /isian "\$p\.nomor" tidak ada/],
    ['`constructor` of an item', 'berita_acara', forLoop('p', 'peserta', [ins('$p.constructor')]), /isian "\$p\.constructor" tidak ada/],
    ['an unclosed FOR', 'berita_acara', [c('FOR', 'p IN peserta'), ins('$p.nama')], /\{\{FOR p IN …\}\} tidak ditutup dengan \{\{END-FOR p\}\}/],
    ['an END-FOR without FOR', 'berita_acara', [c('END-FOR', 'p')], /\{\{END-FOR p\}\}: tidak cocok dengan FOR mana pun/],
    ['an END-FOR with the wrong name', 'berita_acara', [c('FOR', 'p IN peserta'), c('END-FOR', 'q')], /\{\{END-FOR q\}\}: tidak cocok dengan \{\{FOR p IN …\}\}/],
    ['an END-FOR closing an IF', 'berita_acara', [c('IF', 'draf'), c('END-FOR', 'p')], /tidak cocok dengan \{\{IF …\}\}/],
    ['an unclosed IF', 'berita_acara', [c('IF', 'draf'), ins('tanda_draf')], /\{\{IF …\}\} tidak ditutup dengan \{\{END-IF\}\}/],
    ['an END-IF without IF', 'berita_acara', [c('END-IF')], /\{\{END-IF\}\}: tidak cocok dengan IF mana pun/],
    ['an END-IF closing a FOR', 'berita_acara', [c('FOR', 'p IN peserta'), c('END-IF')], /tidak cocok dengan \{\{FOR p IN …\}\}/],
  ];

  it.each(cases)('%s (%s), with exactly one problem', (_what, t, extra, problem) => {
    const { problems } = checkCommands(t, [...minimalCommands(t), ...extra]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('quotes the command in the problem, shortened to 60 characters', () => {
    const long = `pelapor.nama + ${'x'.repeat(200)}`;
    const [problem] = checkCommands('tanda_terima', [...minimalCommands('tanda_terima'), ins(long)]).problems;
    expect(problem).toContain(`{{${long.slice(0, 60)}…}}`);
    expect(problem).not.toContain('x'.repeat(100));
  });

  it('reports one problem per bad command, in order', () => {
    const { problems } = checkCommands('tanda_terima', [...minimalCommands('tanda_terima'), c('EXEC', 'a'), ins('b()'), ins('pelapor.umur')]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/EXEC/);
    expect(problems[1]).toMatch(/\{\{b\(\)\}\}: hanya nama isian/);
    expect(problems[2]).toMatch(/pelapor\.umur/);
  });

  it('refuses a FOR whose variable would be an expression', () => {
    const { problems } = checkCommands('berita_acara', [...minimalCommands('berita_acara'), c('FOR', 'p.x IN peserta'), c('END-FOR', 'p.x')]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/tulis \{\{FOR nama IN daftar\}\}/);
  });
});

describe('checkCommands requires the fields of the SOP', () => {
  it.each(TEMPLATES.flatMap((t) => WAJIB[t].map((need) => [t, need] as const)))('%s without {{%s}} is reported', (t, need) => {
    const { problems } = checkCommands(t, minimalCommands(t, need));
    expect(problems).toEqual([`isian wajib {{${need}}} tidak ada di template`]);
  });

  it.each(TEMPLATES)('%s with no commands at all: every required field, one by one', (t) => {
    const { problems, used } = checkCommands(t, []);
    expect(problems).toEqual(WAJIB[t].map((need) => `isian wajib {{${need}}} tidak ada di template`));
    expect(used.size).toBe(0);
  });

  it('is not satisfied by a sibling field or a field with the same prefix', () => {
    const commands = minimalCommands('lembar_disposisi', 'kepala.nama');
    expect(checkCommands('lembar_disposisi', [...commands, ins('kepala.jabatan'), ins('kepala.nip')]).problems).toEqual([
      'isian wajib {{kepala.nama}} tidak ada di template',
    ]);
    const ba = minimalCommands('berita_acara', 'nomor');
    expect(checkCommands('berita_acara', [...ba, ins('nomor_registrasi')]).problems).toEqual(['isian wajib {{nomor}} tidak ada di template']);
  });

  it('is satisfied by a list used only in a loop', () => {
    const commands = [...minimalCommands('berita_acara', 'peserta'), ...forLoop('orang', 'peserta', [ins('$orang.instansi')])];
    expect(checkCommands('berita_acara', commands).problems).toEqual([]);
  });
});

describe('evaluatePath', () => {
  const scope = {
    nomor: 'PGD-2026-0042',
    pelapor: { nama: 'Hj. Asmawati', kosong: '', tidak: false, nol: 0, nihil: null },
    kop: { logo: null, ada_logo: false },
    peserta: [{ nama: 'A' }],
    $p: { nama: 'Peserta 1', instansi: 'DLH' },
    $baris_2: { no: '2.' },
  };

  it.each<[string, unknown]>([
    ['nomor', 'PGD-2026-0042'],
    ['pelapor.nama', 'Hj. Asmawati'],
    ['  pelapor.nama  ', 'Hj. Asmawati'],
    ['pelapor.kosong', ''],
    ['pelapor.tidak', false],
    ['pelapor.nol', 0],
    ['pelapor.nihil', null],
    ['kop.logo', null],
    ['kop.ada_logo', false],
    ['$p.nama', 'Peserta 1'],
    ['$p.instansi', 'DLH'],
    ['$baris_2.no', '2.'],
  ])('resolves %s', (code, expected) => {
    expect(evaluatePath(scope, code)).toBe(expected);
  });

  it('resolves to objects and lists themselves', () => {
    expect(evaluatePath(scope, 'pelapor')).toBe(scope.pelapor);
    expect(evaluatePath(scope, 'peserta')).toBe(scope.peserta);
    expect(evaluatePath(scope, '$p')).toBe(scope.$p);
  });

  it.each([
    'tidak_ada',
    'pelapor.umur',
    'pelapor.nama.panjang',
    'pelapor.nihil.x',
    'kop.logo.data',
    '$q.nama',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'pelapor.constructor',
    'pelapor.__proto__',
    'pelapor.nama.constructor',
    'pelapor.nama.toString',
    'peserta.constructor',
    'peserta.map',
    '$p.constructor',
    '$p.__proto__',
  ])('gives undefined for %s (missing or not an own property)', (code) => {
    expect(evaluatePath(scope, code)).toBeUndefined();
  });

  it('finds nothing inherited even through a prototype that has the name', () => {
    const inherited = Object.create({ rahasia: 'x' }) as Record<string, unknown>;
    expect(evaluatePath({ a: inherited }, 'a.rahasia')).toBeUndefined();
    expect(evaluatePath(Object.create({ rahasia: 'x' }) as Record<string, unknown>, 'rahasia')).toBeUndefined();
  });

  it.each([
    'a + b',
    'pelapor.nama.toUpperCase()',
    'process.exit()',
    "constructor.constructor('return process')()",
    "$p['nama']",
    '`x`',
    '',
    '   ',
    'a..b',
    '.a',
    'a.',
    '1a',
    'peserta.0',
    'a-b',
    '$',
    '$$p.nama',
    'a.$p',
    'a\nb',
  ])('throws on %j, which is not a field path', (code) => {
    expect(() => evaluatePath(scope, code)).toThrow(/bukan nama isian/);
  });

  it('shortens a long non-path in its error to 60 characters', () => {
    const code = `x(${'y'.repeat(500)})`;
    expect(() => evaluatePath(scope, code)).toThrow(new Error(`bukan nama isian: ${code.slice(0, 60)}`));
  });

  it('resolves against a scope without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { nomor: 'X' });
    expect(evaluatePath(bare, 'nomor')).toBe('X');
    expect(evaluatePath(bare, 'toString')).toBeUndefined();
  });
});

describe('kindAt', () => {
  const tt = shapeOf('tanda_terima');
  const ba = shapeOf('berita_acara');

  it.each<[string, Shape, string[], Kind | undefined]>([
    ['a text field', tt, ['nomor_registrasi'], 'teks'],
    ['a nested text field', tt, ['pelapor', 'nama'], 'teks'],
    ['a yes/no field', tt, ['elektronik'], 'benar'],
    ['the logo', tt, ['kop', 'logo'], 'gambar'],
    ['a nested yes/no field', tt, ['kop', 'ada_logo'], 'benar'],
    ['a missing field', tt, ['lampiran'], undefined],
    ['a missing nested field', tt, ['pelapor', 'umur'], undefined],
    ['a path through text', tt, ['pelapor', 'nama', 'x'], undefined],
    ['a path through a list', ba, ['peserta', 'nama'], undefined],
    ['a path through the logo', tt, ['kop', 'logo', 'data'], undefined],
    ['constructor', tt, ['constructor'], undefined],
    ['__proto__', tt, ['__proto__'], undefined],
    ['toString', tt, ['pelapor', 'toString'], undefined],
    ['hasOwnProperty', tt, ['hasOwnProperty'], undefined],
    ['an empty part', tt, [''], undefined],
  ])('%s', (_what, shape, path, expected) => {
    expect(kindAt(shape, path)).toEqual(expected);
  });

  it('gives groups and lists as their kinds', () => {
    expect(kindAt(tt, ['pelapor'])).toBe(tt.pelapor);
    expect(kindAt(ba, ['peserta'])).toEqual({ daftar: { no: 'teks', nama: 'teks', instansi: 'teks', ttd_kiri: 'teks', ttd_kanan: 'teks' } });
    expect(kindAt(ba, [])).toEqual({ objek: ba });
  });

  it.each(TEMPLATES.flatMap((t) => WAJIB[t].map((need) => [t, need] as const)))('%s: the required path %s is in its contract, as text or a list', (t, need) => {
    const kind = kindAt(shapeOf(t), need.split('.'));
    expect(kind).toBeDefined();
    expect(kind === 'teks' || isList(kind)).toBe(true);
  });
});

describe('the contract', () => {
  it('has a template for every document, and a .docx file for every template', () => {
    expect(Object.keys(TEMPLATE_OF).sort()).toEqual([...JENIS_DOKUMEN].sort());
    for (const j of JENIS_DOKUMEN) expect(TEMPLATES).toContain(TEMPLATE_OF[j]);
    expect(TEMPLATE_OF.berita_acara_draf).toBe('berita_acara');
    expect(Object.keys(TEMPLATE_FILE).sort()).toEqual([...TEMPLATES].sort());
    for (const t of TEMPLATES) expect(TEMPLATE_FILE[t]).toMatch(/^[a-z-]+\.docx$/);
    expect(new Set(Object.values(TEMPLATE_FILE)).size).toBe(TEMPLATES.length);
  });

  it('names every field as a template can write it', () => {
    const bad = TEMPLATES.flatMap((t) => everyPath(shapeOf(t)).filter((p) => !/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/.test(p)));
    expect(bad).toEqual([]);
  });

  it('requires each field at most once', () => {
    for (const t of TEMPLATES) expect(new Set(WAJIB[t]).size).toBe(WAJIB[t].length);
  });
});

/** A view that conforms to a shape: empty text, false, no image, one item per list. */
function sampleOf(shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(shape)) {
    if (kind === 'teks') out[field] = '';
    else if (kind === 'benar') out[field] = false;
    else if (kind === 'gambar') out[field] = null;
    else if ('daftar' in kind) out[field] = [sampleOf(kind.daftar)];
    else out[field] = sampleOf(kind.objek);
  }
  return out;
}

describe('shapeProblems', () => {
  const SMALL: Shape = {
    nomor: 'teks',
    final: 'benar',
    logo: 'gambar',
    pelapor: { objek: { nama: 'teks', nik: 'teks' } },
    peserta: { daftar: { no: 'teks', nama: 'teks' } },
  };
  const valid = (): Record<string, unknown> => ({
    nomor: 'PGD-2026-0042',
    final: true,
    logo: null,
    pelapor: { nama: 'A', nik: '-' },
    peserta: [
      { no: '1.', nama: 'A' },
      { no: '2.', nama: 'B' },
    ],
  });
  const gambar = { width: 2, height: 2, data: new Uint8Array([1, 2]), extension: '.png' };

  it.each(TEMPLATES)('finds nothing wrong with a conforming %s view', (t) => {
    expect(shapeProblems(sampleOf(shapeOf(t)), shapeOf(t))).toEqual([]);
  });

  it('finds nothing wrong with a valid view, an image, or empty lists', () => {
    expect(shapeProblems(valid(), SMALL)).toEqual([]);
    expect(shapeProblems({ ...valid(), logo: gambar }, SMALL)).toEqual([]);
    expect(shapeProblems({ ...valid(), peserta: [] }, SMALL)).toEqual([]);
  });

  it.each<[string, (v: Record<string, unknown>) => unknown, string[]]>([
    ['undefined for text', (v) => ({ ...v, nomor: undefined }), ['nomor: harus teks']],
    ['a field deleted', (v) => { delete v.nomor; return v; }, ['nomor: tidak ada']],
    ['a nested field deleted', (v) => ({ ...v, pelapor: { nama: 'A' } }), ['pelapor.nik: tidak ada']],
    ['an extra field', (v) => ({ ...v, nomor_ba: 'x' }), ['nomor_ba: tidak ada di kontrak']],
    ['an extra nested field', (v) => ({ ...v, pelapor: { nama: 'A', nik: '-', umur: '40' } }), ['pelapor.umur: tidak ada di kontrak']],
    ['a number for text', (v) => ({ ...v, nomor: 42 }), ['nomor: harus teks']],
    ['null for text', (v) => ({ ...v, nomor: null }), ['nomor: harus teks']],
    ['text for yes/no', (v) => ({ ...v, final: 'ya' }), ['final: harus ya/tidak']],
    ['a number for yes/no', (v) => ({ ...v, final: 1 }), ['final: harus ya/tidak']],
    ['text for an image', (v) => ({ ...v, logo: 'logo.png' }), ['logo: harus gambar atau kosong']],
    ['an image without bytes', (v) => ({ ...v, logo: { width: 1, height: 1, data: [1, 2], extension: '.png' } }), ['logo: harus gambar atau kosong']],
    ['an object for a list', (v) => ({ ...v, peserta: { no: '1.', nama: 'A' } }), ['peserta: harus daftar']],
    ['text for a list', (v) => ({ ...v, peserta: 'A, B' }), ['peserta: harus daftar']],
    ['null for a group', (v) => ({ ...v, pelapor: null }), ['pelapor: bukan objek']],
    ['a list for a group', (v) => ({ ...v, pelapor: ['A'] }), ['pelapor: bukan objek']],
    ['text for a group', (v) => ({ ...v, pelapor: 'A' }), ['pelapor: bukan objek']],
    [
      'list item problems, with index paths',
      (v) => ({ ...v, peserta: [{ no: '1.', nama: 'A' }, { no: '2.', nama: 7 }, 'C', { no: '4.' }, { no: '5.', nama: 'E', ttd: 'x' }] }),
      ['peserta[1].nama: harus teks', 'peserta[2]: bukan objek', 'peserta[3].nama: tidak ada', 'peserta[4].ttd: tidak ada di kontrak'],
    ],
  ])('reports %s', (_what, change, expected) => {
    expect(shapeProblems(change(valid()), SMALL)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const problems = shapeProblems({ final: 'x', logo: null, pelapor: {}, peserta: [], lain: 1 }, SMALL);
    expect(problems.sort()).toEqual(['final: harus ya/tidak', 'lain: tidak ada di kontrak', 'nomor: tidak ada', 'pelapor.nama: tidak ada', 'pelapor.nik: tidak ada'].sort());
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a list', []],
    ['text', 'view'],
    ['undefined', undefined],
  ])('refuses %s as a whole view', (_what, value) => {
    expect(shapeProblems(value, SMALL)).toEqual(['data: bukan objek']);
  });

  it('reports a field inherited from a prototype as missing, not present', () => {
    const v = Object.assign(Object.create({ nomor: 'dari prototipe' }) as Record<string, unknown>, valid());
    delete v.nomor;
    expect(shapeProblems(v, SMALL)).toEqual(['nomor: tidak ada']);
  });

  it('checks a real template shape in depth', () => {
    const view = sampleOf(shapeOf('berita_acara'));
    (view.peserta as Record<string, unknown>[]).push({ no: '2.', nama: 'B', instansi: '', ttd_kiri: '', ttd_kanan: 2 });
    (view.kepala as Record<string, unknown>).nip = undefined;
    expect(shapeProblems(view, shapeOf('berita_acara'))).toEqual(['peserta[1].ttd_kanan: harus teks', 'kepala.nip: harus teks']);
  });
});
