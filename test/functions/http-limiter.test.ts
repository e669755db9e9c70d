/**
 * Tests of functions/http/limiter.ts: a fixed-window counter per key with an injected clock.
 * `take` counts a use and says whether it was allowed; `exhausted` only looks. Windows restart
 * `windowMs` after their first use; keys are independent; the map of windows is bounded, so a
 * flood of new keys can make the limiter forget counts but never throw and never block a newcomer.
 */
import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../functions/http/limiter.js';

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

const takes = (l: FixedWindowLimiter, key: string, n: number): boolean[] => Array.from({ length: n }, () => l.take(key));

describe('FixedWindowLimiter: take and exhausted', () => {
  it('allows exactly `limit` uses per window, then refuses', () => {
    const c = clock();
    const l = new FixedWindowLimiter(3, 60_000, c.now);
    expect(takes(l, '203.0.113.7', 5)).toEqual([true, true, true, false, false]);
  });

  it('exhausted is false until the limit is used up, true after', () => {
    const c = clock();
    const l = new FixedWindowLimiter(2, 60_000, c.now);
    expect(l.exhausted('k')).toBe(false);
    l.take('k');
    expect(l.exhausted('k')).toBe(false);
    l.take('k');
    expect(l.exhausted('k')).toBe(true);
  });

  it('exhausted only looks: asking many times uses nothing', () => {
    const c = clock();
    const l = new FixedWindowLimiter(2, 60_000, c.now);
    for (let i = 0; i < 100; i++) expect(l.exhausted('PGD-2026-0001')).toBe(false);
    expect(takes(l, 'PGD-2026-0001', 3)).toEqual([true, true, false]);
  });

  it('refused takes are not counted beyond the limit (no penalty that outlives the window)', () => {
    const c = clock();
    const l = new FixedWindowLimiter(2, 1_000, c.now);
    takes(l, 'k', 50);
    c.advance(1_000);
    expect(takes(l, 'k', 3)).toEqual([true, true, false]);
  });

  it('a limit of 1 allows one use per window', () => {
    const c = clock();
    const l = new FixedWindowLimiter(1, 1_000, c.now);
    expect(takes(l, 'k', 2)).toEqual([true, false]);
    c.advance(1_000);
    expect(takes(l, 'k', 2)).toEqual([true, false]);
  });

  it('a limit of 0 refuses everything and every key is exhausted', () => {
    const c = clock();
    const l = new FixedWindowLimiter(0, 1_000, c.now);
    expect(l.exhausted('k')).toBe(true);
    expect(takes(l, 'k', 2)).toEqual([false, false]);
    c.advance(5_000);
    expect(l.take('k')).toBe(false);
  });

  it('uses the real clock by default', () => {
    const l = new FixedWindowLimiter(2, 60_000);
    expect(takes(l, 'k', 3)).toEqual([true, true, false]);
  });
});

describe('FixedWindowLimiter: windows', () => {
  it('a window restarts exactly windowMs after its first use, not after the last', () => {
    const c = clock();
    const l = new FixedWindowLimiter(2, 60_000, c.now);
    l.take('k'); // window starts here
    c.advance(59_000);
    expect(l.take('k')).toBe(true);
    expect(l.take('k')).toBe(false);
    c.advance(999); // 59 999 ms after the start
    expect(l.take('k')).toBe(false);
    expect(l.exhausted('k')).toBe(true);
    c.advance(1); // 60 000 ms
    expect(l.exhausted('k')).toBe(false);
    expect(takes(l, 'k', 3)).toEqual([true, true, false]);
  });

  it('the new window starts when the key is next seen, not on a fixed grid', () => {
    const c = clock(0);
    const l = new FixedWindowLimiter(1, 1_000, c.now);
    l.take('k');
    c.set(1_500); // new window from 1 500
    expect(l.take('k')).toBe(true);
    c.set(2_400); // still inside [1 500, 2 500)
    expect(l.take('k')).toBe(false);
    c.set(2_500);
    expect(l.take('k')).toBe(true);
  });

  it('a long silence resets the count', () => {
    const c = clock();
    const l = new FixedWindowLimiter(5, 3_600_000, c.now);
    takes(l, 'PGD-2026-0042', 5);
    expect(l.exhausted('PGD-2026-0042')).toBe(true);
    c.advance(30 * 24 * 3_600_000);
    expect(l.exhausted('PGD-2026-0042')).toBe(false);
  });

  it('a clock that steps back keeps the current window (no reset by going back in time)', () => {
    const c = clock(10_000);
    const l = new FixedWindowLimiter(1, 1_000, c.now);
    l.take('k');
    c.set(5_000);
    expect(l.take('k')).toBe(false);
  });
});

