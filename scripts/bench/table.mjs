// Prints benchmark rows ([name, ours, baseline, ratio]) as one markdown table.
export function printTable(rows) {
  const head = ['benchmark', 'ML Roadmap', 'baseline / floor (same run)', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
