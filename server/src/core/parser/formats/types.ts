/**
 * A trace-log format: how to recognise it from the text itself, and how to cut the text into frames
 * (the blocks the tool printed, each with the context it wrote around the message). Adapters never
 * parse SIP themselves; message.ts does that for every format alike.
 */
import type { FormatId } from '../model';
import type { Frame } from '../message';

export interface TraceFormat {
  readonly id: FormatId;
  /** Human name for the README table and `sipls messages`. */
  readonly label: string;
  /** One line on what gives the format away, for the README's format table. */
  readonly detection: string;
  /**
   * How strongly the sample (the text's first 64 KB) looks like this format: 0 for "not at all".
   * The highest score wins, so a specific marker (SIPp's dashed header) should outscore anything generic.
   */
  detect(sample: string): number;
  /** Every frame in the text, in order. Must not throw, and must stay linear in the text's size. */
  frames(text: string): Frame[];
  /**
   * Optional shortcut for cutting a stream into windows: where frames(text)'s last frame begins
   * (the start of its context's frameSpan), found from the end without framing the whole text; -1
   * when there is no frame; undefined when this text needs frames() to tell.
   */
  lastFrameStart?(text: string): number | undefined;
}
