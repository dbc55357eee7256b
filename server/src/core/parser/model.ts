/**
 * The parse tree every feature reads. All positions are UTF-16 offsets into the document text as the
 * editor holds it (what LSP positions count), end exclusive. Trace logs interleave decoration with
 * SIP text, so a message is described by its logical lines, each a contiguous span of the original.
 */
import type { OffsetMap } from './offsets';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A piece of text together with where it sits in the document. */
export interface Token extends Span {
  readonly text: string;
}

/** Formats the parser recognises. `sip` is a plain message file; the rest are trace-log formats. */
export type FormatId =
  | 'sip'
  | 'sipp'
  | 'asterisk-pjsip'
  | 'asterisk-chan-sip'
  | 'freeswitch'
  | 'kamailio-sipdump'
  | 'kamailio-xlog'
  | 'opensips'
  | 'sngrep'
  | 'ngrep'
  | 'sipgrep'
  | 'tcpdump'
  | 'tshark'
  | 'pjsua'
  | 'linphone'
  | 'baresip'
  | 'sofia-sip'
  | 'sipsak'
  | 'cisco-cube'
  | 'oracle-sbc'
  | 'audiocodes'
  | 'log4js'
  | 'generic';

/**
 * A problem the parser met on the way. Parsing never throws: odd input becomes one of these. The
 * `code` is stable (diagnostics and tests refer to it).
 */
export interface ParseProblem {
  readonly code: ParseProblemCode;
  readonly message: string;
  readonly span: Span;
}

export type ParseProblemCode =
  /** A line in the header block with no colon. */
  | 'header-without-colon'
  /** A header block that runs to the end of the message without the blank line that closes it. */
  | 'missing-blank-line'
  /** Text between messages of a message file that is not SIP. */
  | 'extra-bytes'
  /** The log itself says it cut the message short (e.g. FreeSWITCH's "message truncated"). */
  | 'log-truncated'
  /** A bug in the parser stopped it early; what came before is still parsed. */
  | 'parser-error';

export interface RequestLine extends Span {
  readonly kind: 'request';
  readonly method: Token;
  /** Everything between the method and the version, as written (may contain stray spaces or <>). */
  readonly uri: Token;
  /** Empty token at the line's end when the version is missing. */
  readonly version: Token;
}

export interface StatusLine extends Span {
  readonly kind: 'response';
  readonly version: Token;
  /** As written: may be more or fewer than three digits, which the validator reports. */
  readonly code: Token;
  /** Parsed status code, NaN when `code` is not a number. */
  readonly status: number;
  /** May be empty (legal: RFC 3261 §25 allows an empty Reason-Phrase). */
  readonly reason: Token;
}

export type StartLine = RequestLine | StatusLine;

export interface Header {
  /** The name as written, e.g. "v" or "CALL-ID". */
  readonly name: string;
  /** The registry's name (compact forms resolved, case fixed), or the written name for unknown headers. */
  readonly canonical: string;
  /** Lower-cased canonical name: the key features compare. */
  readonly key: string;
  readonly nameSpan: Span;
  /** Offset of the colon; -1 for a line that has none. */
  readonly colon: number;
  /** From the first value character to the last, across folded continuation lines. */
  readonly valueSpan: Span;
  /** The value with folding undone: continuation lines joined by a single space, ends trimmed; glued pieces joined. */
  readonly value: string;
  /**
   * Where the characters of `value` are in the document, when `value` is not simply the text at
   * `valueSpan` (folded or glued headers, whose document text holds line breaks or decoration
   * between the pieces); null for ordinary headers.
   */
  readonly valueMap: OffsetMap | null;
  /** The whole header field: name to the end of its last continuation line (without the line break). */
  readonly span: Span;
  /** Index of the header's first logical line within its message. */
  readonly line: number;
}

export type Direction = 'sent' | 'received';

/** What the trace log said around a message. Absent facts are null. */
export interface LogContext {
  readonly format: FormatId;
  readonly timestamp: string | null;
  readonly direction: Direction | null;
  /** UDP, TCP, TLS, WS, WSS or SCTP, upper case. */
  readonly transport: string | null;
  /** "ip:port", IPv6 as "[addr]:port". */
  readonly src: string | null;
  readonly dst: string | null;
  /** The framing lines the log wrote for this message (e.g. SIPp's dashed header). */
  readonly frameSpan: Span | null;
  /** False when the log shows a dissection of the body rather than its bytes (tshark -V). */
  readonly bodyVerbatim: boolean;
}

/**
 * The logical lines of a message: line i is text[starts[i], ends[i]), and its terminator, as the
 * document holds it, runs to breaks[i]. For plain files these are just the file's lines; in logs,
 * decoration is outside the spans.
 */
export interface LineTable {
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
  readonly breaks: ArrayLike<number>;
  /** Bytes each line terminator stood for on the wire (2 for CRLF or "#015#012", 1 for LF, 0 at the end). */
  readonly breakBytes: ArrayLike<number>;
  /**
   * 1 where line i continues directly on line i + 1 on the wire: the tool printed one SIP line in
   * pieces (ngrep wraps its output, sipgrep puts colour codes inside lines), and what lies between
   * the pieces, up to starts[i + 1], is decoration. Such a line's breakBytes is 0 and its breaks[i]
   * is where the next piece starts. A run of glued pieces is one wire line: the parser reads its
   * start line or header from the joined text. Absent when no line of the table is glued.
   */
  readonly glued?: ArrayLike<number>;
}

export interface SipMessage {
  /** 0-based position in the document. */
  readonly index: number;
  readonly kind: 'request' | 'response';
  readonly startLine: StartLine;
  readonly headers: readonly Header[];
  /** The body's logical lines (indexes into `lines`), or null when there is no body. */
  readonly body: BodyInfo | null;
  /** From the start line's first character to the end of the last line of the message. */
  readonly span: Span;
  readonly lines: LineTable;
  /** Index in `lines` of the start line (lines before it belong to framing, never to the message). */
  readonly firstLine: number;
  /** One past the index in `lines` of the message's last line. */
  readonly lastLine: number;
  readonly context: LogContext | null;
  readonly problems: readonly ParseProblem[];
  /**
   * Lets go of the objects made on first access to `headers` and `startLine` (they are made again
   * when next asked for). A pass over every message, such as validation, calls it so that a
   * long trace does not keep objects per header and per start line for its whole life.
   */
  releaseHeaders?(): void;
  /**
   * The value of the first header whose key (lower-case canonical name) is `key`, read without
   * making header objects: for passes that need one value of every message, such as the Call-IDs
   * that group a long trace into calls.
   */
  firstValue?(key: string): string | undefined;
}

export interface BodyInfo extends Span {
  /** Body size in bytes as it would be on the wire, counting each line terminator as it was written. */
  readonly bytes: number;
  /** First and one-past-last logical line of the body. */
  readonly firstLine: number;
  readonly lastLine: number;
}

export interface SipDocument {
  readonly format: FormatId;
  readonly messages: readonly SipMessage[];
  /** Problems outside any message (junk between messages of a message file). */
  readonly problems: readonly ParseProblem[];
}
