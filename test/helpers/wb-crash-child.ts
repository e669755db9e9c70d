/**
 * A child process for the crash test of the local register: it registers a batch of complaints in
 * one transaction and dies by SIGKILL halfway through writing the new workbook, the way a power
 * cut or a killed process would. Run as: node --import tsx wb-crash-child.ts REGISTER.xlsx COUNT
 * (cwd = project root). Before dying it prints the temporary file it was writing.
 */
import { open, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WorkbookRegister } from '../../functions/register/workbook.js';
import { registerComplaints, seedDefaults } from '../../core/register.js';
import { complaint, fixedClock } from './wb-fixtures.js';

const [file, countText] = process.argv.slice(2);
if (!file) throw new Error('usage: wb-crash-child.ts REGISTER.xlsx COUNT');
const count = Number(countText ?? '1');

// Patch FileHandle.writeFile (the register's save writes its temporary file through it): write the
// first half of the data, make it durable, then die without any cleanup.
const probeFile = path.join(os.tmpdir(), `.wb-crash-probe-${process.pid}`);
const probe = await open(probeFile, 'w');
const proto = Object.getPrototypeOf(probe) as { writeFile: (data: Uint8Array) => Promise<void>; sync: () => Promise<void> };
await probe.close();
await unlink(probeFile);
const realWrite = proto.writeFile;
proto.writeFile = async function (this: unknown, data: Uint8Array): Promise<void> {
  await realWrite.call(this, data.subarray(0, Math.floor(data.length / 2)));
  await proto.sync.call(this);
  process.stdout.write('half-written\n');
  process.kill(process.pid, 'SIGKILL');
  await new Promise(() => undefined);
};

const items = Array.from({ length: count }, (_, i) => complaint({ nama_pelapor: `Pelapor Terputus ${i + 1}` }));
await new WorkbookRegister(file).transaction((book) => registerComplaints(book, items, 'petugas@contoh.go.id', fixedClock()), { seed: seedDefaults });
process.stdout.write('saved without crashing\n');
