/**
 * Tests of core/sop.ts, the SOP of DESIGN.md §1 and §4 as a pure state machine. Table-driven over
 * the transition table itself: every (status, action) pair, every role, every input. Following
 * xstate, the decision's effects are asserted as data (columns to write, history, numbers,
 * documents, notifications) and nothing is executed: the record and the inputs are frozen, and a
 * tiny `apply` in this file plays the adapter between the steps of a complaint's journey.
 */
import { describe, expect, it } from 'vitest';
import { PengaduanError, type ErrorCode } from '../../core/errors.js';
import type { FieldSpec } from '../../core/fields.js';
import type { RegisterPatch, RegisterRecord } from '../../core/record.js';
import type { TimelineEntry } from '../../core/sla.js';
import {
  ACTIONS,
  AKSI,
  actionsFor,
  actionsFrom,
  actionsOfRoles,
  decide,
  statusesFor,
  WAITING_FOR,
  type ActionDef,
  type Actor,
  type AksiKey,
  type Decision,
  type Effect,
  type HistoryEntry,
  type SopRules,
} from '../../core/sop.js';
import { formatTimeline, parseTimeline } from '../../core/timeline.js';
import { formatWib } from '../../core/time.js';
import {
  FINAL_STATUS,
  PERAN,
  PERAN_LABEL,
  PERSYARATAN,
  PERSYARATAN_LABEL,
  REGISTER_COLUMNS,
  STATUS,
  STATUS_LABEL,
  type JenisDokumen,
  type Peran,
  type Status,
} from '../../sheets-schema/index.js';
import { refusal } from '../helpers/refusal.js';

// ---------------------------------------------------------------------------------------------
// Fixtures

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-17T02:00:00Z'); // Tuesday 17 March 2026, 09:00 WIB
const RECEIVED = Date.parse('2026-03-16T03:00:00Z'); // Monday 16 March 2026, 10:00 WIB
const TODAY = '2026-03-17'; // Tuesday
const NOMOR = 'PGD-2026-0042';

/** An instant from WIB wall-clock text, parsed by the platform (not by core/time.ts). */
function wib(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}:00+07:00`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${text}`);
  return ms;
}

const OPEN_STATUS = STATUS.filter((s) => !(FINAL_STATUS as readonly Status[]).includes(s));

function actor(...roles: Peran[]): Actor {
  const who = roles.length > 0 ? roles.join('.') : 'tamu';
  return { email: `${who}@dpmptsp.payakumbuhkota.go.id`, nama: `Bapak/Ibu ${who}`, roles };
}

/** A complaint received on Monday 16 March that entered `status` an hour later. */
function recordIn(status: Status, extra: RegisterRecord = {}): RegisterRecord {
  const timeline: TimelineEntry[] = [{ status: 'DITERIMA', at: RECEIVED }];
  if (status !== 'DITERIMA') timeline.push({ status, at: RECEIVED + HOUR });
  return {
    nomor: NOMOR,
    nama_pelapor: 'Siti Rahmah',
    status,
    tahap: STATUS_LABEL[status],
    jejak_status: formatTimeline(timeline),
    // A meeting held today, so that its result may be recorded now.
    ...(status === 'RAPAT_DIJADWALKAN' ? { rapat_tanggal: TODAY, rapat_jam: '09:00' } : {}),
    ...(status === 'DITANDATANGANI' ? { nomor_ba: '001/BA-PGD/DPMPTSP/III/2026' } : {}),
    ...extra,
  };
}

/** Valid inputs for each action; `Record<AksiKey, …>` makes tsc insist on every action. */
const VALID_INPUTS: Record<AksiKey, () => Record<string, unknown>> = {
  periksa: () => ({ persyaratan: [...PERSYARATAN], catatan: 'Berkas lengkap, dicetak untuk Subkoordinator.' }),
  lengkapi: () => ({ persyaratan: [...PERSYARATAN], catatan: 'Susulan diantar pelapor.' }),
  nilai: () => ({ kategori: 'sedang', alasan: 'Perlu pemeriksaan lapangan oleh tim teknis.' }),
  jawab: () => ({ jawaban: 'Izin usaha tersebut sudah terdaftar di OSS.', cara: 'whatsapp' }),
  disposisi: () => ({ disposisi: 'Tindak lanjuti dengan tim teknis.' }),
  perintah_undangan: () => ({ instruksi: 'Siapkan undangan rapat hari Rabu.' }),
  kirim_undangan: () => ({
    tanggal: '2026-03-25', // Wednesday
    jam: '09:30',
    tempat: 'Ruang rapat DPMPTSP',
    agenda: 'Pembahasan pengaduan kebisingan bengkel',
    undangan: [
      { nama: 'Tim Teknis Perizinan', instansi: 'DPMPTSP', kelompok: 'tim_teknis' },
      { nama: 'Kepala Bidang Tata Ruang', instansi: 'Dinas PUPR', kelompok: 'opd_terkait' },
      { nama: 'Pemilik Bengkel Maju', instansi: '', kelompok: 'pemilik_usaha' },
    ],
  }),
  jadwal_ulang: () => ({
    tanggal: '2026-03-26', // Thursday
    jam: '10:00',
    tempat: 'Aula DPMPTSP',
    agenda: 'Pembahasan pengaduan (jadwal baru)',
    undangan: [{ nama: 'Tim Teknis Perizinan', instansi: 'DPMPTSP', kelompok: 'tim_teknis' }],
  }),
  catat_hasil_rapat: () => ({
    hadir: [
      { nama: 'Tim Teknis Perizinan', instansi: 'DPMPTSP' },
      { nama: 'Pemilik Bengkel Maju', instansi: '' },
    ],
    pembahasan: 'Kebisingan di luar jam operasional.',
    kesimpulan: 'Pemilik usaha membatasi jam operasional.',
    tindak_lanjut: [{ uraian: 'Pemantauan', pelaksana: 'Subkoordinator', tenggat: '2026-04-08' }], // Wednesday
  }),
  perbaiki_draf: () => ({ kesimpulan: 'Kesimpulan diperbaiki sesuai arahan.', catatan: 'Sesuai catatan revisi.' }),
  paraf_koordinator: () => ({}),
  paraf_sekretaris: () => ({ koreksi: 'Perbaikan redaksi paragraf kedua.' }),
  kembalikan: () => ({ catatan: 'Lengkapi daftar hadir.' }),
  tandatangani: () => ({}),
  serahkan: () => ({ cara: 'langsung', catatan: 'Diterima langsung oleh pelapor.' }),
  tutup: () => ({ alasan: 'Bukan kewenangan DPMPTSP.', diteruskan_kepada: 'Dinas Lingkungan Hidup' }),
};

const def = (aksi: AksiKey): ActionDef => ACTIONS[aksi];
const allowedRoles = (status: Status, aksi: AksiKey): readonly Peran[] | undefined => def(aksi).from[status];

