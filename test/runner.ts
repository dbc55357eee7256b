/**
 * Runs every compiled `*.test.js` under out/test with Node's built-in runner (node --test would also
 * pick up helper modules, since everything under a `test` folder counts as a test there). Prints the
 * spec report, then one plain `N passed, N failed` line that any CI log reader understands.
 *
 * Usage: node out/test/runner.js [filter…]   (a filter keeps files whose path contains it)
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { bundle } from './tools/bundle';

const root = __dirname;

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.js') ? [path] : [];
    });
}

const filters = process.argv.slice(2);
const files = testFiles(root).filter((file) => filters.length === 0 || filters.some((f) => relative(root, file).includes(f)));
if (files.length === 0) {
  process.stderr.write(`no test files match ${filters.join(' ')}\n`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
let skipped = 0;
type TestEvent = { details?: { type?: string }; skip?: unknown; todo?: unknown };
const isSuite = (data: TestEvent): boolean => data.details?.type === 'suite';

// The manifest's main is dist/extension.js, which the real-VS-Code suites load: bundle first (about
// 0.3 s, files rewritten only when changed), so the bundles match the sources even when only tsc ran.
bundle().then(() => runFiles(), (error: unknown) => {
  process.stderr.write(`bundling failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

function runFiles(): void {
  const stream = run({ files, concurrency: 2 });
  stream.on('test:pass', (data: TestEvent) => {
    if (isSuite(data)) return;
    if (data.skip !== undefined || data.todo !== undefined) skipped++;
    else passed++;
  });
  stream.on('test:fail', (data: TestEvent) => {
    if (!isSuite(data)) failed++;
    process.exitCode = 1;
  });
  const report = stream.compose(new spec());
  report.pipe(process.stdout, { end: false });
  report.on('end', () => {
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  });
}
