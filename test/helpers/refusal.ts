/** The coded error a synchronous call throws; fails the test when it throws nothing or another error. */
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
