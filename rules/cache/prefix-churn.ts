import { defineRule } from "../../src/rule-api/types.js";
import { formatEncoding, formatTokens } from "../../src/tokens/format.js";
import { firstLine } from "../../src/tokens/locate.js";
import { commonEnds, formattingOnlyChange, staticPrefix } from "../../src/tokens/prefix.js";
import { registryFor } from "../../src/tokens/registry.js";
import { countText, DEFAULT_TOKENIZER, parseBase } from "../../src/tokens/stats.js";
import { primaryModel } from "../../src/tokens/target.js";

export default defineRule<{ minPrefixTokens: number }>({
  meta: {
    id: "cache/prefix-churn",
    category: "cache",
    docs: {
      description: "Flag formatting-only edits (whitespace, heading style, JSON/YAML key order) inside the cacheable prefix, which invalidate provider prompt caches",
      help: "Revert the formatting change, or make it together with a change of content.",
      recommended: "warn",
    },
    hasSuggestions: true,
    messages: {
      churn:
        "Unexpected {{kind}} change inside the cacheable prefix: it changes no content but invalidates {{invalidated}} of the prefix's {{prefix}} cached tokens ({{encoding}}) for every request until caches warm again. Expected the prefix to stay byte-identical.",
      restore: "Restore the prefix as it is at the base ref.",
    },
    formats: ["markdown", "text", "prompty", "dotprompt", "jinja", "mustache", "json", "yaml"],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        minPrefixTokens: { type: "integer", minimum: 1, description: "Static prefix length below which providers do not cache (1,024 for OpenAI and Anthropic)." },
      },
    },
    defaultOptions: { minPrefixTokens: 1024 },
  },
  create(context) {
    return {
      async document(document) {
        const baseSource = await context.services.baseSource();
        if (baseSource === undefined || baseSource === document.source) return;
        const min = context.options.minPrefixTokens;
        const current = staticPrefix(document);
        if (current.text.length < min) return;
        const baseDoc = await parseBase(document, baseSource);
        if (!baseDoc) return;
        const base = staticPrefix(baseDoc);
        if (base.text === current.text) return;
        const kind = formattingOnlyChange(base.text, current.text, document.format);
        if (!kind) return;

        const registry = registryFor(context.settings);
        const tokenizer = primaryModel(document, context.settings, registry)?.entry?.tokenizer ?? DEFAULT_TOKENIZER;
        const prefix = await countText(current.text, tokenizer, registry);
        if (prefix.tokens < min) return;
        const { prefix: same, suffix } = commonEnds(base.text, current.text);
        const unchanged = same === 0 ? 0 : (await countText(current.text.slice(0, same), tokenizer, registry)).tokens;
        const start = current.start + same;
        const changedEnd = current.start + Math.max(same, current.text.length - suffix);
        const range = firstLine(document, start, Math.max(changedEnd, start + 1));
        context.report({
          messageId: "churn",
          range: range[1] > range[0] ? range : [start, Math.min(start + 1, document.source.length)],
          data: {
            kind,
            invalidated: formatTokens(Math.max(0, prefix.tokens - unchanged), prefix.exact),
            prefix: formatTokens(prefix.tokens, prefix.exact),
            encoding: formatEncoding(tokenizer, prefix.exact),
          },
          suggest: [
            {
              messageId: "restore",
              fix: { range: [start, changedEnd], text: base.text.slice(same, base.text.length - suffix) },
            },
          ],
        });
      },
    };
  },
});
