/**
 * Every refused action in the built Apps Script changes nothing and says why in Indonesian: the
 * wrong role for each action, an action the complaint's status does not allow, invalid inputs,
 * an unknown action or number, a user not on the Peran tab, a locked register; and the menus
 * list exactly what each role may do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, AKSI, type ActionDef } from '../../core/sop.js';
import { PERAN, type Peran } from '../../sheets-schema/index.js';
import { TAB_KEYS, TABS } from '../../sheets-schema/index.js';
import { office, openAction, register, STAFF, submit, type Office, type Role } from './fixture.js';
import { sheetValues } from './harness.js';

const snapshot = (o: Office): string => JSON.stringify(TAB_KEYS.map((k) => sheetValues(o.s, TABS[k].name)));

/** A role that may not take `aksi` from any status. */
function outsider(aksi: keyof typeof ACTIONS): Role | undefined {
  const allowed = new Set<Peran>(Object.values((ACTIONS[aksi] as ActionDef).from).flat());
  return PERAN.find<Role>((r): r is Role => !allowed.has(r));
}

describe('refused actions change nothing', () => {
  let o: Office;
  let nomor: string;
  beforeAll(async () => {
    o = await office();
    submit(o);
    nomor = String(register(o)[0]?.['Nomor Registrasi']);
  });

  it.each(AKSI)('%s by a role the procedure does not name is refused by the server, whatever the dialog sent', (aksi) => {
    const role = outsider(aksi);
    if (!role) throw new Error(`every role may take ${aksi}`);
    const before = snapshot(o);
    const mails = o.s.fakes.state.mails.length;
    o.s.as(STAFF[role]);
    const r = o.s.call('kirimAksi', { aksi, nomor, masukan: {} }) as { ok: boolean; kode: string; pesan: string };
    expect(r.ok).toBe(false);
    // From DITERIMA, most actions do not apply at all; periksa does, and only for the petugas.
    expect(['PERAN_TIDAK_BERWENANG', 'AKSI_TIDAK_BERLAKU']).toContain(r.kode);
    expect(r.pesan).toMatch(/tidak dapat dilakukan|hanya dapat dilakukan/);
    expect(snapshot(o)).toBe(before);
    expect(o.s.fakes.state.mails.length).toBe(mails);
    expect(o.s.fakes.state.heldLocks).toEqual([]);
  });

  it('an action the status does not allow names what can be done now', () => {
    const before = snapshot(o);
    o.s.as(STAFF.kepala);
    const r = o.s.call('kirimAksi', { aksi: 'tandatangani', nomor, masukan: {} }) as { ok: boolean; kode: string; pesan: string };
    expect(r).toMatchObject({ ok: false, kode: 'AKSI_TIDAK_BERLAKU' });
    expect(r.pesan).toContain('Periksa persyaratan');
    expect(snapshot(o)).toBe(before);
  });

  it('invalid inputs come back field by field', () => {
    const before = snapshot(o);
    o.s.as(STAFF.petugas);
    const r = o.s.call('kirimAksi', { aksi: 'periksa', nomor, masukan: { persyaratan: ['surat_palsu'], catatan: 'x'.repeat(40_000), lain: 1 } }) as {
      ok: boolean;
      kode: string;
      masalah: { field: string; message: string }[];
    };
    expect(r).toMatchObject({ ok: false, kode: 'MASUKAN_TIDAK_VALID' });
    expect(r.masalah.map((m) => m.field)).toEqual(expect.arrayContaining(['lain', 'Persyaratan yang diterima', 'Catatan pemeriksaan']));
    expect(snapshot(o)).toBe(before);
  });

  it.each([
    ['an unknown action', { aksi: 'hapus_semua', nomor: 'X', masukan: {} }, 'AKSI_TIDAK_DIKENAL'],
    ['no complaint chosen', { aksi: 'periksa', nomor: '', masukan: {} }, 'MASUKAN_TIDAK_VALID'],
    ['an unknown number', { aksi: 'periksa', nomor: 'PGD-2099-9999', masukan: {} }, 'PENGADUAN_TIDAK_DITEMUKAN'],
    ['not an object', 'periksa', 'AKSI_TIDAK_DIKENAL'],
    ['null', null, 'AKSI_TIDAK_DIKENAL'],
  ])('%s', (_what, request, kode) => {
    const before = snapshot(o);
    o.s.as(STAFF.petugas);
    expect(o.s.call('kirimAksi', request)).toMatchObject({ ok: false, kode });
    expect(snapshot(o)).toBe(before);
  });

  it('someone not on the Peran tab is told to ask the admin', () => {
    const before = snapshot(o);
    o.s.as('tamu@contoh.com');
    const r = o.s.call('kirimAksi', { aksi: 'periksa', nomor, masukan: {} }) as { ok: boolean; kode: string; pesan: string };
    expect(r).toMatchObject({ ok: false, kode: 'PENGGUNA_TIDAK_TERDAFTAR' });
    expect(r.pesan).toContain('tab Peran');
    expect(snapshot(o)).toBe(before);
  });

  it('a register held by another execution for 30 s: nothing changes, the user is told to try again', () => {
    const before = snapshot(o);
    o.s.as(STAFF.petugas);
    o.s.fakes.state.lockContended = true;
    try {
      const r = o.s.call('kirimAksi', { aksi: 'periksa', nomor, masukan: { persyaratan: ['surat_ditandatangani'] } });
      expect(r).toMatchObject({ ok: false, kode: 'REGISTER_TERKUNCI' });
    } finally {
      o.s.fakes.state.lockContended = false;
    }
    expect(snapshot(o)).toBe(before);
  });

  it('a menu item for an action the user may not take answers with an alert, not a dialog', () => {
    o.s.as(STAFF.petugas);
    const dialogs = o.s.fakes.state.dialogs.length;
    o.s.call('aksi_tandatangani');
    expect(o.s.fakes.state.dialogs.length).toBe(dialogs);
    expect(o.s.fakes.state.alerts.at(-1)?.prompt).toMatch(/hanya dapat dilakukan oleh Kepala/);
  });
});