interface Pair {
  readonly status: Status;
  readonly aksi: AksiKey;
}
const ALL_PAIRS: Pair[] = STATUS.flatMap((status) => AKSI.map((aksi) => ({ status, aksi })));
const ALLOWED = ALL_PAIRS.filter((p) => allowedRoles(p.status, p.aksi) !== undefined);
const NOT_ALLOWED = ALL_PAIRS.filter((p) => allowedRoles(p.status, p.aksi) === undefined);
const ALLOWED_BY_ROLE = ALLOWED.flatMap((p) => (allowedRoles(p.status, p.aksi) ?? []).map((role) => ({ ...p, role })));
const FORBIDDEN_ROLES = ALLOWED.flatMap((p) =>
  PERAN.filter((r) => !(allowedRoles(p.status, p.aksi) ?? []).includes(r)).map((role) => ({ ...p, role })),
);
/** The first role the table lets take `aksi` from `status`. */
function roleFor(status: Status, aksi: AksiKey): Peran {
  const role = allowedRoles(status, aksi)?.[0];
  if (!role) throw new Error(`${aksi} does not apply from ${status}`);
  return role;
}
/** The first status an action applies in, with its first allowed role. */
function firstUse(aksi: AksiKey): { status: Status; role: Peran } {
  const p = ALLOWED.find((x) => x.aksi === aksi);
  const role = p && allowedRoles(p.status, aksi)?.[0];
  if (!p || !role) throw new Error(`${aksi} applies nowhere`);
  return { status: p.status, role };
}

// ---------------------------------------------------------------------------------------------
// Helpers: effects as data, refusals, and the adapter's part played in the test

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function effectsOf<K extends Effect['type']>(d: Decision, type: K): Extract<Effect, { type: K }>[] {
  return d.effects.filter((e): e is Extract<Effect, { type: K }> => e.type === type);
}
function writesOf(d: Decision): RegisterPatch {
  const w = effectsOf(d, 'writeColumns');
  expect(w, 'exactly one writeColumns effect').toHaveLength(1);
  return w[0]?.values ?? {};
}
function historyOf(d: Decision): HistoryEntry {
  const h = effectsOf(d, 'appendHistory');
  expect(h, 'exactly one appendHistory effect').toHaveLength(1);
  const entry = h[0]?.entry;
  if (!entry) throw new Error('no history entry');
  return entry;
}
const documentsOf = (d: Decision): JenisDokumen[] => effectsOf(d, 'renderDocument').map((e) => e.jenis);
const notifiedRoles = (d: Decision): Peran[] => effectsOf(d, 'notify').flatMap((e) => ('peran' in e.to ? [e.to.peran] : []));
const pelaporNotices = (d: Decision): Extract<Effect, { type: 'notify' }>[] => effectsOf(d, 'notify').filter((e) => 'pelapor' in e.to);

/** Runs `run`, which must refuse with a PengaduanError; returns the error. */

/** Decides on a frozen record and frozen inputs, and checks the refusal changed neither. */
function refuse(record: RegisterRecord, aksi: string, who: Actor, inputs: unknown, code: ErrorCode, now = NOW, rules?: SopRules): PengaduanError {
  const before = structuredClone(record);
  const inputsBefore = structuredClone(inputs);
  const frozen = deepFreeze(structuredClone(record));
  const frozenInputs = deepFreeze(structuredClone(inputs));
  const err = refusal(() => decide(frozen, aksi, who, frozenInputs, now, rules));
  expect(err.code, err.message).toBe(code);
  expect(err.message.length).toBeGreaterThan(0);
  expect(frozen).toEqual(before);
  expect(frozenInputs).toEqual(inputsBefore);
  return err;
}

/** The adapter's part: write the columns and the assigned numbers. */
function apply(record: RegisterRecord, d: Decision): RegisterRecord {
  let out: RegisterRecord = { ...record, ...writesOf(d) };
  for (const a of effectsOf(d, 'assignNumber')) out = { ...out, [a.column]: a.given ?? `${a.series.toUpperCase()}-OTOMATIS-1` };
  return out;
}

const ALUR_COLUMNS = new Set<string>(REGISTER_COLUMNS.filter((c) => c.writer === 'alur').map((c) => c.key));

// ---------------------------------------------------------------------------------------------

describe('the transition table', () => {
  it.each(OPEN_STATUS)('open status %s has at least one action', (status) => {
    expect(actionsFrom(status).length).toBeGreaterThan(0);
  });

  it.each(FINAL_STATUS)('final status %s has no action and waits for nobody', (status) => {
    expect(actionsFrom(status)).toEqual([]);
    expect(WAITING_FOR[status]).toBeUndefined();
  });

  it.each(AKSI)('%s: its key, statuses, roles, outcomes and documents are from the vocabularies', (aksi) => {
    const a = def(aksi);
    expect(a.key).toBe(aksi);
    expect(a.label.trim()).not.toBe('');
    expect(a.outcomes.length).toBeGreaterThan(0);
    for (const s of a.outcomes) expect(STATUS).toContain(s);
    for (const [s, roles] of Object.entries(a.from)) {
      expect(STATUS).toContain(s);
      expect(roles?.length).toBeGreaterThan(0);
      for (const r of roles ?? []) expect(PERAN).toContain(r);
    }
    expect(Object.keys(a.from).length).toBeGreaterThan(0);
    for (const n of a.sopSteps) expect(n).toBeGreaterThanOrEqual(1);
    expect(new Set(a.inputs.map((i) => i.key)).size, 'input keys are unique').toBe(a.inputs.length);
  });

  it('every SOP step 2..12 is carried out by some action (step 1, the form, is intake)', () => {
    const covered = new Set(AKSI.flatMap((a) => def(a).sopSteps));
    const steps = Array.from({ length: 11 }, (_, i) => i + 2);
    expect(steps.filter((s) => !covered.has(s))).toEqual([]);
    for (const s of covered) expect(s).toBeLessThanOrEqual(12);
  });

  it('every status but DITERIMA (set by intake) is the outcome of some action', () => {
    const reached = new Set(AKSI.flatMap((a) => def(a).outcomes));
    expect(STATUS.filter((s) => s !== 'DITERIMA' && !reached.has(s))).toEqual([]);
  });

  it.each(OPEN_STATUS)('the role %s waits for may act on it', (status) => {
    const waiting = WAITING_FOR[status];
    expect(waiting, `${status} waits for somebody`).toBeDefined();
    const beyondTutup = actionsFrom(status).filter((a) => a.aksi !== 'tutup');
    if (beyondTutup.length === 0) return; // only tutup applies: nobody in particular is awaited
    expect(beyondTutup.flatMap((a) => a.roles)).toContain(waiting);
  });

  it.each(STATUS.flatMap((status) => PERAN.map((role) => ({ status, role }))))(
    'actionsFor($status, [$role]) lists exactly what decide lets $role do',
    ({ status, role }) => {
      const listed = actionsFor(status, [role]);
      const decidable = AKSI.filter((aksi) => {
        try {
          decide(recordIn(status), aksi, actor(role), VALID_INPUTS[aksi](), NOW);
          return true;
        } catch (e) {
          if (e instanceof PengaduanError && (e.code === 'AKSI_TIDAK_BERLAKU' || e.code === 'PERAN_TIDAK_BERWENANG')) return false;
          throw e;
        }
      });
      expect(listed).toEqual(decidable);
    },
  );
});

