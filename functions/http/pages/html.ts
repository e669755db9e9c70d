/**
 * What every page the functions serve shares: escaping (everything shown is escaped, whatever a
 * register cell holds), the page shell (lang="id", viewport, one inline style sheet) and a strict
 * Content-Security-Policy that allows exactly the page's own inline style and script by their
 * SHA-256 hashes, and nothing from anywhere else.
 */
import { createHash } from 'node:crypto';

/** Text for HTML element content and attribute values (double-quoted). */
export function esc(value: unknown): string {
  const s = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface Page {
  readonly html: string;
  /** The Content-Security-Policy header value for this page. */
  readonly csp: string;
}

export interface ShellOptions {
  readonly title: string;
  readonly style: string;
  readonly body: string;
  readonly script?: string;
  /** Where the page's script may send requests (connect-src); default: nowhere. */
  readonly connect?: string;
  /** Where a form may be submitted (form-action); default: nowhere. */
  readonly formAction?: string;
  /** Extra <meta> elements, already escaped. */
  readonly meta?: string;
  /** Also put the policy in a <meta> element, for a copy of the page served by any host. */
  readonly metaCsp?: boolean;
}

/** A whole page and its policy. */
export function shell(o: ShellOptions): Page {
  const policy = [
    "default-src 'none'",
    `style-src ${hash(o.style)}`,
    o.script !== undefined ? `script-src ${hash(o.script)}` : "script-src 'none'",
    `connect-src ${o.connect ?? "'none'"}`,
    "img-src 'none'",
    `form-action ${o.formAction ?? "'none'"}`,
    "base-uri 'none'",
  ];
  const csp = [...policy, "frame-ancestors 'none'"].join('; ');
  const html = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
${o.metaCsp ? `<meta http-equiv="Content-Security-Policy" content="${esc(policy.join('; '))}">\n` : ''}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
${o.meta ?? ''}<title>${esc(o.title)}</title>
<style>${o.style}</style>
</head>
<body>
${o.body}
${o.script !== undefined ? `<script>${o.script}</script>\n` : ''}</body>
</html>
`;
  return { html, csp };
}

/** The headers every page is sent with. */
export function pageHeaders(page: Page): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': page.csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** The colours and type both pages share: dark text on light ground, contrast ≥ 4.5:1. */
export const BASE_STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#f4f5f7}
header.kop{background:#0b3d6e;color:#fff;padding:14px max(16px,calc((100% - var(--lebar,1200px))/2 + 16px))}
header.kop p{margin:0;font-size:.85rem;color:#dbe6f2}
header.kop h1{margin:2px 0 0;font-size:1.35rem;line-height:1.25}
main{max-width:1200px;margin:0 auto;padding:16px}
h2{font-size:1.1rem;margin:0 0 8px}
a{color:#0b57a4}
.kartu{background:#fff;border:1px solid #d5d9e0;border-radius:8px;padding:14px 16px;margin:0 0 16px}
.catatan{color:#4a4f57;font-size:.9rem}
footer{max-width:1200px;margin:0 auto;padding:0 16px 24px;color:#4a4f57;font-size:.85rem}
`;
