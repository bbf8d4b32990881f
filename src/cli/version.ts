import { createRequire } from 'node:module';

interface PackageJson {
  name?: string;
  version?: string;
  bugs?: string | { url?: string };
}

// read at run time so the version shown is the installed package's, in source and in dist
const require = createRequire(import.meta.url);
function readPackage(): PackageJson {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(candidate) as PackageJson;
      if (pkg.name === 'zorgpaden' && pkg.version) return pkg;
    } catch {
      // try the next location
    }
  }
  return {};
}
const pkg = readPackage();

export const VERSION = pkg.version ?? '0.0.0';

/** Where to report a bug: the package's `bugs` field, when it has one. */
export const BUGS_URL: string | undefined = typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url;
