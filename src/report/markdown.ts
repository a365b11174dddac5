/** Small Markdown helpers for reports. */

/** A Markdown table; numbers are shown with `digits` significant figures. */
export function markdownTable(
  header: string[],
  rows: Array<Array<string | number | boolean | undefined>>,
  digits = 4,
): string {
  const fmt = (v: string | number | boolean | undefined): string => {
    if (v === undefined) return '';
    if (typeof v === 'number')
      return Number.isInteger(v) ? String(v) : Number(v.toPrecision(digits)).toString();
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return v.replace(/\|/g, '\\|');
  };
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.map(fmt).join(' | ')} |`);
  return lines.join('\n');
}
