import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claspProblem } from '../../tools/deploy-apps-script.js';
import { ROOT } from '../helpers/wb-fixtures.js';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStU';

describe('the .clasp.json that deploy:apps-script pushes with', () => {
  it('accepts a real script ID with rootDir dist/apps-script', () => {
    expect(claspProblem(JSON.stringify({ scriptId: ID, rootDir: 'dist/apps-script' }))).toBeUndefined();
  });

  it.each([
    ['missing', undefined, /belum ada/],
    ['not JSON', '{scriptId:', /bukan JSON/],
    ['no ID', JSON.stringify({ rootDir: 'dist/apps-script' }), /scriptId belum diisi/],
    ['another rootDir', JSON.stringify({ scriptId: ID, rootDir: 'apps-script' }), /rootDir harus "dist\/apps-script"/],
  ])('refuses one %s, in Indonesian', (_what, text, message) => {
    expect(claspProblem(text)).toMatch(message);
  });

  it('refuses the shipped example as it is', async () => {
    const example = await readFile(path.join(ROOT, '.clasp.json.example'), 'utf8');
    expect(claspProblem(example)).toMatch(/scriptId belum diisi/);
  });
});
