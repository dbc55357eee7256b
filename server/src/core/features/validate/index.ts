/**
 * Runs the checks over a parsed document and returns plain findings. Each check runs isolated: a
 * bug in one never hides the others' findings. Levels come from the caller (LSP settings or CLI
 * flags); a configured level overrides a check's milder-in-logs severity.
 */
import type { SipDocument } from '../../parser/model';
import { transiently } from '../../parser/access';
import { CHECKS } from './catalog';
import { plainFix, plainSpan, type Finding, type Level, type Report, type Severity, type ValidateOptions } from './types';

export type { Finding, Fix, Level, Severity, TextEdit, ValidateOptions } from './types';
export { CHECKS, checkById } from './catalog';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export function isLevel(value: string): value is Level {
  return value === 'off' || value in SEVERITY_RANK;
}

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** Every finding for the document; parsed header values live only for the call, or for the transient pass it runs in. */
export function validate(text: string, document: SipDocument, options: ValidateOptions = {}): Finding[] {
  return transiently(() => validateNow(text, document, options), { join: true });
}

function validateNow(text: string, document: SipDocument, options: ValidateOptions): Finding[] {
  const findings: Finding[] = [];
  const inLog = document.format !== 'sip';
  const limit = options.maxPerCheck ?? Number.POSITIVE_INFINITY;
  for (const check of CHECKS) {
    const configuredLevel = options.levels?.[check.id];
    if (configuredLevel === 'off') continue;
    const configured: Severity | undefined = configuredLevel;
    const level: Severity = configured ?? check.defaultSeverity;
    let count = 0;
    let suppressed = 0;
    let firstSuppressed: Finding['span'] | undefined;
    const reporter = (messageIndex: number | undefined): Report => (span, message, extra = {}) => {
      if (count >= limit) {
        suppressed++;
        firstSuppressed ??= plainSpan(span);
        return;
      }
      count++;
      findings.push({
        code: check.id,
        severity: configured ?? extra.severity ?? level,
        message,
        span: plainSpan(span),
        ...(extra.fix ? { fix: plainFix(extra.fix) } : {}),
        ...(messageIndex !== undefined ? { messageIndex } : {}),
      });
    };
    try {
      if (check.scope === 'trace') check.run({ text, document, inLog }, reporter(undefined));
      else for (const message of document.messages) check.run({ text, document, message, inLog }, reporter(message.index));
    } catch {
      // A check that throws is a sipls bug. Its findings so far stay; the other checks still run.
    }
    if (suppressed > 0 && firstSuppressed) {
      findings.push({ code: check.id, severity: 'information', message: `${suppressed} more "${check.id}" findings in this document are not shown (limit ${limit} per check).`, span: firstSuppressed });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
