/**
 * Who is calling. In the Google deployment every call to `dokumen` and `sla` carries a Google
 * identity token (Apps Script: `ScriptApp.getIdentityToken()`; Cloud Scheduler: an OIDC token of
 * its service account). Cloud Run checks it at the door (`--no-allow-unauthenticated`); the
 * function checks it again (signature against Google's keys, issuer, audience, expiry, verified
 * e-mail) because it needs the e-mail to check the caller's role on the Peran tab.
 *
 * Locally (`PENGADUAN_AUTH=lokal`, only on 127.0.0.1) the caller names themself in the
 * `X-Pengaduan-Sebagai` header, like `--sebagai` on the command line; the role check is the same.
 */
import type { OAuth2Client } from 'google-auth-library';
import { PengaduanError } from '../../core/errors.js';
import { normalizeEmail } from '../../core/fields.js';

export interface Identity {
  readonly email: string;
}

/** The headers of a request, by lower-case name. */
export type HeaderOf = (name: string) => string | undefined;

export interface IdentityVerifier {
  verify(header: HeaderOf): Promise<Identity>;
}

const TOKEN = /^bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i;
const MAX_TOKEN_CHARS = 8192;

export const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

/**
 * Why google-auth-library refused a token, in Indonesian. Its messages quote the token's own
 * header and payload, so only the library's fixed opening words are matched.
 */
function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  if (/^Token used too late/.test(message)) return 'Token identitas sudah kedaluwarsa; muat ulang halaman atau jalankan ulang menunya.';
  if (/^Wrong recipient/.test(message)) return 'Token identitas tidak ditujukan untuk layanan ini (audience berbeda); periksa PENGADUAN_AUDIENCE.';
  if (/^Invalid issuer/.test(message)) return 'Token identitas tidak diterbitkan oleh Google.';
  return 'Token identitas tidak sah.';
}

const unauthenticated = (why: string): PengaduanError => new PengaduanError('TIDAK_TERAUTENTIKASI', why);

export class GoogleIdentityVerifier implements IdentityVerifier {
  /** `client`: an OAuth2Client of google-auth-library; it fetches and caches Google's public keys. */
  constructor(
    private readonly audiences: readonly string[],
    private readonly client: OAuth2Client,
  ) {}

  async verify(header: HeaderOf): Promise<Identity> {
    const value = header('authorization') ?? '';
    if (value === '') throw unauthenticated('Permintaan ini memerlukan token identitas Google (header "Authorization: Bearer TOKEN").');
    const token = value.length <= MAX_TOKEN_CHARS ? TOKEN.exec(value)?.[1] : undefined;
    if (!token) throw unauthenticated('Header Authorization bukan token identitas Google yang sah.');
    // Google's keys first, on their own: a failure to fetch them is the service's problem (503),
    // told apart by where it happened, never by an error text the token itself could shape.
    try {
      await this.client.getFederatedSignonCertsAsync();
    } catch (e) {
      throw new PengaduanError('LAYANAN_TIDAK_TERSEDIA', 'Kunci publik Google untuk memeriksa token identitas tidak dapat diambil; coba lagi sebentar lagi.', { cause: e });
    }
    let payload: { email?: string; email_verified?: boolean; iss?: string } | undefined;
    try {
      const ticket = await this.client.verifyIdToken({ idToken: token, audience: [...this.audiences] });
      payload = ticket.getPayload();
    } catch (e) {
      // Without the library's error as cause: its message holds the whole token, never to be logged.
      throw new PengaduanError('TIDAK_TERAUTENTIKASI', reasonOf(e));
    }
    if (!payload?.iss || !GOOGLE_ISSUERS.includes(payload.iss)) throw unauthenticated('Token identitas tidak diterbitkan oleh Google.');
    if (!payload.email || payload.email_verified !== true) {
      throw unauthenticated('Token identitas tidak memuat e-mail yang terverifikasi; Apps Script memerlukan cakupan "openid" dan "https://www.googleapis.com/auth/userinfo.email".');
    }
    return { email: payload.email.trim().toLowerCase() };
  }
}

/** Local server only: the caller's e-mail from `X-Pengaduan-Sebagai`. */
export class LocalIdentityVerifier implements IdentityVerifier {
  verify(header: HeaderOf): Promise<Identity> {
    const given = (header('x-pengaduan-sebagai') ?? '').trim();
    if (given === '') return Promise.reject(unauthenticated('Server lokal: sebutkan e-mail Anda (terdaftar di tab Peran) dalam header "X-Pengaduan-Sebagai".'));
    const email = normalizeEmail(given)?.toLowerCase();
    if (!email) return Promise.reject(unauthenticated('Header X-Pengaduan-Sebagai bukan alamat e-mail.'));
    return Promise.resolve({ email });
  }
}
