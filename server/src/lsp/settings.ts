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
  /** `sipls.outline.maxItems`: document symbols (calls and messages alike) and folding ranges per document; the rest are summarised. */
  readonly outlineMaxItems: number;
  /** `sipls.flow.groupBy` and `sipls.flow.mergeHeaders`: how the call flow draws columns and links B2BUA legs. */
  readonly flow: FlowOptions;
}

export const DEFAULT_SETTINGS: Settings = { checks: {}, hoverLogCodes: true, maxPerCheck: 100, outlineMaxItems: 5000, flow: DEFAULT_FLOW_OPTIONS };

/** Below this an outline says too little to be worth a cap: a smaller `sipls.outline.maxItems` is raised to it. */
export const OUTLINE_MIN_ITEMS = 100;

/** 0, absent or malformed: the default; below the minimum: the minimum; a fraction: rounded down. */
function outlineMaxItems(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_SETTINGS.outlineMaxItems;
  return Math.max(OUTLINE_MIN_ITEMS, Math.floor(value));
}

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
  const outline = record(root.outline);
  const merge = Array.isArray(flow.mergeHeaders) ? flow.mergeHeaders.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim()) : null;
  return {
    checks,
    hoverLogCodes: typeof hover.logCodes === 'boolean' ? hover.logCodes : DEFAULT_SETTINGS.hoverLogCodes,
    maxPerCheck: typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_SETTINGS.maxPerCheck,
    outlineMaxItems: outlineMaxItems(outline.maxItems),
    flow: {
      groupBy: flow.groupBy === 'host' || flow.groupBy === 'address' ? flow.groupBy : DEFAULT_FLOW_OPTIONS.groupBy,
      mergeHeaders: merge ?? DEFAULT_FLOW_OPTIONS.mergeHeaders,
    },
  };
}
