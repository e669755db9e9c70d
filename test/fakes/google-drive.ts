/**
 * In-memory fake of the part of the Google Drive API v3 our Cloud Functions use, served at the HTTP
 * layer with nock so that the real `@googleapis/drive` client runs unchanged against it:
 *
 *   nock.disableNetConnect();
 *   const fake = fakeDrive();
 *   const driveId = fake.addSharedDrive('Pengaduan');
 *   const folder = fake.addFolder('Surat', driveId);
 *   await drive({ version: 'v3', auth }).files.create({ supportsAllDrives: true, requestBody: { name, parents: [folder] }, media });
 *   expect(fake.files().map((f) => f.name)).toContain(name);
 *   fake.close();
 *
 * What it guarantees:
 * - Endpoints: files.list (with a subset of the `q` grammar), files.create (metadata only, or
 *   uploadType=multipart|media), files.update (metadata PATCH, or upload PATCH multipart|media),
 *   files.get (metadata or alt=media), files.export (Google Docs to PDF or .docx), files.delete.
 * - Shared drives behave as in Drive: without supportsAllDrives=true their items are "File not
 *   found" (404) for get/update/delete/create-into, and files.list only returns them with both
 *   supportsAllDrives=true and includeItemsFromAllDrives=true.
 * - Uploading a .docx with metadata mimeType `application/vnd.google-apps.document` stores a
 *   converted Google Doc (`convertedFrom` set, the .docx bytes kept as its content): it cannot be
 *   downloaded (403 fileNotDownloadable), it exports to a small valid one-page PDF reading
 *   "FAKE PDF <name>" or back to the original .docx bytes.
 * - Errors have Drive v3's shape `{error:{code,message,errors:[{domain,reason,message,...}]}}`.
 * - `fields` is checked (a field the fake does not model is a 501) and applied loosely: answers
 *   always carry id, name, mimeType, webViewLink and parents; other fields (kind, driveId, trashed,
 *   appProperties, modifiedTime, size) only when asked for, or Drive's defaults when `fields` is absent.
 *   As in Drive, files.list only answers nextPageToken when `fields` asks for it (or is absent).
 * - Anything it does not implement (an endpoint, a query parameter, a metadata field, a conversion,
 *   a `q` term Drive knows but the fake does not) is answered HTTP 501 with a message naming it and
 *   recorded in `unexpected`. A `q` that is not Drive grammar at all is 400 "Invalid Value".
 * - Every request is recorded; an upload's body is recorded as `{ metadata?, media?: { mimeType, content } }`.
 * - Messages that begin "Fake Drive:" are the fake's own; the others copy Drive's wording.
 * - Times come from a logical clock (one second per change, from 2025-01-06T02:00:00Z) unless
 *   `now` is given, so modifiedTime strictly increases with every change.
 *
 * Deliberately not modelled: permissions and capabilities, revisions, resumable uploads,
 * conversions other than .docx to Google Docs, exports other than PDF/.docx of Google Docs,
 * addParents/removeParents, more than one parent, shared drive management, `q` with or/not/
 * contains/parentheses/dates. My Drive's root answers to the alias `root`.
 */
import nock from 'nock';
import { queryOf, safeDecode, type Query } from './http.js';

/** A Drive item as the fake stores it. */
export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  driveId?: string;
  trashed: boolean;
  appProperties?: Record<string, string>;
  content: Uint8Array;
  modifiedTime: string;
  webViewLink: string;
  /** For a Google Doc made by converting an upload: the mime type it was converted from. */
  convertedFrom?: string;
}

/** One request as the fake received it. `path` is percent-decoded; `status` is what it answered. */
export interface DriveRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body?: unknown;
  status?: number;
}

export interface DriveFake {
  /** Creates a shared drive and answers its id (also the id of its root folder). */
  addSharedDrive(name: string): string;
  /** Creates a folder under `parentId` (an id, a shared drive id or 'root'); answers its id. */
  addFolder(name: string, parentId: string, driveId?: string): string;
  addFile(f: Partial<DriveFile> & { name: string; mimeType: string; parents: string[] }): string;
  /** A copy of an item (shared drive roots and My Drive's root included), or undefined. */
  file(id: string): DriveFile | undefined;
  /** Copies of every item but the roots, oldest first. */
  files(): DriveFile[];
  readonly requests: DriveRequest[];
  /** The next `times` requests (default 1) are answered `status` with a Drive error body. */
  failNext(status: number, times?: number): void;
  /** One line per request answered 501 (or crashed the fake). Tests should expect it to be empty. */
  readonly unexpected: string[];
  /** Removes this fake's nock interceptors (and only them). */
  close(): void;
  /** Sets who may do what on an item (a shared drive's id: its members); children inherit them. */
  setPermissions(id: string, permissions: DrivePermission[]): void;
}

/** A permission as permissions.list answers it. */
export interface DrivePermission {
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  type: 'user' | 'group' | 'domain' | 'anyone';
  emailAddress?: string;
  domain?: string;
}

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

