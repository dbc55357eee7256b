/** Paths the tests read, computed from the compiled file's place (out/test/support -> repo root). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const CLI_MAIN = join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js');

/** The shared corpus and seeds sit beside the repository on developer and CI machines; tests that need them skip cleanly elsewhere. */
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const HAVE_SHARED = existsSync(join(SHARED, 'corpus'));
