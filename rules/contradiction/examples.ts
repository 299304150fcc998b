import { checkExamples, reportedRange } from "../../src/contradiction/examples.js";
import { truncate } from "../../src/contradiction/text.js";
import { KIND_NAMES } from "../../src/contradiction/vocabulary.js";
import { defineRule } from "../../src/rule-api/types.js";

/**
 * Few-shot examples that break the prompt's own rules (prose under "respond only with JSON", emoji under "never use
 * emoji", 140 words under "keep answers under 80 words"). Models imitate examples more than they obey rules, so
 * the example teaches the model to ignore the rule. Checks examples in the file and in an attached examples file
 * named by the frontmatter (`examples: ./support.jsonl`).
 */
export default defineRule({
  meta: {
    id: "contradiction/examples",
    category: "contradiction",
    docs: {
      description: "Disallow few-shot examples that violate the prompt's own instructions",
      help: "Fix the example so it obeys the rule, or change the rule if the example shows what you really want.",
      recommended: "warn",
    },
    messages: {
      violates:
        "Unexpected example reply with {{found}}, expected it to follow the {{kind}} instruction on line {{line}} (\"{{rule}}\").",
      violatesAttached:
        "Unexpected example reply in {{file}} line {{exampleLine}} with {{found}}, expected it to follow the {{kind}} instruction on line {{line}} (\"{{rule}}\").",
    },
    formats: ["markdown", "text", "prompty", "dotprompt", "jinja", "mustache", "yaml", "json", "jsonl"],
  },
  create(context) {
    return {
      async document(document) {
        const violations = await checkExamples(document);
        const examplesKey = document.frontmatter?.keys.get("examples");
        for (const v of violations) {
          const line = document.lines.positionAt(v.instruction.range[0]).line;
          const rule = truncate(document.source.slice(v.instruction.range[0], v.instruction.range[1]));
          const data = { found: v.detail, kind: KIND_NAMES[v.kind], line, rule };
          const related = [{ range: v.instruction.range, message: `instruction on line ${line}: ${rule}` }];
          if (v.output.range) {
            context.report({ messageId: "violates", data, range: reportedRange(document.source, v) ?? v.output.range, related });
          } else if (v.output.external) {
            const ext = v.output.external;
            const file = ext.filePath.split(/[\\/]/).pop() ?? ext.filePath;
            context.report({
              messageId: "violatesAttached",
              data: { ...data, file, exampleLine: ext.line },
              range: examplesKey?.value ?? document.frontmatter?.range ?? [0, 0],
              related: [...related, { filePath: ext.filePath, line: ext.line, column: ext.column, endLine: ext.endLine, endColumn: ext.endColumn, message: "example reply" }],
            });
          }
        }
      },
    };
  },
});
