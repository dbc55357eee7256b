/**
 * One parse per document version, shared by every request: the hover after a keystroke reuses the
 * parse the diagnostics made. Findings depend on settings too, so they are cached per version and
 * settings generation, and computed only when something asks for them.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../core/parser/document';
import type { SipDocument } from '../core/parser/model';
import { validate, type Finding } from '../core/features/validate';
import type { Settings } from './settings';
import { buildFlows, type FlowOptions, type TraceFlows } from '../core/features/flow';

export interface Analysis {
  readonly version: number;
  readonly text: string;
  readonly document: SipDocument;
}

interface Entry extends Analysis {
  findings?: { readonly generation: number; readonly list: readonly Finding[] };
  /** Call flows of this version, by the options they were built with (a request may override the grouping). */
  flows?: Map<string, TraceFlows>;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    const entry: Entry = { version: document.version, text, document: parseDocument(text) };
    this.entries.set(document.uri, entry);
    return entry;
  }

  findings(document: TextDocument, settings: Settings, generation: number): readonly Finding[] {
    const analysis = this.get(document);
    const entry = this.entries.get(document.uri);
    if (entry?.findings && entry.findings.generation === generation && entry.version === analysis.version) return entry.findings.list;
    const list = validate(analysis.text, analysis.document, { levels: settings.checks, maxPerCheck: settings.maxPerCheck });
    if (entry) entry.findings = { generation, list };
    return list;
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
  }
}
