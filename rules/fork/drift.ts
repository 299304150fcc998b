import { defineRule } from "../../src/rule-api/types.js";
import { computeDrift } from "../../src/forks/drift.js";
import { composedPrompt, shownPath } from "./_shared.js";

/**
 * Per-customer forks drift: each one is edited on its own, and two years later it is a different prompt
 * that no eval covers. This rule warns when a fork's composed text differs from its base's by more than
 * a share of lines or tokens.
 */
export default defineRule<{ maxLinePercent: number; maxTokenPercent: number }>({
  meta: {
    id: "fork/drift",
    category: "fork",
    docs: {
      description: "Warn when a fork's composed prompt differs from its base by more than a share of lines or tokens",
      help: "Move what all customers need into the base, or make the fork a prompt of its own with its own evals.",
      recommended: "warn",
    },
    messages: {
      lines: "Unexpected drift from {{base}}: {{percent}}% of the base's lines differ ({{added}} added, {{removed}} removed, {{changed}} changed of {{baseLines}}); expected at most {{max}}%.",
      tokens: "Unexpected drift from {{base}}: {{fork}} tokens against {{baseTokens}} ({{sign}}{{percent}}%, {{tokenizer}}); expected a difference of at most {{max}}%.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxLinePercent: { type: "number", minimum: 0, description: "Largest share of the base's non-blank lines a fork may add, remove or change." },
        maxTokenPercent: { type: "number", minimum: 0, description: "Largest token difference between fork and base, in percent of the base." },
      },
    },
    defaultOptions: { maxLinePercent: 50, maxTokenPercent: 50 },
  },
  create(context) {
    return {
      async document(document) {
        const composed = await composedPrompt(context);
        if (!composed?.base) return;
        const drift = await computeDrift(composed, context.settings);
        if (!drift) return;
        const base = shownPath(document.path, composed.base.target);
        const range = composed.base.reference;
        const { maxLinePercent, maxTokenPercent } = context.options;
        if (drift.linePercent > maxLinePercent) {
          context.report({
            messageId: "lines",
            data: {
              base,
              percent: Math.round(drift.linePercent),
              added: drift.lines.added,
              removed: drift.lines.removed,
              changed: drift.lines.changed,
              baseLines: drift.lines.baseLines,
              max: maxLinePercent,
            },
            range,
          });
        }
        if (drift.tokens.percent > maxTokenPercent) {
          const approx = drift.tokens.exact ? "" : "≈";
          context.report({
            messageId: "tokens",
            data: {
              base,
              fork: `${approx}${drift.tokens.fork}`,
              baseTokens: `${approx}${drift.tokens.base}`,
              sign: drift.tokens.delta >= 0 ? "+" : "-",
              percent: Math.round(drift.tokens.percent),
              tokenizer: drift.tokens.tokenizer,
              max: maxTokenPercent,
            },
            range,
          });
        }
      },
    };
  },
});
