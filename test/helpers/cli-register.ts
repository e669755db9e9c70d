/**
 * A test file's own sample register, used through the `pengaduan` CLI: a temporary folder made
 * before the file's tests, a register there started with `mulai` (the sample office, its sample
 * complaints and their documents), and removed after them.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli, tempDir, type CliRun } from './cli.js';

export interface CliRegister {
  /** The temporary folder (the working directory of every call). */
  readonly dir: string;
  /** The register file in it. */
  readonly register: string;
  /** `pengaduan --register REGISTER ...args`, at `now` (default: the time given to useCliRegister). */
  cli(args: readonly string[], opts?: { now?: string; env?: Record<string, string> }): Promise<CliRun>;
  /** The register row of a complaint, as `status NOMOR --json` gives it. */
  record(nomor: string): Promise<Record<string, string>>;
}

/** Registers the hooks that make and remove the register; use the result inside tests only. */
export function useCliRegister(prefix: string, now: string): CliRegister {
  let dir = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  const session: CliRegister = {
    get dir() {
      return dir;
    },
    get register() {
      return path.join(dir, 'register.xlsx');
    },
    cli: (args, opts = {}) => runCli(['--register', session.register, ...args], { cwd: dir, now: opts.now ?? now, env: opts.env }),
    async record(nomor) {
      const r = await session.cli(['status', nomor, '--json']);
      expect(r.code, r.err).toBe(0);
      return (JSON.parse(r.out) as { record: Record<string, string> }).record;
    },
  };
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir(prefix));
    const started = await session.cli(['mulai']);
    expect(started.code, started.err).toBe(0);
  });
  afterAll(async () => cleanup());
  return session;
}
