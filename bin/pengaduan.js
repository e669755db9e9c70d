#!/usr/bin/env node
// The `pengaduan` command. Runs the TypeScript sources directly through tsx, so a fresh clone
// needs no build step; Node 22 is required (npm scripts and npx put the project's own Node 22
// first on the PATH).
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(
    `pengaduan memerlukan Node.js 22 (terpasang: ${process.versions.node}). Jalankan lewat "npx pengaduan" atau "npm start" di folder proyek setelah "npm ci".\n`,
  );
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
await import('../functions/cli/bin.ts');
