/**
 * The Google API clients, in one module loaded only by the Google backend. (Imported statically
 * here, so the bundle keeps the libraries' named exports; a dynamic import of a CommonJS package
 * would only see its default export.)
 */
import { drive, type drive_v3 } from '@googleapis/drive';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive'];

/** Sheets and Drive clients; `auth` defaults to the runtime's service account (Cloud Run's metadata server). */
export function googleClients(auth?: unknown): { sheets: sheets_v4.Sheets; drive: drive_v3.Drive } {
  const a = (auth ?? new GoogleAuth({ scopes: SCOPES })) as GoogleAuth;
  return { sheets: sheets({ version: 'v4', auth: a }), drive: drive({ version: 'v3', auth: a }) };
}

/** The client that fetches and caches Google's public keys for identity tokens. */
export const tokenClient = (): OAuth2Client => new OAuth2Client();