describe('every (status, action) pair', () => {
  it.each(ALLOWED_BY_ROLE)('$aksi from $status by $role is decided, to one of its outcomes', ({ status, aksi, role }) => {
    const d = decide(deepFreeze(recordIn(status)), aksi, actor(role), deepFreeze(VALID_INPUTS[aksi]()), NOW);
    expect(d).toMatchObject({ nomor: NOMOR, aksi, from: status, role });
    expect(def(aksi).outcomes).toContain(d.next);
    // The table's documents (what `alur` prints) cover what the rule actually renders.
    for (const jenis of documentsOf(d)) expect(def(aksi).documents).toContain(jenis);
  });

  it.each(NOT_ALLOWED)('$aksi from $status is refused as not applicable, for every role', ({ status, aksi }) => {
    for (const role of PERAN) {
      const err = refuse(recordIn(status), aksi, actor(role), VALID_INPUTS[aksi](), 'AKSI_TIDAK_BERLAKU');
      expect(err.message).toContain(NOMOR);
      expect(err.message).toContain(STATUS_LABEL[status]);
    }
  });
});

describe('who may act', () => {
  it.each(FORBIDDEN_ROLES)('$aksi from $status is refused to the $role, and nothing changes', ({ status, aksi, role }) => {
    const err = refuse(recordIn(status), aksi, actor(role), VALID_INPUTS[aksi](), 'PERAN_TIDAK_BERWENANG');
    expect(err.message).toContain(PERAN_LABEL[role]);
    for (const r of allowedRoles(status, aksi) ?? []) expect(err.message).toContain(PERAN_LABEL[r]);
  });

  it.each(ALLOWED)('$aksi from $status is refused to a user with no role', ({ status, aksi }) => {
    const err = refuse(recordIn(status), aksi, actor(), VALID_INPUTS[aksi](), 'PENGGUNA_TIDAK_TERDAFTAR');
    expect(err.message).toContain('tamu@dpmptsp.payakumbuhkota.go.id');
  });

  it('a user holding several roles acts in the one the action allows, and history says which', () => {
    const d = decide(recordIn('PARAF_SEKRETARIS'), 'tandatangani', actor('petugas', 'admin', 'kepala'), {}, NOW);
    expect(d.role).toBe('kepala');
    expect(historyOf(d).oleh_peran).toBe('kepala');
  });

  it.each(['hapus', 'setujui', '', 'toString', '__proto__', 'PERIKSA'])('an unknown action "%s" is refused', (aksi) => {
    refuse(recordIn('DITERIMA'), aksi, actor('kepala'), {}, 'AKSI_TIDAK_DIKENAL');
  });

  it.each(['ARSIP', '', 'diterima', 'Selesai', 'DITERIMA;SELESAI'])('a record whose status is "%s" is refused', (status) => {
    const err = refuse({ ...recordIn('DITERIMA'), status }, 'periksa', actor('petugas'), VALID_INPUTS.periksa(), 'STATUS_TIDAK_DIKENAL');
    expect(err.message).toContain(NOMOR);
  });

  it('a damaged status timeline is refused as a damaged register, naming the complaint', () => {
    const err = refuse({ ...recordIn('DITERIMA'), jejak_status: 'DITERIMA kemarin sore' }, 'periksa', actor('petugas'), VALID_INPUTS.periksa(), 'REGISTER_RUSAK');
    expect(err.message).toContain(NOMOR);
  });
});

describe('inputs', () => {
  const REQUIRED = AKSI.flatMap((aksi) => def(aksi).inputs.filter((i) => i.required).map((spec) => ({ aksi, key: spec.key, spec })));
  const WITH_OPTIONS = AKSI.flatMap((aksi) => def(aksi).inputs.filter((i) => i.options !== undefined).map((spec) => ({ aksi, key: spec.key, spec })));

  it('the valid inputs of this test fill every required input', () => {
    for (const { aksi, key } of REQUIRED) expect(VALID_INPUTS[aksi](), `${aksi}.${key}`).toHaveProperty(key);
    expect(REQUIRED.length).toBeGreaterThan(10);
  });

  function problemFields(aksi: AksiKey, inputs: unknown): string[] {
    const { status, role } = firstUse(aksi);
    const err = refuse(recordIn(status), aksi, actor(role), inputs, 'MASUKAN_TIDAK_VALID');
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) expect(err.message).toContain(p.field);
    return err.problems.map((p) => p.field);
  }

  it.each(REQUIRED)('$aksi without its required $key is refused, naming the field', ({ aksi, key, spec }: { aksi: AksiKey; key: string; spec: FieldSpec }) => {
    const inputs = VALID_INPUTS[aksi]();
    delete inputs[key];
    expect(problemFields(aksi, inputs)).toEqual([spec.label]);
    expect(problemFields(aksi, { ...inputs, [key]: '   ' }), 'blank is missing').toEqual([spec.label]);
  });

  it.each(WITH_OPTIONS)('$aksi with an unknown option for $key is refused, naming the field', ({ aksi, key, spec }: { aksi: AksiKey; key: string; spec: FieldSpec }) => {
    const value = spec.type === 'daftar_pilihan' ? ['bukan_pilihan'] : 'bukan_pilihan';
    expect(problemFields(aksi, { ...VALID_INPUTS[aksi](), [key]: value })).toEqual([spec.label]);
  });

  it.each(AKSI)('%s with an unknown input key is refused, naming the key', (aksi) => {
    expect(problemFields(aksi, { ...VALID_INPUTS[aksi](), nomr_ba: 'salah ketik' })).toEqual(['nomr_ba']);
  });

  it.each([[['catatan']], ['teks'], [42]])('inputs that are not an object (%j) are refused', (inputs) => {
    expect(problemFields('kembalikan', inputs)).toEqual(['masukan']);
  });

  it('reports every problem at once', () => {
    const fields = problemFields('kirim_undangan', { tanggal: '2026-02-30', jam: '25:00', undangan: [{ instansi: 'tanpa nama' }], x: 1 });
    expect(fields).toEqual(['x', 'Tanggal rapat', 'Jam rapat (WIB)', 'Tempat rapat', 'Agenda', 'Pihak yang diundang']);
  });

  it('accepts an option by its label, in any case, and stores the code', () => {
    const d = decide(recordIn('DIPERIKSA'), 'nilai', actor('subkoordinator'), { kategori: 'BERAT', alasan: 'x' }, NOW);
    expect(writesOf(d).kategori).toBe('berat');
    const p = decide(recordIn('DITERIMA'), 'periksa', actor('petugas'), { persyaratan: PERSYARATAN.map((x) => PERSYARATAN_LABEL[x]) }, NOW);
    expect(p.next).toBe('DIPERIKSA');
  });
});

