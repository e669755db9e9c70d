/**
 * Documents on Google Drive (the Google deployment): stored in a folder of a Shared Drive (a
 * service account has no storage of its own, so files it creates in "My Drive" fail), one
 * sub-folder per complaint, with a PDF made by Drive's own conversion. A document rendered again
 * replaces the content of the same file, so the link in the register stays valid.
 *
 * Templates may come from a Drive folder that only administrators can edit: a Google Docs
 * document (exported as .docx) or a .docx file named like the template (`berita-acara`), checked
 * like any other template before use. Templates missing there come from `templates/`.
 */
import { Readable } from 'node:stream';
import type { drive_v3 } from '@googleapis/drive';
import type { JenisDokumen } from '../../sheets-schema/index.js';
import { templateEditorsProblem, type TemplateEditor } from '../../core/akses.js';
import { PengaduanError } from '../../core/errors.js';
import type { Gambar, NamaTemplate } from '../../core/dokumen/kontrak.js';
import { TEMPLATE_FILE } from '../../core/dokumen/kontrak.js';
import { GoogleApi, httpStatusOf } from '../google-api.js';
import type { DocumentSink } from './produce.js';
import { checkOnce, MAX_TEMPLATE_BYTES, TemplateSource, templateTooLarge, type Loaded, type TemplateLoader } from './render.js';
import { documentFileName, DOCX_MIME, safeName } from '../../core/dokumen/berkas.js';
import { logoOf, logoTooLarge, MAX_LOGO_BYTES } from './logo.js';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';
const PDF_MIME = 'application/pdf';

/** A value inside a Drive query string: backslashes and quotes escaped. */
const driveQuoted = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const ALL_DRIVES = { supportsAllDrives: true, includeItemsFromAllDrives: true, corpora: 'allDrives' } as const;

// A create retried after a lost answer would make a second file, and the client resends an
// upload with an empty body (its stream was read once): only reads and deletes are retried by the
// client; an update of a file's content is retried by `api.again` with a fresh stream.
const RETRIED_METHODS = ['GET', 'DELETE'];

/** A binary answer (`responseType: 'arraybuffer'`) as bytes. */
function bytesOf(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', 'Google Drive mengembalikan isi berkas yang tidak dikenal.');
}

function driveError(e: unknown, what: string, folderId: string): unknown {
  if (e instanceof PengaduanError) return e;
  const status = httpStatusOf(e);
  const detail = ((e as Error).message ?? '').slice(0, 200);
  if (status === 404 || status === 403 || status === 401) {
    return new PengaduanError(
      'BERKAS_TIDAK_DAPAT_DIAKSES',
      `Gagal ${what} di Google Drive (HTTP ${status}): folder ${folderId} tidak ditemukan atau akun layanan fungsi bukan anggota Shared Drive-nya (peran Content manager).`,
      { cause: e },
    );
  }
  if (status === 429 || (status !== undefined && status >= 500)) {
    return new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Gagal ${what}: Google Drive sedang sibuk (HTTP ${status}) setelah beberapa kali dicoba. Ulangi beberapa menit lagi.`, { cause: e });
  }
  return new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Gagal ${what} di Google Drive (${detail}).`, { cause: e });
}

interface DriveOptions {
  readonly client: drive_v3.Drive;
  readonly folderId: string;
  readonly retry?: { retry?: number; retryDelay?: number; retryDelayMultiplier?: number };
}

class DriveFolder {
  protected readonly client: drive_v3.Drive;
  readonly folderId: string;
  protected readonly api: GoogleApi;

  constructor(options: DriveOptions) {
    this.client = options.client;
    this.folderId = options.folderId;
    this.api = new GoogleApi(RETRIED_METHODS, options.retry, (e, what) => driveError(e, what, this.folderId));
  }

  /** The files directly in `parent` named `name` (not in the trash). */
  protected async find(parent: string, name: string, mimeType?: string): Promise<drive_v3.Schema$File[]> {
    const q = [`name = ${driveQuoted(name)}`, `${driveQuoted(parent)} in parents`, 'trashed = false', ...(mimeType ? [`mimeType = ${driveQuoted(mimeType)}`] : [])].join(' and ');
    const data = await this.api.call<drive_v3.Schema$FileList>('mencari berkas', (o) =>
      this.client.files.list({ q, fields: 'files(id,name,mimeType,webViewLink,modifiedTime)', pageSize: 10, ...ALL_DRIVES }, o),
    );
    return data.files ?? [];
  }
}

/** Stores documents in `<folder>/<NOMOR>/<NOMOR>_<jenis>.docx` (+ `.pdf`); returns the .docx's link. */
export class DriveDocumentStore extends DriveFolder implements DocumentSink {
  /** The PDF link of each document saved by this store (`NOMOR/jenis` → link). */
  readonly pdfLinks = new Map<string, string>();
  private readonly folders = new Map<string, Promise<string>>();
  private readonly pdf: boolean;

  constructor(options: DriveOptions & { pdf?: boolean }) {
    super(options);
    this.pdf = options.pdf ?? true;
  }

