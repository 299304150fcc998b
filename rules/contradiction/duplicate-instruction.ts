import { checkDocument } from "../../src/contradiction/check.js";
import { truncate } from "../../src/contradiction/text.js";
import { defineRule } from "../../src/rule-api/types.js";

/**
 * The same rule said twice in other words ("Never use emoji." … "Emojis are not appropriate in any reply."):
 * it costs tokens on every request and adds nothing, and the next edit will change one copy but not the other.
 */
export default defineRule({
  meta: {
    id: "contradiction/duplicate-instruction",
    category: "contradiction",
    docs: {
      description: "Disallow the same instruction stated twice",
      help: "Keep one statement of the rule; if it needs emphasis, say it once, clearly.",
      recommended: "warn",
    },
    hasSuggestions: false,
    messages: {
      duplicate: "Unexpected repetition of the instruction on line {{line}} (\"{{earlier}}\"), expected each rule once.",
    },
    formats: ["markdown", "text", "prompty", "dotprompt", "jinja", "mustache", "yaml", "json", "jsonl"],
  },
  create(context) {
    return {
      document(document) {
        const { duplicates } = checkDocument(document);
        for (const { later, earlier } of duplicates) {
          const line = document.lines.positionAt(earlier.range[0]).line;
          const earlierText = truncate(document.source.slice(earlier.range[0], earlier.range[1]));
          context.report({
            messageId: "duplicate",
            data: { line, earlier: earlierText },
            range: later.range,
            related: [{ range: earlier.range, message: `first stated on line ${line}: ${earlierText}` }],
          });
        }
      },
    };
  },
});
