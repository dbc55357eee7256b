/**
 * One parse per document version, shared by every request: the hover after a keystroke reuses the
 * parse the diagnostics made. Findings depend on settings too, so they are cached per version and
 * settings generation, and computed only when something asks for them.
 *
 * Edits are followed incrementally: the document manager reports each change's range here before
 * applying it, and the next version is made from the previous one by the core's reparse (only the
 * touched messages are read again) and revalidate (only their findings, and the trace findings of
 * their calls, are found again). Neither needs the whole text as one string: the document keeps its
 * text in pieces (trackedDocument.ts) and the analysis joins it only when a feature reads all of it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { parseDocument } from '../core/parser/document';
import type { SipDocument } from '../core/parser/model';
import { composeChanges, prepareForEdits, reparseWithChange, type ReparseChange, type TextChange } from '../core/parser/reparse';
import type { Finding, ValidateOptions } from '../core/features/validate';
import { callIdNumbers, revalidate, validateAll, type Validation } from '../core/features/validate/incremental';
import { followReparse, primeCallIds, warmIndex } from '../core/features/documentIndex';
import type { Settings } from './settings';
import { TrackedDocument } from './trackedDocument';
import type { TextSource } from '../core/parser/textSource';
import { PieceText } from '../core/parser/pieceText';
import { buildFlows, type FlowOptions, type TraceFlows } from '../core/features/flow';

export interface Analysis {
  readonly version: number;
  readonly text: string;
  readonly document: SipDocument;
}

class Entry implements Analysis {
  validation?: { readonly generation: number; readonly state: Validation };
  /** The last validation of an earlier version, and what the re-parses since then kept, for revalidate. */
  carried?: { readonly generation: number; readonly state: Validation; readonly change: ReparseChange };
  /** Call flows of this version, by the options they were built with (a request may override the grouping). */
  flows?: Map<string, TraceFlows>;

  constructor(
    readonly version: number,
    /** This version's text, joined into one string only when a feature reads `text`. */
    readonly source: TextSource,
    readonly document: SipDocument,
  ) {}

  get text(): string {
    return this.source.toString();
  }
}

/** Changes received since version `from`, in order; null when one of them replaced the whole text. */
interface Pending {
  readonly from: number;
  to: number;
  changes: TextChange[] | null;
}

/** From this many messages on, a document is readied for keystrokes while the editor is idle. */
const PREPARE_FROM_MESSAGES = 2000;

