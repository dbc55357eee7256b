/**
 * The one settings contract between the VS Code client (package.json `contributes.configuration`)
 * and the server. Everything lives under `sipls.*`; unknown or malformed values fall back to the
 * defaults, so a typo in a user's settings never breaks the server.
 */
import { isLevel, type Level } from '../core/features/validate';
import { DEFAULT_FLOW_OPTIONS, type FlowOptions } from '../core/features/flow/model';

export interface Settings {
  /** Per-check levels: `sipls.checks.<id>`. */
  readonly checks: Readonly<Record<string, Level>>;
  /** `sipls.hover.logCodes`: explain SIP codes in log text outside messages. */
  readonly hoverLogCodes: boolean;
  /** `sipls.diagnostics.maxPerCheck`: findings per check per document before the rest are summarised. */
  readonly maxPerCheck: number;
  /** `sipls.flow.groupBy` and `sipls.flow.mergeHeaders`: how the call flow draws columns and links B2BUA legs. */
  readonly flow: FlowOptions;
}

export const DEFAULT_SETTINGS: Settings = { checks: {}, hoverLogCodes: true, maxPerCheck: 100, flow: DEFAULT_FLOW_OPTIONS };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads the `sipls` section as a client sends it (workspace/configuration or didChangeConfiguration). */
export function readSettings(section: unknown): Settings {
  const root = record(section);
  const checks: Record<string, Level> = {};
  for (const [id, level] of Object.entries(record(root.checks))) if (typeof level === 'string' && isLevel(level)) checks[id] = level;
  const hover = record(root.hover);
  const diagnostics = record(root.diagnostics);
  const max = diagnostics.maxPerCheck;
  const flow = record(root.flow);
  const merge = Array.isArray(flow.mergeHeaders) ? flow.mergeHeaders.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim()) : null;
  return {
    checks,
    hoverLogCodes: typeof hover.logCodes === 'boolean' ? hover.logCodes : DEFAULT_SETTINGS.hoverLogCodes,
    maxPerCheck: typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_SETTINGS.maxPerCheck,
    flow: {
      groupBy: flow.groupBy === 'host' || flow.groupBy === 'address' ? flow.groupBy : DEFAULT_FLOW_OPTIONS.groupBy,
      mergeHeaders: merge ?? DEFAULT_FLOW_OPTIONS.mergeHeaders,
    },
  };
}
