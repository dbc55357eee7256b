/**
 * `sipls flow FILE [--call-id X] [--format text|mermaid|svg|json] [--group-by address|host]
 * [--merge-header H]...`: the ladder diagram of a trace's calls, drawn by the same core the editor
 * uses. Without --call-id, text and JSON show every call (one after another), while Mermaid and SVG,
 * which must stay one valid diagram, show the all-calls view.
 */
import { parseDocument } from '../core/parser/document';
import { buildFlows, DEFAULT_FLOW_OPTIONS, renderMermaid, renderSvg, renderText, selectFlow, type CallFlow, type GroupBy } from '../core/features/flow';
import { readInput } from './input';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

export const FLOW_USAGE = `Usage: sipls flow FILE [--call-id ID|all] [--format text|mermaid|svg|json]
                  [--group-by address|host] [--merge-header HEADER]...

Draws the call flow (ladder diagram) of a SIP trace or message file. FILE may be - for standard input.

Options:
  --call-id ID      the call holding this Call-ID (merged B2BUA legs count as one call), or
                    "all" for every message in one diagram. Without it, text and json show every
                    call; mermaid and svg show the all-calls diagram.
  --format F        text (default: a plain-text ladder), mermaid (sequenceDiagram), svg, json (the model)
  --group-by G      address (default: one column per ip:port) or host (one per host)
  --merge-header H  a header that links B2BUA legs: X-Call-ID, Session-ID, or a header and its
                    parameter, P-Charging-Vector;icid-value. Repeatable; replaces the default list
                    (${DEFAULT_FLOW_OPTIONS.mergeHeaders.join(', ')}); "none" merges nothing.
  -h, --help
Exit codes: 0 success, 1 unknown --call-id (the Call-IDs are listed on stderr), 2 usage or I/O error.
`;

type Format = 'text' | 'mermaid' | 'svg' | 'json';
const FORMATS: readonly Format[] = ['text', 'mermaid', 'svg', 'json'];
const GROUPINGS: readonly GroupBy[] = ['address', 'host'];

interface FlowArgs {
  readonly file: string;
  readonly callId: string | null;
  readonly format: Format;
  readonly groupBy: GroupBy;
  readonly mergeHeaders: readonly string[];
}

function parseArgs(args: readonly string[]): FlowArgs | 'help' {
  let file: string | null = null;
  let callId: string | null = null;
  let format: Format = 'text';
  let groupBy: GroupBy = DEFAULT_FLOW_OPTIONS.groupBy;
  let merge: string[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`flow: ${name} needs a value`);
      return next;
    };
    if (name === '-h' || name === '--help') return 'help';
    else if (name === '--call-id') callId = value();
    else if (name === '--format') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`flow: --format must be one of ${FORMATS.join(', ')} (got "${v}")`);
      format = v as Format;
    } else if (name === '--group-by') {
      const v = value();
      if (!(GROUPINGS as readonly string[]).includes(v)) throw new UsageError(`flow: --group-by must be address or host (got "${v}")`);
      groupBy = v as GroupBy;
    } else if (name === '--merge-header') {
      const v = value().trim();
      if (!v) throw new UsageError('flow: --merge-header needs a header name');
      merge = [...(merge ?? []), ...(v.toLowerCase() === 'none' ? [] : [v])];
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`flow: unknown option ${arg}`);
    else if (file !== null) throw new UsageError('flow: one FILE at a time');
    else file = arg;
  }
  if (file === null) throw new UsageError('flow: missing FILE (use - for standard input)');
  return { file, callId, format, groupBy, mergeHeaders: merge ?? DEFAULT_FLOW_OPTIONS.mergeHeaders };
}

function render(flow: CallFlow, format: Format): string {
  switch (format) {
    case 'mermaid':
      return renderMermaid(flow);
    case 'svg':
      return renderSvg(flow);
    case 'json':
      return `${JSON.stringify(flow, null, 2)}\n`;
    default:
      return renderText(flow);
  }
}

export function runFlow(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(FLOW_USAGE);
    return EXIT_OK;
  }
  const input = readInput(parsed.file);
  const flows = buildFlows(input.text, parseDocument(input.text), { groupBy: parsed.groupBy, mergeHeaders: parsed.mergeHeaders });
  if (parsed.callId !== null) {
    const flow = selectFlow(flows, parsed.callId);
    if (!flow) {
      const known = flows.calls.flatMap((call) => call.callIds);
      io.stderr(`sipls: flow: no call with Call-ID "${parsed.callId}" in ${input.name}; ${known.length === 0 ? 'it has no Call-IDs' : `its Call-IDs:\n${known.map((id) => `  ${id}\n`).join('')}`}`.replace(/([^\n])$/, '$1\n'));
      return EXIT_FINDINGS;
    }
    io.stdout(render(flow, parsed.format));
    return EXIT_OK;
  }
  if (parsed.format === 'json') io.stdout(`${JSON.stringify(flows, null, 2)}\n`);
  else if (parsed.format === 'text') io.stdout(flows.calls.map((call) => renderText(call)).join('\n'));
  else if (flows.all.arrows.length > 0) io.stdout(render(flows.calls.length === 1 && flows.calls[0] ? flows.calls[0] : flows.all, parsed.format));
  return EXIT_OK;
}
