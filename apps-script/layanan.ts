/**
 * The client of the `dokumen` Cloud Function. Calls carry the user's (or the trigger owner's)
 * Google identity token, from `ScriptApp.getIdentityToken()` (scope `openid`); the function checks
 * its signature and audience, then the e-mail against the Peran tab. The answer is sorted into
 * what the caller must do: done, try again later (the function could not be reached or was busy),
 * or a refusal an administrator must look at.
 */
import type { JenisDokumen } from '../sheets-schema/index.js';
import { messageOf, PROP, scriptProperty } from './env.js';
import type { Lampiran } from './surat.js';

export interface DokumenDibuat {
  readonly jenis: JenisDokumen;
  readonly tautan: string;
  readonly pdf?: string;
}

export type HasilDokumen =
  | { readonly ok: true; readonly dokumen: readonly DokumenDibuat[]; readonly peringatan: readonly string[]; readonly lampiran?: readonly Lampiran[] }
  /** `sementara`: worth trying again later (unreachable, overloaded, not configured yet). */
  | { readonly ok: false; readonly sementara: boolean; readonly pesan: string };

/** An https URL of Cloud Run or Cloud Functions, as the Admin menu accepts it. */
export function validFunctionUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (url.length > 300) return undefined;
  const m = /^https:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(\/[A-Za-z0-9._~\-/]*)?$/.exec(url);
  if (!m) return undefined;
  const host = m[1] ?? '';
  return /\.run\.app$|\.cloudfunctions\.net$/.test(host) ? url : undefined;
}

function answerOf(text: string): { kode?: string; pesan?: string; dokumen?: unknown; peringatan?: unknown; lampiran?: unknown } | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v) : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the `dokumen` function to (re)make documents of one complaint and write their links. */
export function mintaDokumen(nomor: string, jenis: readonly JenisDokumen[], options: { lampiran?: boolean } = {}): HasilDokumen {
  if (jenis.length === 0) return { ok: true, dokumen: [], peringatan: [] };
  const url = scriptProperty(PROP.dokumenUrl);
  if (url === '') {
    return { ok: false, sementara: true, pesan: 'Alamat layanan dokumen belum diatur (menu Pengaduan → Admin → Atur alamat layanan dokumen).' };
  }
  const token = ScriptApp.getIdentityToken();
  if (!token) {
    return { ok: false, sementara: false, pesan: 'Token identitas Google tidak tersedia: appsscript.json harus memuat scope "openid". Hubungi admin.' };
  }
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ nomor, jenis, ...(options.lampiran ? { lampiran: true } : {}) }),
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
      followRedirects: false,
    });
  } catch (e) {
    return { ok: false, sementara: true, pesan: `Layanan dokumen tidak dapat dihubungi (${messageOf(e).slice(0, 160)}).` };
  }
  const code = response.getResponseCode();
  const answer = answerOf(response.getContentText());
  if (code === 200 && answer && Array.isArray(answer.dokumen)) {
    const peringatan = Array.isArray(answer.peringatan) ? answer.peringatan.filter((w): w is string => typeof w === 'string') : [];
    const lampiran = Array.isArray(answer.lampiran) ? (answer.lampiran as Lampiran[]).filter((l) => typeof l?.base64 === 'string' && typeof l.nama === 'string') : [];
    return { ok: true, dokumen: answer.dokumen as DokumenDibuat[], peringatan, lampiran };
  }
  const pesan = typeof answer?.pesan === 'string' ? answer.pesan.slice(0, 400) : `jawaban HTTP ${code}`;
  if (code === 429 || code >= 500) return { ok: false, sementara: true, pesan: `Layanan dokumen sedang sibuk atau terganggu: ${pesan}` };
  if (code === 401 || code === 403) {
    return { ok: false, sementara: false, pesan: `Layanan dokumen menolak akses: ${pesan} (periksa audiens dan izin invoker; lihat README).` };
  }
  return { ok: false, sementara: false, pesan: `Dokumen tidak dibuat: ${pesan}` };
}
