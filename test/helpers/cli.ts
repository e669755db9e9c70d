/**
 * Runs the `pengaduan` CLI in-process against a temporary register, with "now" fixed per call
 * (PENGADUAN_WAKTU), and captures what it prints.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../functions/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function tempDir(prefix = 'pengaduan-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function runCli(args: readonly string[], opts: { cwd: string; now?: string; env?: Record<string, string> }): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { ...(opts.now ? { PENGADUAN_WAKTU: opts.now } : {}), ...opts.env },
    cwd: opts.cwd,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