describe('FixedWindowLimiter: keys', () => {
  it('keys are independent', () => {
    const c = clock();
    const l = new FixedWindowLimiter(2, 60_000, c.now);
    expect(takes(l, 'a', 3)).toEqual([true, true, false]);
    expect(takes(l, 'b', 3)).toEqual([true, true, false]);
    expect(l.exhausted('c')).toBe(false);
    expect(l.exhausted('a')).toBe(true);
  });

  it('keys are compared exactly (callers normalise them)', () => {
    const c = clock();
    const l = new FixedWindowLimiter(1, 60_000, c.now);
    expect(l.take('PGD-2026-0001')).toBe(true);
    expect(l.take('pgd-2026-0001')).toBe(true);
    expect(l.take('PGD-2026-0001 ')).toBe(true);
    expect(l.take('PGD-2026-0001')).toBe(false);
  });

  it('keys that look like object properties are ordinary keys', () => {
    const c = clock();
    const l = new FixedWindowLimiter(1, 60_000, c.now);
    for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(l.take(k), k).toBe(true);
      expect(l.take(k), k).toBe(false);
    }
  });

  it('windows of different keys restart on their own schedules', () => {
    const c = clock(0);
    const l = new FixedWindowLimiter(1, 1_000, c.now);
    l.take('a');
    c.set(600);
    l.take('b');
    c.set(1_000);
    expect(l.take('a')).toBe(true);
    expect(l.take('b')).toBe(false);
    c.set(1_600);
    expect(l.take('b')).toBe(true);
  });
});

describe('FixedWindowLimiter: the bound on keys', () => {
  it('a flood of new keys never throws and never blocks a fresh key', () => {
    const c = clock();
    const l = new FixedWindowLimiter(3, 60_000, c.now, 10);
    for (let i = 0; i < 20_000; i++) {
      expect(l.take(`banjir-${i}`)).toBe(true);
      if (i % 997 === 0) {
        expect(l.exhausted(`baru-${i}`)).toBe(false);
        expect(l.take(`baru-${i}`)).toBe(true);
      }
    }
    expect(takes(l, 'pendatang-baru', 4)).toEqual([true, true, true, false]);
  });

  it('keeps the windows of the newest maxKeys keys', () => {
    const c = clock();
    const l = new FixedWindowLimiter(1, 60_000, c.now, 3);
    for (const k of ['a', 'b', 'c']) l.take(k);
    expect(l.take('c')).toBe(false); // still remembered
    l.take('d'); // evicts the oldest, a
    expect(l.take('d')).toBe(false);
    expect(l.take('b')).toBe(false);
    expect(l.take('a')).toBe(true); // forgotten: a fresh window
  });

  it('a key exhausted and then pushed out by a flood is forgotten (counts lost, nobody blocked)', () => {
    const c = clock();
    const l = new FixedWindowLimiter(2, 60_000, c.now, 5);
    takes(l, 'PGD-2026-0007', 2);
    expect(l.exhausted('PGD-2026-0007')).toBe(true);
    for (let i = 0; i < 5; i++) l.take(`lain-${i}`);
    expect(l.exhausted('PGD-2026-0007')).toBe(false);
  });

  it('eviction is by window start: a key whose window restarted counts as new', () => {
    const c = clock(0);
    const l = new FixedWindowLimiter(1, 1_000, c.now, 2);
    l.take('a');
    c.set(100);
    l.take('b');
    c.set(1_000);
    l.take('a'); // a's window restarts at 1 000: now newer than b's
    c.set(1_050);
    l.take('c'); // evicts b, the oldest window
    expect(l.take('a')).toBe(false);
    expect(l.take('b')).toBe(true);
  });

  it('with the default bound 50 000 keys fit and the first is still counted', () => {
    const c = clock();
    const l = new FixedWindowLimiter(1, 60_000, c.now);
    for (let i = 0; i < 50_000; i++) l.take(`k${i}`);
    expect(l.take('k0')).toBe(false);
    l.take('satu-lagi');
    expect(l.take('k0')).toBe(true); // the 50 001st key pushed the oldest out
  });
});
