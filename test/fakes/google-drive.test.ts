// Drives the Drive fake with the real @googleapis/drive client, so what is asserted here is what
// the real client sends and what it makes of the fake's answers.
import { Readable } from 'node:stream';
import { drive } from '@googleapis/drive';
import { OAuth2Client } from 'google-auth-library';
import JSZip from 'jszip';
import nock from 'nock';
import { failure } from './http.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DOCX_MIME, FOLDER_MIME, GOOGLE_DOC_MIME, PDF_MIME, fakeDrive, type DriveFake } from './google-drive.js';

const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'test-token' });
/** No retries, so a failure is seen once. */
const api = drive({ version: 'v3', auth, retryConfig: { retry: 0 } });

let fake: DriveFake;
let sharedDrive: string;
let sharedFolder: string;
let myFolder: string;
let docx: Buffer;

beforeAll(async () => {
  nock.disableNetConnect();
  // A real ZIP, so its bytes are binary (not valid UTF-8) and must survive the multipart round trip.
  docx = await new JSZip().file('word/document.xml', '<w:document/>').file('pad.bin', Buffer.from([0xff, 0xfe, 0x00, 0x80])).generateAsync({ type: 'nodebuffer' });
});
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  fake = fakeDrive();
  sharedDrive = fake.addSharedDrive('Pengaduan');
  sharedFolder = fake.addFolder('Surat', sharedDrive);
  myFolder = fake.addFolder('Arsip', 'root');
});
afterEach(() => fake.close());


function driveError(code: number, reason: string, message: string): unknown {
  const errors: unknown = [expect.objectContaining({ reason, message, domain: expect.any(String) as unknown })];
  return { error: { code, message, errors } };
}

/** Uploads like our functions do: multipart, the media as a stream (a Buffer does not work, see below). */
function upload(name: string, parent: string, bytes: Buffer, mimeType: string, options: { convertTo?: string; supportsAllDrives?: boolean } = {}) {
  return api.files.create({
    supportsAllDrives: options.supportsAllDrives ?? true,
    fields: 'id,name,mimeType,webViewLink,parents,driveId,modifiedTime',
    requestBody: { name, parents: [parent], ...(options.convertTo ? { mimeType: options.convertTo } : {}) },
    media: { mimeType, body: Readable.from([bytes]) },
  });
}

async function download(fileId: string): Promise<Buffer> {
  const res = await api.files.get({ fileId, alt: 'media', supportsAllDrives: true }, { responseType: 'arraybuffer' });
  return Buffer.from(res.data as unknown as ArrayBuffer);
}

async function exportAs(fileId: string, mimeType: string): Promise<Buffer> {
  const res = await api.files.export({ fileId, mimeType }, { responseType: 'arraybuffer' });
  return Buffer.from(res.data as ArrayBuffer);
}

