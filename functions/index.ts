/**
 * The deployed Cloud Functions (entry points `dokumen`, `sla`, `status`). The configuration is
 * read and checked here, once, when the instance starts: a wrong setting stops the instance
 * with a message naming every problem (Cloud Logging), instead of failing request by request.
 */
import { isPengaduanError } from '../core/errors.js';
import { parseConfig } from './config.js';
import { createApp } from './http/app.js';
import { depsFromConfig } from './http/backends.js';
import { log } from './http/log.js';
import { registerFunctions } from './http/register.js';

let config;
try {
  config = parseConfig(process.env);
} catch (e) {
  log('ERROR', isPengaduanError(e) ? e.message : String(e));
  throw e;
}
registerFunctions(depsFromConfig(config).then(createApp));
