/**
 * The embedded default's server: the same three functions, served together on one local port
 * through the Functions Framework (`/dokumen`, `/sla`, `/status`), on the local register.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import * as ff from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Config } from '../config.js';
import { createApp, type AppDeps, type Handler } from './app.js';
import { FUNCTION_NAMES, type FunctionName } from './register.js';

const isFunctionName = (s: string): s is FunctionName => (FUNCTION_NAMES as readonly string[]).includes(s);

/** One function that routes by path to the three, for serving them all on one port. */
export function routerOf(app: Record<FunctionName, Handler>): Handler {
  return async (req, res) => {
    const name = req.path.replace(/^\/+|\/+$/g, '');
    if (isFunctionName(name)) {
      await app[name](req, res);
      return;
    }
    if (name === '') {
      res.status(200).json({ ok: true, layanan: 'Layanan Pengaduan DPMPTSP Kota Payakumbuh', fungsi: FUNCTION_NAMES.map((f) => `/${f}`) });
      return;
    }
    res.status(404).json({ ok: false, kode: 'TIDAK_ADA', pesan: `Alamat "${req.path.slice(0, 60)}" tidak ada. Fungsi: ${FUNCTION_NAMES.map((f) => `/${f}`).join(', ')}.` });
  };
}

export interface Running {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** Requests the local server accepts: the functions take a few hundred bytes of JSON. */
export const MAX_BODY_BYTES = 1024 * 1024;

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
function guarded(server: Server): Server {
  const app = server.listeners('request')[0] as ExpressApp | undefined;
  if (!app) return server;
  app.use((err, _req, res, next) => {
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.parse.failed') sendJson(res, 400, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Isi permintaan bukan JSON yang valid. Periksa tanda kutip ganda, koma, dan kurung kurawal.' });
    else if (type === 'entity.too.large') sendJson(res, 413, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Isi permintaan terlalu besar.' });
    else next(err);
  });
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] !== undefined) {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      sendJson(res, 411, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Kirim isi permintaan dengan Content-Length (tanpa chunked).' });
      return;
    }
    if (!(length <= MAX_BODY_BYTES)) {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      sendJson(res, 413, { ok: false, kode: 'MASUKAN_TIDAK_VALID', pesan: 'Isi permintaan lebih dari 1 MB; fungsi ini hanya menerima JSON pendek.' });
      return;
    }
    app(req, res);
  });
  return server;
}

/** Serves the functions on `config.host:config.port` (port 0: any free port). */
export async function serve(config: Config, deps: AppDeps): Promise<Running> {
  ff.http('pengaduan', routerOf(createApp(deps)));
  const server = guarded(getTestServer('pengaduan'));
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