describe('files.create', () => {
  it('stores a multipart upload into a shared drive folder when supportsAllDrives=true', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d]);
    const res = await upload('lampiran.bin', sharedFolder, bytes, 'application/octet-stream');
    const id = res.data.id ?? '';
    expect(res.data).toEqual({
      id,
      name: 'lampiran.bin',
      mimeType: 'application/octet-stream',
      parents: [sharedFolder],
      driveId: sharedDrive,
      modifiedTime: expect.any(String) as unknown,
      webViewLink: `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
    });
    expect(Buffer.from(fake.file(id)?.content ?? [])).toEqual(bytes);
    expect(await download(id)).toEqual(bytes);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/upload/drive/v3/files', query: { uploadType: 'multipart', supportsAllDrives: 'true' }, status: 200 });
    expect(request?.body).toEqual({ metadata: { name: 'lampiran.bin', parents: [sharedFolder] }, media: { mimeType: 'application/octet-stream', content: new Uint8Array(bytes) } });
  });

  it('answers 404 for a shared drive folder without supportsAllDrives, and for a parent that does not exist', async () => {
    const hidden = await failure(upload('a.txt', sharedFolder, Buffer.from('a'), 'text/plain', { supportsAllDrives: false }));
    expect(hidden).toEqual({ status: 404, body: driveError(404, 'notFound', `File not found: ${sharedFolder}.`) });
    const missing = await failure(upload('a.txt', 'no-such-folder', Buffer.from('a'), 'text/plain'));
    expect(missing.body).toEqual(driveError(404, 'notFound', 'File not found: no-such-folder.'));
    expect(fake.files().map((f) => f.name)).toEqual(['Surat', 'Arsip']);
  });

  it('converts a .docx uploaded as a Google Doc, which then exports to PDF or back to the .docx', async () => {
    const res = await upload('Surat 1.docx', sharedFolder, docx, DOCX_MIME, { convertTo: GOOGLE_DOC_MIME });
    const id = res.data.id ?? '';
    expect(res.data).toMatchObject({ mimeType: GOOGLE_DOC_MIME, webViewLink: `https://docs.google.com/document/d/${id}/edit?usp=drivesdk` });
    expect(fake.file(id)).toMatchObject({ mimeType: GOOGLE_DOC_MIME, convertedFrom: DOCX_MIME, content: new Uint8Array(docx) });

    const pdf = await exportAs(id, PDF_MIME);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.endsWith('%%EOF')).toBe(true);
    expect(text).toContain('(FAKE PDF Surat 1.docx) Tj');
    // The xref table points exactly at each object, so a PDF reader takes it.
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.map((o, i) => text.slice(o, o + `${i + 1} 0 obj`.length))).toEqual(['1 0 obj', '2 0 obj', '3 0 obj', '4 0 obj', '5 0 obj']);

    expect(await exportAs(id, DOCX_MIME)).toEqual(docx);
    const noDownload = await failure(download(id));
    expect(noDownload).toEqual({
      status: 403,
      body: driveError(403, 'fileNotDownloadable', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.'),
    });
  });

  it('refuses to export what is not a Google Doc, or to a type Docs cannot export to', async () => {
    const binary = (await upload('a.pdf', myFolder, Buffer.from('%PDF-1.4'), PDF_MIME)).data.id ?? '';
    const doc = (await upload('b.docx', myFolder, docx, DOCX_MIME, { convertTo: GOOGLE_DOC_MIME })).data.id ?? '';
    expect(await failure(exportAs(binary, PDF_MIME))).toEqual({ status: 403, body: driveError(403, 'fileNotExportable', 'Export only supports Docs Editors files.') });
    expect(await failure(exportAs(doc, 'image/png'))).toEqual({ status: 400, body: driveError(400, 'badRequest', 'The requested conversion is not supported.') });
    expect((await failure(exportAs(doc, 'text/plain'))).status).toBe(501);
    expect(fake.unexpected).toEqual([expect.stringContaining('files.export to text/plain')]);
  });

  it('refuses loudly to convert anything but a .docx', async () => {
    const res = await failure(upload('c.txt', myFolder, Buffer.from('hello'), 'text/plain', { convertTo: GOOGLE_DOC_MIME }));
    expect(res.status).toBe(501);
    expect(fake.unexpected).toEqual([expect.stringContaining('converting text/plain to a Google Doc')]);
  });

  it('creates folders from metadata alone', async () => {
    const res = await api.files.create({ supportsAllDrives: true, fields: 'id', requestBody: { name: 'Nota', mimeType: FOLDER_MIME, parents: [sharedFolder] } });
    const id = res.data.id ?? '';
    expect(res.data).toEqual({ id, name: 'Nota', mimeType: FOLDER_MIME, parents: [sharedFolder], webViewLink: `https://drive.google.com/drive/folders/${id}` });
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/drive/v3/files', body: { name: 'Nota', mimeType: FOLDER_MIME, parents: [sharedFolder] } });
    expect(fake.file(id)?.driveId).toBe(sharedDrive);
  });

  it('cannot be given the media as a Buffer: the client only pipes streams into a multipart body', async () => {
    await expect(
      api.files.create({ requestBody: { name: 'x.txt', parents: [myFolder] }, media: { mimeType: 'text/plain', body: Buffer.from('x') } }),
    ).rejects.toThrow(/pipe is not a function/);
    expect(fake.requests).toEqual([]);
  });

  it('answers uploadType=media (no metadata) as an Untitled file in My Drive', async () => {
    const res = await api.files.create({ media: { mimeType: 'text/plain', body: 'isi' } });
    expect(res.data).toMatchObject({ name: 'Untitled', mimeType: 'text/plain', parents: [fake.file('root')?.id] });
    expect(fake.requests[0]?.query).toEqual({ uploadType: 'media' });
  });
});

