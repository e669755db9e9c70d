/**
 * One JSON line per event on stdout/stderr: Cloud Logging reads `severity` and `message` from
 * it; locally it stays readable. Never logs request bodies (they hold personal data).
 */
export type Severity = 'INFO' | 'WARNING' | 'ERROR';

export function log(severity: Severity, message: string, fields: Record<string, unknown> = {}): void {
  if (process.env.PENGADUAN_SENYAP === '1') return;
  const line = JSON.stringify({ severity, message, ...fields });
  if (severity === 'ERROR') console.error(line);
  else console.log(line);
}
