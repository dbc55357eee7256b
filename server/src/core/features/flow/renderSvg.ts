/**
 * A call flow as one self-contained SVG: participant boxes, lifelines, one coloured arrow per row
 * with its label, ×N badge and SDP marker, timestamps and deltas in a left gutter. Colours come
 * from CSS classes (`arrow-request`, `arrow-1xx` … `arrow-6xx`) in an embedded style sheet, so a
 * viewer can restyle them. Each arrow group carries `data-index` and `data-line` for a viewer to
 * map clicks back to the text. Every piece of text from the trace is escaped, and the SVG holds no
 * script: a trace is untrusted input.
 */
import { bodyNote, copiesBadge, deltaText, printable } from './describe';
import type { ArrowClass, CallFlow, FlowArrow } from './model';

export interface SvgOptions {
  /** Distance between lifelines, in pixels. */
  readonly columnWidth?: number;
  /** Height of one arrow row, in pixels. */
  readonly rowHeight?: number;
}

const CLASSES: readonly ArrowClass[] = ['request', '1xx', '2xx', '3xx', '4xx', '5xx', '6xx'];
const COLOURS: Readonly<Record<ArrowClass, string>> = {
  request: '#1f6feb',
  '1xx': '#6e7781',
  '2xx': '#1a7f37',
  '3xx': '#9a6700',
  '4xx': '#cf222e',
  '5xx': '#a40e26',
  '6xx': '#8250df',
};
/** Rough width of one character of the 12 px sans-serif font, for layout without a font engine. */
const CHAR = 7;
const GUTTER_PAD = 16;
const HEADER = 44;
const MAX_LABEL = 60;