const HOST = 'https://www.googleapis.com';
const MY_DRIVE_ROOT = '0AFkMyDriveRootUk9PVA';
const FILE_FIELDS = ['kind', 'id', 'name', 'mimeType', 'parents', 'driveId', 'trashed', 'appProperties', 'modifiedTime', 'webViewLink', 'size'];
const ALWAYS = ['id', 'name', 'mimeType', 'webViewLink', 'parents'];
const DEFAULT_FILE_FIELDS = ['kind', ...ALWAYS];
/** Drive `q` words the fake knows are valid Drive but does not implement (answered 501). */
const UNIMPLEMENTED_Q = new Set(
  ['or', 'not', 'contains', 'fullText', 'modifiedTime', 'createdTime', 'viewedByMeTime', 'starred', 'hidden', 'sharedWithMe', 'properties', 'visibility', 'owners', 'writers', 'readers', 'shortcutDetails', 'memberCount', 'organizerCount', 'labels'].map((w) => w.toLowerCase()),
);

type Reply = [number, string | Buffer, Record<string, string>];

/** An answer other than 2xx; `code` 501 also lands in `unexpected`. */
class DriveError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly location?: string,
    readonly locationType = 'parameter',
  ) {
    super(message);
  }
}

const notImplemented = (what: string): DriveError => new DriveError(501, 'notImplemented', `Fake Drive: ${what} is not implemented by the fake`);
const notFound = (id: string): DriveError => new DriveError(404, 'notFound', `File not found: ${id}.`, 'fileId');
const invalid = (location: string, message = 'Invalid Value'): DriveError => new DriveError(400, 'invalid', message, location);
const badRequest = (message: string): DriveError => new DriveError(400, 'badRequest', message);

interface Item {
  file: DriveFile;
  seq: number;
  root: boolean;
  permissions?: DrivePermission[];
}

interface Media {
  mimeType: string;
  content: Buffer;
}

const openFakes = new Set<DriveFakeImpl>();

/** Starts the fake Drive (one at a time). `now` replaces the logical clock. */
export function fakeDrive(options?: { now?: () => Date }): DriveFake {
  return new DriveFakeImpl(options?.now);
}

class DriveFakeImpl implements DriveFake {
  readonly requests: DriveRequest[] = [];
  readonly unexpected: string[] = [];
  private readonly items = new Map<string, Item>();
  private failures: { status: number; left: number }[] = [];
  private readonly interceptors: nock.Interceptor[] = [];
  private seq = 0;
  private ticks = 0;
  private ids = 0;

