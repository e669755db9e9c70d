/**
 * The guard of the system columns (installable onEdit): what a person types into a system column
 * is undone unless they are an admin; a paste over several cells is reported to the admins; the
 * complainant's data stays editable by staff. The script's own writes never fire onEdit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TABS } from '../../sheets-schema/index.js';
import { office, register, STAFF, submit, type Office } from './fixture.js';

const col = (key: string): number => TABS.pengaduan.columns.findIndex((c) => c.key === key) + 1;

/** A person edits cells by hand, then Apps Script fires the installable onEdit. */
function edit(o: Office, who: string, row: number, key: string, value: string | string[][]): void {
  const ss = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Pengaduan');
  if (!sheet) throw new Error('no Pengaduan');
  const values = typeof value === 'string' ? [[value]] : value;
  const range = sheet.getRange(row, col(key), values.length, values[0]?.length ?? 1);
  const old: unknown = values.length === 1 && values[0]?.length === 1 ? range.getValue() : undefined;
  // Typed into the register's plain-text cells, text stays as typed.
  range.setValues(values);
  const event: Record<string, unknown> = { range, value: values[0]?.[0], source: ss, user: { getEmail: () => who }, triggerUid: '1', authMode: 'FULL' };
  if (typeof old === 'string' || typeof old === 'number') event.oldValue = String(old);
  o.s.call('penjagaKolom', event);
}

describe('typing in a system column', () => {
  let o: Office;
  beforeAll(async () => {
    o = await office();
    submit(o);
  });

  it('is undone for staff, with a note saying to use the menu', () => {
    edit(o, STAFF.petugas, 2, 'status', 'SELESAI');
    expect(register(o)[0]?.Status).toBe('DITERIMA');
    const note = o.s.fakes.state.sheet('Pengaduan').notes.get(`2,${col('status')}`);
    expect(note).toMatch(/diisi oleh sistem.*menu Pengaduan/);
  });

  it('keeps a number a number', () => {
    const before = register(o)[0]?.['Sisa Hari Kerja'];
    expect(typeof before).toBe('number');
    edit(o, STAFF.kepala, 2, 'hari_kerja_sisa', '99');
    expect(register(o)[0]?.['Sisa Hari Kerja']).toBe(before);
  });

  it('is kept for an admin', () => {
    edit(o, STAFF.admin, 2, 'tahap', 'Dikoreksi admin');
    expect(register(o)[0]?.Tahap).toBe('Dikoreksi admin');
  });

  it("leaves the complainant's own data editable by staff", () => {
    edit(o, STAFF.petugas, 2, 'telepon_pelapor', '081299990000');
    expect(register(o)[0]?.['Telepon/WhatsApp Pelapor']).toBe('081299990000');
  });

  it('reports a paste over several system cells to the admins', () => {
    const mails = o.s.fakes.state.mails.length;
    edit(o, STAFF.petugas, 2, 'status', [['SELESAI', 'x']]);
    const mail = o.s.fakes.state.mails.slice(mails).find((m) => m.subject.startsWith('Kolom sistem register diubah langsung'));
    expect(mail?.to).toEqual([STAFF.admin]);
    expect(mail?.body).toContain(STAFF.petugas);
    expect(mail?.body).toContain('"Status"');
  });
});
