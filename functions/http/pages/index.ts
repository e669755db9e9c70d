/**
 * The two pages of the local server: /dasbor (leadership; the figures of the register's
 * de-identified dashboard rows, recomputed on every visit without writing the register) and /cek
 * (citizens; the status page calling /status). Each handler reads, asks core/, renders.
 */
import type { Request, Response } from '@google-cloud/functions-framework';
import { TABS, type TabKey } from '../../../sheets-schema/index.js';
import { dasborFigures } from '../../../core/dasbor.js';
import type { DasborRow } from '../../../core/dashboard.js';
import type { CellValue } from '../../../core/record.js';
import { loadContext, sweepSla } from '../../../core/register.js';
import { defaultSettingValues } from '../../../core/settings.js';
import { isoFromDay, jamWib, wibDay } from '../../../core/time.js';
import type { AppDeps, Handler } from '../app.js';
import { log } from '../log.js';
import { cekPage } from './cek.js';
import { dasborPage } from './dasbor.js';
import { pageHeaders, type Page } from './html.js';

const SWEEP_TABS: readonly TabKey[] = ['pengaduan', 'peran', 'pengaturan', 'libur', 'dasbor'];
const DASBOR_KEYS = TABS.dasbor.columns.map((c) => c.key);

function send(res: Response, page: Page, method: string): void {
  res.status(200).set(pageHeaders(page));
  res.send(method === 'HEAD' ? '' : page.html);
}

/** The dashboard rows exactly as the SLA sweep would write them today, without writing them. */
export async function currentDashboard(deps: Pick<AppDeps, 'register' | 'now'>): Promise<{ rows: DasborRow[]; slaDays: number; instansi: string; now: number }> {
  const now = deps.now();
  return deps.register.transaction(
    (book) => {
      const ctx = loadContext(book);
      sweepSla(book, { now });
      // Only the dashboard tab's own columns leave the transaction (an extra column a person
      // typed beside them included: never).
      const rows = book
        .table('dasbor')
        .rows()
        .map((r): DasborRow => {
          const row: Record<string, CellValue> = {};
          for (const k of DASBOR_KEYS) row[k] = r.values[k] ?? '';
          return row;
        });
      return { rows, slaDays: ctx.settings.sla.days, instansi: ctx.settings.text.nama_instansi, now };
    },
    { write: false, tabs: SWEEP_TABS },
  );
}

export function pageHandlers(deps: AppDeps): { dasbor: Handler; cek: Handler } {
  const dasbor: Handler = async (req: Request, res: Response) => {
    const { rows, slaDays, instansi, now } = await currentDashboard(deps);
    const figures = dasborFigures(rows, { asOf: isoFromDay(wibDay(now)), slaDays });
    send(res, dasborPage(figures, { instansi, dihitung: jamWib(now) }), req.method);
  };
  const cek: Handler = async (req: Request, res: Response) => {
    const settings = await deps.register
      .transaction((book) => loadContext(book).settings.text, { write: false, tabs: ['pengaturan', 'libur', 'peran'] })
      .catch((e: unknown) => {
        // The citizens' page loads all the same, with the office's default name and number; the administrator reads why in the log.
        log('WARNING', `cek: pengaturan register tidak terbaca, halaman memakai nilai bawaan: ${e instanceof Error ? e.message : String(e)}`);
        return defaultSettingValues();
      });
    send(res, cekPage({ instansi: settings.nama_instansi, statusUrl: '/status', kontak: settings.telepon }), req.method);
  };
  return { dasbor, cek };
}

/** The status page as the deployed `status` function serves it to a browser: it calls its own address. */
export function deployedCekPage(): Page {
  const settings = defaultSettingValues();
  return cekPage({ instansi: settings.nama_instansi, statusUrl: '', kontak: settings.telepon });
}