  constructor(private readonly now?: () => Date) {
    if (openFakes.size > 0) throw new Error('Fake Drive: another fakeDrive() is still open; close() it first');
    openFakes.add(this);
    this.items.set(MY_DRIVE_ROOT, { file: this.newFile({ id: MY_DRIVE_ROOT, name: 'My Drive', mimeType: FOLDER_MIME, parents: [] }), seq: 0, root: true });
    const scope = nock(HOST).persist();
    const ours = (path: string): boolean => path.startsWith('/drive/') || path.startsWith('/upload/drive/');
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const interceptor = scope.intercept(ours, method);
      interceptor.reply((req: Request) => this.handle(req));
      this.interceptors.push(interceptor);
    }
  }

  // ------------------------------------------------------------------------------ test-side API

  addSharedDrive(name: string): string {
    this.ids += 1;
    const id = `0AFk${String(this.ids).padStart(9, '0')}Uk9PVA`;
    this.items.set(id, { file: this.newFile({ id, name, mimeType: FOLDER_MIME, parents: [], driveId: id }), seq: this.nextSeq(), root: true });
    return id;
  }

  addFolder(name: string, parentId: string, driveId?: string): string {
    return this.addFile({ name, mimeType: FOLDER_MIME, parents: [parentId], ...(driveId === undefined ? {} : { driveId }) });
  }

  addFile(f: Partial<DriveFile> & { name: string; mimeType: string; parents: string[] }): string {
    if (f.parents.length !== 1) throw new Error(`Fake Drive: an item has exactly one parent, got ${f.parents.length}`);
    const parent = this.items.get(f.parents[0] === 'root' ? MY_DRIVE_ROOT : (f.parents[0] ?? ''));
    if (!parent || parent.file.mimeType !== FOLDER_MIME) throw new Error(`Fake Drive: parent ${f.parents[0]} is not a folder of this fake`);
    if (f.driveId !== undefined && f.driveId !== parent.file.driveId) throw new Error(`Fake Drive: driveId ${f.driveId} does not match the parent's (${parent.file.driveId})`);
    if (f.id !== undefined && this.items.has(f.id)) throw new Error(`Fake Drive: id ${f.id} is taken`);
    const file = this.newFile({ ...f, parents: [parent.file.id], driveId: parent.file.driveId });
    this.items.set(file.id, { file, seq: this.nextSeq(), root: false });
    return file.id;
  }

  file(id: string): DriveFile | undefined {
    const item = this.items.get(id === 'root' ? MY_DRIVE_ROOT : id);
    return item ? copyFile(item.file) : undefined;
  }

  setPermissions(id: string, permissions: DrivePermission[]): void {
    const item = this.items.get(id);
    if (!item) throw new Error(`Fake Drive: no item ${id}`);
    item.permissions = permissions.map((p) => ({ ...p }));
  }

  /** permissions.list: the item's own permissions and those inherited from its folders and shared drive. */
  private permissionsOf(id: string, query: Query): Reply {
    checkParams(query, ['supportsAllDrives', 'fields', 'pageSize'], 'permissions.list');
    let item: Item | undefined = this.visible(id, boolParam(query, 'supportsAllDrives'));
    const out: (DrivePermission & { id: string; permissionDetails?: { inherited: boolean }[] })[] = [];
    let inherited = false;
    while (item) {
      for (const [i, p] of (item.permissions ?? []).entries()) out.push({ ...p, id: `${item.file.id}-${i}`, permissionDetails: [{ inherited }] });
      inherited = true;
      const parent: string | undefined = item.file.parents[0];
      item = parent === undefined || item.root ? undefined : this.items.get(parent);
    }
    return json(200, { kind: 'drive#permissionList', permissions: out });
  }

  files(): DriveFile[] {
    return [...this.items.values()].filter((i) => !i.root).map((i) => copyFile(i.file));
  }

  failNext(status: number, times = 1): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`Fake Drive: failNext wants a 4xx/5xx status, got ${status}`);
    this.failures.push({ status, left: times });
  }

  close(): void {
    for (const interceptor of this.interceptors.splice(0)) nock.removeInterceptor(interceptor);
    openFakes.delete(this);
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  private tick(): string {
    this.ticks += 1;
    return (this.now?.() ?? new Date(Date.UTC(2025, 0, 6, 2, 0, 0) + this.ticks * 1000)).toISOString();
  }

  private newFile(f: Partial<DriveFile> & { name: string; mimeType: string; parents: string[] }): DriveFile {
    if (f.id === undefined) this.ids += 1;
    const id = f.id ?? `1Fk${String(this.ids).padStart(30, '0')}`;
    const file: DriveFile = {
      id,
      name: f.name,
      mimeType: f.mimeType,
      parents: [...f.parents],
      trashed: f.trashed ?? false,
      content: new Uint8Array(f.content ?? new Uint8Array()),
      modifiedTime: f.modifiedTime ?? this.tick(),
      webViewLink: f.webViewLink ?? webViewLink(id, f.mimeType),
    };
    if (f.driveId !== undefined) file.driveId = f.driveId;
    if (f.appProperties !== undefined) file.appProperties = { ...f.appProperties };
    if (f.convertedFrom !== undefined) file.convertedFrom = f.convertedFrom;
    return file;
  }

  // ------------------------------------------------------------------------------ HTTP plumbing

  private async handle(req: Request): Promise<Reply> {
    const url = new URL(req.url);
    const raw = Buffer.from(await req.arrayBuffer());
    const record: DriveRequest = { method: req.method, path: safeDecode(url.pathname), query: queryOf(url.searchParams) };
    this.requests.push(record);
    let reply: Reply;
    try {
      if (!/^Bearer \S+$/.test(req.headers.get('authorization') ?? '')) {
        throw new DriveError(
          401,
          'required',
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
          'Authorization',
          'header',
        );
      }
      const rawMedia = url.pathname.startsWith('/upload/') && url.searchParams.get('uploadType') === 'media';
      const body = parseBody(raw, req.headers.get('content-type') ?? '', rawMedia, record);
      const failure = this.failures[0];
      if (failure) {
        failure.left -= 1;
        if (failure.left <= 0) this.failures.shift();
        throw injected(failure.status);
      }
      reply = this.route(record.method, url.pathname, record.query, body);
    } catch (error) {
      reply = this.errorReply(error, record);
    }
    record.status = reply[0];
    return reply;
  }

  private errorReply(error: unknown, record: DriveRequest): Reply {
    if (error instanceof DriveError) {
      if (error.code === 501) this.unexpected.push(`${record.method} ${record.path}: ${error.message}`);
      const detail: Record<string, string> = { message: error.message, domain: error.reason === 'rateLimitExceeded' ? 'usageLimits' : 'global', reason: error.reason };
      if (error.location !== undefined) Object.assign(detail, { location: error.location, locationType: error.locationType });
      return json(error.code, { error: { code: error.code, message: error.message, errors: [detail] } });
    }
    const message = `Fake Drive: the fake crashed on ${record.method} ${record.path}: ${error instanceof Error ? error.message : String(error)}`;
    this.unexpected.push(message);
    return json(500, { error: { code: 500, message, errors: [{ message, domain: 'global', reason: 'backendError' }] } });
  }

  private route(method: string, rawPath: string, query: Query, body: RequestBody): Reply {
    const where = `${method} ${safeDecode(rawPath)}`;
    const m = /^\/(upload\/)?drive\/v3\/files(?:\/([^/]+))?(\/export|\/permissions)?$/.exec(rawPath);
    if (!m) throw notImplemented(`endpoint ${where}`);
    const [, upload, rawId, tail] = m;
    const id = rawId === undefined ? undefined : safeDecode(rawId);
    if (tail === '/permissions') {
      if (method === 'GET' && id !== undefined && !upload) return this.permissionsOf(id, query);
      throw notImplemented(`endpoint ${where}`);
    }
    const exportPart = tail === '/export' ? tail : undefined;
    if (upload) {
      if (exportPart) throw notImplemented(`endpoint ${where}`);
      if (method === 'POST' && id === undefined) return this.create(query, body, true);
      if (method === 'PATCH' && id !== undefined) return this.update(id, query, body, true);
      throw notImplemented(`endpoint ${where}`);
    }
    if (exportPart) {
      if (method === 'GET' && id !== undefined) return this.export(id, query);
      throw notImplemented(`endpoint ${where}`);
    }
    if (id === undefined) {
      if (method === 'GET') return this.list(query);
      if (method === 'POST') return this.create(query, body, false);
      throw notImplemented(`endpoint ${where}`);
    }
    if (method === 'GET') return this.get(id, query);
    if (method === 'PATCH') return this.update(id, query, body, false);
    if (method === 'DELETE') return this.delete(id, query);
    throw notImplemented(`endpoint ${where}`);
  }

  /** The item `id` names, as a caller with (or without) supportsAllDrives can see it; else 404. */
  private visible(id: string, supportsAllDrives: boolean): Item {
    const item = this.items.get(id === 'root' ? MY_DRIVE_ROOT : id);
    if (!item || (item.file.driveId !== undefined && !supportsAllDrives)) throw notFound(id);
    return item;
  }

  // ------------------------------------------------------------------------------ files.list

  private list(query: Query): Reply {
    checkParams(query, ['q', 'fields', 'supportsAllDrives', 'includeItemsFromAllDrives', 'corpora', 'driveId', 'pageSize', 'pageToken', 'orderBy', 'spaces'], 'files.list');
    const supportsAllDrives = boolParam(query, 'supportsAllDrives');
    const allDrives = boolParam(query, 'includeItemsFromAllDrives');
    const corpora = singleParam(query, 'corpora') ?? 'user';
    const driveId = singleParam(query, 'driveId');
    const spaces = singleParam(query, 'spaces') ?? 'drive';
    if (spaces !== 'drive') throw notImplemented(`files.list spaces=${spaces}`);
    if (!['user', 'drive', 'allDrives', 'domain'].includes(corpora)) throw invalid('corpora');
    if (corpora === 'domain') throw notImplemented('files.list corpora=domain');
    if ((corpora === 'drive') !== (driveId !== undefined)) throw invalid('driveId', 'The driveId parameter must be specified if and only if corpora is set to drive.');
    if (allDrives && !supportsAllDrives) throw invalid('includeItemsFromAllDrives', 'Fake Drive: includeItemsFromAllDrives=true needs supportsAllDrives=true');
    if (corpora !== 'user' && !allDrives) throw invalid('includeItemsFromAllDrives', `Fake Drive: corpora=${corpora} needs includeItemsFromAllDrives=true`);
    const selection = listSelection(singleParam(query, 'fields'));
    const pageSizeText = singleParam(query, 'pageSize') ?? '100';
    const pageSize = Number(pageSizeText);
    if (!/^\d+$/.test(pageSizeText) || pageSize < 1 || pageSize > 1000) {
      throw invalid('pageSize', `Invalid value '${pageSizeText}'. Values must be within the range: [1, 1000]`);
    }
    const token = singleParam(query, 'pageToken');
    const offset = token === undefined ? 0 : /^fk-(\d+)$/.exec(token)?.[1];
    if (offset === undefined) throw invalid('pageToken');
    const predicate = parseQuery(singleParam(query, 'q') ?? '');
    const order = parseOrderBy(singleParam(query, 'orderBy'));
    const matches = [...this.items.values()]
      .filter((i) => !i.root)
      .filter((i) => i.file.driveId === undefined || (supportsAllDrives && allDrives))
      .filter((i) => corpora !== 'drive' || i.file.driveId === driveId)
      .filter((i) => predicate(i.file))
      .sort(order);
    const start = Number(offset);
    const page = matches.slice(start, start + pageSize);
    const body: Record<string, unknown> = {};
    if (selection.top.has('kind')) body.kind = 'drive#fileList';
    if (start + pageSize < matches.length && selection.top.has('nextPageToken')) body.nextPageToken = `fk-${start + pageSize}`;
    if (selection.top.has('incompleteSearch')) body.incompleteSearch = false;
    if (selection.top.has('files')) body.files = page.map((i) => project(i.file, selection.file));
    return json(200, body);
  }

  // ------------------------------------------------------------------------------ files.create

  private create(query: Query, body: RequestBody, upload: boolean): Reply {
    const params = ['supportsAllDrives', 'fields', ...(upload ? ['uploadType'] : [])];
    checkParams(query, params, 'files.create');
    const supportsAllDrives = boolParam(query, 'supportsAllDrives');
    const fields = fileSelection(singleParam(query, 'fields'));
    const { metadata, media } = this.uploadParts(query, body, upload);
    checkMetadata(metadata, ['name', 'mimeType', 'parents', 'appProperties'], 'files.create');
    const parents = metadata.parents ?? ['root'];
    if (!Array.isArray(parents) || !parents.every((p): p is string => typeof p === 'string')) throw invalid('parents');
    if (parents.length > 1) throw notImplemented('files.create with more than one parent');
    const parentId = parents[0] ?? 'root';
    const parent = this.visible(parentId, supportsAllDrives);
    if (parent.file.mimeType !== FOLDER_MIME) throw new DriveError(400, 'parentNotAFolder', `Fake Drive: parent ${parentId} is not a folder`, 'parents.id');
    const name = metadata.name ?? 'Untitled';
    if (typeof name !== 'string') throw invalid('name');
    const appProperties = mergeAppProperties(undefined, metadata.appProperties);
    const requestedMime = metadata.mimeType;
    if (requestedMime !== undefined && typeof requestedMime !== 'string') throw invalid('mimeType');
    const stored = storedContent(requestedMime, media, undefined);
    const file = this.newFile({
      name,
      mimeType: stored.mimeType,
      parents: [parent.file.id],
      content: stored.content,
      ...(parent.file.driveId === undefined ? {} : { driveId: parent.file.driveId }),
      ...(appProperties === undefined ? {} : { appProperties }),
      ...(stored.convertedFrom === undefined ? {} : { convertedFrom: stored.convertedFrom }),
    });
    this.items.set(file.id, { file, seq: this.nextSeq(), root: false });
    return json(200, project(file, fields));
  }

  /** Splits an upload (or a metadata-only request) into metadata and media. */
  private uploadParts(query: Query, body: RequestBody, upload: boolean): { metadata: Record<string, unknown>; media: Media | undefined } {
    if (!upload) {
      if (body.kind === 'none') return { metadata: {}, media: undefined };
      if (body.kind !== 'json' || !isRecord(body.value)) throw badRequest('Fake Drive: expected a JSON file resource as the body');
      return { metadata: body.value, media: undefined };
    }
    const uploadType = singleParam(query, 'uploadType');
    if (uploadType === 'resumable') throw notImplemented('uploadType=resumable');
    if (uploadType === 'multipart') {
      if (body.kind !== 'multipart') throw badRequest('Fake Drive: uploadType=multipart needs a multipart/related body');
      return { metadata: body.metadata, media: body.media };
    }
    if (uploadType === 'media') {
      if (body.kind !== 'raw') throw badRequest('Fake Drive: uploadType=media needs the raw content as the body');
      return { metadata: {}, media: body.media };
    }
    throw invalid('uploadType');
  }

  // ------------------------------------------------------------------------------ files.update

  private update(id: string, query: Query, body: RequestBody, upload: boolean): Reply {
    const params = ['supportsAllDrives', 'fields', ...(upload ? ['uploadType'] : [])];
    if (query.addParents !== undefined || query.removeParents !== undefined) throw notImplemented('files.update addParents/removeParents');
    checkParams(query, params, 'files.update');
    const supportsAllDrives = boolParam(query, 'supportsAllDrives');
    const fields = fileSelection(singleParam(query, 'fields'));
    const item = this.visible(id, supportsAllDrives);
    if (item.root) throw notImplemented('files.update of a drive root');
    const { metadata, media } = this.uploadParts(query, body, upload);
    if (metadata.parents !== undefined) {
      throw new DriveError(403, 'fieldNotWritable', 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.');
    }
    checkMetadata(metadata, ['name', 'mimeType', 'appProperties', 'trashed'], 'files.update');
    const file = item.file;
    const name = metadata.name ?? file.name;
    if (typeof name !== 'string') throw invalid('name');
    const trashed = metadata.trashed ?? file.trashed;
    if (typeof trashed !== 'boolean') throw invalid('trashed');
    const appProperties = mergeAppProperties(file.appProperties, metadata.appProperties);
    const requestedMime = metadata.mimeType;
    if (requestedMime !== undefined && typeof requestedMime !== 'string') throw invalid('mimeType');
    let stored: { mimeType: string; content: Uint8Array; convertedFrom?: string | undefined } = file;
    if (media) stored = storedContent(requestedMime ?? file.mimeType, media, file.mimeType);
    else if (requestedMime !== undefined && requestedMime !== file.mimeType) {
      if (requestedMime.startsWith('application/vnd.google-apps.') || file.mimeType.startsWith('application/vnd.google-apps.')) {
        throw notImplemented(`changing mimeType from ${file.mimeType} to ${requestedMime}`);
      }
      stored = { mimeType: requestedMime, content: file.content };
    }
    file.name = name;
    file.trashed = trashed;
    file.mimeType = stored.mimeType;
    file.content = new Uint8Array(stored.content);
    if (stored.convertedFrom === undefined) delete file.convertedFrom;
    else file.convertedFrom = stored.convertedFrom;
    if (appProperties === undefined) delete file.appProperties;
    else file.appProperties = appProperties;
    file.modifiedTime = this.tick();
    return json(200, project(file, fields));
  }

  // ------------------------------------------------------------------------------ files.get / export / delete

  private get(id: string, query: Query): Reply {
    checkParams(query, ['supportsAllDrives', 'fields', 'alt'], 'files.get');
    const supportsAllDrives = boolParam(query, 'supportsAllDrives');
    const alt = singleParam(query, 'alt') ?? 'json';
    const fields = fileSelection(singleParam(query, 'fields'));
    const file = this.visible(id, supportsAllDrives).file;
    if (alt === 'json') return json(200, project(file, fields));
    if (alt !== 'media') throw invalid('alt');
    if (file.mimeType.startsWith('application/vnd.google-apps.')) {
      throw new DriveError(403, 'fileNotDownloadable', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'alt');
    }
    return [200, Buffer.from(file.content), { 'Content-Type': file.mimeType }];
  }

  private export(id: string, query: Query): Reply {
    // files.export has no supportsAllDrives parameter (it works on shared drive files regardless);
    // the fake lets one through rather than calling it unexpected.
    checkParams(query, ['mimeType', 'supportsAllDrives'], 'files.export');
    const mimeType = singleParam(query, 'mimeType');
    if (mimeType === undefined) throw new DriveError(400, 'required', 'Required parameter: mimeType', 'mimeType');
    const item = this.items.get(id);
    if (!item) throw notFound(id);
    const file = item.file;
    if (file.mimeType !== GOOGLE_DOC_MIME) {
      if (file.mimeType.startsWith('application/vnd.google-apps.') && file.mimeType !== FOLDER_MIME) throw notImplemented(`files.export of ${file.mimeType}`);
      throw new DriveError(403, 'fileNotExportable', 'Export only supports Docs Editors files.');
    }
    if (mimeType === PDF_MIME) return [200, fakePdf(`FAKE PDF ${file.name}`), { 'Content-Type': PDF_MIME }];
    if (mimeType === DOCX_MIME) {
      if (file.convertedFrom !== DOCX_MIME) throw notImplemented('files.export to .docx of a Google Doc that was not converted from a .docx');
      return [200, Buffer.from(file.content), { 'Content-Type': DOCX_MIME }];
    }
    const docsExports = ['text/plain', 'text/html', 'application/rtf', 'application/vnd.oasis.opendocument.text', 'application/zip', 'application/epub+zip', 'text/markdown', 'text/x-markdown'];
    if (docsExports.includes(mimeType)) throw notImplemented(`files.export to ${mimeType}`);
    throw new DriveError(400, 'badRequest', 'The requested conversion is not supported.', 'convertTo');
  }

  private delete(id: string, query: Query): Reply {
    checkParams(query, ['supportsAllDrives'], 'files.delete');
    const item = this.visible(id, boolParam(query, 'supportsAllDrives'));
    if (item.root) throw notImplemented('files.delete of a drive root');
    const doomed = new Set([item.file.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const other of this.items.values()) {
        if (!doomed.has(other.file.id) && other.file.parents.some((p) => doomed.has(p))) {
          doomed.add(other.file.id);
          grew = true;
        }
      }
    }
    for (const gone of doomed) this.items.delete(gone);
    return [204, '', {}];
  }
}

// ------------------------------------------------------------------------------ content and conversion

/** What an upload stores: the media as is, or a Google Doc converted from a .docx. */
function storedContent(requestedMime: string | undefined, media: Media | undefined, currentMime: string | undefined): { mimeType: string; content: Uint8Array; convertedFrom?: string } {
  const target = requestedMime ?? currentMime;
  if (!media) return { mimeType: target ?? 'application/octet-stream', content: new Uint8Array() };
  if (target === GOOGLE_DOC_MIME) {
    if (media.mimeType !== DOCX_MIME) throw notImplemented(`converting ${media.mimeType} to a Google Doc`);
    if (media.content.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') throw badRequest('Fake Drive: the .docx to convert is not a ZIP file');
    return { mimeType: GOOGLE_DOC_MIME, content: media.content, convertedFrom: DOCX_MIME };
  }
  if (target?.startsWith('application/vnd.google-apps.')) throw notImplemented(`uploading content as ${target}`);
  return { mimeType: target ?? media.mimeType, content: media.content };
}

function webViewLink(id: string, mimeType: string): string {
  if (mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${id}`;
  if (mimeType === GOOGLE_DOC_MIME) return `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`;
  if (mimeType === 'application/vnd.google-apps.spreadsheet') return `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`;
  return `https://drive.google.com/file/d/${id}/view?usp=drivesdk`;
}

function copyFile(file: DriveFile): DriveFile {
  const copy: DriveFile = { ...file, parents: [...file.parents], content: new Uint8Array(file.content) };
  if (file.appProperties) copy.appProperties = { ...file.appProperties };
  return copy;
}

function mergeAppProperties(current: Record<string, string> | undefined, patch: unknown): Record<string, string> | undefined {
  if (patch === undefined) return current && { ...current };
  if (!isRecord(patch)) throw invalid('appProperties');
  const merged: Record<string, string> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete merged[key];
      continue;
    }
    if (typeof value !== 'string') throw invalid('appProperties');
    // Drive's documented limit: 124 bytes per property, key and value together, in UTF-8.
    if (Buffer.byteLength(key + value, 'utf8') > 124) throw new DriveError(400, 'invalidProperty', `Fake Drive: appProperties '${key}' is over 124 bytes (key and value together)`, 'appProperties');
    merged[key] = value;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function checkMetadata(metadata: Record<string, unknown>, allowed: string[], method: string): void {
  for (const key of Object.keys(metadata)) {
    if (!allowed.includes(key)) throw notImplemented(`metadata field '${key}' on ${method}`);
  }
}

/**
 * A small valid one-page PDF (A4, Helvetica) showing `text`; byte offsets in the xref table are
 * exact, so PDF readers accept it.
 */
export function fakePdf(text: string): Buffer {
  const escaped = text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (ch) => `\\${ch}`);
  const stream = `BT /F1 18 Tf 72 770 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(pdf, 'latin1');
}

// ------------------------------------------------------------------------------ q, orderBy, fields

type Token = { kind: 'string'; value: string } | { kind: 'word'; value: string } | { kind: 'op'; value: string };

/** Compiles the supported subset of Drive's `q` grammar; 501 for Drive terms it lacks, 400 for the rest. */
function parseQuery(q: string): (file: DriveFile) => boolean {
  const tokens = tokenize(q);
  for (const t of tokens) {
    if ((t.kind === 'word' && UNIMPLEMENTED_Q.has(t.value.toLowerCase())) || (t.kind === 'op' && ['(', ')', '<', '<=', '>', '>='].includes(t.value))) {
      throw notImplemented(`q term '${t.value}'`);
    }
  }
  if (tokens.length === 0) return () => true;
  let pos = 0;
  const fail = (): DriveError => invalid('q');
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos];
    if (!t) throw fail();
    pos += 1;
    return t;
  };
  const word = (w: string): boolean => {
    const t = peek();
    if (t?.kind === 'word' && t.value.toLowerCase() === w) {
      pos += 1;
      return true;
    }
    return false;
  };
  const expectOp = (op: string): void => {
    const t = next();
    if (t.kind !== 'op' || t.value !== op) throw fail();
  };
  const str = (): string => {
    const t = next();
    if (t.kind !== 'string') throw fail();
    return t.value;
  };
  const eqOrNot = (): boolean => {
    const t = next();
    if (t.kind === 'op' && (t.value === '=' || t.value === '!=')) return t.value === '=';
    throw fail();
  };
  const clause = (): ((f: DriveFile) => boolean) => {
    const t = next();
    if (t.kind === 'string') {
      if (!word('in')) throw fail();
      if (!word('parents')) throw fail();
      return (f) => f.parents.includes(t.value === 'root' ? MY_DRIVE_ROOT : t.value);
    }
    if (t.kind !== 'word') throw fail();
    if (t.value === 'name') {
      const positive = eqOrNot();
      if (!positive) throw notImplemented("q term 'name !='");
      const name = str();
      return (f) => f.name === name;
    }
    if (t.value === 'mimeType') {
      const positive = eqOrNot();
      const mime = str();
      return (f) => (f.mimeType === mime) === positive;
    }
    if (t.value === 'trashed') {
      const positive = eqOrNot();
      const value = next();
      if (value.kind !== 'word' || !['true', 'false'].includes(value.value.toLowerCase())) throw fail();
      const wanted = value.value.toLowerCase() === 'true';
      return (f) => (f.trashed === wanted) === positive;
    }
    if (t.value === 'appProperties') {
      if (!word('has')) throw fail();
      expectOp('{');
      if (!word('key')) throw fail();
      expectOp('=');
      const key = str();
      if (!word('and')) throw fail();
      if (!word('value')) throw fail();
      expectOp('=');
      const value = str();
      expectOp('}');
      return (f) => f.appProperties?.[key] === value;
    }
    throw fail();
  };
  const clauses = [clause()];
  while (pos < tokens.length) {
    if (!word('and')) throw fail();
    clauses.push(clause());
  }
  return (f) => clauses.every((c) => c(f));
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'") {
      let value = '';
      i += 1;
      for (;;) {
        const c = q[i];
        if (c === undefined) throw invalid('q');
        if (c === '\\') {
          const escaped = q[i + 1];
          if (escaped !== "'" && escaped !== '\\') throw invalid('q');
          value += escaped;
          i += 2;
        } else if (c === "'") {
          i += 1;
          break;
        } else {
          value += c;
          i += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(q.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'word', value: m });
      i += m.length;
    } else {
      const op = ['!=', '<=', '>=', '=', '<', '>', '{', '}', '(', ')'].find((o) => q.startsWith(o, i));
      if (!op) throw invalid('q');
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

function parseOrderBy(orderBy: string | undefined): (a: Item, b: Item) => number {
  if (orderBy === undefined || orderBy.trim() === '') return (a, b) => a.seq - b.seq;
  const keys = orderBy.split(',').map((part) => {
    const [key = '', direction, ...rest] = part.trim().split(/\s+/);
    if (rest.length > 0 || (direction !== undefined && direction !== 'desc')) throw invalid('orderBy');
    const compare: Record<string, (a: Item, b: Item) => number> = {
      name: (a, b) => {
        const [x, y] = [a.file.name.toLowerCase(), b.file.name.toLowerCase()];
        return x < y ? -1 : x > y ? 1 : 0;
      },
      modifiedTime: (a, b) => a.file.modifiedTime.localeCompare(b.file.modifiedTime),
      createdTime: (a, b) => a.seq - b.seq,
      folder: (a, b) => Number(b.file.mimeType === FOLDER_MIME) - Number(a.file.mimeType === FOLDER_MIME),
    };
    const fn = compare[key];
    if (!fn) throw notImplemented(`files.list orderBy '${key}'`);
    return direction === 'desc' ? (a: Item, b: Item) => fn(b, a) : fn;
  });
  return (a, b) => {
    for (const k of keys) {
      const c = k(a, b);
      if (c !== 0) return c;
    }
    return a.seq - b.seq;
  };
}

/** Splits a fields mask at top-level commas: "files(id,name),nextPageToken" → ["files(id,name)", "nextPageToken"]. */
function splitFields(fields: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of fields) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw invalid('fields', `Invalid field selection ${fields}`);
  parts.push(current.trim());
  return parts.filter((p) => p !== '');
}

/** Which file fields to answer (ALWAYS comes on top). */
function fileSelection(fields: string | undefined): Set<string> {
  if (fields === undefined) return new Set(DEFAULT_FILE_FIELDS);
  const chosen = new Set(ALWAYS);
  for (const field of splitFields(fields)) {
    if (field === '*') FILE_FIELDS.forEach((f) => chosen.add(f));
    else if (FILE_FIELDS.includes(field)) chosen.add(field);
    else throw notImplemented(`field '${field}' in fields=${fields}`);
  }
  return chosen;
}

function listSelection(fields: string | undefined): { top: Set<string>; file: Set<string> } {
  if (fields === undefined) return { top: new Set(['kind', 'nextPageToken', 'incompleteSearch', 'files']), file: new Set(DEFAULT_FILE_FIELDS) };
  const top = new Set<string>();
  const inner: string[] = [];
  for (const field of splitFields(fields)) {
    const nested = /^files\((.*)\)$/.exec(field)?.[1] ?? /^files\/(.+)$/.exec(field)?.[1];
    if (nested !== undefined) {
      top.add('files');
      inner.push(nested);
    } else if (field === '*') {
      ['kind', 'nextPageToken', 'incompleteSearch', 'files'].forEach((f) => top.add(f));
      inner.push('*');
    } else if (['kind', 'nextPageToken', 'incompleteSearch'].includes(field)) {
      top.add(field);
    } else if (field === 'files') {
      top.add('files');
      inner.push('*');
    } else {
      throw notImplemented(`field '${field}' in fields=${fields}`);
    }
  }
  return { top, file: fileSelection(inner.length > 0 ? inner.join(',') : '') };
}

function project(file: DriveFile, fields: Set<string>): Record<string, unknown> {
  const all: Record<string, unknown> = {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [...file.parents],
    driveId: file.driveId,
    trashed: file.trashed,
    appProperties: file.appProperties && { ...file.appProperties },
    modifiedTime: file.modifiedTime,
    webViewLink: file.webViewLink,
    // int64 travels as a decimal string; folders have none. (A Google Doc's real size is its own, not the .docx's.)
    size: file.mimeType === FOLDER_MIME ? undefined : String(file.content.byteLength),
  };
  return Object.fromEntries(FILE_FIELDS.filter((f) => fields.has(f) && all[f] !== undefined).map((f) => [f, all[f]]));
}

// ------------------------------------------------------------------------------ request bodies

type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; metadata: Record<string, unknown>; media: Media }
  | { kind: 'raw'; media: Media };

/** Parses a request body by content type (an uploadType=media body is always raw content) and records it on `record`. */
function parseBody(raw: Buffer, contentType: string, rawMedia: boolean, record: DriveRequest): RequestBody {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0 && !rawMedia) return { kind: 'none' };
  if (type === 'application/json' && !rawMedia) {
    const value = parseJson(raw.toString('utf8'), 'the request body');
    record.body = value;
    return { kind: 'json', value };
  }
  if (type === 'multipart/related' && !rawMedia) {
    const parts = parseMultipart(raw, contentType);
    const [meta, content] = parts ?? [];
    if (!parts || parts.length !== 2 || !meta || !content) throw badRequest('Fake Drive: a multipart upload has exactly two parts, JSON metadata then media');
    if (!(meta.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) throw badRequest('Fake Drive: the first part of a multipart upload must be application/json');
    const metadata = parseJson(meta.body.toString('utf8'), 'the metadata part');
    if (!isRecord(metadata)) throw badRequest('Fake Drive: the metadata part must be a JSON object');
    const media = { mimeType: content.headers['content-type'] ?? 'application/octet-stream', content: content.body };
    record.body = { metadata, media: { mimeType: media.mimeType, content: new Uint8Array(media.content) } };
    return { kind: 'multipart', metadata, media };
  }
  const media = { mimeType: type || 'application/octet-stream', content: raw };
  record.body = { media: { mimeType: media.mimeType, content: new Uint8Array(raw) } };
  return { kind: 'raw', media };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DriveError(400, 'parseError', `Fake Drive: ${what} is not valid JSON`);
  }
}

/** Splits a multipart/related body into parts (headers lower-cased); undefined when malformed. */
function parseMultipart(body: Buffer, contentType: string): { headers: Record<string, string>; body: Buffer }[] | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const next = Buffer.from(`\r\n--${boundary}`, 'latin1');
  const parts: { headers: Record<string, string>; body: Buffer }[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  pos += delimiter.length;
  for (;;) {
    const after = body.subarray(pos, pos + 2).toString('latin1');
    if (after === '--') return parts;
    if (after !== '\r\n') return undefined;
    const headerEnd = body.indexOf('\r\n\r\n', pos + 2, 'latin1');
    if (headerEnd < 0) return undefined;
    const headers: Record<string, string> = {};
    for (const line of body.subarray(pos + 2, headerEnd).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const end = body.indexOf(next, headerEnd + 4);
    if (end < 0) return undefined;
    parts.push({ headers, body: body.subarray(headerEnd + 4, end) });
    pos = end + next.length;
  }
}

// ------------------------------------------------------------------------------ small helpers

function injected(status: number): DriveError {
  if (status === 429 || status === 403) return new DriveError(status, 'rateLimitExceeded', 'Rate Limit Exceeded');
  if (status >= 500) return new DriveError(status, 'backendError', 'Backend Error');
  return new DriveError(status, 'fakeFailure', `Fake Drive: failure injected by failNext(${status})`);
}

function singleParam(query: Query, key: string): string | undefined {
  const v = query[key];
  if (Array.isArray(v)) throw invalid(key);
  return v;
}

function boolParam(query: Query, key: string): boolean {
  const v = singleParam(query, key);
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw invalid(key);
}

function checkParams(query: Query, allowed: string[], method: string): void {
  for (const key of Object.keys(query)) {
    if (allowed.includes(key) || key === 'prettyPrint') continue;
    throw notImplemented(`query parameter '${key}' on ${method}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function json(status: number, body: unknown): Reply {
  return [status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=UTF-8' }];
}
