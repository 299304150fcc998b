import { defineRule } from "../../src/rule-api/types.js";
import type { Range } from "../../src/model/document.js";
import { loneSurrogateEscapes } from "../../src/parse/json-string.js";

/**
 * Every record of a JSONL (or JSON, or YAML) few-shot file must parse; one broken line fails a whole
 * fine-tune upload. A string that is not Unicode (a lone surrogate escape) fails it as surely.
 */
export default defineRule({
  meta: {
    id: "fewshot/jsonl-syntax",
    category: "fewshot",
    formats: ["jsonl", "json", "yaml"],
    docs: {
      description: "Require every JSONL line (and every JSON or YAML data file) to parse into valid Unicode text",
      help: "Fix the syntax at this column; each JSONL line must hold exactly one JSON value.",
      recommended: "error",
    },
    messages: {
      invalid: "Unexpected JSON syntax in record {{record}}: {{detail}}; expected one complete JSON value{{where}}.",
      invalidFile: "Unexpected JSON syntax: {{detail}}; expected the file to hold one complete JSON value.",
      problem: "Unexpected record: {{detail}}.",
      invalidYaml: "Unexpected YAML syntax: {{detail}}; expected a valid YAML document{{more}}.",
      loneSurrogate:
        "Unexpected lone surrogate escape {{escape}} in a JSON string, expected a high and low surrogate pair (such as \\ud83d\\ude00): the string is not Unicode, cannot be written as UTF-8, and APIs reject or mangle it.",
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
        if (document.format === "yaml") {
          // The first YAML error; later ones are usually knock-on effects of it.
          const errors = document.problems.filter((p) => p.kind === "structure");
          const [first] = errors;
          if (first) {
            const more = errors.length === 1 ? "" : ` (${errors.length - 1} more error${errors.length === 2 ? "" : "s"} may follow from this one)`;
            context.report({ messageId: "invalidYaml", data: { detail: clean(first.message), more }, range: first.range });
          }
          return;
        }
        for (const range of loneSurrogateEscapes(document.source)) {
          context.report({ messageId: "loneSurrogate", data: { escape: document.source.slice(range[0], range[1]) }, range });
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
    .replace(/^Invalid (JSON|YAML):\s*/, "")
    .replace(/ at line \d+, column \d+:?\s*$/, "")
    .replace(/\s+in JSON at position \d+.*$/, "")
    .replace(/[.\s]+$/, "");
}
