import { defineRule } from "../../src/engine/types.js";
import type { Range } from "../../src/model/document.js";

/** Every record of a JSONL (or JSON) few-shot file must parse; one broken line fails a whole fine-tune upload. */
export default defineRule({
  meta: {
    id: "fewshot/jsonl-syntax",
    category: "fewshot",
    formats: ["jsonl", "json"],
    docs: {
      description: "Require every JSONL line (and every JSON file) to parse",
      help: "Fix the JSON at this column; each JSONL line must hold exactly one JSON value.",
      recommended: "error",
    },
    messages: {
      invalid: "Unexpected JSON syntax in record {{record}}: {{detail}}; expected one complete JSON value{{where}}.",
      invalidFile: "Unexpected JSON syntax: {{detail}}; expected the file to hold one complete JSON value.",
      problem: "Unexpected record: {{detail}}.",
    },
  },
  create(context) {
    return {
      document(document) {
        const reported: Range[] = [];
        for (const record of document.records ?? []) {
          if (!record.error) continue;
          context.report({
            messageId: "invalid",
            data: {
              record: record.index + 1,
              detail: clean(record.error.message),
              where: document.format === "jsonl" ? " per line" : "",
            },
            range: record.error.range,
          });
          reported.push(record.error.range);
        }
        for (const problem of document.problems) {
          // A `.json` file that does not parse has no records: the parser reports it as a structure problem.
          if (problem.kind !== "record" && !(problem.kind === "structure" && document.format === "json")) continue;
          if (reported.some((r) => r[0] <= problem.range[0] && problem.range[0] <= Math.max(r[1], r[0]))) continue;
          context.report({ messageId: problem.kind === "structure" ? "invalidFile" : "problem", data: { detail: clean(problem.message) }, range: problem.range });
        }
      },
    };
  },
});

function clean(message: string): string {
  return message
    .split("\n")[0]!
    .replace(/^Invalid JSON:\s*/, "")
    .replace(/\s+in JSON at position \d+.*$/, "")
    .replace(/[.\s]+$/, "");
}
