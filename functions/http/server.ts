/**
 * The embedded default's server: the same three functions, served together on one local port
 * through the Functions Framework (`/dokumen`, `/sla`, `/status`), on the local register, and two
 * pages: the leadership dashboard (`/dasbor`) and the citizens' status page (`/cek`).
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import * as ff from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Config } from '../config.js';
import { createApp, type AppDeps, type Handler } from './app.js';
import { FUNCTION_NAMES, type FunctionName } from './register.js';
import { isPengaduanError } from '../../core/errors.js';
import { log } from './log.js';
import { pageHandlers } from './pages/index.js';
import { BASE_STYLE, esc, pageHeaders, shell } from './pages/html.js';

const isFunctionName = (s: string): s is FunctionName => (FUNCTION_NAMES as readonly string[]).includes(s);

/** The pages served beside the functions, and the methods they answer. */
const PAGES = ['dasbor', 'cek'] as const;
type PageName = (typeof PAGES)[number];
const isPageName = (s: string): s is PageName => (PAGES as readonly string[]).includes(s);

/** A page that could not be made: an Indonesian page, never a stack trace. */
function pageError(res: Parameters<Handler>[1], e: unknown): void {
  const known = isPengaduanError(e);
  if (!known) log('ERROR', 'halaman: kesalahan tak terduga', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  const message = known ? e.message : 'Terjadi kesalahan tak terduga. Laporkan kepada admin bila berulang.';
  const page = shell({
    title: 'Halaman tidak dapat ditampilkan',
    style: BASE_STYLE,
    body: `<header class="kop"><h1>Halaman tidak dapat ditampilkan</h1></header><main><section class="kartu"><p>${esc(message)}</p><p class="catatan">Muat ulang halaman ini sebentar lagi.</p></section></main>`,
  });
  res.status(known && e.code === 'REGISTER_TERKUNCI' ? 503 : 500).set(pageHeaders(page)).send(page.html);
}

/** One function that routes by path to the three functions and the two pages, for serving them all on one port. */
function routerOf(app: Record<FunctionName, Handler>, pages: Record<PageName, Handler>): Handler {
  return async (req, res) => {
    const name = req.path.replace(/^\/+|\/+$/g, '');
    if (isFunctionName(name)) {
      await app[name](req, res);
      return;
    }
    if (isPageName(name)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.set('Allow', 'GET, HEAD');
        res.status(405).json({ ok: false, kode: 'METODE_TIDAK_DIDUKUNG', pesan: `Metode ${req.method.slice(0, 10)} tidak didukung; buka halaman ini dengan GET.` });
        return;
      }
      try {
        await pages[name](req, res);
      } catch (e) {
        pageError(res, e);
      }
      return;
    }
    if (name === '') {
      res.status(200).json({ ok: true, layanan: 'Layanan Pengaduan DPMPTSP Kota Payakumbuh', fungsi: FUNCTION_NAMES.map((f) => `/${f}`), halaman: PAGES.map((p) => `/${p}`) });
      return;
    }
    res.status(404).json({ ok: false, kode: 'TIDAK_ADA', pesan: `Alamat "${req.path.slice(0, 60)}" tidak ada. Fungsi: ${FUNCTION_NAMES.map((f) => `/${f}`).join(', ')}; halaman: ${PAGES.map((p) => `/${p}`).join(', ')}.` });
  };
}

export interface Running {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** Requests the local server accepts: the functions take a few hundred bytes of JSON. */
const MAX_BODY_BYTES = 1024 * 1024;

type ExpressApp = RequestListener & { use: (handler: (err: unknown, req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => void) => void };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The framework's server with two guards of the local server: a body over 1 MB (or of unknown
 * length) is refused before it is read, and a body that is not valid JSON gets an Indonesian JSON
 * answer instead of the framework's HTML page with a stack trace. (On Cloud Run the platform
 * caps requests at 32 MB and the production framework answers a plain 400.)
 */
function guarded(server: Server, corsOrigin: string, localOnly: boolean): Server {
  const app = server.listeners('request')[0] as ExpressApp | undefined;
  if (!app) return server;
  // Whatever the framework could not read (bad JSON, a charset or encoding it does not know, a
  // path it cannot decode) is answered in JSON and Indonesian, never with a stack trace.
  app.use((err, req, res, _next) => {
    const status = Number((err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode);
    const type = (err as { type?: unknown }).type;
    if (isStatusPath(req)) res.setHeader('Access-Control-Allow-Origin', corsOrigin);
    if (type === 'entity.parse.failed') sendJson(res, 400, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Isi permintaan bukan JSON yang valid. Periksa tanda kutip ganda, koma, dan kurung kurawal.' });
    else if (status === 413) sendJson(res, 413, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Isi permintaan terlalu besar.' });
    else if (status === 415) sendJson(res, 415, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Isi permintaan harus JSON UTF-8 tanpa pemampatan (Content-Type: application/json).' });
    else if (status >= 400 && status < 500) sendJson(res, 400, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Permintaan tidak dapat dibaca (alamat atau isinya rusak).' });
    else sendJson(res, 500, { ok: false, kode: 'KESALAHAN_INTERNAL', pesan: 'Terjadi kesalahan tak terduga di server. Tidak ada yang berubah; laporkan kepada admin bila berulang.' });
  });
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, pesan: string): void => {
    res.setHeader('Connection', 'close');
    if (isStatusPath(req)) res.setHeader('Access-Control-Allow-Origin', corsOrigin);
    res.on('finish', () => req.destroy());
    sendJson(res, status, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan });
  };
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers['content-length'] ?? 0);
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (req.headers['transfer-encoding'] !== undefined) return refuse(req, res, 411, 'Kirim isi permintaan dengan Content-Length (tanpa chunked).');
    if (!(length <= MAX_BODY_BYTES)) return refuse(req, res, 413, 'Isi permintaan lebih dari 1 MB; fungsi ini hanya menerima JSON pendek.');
    // A compressed body could inflate far past the 1 MB its length promises.
    if (encoding !== 'identity') return refuse(req, res, 415, 'Isi permintaan harus JSON tanpa pemampatan (tanpa Content-Encoding).');
    // A web page on another site can reach 127.0.0.1 through DNS rebinding under its own host
    // name, and would then name any staff e-mail in X-Pengaduan-Sebagai: only this computer's
    // own names are served.
    if (localOnly && !LOCAL_HOST.test(String(req.headers.host ?? ''))) {
      res.setHeader('Connection', 'close');
      sendJson(res, 421, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Server lokal hanya melayani alamat 127.0.0.1 atau localhost.' });
      return;
    }
    app(req, res);
  });
  // A request line or header Node cannot parse: a JSON answer too, then the connection closes.
  server.on('clientError', (_err, socket: Duplex) => {
    const body = JSON.stringify({ ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Permintaan HTTP rusak.' });
    if (socket.writable) socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    else socket.destroy();
  });
  return server;
}

const LOCAL_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

const isStatusPath = (req: IncomingMessage): boolean => /^\/+status(?:[/?]|$)/.test(req.url ?? '');

/** Serves the functions on `config.host:config.port` (port 0: any free port). */
export async function serve(config: Config, deps: AppDeps): Promise<Running> {
  ff.http('pengaduan', routerOf(createApp(deps), pageHandlers(deps)));
  const server = guarded(getTestServer('pengaduan'), config.corsOrigin, config.auth === 'lokal');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
