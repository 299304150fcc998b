import { checkDocument } from "../../src/contradiction/check.js";
import { MAX_COMPARED_PAIRS } from "../../src/contradiction/conflicts.js";
import { confirmConflicts } from "../../src/contradiction/nlp.js";
import { KIND_NAMES } from "../../src/contradiction/vocabulary.js";
import { truncate } from "../../src/contradiction/text.js";
import { defineRule } from "../../src/rule-api/types.js";

/**
 * Two instructions that cannot both be obeyed in one reply ("reply only with JSON" and "present the comparison as
 * a markdown table"): the model picks one at random per request. Reported on the later instruction, with the
 * earlier one as a related location. Scoped rules, conditions, explicit precedence, quoted messages, examples,
 * code blocks and template branches are not contradictions.
 */
export default defineRule({
  meta: {
    id: "contradiction/instructions",
    category: "contradiction",
    docs: {
      description: "Disallow instructions that cannot both be obeyed in the same response",
      help: "Keep one of the two rules, narrow one with a condition or scope (\"in greetings, …\"), or state which wins.",
      recommended: "error",
    },
    messages: {
      contradicts:
        "Unexpected {{kind}} instruction that contradicts line {{line}} (\"{{earlier}}\"), expected one rule, a condition that separates them, or an explicit precedence.",
      incomplete:
        "Unexpected number of instructions to compare: the check stopped after {{pairs}} pairs, so this instruction and the ones after it were not checked for contradictions; expected a prompt small enough to check, or one split into several files.",
      unread:
        "Unexpected number of instructions: the check read the first {{count}} and stopped here, so the text from here on was not checked for contradictions; expected a prompt small enough to check, or one split into several files.",
      ambiguousException:
        "Unexpected {{kind}} instruction whose precedence over line {{line}} (\"{{earlier}}\") is ambiguous: one of them holds without condition and the other is a conditional exception to it, expected the rule to name its exception (\"…except when…\") or the exception to say that it overrides the rule.",
    },
    formats: ["markdown", "text", "prompty", "dotprompt", "jinja", "mustache", "yaml", "json", "jsonl"],
  },
  create(context) {
    return {
      async document(document) {
        const check = checkDocument(document);
        const conflicts = await confirmConflicts(check.conflicts);
        for (const { later, earlier, kind, exception } of conflicts) {
          const line = document.lines.positionAt(earlier.range[0]).line;
          const earlierText = truncate(document.source.slice(earlier.range[0], earlier.range[1]));
          context.report({
            messageId: exception ? "ambiguousException" : "contradicts",
            data: { kind: KIND_NAMES[kind], line, earlier: earlierText },
            range: later.range,
            related: [{ range: earlier.range, message: `${exception ? "the other side of the exception, " : "contradicts "}line ${line}: ${earlierText}` }],
          });
        }
        // A search that gave up says so, rather than passing the rest of the file as free of contradictions.
        if (check.stoppedAt) {
          context.report({ messageId: "incomplete", severity: 1, data: { pairs: MAX_COMPARED_PAIRS.toLocaleString("en-US") }, range: check.stoppedAt.range });
        }
        if (check.unreadFrom) {
          context.report({ messageId: "unread", severity: 1, data: { count: check.readLimit.toLocaleString("en-US") }, range: check.unreadFrom });
        }
      },
    };
  },
});
