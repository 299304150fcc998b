import { defineRule } from "../../src/rule-api/types.js";
import { formatAssumed, formatEncoding, formatTokens } from "../../src/tokens/format.js";
import { anchorFor } from "../../src/tokens/locate.js";
import { registryFor } from "../../src/tokens/registry.js";
import { frontmatterMaxOutput } from "../../src/tokens/settings.js";
import { countDocument } from "../../src/tokens/stats.js";
import { targetModels } from "../../src/tokens/target.js";

export default defineRule<{ outputTokens: number }>({
  meta: {
    id: "budget/context-window",
    category: "budget",
    docs: {
      description: "Require the rendered prompt plus its output tokens to fit the context window of every target model",
      help: "Shorten the prompt, lower max_tokens, or choose a model with a larger window.",
      recommended: "error",
    },
    messages: {
      overWindow:
        "The prompt ({{count}} tokens, {{encoding}}) plus {{output}} output tokens ({{outputFrom}}) needs {{needed}} tokens, over the {{window}}-token context window of {{model}} by {{over}}; expected it to fit{{assumed}}.",
      overInput:
        "The prompt uses {{count}} tokens ({{encoding}}), over the {{limit}}-token input limit of {{model}} by {{over}}; expected at most {{limit}}{{assumed}}.",
      outputOverLimit:
        "Unexpected output limit of {{output}} tokens for {{model}}, which returns at most {{limit}}; expected {{limit}} or less.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        outputTokens: { type: "integer", minimum: 0, description: "Output tokens to reserve when the file declares no max_tokens." },
      },
    },
    defaultOptions: { outputTokens: 4096 },
  },
  create(context) {
    return {
      async document(document) {
        const registry = registryFor(context.settings);
        const targets = targetModels(document, context.settings, registry).filter((t) => t.entry?.contextWindow !== undefined || t.entry?.maxInputTokens !== undefined);
        if (targets.length === 0) return;
        const declared = frontmatterMaxOutput(document);
        for (const ref of targets) {
          const entry = ref.entry!;
          const count = await countDocument(document, context.settings, entry.tokenizer, registry);
          const assumed = formatAssumed(count.assumed);
          const common = {
            count: formatTokens(count.total, count.exact),
            encoding: formatEncoding(entry.tokenizer, count.exact),
            model: entry.id,
            assumed: assumed ? ` (${assumed})` : "",
          };
          if (declared && entry.maxOutputTokens !== undefined && declared.value > entry.maxOutputTokens) {
            context.report({
              messageId: "outputOverLimit",
              range: declared.range ?? anchorFor(document),
              data: { output: formatTokens(declared.value, true), limit: formatTokens(entry.maxOutputTokens, true), model: entry.id },
            });
          }
          if (entry.maxInputTokens !== undefined && count.total > entry.maxInputTokens) {
            context.report({
              messageId: "overInput",
              range: anchorFor(document),
              data: { ...common, limit: formatTokens(entry.maxInputTokens, true), over: formatTokens(count.total - entry.maxInputTokens, count.exact) },
            });
            continue;
          }
          if (entry.contextWindow === undefined) continue;
          const output = declared?.value ?? context.options.outputTokens;
          const needed = count.total + output;
          if (needed <= entry.contextWindow) continue;
          context.report({
            messageId: "overWindow",
            range: anchorFor(document),
            data: {
              ...common,
              output: formatTokens(output, true),
              outputFrom: declared ? `\`${declared.key}\`` : "option outputTokens",
              needed: formatTokens(needed, count.exact),
              window: formatTokens(entry.contextWindow, true),
              over: formatTokens(needed - entry.contextWindow, count.exact),
            },
            related: ref.range ? [{ range: ref.range, message: `Model ${entry.id} is named here.` }] : undefined,
          });
        }
      },
    };
  },
});
