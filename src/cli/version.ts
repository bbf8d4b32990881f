import { createRequire } from 'node:module';

// read at run time so the version shown is the installed package's, in source and in dist
const require = createRequire(import.meta.url);
function readVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'zorgpaden' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}
export const VERSION = readVersion();
