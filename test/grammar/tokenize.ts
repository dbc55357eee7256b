/**
 * Loads the TextMate grammars in syntaxes/ with vscode-textmate and the Oniguruma WebAssembly build,
 * as VS Code does, and tokenizes text into plain `{ line, start, end, text, scopes }` records.
 * Markdown itself is replaced by a one-rule stand-in grammar so that the injection can be tested
 * without VS Code's markdown grammar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from '../support/paths';

export const SYNTAXES = join(REPO_ROOT, 'syntaxes');

/** Grammar files by scope name. */
export const GRAMMAR_FILES: Record<string, string> = {
  'source.sip': 'sip.tmLanguage.json',
  'source.sdp': 'sdp.tmLanguage.json',
  'source.sip-log': 'sip-log.tmLanguage.json',
  'markdown.sip.codeblock': 'markdown-injection.tmLanguage.json',
};

const MARKDOWN_STUB = JSON.stringify({ scopeName: 'text.html.markdown', patterns: [{ match: '^#+ .*$', name: 'markup.heading.markdown' }] });

export interface Token {
  /** 1-based line number. */
  line: number;
  /** 0-based start and end columns (UTF-16). */
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The Oniguruma library, loaded once per process. */
export function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

/** The raw JSON of one of the repository's grammar files. */
export function readGrammarJson(scopeName: string): unknown {
  return JSON.parse(readFileSync(join(SYNTAXES, GRAMMAR_FILES[scopeName]), 'utf8')) as unknown;
}

let registry: vsctm.Registry | undefined;
const grammars = new Map<string, Promise<vsctm.IGrammar>>();

function getRegistry(): vsctm.Registry {
  registry ??= new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(MARKDOWN_STUB, 'markdown-stub.json');
      const file = GRAMMAR_FILES[scopeName];
      if (file === undefined) return null;
      const path = join(SYNTAXES, file);
      return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['markdown.sip.codeblock'] : undefined),
  });
  return registry;
}

/** The compiled grammar for a scope name (source.sip, source.sdp, source.sip-log, text.html.markdown). */
export function loadGrammar(scopeName: string): Promise<vsctm.IGrammar> {
  let grammar = grammars.get(scopeName);
  if (grammar === undefined) {
    grammar = getRegistry()
      .loadGrammar(scopeName)
      .then((g) => {
        if (g === null) throw new Error(`grammar ${scopeName} not found`);
        return g;
      });
    grammars.set(scopeName, grammar);
  }
  return grammar;
}

/** Splits text into lines the way an editor does (LF or CRLF; the end of line is not part of a line). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Tokenizes a whole text with the grammar for `scopeName`. */
export async function tokenize(scopeName: string, text: string | string[]): Promise<Token[]> {
  const grammar = await loadGrammar(scopeName);
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  lines.forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) {
      const end = Math.min(t.endIndex, lineText.length);
      if (end <= t.startIndex && lineText.length > 0) continue;
      tokens.push({ line: index + 1, start: t.startIndex, end, text: lineText.slice(t.startIndex, end), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** The tokens whose text is exactly `text` (optionally only on one line). */
export function tokensWithText(tokens: Token[], text: string, line?: number): Token[] {
  return tokens.filter((t) => t.text === text && (line === undefined || t.line === line));
}

/** The scopes of the single token whose text is `text` on `line` (1-based); throws when there is not exactly one. */
export function scopesOf(tokens: Token[], text: string, line: number): string[] {
  const found = tokensWithText(tokens, text, line);
  if (found.length !== 1) {
    const onLine = tokens.filter((t) => t.line === line).map((t) => JSON.stringify(t.text));
    throw new Error(`expected one token ${JSON.stringify(text)} on line ${line}, found ${found.length}; line tokens: ${onLine.join(' ')}`);
  }
  return found[0].scopes;
}

/** The readable snapshot format: one line per token, `line:col scope stack "text"` (1-based line and column). */
export function formatTokens(tokens: Token[]): string {
  return tokens.map((t) => `${t.line}:${t.start + 1} ${t.scopes.join(' ')} ${JSON.stringify(t.text)}`).join('\n') + '\n';
}
