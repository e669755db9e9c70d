/** The coded error a call throws or rejects with; fails the test when it succeeds or fails otherwise. */
import { PengaduanError } from '../../core/errors.js';

export function refusal(run: () => unknown): PengaduanError {
  try {
    run();
  } catch (e) {
    if (e instanceof PengaduanError) return e;
    throw e;
  }
  throw new Error('expected a refusal (PengaduanError), but nothing was thrown');
}

/** The coded error a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function asyncRefusal(p: Promise<unknown>): Promise<PengaduanError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PengaduanError) return e;
    throw e;
  }
  throw new Error('expected a refusal (PengaduanError), but the call succeeded');
}
