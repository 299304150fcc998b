/** Levenshtein distance, for "did you mean" hints (rule ids, model ids, frontmatter keys). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * The one "did you mean" helper (rule ids, categories, model names, frontmatter keys, chat roles, variable names,
 * option values): up to `limit` candidates close to `word`, closest first (ties in the candidates' order),
 * each once. Case is ignored. Close means at most a third of the candidate's length in edits, and at least 2, so
 * a short word is not "corrected" into an unrelated one.
 */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = word.toLowerCase();
  const scored: { known: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const known of candidates) {
    if (seen.has(known)) continue;
    seen.add(known);
    const d = editDistance(wanted, known.toLowerCase());
    if (d <= Math.max(2, Math.floor(known.length / 3))) scored.push({ known, d });
  }
  return scored
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map(({ known }) => known);
}

/** The closest candidate, if one is close enough (see `nearest`). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return nearest(word, candidates, 1)[0];
}
