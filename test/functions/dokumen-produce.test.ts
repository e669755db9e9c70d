/**
 * Producing the documents of a step on the real local register (a temporary .xlsx): a document
 * that cannot be made is reported in Indonesian and never undoes the step nor stops the other
 * documents; only produced documents get their link, written by the `dokumen` writer alone; one
 * session reads the history once; the Undangan keeps the date it was sent; and with the local
 * store staged in the transaction, a step that is not saved leaves no document behind.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { berkasColumn, JENIS_DOKUMEN, PERSYARATAN, type JenisDokumen, type Penulis, type TabKey } from '../../sheets-schema/index.js';
import { isPengaduanError, PengaduanError } from '../../core/errors.js';
import type { NamaTemplate } from '../../core/dokumen/kontrak.js';
import { dayFromIso, wibInstant } from '../../core/time.js';
import { WorkbookRegister, type Row } from '../../functions/register/workbook.js';
import { performAction, registerComplaints, seedDefaults, type ActionResult, type Clock, type RegisterTables, type TableLike } from '../../core/register.js';
import { SAMPLE_STAFF } from '../../functions/local/sample.js';
import { complaintRow, DocumentSession, produceDocuments, type DocumentSink, type ProduceDeps } from '../../functions/dokumen/produce.js';
import { LocalDocumentStore } from '../../functions/dokumen/local.js';
import { TemplateSource } from '../../functions/dokumen/render.js';
import { tempDir } from '../helpers/cli.js';
import { KEPALA, KOORDINATOR, participants, PETUGAS, SEKRETARIS, SUBKOOR } from '../helpers/dokumen-fixtures.js';
import { readDocx } from '../helpers/docx.js';
import { complaint, readBook, sheetOf } from '../helpers/wb-fixtures.js';
import { filesBelow, rejection } from '../helpers/files.js';

// The register's save and the store's commit go through node:fs/promises; a test can make the
// rename onto one path fail once (the register's atomic replace), as a full disk would.
const fsFault = vi.hoisted(() => ({ failRenameTo: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof actual.rename = async (from, to) => {
    if (fsFault.failRenameTo !== undefined && String(to) === fsFault.failRenameTo) {
      fsFault.failRenameTo = undefined;
      throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${String(from)}'`), { code: 'ENOSPC' });
    }
    return actual.rename(from, to);
  };
  return { ...actual, default: { ...actual, rename }, rename };
});

/** A WIB wall-clock instant, with fixed "randomness". */
const at = (iso: string, hh: number, mm = 0): Clock => ({ now: wibInstant(dayFromIso(iso), hh, mm), randomBytes: (n) => new Uint8Array(n).fill(9) });

const UNDANGAN = [
  { nama: 'Kepala Dinas Lingkungan Hidup', instansi: 'DLH Kota Payakumbuh', kelompok: 'opd_terkait' },
  { nama: 'Pemilik Peternakan Ayam Sumber Rezeki', instansi: '', kelompok: 'pemilik_usaha' },
];
const jadwal = (tanggal: string): Record<string, unknown> => ({ tanggal, jam: '09:00', tempat: 'Ruang Rapat DPMPTSP', agenda: 'Pembahasan pengaduan bau peternakan ayam', undangan: UNDANGAN });

