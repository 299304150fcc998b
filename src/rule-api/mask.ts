/**
 * Masks a sensitive value for display: enough to recognise which value it is (a provider prefix, the last
 * characters), never enough to use it. Short values keep almost nothing.
 */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  const n = chars.length;
  if (n <= 4) return "*".repeat(Math.max(1, n));
  if (n < 12) return `${chars[0]}…${chars[n - 1]}`;
  const prefix = knownPrefixLength(value);
  const head = chars.slice(0, Math.min(prefix || 2, Math.floor(n / 3))).join("");
  const tail = chars.slice(n - 4).join("");
  return `${head}…${tail}`;
}

/** Length of a recognisable, non-secret key prefix such as `sk-proj-`, `ghp_`, `AKIA`. */
function knownPrefixLength(value: string): number {
  const match = /^(sk-(?:proj|ant-api\d\d|ant|or-v1|svcacct)?-|gh[pousr]_|github_pat_|xox[abposr]-|AKIA|ASIA|AIza|hf_|gsk_|glpat-|pk_live_|sk_live_|rk_live_)/.exec(value);
  return match ? match[0].length : 0;
}

/**
 * Replaces each character in the given ranges by a bullet, keeping line breaks and the text's length, so
 * code frames drawn from the masked text keep their columns.
 */
export function maskRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  if (ranges.length === 0) return text;
  const chars = text.split("");
  for (const [start, end] of ranges) {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
      const c = chars[i]!;
      if (c !== "\n" && c !== "\r") chars[i] = "•";
    }
  }
  return chars.join("");
}