describe('files.list', () => {
  beforeEach(() => {
    fake.addFile({ name: "Bu'Ani \\ 2025.docx", mimeType: DOCX_MIME, parents: [myFolder], appProperties: { nomor: '001/2025' } });
    fake.addFile({ name: 'catatan.txt', mimeType: 'text/plain', parents: [myFolder], trashed: true, content: Buffer.from('isi catatan') });
    fake.addFile({ name: 'Surat 1', mimeType: GOOGLE_DOC_MIME, parents: [sharedFolder], appProperties: { nomor: '001/2025' } });
  });

  async function names(q: string, shared = false): Promise<string[]> {
    const res = await api.files.list({ q, fields: 'files(id,name)', ...(shared ? { supportsAllDrives: true, includeItemsFromAllDrives: true } : {}) });
    return (res.data.files ?? []).map((f) => f.name ?? '');
  }

  it('implements the q subset: name with escapes, in parents, trashed, mimeType, appProperties, and', async () => {
    expect(await names("name = 'Bu\\'Ani \\\\ 2025.docx'")).toEqual(["Bu'Ani \\ 2025.docx"]);
    expect(await names(`'${myFolder}' in parents and trashed = false`)).toEqual(["Bu'Ani \\ 2025.docx"]);
    expect(await names(`'${myFolder}' in parents and trashed = true`)).toEqual(['catatan.txt']);
    expect(await names(`mimeType != '${FOLDER_MIME}' and mimeType = 'text/plain'`)).toEqual(['catatan.txt']);
    expect(await names("appProperties has { key='nomor' and value='001/2025' }")).toEqual(["Bu'Ani \\ 2025.docx"]);
    expect(await names("appProperties has { key='nomor' and value='001/2025' }", true)).toEqual(["Bu'Ani \\ 2025.docx", 'Surat 1']);
    expect(await names("'root' in parents")).toEqual(['Arsip']);
    expect(fake.requests[0]?.query.q).toBe("name = 'Bu\\'Ani \\\\ 2025.docx'");
  });

  it('answers 400 Invalid Value for what is not Drive grammar, and 501 for Drive terms it lacks', async () => {
    for (const q of ['name = Arsip', "name == 'Arsip'", "name = 'Arsip", "'x' in children", "name = 'a' and", "name = 'a\\n'"]) {
      const res = await failure(api.files.list({ q }));
      expect(res, q).toEqual({ status: 400, body: { error: { code: 400, message: 'Invalid Value', errors: [{ domain: 'global', reason: 'invalid', message: 'Invalid Value', location: 'q', locationType: 'parameter' }] } } });
    }
    expect((await failure(api.files.list({ q: "name contains 'Ar'" }))).status).toBe(501);
    expect((await failure(api.files.list({ q: "name = 'a' or name = 'b'" }))).status).toBe(501);
    expect(fake.unexpected).toEqual([expect.stringContaining("q term 'contains'"), expect.stringContaining("q term 'or'")]);
  });

  it('returns shared drive items only with supportsAllDrives and includeItemsFromAllDrives', async () => {
    const q = `'${sharedFolder}' in parents`;
    expect(await names(q)).toEqual([]);
    expect(await names(q, true)).toEqual(['Surat 1']);
    const inDrive = await api.files.list({ corpora: 'drive', driveId: sharedDrive, supportsAllDrives: true, includeItemsFromAllDrives: true, fields: 'files(name)' });
    expect(inDrive.data.files?.map((f) => f.name)).toEqual(['Surat', 'Surat 1']);
    expect((await failure(api.files.list({ corpora: 'drive', supportsAllDrives: true, includeItemsFromAllDrives: true }))).status).toBe(400);
  });

  it('answers the item fields and pages by pageSize, with nextPageToken only when fields asks for it', async () => {
    const first = await api.files.list({ pageSize: 2, orderBy: 'name', fields: 'nextPageToken,files(id,name,mimeType,parents,webViewLink,modifiedTime,appProperties)' });
    expect(first.data.files?.map((f) => f.name)).toEqual(['Arsip', "Bu'Ani \\ 2025.docx"]);
    expect(first.data.files?.[1]).toEqual({
      id: expect.any(String) as unknown,
      name: "Bu'Ani \\ 2025.docx",
      mimeType: DOCX_MIME,
      parents: [myFolder],
      appProperties: { nomor: '001/2025' },
      modifiedTime: expect.stringMatching(/^2025-01-06T02:00:\d\d\.000Z$/) as unknown,
      webViewLink: expect.stringMatching(/^https:\/\/drive\.google\.com\/file\/d\/.+\/view\?usp=drivesdk$/) as unknown,
    });
    const second = await api.files.list({ pageSize: 2, orderBy: 'name', pageToken: first.data.nextPageToken ?? '', fields: 'nextPageToken,files(name)' });
    // Only the fields asked for, plus the ones the fake always answers.
    expect(second.data).toEqual({ files: [{ id: expect.any(String) as unknown, name: 'catatan.txt', mimeType: 'text/plain', parents: [myFolder], webViewLink: expect.any(String) as unknown }] });
    const forgotten = await api.files.list({ pageSize: 1, fields: 'files(id)' });
    expect(forgotten.data.nextPageToken).toBeUndefined();
    expect((await failure(api.files.list({ pageSize: 1001 }))).status).toBe(400);
    // size is int64, so a decimal string; folders have none.
    const sized = await api.files.list({ q: `'${myFolder}' in parents`, fields: 'files(name,size)', orderBy: 'name' });
    expect(sized.data.files?.map((f) => [f.name, f.size])).toEqual([
      ["Bu'Ani \\ 2025.docx", '0'],
      ['catatan.txt', '11'],
    ]);
    const folder = await api.files.get({ fileId: myFolder, fields: 'size' });
    expect(folder.data.size).toBeUndefined();
    expect((await failure(api.files.list({ fields: 'files(id,md5Checksum)' }))).status).toBe(501);
  });
});

