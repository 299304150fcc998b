import { defineRule } from "../../src/rule-api/types.js";
import { formatAssumed, formatEncoding, formatTokens } from "../../src/tokens/format.js";
import { anchorFor } from "../../src/tokens/locate.js";
import { registryFor } from "../../src/tokens/registry.js";
import { BUDGET_KEYS, budgetSettings, frontmatterBudgets, type BudgetKey, type Budgets } from "../../src/tokens/settings.js";
import { countDocument, DEFAULT_TOKENIZER } from "../../src/tokens/stats.js";
import { targetModels } from "../../src/tokens/target.js";

const WHAT: Record<BudgetKey, string> = {
  total: "The prompt",
  system: "The system part",
  user: "The user part",
  assistant: "The assistant part",
  tool: "The tool part",
  examples: "The few-shot examples",
  instruction: "The instructions",
};

const budgetProperty = { type: "integer", minimum: 0 };

export default defineRule<Budgets>({
  meta: {
    id: "budget/max-tokens",
    category: "budget",
    docs: {
      description: "Enforce token budgets per file and per role (system, examples, total), counted with the target model's tokenizer",
      help: "Shorten the prompt, move rarely needed parts out of it, or raise the budget deliberately.",
      // On in the recommended preset; it reports nothing until a budget is configured.
      recommended: "error",
    },
    messages: {
      overBudget:
        "{{what}} uses {{count}} tokens ({{encoding}}, {{model}}), over the budget of {{budget}} by {{over}}; expected at most {{budget}}{{assumed}}.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(BUDGET_KEYS.map((k) => [k, budgetProperty])),
    },
  },
  create(context) {
    return {
      async document(document) {
        const fromFile = frontmatterBudgets(document);
        const { variables: _v, defaultVariableTokens: _d, ...fromSettings } = budgetSettings(context.settings);
        // The most specific setting wins: settings.budgets, then rule options, then the file's own `budget`.
        const budgets: Budgets = { ...fromSettings, ...context.options, ...(fromFile?.value ?? {}) };
        const keys = BUDGET_KEYS.filter((k) => budgets[k] !== undefined);
        if (keys.length === 0) return;

        const registry = registryFor(context.settings);
        const targets = targetModels(document, context.settings, registry);
        const seen = new Set<string>();
        const runs = targets.length > 0 ? targets : [undefined];
        for (const ref of runs) {
          const tokenizer = ref?.entry?.tokenizer ?? DEFAULT_TOKENIZER;
          if (seen.has(tokenizer)) continue;
          seen.add(tokenizer);
          const count = await countDocument(document, context.settings, tokenizer, registry);
          for (const key of keys) {
            const budget = budgets[key]!;
            const actual = key === "total" ? count.total : (count.byRole[key] ?? 0);
            if (actual <= budget) continue;
            const assumed = formatAssumed(count.assumed);
            context.report({
              messageId: "overBudget",
              range: anchorFor(document, key),
              data: {
                what: WHAT[key],
                count: formatTokens(actual, count.exact),
                encoding: formatEncoding(tokenizer, count.exact),
                model: ref ? (ref.entry?.id ?? ref.name) : "no model configured",
                budget: formatTokens(budget, true),
                over: formatTokens(actual - budget, count.exact),
                assumed: assumed ? ` (${assumed})` : "",
              },
              related: fromFile?.range && fromFile.value[key] !== undefined ? [{ range: fromFile.range, message: "Budget set here." }] : undefined,
            });
          }
        }
      },
    };
  },
});
