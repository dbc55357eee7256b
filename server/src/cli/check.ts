/**
 * `sipls check`: the validator for CI. One line per finding (FILE:LINE:COL: SEVERITY CHECK-ID
 * message) and a summary, or JSON; exit 1 when any error is found, 2 for usage or I/O problems.
 */
import { parseDocument } from '../core/parser/document';
import { checkById, isLevel, severityRank, validate, type Finding, type Level, type Severity } from '../core/features/validate';
import { LineIndex } from '../core/util/positions';
import { readInput } from './input';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

export const CHECK_USAGE = `Usage: sipls check [--format text|json] [--min-severity LEVEL] [--rule ID=LEVEL]... FILE...

Checks SIP message files and trace logs (format detected from the text). FILE may be - for stdin.

Options:
  --format text|json     text (default): FILE:LINE:COL: SEVERITY CHECK-ID message, then a summary
  --min-severity LEVEL   show only findings at LEVEL or above: error, warning, information, hint (default)
  --rule ID=LEVEL        set a check's level: off, hint, information, warning or error (repeatable)
  -h, --help
Check ids and what they catch: server/CHECKS.md.
Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
`;

interface CheckArgs {
  format: 'text' | 'json';
  minSeverity: Severity;
  levels: Record<string, Level>;
  files: string[];
}

function parseArgs(args: readonly string[]): CheckArgs | null {
  const parsed: CheckArgs = { format: 'text', minSeverity: 'hint', levels: {}, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (name: string): string => {
      const inline = arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = args[++i];
      if (next === undefined) throw new UsageError(`check: ${name} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') return null;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const format = value('--format');
      if (format !== 'text' && format !== 'json') throw new UsageError(`check: --format must be text or json, not "${format}"`);
      parsed.format = format;
    } else if (arg === '--min-severity' || arg.startsWith('--min-severity=')) {
      const level = value('--min-severity');
      if (!isLevel(level) || level === 'off') throw new UsageError(`check: --min-severity must be error, warning, information or hint, not "${level}"`);
      parsed.minSeverity = level;
    } else if (arg === '--rule' || arg.startsWith('--rule=')) {
      const rule = value('--rule');
      const [id = '', level = ''] = rule.split('=');
      if (!checkById(id)) throw new UsageError(`check: unknown check id "${id}" in --rule (see server/CHECKS.md)`);
      if (!isLevel(level)) throw new UsageError(`check: --rule ${id} needs a level: off, hint, information, warning or error`);
      parsed.levels[id] = level;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`check: unknown option ${arg}`);
    } else parsed.files.push(arg);
  }
  if (parsed.files.length === 0) throw new UsageError('check: missing FILE (use - for standard input)');
  return parsed;
}

interface Located {
  readonly finding: Finding;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function runCheck(args: readonly string[], io: CliIo): number {
  const options = parseArgs(args);
  if (!options) {
    io.stdout(CHECK_USAGE);
    return EXIT_OK;
  }
  const inputs = options.files.map(readInput);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const results = inputs.map((input) => {
    const document = parseDocument(input.text);
    // Lines count at LF, like grep -n and CI annotations (see the README).
    const lines = new LineIndex(input.text, 'lf');
    const findings = validate(input.text, document, { levels: options.levels })
      .filter((f) => severityRank(f.severity) <= severityRank(options.minSeverity))
      .map((finding): Located => {
        const start = lines.positionAt(finding.span.start);
        const end = lines.positionAt(finding.span.end);
        return { finding, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
      });
    for (const { finding } of findings) counts[finding.severity]++;
    return { name: input.name, format: document.format, messages: document.messages.length, findings };
  });

  if (options.format === 'json') {
    io.stdout(
      JSON.stringify({
        files: results.map((r) => ({
          file: r.name,
          format: r.format,
          messages: r.messages,
          diagnostics: r.findings.map((l) => ({ line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, severity: l.finding.severity, code: l.finding.code, message: l.finding.message })),
        })),
      }) + '\n',
    );
  } else {
    for (const result of results) {
      for (const l of result.findings) io.stdout(`${result.name}:${l.line}:${l.column}: ${l.finding.severity} ${l.finding.code} ${l.finding.message}\n`);
    }
    const messages = results.reduce((sum, r) => sum + r.messages, 0);
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.stdout(`${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')} in ${plural(messages, 'message')}, ${plural(results.length, 'file')}\n`);
  }
  return counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
