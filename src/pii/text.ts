/** Small character helpers shared by the detectors; all linear, no regex backtracking. */

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters (any script), digits and underscore: a character that continues a word. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === "") return false;
  const c = ch.charCodeAt(0);
  if (isDigitCode(c) || isAsciiLetterCode(c) || c === 95) return true;
  if (c < 128) return false;
  return /[\p{L}\p{N}]/u.test(ch);
}

export function digitsOf(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) out += value[i];
  }
  return out;
}

/** Lower-cased text of up to `n` characters before `start`, limited to the same line when `sameLine`. */
export function textBefore(text: string, start: number, n: number, sameLine = false): string {
  let from = Math.max(0, start - n);
  if (sameLine) {
    const nl = text.lastIndexOf("\n", start - 1);
    if (nl >= from) from = nl + 1;
  }
  return text.slice(from, start).toLowerCase();
}

/** Lower-cased text of up to `n` characters after `end`. */
export function textAfter(text: string, end: number, n: number, sameLine = false): string {
  let to = Math.min(text.length, end + n);
  if (sameLine) {
    const nl = text.indexOf("\n", end);
    if (nl !== -1 && nl < to) to = nl;
  }
  return text.slice(end, to).toLowerCase();
}

/** Start offset of the line that contains `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** End offset (exclusive, before the line break) of the line that contains `offset`. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  return nl === -1 ? text.length : nl;
}

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Number of distinct characters in a string (used to spot dummy numbers such as 4111 1111 1111 1111). */
export function distinctChars(value: string): number {
  return new Set(value).size;
}

/** A line that starts with a speaker label ("User:", "**Customer:**", "> Agent:"): part of a conversation. */
export const SPEAKER_LABEL =
  /^\s*(?:[-*>]\s*)?(?:\*\*)?(?:user|customer|client|caller|human|agent|assistant|ai|bot|rep|representative|support|patient|doctor|q|a|input|output|visitor|guest|buyer|seller|me|them)(?:\*\*)?\s*:/i;

export function isDialogueLine(text: string, offset: number): boolean {
  const start = lineStart(text, offset);
  return SPEAKER_LABEL.test(text.slice(start, start + 40));
}
