/**
 * The ladder webview's script (bundled by esbuild into dist/flowWebview.js). It draws the SVG the
 * language server rendered, fills the call picker and the group-by toggle, shows a tooltip per
 * arrow, and tells the extension what the user did; the extension does everything else (requests,
 * the editor, saving files, the clipboard). It keeps no state of its own beyond the last `state`.
 */
import type { CallFlow, FlowArrow, FlowViewState, FromWebview, GroupBy, ToWebview } from '../protocol';
import { sanitizeSvg } from './sanitize';
import { fillTooltip, placeTooltip } from './tooltip';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
// The nonce of this script, for the renderer's <style> (browsers hide it from getAttribute, not from .nonce).
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
};
const picker = element<HTMLSelectElement>('call');
const ladder = element<HTMLElement>('ladder');
const tooltip = element<HTMLElement>('tooltip');
const groupButtons = [element<HTMLButtonElement>('group-address'), element<HTMLButtonElement>('group-host')];

let state: FlowViewState | null = null;

const post = (message: FromWebview): void => vscode.postMessage(message);

function arrowOf(flow: CallFlow, target: EventTarget | null): { arrow: FlowArrow; group: SVGGElement } | null {
  const group = target instanceof Element ? target.closest<SVGGElement>('g.arrow') : null;
  if (!group) return null;
  const index = Number(group.dataset.index);
  const arrow = flow.arrows[index];
  return arrow && arrow.index === index ? { arrow, group } : null;
}

function fillPicker(view: FlowViewState): void {
  picker.replaceChildren();
  const add = (value: string, text: string): void => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    picker.append(option);
  };
  for (const call of view.calls) add(call.id, `${call.title} (${call.arrows})`);
  add('all', 'All calls');
  picker.value = view.selected;
}

function setGroupBy(groupBy: GroupBy): void {
  for (const button of groupButtons) button.setAttribute('aria-pressed', String(button.dataset.group === groupBy));
}

function applyHighlight(index: number | null, scroll: boolean): void {
  for (const old of ladder.querySelectorAll('g.arrow.highlight')) old.classList.remove('highlight');
  if (index === null) return;
  const group = ladder.querySelector<SVGGElement>(`g.arrow[data-index="${index}"]`);
  if (!group) return;
  group.classList.add('highlight');
  if (scroll) group.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * A transparent box behind each arrow, as large as the arrow and its label: SVG takes clicks only on
 * painted pixels, and a 1-pixel line is hard to hit. The box also carries the hover and highlight colour.
 */
function addHitBoxes(svg: SVGSVGElement): void {
  for (const group of svg.querySelectorAll<SVGGElement>('g.arrow')) {
    const box = group.getBBox();
    const hit = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    hit.setAttribute('class', 'hit');
    hit.setAttribute('x', String(box.x - 4));
    hit.setAttribute('y', String(box.y - 2));
    hit.setAttribute('width', String(box.width + 8));
    hit.setAttribute('height', String(box.height + 4));
    group.prepend(hit);
  }
}

/** The renderer's style sheet, in a <style> of our own that carries this page's nonce. */
function setDiagramStyle(css: string): void {
  const style = document.createElement('style');
  style.nonce = nonce;
  style.id = 'diagram-style';
  style.textContent = css;
  const old = document.getElementById('diagram-style');
  if (old) old.replaceWith(style);
  else document.head.append(style);
}

/** Below this scale text gets too small to read: a wider diagram scrolls instead. */
const MIN_FIT_SCALE = 0.6;

/** Shrinks a diagram a little wider than the panel to fit it; leaves narrower and much wider ones at their size. */
function fitWidth(): void {
  const svg = ladder.querySelector('svg');
  if (!svg) return;
  const natural = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const room = ladder.clientWidth - 20;
  const scale = natural > 0 && room > 0 ? room / natural : 1;
  svg.style.width = scale < 1 && scale >= MIN_FIT_SCALE ? `${room}px` : '';
}

function render(view: FlowViewState): void {
  state = view;
  vscode.setState(view);
  fillPicker(view);
  setGroupBy(view.groupBy);
  tooltip.hidden = true;
  const clean = view.flow.arrows.length > 0 ? sanitizeSvg(view.svg, document) : null;
  setDiagramStyle(clean?.styles.join('\n') ?? '');
  const svg = clean?.svg;
  if (svg) {
    // The renderer's <title> tooltips (for standalone SVG viewers) would show beside ours.
    for (const title of svg.querySelectorAll('g.arrow title')) title.remove();
    for (const group of svg.querySelectorAll<SVGGElement>('g.arrow')) {
      const arrow = view.flow.arrows[Number(group.dataset.index)];
      if (!arrow) continue;
      // Keyboard users reach arrows with Tab and reveal them with Enter.
      group.setAttribute('tabindex', '0');
      group.setAttribute('role', 'button');
      group.setAttribute('aria-label', `${arrow.label}, line ${arrow.line + 1}`);
    }
    ladder.replaceChildren(svg);
    addHitBoxes(svg);
    fitWidth();
  } else {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = view.flow.arrows.length > 0 ? 'The diagram could not be drawn.' : `No SIP messages in ${view.documentName}.`;
    ladder.replaceChildren(empty);
  }
  applyHighlight(view.highlight, false);
}

function reveal(target: EventTarget | null): void {
  if (!state) return;
  const hit = arrowOf(state.flow, target);
  if (hit) post({ type: 'reveal', index: hit.arrow.index, line: hit.arrow.line });
}

ladder.addEventListener('click', (event) => reveal(event.target));
ladder.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal(event.target);
  }
});
ladder.addEventListener('mousemove', (event) => {
  const hit = state ? arrowOf(state.flow, event.target) : null;
  if (!hit) {
    tooltip.hidden = true;
    return;
  }
  if (tooltip.dataset.index !== String(hit.arrow.index) || tooltip.hidden) {
    fillTooltip(tooltip, hit.arrow);
    tooltip.dataset.index = String(hit.arrow.index);
    tooltip.hidden = false;
  }
  placeTooltip(tooltip, event.clientX, event.clientY);
});
ladder.addEventListener('mouseleave', () => { tooltip.hidden = true; });

window.addEventListener('resize', fitWidth);
picker.addEventListener('change', () => post({ type: 'selectCall', callId: picker.value }));
for (const button of groupButtons) {
  button.addEventListener('click', () => {
    const groupBy = button.dataset.group === 'host' ? 'host' : 'address';
    if (state?.groupBy !== groupBy) post({ type: 'groupBy', groupBy });
  });
}
element('save-svg').addEventListener('click', () => post({ type: 'export', format: 'svg', target: 'file' }));
element('save-mermaid').addEventListener('click', () => post({ type: 'export', format: 'mermaid', target: 'file' }));
element('copy-mermaid').addEventListener('click', () => post({ type: 'export', format: 'mermaid', target: 'clipboard' }));

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'state') render(message.state);
  else if (message.type === 'highlight' && state) {
    state = { ...state, highlight: message.index };
    vscode.setState(state);
    applyHighlight(message.index, true);
  }
});

const initial = document.getElementById('flow-state')?.textContent;
if (initial) render(JSON.parse(initial) as FlowViewState);
post({ type: 'ready' });