/** Beyond this many changes between two parses, one full parse is as cheap. */
const MAX_PENDING = 1000;

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
  private options: { readonly generation: number; readonly settings: Settings; readonly value: ValidateOptions } | undefined;

  /** A TextDocument manager configuration that tells this cache what each change replaced. */
  documents(): TextDocumentsConfiguration<TrackedDocument> {
    return {
      create: (uri, languageId, version, content) => new TrackedDocument(uri, languageId, version, content),
      update: (document, changes, version) => {
        const from = document.version;
        const recorded: TextChange[] | null = [];
        let complete = true;
        for (const change of changes) {
          // One at a time: each change's range refers to the text the previous ones left.
          if (isIncremental(change)) recorded.push({ ...document.offsetsOf(change.range), text: change.text });
          else complete = false;
          document.update([change], version);
        }
        this.record(document.uri, from, version, complete ? recorded : null);
        return document;
      },
    };
  }

  private record(uri: string, from: number, to: number, changes: TextChange[] | null): void {
    const pending = this.pending.get(uri);
    if (pending && pending.to === from) {
      pending.to = to;
      pending.changes = pending.changes && changes && pending.changes.length + changes.length <= MAX_PENDING ? pending.changes.concat(changes) : null;
    } else this.pending.set(uri, { from, to, changes });
  }

  get(document: TextDocument): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const source = document instanceof TrackedDocument ? document.source : document.getText();
    const pending = this.pending.get(document.uri);
    this.pending.delete(document.uri);
    let entry: Entry;
    if (cached && pending?.changes && pending.from === cached.version && pending.to === document.version) {
      // The previous version is replaced here and never read again: its message views can be reused
      // (the re-parse forgets the values features remembered from its text; see ReparseOptions).
      const reuseViews = cached.source instanceof PieceText;
      const { document: parsed, change } = reparseWithChange(cached.document, cached.source, pending.changes, source, { reuseViews });
      followReparse(cached.document, parsed, change);
      entry = new Entry(document.version, source, parsed);
      const earlier = cached.validation ? { generation: cached.validation.generation, state: cached.validation.state, change } : cached.carried ? { ...cached.carried, change: composeChanges(cached.carried.change, change) } : undefined;
      if (earlier) entry.carried = earlier;
    } else entry = new Entry(document.version, source, parseDocument(source.toString()));
    this.entries.set(document.uri, entry);
    return entry;
  }

  findings(document: TextDocument, settings: Settings, generation: number): readonly Finding[] {
    this.get(document);
    const entry = this.entries.get(document.uri);
    if (!entry) return [];
    if (entry.validation?.generation === generation) return entry.validation.state.findings;
    const options = this.optionsFor(settings, generation);
    const carried = entry.carried;
    const state = carried && carried.generation === generation ? revalidate(carried.state, entry.source, entry.document, carried.change, options, { previousDiscarded: true }) : validateAll(entry.text, entry.document, options);
    entry.validation = { generation, state };
    delete entry.carried;
    // The outline groups a trace into calls by Call-ID: validation read them all already. Asked
    // only while this entry is the current one: the next version's revalidate may update `state` in place.
    primeCallIds(entry.document, () => (this.entries.get(document.uri) === entry ? callIdNumbers(state) : null));
    return state.findings;
  }

  /**
   * Readies the current version of a long trace for keystrokes (see prepareForEdits), once; for idle
   * time after its diagnostics are out. Short documents do not need it: the first keystroke does it
   * cheaply. A trace just opened also gets its document index (calls by Call-ID, message starts),
   * which the outline, hovers and navigation all start from; later versions derive theirs from it
   * when first asked (followReparse), so only a text still in one piece is indexed here: joining
   * an edited trace's pieces after every keystroke would cost more than the index saves.
   */
  prepareWhileIdle(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry || !(entry.source instanceof PieceText) || entry.document.messages.length < PREPARE_FROM_MESSAGES) return;
    prepareForEdits(entry.document);
    if (entry.source.pieceCount === 1) warmIndex(entry.text, entry.document);
  }

  /** One options object per settings generation: revalidate reuses findings only under the same options. */
  private optionsFor(settings: Settings, generation: number): ValidateOptions {
    if (this.options?.generation !== generation || this.options.settings !== settings) {
      this.options = { generation, settings, value: { levels: settings.checks, maxPerCheck: settings.maxPerCheck } };
    }
    return this.options.value;
  }

  /** The call flows of the document's current version under these options, built once. */
  flows(document: TextDocument, options: FlowOptions): TraceFlows {
    const analysis = this.get(document);
    const entry = this.entries.get(document.uri);
    const key = JSON.stringify([options.groupBy, options.mergeHeaders]);
    const cached = entry?.flows?.get(key);
    if (cached) return cached;
    const flows = buildFlows(analysis.text, analysis.document, options);
    if (entry) {
      // Only the latest options are worth keeping: settings rarely change, a grouping toggle does.
      entry.flows ??= new Map();
      if (entry.flows.size >= 2) entry.flows.clear();
      entry.flows.set(key, flows);
    }
    return flows;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.pending.delete(uri);
  }
}

function isIncremental(change: TextDocumentContentChangeEvent): change is TextDocumentContentChangeEvent & { range: { start: { line: number; character: number }; end: { line: number; character: number } } } {
  return 'range' in change && change.range !== undefined;
}
