// Text that cannot be stored as it was sent: U+0000 (PostgreSQL text cannot hold it) and unpaired UTF-16
// surrogates, which are not Unicode (SQLite keeps three replacement characters for one, PostgreSQL one, so the
// stored text would differ from what was accepted). Browsers never send either from a form; hostile clients do,
// as JSON "\u0000" and "\ud800" escapes or %00 in a query. The doors refuse such text, naming the field.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or null when it can. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode text (it contains an unpaired surrogate)';
  return null;
}

/** The first string inside a value that cannot be stored, with its place ("article.headline"); null when all can. */
export function unstorableText(value: unknown): { field: string; problem: string } | null {
  // Iterative, so a value nested thousands deep cannot exhaust the stack.
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { field: path, problem };
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        stack.push({ v: child, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return null;
}
