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

/** Up to `limit` candidates close to `word` (for "did you mean" hints), closest first. */
export function nearest(word: string, candidates: readonly string[], limit = 3): string[] {
  return candidates
    .map((known) => ({ known, d: editDistance(word, known) }))
    .filter(({ d, known }) => d <= Math.max(3, Math.floor(known.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map(({ known }) => known);
}
