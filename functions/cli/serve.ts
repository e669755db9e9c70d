/**
 * `pengaduan layani` (what `npm start` runs): serves the three functions and the two pages
 * (/dasbor, /cek) on 127.0.0.1:8080 against the local register, created with sample data when
 * missing, prints their URLs with a `curl` for each function, and runs until Ctrl+C.
 */
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { isFinalStatus, isStatus } from '../../sheets-schema/index.js';
import { PengaduanError } from '../../core/errors.js';
import { parseConfig } from '../config.js';
import { depsFromConfig } from '../http/backends.js';
import { serve } from '../http/server.js';
import type { Io } from './main.js';

/** A sample complaint (number and access code) to show the status look-up with. */
async function sampleComplaint(deps: Awaited<ReturnType<typeof depsFromConfig>>): Promise<{ nomor: string; kode: string } | undefined> {
  return deps.register.transaction(
    (book) => {
      const rows = book.table('pengaduan').rows();
      // An open complaint shows more of the look-up (a stage, what happens next) than a closed one.
      const open = rows.find((r) => {
        const status = String(r.values.status ?? '').trim();
        return isStatus(status) && !isFinalStatus(status);
      }) ?? rows[0];
      return open ? { nomor: String(open.values.nomor ?? ''), kode: String(open.values.kode_akses ?? '') } : undefined;
    },
    { write: false, tabs: ['pengaduan'] },
  );
}

/** The `.env` of the current folder (see .env.example), if there is one; the environment wins. */
async function dotEnv(io: Io): Promise<Record<string, string | undefined>> {
  let text: string;
  try {
    text = await readFile(path.join(io.cwd, '.env'), 'utf8');
  } catch {
    return {};
  }
  try {
    return parseEnv(text);
  } catch {
    throw new PengaduanError('KONFIGURASI_TIDAK_VALID', 'Berkas .env tidak dapat dibaca; tulis satu NAMA=nilai per baris (lihat .env.example).');
  }
}

/** Why `port` cannot be listened on, if it cannot (tried and released at once). */
function portProblem(host: string, port: number): Promise<unknown> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', resolve);
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}

function portError(e: unknown, port: number): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new PengaduanError('ARGUMEN_TIDAK_VALID', `Port ${port} sudah dipakai program lain. Pilih port lain, misalnya: npm start -- --port 8081`);
  if (code === 'EACCES') return new PengaduanError('ARGUMEN_TIDAK_VALID', `Port ${port} tidak boleh dipakai pengguna ini; pilih port di atas 1024.`);
  if (code === 'EADDRNOTAVAIL') return new PengaduanError('ARGUMEN_TIDAK_VALID', `Alamat PENGADUAN_HOST tidak ada di komputer ini.`);
  return e;
}

export async function serveCommand(io: Io, opt: { port?: string; register: string | undefined }, ensureLocal: (register: string) => Promise<{ created: boolean }>): Promise<number> {
  // What the user typed is their mistake to fix (exit 2), not the configuration's.
  if (opt.port !== undefined && !(/^\d{1,5}$/.test(opt.port) && Number(opt.port) <= 65535)) {
    throw new PengaduanError('ARGUMEN_TIDAK_VALID', `--port harus nomor port 0–65535, bukan "${opt.port.slice(0, 20)}".\nLihat: pengaduan --help`);
  }
  if (opt.register !== undefined && !/\.xlsx$/i.test(opt.register)) {
    throw new PengaduanError('ARGUMEN_TIDAK_VALID', `Register harus berkas .xlsx, bukan "${opt.register.slice(0, 60)}".\nLihat: pengaduan --help`);
  }
  const env = { ...(await dotEnv(io)), ...io.env };
  const config = parseConfig({ ...env, ...(opt.register !== undefined ? { PENGADUAN_REGISTER: opt.register } : {}), ...(opt.port !== undefined ? { PORT: opt.port } : {}) }, io.cwd);
  const lines: string[] = [];
  // The port is tried before the register is touched: a second server refused for a busy port
  // must not have rewritten the register first.
  const busy = config.port === 0 ? undefined : await portProblem(config.host, config.port);
  if (busy) throw portError(busy, config.port);
  if (config.backend === 'lokal') {
    const { created } = await ensureLocal(config.register);
    lines.push(created ? `Register baru dibuat dengan contoh data: ${config.register}` : `Register: ${config.register}`);
  } else {
    lines.push(`Register: Google Sheets ${config.spreadsheetId}`);
  }
  const deps = await depsFromConfig(config);
  let running;
  try {
    running = await serve(config, deps);
  } catch (e) {
    throw portError(e, config.port);
  }
  const { url } = running;
  const sample = await sampleComplaint(deps).catch(() => undefined);
  const sebagai = config.auth === 'lokal' ? `-H 'X-Pengaduan-Sebagai: rina.petugas@contoh.go.id' ` : `-H "Authorization: Bearer $(gcloud auth print-identity-token)" `;
  const admin = config.auth === 'lokal' ? `-H 'X-Pengaduan-Sebagai: admin@contoh.go.id' ` : sebagai;
  const nomor = sample?.nomor || 'NOMOR';
  lines.push(
    '',
    `Fungsi dijalankan di ${url} (hentikan dengan Ctrl+C):`,
    `  ${url}/dokumen   buat dokumen pengaduan dan tulis tautannya di register (staf; POST JSON)`,
    `  ${url}/sla       hitung ulang SLA semua pengaduan dan tab Dasbor (admin/penjadwal; POST)`,
    `  ${url}/status    cek status oleh pelapor dengan nomor registrasi dan kode akses (publik)`,
    '',
    'Halaman (buka di peramban):',
    `  ${url}/dasbor    dasbor pimpinan: volume, kepatuhan waktu layanan, antrean, hambatan, keterlambatan`,
    `  ${url}/cek       cek status pengaduan oleh pelapor (contoh: nomor ${nomor}, kode ${sample?.kode || 'KODE'})`,
    '',
    'Contoh:',
    `  curl -s ${sebagai}-H 'Content-Type: application/json' -d '{"nomor":"${nomor}","jenis":"tanda_terima"}' ${url}/dokumen`,
    `  curl -s -X POST ${admin}${url}/sla`,
    `  curl -s -H 'Content-Type: application/json' -d '${JSON.stringify({ nomor, kode: sample?.kode || 'KODE' })}' ${url}/status`,
  );
  io.out(lines.join('\n'));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  io.err('Server dihentikan.');
  return 0;
}
