/**
 * The report's building blocks: one table per area, with the same columns everywhere (figure,
 * budget, measured, baseline, ratio, pass/FAIL), and the list of budgets not met.
 */

export interface Row {
  readonly figure: string;
  /** Shown as written ("≤ 1.0 s"); `pass` says whether the measurement meets it, undefined when there is no budget. */
  readonly budget: string;
  readonly measured: string;
  readonly baseline: string;
  /** measured / baseline, when both are numbers of the same kind. */
  readonly ratio?: number;
  readonly pass?: boolean;
  /** The same budget judged on the server's CPU time, for rows where wall time carries the machine's load. */
  readonly cpuPass?: boolean;
}

export interface Section {
  readonly title: string;
  /** What was measured and how, in a sentence or two. */
  readonly intro: string;
  readonly rows: readonly Row[];
  /** Extra tables or text after the main table (growth, formats), already in Markdown. */
  readonly extra?: string;
  /** Budgets not met, each with what it would take; or why the section was skipped. */
  readonly notes: readonly string[];
}

export const ms = (value: number): string => (Number.isFinite(value) ? (value >= 100 ? `${Math.round(value).toLocaleString('en-US')} ms` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`) : 'n/a');
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
export const rate = (value: number, unit: string): string => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ${unit}` : 'n/a');
export const ratio = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '—' : `${value >= 10 ? Math.round(value) : value >= 0.1 ? value.toFixed(1) : value.toPrecision(1)}x`;

const verdict = (row: Row): string => {
  if (row.pass === undefined) return '—';
  if (row.pass) return 'pass';
  return row.cpuPass === true ? '**FAIL** (wall); pass on CPU' : '**FAIL**';
};

export function markdownTable(rows: readonly Row[]): string {
  return [
    '| figure | budget | measured | baseline | ratio | result |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.figure} | ${r.budget} | ${r.measured} | ${r.baseline} | ${ratio(r.ratio)} | ${verdict(r)} |`),
  ].join('\n');
}

export function markdownSection(section: Section): string {
  const parts = [`## ${section.title}`, '', section.intro, ''];
  if (section.rows.length > 0) parts.push(markdownTable(section.rows), '');
  if (section.extra) parts.push(section.extra, '');
  for (const note of section.notes) parts.push(`- ${note}`);
  if (section.notes.length > 0) parts.push('');
  return parts.join('\n');
}

/** A plain-text line per row for the console. */
export function consoleRows(section: Section): string {
  return [`== ${section.title}`, ...section.rows.map((r) => `  ${r.figure}: ${r.measured} (budget ${r.budget}; baseline ${r.baseline}; ${ratio(r.ratio)}) ${verdict(r).replace(/\*/g, '')}`), ...section.notes.map((n) => `  - ${n}`)].join('\n');
}
