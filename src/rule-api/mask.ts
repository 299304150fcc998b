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
  let headLength = Math.min(prefix || 2, Math.floor(n / 3));
  let tailLength = 4;
  // A value of several words (a name, an address) keeps no whole word: the last four characters of "Nguyễn Thu
  // Hà" would show the given name "Hà" in full, and a two-letter head would show "Al" of "Al Brandt".
  if (/\s/.test(value)) {
    const isWord = (c: string | undefined) => c !== undefined && WORD_CHARACTER.test(c);
    const wholeWordIn = (from: number, to: number) => {
      for (let i = from; i < to; i++) if (isWord(chars[i]) && !isWord(chars[i - 1]) && !wordEndsAfter(chars, i, to)) return true;
      return false;
    };
    while (headLength > 1 && wholeWordIn(0, headLength)) headLength--;
    while (tailLength > 1 && wholeWordIn(n - tailLength, n)) tailLength--;
  }
  const head = chars.slice(0, headLength).join("");
  const tail = chars.slice(n - tailLength).join("");
  return `${head}…${tail}`;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether the word starting at `start` goes on past `to` (so only part of it lies before `to`). */
function wordEndsAfter(chars: readonly string[], start: number, to: number): boolean {
  let i = start;
  while (i < chars.length && WORD_CHARACTER.test(chars[i]!)) i++;
  return i > to;
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
