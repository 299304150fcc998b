/**
 * Makes invisible and control characters in message text visible as `<U+200B>`: a zero-width space or a
 * bidi override inside a quoted instruction must not reach a terminal, a GitHub annotation or a SARIF viewer
 * as the character itself (it hides text, reorders it, or moves the cursor). Line breaks and tabs stay.
 */

// Format characters (zero-width, bidi controls, tags, soft hyphen, BOM...), Hangul fillers, the combining
// grapheme joiner, variation selectors, and C0/C1 controls other than tab and line breaks. One class, no
// nesting: linear on any input.
const INVISIBLE =
  /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/gu;

const INVISIBLE_SINGLE = new RegExp(`^${INVISIBLE.source}$`, "u");
const PLAIN = /^[\x20-\x7e\n\r\t]*$/;

/** Emoji presentation selectors after a visible character are part of how it is drawn, not hidden data. */
function isPresentationSelector(text: string, offset: number, char: string): boolean {
  if (char !== "\ufe0f" && char !== "\ufe0e") return false;
  if (offset === 0) return false;
  const before = text.codePointAt(offset - 1) ?? 0;
  const prev = before >= 0xdc00 && before <= 0xdfff && offset >= 2 ? (text.codePointAt(offset - 2) ?? 0) : before;
  return !INVISIBLE_SINGLE.test(String.fromCodePoint(prev));
}

function codeLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

export function escapeInvisible(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.replace(INVISIBLE, (char: string, offset: number) =>
    isPresentationSelector(text, offset, char) ? char : `<${codeLabel(char)}>`,
  );
}
