/**
 * A transaction that keeps the process busy near the lock's stale time may have lost its lock
 * to another process without the refresh timer noticing: it must save nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbookRegister } from '../../functions/register/workbook.js';
import { seedDefaults } from '../../core/register.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = await tempDir('pengaduan-kunci-');
afterAll(cleanup);

const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // blocks the event loop, as a runaway render would
  }
};

describe('a transaction that blocks the process', () => {
  const file = path.join(dir, 'register.xlsx');

  it('past three quarters of the stale time saves nothing and says to retry', async () => {
    const reg = new WorkbookRegister(file, { staleMs: 4000 });
    await reg.transaction(() => undefined, { seed: seedDefaults });
    const before = await readFile(file);
    const error = await reg
      .transaction((book) => {
        book.table('pengaturan').append({ kunci: 'tidak_disimpan', nilai: 'x' }, ['admin']);
        busy(3200);
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REGISTER_TERKUNCI', message: expect.stringMatching(/Tidak ada yang disimpan; ulangi perintahnya/) as unknown });
    expect(Buffer.compare(before, await readFile(file))).toBe(0);
  }, 20_000);

  it('for a short stretch saves as usual', async () => {
    const reg = new WorkbookRegister(file, { staleMs: 4000 });
    await reg.transaction((book) => {
      book.table('pengaturan').append({ kunci: 'disimpan', nilai: 'x' }, ['admin']);
      busy(300);
    });
    const rows = await reg.transaction((book) => book.table('pengaturan').columnValues('kunci'), { write: false });
    expect(rows).toContain('disimpan');
    expect(rows).not.toContain('tidak_disimpan');
  });
});
