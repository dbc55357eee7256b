/**
 * The core is pure: no editor, LSP or file-system imports (README "Rules"). ESLint enforces the same
 * rule while editing; this test makes it hold even if someone disables a lint rule inline.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

const FORBIDDEN = /^(?:vscode|vscode-.*|(?:node:)?fs(?:\/.*)?|(?:node:)?child_process|(?:node:)?net|(?:node:)?http|(?:node:)?https)$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('server/src/core', () => {
  it('imports no editor, LSP, file-system or network module', () => {
    const offenders: string[] = [];
    const files = sourceFiles(join(REPO_ROOT, 'server', 'src', 'core'));
    assert.ok(files.length > 10, 'found the core sources');
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? '';
        if (FORBIDDEN.test(specifier)) offenders.push(`${relative(REPO_ROOT, file)} imports ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('has no `any` type', () => {
    // Strings and comments are prose ("as any proxy would"), so they are blanked out before looking.
    const code = (file: string): string =>
      readFileSync(file, 'utf8')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/[^\n]*/g, '');
    const offenders = sourceFiles(join(REPO_ROOT, 'server', 'src', 'core')).filter((file) => /(?::|<|\bas)\s*any\b/.test(code(file)));
    assert.deepEqual(offenders.map((file) => relative(REPO_ROOT, file)), []);
  });
});