describe('menus by role', () => {
  let o: Office;
  beforeAll(async () => {
    o = await office();
  });

  it.each(Object.keys(STAFF) as Role[])('%s sees exactly the actions of that role, in the order of the procedure', (role) => {
    o.s.as(STAFF[role]);
    o.s.call('onOpen');
    const menu = o.s.fakes.state.menus.at(-1);
    expect(menu?.caption).toBe('Pengaduan');
    const expected = AKSI.filter((a) => Object.values((ACTIONS[a] as ActionDef).from).some((roles) => roles.includes(role))).map((a) => ACTIONS[a].label);
    const labels = menu?.items.map(([caption]) => caption) ?? [];
    expect(labels.slice(0, expected.length)).toEqual(expected);
    const handlers = new Set(menu?.entries.flatMap((e) => (e.kind === 'item' ? [e.functionName] : e.kind === 'subMenu' ? e.menu.items.map(([, f]) => f) : [])));
    for (const h of handlers) expect(typeof (o.s.context as Record<string, unknown>)[h], h).toBe('function');
    expect(menu?.entries.some((e) => e.kind === 'subMenu' && e.menu.caption === 'Admin')).toBe(role === 'admin');
    expect(labels.some((l) => l.startsWith('Catat pengaduan'))).toBe(['petugas', 'subkoordinator', 'admin'].includes(role));
  });

  it('someone without a role is told why the menu is empty', () => {
    o.s.as('tamu@contoh.com');
    o.s.call('onOpen');
    expect(o.s.fakes.state.menus.at(-1)?.items.map(([c]) => c)).toEqual(['Mengapa menu saya kosong?', 'Siapkan spreadsheet (admin)']);
    o.s.call('tentangAkses');
    expect(o.s.fakes.state.alerts.at(-1)?.prompt).toContain('tamu@contoh.com belum terdaftar di tab Peran');
  });

  it('when Google hides the e-mail from the simple trigger, the menu offers to load itself', () => {
    o.s.as('');
    o.s.call('onOpen');
    expect(o.s.fakes.state.menus.at(-1)?.items).toEqual([['Tampilkan menu saya', 'muatMenu']]);
  });

  it('only an admin may run Setup again', () => {
    o.s.as(STAFF.kepala);
    const forms = o.s.fakes.state.forms.length;
    o.s.call('siapkan');
    expect(o.s.fakes.state.alerts.at(-1)?.prompt).toMatch(/hanya dapat dilakukan oleh Admin/);
    expect(o.s.fakes.state.forms.length).toBe(forms);
  });

  it('the dialog lists only complaints the action applies to, the selected one first chosen', () => {
    submit(o, { nama_pelapor: 'Pelapor Dua' });
    const nomor = String(register(o).at(-1)?.['Nomor Registrasi']);
    const model = openAction(o, 'petugas', nomor, ACTIONS.periksa.label);
    expect(model.terpilih).toBe(nomor);
    expect((model.pengaduan as { nomor: string }[]).map((p) => p.nomor)).toContain(nomor);
  });
});

describe('the address of the dokumen function (Admin menu)', () => {
  it.each([
    ['not https', 'http://pengaduan-dokumen-abc-et.a.run.app'],
    ['not Cloud Run', 'https://contoh.com/dokumen'],
    ['markup', 'https://x.run.app/<script>'],
    ['empty', '   '],
  ])('refuses one that is %s, and keeps the one it had', async (_what, text) => {
    const o = await office();
    const before = o.s.fakes.state.properties.script.PENGADUAN_DOKUMEN_URL;
    o.s.fakes.state.promptResponses.push({ button: 'OK', text });
    o.s.call('aturLayananDokumen');
    expect(o.s.fakes.state.alerts.at(-1)?.prompt).toContain('Alamat tidak dikenali');
    expect(o.s.fakes.state.properties.script.PENGADUAN_DOKUMEN_URL).toBe(before);
  });

  it('is for admins only', async () => {
    const o = await office();
    o.s.as(STAFF.petugas);
    o.s.call('aturLayananDokumen');
    expect(o.s.fakes.state.prompts.filter((p) => p.title === 'Alamat layanan dokumen')).toHaveLength(1);
    expect(o.s.fakes.state.alerts.at(-1)?.prompt).toMatch(/hanya dapat dilakukan oleh Admin/);
  });
});
