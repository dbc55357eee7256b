/**
 * server/CHECKS.md is generated from the check table, so it cannot drift from the code: a unit test
 * compares the file with this rendering, and `npm run docs:checks` rewrites it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/core/features/validate';

export const CHECKS_DOC = join(__dirname, '..', '..', '..', 'server', 'CHECKS.md');

export function renderChecksDoc(): string {
  const lines = [
    '# Checks',
    '',
    'Generated from `server/src/core/features/validate/` by `npm run docs:checks`; do not edit by hand.',
    '',
    'Every check has a stable id. Set its level with the LSP setting `sipls.checks.<id>` or the CLI flag',
    '`--rule <id>=off|hint|information|warning|error`. Some checks report more mildly inside trace logs,',
    'where messages are often partial or re-encoded by the logger; a configured level always wins.',
    '',
    '| id | default | what it catches |',
    '|---|---|---|',
    ...CHECKS.map((c) => `| [\`${c.id}\`](#${c.id}) | ${c.defaultSeverity} | ${c.summary} |`),
    '',
  ];
  for (const check of CHECKS) {
    lines.push(`## ${check.id}`, '', `- **Default:** ${check.defaultSeverity}${check.scope === 'trace' ? ' (across the whole trace)' : ''}`, `- **Catches:** ${check.summary}`, `- **Why:** ${check.why}`, `- **Reference:** ${check.reference}`, `- **Example:** \`${check.example}\``, '');
  }
  return lines.join('\n');
}

if (require.main === module) {
  writeFileSync(CHECKS_DOC, renderChecksDoc());
  process.stdout.write(`wrote ${CHECKS_DOC}\n`);
}
