/**
 * The body of an example output written as one fenced block (```json ... ```), or the trimmed text when it is
 * not one. It does what `/^\s*```[\w-]*\s*\n([\s\S]*?)\n\s*```\s*$/` does, by scanning: that expression tries
 * every split of a run of blank lines between its `\s*\n` and its lazy body (a fence followed by 5,000 empty
 * lines took five minutes).
 */
export function stripFence(text: string): string {
  const trimmed = () => text.trim();
  const open = /^\s*```[\w-]*/.exec(text);
  if (!open) return trimmed();
  // The closing ``` is the text's last non-blank characters; the body ends at the first line break of the
  // blanks before it.
  let end = text.length;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  const closer = end - 3;
  if (closer < open[0].length || text.slice(closer, end) !== "```") return trimmed();
  let runStart = closer;
  while (runStart > 0 && isBlank(text.charCodeAt(runStart - 1))) runStart--;

  // The body starts after a line break of the blanks that follow the opening fence: the last one that still
  // leaves a line break before the closer (the expression's greedy `\s*` giving back as little as it must).
  const breaks: number[] = [];
  for (let i = open[0].length; i < text.length && isBlank(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 0x0a) breaks.push(i);
  for (let b = breaks.length - 1; b >= 0; b--) {
    const start = breaks[b]! + 1;
    for (let p = Math.max(runStart, start); p < closer; p++) {
      if (text.charCodeAt(p) === 0x0a) return text.slice(start, p);
    }
    // No line break before the closer at or after `start`: only an earlier start can leave one.
  }
  return trimmed();
}

/** `\s` of a regular expression (white space and line terminators), as `String.prototype.trim` counts them. */
function isBlank(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
