/** Core plain data to LSP types: offsets to positions, findings to diagnostics, fixes to edits. */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { INSTALL_ROOT } from '../installRoot';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/parser/model';
import type { Finding, Severity, TextEdit as CoreEdit } from '../core/features/validate';

/** Each check's documentation: the CHECKS.md shipped with sipls, opened locally (no network). */
const CHECKS_DOC = pathToFileURL(join(INSTALL_ROOT.dir, 'server', 'CHECKS.md')).toString();

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: `${CHECKS_DOC}#${finding.code}` },
    source: 'sipls',
    message: finding.message,
  };
}

export function toTextEdit(document: TextDocument, edit: CoreEdit): TextEdit {
  return { range: toRange(document, edit.span), newText: edit.newText };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
