#!/usr/bin/env node
// Runs a TypeScript file (benchmarks, tools) under the project's Node 22 through tsx.
const { register } = await import('tsx/esm/api');
register();
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: run-ts.js FILE.ts [args]\n');
  process.exit(2);
}
process.argv.splice(1, 1);
const { pathToFileURL } = await import('node:url');
const path = await import('node:path');
await import(pathToFileURL(path.resolve(file)).href);