/** The heavy path, in order: each step with who takes it, its inputs, and when. */
const HEAVY: readonly (readonly [aksi: string, email: string, inputs: unknown, clock: Clock])[] = [
  ['periksa', PETUGAS, { persyaratan: [...PERSYARATAN] }, at('2026-11-16', 9)],
  ['nilai', SUBKOOR, { kategori: 'berat', alasan: 'Dampak lingkungan; perlu tim teknis.' }, at('2026-11-16', 11)],
  ['disposisi', KEPALA, { disposisi: 'Koordinator segera rapatkan dengan DLH.' }, at('2026-11-17', 9)],
  ['perintah_undangan', KOORDINATOR, { instruksi: 'Undang DLH dan pemilik.' }, at('2026-11-17', 10)],
  ['kirim_undangan', SUBKOOR, jadwal('2026-11-19'), at('2026-11-17', 14)],
  [
    'catat_hasil_rapat',
    SUBKOOR,
    {
      hadir: participants(6),
      pembahasan: 'Pengelolaan kotoran belum memadai.',
      kesimpulan: 'Pemilik memperbaiki pengelolaan kotoran.',
      tindak_lanjut: [{ uraian: 'Memperbaiki pengelolaan kotoran', pelaksana: 'Pemilik', tenggat: '' }],
    },
    at('2026-11-19', 15),
  ],
  ['paraf_koordinator', KOORDINATOR, {}, at('2026-11-20', 9)],
  ['paraf_sekretaris', SEKRETARIS, {}, at('2026-11-20', 11)],
  ['tandatangani', KEPALA, {}, at('2026-11-23', 9)],
];
type Aksi = (typeof HEAVY)[number][0];

/**
 * Takes the heavy path's steps, from the one after `after` (or the first) up to and including
 * `until`; returns what the last step did.
 */
function walk(book: RegisterTables, nomor: string, until: Aksi, after?: Aksi): ActionResult {
  const start = after === undefined ? 0 : HEAVY.findIndex((s) => s[0] === after) + 1;
  const end = HEAVY.findIndex((s) => s[0] === until);
  if (end < start) throw new Error(`test: no step ${until} after ${after ?? 'the start'}`);
  let done: ActionResult | undefined;
  for (const [aksi, email, inputs, clock] of HEAVY.slice(start, end + 1)) done = performAction(book, nomor, aksi, email, inputs, clock);
  if (!done) throw new Error(`test: no step taken up to ${until}`);
  return done;
}

/** Stores documents in memory; can be told to fail for some types. */
class MemorySink implements DocumentSink {
  readonly saved: { nomor: string; jenis: JenisDokumen; bytes: Uint8Array }[] = [];
  constructor(private readonly fail: (jenis: JenisDokumen) => void = () => undefined) {}
  save(nomor: string, jenis: JenisDokumen, bytes: Uint8Array): Promise<string> {
    return Promise.resolve().then(() => {
      this.fail(jenis);
      this.saved.push({ nomor, jenis, bytes });
      return `memori/${nomor}/${jenis}.docx`;
    });
  }
  bytesOf(jenis: JenisDokumen): Uint8Array {
    const hit = this.saved.filter((s) => s.jenis === jenis).pop();
    if (!hit) throw new Error(`test: ${jenis} was not saved`);
    return hit.bytes;
  }
}

/** The shipped templates, except one that cannot be loaded. */
class TemplatesWithout extends TemplateSource {
  constructor(
    private readonly missing: NamaTemplate,
    private readonly reason: unknown,
  ) {
    super();
  }
  override load(name: NamaTemplate): ReturnType<TemplateSource['load']> {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a template source that rejects with anything
    if (name === this.missing) return Promise.reject(this.reason);
    return super.load(name);
  }
}

const TEMPLATES = new TemplateSource();
const depsOf = (sink: DocumentSink, now: number, over: Partial<ProduceDeps> = {}): ProduceDeps => ({
  templates: TEMPLATES,
  sink,
  now,
  logo: () => Promise.resolve({ logo: null }),
  ...over,
});

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
let reg: WorkbookRegister;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('pengaduan-dokproduce-'));
  file = path.join(dir, 'register.xlsx');
  reg = new WorkbookRegister(file);
  fsFault.failRenameTo = undefined;
});
afterEach(async () => {
  fsFault.failRenameTo = undefined;
  await cleanup();
});

/** A new register with the sample staff and one complaint by letter, taken up to `until`; returns its number. */
async function setup(until?: Aksi): Promise<string> {
  return reg.transaction(
    (book) => {
      const [r] = registerComplaints(book, [complaint()], PETUGAS, at('2026-11-16', 8));
      const nomor = r?.nomor ?? '';
      if (until) walk(book, nomor, until);
      return nomor;
    },
    {
      seed: (book) => {
        seedDefaults(book);
        for (const s of SAMPLE_STAFF) book.table('peran').append({ ...s, aktif: 'ya' }, ['admin']);
      },
    },
  );
}

