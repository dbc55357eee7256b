/**
 * The one settings contract between the VS Code client (package.json `contributes.configuration`)
 * and the server. Everything lives under `sipls.*`; unknown or malformed values fall back to the
 * defaults, so a typo in a user's settings never breaks the server.
 */
import { isLevel, type Level } from '../core/features/validate';

export interface Settings {
  /** Per-check levels: `sipls.checks.<id>`. */
  readonly checks: Readonly<Record<string, Level>>;
  /** `sipls.hover.logCodes`: explain SIP codes in log text outside messages. */
  readonly hoverLogCodes: boolean;
  /** `sipls.diagnostics.maxPerCheck`: findings per check per document before the rest are summarised. */
  readonly maxPerCheck: number;
}

export const DEFAULT_SETTINGS: Settings = { checks: {}, hoverLogCodes: true, maxPerCheck: 100 };

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
  return {
    checks,
    hoverLogCodes: typeof hover.logCodes === 'boolean' ? hover.logCodes : DEFAULT_SETTINGS.hoverLogCodes,
    maxPerCheck: typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_SETTINGS.maxPerCheck,
  };
}
