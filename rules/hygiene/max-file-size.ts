import { defineRule } from "../../src/rule-api/types.js";

interface Options {
  /** Largest file, in UTF-8 bytes (BOM included). */
  maxBytes: number;
  /** Longest line, in characters (UTF-16 code units, as columns are counted). */
  maxLineLength: number;
}

/**
 * Very large prompt files and very long lines are usually generated data committed by mistake; they also
 * make diffs unreadable and every pre-commit run slower.
 */
export default defineRule<Options>({
  meta: {
    id: "hygiene/max-file-size",
    category: "hygiene",
    docs: {
      description: "Limit the size of prompt files and the length of their lines",
      help: "Split the file, move data out of the prompt, or raise maxBytes / maxLineLength.",
      recommended: "warn",
    },
    messages: {
      tooLarge: "Unexpected file size of {{size}} bytes, expected at most {{max}} bytes; the content from here on is over the limit.",
      lineTooLong: "Unexpected line of {{length}} characters, expected at most {{max}}.",
    },
    schema: {
      type: "object",
      properties: {
        maxBytes: { type: "integer", minimum: 1 },
        maxLineLength: { type: "integer", minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxBytes: 256 * 1024, maxLineLength: 10_000 },
  },
  create(context) {
    return {
      document(document) {
        const { maxBytes, maxLineLength } = context.options;
        const { source, lines } = document;
        const bomBytes = document.bom ? 3 : 0;
        // A UTF-16 code unit is at most 3 UTF-8 bytes: skip the exact count when the file is clearly small.
        if (source.length * 3 + bomBytes > maxBytes) {
          const size = Buffer.byteLength(source, "utf8") + bomBytes;
          if (size > maxBytes) {
            const cut = offsetAfterBytes(source, maxBytes - bomBytes);
            context.report({ messageId: "tooLarge", data: { size, max: maxBytes }, range: [cut, source.length] });
          }
        }
        for (let line = 1; line <= lines.lineCount; line++) {
          const start = lines.lineStarts[line - 1]!;
          const end = lines.lineEnd(line);
          if (end - start <= maxLineLength) continue;
          context.report({
            messageId: "lineTooLong",
            data: { length: end - start, max: maxLineLength },
            range: [start + maxLineLength, end],
          });
        }
      },
    };
  },
});

/** Offset of the first character that does not fit in `limit` UTF-8 bytes. */
function offsetAfterBytes(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) size = 4;
    if (bytes + size > limit) return i;
    bytes += size;
    if (size === 4) i++;
  }
  return text.length;
}