const rowOf = (nomor: string): Promise<Row> => reg.transaction((book) => complaintRow(book, nomor).record as Row, { write: false });
const text = async (bytes: Uint8Array): Promise<string> => (await readDocx(bytes)).text;

describe('produceAll: a document that cannot be made is reported and never undoes the step', () => {
  const LONG = `Gagal ${'x'.repeat(1000)}`;
  const cases: { name: string; sink?: (jenis: JenisDokumen) => void; templates?: TemplateSource; error: string | RegExp }[] = [
    {
      name: 'the sink throws a PengaduanError',
      sink: (j) => {
        if (j === 'tanda_terima') throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', 'Dokumen tidak dapat disimpan di "x.docx" (ENOSPC).');
      },
      error: 'Tanda Terima Pengaduan Masyarakat belum dibuat: Dokumen tidak dapat disimpan di "x.docx" (ENOSPC).',
    },
    {
      name: 'the sink throws a plain Error',
      sink: (j) => {
        if (j === 'tanda_terima') throw new Error('ENOSPC: no space left on device');
      },
      error: 'Tanda Terima Pengaduan Masyarakat belum dibuat: kesalahan tak terduga (ENOSPC: no space left on device)',
    },
    {
      name: 'the sink throws something that is not an Error',
      sink: (j) => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a dependency that throws a string
        if (j === 'tanda_terima') throw 'disk rusak';
      },
      error: 'Tanda Terima Pengaduan Masyarakat belum dibuat: kesalahan tak terduga (disk rusak)',
    },
    {
      name: 'the sink throws an Error with a very long message (cut to 200 characters)',
      sink: (j) => {
        if (j === 'tanda_terima') throw new Error(LONG);
      },
      error: `Tanda Terima Pengaduan Masyarakat belum dibuat: kesalahan tak terduga (${LONG.slice(0, 200)})`,
    },
    {
      name: 'the template source rejects with a PengaduanError',
      templates: new TemplatesWithout('tanda_terima', new PengaduanError('BERKAS_TIDAK_DITEMUKAN', 'Template "/x/tanda-terima.docx" tidak ditemukan atau tidak dapat dibaca.')),
      error: 'Tanda Terima Pengaduan Masyarakat belum dibuat: Template "/x/tanda-terima.docx" tidak ditemukan atau tidak dapat dibaca.',
    },
    {
      name: 'the template source rejects with a plain value',
      templates: new TemplatesWithout('tanda_terima', 42),
      error: 'Tanda Terima Pengaduan Masyarakat belum dibuat: kesalahan tak terduga (42)',
    },
  ];

  it.each(cases)('$name: an Indonesian error naming the document; the other document is made; the step is saved', async ({ sink: fail, templates, error }) => {
    const nomor = await setup();
    const sink = new MemorySink(fail);
    const produced = await reg.transaction(async (book) => {
      const done = walk(book, nomor, 'periksa');
      expect(done.documents).toEqual(['tanda_terima', 'lembar_pengaduan']);
      return produceDocuments(book, nomor, done.documents, depsOf(sink, at('2026-11-16', 9).now, templates ? { templates } : {}));
    });
    expect(produced).toEqual([
      { jenis: 'tanda_terima', warnings: [], error },
      { jenis: 'lembar_pengaduan', link: `memori/${nomor}/lembar_pengaduan.docx`, warnings: [] },
    ]);
    expect(sink.saved.map((s) => s.jenis)).toEqual(['lembar_pengaduan']);
    expect(await text(sink.bytesOf('lembar_pengaduan'))).toContain(nomor);
    const row = await rowOf(nomor);
    expect(row.status).toBe('DIPERIKSA');
    expect(row.berkas_tanda_terima).toBe('');
    expect(row.berkas_lembar_pengaduan).toBe(`memori/${nomor}/lembar_pengaduan.docx`);
  });

  it('every document failing still saves the step', async () => {
    const nomor = await setup('perintah_undangan');
    const sink = new MemorySink(() => {
      throw new Error('folder dokumen tidak ada');
    });
    const produced = await reg.transaction(async (book) => {
      const done = performAction(book, nomor, 'kirim_undangan', SUBKOOR, jadwal('2026-11-19'), at('2026-11-17', 14));
      return produceDocuments(book, nomor, done.documents, depsOf(sink, at('2026-11-17', 14).now));
    });
    expect(produced).toEqual([{ jenis: 'undangan_rapat', warnings: [], error: 'Undangan Rapat belum dibuat: kesalahan tak terduga (folder dokumen tidak ada)' }]);
    const row = await rowOf(nomor);
    expect(row.status).toBe('RAPAT_DIJADWALKAN');
    expect(row.nomor_undangan).not.toBe('');
    expect(row.berkas_undangan_rapat).toBe('');
  });
});

