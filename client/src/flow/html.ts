/**
 * The ladder webview's HTML, as a pure function of its inputs (nonce, the webview's CSP source, the
 * script's URI, the first state), so a test can write it to a file and load it in a plain browser.
 *
 * Security: the policy allows only our bundled script (by nonce), our stylesheet (by nonce) and
 * images from the extension; nothing remote, no inline handlers, no eval. The state travels as JSON
 * in a non-executed `<script type="application/json">` with `<`, `>` and `&` escaped, so a trace
 * holding `</script>` cannot close it. The script puts message text into the page as text only.
 */
import type { FlowViewState } from './protocol';

export interface FlowHtmlInput {
  /** Fresh per page: a base64 or hex string of at least 128 random bits. */
  readonly nonce: string;
  /** `webview.cspSource` (in a plain browser: the page's own origin, or `'self'`). */
  readonly cspSource: string;
  /** Where the bundled webview script is (`webview.asWebviewUri(dist/flowWebview.js)`). */
  readonly scriptUri: string;
  readonly state: FlowViewState;
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** JSON that is safe inside a `<script>` element: nothing in it can end the element or open a comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/**
 * The page follows the VS Code theme through its CSS variables, with fallbacks for a plain browser.
 * The diagram keeps the renderer's own colours (its embedded sheet styles `arrow-request`,
 * `arrow-1xx` … `arrow-6xx` on a white card), so the view looks like the exported SVG; this sheet
 * adds only the hover and highlight boxes behind arrows.
 */
const STYLE = `
:root { color-scheme: light dark; }
body { margin: 0; padding: 0; font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground, #333); background: var(--vscode-editor-background, #fff); }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 10px;
  background: var(--vscode-editor-background, #fff); border-bottom: 1px solid var(--vscode-panel-border, #ccc); }
.toolbar label, .toolbar .group { display: inline-flex; gap: 4px; align-items: center; }
select, button { font: inherit; color: var(--vscode-dropdown-foreground, inherit); background: var(--vscode-dropdown-background, transparent);
  border: 1px solid var(--vscode-dropdown-border, #999); border-radius: 2px; padding: 2px 6px; }
button { cursor: pointer; color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, transparent); }
button[aria-pressed="true"] { color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #0066b8); }
#ladder { padding: 8px 10px 24px; overflow: auto; }
#ladder svg { display: block; max-width: none; height: auto; border-radius: 4px; }
#ladder .empty { opacity: 0.8; font-style: italic; }
g.arrow { cursor: pointer; }
g.arrow:focus { outline: none; }
g.arrow rect.hit { fill: transparent; stroke: none; pointer-events: all; }
g.arrow:hover rect.hit, g.arrow:focus rect.hit { fill: #8c959f; fill-opacity: 0.15; }
g.arrow.highlight rect.hit { fill: #0969da; fill-opacity: 0.16; stroke: #0969da; stroke-opacity: 0.6; }
g.arrow.highlight line, g.arrow.highlight path.loop { stroke-width: 3; }
g.arrow.highlight text.label { font-weight: bold; }
#tooltip { position: fixed; z-index: 3; max-width: 70vw; padding: 6px 8px; white-space: pre-wrap; pointer-events: none;
  font-family: var(--vscode-editor-font-family, monospace); font-size: 12px;
  color: var(--vscode-editorHoverWidget-foreground, #222); background: var(--vscode-editorHoverWidget-background, #f6f6f6);
  border: 1px solid var(--vscode-editorHoverWidget-border, #bbb); }
#tooltip[hidden] { display: none; }
#tooltip .start { font-weight: bold; }
`;

export function flowHtml(input: FlowHtmlInput): string {
  const nonce = escapeHtml(input.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.nonce, input.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Call flow</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header class="toolbar">
<label>Call <select id="call" title="The call to draw"></select></label>
<span class="group" role="group" aria-label="Group participants by">Group by
<button type="button" id="group-address" data-group="address">address</button><button type="button" id="group-host" data-group="host">host</button></span>
<span class="group" role="group" aria-label="Export">
<button type="button" id="save-svg" title="Save the diagram as an SVG file">Save SVG…</button>
<button type="button" id="save-mermaid" title="Save the diagram as Mermaid sequenceDiagram text">Save Mermaid…</button>
<button type="button" id="copy-mermaid" title="Copy the Mermaid sequenceDiagram text">Copy Mermaid</button>
</span>
</header>
<main id="ladder"></main>
<div id="tooltip" role="tooltip" hidden></div>
<script type="application/json" id="flow-state">${scriptSafeJson(input.state)}</script>
<script nonce="${nonce}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>
`;
}
