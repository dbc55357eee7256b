/**
 * What the parser met on the way, reported as checks so users can configure them like any other:
 * header lines without a colon, a header block without its closing blank line, stray text between
 * the messages of a message file, and messages the log itself says it cut.
 */
import type { ParseProblemCode } from '../../../parser/model';
import type { Check, MessageCheck, Severity, TraceCheck } from '../types';

interface ProblemCheck {
  readonly code: ParseProblemCode;
  readonly severity: Severity;
  readonly summary: string;
  readonly why: string;
  readonly reference: string;
  readonly example: string;
  /** Severity in trace logs, where the logger may be to blame. */
  readonly inLog?: Severity;
}

const PROBLEMS: readonly ProblemCheck[] = [
  {
    code: 'header-without-colon',
    severity: 'error',
    summary: 'A line in the header block that has no colon.',
    why: 'Every header is "name: value"; a line without a colon is garbage to a receiver, which answers 400.',
    reference: 'RFC 3261 §7.3, §25',
    example: 'Foobar roobar',
  },
  {
    code: 'missing-blank-line',
    severity: 'error',
    summary: 'A header block not closed by an empty line.',
    why: 'The empty line ends the headers; without it a stream receiver waits forever and a datagram receiver may drop the message.',
    reference: 'RFC 3261 §7',
    example: 'the last header line followed by the end of the file',
    inLog: 'information',
  },
  {
    code: 'extra-bytes',
    severity: 'warning',
    summary: 'Text between or after the messages of a message file that belongs to no message.',
    why: 'Usually a paste error, a wrong Content-Length, or log text in a message file.',
    reference: 'RFC 3261 §7, §18.3',
    example: 'junk between two messages',
  },
  {
    code: 'log-truncated',
    severity: 'information',
    summary: 'A message the logging tool says it cut short.',
    why: 'The missing part cannot be checked; findings on it may be artefacts of the cut.',
    reference: 'FreeSWITCH siptrace "message truncated"',
    example: '*** message truncated ***',
  },
  {
    code: 'parser-error',
    severity: 'error',
    summary: 'The parser stopped early because of an internal error.',
    why: 'A bug in sipls: please report it with the file. Everything before this point was still read.',
    reference: 'sipls',
    example: '(none)',
  },
];

/** Problems attached to messages (the parser records them per message). */
const MESSAGE_LEVEL: ReadonlySet<ParseProblemCode> = new Set(['header-without-colon', 'missing-blank-line', 'log-truncated']);

export const PARSING_CHECKS: readonly Check[] = PROBLEMS.map((problem): Check => {
  const doc = { id: problem.code, defaultSeverity: problem.severity, summary: problem.summary, why: problem.why, reference: problem.reference, example: problem.example };
  if (MESSAGE_LEVEL.has(problem.code)) {
    const check: MessageCheck = {
      ...doc,
      scope: 'message',
      run(context, report) {
        for (const found of context.message.problems) {
          if (found.code !== problem.code) continue;
          // A message file whose last header block simply runs to the end of the file has usually
          // lost its final empty line to an editor or an extraction (RFC 5118's archive copies did):
          // worth knowing, not an error. A header block cut off by another message is one.
          const atEnd = problem.code === 'missing-blank-line' && context.text.slice(found.span.end).trim() === '';
          const severity = context.inLog && problem.inLog ? problem.inLog : atEnd ? 'information' : undefined;
          report(found.span, atEnd && !context.inLog ? `${found.message} The file ends here; the final empty line may have been lost.` : found.message, severity ? { severity } : {});
        }
      },
    };
    return check;
  }
  const check: TraceCheck = {
    ...doc,
    scope: 'trace',
    run(context, report) {
      for (const found of context.document.problems) if (found.code === problem.code) report(found.span, found.message);
    },
  };
  return check;
});