describe('produce: one document, or its error', () => {
  it('a failing sink rejects with its own error and leaves the column as it was', async () => {
    const nomor = await setup();
    const failure = new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', 'Dokumen tidak dapat disimpan.');
    const error = await rejection(
      reg.transaction((book) =>
        new DocumentSession(
          book,
          depsOf(
            new MemorySink(() => {
              throw failure;
            }),
            at('2026-11-16', 9).now,
          ),
        ).produce(nomor, 'tanda_terima'),
      ),
    );
    expect(error).toBe(failure);
    expect((await rowOf(nomor)).berkas_tanda_terima).toBe('');
  });

  it.each([
    ['lembar_disposisi', /^Lembar Disposisi untuk PGD-2026-0001 belum dapat dibuat: Kepala belum memberi disposisi\.$/],
    ['undangan_rapat', /^Undangan Rapat untuk PGD-2026-0001 belum dapat dibuat: rapat belum dijadwalkan \(aksi kirim_undangan\)\.$/],
    ['berita_acara_draf', /^Draf Berita Acara Hasil Penanganan Pengaduan untuk PGD-2026-0001 belum dapat dibuat: hasil rapat belum dicatat/],
    ['berita_acara', /^Berita Acara Hasil Penanganan Pengaduan untuk PGD-2026-0001 belum ada: Kepala belum menandatangani/],
  ] as const)('%s before its step: DOKUMEN_BELUM_TERSEDIA, nothing stored', async (jenis, message) => {
    const nomor = await setup();
    expect(nomor).toBe('PGD-2026-0001');
    const sink = new MemorySink();
    const error = await rejection(reg.transaction((book) => new DocumentSession(book, depsOf(sink, at('2026-11-16', 9).now)).produce(nomor, jenis)));
    expect(isPengaduanError(error) && error.code).toBe('DOKUMEN_BELUM_TERSEDIA');
    expect((error as Error).message).toMatch(message);
    expect(sink.saved).toEqual([]);
  });

  it('the final Berita Acara is refused at the last paraf, the draft is not', async () => {
    const nomor = await setup('paraf_sekretaris');
    const sink = new MemorySink();
    const produced = await reg.transaction((book) => produceDocuments(book, nomor, ['berita_acara', 'berita_acara_draf'], depsOf(sink, at('2026-11-20', 12).now)));
    expect(produced[0]?.error).toMatch(/^Berita Acara Hasil Penanganan Pengaduan belum dibuat: .*belum ada: Kepala belum menandatangani\./);
    expect(produced[0]?.link).toBeUndefined();
    expect(produced[1]).toMatchObject({ jenis: 'berita_acara_draf', link: `memori/${nomor}/berita_acara_draf.docx` });
    expect((await rowOf(nomor)).berkas_berita_acara).toBe('');
  });

  it('an unknown number: PENGADUAN_TIDAK_DITEMUKAN (single), an error entry per document (all)', async () => {
    await setup();
    const sink = new MemorySink();
    const single = await rejection(reg.transaction((book) => new DocumentSession(book, depsOf(sink, at('2026-11-16', 9).now)).produce('PGD-2026-9999', 'tanda_terima')));
    expect(isPengaduanError(single) && single.code).toBe('PENGADUAN_TIDAK_DITEMUKAN');
    const all = await reg.transaction((book) => produceDocuments(book, 'PGD-2026-9999', ['tanda_terima', 'lembar_pengaduan'], depsOf(sink, at('2026-11-16', 9).now)));
    expect(all.map((p) => p.error)).toEqual([
      'Tanda Terima Pengaduan Masyarakat belum dibuat: Pengaduan nomor "PGD-2026-9999" tidak ditemukan di register.',
      'Lembar Pengaduan belum dibuat: Pengaduan nomor "PGD-2026-9999" tidak ditemukan di register.',
    ]);
    expect(sink.saved).toEqual([]);
  });
});