describe('effects are data, and nothing is executed', () => {
  const cases = ALLOWED.map((p) => ({ ...p, role: roleFor(p.status, p.aksi) }));

  it.each(cases)('$aksi from $status by $role', ({ status, aksi, role }) => {
    const record = deepFreeze(recordIn(status));
    const who = actor(role);
    const inputs = deepFreeze(VALID_INPUTS[aksi]());
    const d = decide(record, aksi, who, inputs, NOW);

    // Plain data: survives JSON, and deciding again gives the same decision.
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(decide(record, aksi, who, inputs, NOW)).toEqual(d);
    expect(record).toEqual(recordIn(status));

    const w = writesOf(d);
    expect(w).toMatchObject({
      status: d.next,
      tahap: STATUS_LABEL[d.next],
      menunggu: WAITING_FOR[d.next] ? PERAN_LABEL[WAITING_FOR[d.next] as Peran] : '',
      diperbarui_pada: '2026-03-17 09:00:00', // Tuesday
      diperbarui_oleh: who.email,
    });
    expect(Object.keys(w).filter((k) => !ALUR_COLUMNS.has(k)), 'writes only the columns the SOP owns').toEqual([]);
    expect(d.effects[0]?.type, 'columns are written first').toBe('writeColumns');

    const before = parseTimeline(String(record.jejak_status));
    const after = parseTimeline(String(w.jejak_status), NOMOR);
    expect(after).toEqual(d.next === status ? before : [...before, { status: d.next, at: NOW }]);

    if ((FINAL_STATUS as readonly Status[]).includes(d.next)) expect(w.selesai_pada).toBe(formatWib(NOW));
    else expect(w).not.toHaveProperty('selesai_pada');

    expect(historyOf(d)).toEqual({
      waktu: '2026-03-17 09:00:00', // Tuesday
      nomor: NOMOR,
      aksi,
      dari_status: status,
      ke_status: d.next,
      oleh_email: who.email,
      oleh_nama: who.nama,
      oleh_peran: role,
      masukan: expect.any(String) as string,
      keterangan: expect.any(String) as string,
    });
    expect(historyOf(d).keterangan.trim()).not.toBe('');
    expect(Object.keys(JSON.parse(historyOf(d).masukan) as object).sort()).toEqual(Object.keys(inputs).sort());

    for (const jenis of documentsOf(d)) expect(def(aksi).documents).toContain(jenis);

    const waiting = WAITING_FOR[d.next];
    const expectRoleNotice = d.next !== status && waiting !== undefined && waiting !== role;
    expect(notifiedRoles(d)).toEqual(expectRoleNotice ? [waiting] : []);
    for (const n of effectsOf(d, 'notify')) {
      expect(n.subject).toContain(NOMOR);
      expect(n.body.trim()).not.toBe('');
    }
  });

  it.each([
    { aksi: 'disposisi', status: 'DILAPORKAN_PIMPINAN', documents: ['lembar_disposisi'] },
    { aksi: 'kirim_undangan', status: 'UNDANGAN_DISIAPKAN', documents: ['undangan_rapat'] },
    { aksi: 'jadwal_ulang', status: 'RAPAT_DIJADWALKAN', documents: ['undangan_rapat'] },
    { aksi: 'catat_hasil_rapat', status: 'RAPAT_DIJADWALKAN', documents: ['berita_acara_draf'] },
    { aksi: 'perbaiki_draf', status: 'REVISI_BA', documents: ['berita_acara_draf'] },
    { aksi: 'tandatangani', status: 'PARAF_SEKRETARIS', documents: ['berita_acara'] },
    { aksi: 'periksa', status: 'DITERIMA', documents: ['tanda_terima', 'lembar_pengaduan'] },
    { aksi: 'lengkapi', status: 'MENUNGGU_KELENGKAPAN', documents: ['tanda_terima', 'lembar_pengaduan'] },
    { aksi: 'nilai', status: 'DIPERIKSA', documents: ['lembar_pengaduan'] },
    { aksi: 'paraf_koordinator', status: 'DRAFT_BA', documents: [] },
    { aksi: 'serahkan', status: 'DITANDATANGANI', documents: [] },
  ] as const)('$aksi renders $documents', ({ aksi, status, documents }) => {
    const d = decide(recordIn(status), aksi, actor(roleFor(status, aksi)), VALID_INPUTS[aksi](), NOW);
    expect(documentsOf(d)).toEqual(documents);
  });

  it('the Sekretaris re-renders the draft only when correcting the conclusion', () => {
    const plain = decide(recordIn('PARAF_KOORDINATOR'), 'paraf_sekretaris', actor('sekretaris'), {}, NOW);
    expect(documentsOf(plain)).toEqual([]);
    expect(writesOf(plain)).not.toHaveProperty('rapat_kesimpulan');
    const corrected = decide(recordIn('PARAF_KOORDINATOR'), 'paraf_sekretaris', actor('sekretaris'), { kesimpulan: 'Kesimpulan baru.' }, NOW);
    expect(documentsOf(corrected)).toEqual(['berita_acara_draf']);
    expect(writesOf(corrected)).toMatchObject({ rapat_kesimpulan: 'Kesimpulan baru.', paraf_sekretaris_pada: '2026-03-17 09:00:00' });
  });

  it.each([
    { aksi: 'tandatangani', status: 'PARAF_SEKRETARIS', inputs: {}, series: 'ba', column: 'nomor_ba', given: undefined },
    { aksi: 'tandatangani', status: 'PARAF_SEKRETARIS', inputs: { nomor_ba: ' 180/BA/III/2026 ' }, series: 'ba', column: 'nomor_ba', given: '180/BA/III/2026' },
    { aksi: 'kirim_undangan', status: 'UNDANGAN_DISIAPKAN', inputs: VALID_INPUTS.kirim_undangan(), series: 'undangan', column: 'nomor_undangan', given: undefined },
    {
      aksi: 'kirim_undangan',
      status: 'UNDANGAN_DISIAPKAN',
      inputs: { ...VALID_INPUTS.kirim_undangan(), nomor_undangan: '005/UND/III/2026' },
      series: 'undangan',
      column: 'nomor_undangan',
      given: '005/UND/III/2026',
    },
    { aksi: 'jadwal_ulang', status: 'RAPAT_DIJADWALKAN', inputs: VALID_INPUTS.jadwal_ulang(), series: 'undangan', column: 'nomor_undangan', given: undefined },
  ] as const)('$aksi asks for a $series number in $column (given: $given)', ({ aksi, status, inputs, series, column, given }) => {
    const d = decide(recordIn(status), aksi, actor(roleFor(status, aksi)), inputs, NOW);
    const assign = effectsOf(d, 'assignNumber');
    expect(assign).toEqual([given === undefined ? { type: 'assignNumber', series, column } : { type: 'assignNumber', series, column, given }]);
    expect(writesOf(d), 'the number is written by the adapter that assigns it').not.toHaveProperty(column);
  });

  it('no other action asks for a number', () => {
    const numbered = new Set<AksiKey>(['tandatangani', 'kirim_undangan', 'jadwal_ulang']);
    for (const { status, aksi } of ALLOWED.filter((p) => !numbered.has(p.aksi))) {
      const d = decide(recordIn(status), aksi, actor(roleFor(status, aksi)), VALID_INPUTS[aksi](), NOW);
      expect(effectsOf(d, 'assignNumber'), `${aksi} from ${status}`).toEqual([]);
    }
  });

  it('the complainant is told when the complaint is answered, delivered or closed, and not at internal steps', () => {
    const told = new Set<AksiKey>(['jawab', 'serahkan', 'tutup']);
    for (const { status, aksi } of ALLOWED) {
      const d = decide(recordIn(status), aksi, actor(roleFor(status, aksi)), VALID_INPUTS[aksi](), NOW);
      expect(pelaporNotices(d).length, `${aksi} from ${status}`).toBe(told.has(aksi) ? 1 : 0);
    }
  });

  it('the answer of a light complaint reaches the complainant verbatim', () => {
    const d = decide(recordIn('DITANGANI_LANGSUNG'), 'jawab', actor('subkoordinator'), VALID_INPUTS.jawab(), NOW);
    expect(pelaporNotices(d)[0]?.body).toContain('Izin usaha tersebut sudah terdaftar di OSS.');
    expect(writesOf(d)).toMatchObject({ jawaban: 'Izin usaha tersebut sudah terdaftar di OSS.', cara_jawaban: 'whatsapp', selesai_pada: '2026-03-17 09:00:00' });
  });

  it('a long input is cut in the history entry, saying where the full text is', () => {
    const jawaban = 'x'.repeat(25_000);
    const d = decide(recordIn('DITANGANI_LANGSUNG'), 'jawab', actor('subkoordinator'), { jawaban, cara: 'email' }, NOW);
    const { masukan } = historyOf(d);
    expect(masukan.length).toBeLessThan(20_100);
    expect(masukan).toContain('dipotong');
    expect(writesOf(d).jawaban, 'the register keeps the whole answer').toBe(jawaban);
  });

  // Was a bug (core/sop.ts, decide): the history's `masukan` is cut with String#slice at 20,000 UTF-16
  // units, which can split a surrogate pair (an emoji typed by a citizen or staff member) and
  // leave a lone surrogate in the history tab. core/text.ts removes lone surrogates from every
  // input precisely because they are invalid in XML (an .xlsx cell, a .docx), so the truncation
  // re-introduces what the cleaning removed. Repro: jawab with jawaban 'a' + '😀'.repeat(12000):
  // masukan.charCodeAt(19999) is 0xD83D followed by '…'.
  it('a long input is cut in the history entry on a character boundary', () => {
    const d = decide(recordIn('DITANGANI_LANGSUNG'), 'jawab', actor('subkoordinator'), { jawaban: `a${'😀'.repeat(12_000)}`, cara: 'email' }, NOW);
    const { masukan } = historyOf(d);
    expect(masukan).toContain('dipotong');
    expect(masukan).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('rescheduling keeps the status: no new timeline entry and nobody else is notified', () => {
    const record = recordIn('RAPAT_DIJADWALKAN');
    const d = decide(record, 'jadwal_ulang', actor('subkoordinator'), VALID_INPUTS.jadwal_ulang(), NOW);
    expect(d.next).toBe('RAPAT_DIJADWALKAN');
    expect(writesOf(d)).toMatchObject({ jejak_status: record.jejak_status, rapat_tanggal: '2026-03-26', rapat_jam: '10:00' });
    expect(effectsOf(d, 'notify')).toEqual([]);
  });
});

describe('a light complaint, received Monday 16 March 2026', () => {
  it('goes DITERIMA -periksa-> DIPERIKSA -nilai ringan-> DITANGANI_LANGSUNG -jawab-> SELESAI', () => {
    let record = recordIn('DITERIMA');
    const step = (aksi: AksiKey, who: Actor, inputs: Record<string, unknown>, now: number): Decision => {
      const d = decide(deepFreeze(record), aksi, who, inputs, now);
      record = apply(record, d);
      return d;
    };

    const periksa = step('periksa', actor('petugas'), { persyaratan: [...PERSYARATAN] }, wib('2026-03-17 09:00')); // Tuesday
    expect(periksa.next).toBe('DIPERIKSA');
    expect(notifiedRoles(periksa)).toEqual(['subkoordinator']);
    expect(record).toMatchObject({ persyaratan_kurang: '', menunggu: PERAN_LABEL.subkoordinator });

    const nilai = step('nilai', actor('subkoordinator'), { kategori: 'ringan', alasan: 'Cukup dijelaskan.' }, wib('2026-03-17 10:00')); // Tuesday
    expect(nilai.next).toBe('DITANGANI_LANGSUNG');
    expect(notifiedRoles(nilai), 'the Subkoordinator keeps it: nobody else to tell').toEqual([]);
    expect(record).toMatchObject({ kategori: 'ringan', alasan_kategori: 'Cukup dijelaskan.' });

    const jawab = step('jawab', actor('subkoordinator'), { jawaban: 'Sudah dijelaskan.', cara: 'Telepon' }, wib('2026-03-17 11:00')); // Tuesday
    expect(jawab.next).toBe('SELESAI');
    expect(pelaporNotices(jawab)).toHaveLength(1);
    expect(record).toMatchObject({ status: 'SELESAI', menunggu: '', cara_jawaban: 'telepon', selesai_pada: '2026-03-17 11:00:00' });
    expect(parseTimeline(String(record.jejak_status))).toEqual([
      { status: 'DITERIMA', at: RECEIVED },
      { status: 'DIPERIKSA', at: wib('2026-03-17 09:00') },
      { status: 'DITANGANI_LANGSUNG', at: wib('2026-03-17 10:00') },
      { status: 'SELESAI', at: wib('2026-03-17 11:00') },
    ]);
    for (const aksi of AKSI) refuse(record, aksi, actor(...PERAN), VALID_INPUTS[aksi](), 'AKSI_TIDAK_BERLAKU');
  });

  it('with incomplete requirements waits for the complainant, then continues once the rest arrive', () => {
    const first: readonly (typeof PERSYARATAN)[number][] = ['surat_ditandatangani', 'diketahui_lurah', 'diketahui_rt'];
    const rest = PERSYARATAN.filter((p) => !first.includes(p));
    const periksa = decide(recordIn('DITERIMA'), 'periksa', actor('petugas'), { persyaratan: first, catatan: 'Belum diketahui RW dst.' }, NOW);
    expect(periksa.next).toBe('MENUNGGU_KELENGKAPAN');
    expect(writesOf(periksa)).toMatchObject({
      persyaratan_diterima: first.map((p) => PERSYARATAN_LABEL[p]).join('; '),
      persyaratan_kurang: rest.map((p) => PERSYARATAN_LABEL[p]).join('; '),
      catatan_pemeriksaan: 'Belum diketahui RW dst.',
      menunggu: PERAN_LABEL.petugas,
    });
    expect(notifiedRoles(periksa), 'the petugas waits on it: nobody else to tell').toEqual([]);
    const notice = pelaporNotices(periksa);
    expect(notice).toHaveLength(1);
    for (const p of rest) expect(notice[0]?.body).toContain(PERSYARATAN_LABEL[p]);
    expect(notice[0]?.body).not.toContain(PERSYARATAN_LABEL.surat_ditandatangani);
    let record = apply(recordIn('DITERIMA'), periksa);

    // Nothing new and no note: refused, nothing changes.
    const err = refuse(record, 'lengkapi', actor('petugas'), { persyaratan: ['diketahui_lurah'] }, 'MASUKAN_TIDAK_VALID', wib('2026-03-18 09:00')); // Wednesday
    expect(err.problems.map((p) => p.field)).toEqual(['Persyaratan yang baru diterima']);
    refuse(record, 'lengkapi', actor('petugas'), {}, 'MASUKAN_TIDAK_VALID');

    // Part of the rest: still waiting, the status (and so the timeline) does not change.
    const part = decide(record, 'lengkapi', actor('petugas'), { persyaratan: ['diketahui_rw'] }, wib('2026-03-25 09:00')); // Wednesday
    expect(part.next).toBe('MENUNGGU_KELENGKAPAN');
    expect(writesOf(part).jejak_status).toBe(record.jejak_status);
    record = apply(record, part);

    // A note alone is accepted (the petugas records contact with the complainant).
    const note = decide(record, 'lengkapi', actor('petugas'), { catatan: 'Pelapor dihubungi via WhatsApp.' }, wib('2026-03-25 10:00')); // Wednesday
    expect(note.next).toBe('MENUNGGU_KELENGKAPAN');

    const done = decide(record, 'lengkapi', actor('petugas'), { persyaratan: rest.filter((p) => p !== 'diketahui_rw') }, wib('2026-03-26 09:00')); // Thursday
    expect(done.next).toBe('DIPERIKSA');
    expect(writesOf(done)).toMatchObject({
      persyaratan_diterima: PERSYARATAN.map((p) => PERSYARATAN_LABEL[p]).join('; '),
      persyaratan_kurang: '',
      catatan_pemeriksaan: 'Belum diketahui RW dst.',
    });
    expect(notifiedRoles(done)).toEqual(['subkoordinator']);
    record = apply(record, done);
    expect(parseTimeline(String(record.jejak_status)).map((e) => e.status)).toEqual(['DITERIMA', 'MENUNGGU_KELENGKAPAN', 'DIPERIKSA']);
  });

  it('a rule requiring only the signed letter makes a partial checklist complete', () => {
    const rules: SopRules = { persyaratanWajib: ['surat_ditandatangani'] };
    const d = decide(recordIn('DITERIMA'), 'periksa', actor('petugas'), { persyaratan: ['surat_ditandatangani', 'diketahui_rt'] }, NOW, rules);
    expect(d.next).toBe('DIPERIKSA');
    expect(writesOf(d)).toMatchObject({ persyaratan_kurang: '' });
    const without = decide(recordIn('DITERIMA'), 'periksa', actor('petugas'), { persyaratan: ['diketahui_lurah'] }, NOW, rules);
    expect(without.next).toBe('MENUNGGU_KELENGKAPAN');
    expect(writesOf(without)).toMatchObject({ persyaratan_kurang: PERSYARATAN_LABEL.surat_ditandatangani });
    // The same partial checklist under the default rules is incomplete.
    expect(decide(recordIn('DITERIMA'), 'periksa', actor('petugas'), { persyaratan: ['surat_ditandatangani', 'diketahui_rt'] }, NOW).next).toBe(
      'MENUNGGU_KELENGKAPAN',
    );
  });
});

describe('a heavy complaint through the technical team, with returns by the Koordinator, Sekretaris and Kepala', () => {
  it('reaches SELESAI, each return going to REVISI_BA and each revision clearing the initials', () => {
    let record = recordIn('DITERIMA');
    const log: Decision[] = [];
    const step = (aksi: AksiKey, role: Peran, inputs: Record<string, unknown>, when: string): Decision => {
      const d = decide(deepFreeze(record), aksi, actor(role), deepFreeze(inputs), wib(when));
      record = apply(record, d);
      log.push(d);
      expect(historyOf(d)).toMatchObject({ aksi, dari_status: d.from, ke_status: d.next, oleh_peran: role });
      return d;
    };

    step('periksa', 'petugas', { persyaratan: [...PERSYARATAN] }, '2026-03-17 09:00'); // Tuesday
    expect(step('nilai', 'subkoordinator', { kategori: 'berat', alasan: 'Usaha tanpa izin lingkungan.' }, '2026-03-17 10:00').next).toBe(
      'DILAPORKAN_PIMPINAN',
    ); // Tuesday
    expect(record.menunggu).toBe(PERAN_LABEL.kepala);
    const disposisi = step('disposisi', 'kepala', { disposisi: 'Koordinator: bentuk tim.' }, '2026-03-17 11:00'); // Tuesday
    expect(notifiedRoles(disposisi)).toEqual(['koordinator']);
    expect(record).toMatchObject({ disposisi: 'Koordinator: bentuk tim.', disposisi_pada: '2026-03-17 11:00:00' });
    step('perintah_undangan', 'koordinator', { instruksi: 'Undang Dinas LH.' }, '2026-03-17 13:00'); // Tuesday
    const kirim = step('kirim_undangan', 'subkoordinator', VALID_INPUTS.kirim_undangan(), '2026-03-17 14:00'); // Tuesday
    expect(kirim.next).toBe('RAPAT_DIJADWALKAN');
    expect(record).toMatchObject({ rapat_tanggal: '2026-03-25', nomor_undangan: 'UNDANGAN-OTOMATIS-1' });
    expect(JSON.parse(String(record.rapat_undangan))).toEqual(VALID_INPUTS.kirim_undangan().undangan);

    // The result cannot be recorded before the meeting day.
    const early = refuse(record, 'catat_hasil_rapat', actor('subkoordinator'), VALID_INPUTS.catat_hasil_rapat(), 'MASUKAN_TIDAK_VALID', wib('2026-03-24 16:00')); // Tuesday
    expect(early.problems.map((p) => p.field)).toEqual(['Hasil rapat']);
    expect(early.message).toContain('2026-03-25');

    step('catat_hasil_rapat', 'subkoordinator', VALID_INPUTS.catat_hasil_rapat(), '2026-03-25 14:00'); // Wednesday, the meeting day
    expect(record.status).toBe('DRAFT_BA');
    expect(JSON.parse(String(record.rapat_hadir))).toEqual(VALID_INPUTS.catat_hasil_rapat().hadir);

    // Returned by the Koordinator.
    expect(step('kembalikan', 'koordinator', { catatan: 'Daftar hadir kurang.' }, '2026-03-25 15:00').next).toBe('REVISI_BA'); // Wednesday
    expect(record).toMatchObject({ catatan_revisi: 'Daftar hadir kurang.', menunggu: PERAN_LABEL.subkoordinator });
    refuse(record, 'perbaiki_draf', actor('subkoordinator'), { catatan: 'Sudah.' }, 'MASUKAN_TIDAK_VALID');
    step('perbaiki_draf', 'subkoordinator', { hadir: [{ nama: 'Lurah Tiaka', instansi: 'Kelurahan Tiaka' }] }, '2026-03-25 16:00'); // Wednesday
    expect(record).toMatchObject({ status: 'DRAFT_BA', paraf_koordinator_pada: '', paraf_sekretaris_pada: '' });

    // Initialled by the Koordinator, returned by the Sekretaris.
    step('paraf_koordinator', 'koordinator', {}, '2026-03-26 08:00'); // Thursday
    expect(record.paraf_koordinator_pada).toBe('2026-03-26 08:00:00');
    expect(step('kembalikan', 'sekretaris', { catatan: 'Perbaiki kesimpulan.' }, '2026-03-26 09:00').next).toBe('REVISI_BA'); // Thursday
    step('perbaiki_draf', 'subkoordinator', { kesimpulan: 'Kesimpulan perbaikan.' }, '2026-03-26 10:00'); // Thursday
    expect(record).toMatchObject({ status: 'DRAFT_BA', paraf_koordinator_pada: '', rapat_kesimpulan: 'Kesimpulan perbaikan.' });

    // Initialled by both, returned by the Kepala before signing.
    step('paraf_koordinator', 'koordinator', {}, '2026-03-26 11:00'); // Thursday
    step('paraf_sekretaris', 'sekretaris', { koreksi: 'Redaksi.' }, '2026-03-26 13:00'); // Thursday
    expect(record).toMatchObject({ paraf_koordinator_pada: '2026-03-26 11:00:00', paraf_sekretaris_pada: '2026-03-26 13:00:00' });
    const back = step('kembalikan', 'kepala', { catatan: 'Tambahkan tenggat tindak lanjut.' }, '2026-03-26 14:00'); // Thursday
    expect(back.next).toBe('REVISI_BA');
    expect(notifiedRoles(back)).toEqual(['subkoordinator']);
    step('perbaiki_draf', 'subkoordinator', { tindak_lanjut: [{ uraian: 'Pemantauan', pelaksana: 'Tim teknis', tenggat: '2026-04-10' }] }, '2026-03-26 15:00'); // Thursday; the tenggat is Friday 10 April
    expect(record).toMatchObject({ status: 'DRAFT_BA', paraf_koordinator_pada: '', paraf_sekretaris_pada: '' });

    step('paraf_koordinator', 'koordinator', {}, '2026-03-27 08:00'); // Friday
    step('paraf_sekretaris', 'sekretaris', {}, '2026-03-27 09:00'); // Friday
    const sign = step('tandatangani', 'kepala', { nomor_ba: '007/BA-PGD/DPMPTSP/III/2026' }, '2026-03-27 10:00'); // Friday
    expect(notifiedRoles(sign)).toEqual(['petugas']);
    expect(record).toMatchObject({ status: 'DITANDATANGANI', nomor_ba: '007/BA-PGD/DPMPTSP/III/2026', ditandatangani_pada: '2026-03-27 10:00:00' });

    const serahkan = step('serahkan', 'petugas', { cara: 'surat' }, '2026-03-30 09:00'); // Monday
    expect(serahkan.next).toBe('SELESAI');
    expect(pelaporNotices(serahkan)[0]?.body).toContain('007/BA-PGD/DPMPTSP/III/2026');
    expect(record).toMatchObject({ status: 'SELESAI', menunggu: '', selesai_pada: '2026-03-30 09:00:00', cara_penyerahan: 'surat' });

    expect(parseTimeline(String(record.jejak_status)).map((e) => e.status)).toEqual([
      'DITERIMA',
      'DIPERIKSA',
      'DILAPORKAN_PIMPINAN',
      'DISPOSISI_KOORDINATOR',
      'UNDANGAN_DISIAPKAN',
      'RAPAT_DIJADWALKAN',
      'DRAFT_BA',
      'REVISI_BA',
      'DRAFT_BA',
      'PARAF_KOORDINATOR',
      'REVISI_BA',
      'DRAFT_BA',
      'PARAF_KOORDINATOR',
      'PARAF_SEKRETARIS',
      'REVISI_BA',
      'DRAFT_BA',
      'PARAF_KOORDINATOR',
      'PARAF_SEKRETARIS',
      'DITANDATANGANI',
      'SELESAI',
    ]);
    expect(log.map((d) => d.from).slice(1)).toEqual(log.map((d) => d.next).slice(0, -1));
  });
});

describe('rules on dates', () => {
  it.each([
    { aksi: 'kirim_undangan', status: 'UNDANGAN_DISIAPKAN', tanggal: '2026-03-16', ok: false }, // Monday, yesterday
    { aksi: 'kirim_undangan', status: 'UNDANGAN_DISIAPKAN', tanggal: '2025-12-31', ok: false }, // Wednesday, last year
    { aksi: 'kirim_undangan', status: 'UNDANGAN_DISIAPKAN', tanggal: TODAY, ok: true }, // Tuesday, today
    { aksi: 'kirim_undangan', status: 'UNDANGAN_DISIAPKAN', tanggal: '2026-03-18', ok: true }, // Wednesday
    { aksi: 'jadwal_ulang', status: 'RAPAT_DIJADWALKAN', tanggal: '2026-03-16', ok: false }, // Monday, yesterday
    { aksi: 'jadwal_ulang', status: 'RAPAT_DIJADWALKAN', tanggal: '2026-04-01', ok: true }, // Wednesday
  ] as const)('$aksi for a meeting on $tanggal: accepted $ok', ({ aksi, status, tanggal, ok }) => {
    const inputs = { ...VALID_INPUTS[aksi](), tanggal };
    if (ok) {
      expect(decide(recordIn(status), aksi, actor('subkoordinator'), inputs, NOW).next).toBe('RAPAT_DIJADWALKAN');
    } else {
      const err = refuse(recordIn(status), aksi, actor('subkoordinator'), inputs, 'MASUKAN_TIDAK_VALID');
      expect(err.problems.map((p) => p.field)).toEqual(['Tanggal rapat']);
    }
  });

  it('"today" is the WIB date: at 23:30 WIB on Monday a meeting on Monday is still today', () => {
    const lateMonday = wib('2026-03-16 23:30'); // Monday, already Monday 16:30 UTC
    const inputs = { ...VALID_INPUTS.kirim_undangan(), tanggal: '2026-03-16' }; // Monday
    expect(decide(recordIn('UNDANGAN_DISIAPKAN'), 'kirim_undangan', actor('subkoordinator'), inputs, lateMonday).next).toBe('RAPAT_DIJADWALKAN');
    const earlyTuesday = wib('2026-03-17 00:30'); // Tuesday, still Monday 17:30 UTC
    refuse(recordIn('UNDANGAN_DISIAPKAN'), 'kirim_undangan', actor('subkoordinator'), inputs, 'MASUKAN_TIDAK_VALID', earlyTuesday);
  });

  it.each([
    { rapat: '2026-03-18', ok: false }, // Wednesday, tomorrow
    { rapat: TODAY, ok: true }, // Tuesday, the meeting day
    { rapat: '2026-03-13', ok: true }, // Friday, last week
  ])('the result of a meeting on $rapat recorded on Tuesday 17 March: accepted $ok', ({ rapat, ok }) => {
    const record = recordIn('RAPAT_DIJADWALKAN', { rapat_tanggal: rapat });
    if (ok) expect(decide(record, 'catat_hasil_rapat', actor('subkoordinator'), VALID_INPUTS.catat_hasil_rapat(), NOW).next).toBe('DRAFT_BA');
    else refuse(record, 'catat_hasil_rapat', actor('subkoordinator'), VALID_INPUTS.catat_hasil_rapat(), 'MASUKAN_TIDAK_VALID');
  });

  // Was a bug (core/sop.ts, catat_hasil_rapat): the rule reads rapat_tanggal with tryDayFromIso and
  // silently skips the check when the cell is not ISO. The register is edited by people
  // (DESIGN.md §3): a Tanggal Rapat retyped as "25/03/2026" (or read back as a Sheets display value)
  // lets the result of a meeting that has not happened yet be recorded and the draft BA produced.
  // Expected: a refusal (e.g. REGISTER_RUSAK or MASUKAN_TIDAK_VALID naming Tanggal Rapat).
  it('a meeting date the rule cannot read does not let the result be recorded early', () => {
    const record = recordIn('RAPAT_DIJADWALKAN', { rapat_tanggal: '25/03/2026' }); // Wednesday next week
    const err = refusal(() => decide(record, 'catat_hasil_rapat', actor('subkoordinator'), VALID_INPUTS.catat_hasil_rapat(), NOW));
    expect(err).toBeInstanceOf(PengaduanError);
  });
});

describe('closing a complaint that is not within the office authority (tutup)', () => {
  const CLOSERS: readonly Peran[] = ['subkoordinator', 'kepala'];
  // A signed Berita Acara is delivered, not closed.
  const CLOSABLE = OPEN_STATUS.filter((s) => s !== 'DITANDATANGANI');

  it.each(CLOSABLE.flatMap((status) => CLOSERS.map((role) => ({ status, role }))))('from $status by the $role', ({ status, role }) => {
    const d = decide(recordIn(status), 'tutup', actor(role), VALID_INPUTS.tutup(), NOW);
    expect(d.next).toBe('DITUTUP');
    expect(writesOf(d)).toMatchObject({
      status: 'DITUTUP',
      menunggu: '',
      alasan_penutupan: 'Bukan kewenangan DPMPTSP.',
      diteruskan_kepada: 'Dinas Lingkungan Hidup',
      selesai_pada: '2026-03-17 09:00:00', // Tuesday
    });
    expect(notifiedRoles(d)).toEqual([]);
    const notice = pelaporNotices(d);
    expect(notice).toHaveLength(1);
    expect(notice[0]?.body).toContain('Bukan kewenangan DPMPTSP.');
    expect(notice[0]?.body).toContain('Dinas Lingkungan Hidup');
  });

  it.each(CLOSABLE.flatMap((status) => PERAN.filter((r) => !CLOSERS.includes(r)).map((role) => ({ status, role }))))(
    'not from $status by the $role',
    ({ status, role }) => {
      refuse(recordIn(status), 'tutup', actor(role), VALID_INPUTS.tutup(), 'PERAN_TIDAK_BERWENANG');
    },
  );

  it.each([...FINAL_STATUS, 'DITANDATANGANI' as const])('not once %s', (status) => {
    for (const role of CLOSERS) refuse(recordIn(status), 'tutup', actor(role), VALID_INPUTS.tutup(), 'AKSI_TIDAK_BERLAKU');
  });

  it('without a reason is refused, naming the field', () => {
    const err = refuse(recordIn('DIPERIKSA'), 'tutup', actor('kepala'), { diteruskan_kepada: 'Dinas LH' }, 'MASUKAN_TIDAK_VALID');
    expect(err.problems.map((p) => p.field)).toEqual(['Alasan penutupan']);
  });
});

describe('a status typed over by hand in the sheet', () => {
  it.each<[string, Status, Status, string]>([
    ['a finished complaint reopened as DITERIMA', 'SELESAI', 'DITERIMA', 'periksa'],
    ['an initialled draft set back to DIPERIKSA to re-grade it', 'PARAF_SEKRETARIS', 'DIPERIKSA', 'nilai'],
  ])('refuses %s with REGISTER_RUSAK naming the status to restore', (_what, real, typed, aksi) => {
    const record = Object.freeze({ ...recordIn(real), status: typed, tahap: STATUS_LABEL[typed] });
    const actorRole: Peran = aksi === 'periksa' ? 'petugas' : 'subkoordinator';
    const err = refusal(() => decide(record, aksi, actor(actorRole), VALID_INPUTS[aksi as AksiKey](), NOW));
    expect(err.code).toBe('REGISTER_RUSAK');
    expect(err.message).toContain(`Kembalikan kolom Status menjadi "${real}"`);
  });
});

describe('limits found by review', () => {
  it('refuses a status other than DITERIMA with an empty timeline (the guard cannot be bypassed by clearing it)', () => {
    const record = { ...recordIn('PARAF_SEKRETARIS'), jejak_status: '' };
    const err = refuse(record, 'tandatangani', actor('kepala'), {}, 'REGISTER_RUSAK');
    expect(err.message).toContain('kosong');
  });

  it('refuses meeting results that would not fit in one spreadsheet cell', () => {
    const tindak_lanjut = Array.from({ length: 100 }, (_, i) => ({ uraian: `${i} ${'x'.repeat(990)}`, pelaksana: 'DLH' }));
    const err = refuse(recordIn('RAPAT_DIJADWALKAN'), 'catat_hasil_rapat', actor('subkoordinator'), { ...VALID_INPUTS.catat_hasil_rapat(), tindak_lanjut }, 'MASUKAN_TIDAK_VALID');
    expect(err.problems.map((p) => p.field)).toEqual(['Tindak Lanjut']);
  });

  it('does not e-mail the complainant again when lengkapi only adds a note', () => {
    const record = recordIn('MENUNGGU_KELENGKAPAN', { persyaratan_diterima: 'Formulir/surat pengaduan ditandatangani pelapor' });
    const d = decide(record, 'lengkapi', actor('petugas'), { catatan: 'Pelapor sudah dihubungi lagi.' }, NOW);
    expect(d.next).toBe('MENUNGGU_KELENGKAPAN');
    expect(pelaporNotices(d)).toEqual([]);
  });
});

describe('what a role may do, for menus and dialogs', () => {
  it('lists the actions of a role in the procedure order, and the statuses it may take each from', () => {
    expect(actionsOfRoles(['petugas'])).toEqual(['periksa', 'lengkapi', 'serahkan']);
    expect(actionsOfRoles([])).toEqual([]);
    expect(statusesFor('tutup', { email: 'k@x.id', roles: ['kepala'] })).toContain('DILAPORKAN_PIMPINAN');
    expect(statusesFor('kembalikan', { email: 'k@x.id', roles: ['kepala'] })).toEqual(['PARAF_SEKRETARIS']);
  });

  it('refuses with the same words as decide', () => {
    const viaDialog = refusal(() => statusesFor('tandatangani', { email: 'rina@x.id', roles: ['petugas'] }));
    expect(viaDialog.code).toBe('PERAN_TIDAK_BERWENANG');
    expect(viaDialog.message).toBe(`"${ACTIONS.tandatangani.label}" hanya dapat dilakukan oleh ${PERAN_LABEL.kepala}. rina@x.id terdaftar sebagai ${PERAN_LABEL.petugas}.`);
    expect(refusal(() => statusesFor('tandatangani', { email: 'tamu@x.id', roles: [] })).message).toContain('tamu@x.id belum terdaftar di tab Peran');
  });
});
