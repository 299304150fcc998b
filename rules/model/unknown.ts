import { defineRule } from "../../src/rule-api/types.js";
import { registryFor } from "../../src/tokens/registry.js";
import { targetModels } from "../../src/tokens/target.js";
import { replaceScalar } from "../../src/tokens/yaml-value.js";

export default defineRule({
  meta: {
    id: "model/unknown",
    category: "model",
    docs: {
      description: "Disallow model names that are not in the model registry (typos, retired aliases, unregistered fine-tunes)",
      help: "Fix the name, or add the model to `registry` in the config.",
      recommended: "warn",
    },
    hasSuggestions: true,
    messages: {
      unknown: "Unknown model \"{{name}}\" in {{origin}}; expected a model of the registry{{hint}}.",
      // The same, for a model named in the config: a run reports it once, on the config file (src/cli/config-findings.ts).
      unknownInConfig: "Unknown model \"{{name}}\" in {{origin}}; expected a model of the registry{{hint}}.",
      replace: "Use \"{{id}}\".",
    },
    schema: { type: "object", additionalProperties: false, properties: {} },
  },
  create(context) {
    return {
      document(document) {
        const registry = registryFor(context.settings);
        for (const ref of targetModels(document, context.settings, registry)) {
          if (ref.entry || /[{}$]/.test(ref.name)) continue;
          const close = registry.suggest(ref.name);
          const hint = close.length > 0 ? ` (did you mean ${close.map((c) => `"${c}"`).join(", ")}?)` : " or an entry added with `registry` in the config";
          context.report({
            messageId: ref.range ? "unknown" : "unknownInConfig",
            range: ref.range ?? [0, 0],
            data: { name: ref.name, origin: ref.origin, hint },
            suggest: ref.range
              ? close.map((id) => ({ messageId: "replace", data: { id }, fix: replaceScalar(document.source, ref.range!, id) }))
              : undefined,
          });
        }
      },
    };
  },
});