describe('the register columns of the documents', () => {
  it('after the signature every document is made and linked; only berkas_* columns change, written by "dokumen"', async () => {
    const nomor = await setup('tandatangani');
    const sink = new MemorySink();
    const updates: { patch: Row; writer: Penulis }[] = [];
    const { before, after, produced } = await reg.transaction(async (book) => {
      const pengaduan = book.table('pengaduan');
      const spy: TableLike = {
        rows: () => pengaduan.rows(),
        columnValues: (k) => pengaduan.columnValues(k),
        find: (k, v) => pengaduan.find(k, v),
        get: (r) => pengaduan.get(r),
        update: (r, patch, writer) => {
          updates.push({ patch, writer });
          pengaduan.update(r, patch, writer);
        },
        append: (v, w) => pengaduan.append(v, w),
        replaceAll: (r, w) => pengaduan.replaceAll(r, w),
      };
      const tables: RegisterTables = { table: (key) => (key === 'pengaduan' ? spy : book.table(key)) };
      const before = complaintRow(book, nomor).record;
      const produced = await produceDocuments(tables, nomor, JENIS_DOKUMEN, depsOf(sink, at('2026-11-23', 10).now));
      return { before, after: complaintRow(book, nomor).record, produced };
    });
    expect(produced.map((p) => p.error)).toEqual(JENIS_DOKUMEN.map(() => undefined));
    expect(produced.map((p) => p.link)).toEqual(JENIS_DOKUMEN.map((j) => `memori/${nomor}/${j}.docx`));
    expect(updates).toEqual(JENIS_DOKUMEN.map((j) => ({ patch: { [berkasColumn(j)]: `memori/${nomor}/${j}.docx` }, writer: 'dokumen' })));
    const berkas = new Set<string>(JENIS_DOKUMEN.map(berkasColumn));
    for (const [key, value] of Object.entries(after)) {
      if (berkas.has(key)) expect(value, key).toBe(`memori/${nomor}/${key.slice('berkas_'.length)}.docx`);
      else expect(value, key).toEqual(before[key]);
    }
    expect((await rowOf(nomor)).berkas_berita_acara).toBe(`memori/${nomor}/berita_acara.docx`);
  });

  it('a document that fails keeps its earlier link; the others get the new one', async () => {
    const nomor = await setup('kirim_undangan');
    await reg.transaction((book) => produceDocuments(book, nomor, ['lembar_disposisi', 'undangan_rapat'], depsOf(new MemorySink(), at('2026-11-17', 14).now)));
    let calls = 0;
    const relinking: DocumentSink = {
      save: (n, j) => {
        calls += 1;
        return j === 'undangan_rapat' ? Promise.reject(new Error('penuh')) : Promise.resolve(`baru/${n}/${j}.docx`);
      },
    };
    const produced = await reg.transaction((book) => produceDocuments(book, nomor, ['lembar_disposisi', 'undangan_rapat'], depsOf(relinking, at('2026-11-18', 9).now)));
    expect(calls).toBe(2);
    expect(produced.map((p) => p.link ?? p.error)).toEqual([`baru/${nomor}/lembar_disposisi.docx`, 'Undangan Rapat belum dibuat: kesalahan tak terduga (penuh)']);
    const row = await rowOf(nomor);
    expect(row.berkas_lembar_disposisi).toBe(`baru/${nomor}/lembar_disposisi.docx`);
    expect(row.berkas_undangan_rapat).toBe(`memori/${nomor}/undangan_rapat.docx`);
  });
});

