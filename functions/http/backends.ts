/**
 * Builds the functions' dependencies from the configuration: the local workbook and folder, or
 * Google Sheets and Drive. Each backend is imported only when chosen, so a cold start of the
 * Google deployment never loads the spreadsheet library of the local one, and the reverse.
 */
import path from 'node:path';
import { isPengaduanError } from '../../core/errors.js';
import type { Gambar } from '../../core/dokumen/kontrak.js';
import type { Config } from '../config.js';
import type { AppDeps, DocumentBackend } from './app.js';
import { GoogleIdentityVerifier, LocalIdentityVerifier } from './auth.js';

/** Google's retry settings can be shortened (tests); everything else comes from the configuration. */
export interface BackendOverrides {
  readonly retry?: { retry?: number; retryDelay?: number; retryDelayMultiplier?: number };
  /** An auth client for the Google APIs (tests: a fixed access token); default: the runtime's service account. */
  readonly googleAuth?: unknown;
}

export async function depsFromConfig(config: Config, overrides: BackendOverrides = {}): Promise<AppDeps> {
  const now = (): number => config.fixedNow ?? Date.now();
  return config.backend === 'google' ? googleDeps(config, now, overrides) : localDeps(config, now);
}

async function verifierOf(config: Config): Promise<AppDeps['verifier']> {
  if (config.auth === 'lokal') return new LocalIdentityVerifier();
  const { tokenClient } = await import('./google.js');
  return new GoogleIdentityVerifier(config.audiences, tokenClient());
}

async function localDeps(config: Config, now: () => number): Promise<AppDeps> {
  const [{ WorkbookRegister }, { LocalDocumentStore, loadLogo }, { TemplateSource }, { convertToPdf, sofficeCommand }] = await Promise.all([
    import('../register/workbook.js'),
    import('../dokumen/local.js'),
    import('../dokumen/render.js'),
    import('../dokumen/pdf.js'),
  ]);
  const register = new WorkbookRegister(config.register);
  const templates = new TemplateSource(config.templateDir);
  const documents = (): DocumentBackend => {
    const store = new LocalDocumentStore(config.register);
    return {
      sink: store,
      staged: store,
      deps: { templates, logo: (setting) => loadLogo(config.register, setting) },
      extras: async (_nomor, produced, pdf) => {
        if (!pdf) return { pdf: {}, warnings: [] };
        const files = produced.flatMap((p) => (p.link ? [store.absolute(p.link)] : []));
        try {
          const pdfs = await convertToPdf(files, { soffice: sofficeCommand() });
          const out: Record<string, string> = {};
          produced.forEach((p, i) => {
            const made = pdfs[i];
            if (made) out[p.jenis] = path.relative(path.dirname(config.register), made).split(path.sep).join('/');
          });
          return { pdf: out, warnings: [] };
        } catch (e) {
          if (isPengaduanError(e)) return { pdf: {}, warnings: [e.message] };
          throw e;
        }
      },
    };
  };
  return { config, register, documents, verifier: await verifierOf(config), now };
}

async function googleDeps(config: Config, now: () => number, overrides: BackendOverrides): Promise<AppDeps> {
  const [{ googleClients }, { SheetsRegister }, { DriveDocumentStore, DriveTemplateSource }, { TemplateSource }] = await Promise.all([
    import('./google.js'),
    import('../register/sheets.js'),
    import('../dokumen/drive.js'),
    import('../dokumen/render.js'),
  ]);
  // On Cloud Run the runtime's service account; it needs the Sheet shared with it and Shared Drive membership.
  const { sheets: sheetsClient, drive: driveClient } = googleClients(overrides.googleAuth);
  const retry = overrides.retry ? { retry: overrides.retry } : {};
  const register = new SheetsRegister({ client: sheetsClient, spreadsheetId: config.spreadsheetId, ...retry });
  const shipped = new TemplateSource(config.templateDir);
  // One template source per instance, so its cache of downloaded templates lives as long as the instance.
  const templates = config.templateFolderId ? new DriveTemplateSource({ client: driveClient, folderId: config.templateFolderId, ...retry }, shipped) : shipped;
  const logo = (setting: string): Promise<{ logo: Gambar | null; warning?: string }> =>
    templates instanceof DriveTemplateSource ? templates.logo(setting) : Promise.resolve(setting.trim() === '' ? { logo: null } : { logo: null, warning: `Logo kop "${setting.trim()}" dicari di folder template Google Drive, tetapi PENGADUAN_TEMPLATE_FOLDER_ID tidak diisi; tempat logo dibiarkan kosong.` });
  const documents = (pdf: boolean): DocumentBackend => {
    const store = new DriveDocumentStore({ client: driveClient, folderId: config.driveFolderId, pdf, ...retry });
    return {
      sink: store,
      deps: { templates, logo },
      extras: (nomor, produced) => {
        const pdf: Record<string, string> = {};
        for (const p of produced) {
          const link = store.pdfLinks.get(`${nomor.trim()}/${p.jenis}`);
          if (link) pdf[p.jenis] = link;
        }
        return Promise.resolve({ pdf, warnings: [] });
      },
    };
  };
  return { config, register, documents, verifier: await verifierOf(config), now };
}

