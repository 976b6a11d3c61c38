// A readable word diff between two texts, for the revision history.

export type DiffPart = { op: 'same' | 'added' | 'removed'; text: string };

const MAX_WORDS = 4_000;

/** Longest-common-subsequence diff over words (whitespace kept with the word before it). */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.match(/\S+\s*/g) ?? [];
  const b = after.match(/\S+\s*/g) ?? [];
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    return before === after
      ? [{ op: 'same', text: before }]
      : [
          { op: 'removed', text: before },
          { op: 'added', text: after },
        ];
  }
  // Trim the common head and tail so the table covers only the changed middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const table: Uint32Array[] = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      table[i]![j] = x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  if (start) push('same', a.slice(0, start).join(''));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      push('same', x[i]!);
      i++;
      j++;
    } else if (j < y.length && (i === x.length || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      push('added', y[j++]!);
    } else {
      push('removed', x[i++]!);
    }
  }
  if (endA < a.length) push('same', a.slice(endA).join(''));
  return out;
}