describe('one DocumentSession per transaction', () => {
  it('reads the history, the settings, the staff and the logo once for six documents', async () => {
    const nomor = await setup('tandatangani');
    const reads: Partial<Record<TabKey, number>> = {};
    let logos = 0;
    const produced = await reg.transaction(async (book) => {
      const counted: RegisterTables = {
        table: (key) => {
          const t = book.table(key);
          return {
            rows: () => {
              reads[key] = (reads[key] ?? 0) + 1;
              return t.rows();
            },
            columnValues: (k) => t.columnValues(k),
            find: (k, v) => t.find(k, v),
            get: (r) => t.get(r),
            update: (r, p, w) => t.update(r, p, w),
            append: (v, w) => t.append(v, w),
            replaceAll: (r, w) => t.replaceAll(r, w),
          };
        },
      };
      const session = new DocumentSession(
        counted,
        depsOf(new MemorySink(), at('2026-11-23', 10).now, {
          logo: () => {
            logos += 1;
            return Promise.resolve({ logo: null, warning: 'Logo kop "logo.png" tidak ditemukan di samping register; tempat logo dibiarkan kosong.' });
          },
        }),
      );
      return session.produceAll(nomor, JENIS_DOKUMEN);
    });
    expect(produced.filter((p) => p.link)).toHaveLength(6);
    expect(reads.riwayat).toBe(1);
    expect(reads.pengaturan).toBe(1);
    expect(reads.peran).toBe(1);
    expect(reads.pengaduan ?? 0).toBe(0);
    expect(logos).toBe(1);
    // The logo's warning is reported with every document.
    for (const p of produced) expect(p.warnings).toContain('Logo kop "logo.png" tidak ditemukan di samping register; tempat logo dibiarkan kosong.');
  });
});

describe('documents keep the date of their step when made again later', () => {
  const MUCH_LATER = at('2027-02-10', 10).now;

  it('the Undangan shows the day it was sent, and after jadwal_ulang the day of the new one', async () => {
    const nomor = await setup('kirim_undangan');
    const sink = new MemorySink();
    const first = await reg.transaction(async (book) => {
      await new DocumentSession(book, depsOf(sink, MUCH_LATER)).produce(nomor, 'undangan_rapat');
      return complaintRow(book, nomor).record;
    });
    const sent = await text(sink.bytesOf('undangan_rapat'));
    expect(sent).toContain('Payakumbuh, 17 November 2026');
    expect(sent).not.toMatch(/Februari 2027/);
    expect(sent).toContain(String(first.nomor_undangan));
    expect(sent).toContain('Kamis, 19 November 2026');

    const second = await reg.transaction(async (book) => {
      performAction(book, nomor, 'jadwal_ulang', SUBKOOR, jadwal('2026-11-24'), at('2026-11-18', 10));
      await new DocumentSession(book, depsOf(sink, MUCH_LATER)).produce(nomor, 'undangan_rapat');
      return complaintRow(book, nomor).record;
    });
    const resent = await text(sink.bytesOf('undangan_rapat'));
    expect(resent).toContain('Payakumbuh, 18 November 2026');
    expect(resent).toContain('Selasa, 24 November 2026');
    expect(second.nomor_undangan).not.toBe(first.nomor_undangan);
    expect(resent).toContain(String(second.nomor_undangan));
    expect(resent).not.toContain(String(first.nomor_undangan));
  });

  it('the Lembar Disposisi shows the day of the disposition', async () => {
    const nomor = await setup('disposisi');
    const sink = new MemorySink();
    await reg.transaction((book) => new DocumentSession(book, depsOf(sink, MUCH_LATER)).produce(nomor, 'lembar_disposisi'));
    const t = await text(sink.bytesOf('lembar_disposisi'));
    expect(t).toContain('Payakumbuh, 17 November 2026');
    expect(t).not.toMatch(/2027/);
  });

  it('the Undangan keeps the latest sending date after a person sorted the history tab newest first', async () => {
    const nomor = await setup('kirim_undangan');
    await reg.transaction((book) => {
      performAction(book, nomor, 'jadwal_ulang', SUBKOOR, jadwal('2026-11-24'), at('2026-11-18', 10));
      performAction(book, nomor, 'jadwal_ulang', SUBKOOR, jadwal('2026-11-25'), at('2026-11-19', 10));
    });
    // Sort the Riwayat tab by time, newest first, as a spreadsheet user might.
    const wb = await readBook(file);
    const ws = sheetOf(wb, 'riwayat');
    const values = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).values);
    values.reverse().forEach((v, i) => {
      ws.getRow(i + 2).values = v;
    });
    await wb.xlsx.writeFile(file);

    const sink = new MemorySink();
    await reg.transaction((book) => new DocumentSession(book, depsOf(sink, MUCH_LATER)).produce(nomor, 'undangan_rapat'));
    const t = await text(sink.bytesOf('undangan_rapat'));
    expect(t).toContain('Rabu, 25 November 2026');
    // Sent on 19 November (the last jadwal_ulang), whatever the order of the rows.
    expect(t).toContain('Payakumbuh, 19 November 2026');
  });
});

