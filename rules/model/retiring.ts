import { defineRule } from "../../src/rule-api/types.js";
import { registryFor } from "../../src/tokens/registry.js";
import { nowFrom } from "../../src/tokens/settings.js";
import { targetModels } from "../../src/tokens/target.js";
import { replaceScalar } from "../../src/tokens/yaml-value.js";

const DAY = 86_400_000;

export default defineRule<{ withinDays: number }>({
  meta: {
    id: "model/retiring",
    category: "model",
    docs: {
      description: "Flag pinned models that are retired or retire within N days, naming the date and the replacement",
      help: "Migrate to the replacement and re-run your evals before the retirement date.",
      recommended: "warn",
    },
    hasSuggestions: true,
    messages: {
      retired: "Model \"{{name}}\" ({{origin}}) was retired on {{date}}; requests to it fail. Expected a current model{{replacement}}.",
      retiring: "Model \"{{name}}\" ({{origin}}) retires on {{date}}, in {{days}} days; expected a migration{{replacement}} before then.",
      // The same, for a model named in the config: a run reports them once, on the config file (src/cli/config-findings.ts).
      retiredInConfig: "Model \"{{name}}\" ({{origin}}) was retired on {{date}}; requests to it fail. Expected a current model{{replacement}}.",
      retiringInConfig: "Model \"{{name}}\" ({{origin}}) retires on {{date}}, in {{days}} days; expected a migration{{replacement}} before then.",
      replace: "Use \"{{id}}\".",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { withinDays: { type: "integer", minimum: 0, description: "Warn this many days ahead of the retirement date." } },
    },
    defaultOptions: { withinDays: 90 },
  },
  create(context) {
    return {
      document(document) {
        const registry = registryFor(context.settings);
        const today = Math.floor(nowFrom(context.settings).getTime() / DAY);
        for (const ref of targetModels(document, context.settings, registry)) {
          const entry = ref.entry;
          if (!entry?.retires) continue;
          const retires = Math.floor(Date.parse(`${entry.retires}T00:00:00Z`) / DAY);
          if (Number.isNaN(retires)) continue;
          const days = retires - today;
          if (days > context.options.withinDays) continue;
          const replacement = entry.replacement ? ` such as "${entry.replacement}"` : "";
          context.report({
            messageId: `${days <= 0 ? "retired" : "retiring"}${ref.range ? "" : "InConfig"}`,
            range: ref.range ?? [0, 0],
            data: { name: ref.name, origin: ref.origin, date: entry.retires, days, replacement },
            suggest:
              ref.range && entry.replacement
                ? [{ messageId: "replace", data: { id: entry.replacement }, fix: replaceScalar(document.source, ref.range, entry.replacement) }]
                : undefined,
          });
        }
      },
    };
  },
});
