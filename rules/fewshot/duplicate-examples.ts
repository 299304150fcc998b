import { defineRule } from "../../src/rule-api/types.js";
import type { Range } from "../../src/model/document.js";

/**
 * The same few-shot example twice (compared after collapsing whitespace and case) over-weights it in a
 * prompt and leaks between train and validation splits in fine-tuning data. Examples come from
 * `document.examples`; data records the parser did not turn into examples are compared by their text.
 */
export default defineRule({
  meta: {
    id: "fewshot/duplicate-examples",
    category: "fewshot",
    docs: {
      description: "Disallow the same few-shot example twice in one file",
      help: "Remove the repeated example or make it cover a different case.",
      recommended: "warn",
    },
    messages: {
      duplicate: "Unexpected duplicate of the example on line {{line}}, expected each example once.",
    },
  },
  create(context) {
    return {
      document(document) {
        const seen = new Map<string, Range>();
        const check = (key: string, range: Range) => {
          if (key.replace(/\u0000/g, "") === "") return;
          const first = seen.get(key);
          if (!first) {
            seen.set(key, range);
            return;
          }
          context.report({
            messageId: "duplicate",
            data: { line: document.lines.positionAt(first[0]).line },
            range,
            related: [{ range: first, message: "first occurrence" }],
          });
        };
        const covered: Range[] = [];
        for (const example of document.examples) {
          const text = (indices: number[]) => indices.map((i) => normalize(document.segments[i]?.text ?? "")).join("\u0001");
          covered.push(example.range);
          check(`${text(example.inputs)}\u0000${text(example.outputs)}`, example.range);
        }
        for (const record of document.records ?? []) {
          if (record.error || record.value === undefined) continue;
          if (covered.some((r) => r[0] <= record.range[0] && record.range[1] <= r[1])) continue;
          check(recordKey(record.value), record.range);
        }
      },
    };
  },
});

function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/** A record's strings in order (keys and structure included), normalised. */
function recordKey(value: unknown): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") parts.push(normalize(v));
    else if (Array.isArray(v)) {
      parts.push("[");
      v.forEach(walk);
      parts.push("]");
    } else if (v !== null && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) {
        parts.push(`${k}:`);
        walk(inner);
      }
    } else parts.push(String(v));
  };
  walk(value);
  return parts.join("\u0000");
}