describe('the local store staged in the transaction', () => {
  const docsFolder = (): string => path.join(dir, 'register-dokumen');
  /** A transaction with the store staged in it: its files are placed when the register is saved. */
  const staged = <T>(store: LocalDocumentStore, run: (book: RegisterTables) => T | Promise<T>): Promise<T> => reg.transaction(run, { staged: store });
  /** periksa (16 November 2026, 09:00) and then its documents, stored in `store`. */
  function periksaWithDocuments(book: RegisterTables, nomor: string, store: LocalDocumentStore, documents: JenisDokumen[] = ['tanda_terima', 'lembar_pengaduan']) {
    walk(book, nomor, 'periksa');
    return produceDocuments(book, nomor, documents, depsOf(store, at('2026-11-16', 9).now));
  }

  it('a saved step: the documents are in place, linked, with no staged file left', async () => {
    const nomor = await setup();
    const store = new LocalDocumentStore(file);
    const produced = await staged(store, (book) => periksaWithDocuments(book, nomor, store));
    expect(produced.map((p) => p.link)).toEqual([`register-dokumen/${nomor}/${nomor}_tanda-terima.docx`, `register-dokumen/${nomor}/${nomor}_lembar-pengaduan.docx`]);
    expect(await filesBelow(docsFolder())).toEqual([`${nomor}/${nomor}_lembar-pengaduan.docx`, `${nomor}/${nomor}_tanda-terima.docx`]);
    const row = await rowOf(nomor);
    expect(row.berkas_tanda_terima).toBe(`register-dokumen/${nomor}/${nomor}_tanda-terima.docx`);
    expect(await text(new Uint8Array(await readFile(path.join(dir, String(row.berkas_tanda_terima)))))).toContain(nomor);
  });

  it('a step that throws after its documents were made: no document, no staged file, the register unchanged', async () => {
    const nomor = await setup();
    const before = await readFile(file);
    const store = new LocalDocumentStore(file);
    let produced: unknown;
    const error = await rejection(
      staged(store, async (book) => {
        produced = await periksaWithDocuments(book, nomor, store);
        throw new Error('langkah berikutnya gagal');
      }),
    );
    expect((error as Error).message).toBe('langkah berikutnya gagal');
    expect(produced).toHaveLength(2);
    expect(await filesBelow(docsFolder())).toEqual([]);
    expect(Buffer.compare(before, await readFile(file))).toBe(0);
    expect((await rowOf(nomor)).status).toBe('DITERIMA');
  });

  it('a signature whose register save fails leaves no final Berita Acara (a number never issued) and keeps the draft', async () => {
    const nomor = await setup('paraf_sekretaris');
    const store = new LocalDocumentStore(file);
    await staged(store, (book) => produceDocuments(book, nomor, ['berita_acara_draf'], depsOf(store, at('2026-11-20', 11).now)));
    const draft = path.join(docsFolder(), nomor, `${nomor}_berita-acara-draf.docx`);
    const draftBytes = await readFile(draft);
    const before = await readFile(file);

    fsFault.failRenameTo = file;
    const error = await rejection(
      staged(store, (book) => {
        const done = walk(book, nomor, 'tandatangani', 'paraf_sekretaris');
        return produceDocuments(book, nomor, [...done.documents, 'berita_acara_draf'], depsOf(store, at('2026-11-23', 9).now));
      }),
    );
    expect(fsFault.failRenameTo).toBeUndefined(); // the fault did fire
    expect(isPengaduanError(error) && error.code).toBe('BERKAS_TIDAK_DAPAT_DIAKSES');
    expect((error as Error).message).toMatch(/Perubahan TIDAK tersimpan/);
    expect(await filesBelow(docsFolder())).toEqual([`${nomor}/${nomor}_berita-acara-draf.docx`]);
    expect(Buffer.compare(draftBytes, await readFile(draft))).toBe(0);
    expect(Buffer.compare(before, await readFile(file))).toBe(0);
    const row = await rowOf(nomor);
    expect(row.status).toBe('PARAF_SEKRETARIS');
    expect(row.nomor_ba).toBe('');
    expect(row.berkas_berita_acara).toBe('');
    expect((await filesBelow(dir)).filter((f) => f.endsWith('.tmp') || f.endsWith('.baru'))).toEqual([]);
  });

  it('a later step that fails keeps the earlier document exactly as it was', async () => {
    const nomor = await setup();
    const store = new LocalDocumentStore(file);
    await staged(store, (book) => periksaWithDocuments(book, nomor, store, ['lembar_pengaduan']));
    const lembar = path.join(docsFolder(), nomor, `${nomor}_lembar-pengaduan.docx`);
    const old = await readFile(lembar);
    await rejection(
      staged(store, async (book) => {
        performAction(book, nomor, 'nilai', SUBKOOR, { kategori: 'berat', alasan: 'Berat.' }, at('2026-11-16', 11));
        await produceDocuments(book, nomor, ['lembar_pengaduan'], depsOf(store, at('2026-11-16', 11).now));
        throw new PengaduanError('MASUKAN_TIDAK_VALID', 'gagal');
      }),
    );
    expect(Buffer.compare(old, await readFile(lembar))).toBe(0);
    expect(await text(new Uint8Array(old))).toMatch(/☐\s*Berat/);
    expect(await filesBelow(docsFolder())).toEqual([`${nomor}/${nomor}_lembar-pengaduan.docx`]);
  });

  it('a staged file that vanished before the commit: the step is saved and completes, and the store says which document to make again', async () => {
    const nomor = await setup();
    const store = new LocalDocumentStore(file);
    await staged(store, async (book) => {
      const produced = await periksaWithDocuments(book, nomor, store);
      await rm(`${store.absolute(produced[0]?.link ?? '')}.baru`);
    });
    expect(store.problem).toMatch(new RegExp(`^Register sudah tersimpan, tetapi dokumen ${nomor}_tanda-terima\\.docx tidak dapat ditempatkan`));
    expect((await rowOf(nomor)).status).toBe('DIPERIKSA');
    expect(await filesBelow(docsFolder())).toEqual([`${nomor}/${nomor}_lembar-pengaduan.docx`]);
  });

  it('a number given with surrounding spaces stores the document under the registered number', async () => {
    const nomor = await setup();
    const store = new LocalDocumentStore(file);
    const produced = await staged(store, (book) => new DocumentSession(book, depsOf(store, at('2026-11-16', 9).now)).produce(` ${nomor} `, 'tanda_terima'));
    expect(produced.link).toBe(`register-dokumen/${nomor}/${nomor}_tanda-terima.docx`);
    expect(await filesBelow(docsFolder())).toEqual([`${nomor}/${nomor}_tanda-terima.docx`]);
  });
});
