/** One row of the table, reused: hints compare one word with thousands of candidates. */
let scratch = new Uint32Array(64);

/**
 * Levenshtein distance, for "did you mean" hints (rule ids, model ids, frontmatter keys). With `max`, the
 * computation stops as soon as every path is longer than `max` and returns `max + 1`: a hint only needs the
 * near candidates, and a long key compared with thousands of others must not cost a full table each time.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (scratch.length <= b.length) scratch = new Uint32Array(2 * (b.length + 1));
  const row = scratch;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let diag = row[0]!;
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      let d = diag + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      if (above + 1 < d) d = above + 1;
      if (row[j - 1]! + 1 < d) d = row[j - 1]! + 1;
      row[j] = d;
      if (d < rowMin) rowMin = d;
      diag = above;
    }
    if (rowMin > max) return max + 1;
  }
  return Math.min(row[b.length]!, max + 1);
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
    // Only a distance within the candidate's own limit counts: the table is computed no further.
    const limit = Math.max(2, Math.floor(known.length / 3));
    const d = editDistance(wanted, known.toLowerCase(), limit);
    if (d <= limit) scored.push({ known, d });
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
