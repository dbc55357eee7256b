/**
 * `sipls explain TOPIC [--json]`: a pocket reference. TOPIC is a status code, a class (4xx), a reason
 * phrase, a method, a header (full or compact), an option tag, an event package, a warning code or a
 * Q.850 cause (q850:16). Several words are joined, so `sipls explain busy here` needs no quotes.
 */
import { closest, lookupCode } from '../core/registry/lookup';
import { cardFor } from '../core/features/explain/card';
import { topicJson } from '../core/features/explain/json';
import { resolveTopic, unknownCodeStanding } from '../core/features/explain/topic';
import { renderCardText } from './renderText';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

export const EXPLAIN_USAGE = `Usage: sipls explain TOPIC [--json]

TOPIC is any of:
  486, 4xx, "busy here"     a response code, a class, or a reason phrase
  INVITE                    a method
  Via, v                    a header, full name or compact form
  100rel, presence, 399     an option tag, an event package, a warning code
  q850:16                   an ITU-T Q.850 cause value (Reason: Q.850;cause=16)

Options:
  --json    print the registry entry as JSON (stable keys)
  -h, --help
Exit codes: 0 found, 1 unknown topic, 2 usage error.
`;

export function runExplain(args: readonly string[], io: CliIo): number {
  let json = false;
  const words: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      io.stdout(EXPLAIN_USAGE);
      return EXIT_OK;
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-?\d/.test(arg)) throw new UsageError(`explain: unknown option ${arg}`);
    else words.push(arg);
  }
  const query = words.join(' ').trim();
  if (query === '') throw new UsageError('explain: missing TOPIC (try: sipls explain 486)');

  const topics = resolveTopic(query);
  if (topics.length === 0) {
    reportUnknown(query, io);
    return EXIT_FINDINGS;
  }
  if (json) {
    const [primary, ...others] = topics.map(topicJson);
    io.stdout(JSON.stringify({ ...primary, otherMatches: others }, null, 2) + '\n');
  } else {
    const width = Math.min(Math.max(io.columns ?? 80, 60), 100);
    io.stdout(topics.map((topic) => renderCardText(cardFor(topic), width)).join('\n'));
  }
  return EXIT_OK;
}

function reportUnknown(query: string, io: CliIo): void {
  const standing = unknownCodeStanding(query);
  const suggestions = closest(query, 5).map((s) => s.label);
  const lines = [
    standing
      ? `sipls: ${query} is not a registered SIP response code; a receiver treats it as ${standing.treatedAs} ${lookupCode(standing.treatedAs ?? 0)?.reasonPhrase ?? ''} (RFC 3261 §8.1.3.2).`
      : `sipls: unknown topic "${query}".`,
  ];
  if (suggestions.length > 0) lines.push(`Did you mean: ${suggestions.join(', ')}?`);
  io.stderr(lines.join('\n') + '\n');
}
