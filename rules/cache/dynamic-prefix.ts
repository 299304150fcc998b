import { defineRule } from "../../src/rule-api/types.js";
import { formatEncoding, formatTokens } from "../../src/tokens/format.js";
import { dynamicElements } from "../../src/tokens/prefix.js";
import { registryFor } from "../../src/tokens/registry.js";
import { countText, DEFAULT_TOKENIZER } from "../../src/tokens/stats.js";
import { primaryModel } from "../../src/tokens/target.js";

export default defineRule<{ minStaticTokens: number }>({
  meta: {
    id: "cache/dynamic-prefix",
    category: "cache",
    docs: {
      description: "Flag template variables, dates or ids placed before the static part of a long prompt, which defeats prompt caching",
      help: "Put the static instructions first and the per-request values (variables, dates, ids) after them.",
      recommended: "warn",
    },
    messages: {
      dynamicFirst:
        "Unexpected {{what}} before {{after}} tokens of static text ({{encoding}}); providers cache only an identical prefix, so every request misses the cache. Expected dynamic values after the static part.",
    },
    formats: ["markdown", "text", "prompty", "dotprompt", "jinja", "mustache"],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        minStaticTokens: { type: "integer", minimum: 1, description: "Static tokens after the dynamic value that make caching worthwhile (providers cache from 1,024)." },
      },
    },
    defaultOptions: { minStaticTokens: 1024 },
  },
  create(context) {
    return {
      async document(document) {
        const [bodyStart, bodyEnd] = document.body;
        const min = context.options.minStaticTokens;
        // A token covers at least one character of ordinary text: short prompts never reach the minimum.
        if (bodyEnd - bodyStart < min) return;
        const dynamic = dynamicElements(document);
        const first = dynamic[0];
        if (!first) return;
        const source = document.source;
        let after = "";
        let cursor = first.end;
        for (const d of dynamic.slice(1)) {
          after += source.slice(cursor, d.start);
          cursor = d.end;
        }
        after += source.slice(cursor, bodyEnd);
        const before = source.slice(bodyStart, first.start);
        if (after.length < min) return;
        const registry = registryFor(context.settings);
        const tokenizer = primaryModel(document, context.settings, registry)?.entry?.tokenizer ?? DEFAULT_TOKENIZER;
        const beforeCount = before.trim() === "" ? { tokens: 0, exact: true } : await countText(before, tokenizer, registry);
        // A static prefix long enough to be cached on its own is not defeated by what follows it.
        if (beforeCount.tokens >= min) return;
        const afterCount = await countText(after, tokenizer, registry);
        if (afterCount.tokens < min) return;
        context.report({
          messageId: "dynamicFirst",
          range: [first.start, first.end],
          data: {
            what: first.what,
            after: formatTokens(afterCount.tokens, afterCount.exact),
            encoding: formatEncoding(tokenizer, afterCount.exact),
          },
        });
      },
    };
  },
});
