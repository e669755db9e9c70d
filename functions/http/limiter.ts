/**
 * A fixed-window counter per key (a client address, a registration number), held in memory by
 * one function instance. The map is bounded: past `maxKeys` the oldest windows are dropped, so a
 * flood of distinct keys cannot fill the memory (it can only forget counts, never block anyone).
 * A dozen lines do not justify a dependency; a store shared by instances would (see the README).
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  private current(key: string): { start: number; count: number } {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      this.windows.delete(key);
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
    }
    return w;
  }

  /** Whether `key` has used up its window. */
  exhausted(key: string): boolean {
    return this.current(key).count >= this.limit;
  }

  /** Counts one use; false when the window was already used up. */
  take(key: string): boolean {
    const w = this.current(key);
    if (w.count >= this.limit) return false;
    w.count++;
    return true;
  }
}