  private complaintFolder(nomor: string): Promise<string> {
    const name = safeName(nomor);
    let id = this.folders.get(name);
    if (!id) {
      id = (async () => {
        const found = await this.find(this.folderId, name, FOLDER_MIME);
        if (found[0]?.id) return found[0].id;
        const made = await this.api.call<drive_v3.Schema$File>('membuat folder pengaduan', (o) =>
          this.client.files.create({ requestBody: { name, mimeType: FOLDER_MIME, parents: [this.folderId] }, fields: 'id', supportsAllDrives: true }, o),
        );
        if (!made.id) throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', 'Google Drive tidak mengembalikan folder yang dibuat.');
        return made.id;
      })();
      this.folders.set(name, id);
      id.catch(() => this.folders.delete(name));
    }
    return id;
  }

  /** Creates the file, or replaces the content of the one already there (same id, same link). */
  private async put(parent: string, name: string, mimeType: string, bytes: Uint8Array): Promise<drive_v3.Schema$File> {
    const existing = (await this.find(parent, name))[0];
    const media = (): { mimeType: string; body: Readable } => ({ mimeType, body: Readable.from(Buffer.from(bytes)) });
    if (existing?.id) {
      const id = existing.id;
      // Replacing the content with the same bytes again is harmless: retried, each time with a new stream.
      return this.api.again(() =>
        this.api.call<drive_v3.Schema$File>('memperbarui dokumen', (o) => this.client.files.update({ fileId: id, media: media(), fields: 'id,name,webViewLink', supportsAllDrives: true }, o)),
      );
    }
    return this.api.call<drive_v3.Schema$File>('menyimpan dokumen', (o) =>
      this.client.files.create({ requestBody: { name, parents: [parent], mimeType }, media: media(), fields: 'id,name,webViewLink', supportsAllDrives: true }, o),
    );
  }

  /** A PDF made by Drive: the .docx converted to a temporary Google Doc, exported, then removed. */
  private async toPdf(parent: string, name: string, bytes: Uint8Array): Promise<Uint8Array> {
    const temp = await this.api.call<drive_v3.Schema$File>('mengonversi dokumen', (o) =>
      this.client.files.create(
        { requestBody: { name: `${name} (konversi sementara)`, parents: [parent], mimeType: GOOGLE_DOC_MIME }, media: { mimeType: DOCX_MIME, body: Readable.from(Buffer.from(bytes)) }, fields: 'id', supportsAllDrives: true },
        o,
      ),
    );
    const id = temp.id ?? '';
    try {
      return bytesOf(await this.api.call<unknown>('membuat PDF', (o) => this.client.files.export({ fileId: id, mimeType: PDF_MIME }, { ...o, responseType: 'arraybuffer' })));
    } finally {
      await this.api.call('menghapus berkas konversi', (o) => this.client.files.delete({ fileId: id, supportsAllDrives: true }, o)).catch(() => undefined);
    }
  }

  async save(nomor: string, jenis: JenisDokumen, bytes: Uint8Array): Promise<string> {
    const parent = await this.complaintFolder(nomor);
    const name = documentFileName(nomor, jenis);
    const docx = await this.put(parent, name, DOCX_MIME, bytes);
    if (this.pdf) {
      const pdfName = name.replace(/\.docx$/, '.pdf');
      const pdf = await this.put(parent, pdfName, PDF_MIME, await this.toPdf(parent, pdfName, bytes));
      if (pdf.webViewLink) this.pdfLinks.set(`${nomor.trim()}/${jenis}`, pdf.webViewLink);
    }
    return docx.webViewLink ?? `https://drive.google.com/file/d/${docx.id ?? ''}/view`;
  }
}

/** How long a listing of the template folder is trusted before Drive is asked again. */
const LISTING_TTL_MS = 60_000;

/**
 * Templates from a Drive folder: a Google Docs document named `berita-acara` (exported as
 * .docx) or a file `berita-acara.docx`. Downloaded again only when Drive says it changed; every
 * content is checked against the contract before its first use. Templates not in the folder
 * come from `fallback` (the shipped `templates/`).
 */
export class DriveTemplateSource extends DriveFolder implements TemplateLoader {
  private listing: { at: number; files: Promise<drive_v3.Schema$File[]> } | undefined;
  private editors: { at: number; key: string; problem: Promise<string | undefined> } | undefined;
  /** Set by `prepare`: someone besides the administrators can edit the folder. */
  private untrusted = false;
  private readonly cache = new Map<string, { version: string; bytes: Uint8Array }>();

  constructor(
    options: DriveOptions,
    private readonly fallback: TemplateLoader = new TemplateSource(),
    private readonly clock: () => number = Date.now,
  ) {
    super(options);
  }