/** Escapes text for XML content and attribute values (line breaks kept for tooltips). */
export function escapeXml(text: string): string {
  return printable(text, true).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function style(): string {
  const rules = CLASSES.map((c) => `.arrow-${c} line,.arrow-${c} path.loop{stroke:${COLOURS[c]}}.arrow-${c} text.label{fill:${COLOURS[c]}}.arrow-${c} .badge rect{fill:${COLOURS[c]}}`);
  return [
    'svg{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:12px;background:#ffffff}',
    '.participant rect{fill:#f6f8fa;stroke:#57606a}.participant text{fill:#24292f;font-weight:600}',
    '.lifeline{stroke:#8c959f;stroke-dasharray:4 4}',
    '.arrow line{stroke-width:1.5}.arrow text{font-family:ui-monospace,Menlo,Consolas,monospace}',
    '.time{fill:#57606a;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px}',
    '.badge text{fill:#ffffff;font-size:10px;font-weight:600}',
    '.sdp rect{fill:#fff8c5;stroke:#9a6700}.sdp text{fill:#6f4e00;font-size:10px}',
    ...rules,
  ].join('');
}

function markers(): string {
  return CLASSES.map((c) => `<marker id="head-${c}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${COLOURS[c]}"/></marker>`).join('');
}

export function renderSvg(flow: CallFlow, options: SvgOptions = {}): string {
  const rowHeight = options.rowHeight ?? 34;
  const labels = flow.participants.map((p) => clip(printable(p.label), 40));
  const longestLabel = Math.max(0, ...flow.arrows.map((a) => clip(a.label, MAX_LABEL).length + (copiesBadge(a) ? 5 : 0)), ...labels.map((l) => l.length));
  const columnWidth = options.columnWidth ?? Math.max(140, longestLabel * CHAR + 40);
  const gutterText = flow.arrows.map((a) => [a.timestamp ?? '', deltaText(a)].filter(Boolean).join('  '));
  const gutter = Math.max(0, ...gutterText.map((t) => t.length)) * 6.5 + GUTTER_PAD;
  const x = (i: number): number => Math.round(gutter + columnWidth / 2 + i * columnWidth);
  const width = Math.round(gutter + columnWidth * Math.max(1, flow.participants.length) + 160);
  const height = HEADER + 16 + flow.arrows.length * rowHeight + 16;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(flow.title)}">`,
    `<title>${escapeXml(flow.title)}</title>`,
    `<style>${style()}</style>`,
    `<defs>${markers()}</defs>`,
  ];
  labels.forEach((label, i) => {
    const boxWidth = Math.min(columnWidth - 12, label.length * CHAR + 20);
    parts.push(
      `<g class="participant" data-participant="${i}"><title>${escapeXml(flow.participants[i]?.label ?? '')}</title>` +
        `<rect x="${x(i) - boxWidth / 2}" y="8" width="${boxWidth}" height="26" rx="4"/>` +
        `<text x="${x(i)}" y="25" text-anchor="middle">${escapeXml(label)}</text></g>`,
      `<line class="lifeline" x1="${x(i)}" y1="34" x2="${x(i)}" y2="${height - 8}"/>`,
    );
  });
  flow.arrows.forEach((arrow, row) => parts.push(arrowGroup(arrow, HEADER + 16 + row * rowHeight + rowHeight / 2, x, columnWidth, gutterText[row] ?? '')));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function arrowGroup(arrow: FlowArrow, y: number, x: (i: number) => number, columnWidth: number, gutter: string): string {
  const from = x(arrow.from);
  const to = x(arrow.to);
  const self = from === to;
  const label = clip(arrow.label, MAX_LABEL);
  const labelX = self ? from + 8 : (from + to) / 2;
  const anchor = self ? 'start' : 'middle';
  const tooltip = [arrow.startLine, ...arrow.keyHeaders.map((h) => `${h.name}: ${h.value}`), bodyNote(arrow.body)].filter(Boolean).join('\n');
  const inner: string[] = [`<title>${escapeXml(tooltip)}</title>`];
  if (gutter) inner.push(`<text class="time" x="8" y="${y + 4}">${escapeXml(gutter)}</text>`);
  if (self) {
    const loop = Math.min(40, columnWidth / 3);
    inner.push(`<path class="loop" d="M${from},${y - 4}h${loop}v10h${-loop}" fill="none" stroke-width="1.5" marker-end="url(#head-${arrow.class})"/>`);
  } else {
    inner.push(`<line x1="${from}" y1="${y}" x2="${to}" y2="${y}" marker-end="url(#head-${arrow.class})"/>`);
  }
  inner.push(`<text class="label" x="${labelX}" y="${y - 6}" text-anchor="${anchor}">${escapeXml(label)}</text>`);
  const badge = copiesBadge(arrow);
  let after = (self ? from + 8 + label.length * CHAR : labelX + (label.length * CHAR) / 2) + 6;
  if (badge) {
    const w = badge.length * 7 + 8;
    inner.push(`<g class="badge"><rect x="${after}" y="${y - 17}" width="${w}" height="14" rx="7"/><text x="${after + w / 2}" y="${y - 7}" text-anchor="middle">${escapeXml(badge)}</text></g>`);
    after += w + 4;
  }
  if (arrow.body) {
    const note = bodyNote(arrow.body);
    const tag = arrow.body.kind === 'sdp-offer' ? 'offer' : arrow.body.kind === 'sdp-answer' ? 'answer' : arrow.body.kind === 'sdp' ? 'SDP' : 'body';
    const w = tag.length * 6.5 + 10;
    inner.push(`<g class="sdp" data-body="${arrow.body.kind}"><title>${escapeXml(note)}</title><rect x="${after}" y="${y - 17}" width="${w}" height="14" rx="3"/><text x="${after + 5}" y="${y - 7}">${escapeXml(tag)}</text></g>`);
  }
  return `<g class="arrow" data-index="${arrow.index}" data-line="${arrow.line}" data-class="${arrow.class}"><g class="arrow-${arrow.class}">${inner.join('')}</g></g>`;
}
