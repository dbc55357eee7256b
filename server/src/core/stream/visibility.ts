/**
 * Which checks can be left out when only findings at some severity or above will be shown. A
 * finding's severity is its check's configured level when one is set; otherwise its check's default
 * or milder (a check may report a finding more mildly, in logs for instance, never more severely:
 * see Report in features/validate/types.ts). A check whose level or default is below the threshold
 * therefore has nothing to show, and need not run.
 */
import { CHECKS, severityRank, type Level, type Severity } from '../features/validate';

/** Ids of the checks that cannot report anything at `minSeverity` or above (checks that are off included). */
export function checksBelow(minSeverity: Severity, levels: Readonly<Record<string, Level>> = {}): Set<string> {
  const min = severityRank(minSeverity);
  const below = new Set<string>();
  for (const check of CHECKS) {
    const level = levels[check.id] ?? check.defaultSeverity;
    if (level === 'off' || severityRank(level) > min) below.add(check.id);
  }
  return below;
}
