import { describe, expect, it } from 'vitest';
import { measure } from './kinerja.js';

describe('spreadsheet service calls per action do not grow with the register', () => {
  it('are the same with 10 and with 10,000 complaints', async () => {
    const small = await measure(10);
    const large = await measure(10_000);
    expect(large.map((m) => m.step)).toEqual(small.map((m) => m.step));
    for (const [i, m] of small.entries()) {
      expect(large[i]?.spreadsheet, m.step).toBe(m.spreadsheet);
      expect(m.spreadsheet, m.step).toBeLessThanOrEqual(60);
    }
  }, 120_000);
});
