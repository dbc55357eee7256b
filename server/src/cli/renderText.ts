/**
 * Plain-text rendering of a registry card for the terminal: a title, the facts on one line, the
 * reference, then wrapped paragraphs and aligned tables. ASCII only, so it survives any pager or CI log.
 */
import type { Card, CardTable } from '../core/features/explain/card';

export function wrap(text: string, width: number, indent = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

function renderTable(table: CardTable, width: number): string[] {
  const rows = [table.columns, ...table.rows];
  const widths = table.columns.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const lines = wrap(table.heading, width, '');
  for (const row of rows) {
    // The last column is free text: pad the others so that columns line up.
    const cells = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)));
    lines.push(('  ' + cells.join('  ')).trimEnd());
  }
  return lines;
}

export function renderCardText(card: Card, width = 80): string {
  const out: string[] = [card.title];
  if (card.facts.length > 0) out.push(card.facts.join(', '));
  if (card.reference) out.push(card.reference.url ? `${card.reference.text}  ${card.reference.url}` : card.reference.text);
  for (const section of card.sections) {
    out.push('');
    if (section.heading) out.push(section.heading);
    out.push(...wrap(section.text, width));
  }
  for (const table of card.tables) {
    out.push('');
    out.push(...renderTable(table, width));
  }
  return out.join('\n') + '\n';
}
