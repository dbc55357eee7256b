/** Renders a registry card (core/features/explain/card.ts) as hover markdown. */
import type { Card } from '../core/features/explain/card';

/**
 * Escapes the characters that would change how registry or document text renders (emphasis, code,
 * links, HTML, table cells). Punctuation that is harmless inside a paragraph stays as it is, so
 * clients that show hovers as plain text do not fill them with backslashes.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

export function cardMarkdown(card: Card): string {
  const out: string[] = [`**${escapeMarkdown(card.title)}**`];
  if (card.facts.length > 0) out.push(`*${escapeMarkdown(card.facts.join(' · '))}*`);
  if (card.reference) out.push(card.reference.url ? `[${escapeMarkdown(card.reference.text)}](${card.reference.url})` : escapeMarkdown(card.reference.text));
  for (const section of card.sections) out.push(section.heading ? `**${escapeMarkdown(section.heading)}:** ${escapeMarkdown(section.text)}` : escapeMarkdown(section.text));
  for (const table of card.tables) {
    out.push(`**${escapeMarkdown(table.heading)}**`);
    out.push([`| ${table.columns.map(escapeMarkdown).join(' | ')} |`, `|${table.columns.map(() => '---').join('|')}|`, ...table.rows.map((row) => `| ${row.map(escapeMarkdown).join(' | ')} |`)].join('\n'));
  }
  return out.join('\n\n');
}