describe('files.update, get and delete', () => {
  it('replaces content and metadata, merging appProperties, and bumps modifiedTime', async () => {
    const id = fake.addFile({ name: 'a.txt', mimeType: 'text/plain', parents: [sharedFolder], content: Buffer.from('satu'), appProperties: { a: '1', b: '2' } });
    const before = fake.file(id)?.modifiedTime ?? '';
    await api.files.update({ fileId: id, supportsAllDrives: true, media: { mimeType: 'text/plain', body: 'dua' } });
    expect(fake.requests[0]?.query).toEqual({ supportsAllDrives: 'true', uploadType: 'media' });
    const res = await api.files.update({
      fileId: id,
      supportsAllDrives: true,
      fields: 'id,appProperties,modifiedTime',
      requestBody: { name: 'b.txt', appProperties: { a: null, c: '3' } as unknown as Record<string, string> },
      media: { mimeType: 'text/plain', body: Readable.from([Buffer.from('tiga')]) },
    });
    expect(res.data).toMatchObject({ name: 'b.txt', appProperties: { b: '2', c: '3' } });
    const after = fake.file(id);
    expect(Buffer.from(after?.content ?? []).toString()).toBe('tiga');
    expect(after?.modifiedTime && after.modifiedTime > before).toBe(true);
  });

  it('re-converts a Google Doc updated with a new .docx', async () => {
    const id = (await upload('d.docx', myFolder, docx, DOCX_MIME, { convertTo: GOOGLE_DOC_MIME })).data.id ?? '';
    const newer = Buffer.concat([docx, Buffer.from([0xff])]);
    await api.files.update({ fileId: id, media: { mimeType: DOCX_MIME, body: Readable.from([newer]) } });
    expect(fake.file(id)).toMatchObject({ mimeType: GOOGLE_DOC_MIME, convertedFrom: DOCX_MIME, content: new Uint8Array(newer) });
  });

  it('refuses parents in an update, as Drive does', async () => {
    const id = fake.addFile({ name: 'a.txt', mimeType: 'text/plain', parents: [myFolder] });
    const res = await failure(api.files.update({ fileId: id, requestBody: { parents: [sharedFolder] } }));
    expect(res).toEqual({
      status: 403,
      body: driveError(403, 'fieldNotWritable', 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.'),
    });
  });

  it('hides shared drive files from get/update/delete without supportsAllDrives', async () => {
    const id = fake.addFile({ name: 'a.txt', mimeType: 'text/plain', parents: [sharedFolder] });
    const notFound = { status: 404, body: { error: { code: 404, message: `File not found: ${id}.`, errors: [{ domain: 'global', reason: 'notFound', message: `File not found: ${id}.`, location: 'fileId', locationType: 'parameter' }] } } };
    expect(await failure(api.files.get({ fileId: id }))).toEqual(notFound);
    expect(await failure(api.files.update({ fileId: id, requestBody: { name: 'b' } }))).toEqual(notFound);
    expect(await failure(api.files.delete({ fileId: id }))).toEqual(notFound);
    const res = await api.files.get({ fileId: id, supportsAllDrives: true, fields: 'id,name,driveId,trashed' });
    expect(res.data).toEqual({ id, name: 'a.txt', mimeType: 'text/plain', parents: [sharedFolder], driveId: sharedDrive, trashed: false, webViewLink: expect.any(String) as unknown });
  });

  it('deletes with 204, folders with their contents', async () => {
    const inner = fake.addFile({ name: 'a.txt', mimeType: 'text/plain', parents: [sharedFolder] });
    const res = await api.files.delete({ fileId: sharedFolder, supportsAllDrives: true });
    expect(res.status).toBe(204);
    expect([fake.file(sharedFolder), fake.file(inner)]).toEqual([undefined, undefined]);
    expect((await failure(api.files.get({ fileId: inner, supportsAllDrives: true }))).status).toBe(404);
  });
});

describe('the plumbing', () => {
  it('answers 401 without a bearer token', async () => {
    const anonymous = drive({ version: 'v3', retryConfig: { retry: 0 } });
    const res = await failure(anonymous.files.list({}));
    expect(res.status).toBe(401);
    expect(res.body).toEqual(driveError(401, 'required', expect.stringMatching(/missing required authentication credential/) as unknown as string));
  });

  it('fails the next requests on demand, so the client retryConfig retries and succeeds', async () => {
    // retryDelay only applies to the first retry; later ones add (multiplier^n - 1) / 2 seconds, hence multiplier 1.
    const retrying = drive({ version: 'v3', auth, retryConfig: { retry: 3, retryDelay: 1, retryDelayMultiplier: 1, statusCodesToRetry: [[429, 429], [500, 599]], httpMethodsToRetry: ['GET', 'POST', 'PUT', 'PATCH'] } });
    fake.failNext(503, 2);
    const res = await retrying.files.list({ q: `'${myFolder}' in parents`, fields: 'files(id)' });
    expect(res.data.files).toEqual([]);
    fake.failNext(429);
    const made = await retrying.files.create({ requestBody: { name: 'F', mimeType: FOLDER_MIME, parents: [myFolder] } });
    expect(made.status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200, 429, 200]);
    expect(fake.requests[0]?.status).toBe(503);
  });

  it('shows that a retried multipart upload re-sends an empty body, so uploads must not be retried by the client', async () => {
    // googleapis-common builds the multipart body as a one-shot stream, even from a string.
    const retrying = drive({ version: 'v3', auth, retryConfig: { retry: 1, retryDelay: 1, httpMethodsToRetry: ['POST'] } });
    fake.failNext(503);
    const res = await failure(retrying.files.create({ requestBody: { name: 'a.txt', parents: [myFolder] }, media: { mimeType: 'text/plain', body: 'isi' } }));
    expect(res.status).toBe(400);
    expect(fake.requests.map((r) => [r.status, r.body === undefined])).toEqual([
      [503, false],
      [400, true],
    ]);
    expect(fake.files().map((f) => f.name)).toEqual(['Surat', 'Arsip']);
  });

  it('answers an injected failure with a Drive error body', async () => {
    fake.failNext(429);
    expect(await failure(api.files.list({}))).toEqual({ status: 429, body: driveError(429, 'rateLimitExceeded', 'Rate Limit Exceeded') });
  });

  it('answers 501 for endpoints and parameters it does not implement, and lists them', async () => {
    expect((await failure(api.files.copy({ fileId: myFolder, requestBody: {} }))).status).toBe(501);
    expect((await failure(api.drives.list({}))).status).toBe(501);
    expect((await failure(api.files.get({ fileId: myFolder, acknowledgeAbuse: true }))).status).toBe(501);
    expect(fake.unexpected).toEqual([
      expect.stringContaining(`POST /drive/v3/files/${myFolder}/copy`),
      expect.stringContaining('GET /drive/v3/drives'),
      expect.stringContaining("query parameter 'acknowledgeAbuse' on files.get"),
    ]);
  });

  it('refuses a second open fake', () => {
    expect(() => fakeDrive()).toThrow(/still open/);
  });
});