  private files(): Promise<drive_v3.Schema$File[]> {
    if (!this.listing || this.clock() - this.listing.at > LISTING_TTL_MS) {
      const files = this.api.call<drive_v3.Schema$FileList>('membaca folder template', (o) =>
        this.client.files.list({ q: `${driveQuoted(this.folderId)} in parents and trashed = false`, fields: 'files(id,name,mimeType,modifiedTime,size)', pageSize: 100, ...ALL_DRIVES }, o),
      ).then((d) => d.files ?? []);
      this.listing = { at: this.clock(), files };
      files.catch(() => (this.listing = undefined));
    }
    return this.listing.files;
  }

  private async download(file: drive_v3.Schema$File, what: string): Promise<Uint8Array> {
    const id = file.id ?? '';
    const version = `${file.modifiedTime ?? ''}`;
    const hit = this.cache.get(id);
    if (hit && hit.version === version) return hit.bytes;
    const data =
      file.mimeType === GOOGLE_DOC_MIME
        ? await this.api.call<unknown>(`mengunduh ${what}`, (o) => this.client.files.export({ fileId: id, mimeType: DOCX_MIME }, { ...o, responseType: 'arraybuffer' }))
        : await this.api.call<unknown>(`mengunduh ${what}`, (o) => this.client.files.get({ fileId: id, alt: 'media', supportsAllDrives: true }, { ...o, responseType: 'arraybuffer' }));
    const bytes = bytesOf(data);
    this.cache.set(id, { version, bytes });
    return bytes;
  }

  /**
   * Checks that only administrators (the admin role on the Peran tab) and service accounts can
   * change the templates folder. When someone else can, its templates are not used (the shipped
   * ones are) and the returned warning says who, until the sharing is fixed.
   */
  async prepare(admins: ReadonlySet<string>): Promise<string | undefined> {
    const key = [...admins].sort().join(',');
    if (!this.editors || this.editors.key !== key || this.clock() - this.editors.at > LISTING_TTL_MS) {
      const problem = this.permissions().then((list) => templateEditorsProblem(editorsOf(list), admins));
      this.editors = { at: this.clock(), key, problem };
      problem.catch(() => (this.editors = undefined));
    }
    const problem = await this.editors.problem;
    this.untrusted = problem !== undefined;
    return problem;
  }

  /** Every permission on the folder (inherited ones included), page by page. */
  private async permissions(): Promise<drive_v3.Schema$Permission[]> {
    const out: drive_v3.Schema$Permission[] = [];
    let pageToken: string | undefined;
    do {
      const token = pageToken;
      const page = await this.api.call<drive_v3.Schema$PermissionList>('membaca izin folder template', (o) =>
        this.client.permissions.list({ fileId: this.folderId, supportsAllDrives: true, fields: 'nextPageToken,permissions(role,type,emailAddress,domain)', pageSize: 100, ...(token ? { pageToken: token } : {}) }, o),
      );
      out.push(...(page.permissions ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken && out.length < 10_000);
    return out;
  }

  async load(name: NamaTemplate): Promise<Loaded> {
    if (this.untrusted) return this.fallback.load(name);
    const fileName = TEMPLATE_FILE[name];
    const base = fileName.replace(/\.docx$/, '');
    const files = await this.files();
    const file = files.find((f) => f.name === base && f.mimeType === GOOGLE_DOC_MIME) ?? files.find((f) => f.name === fileName);
    if (!file?.id) return this.fallback.load(name);
    if (Number(file.size ?? 0) > MAX_TEMPLATE_BYTES) {
      throw templateTooLarge(`Drive: ${fileName}`);
    }
    const bytes = await this.download(file, `template ${fileName}`);
    const shown = `Drive: ${file.name ?? fileName}`;
    await checkOnce(name, bytes, shown);
    return { bytes, file: shown };
  }

  /** The letterhead logo named by `logo_kop`, from the same folder. Never stops a document. */
  async logo(setting: string): Promise<{ logo: Gambar | null; warning?: string }> {
    const name = setting.trim();
    if (name === '') return { logo: null };
    if (this.untrusted) return { logo: null, warning: `Logo kop "${name}" tidak dipakai: folder template Google Drive dapat diubah oleh selain admin.` };
    try {
      const file = (await this.files()).find((f) => f.name === name);
      if (!file?.id) return { logo: null, warning: `Logo kop "${name}" tidak ada di folder template Google Drive; tempat logo dibiarkan kosong.` };
      if (Number(file.size ?? 0) > MAX_LOGO_BYTES) return logoTooLarge(name);
      return logoOf(name, await this.download(file, `logo ${name}`));
    } catch (e) {
      return { logo: null, warning: `Logo kop "${name}" tidak dapat diunduh (${(e as Error).message.slice(0, 120)}); tempat logo dibiarkan kosong.` };
    }
  }
}

const EDITING_ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer']);

/** The folder's permissions that let someone change its content (the rule itself is core/akses.ts). */
function editorsOf(permissions: readonly drive_v3.Schema$Permission[]): TemplateEditor[] {
  return permissions
    .filter((p) => EDITING_ROLES.has(p.role ?? ''))
    .map((p) => ({ type: p.type ?? '', ...(p.emailAddress ? { email: p.emailAddress } : {}), ...(p.domain ? { domain: p.domain } : {}) }));
}
