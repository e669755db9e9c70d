/**
 * Registers the functions with the Functions Framework under their deployed names. The app is
 * built once per instance (configuration, clients); a request that arrives before it is ready
 * waits for it, and one whose app could not be built gets the reason.
 */
import * as ff from '@google-cloud/functions-framework';
import { STATUS_TIDAK_TERSEDIA } from '../../core/status-warga.js';
import type { createApp } from './app.js';
import { log } from './log.js';

export const FUNCTION_NAMES = ['dokumen', 'sla', 'status'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
type App = ReturnType<typeof createApp>;

export function registerFunctions(app: Promise<App>): void {
  app.catch((e: unknown) => log('ERROR', `Fungsi tidak dapat disiapkan: ${e instanceof Error ? e.message : String(e)}`));
  for (const name of FUNCTION_NAMES) {
    ff.http(name, async (req, res) => {
      let ready: App;
      try {
        ready = await app;
      } catch (e) {
        // The public look-up never shows a citizen the administrator's message (it is in the log).
        if (name === 'status') res.status(503).json({ ok: false, kode: 'LAYANAN_TIDAK_TERSEDIA', pesan: STATUS_TIDAK_TERSEDIA });
        else res.status(500).json({ ok: false, kode: 'KONFIGURASI_TIDAK_VALID', pesan: `Fungsi belum dapat dipakai: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
      await ready[name](req, res);
    });
  }
}
