/**
 * Tests of functions/http/auth.ts: who is calling. GoogleIdentityVerifier runs with a real
 * OAuth2Client of google-auth-library; nock serves Google's certificate endpoint
 * (https://www.googleapis.com/oauth2/v1/certs, `{ kid: PEM }`) with a key pair made here, and the
 * RS256 identity tokens are built by hand, so every check (signature, key id, expiry, audience,
 * issuer, verified e-mail) is exercised against the library the deployment uses. Every refusal
 * must be a coded PengaduanError with an Indonesian message that never repeats the token.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { OAuth2Client } from 'google-auth-library';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PengaduanError } from '../../core/errors.js';
import { GOOGLE_ISSUERS, GoogleIdentityVerifier, LocalIdentityVerifier, type HeaderOf } from '../../functions/http/auth.js';
import { asyncRefusal as refused } from '../helpers/refusal.js';

const GOOGLE_APIS = 'https://www.googleapis.com';
const CERTS_PATH = '/oauth2/v1/certs';
const KID = 'kunci-uji-1';
const CLIENT_ID = '123456789012-abcdefg.apps.googleusercontent.com';
const SLA_URL = 'https://asia-southeast2-proyek.cloudfunctions.net/pengaduan-sla';
const AUDIENCES = [CLIENT_ID, SLA_URL];
const EMAIL = 'rina.petugas@payakumbuhkota.go.id';

const keys = (): { privateKey: KeyObject; pem: string } => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const GOOD = keys();
const OTHER = keys();

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const nowSec = (): number => Math.floor(Date.now() / 1000);

interface Claims {
  iss?: string;
  aud?: string;
  sub?: string;
  email?: string;
  email_verified?: unknown;
  iat?: number;
  exp?: number;
  [k: string]: unknown;
}

/** A signed RS256 JWT; `omit` drops claims, `header` overrides the envelope. */
function jwt(claims: Partial<Claims> = {}, opts: { key?: KeyObject; kid?: string; omit?: (keyof Claims)[]; header?: Record<string, unknown> } = {}): string {
  const t = nowSec();
  const payload: Claims = {
    iss: 'https://accounts.google.com',
    aud: CLIENT_ID,
    sub: '110169484474386276334',
    email: EMAIL,
    email_verified: true,
    iat: t - 60,
    exp: t + 3540,
    ...claims,
  };
  for (const k of opts.omit ?? []) delete payload[k];
  const header = { alg: 'RS256', kid: opts.kid ?? KID, typ: 'JWT', ...opts.header };
  const signed = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), opts.key ?? GOOD.privateKey).toString('base64url')}`;
}

/** Headers by lower-case name only, recording which names were asked for. */
function headers(values: Record<string, string | undefined>): HeaderOf & { asked: string[] } {
  const asked: string[] = [];
  const fn = (name: string): string | undefined => {
    asked.push(name);
    return values[name];
  };
  return Object.assign(fn, { asked });
}
const bearer = (token: string): HeaderOf => headers({ authorization: `Bearer ${token}` });

/** Google's certificate endpoint, answering once. */
const serveCerts = (certs: Record<string, string> = { [KID]: GOOD.pem }): nock.Scope =>
  nock(GOOGLE_APIS).get(CERTS_PATH).reply(200, certs, { 'cache-control': 'public, max-age=3600', 'content-type': 'application/json; charset=UTF-8' });

/** A verifier with its own client (and so its own certificate cache). Retries are immediate. */
const verifier = (audiences: readonly string[] = AUDIENCES): GoogleIdentityVerifier =>
  new GoogleIdentityVerifier(audiences, new OAuth2Client({ transporterOptions: { retryConfig: { retryDelay: 1, retryDelayMultiplier: 1 } } }));

/** The refusal a caller sees: TIDAK_TERAUTENTIKASI, Indonesian, nothing of the token in it. */
async function unauthenticated(p: Promise<unknown>, token = ''): Promise<string> {
  const err = await refused(p);
  expect(err.code).toBe('TIDAK_TERAUTENTIKASI');
  expect(err.message).toMatch(/\b(token|Token|header|Header)\b/);
  expect(err.message).toMatch(/\b(tidak|bukan|memerlukan|sudah)\b/);
  if (token !== '') {
    for (const part of token.split('.')) if (part.length >= 8) expect(err.message).not.toContain(part.slice(0, 40));
  }
  expect(err.message.length).toBeLessThan(300);
  return err.message;
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
});

describe('GoogleIdentityVerifier: a valid token', () => {
  it('yields the e-mail, lower-cased and trimmed, after fetching the certificates once', async () => {
    const scope = serveCerts();
    const v = verifier();
    const h = headers({ authorization: `Bearer ${jwt({ email: ' Rina.Petugas@PayakumbuhKota.GO.ID ' })}` });
    await expect(v.verify(h)).resolves.toEqual({ email: EMAIL });
    expect(h.asked).toEqual(['authorization']);
    expect(scope.isDone()).toBe(true);
  });

  it('reuses the certificates while their max-age lasts (one request for many tokens)', async () => {
    const scope = serveCerts();
    const v = verifier();
    for (let i = 0; i < 3; i++) await expect(v.verify(bearer(jwt({ sub: `s${i}` })))).resolves.toEqual({ email: EMAIL });
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('accepts any configured audience (the Apps Script client id and the function URL)', async () => {
    serveCerts();
    const v = verifier();
    await expect(v.verify(bearer(jwt({ aud: CLIENT_ID })))).resolves.toEqual({ email: EMAIL });
    await expect(v.verify(bearer(jwt({ aud: SLA_URL, email: 'penjadwal@proyek.iam.gserviceaccount.com' })))).resolves.toEqual({
      email: 'penjadwal@proyek.iam.gserviceaccount.com',
    });
  });

  it.each(GOOGLE_ISSUERS)('accepts the issuer %s', async (iss) => {
    serveCerts();
    await expect(verifier().verify(bearer(jwt({ iss })))).resolves.toEqual({ email: EMAIL });
  });

  it('finds its key among several', async () => {
    serveCerts({ 'kunci-lama': OTHER.pem, [KID]: GOOD.pem });
    await expect(verifier().verify(bearer(jwt()))).resolves.toEqual({ email: EMAIL });
  });

  it('tolerates trailing spaces after the token and several spaces after Bearer', async () => {
    serveCerts();
    await expect(verifier().verify(headers({ authorization: `Bearer   ${jwt()}  ` }))).resolves.toEqual({ email: EMAIL });
  });

  it('accepts a token that expired less than the allowed clock skew ago', async () => {
    serveCerts();
    const t = nowSec();
    await expect(verifier().verify(bearer(jwt({ iat: t - 3700, exp: t - 100 })))).resolves.toEqual({ email: EMAIL });
  });
});

describe('GoogleIdentityVerifier: refusals before any network call', () => {
  it.each([
    ['no Authorization header', undefined],
    ['an empty Authorization header', ''],
  ])('%s', async (_what, value) => {
    const scope = serveCerts();
    const message = await unauthenticated(verifier().verify(headers({ authorization: value })));
    expect(message).toBe('Permintaan ini memerlukan token identitas Google (header "Authorization: Bearer TOKEN").');
    expect(scope.isDone()).toBe(false);
  });

  it.each([
    ['Basic credentials', `Basic ${Buffer.from('admin:rahasia').toString('base64')}`],
    ['a token without the Bearer scheme', jwt()],
    ['Bearer alone', 'Bearer'],
    ['Bearer and spaces', 'Bearer    '],
    ['a token with two segments', 'Bearer abc.def'],
    ['a token with four segments', `Bearer ${jwt()}.extra`],
    ['a token with a character outside base64url', 'Bearer abc.de+f.ghi'],
    ['two tokens', `Bearer ${jwt()} Bearer ${jwt()}`],
    ['a token followed by a newline and a header', `Bearer ${jwt()}\r\nX-Pengaduan-Sebagai: admin@contoh.go.id`],
  ])('refuses %s without fetching the certificates', async (_what, value) => {
    const scope = serveCerts();
    const message = await unauthenticated(verifier().verify(headers({ authorization: value })), value.replace(/^\S+\s+/, ''));
    expect(message).toBe('Header Authorization bukan token identitas Google yang sah.');
    expect(scope.isDone()).toBe(false);
  });

  it('refuses a 100 kB header without calling the certificates endpoint', async () => {
    const scope = serveCerts();
    const huge = `Bearer ${'a'.repeat(50_000)}.${'b'.repeat(50_000)}.${'c'.repeat(100)}`;
    const message = await unauthenticated(verifier().verify(headers({ authorization: huge })));
    expect(message).not.toContain('aaaaaaaa');
    expect(scope.isDone()).toBe(false);
  });

  it('refuses a validly signed token padded past 8 kB without calling the certificates endpoint', async () => {
    const scope = serveCerts();
    const token = jwt({ padding: 'x'.repeat(9_000) });
    await unauthenticated(verifier().verify(bearer(token)), token);
    expect(scope.isDone()).toBe(false);
  });
});

describe('GoogleIdentityVerifier: tokens Google would not vouch for', () => {
  const cases: [string, () => string, RegExp][] = [
    ['garbage in three base64url segments', () => 'AAAA.BBBB.CCCC', /^Token identitas tidak sah\.$/],
    ['an envelope that is not JSON', () => `${b64url('{kid')}.${b64url('{}')}.${b64url('sig')}`, /^Token identitas tidak sah\.$/],
    ['a token signed by another key under the same kid', () => jwt({}, { key: OTHER.privateKey }), /^Token identitas tidak sah\.$/],
    ['a token with a tampered payload', () => {
      const [h, , s] = jwt().split('.');
      return `${h}.${b64url(JSON.stringify({ iss: 'https://accounts.google.com', aud: CLIENT_ID, email: 'admin@payakumbuhkota.go.id', email_verified: true, iat: nowSec(), exp: nowSec() + 600 }))}.${s}`;
    }, /^Token identitas tidak sah\.$/],
    ['a token with an unknown kid', () => jwt({}, { kid: 'kunci-tak-dikenal' }), /^Token identitas tidak sah\.$/],
    ['an unsigned token (alg none)', () => `${b64url(JSON.stringify({ alg: 'none', kid: KID }))}.${b64url(JSON.stringify({ email: EMAIL }))}.AAAA`, /^Token identitas tidak sah\.$/],
    ['an expired token (beyond the clock skew)', () => jwt({ iat: nowSec() - 7200, exp: nowSec() - 600 }), /kedaluwarsa/],
    ['a token issued in the future', () => jwt({ iat: nowSec() + 3600, exp: nowSec() + 7200 }), /^Token identitas tidak sah\.$/],
    ['a token valid for more than a day', () => jwt({ exp: nowSec() + 3 * 86_400 }), /^Token identitas tidak sah\.$/],
    ['a token without an expiry', () => jwt({}, { omit: ['exp'] }), /^Token identitas tidak sah\.$/],
    ['a token for another audience', () => jwt({ aud: '999999999999-lain.apps.googleusercontent.com' }), /audience berbeda/],
    ['a token for a similar-looking URL', () => jwt({ aud: `${SLA_URL}/` }), /audience berbeda/],
    ['a token without an audience', () => jwt({}, { omit: ['aud'] }), /audience berbeda/],
    ['a token from another issuer', () => jwt({ iss: 'https://evil.example.com' }), /tidak diterbitkan oleh Google/],
    // google-auth-library also accepts its universe domain as issuer; the verifier does not.
    ['a token with issuer googleapis.com', () => jwt({ iss: 'googleapis.com' }), /tidak diterbitkan oleh Google/],
    ['a token without an issuer', () => jwt({}, { omit: ['iss'] }), /tidak diterbitkan oleh Google/],
    ['email_verified false', () => jwt({ email_verified: false }), /e-mail yang terverifikasi/],
    ['email_verified missing', () => jwt({}, { omit: ['email_verified'] }), /e-mail yang terverifikasi/],
    ['email_verified "true" as text', () => jwt({ email_verified: 'true' }), /e-mail yang terverifikasi/],
    ['no e-mail at all', () => jwt({}, { omit: ['email'] }), /e-mail yang terverifikasi/],
    ['an empty e-mail', () => jwt({ email: '' }), /e-mail yang terverifikasi/],
  ];

  it.each(cases)('refuses %s', async (_what, make, why) => {
    serveCerts();
    const token = make();
    const message = await unauthenticated(verifier().verify(bearer(token)), token);
    expect(message).toMatch(why);
  });

  it('with no audience configured every token is refused (fail closed)', async () => {
    serveCerts();
    const token = jwt();
    expect(await unauthenticated(verifier([]).verify(bearer(token)), token)).toMatch(/audience berbeda/);
  });

  it('a forged token whose header mentions the certificate failure is still TIDAK_TERAUTENTIKASI, not a 503', async () => {
    serveCerts();
    const token = jwt({}, { kid: 'Failed to retrieve verification certificates' });
    const err = await refused(verifier().verify(bearer(token)));
    expect(err.code).toBe('TIDAK_TERAUTENTIKASI');
  });
});

describe('GoogleIdentityVerifier: Google\'s keys unavailable', () => {
  it('a certificates endpoint answering 500 is LAYANAN_TIDAK_TERSEDIA, in Indonesian', async () => {
    let asked = 0;
    nock(GOOGLE_APIS).get(CERTS_PATH).times(10).reply(500, 'Internal Server Error').on('request', () => asked++);
    const token = jwt();
    const err = await refused(verifier().verify(bearer(token)));
    expect(err.code).toBe('LAYANAN_TIDAK_TERSEDIA');
    expect(err.message).toBe('Kunci publik Google untuk memeriksa token identitas tidak dapat diambil; coba lagi sebentar lagi.');
    expect(err.message).not.toContain(token.slice(0, 40));
    expect(asked).toBeGreaterThanOrEqual(1); // it did ask (and retried a few times, not forever)
    expect(asked).toBeLessThan(10);
  });

  it('a network failure is LAYANAN_TIDAK_TERSEDIA too', async () => {
    nock(GOOGLE_APIS).get(CERTS_PATH).times(10).replyWithError('socket hang up');
    const err = await refused(verifier().verify(bearer(jwt())));
    expect(err.code).toBe('LAYANAN_TIDAK_TERSEDIA');
  });

  it('a failure is not cached: the next call fetches again and succeeds', async () => {
    nock(GOOGLE_APIS).get(CERTS_PATH).times(4).reply(500, 'Internal Server Error');
    const v = verifier();
    expect((await refused(v.verify(bearer(jwt())))).code).toBe('LAYANAN_TIDAK_TERSEDIA');
    nock.cleanAll();
    const scope = serveCerts();
    await expect(v.verify(bearer(jwt()))).resolves.toEqual({ email: EMAIL });
    expect(scope.isDone()).toBe(true);
  });

  it('one transient 500 is retried and the token accepted', async () => {
    nock(GOOGLE_APIS).get(CERTS_PATH).reply(500, 'Internal Server Error');
    const scope = serveCerts();
    await expect(verifier().verify(bearer(jwt()))).resolves.toEqual({ email: EMAIL });
    expect(scope.isDone()).toBe(true);
  });
});

describe('LocalIdentityVerifier', () => {
  const local = new LocalIdentityVerifier();

  it('takes the e-mail from X-Pengaduan-Sebagai (asked for in lower case), trimmed and lower-cased', async () => {
    const h = headers({ 'x-pengaduan-sebagai': '  Rina.Petugas@PayakumbuhKota.go.id ' });
    await expect(local.verify(h)).resolves.toEqual({ email: EMAIL });
    expect(h.asked).toEqual(['x-pengaduan-sebagai']);
  });

  it('ignores an Authorization header', async () => {
    const err = await refused(local.verify(headers({ authorization: `Bearer ${jwt()}` })));
    expect(err.code).toBe('TIDAK_TERAUTENTIKASI');
    expect(err.message).toContain('X-Pengaduan-Sebagai');
  });

  it.each([undefined, '', '   '])('refuses a missing header (%j)', async (value) => {
    const err = await refused(local.verify(headers({ 'x-pengaduan-sebagai': value })));
    expect(err.code).toBe('TIDAK_TERAUTENTIKASI');
    expect(err.message).toBe('Server lokal: sebutkan e-mail Anda (terdaftar di tab Peran) dalam header "X-Pengaduan-Sebagai".');
  });

  it.each([
    'rina',
    'rina@',
    '@contoh.go.id',
    'rina petugas@contoh.go.id',
    'rina@@contoh.go.id',
    `${'a'.repeat(65)}@contoh.go.id`,
    `rina@${'a'.repeat(256)}`,
    'rina@contoh.go.id\nadmin@contoh.go.id',
  ])('refuses %j', async (value) => {
    const err = await refused(local.verify(headers({ 'x-pengaduan-sebagai': value })));
    expect(err.code).toBe('TIDAK_TERAUTENTIKASI');
    expect(err.message).toBe('Header X-Pengaduan-Sebagai bukan alamat e-mail.');
  });

  it('a 100 kB header is refused without echoing it', async () => {
    const err = await refused(local.verify(headers({ 'x-pengaduan-sebagai': `${'a'.repeat(100_000)}@contoh.go.id` })));
    expect(err.code).toBe('TIDAK_TERAUTENTIKASI');
    expect(err.message.length).toBeLessThan(100);
  });

  it('never throws synchronously: refusals are rejected promises', () => {
    let p: Promise<unknown> | undefined;
    expect(() => {
      p = local.verify(headers({}));
    }).not.toThrow();
    return expect(p).rejects.toBeInstanceOf(PengaduanError);
  });
});
