/**
 * A call flow as Mermaid `sequenceDiagram` text, to paste into Markdown or GitHub. Participants get
 * plain identifiers (`P1`, `P2`) with their addresses as aliases, because `127.0.0.1:5060` is not
 * a valid Mermaid identifier. Requests are solid arrows and responses dashed ones. Text is escaped
 * with Mermaid's `#code;` entities: `;` and `#` end or start entities and statements, `:` separates
 * an arrow from its text, and `<`, `>` and quotes would be read as markup by the renderer.
 */
import { badgedLabel, bodyNote, printable } from './describe';
import type { CallFlow } from './model';

const ESCAPED = /[#;:<>"'`{}%\\|&[\]]/g;

/** Escapes text for a Mermaid label or alias with decimal entities (`#35;` for `#`). */
export function escapeMermaid(text: string): string {
  return printable(text).replace(ESCAPED, (c) => `#${c.charCodeAt(0)};`);
}

/** The inverse of `escapeMermaid`, for tests and for readers that round-trip the text. */
export function unescapeMermaid(text: string): string {
  return text.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** The identifier of participant i: `P1`, `P2`… */
export function mermaidId(index: number): string {
  return `P${index + 1}`;
}

/** The text an arrow carries in Mermaid: label, ×N badge and body note. */
export function mermaidArrowText(arrow: CallFlow['arrows'][number]): string {
  const note = bodyNote(arrow.body);
  return note ? `${badgedLabel(arrow)} (${note})` : badgedLabel(arrow);
}

export function renderMermaid(flow: CallFlow): string {
  const lines = ['sequenceDiagram', `    %% ${printable(flow.title).replace(/%%/g, '% %')}`];
  flow.participants.forEach((p, i) => lines.push(`    participant ${mermaidId(i)} as ${escapeMermaid(p.label)}`));
  for (const arrow of flow.arrows) {
    const kind = arrow.class === 'request' ? '->>' : '-->>';
    lines.push(`    ${mermaidId(arrow.from)}${kind}${mermaidId(arrow.to)}: ${escapeMermaid(mermaidArrowText(arrow))}`);
  }
  return `${lines.join('\n')}\n`;
}
