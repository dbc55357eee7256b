/**
 * Where sipls is installed: the folder holding its package.json. The code runs from three places —
 * out/server/src/{cli,lsp}/ (tsc, development and the npm `sipls` command), dist/ (the esbuild bundles
 * in the .vsix) and the extension folder VS Code unpacks the .vsix into — so files next to the package
 * (package.json for the version, server/CHECKS.md for check links) are found by walking up from
 * `__dirname` to the first package.json named "sipls", never by a fixed number of `..`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface InstallRoot {
  readonly dir: string;
  readonly version: string;
}

export function findInstallRoot(start: string): InstallRoot | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'sipls') return { dir, version: typeof manifest.version === 'string' ? manifest.version : 'unknown' };
    } catch {
      // No (readable) package.json here: keep walking up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The root for the running code; the repository layout as a fallback, so a path is always returned. */
export const INSTALL_ROOT: InstallRoot = findInstallRoot(__dirname) ?? { dir: join(__dirname, '..', '..', '..'), version: 'unknown' };
