import { defineRule } from "../../src/rule-api/types.js";
import { formatDelta, formatEncoding, formatTokens, formatUsd } from "../../src/tokens/format.js";
import { anchorFor } from "../../src/tokens/locate.js";
import { registryFor } from "../../src/tokens/registry.js";
import { trafficSettings } from "../../src/tokens/settings.js";
import { costPerCall, countDocument, DEFAULT_TOKENIZER, parseBase } from "../../src/tokens/stats.js";
import { primaryModel } from "../../src/tokens/target.js";

export default defineRule<{ percent: number; tokens: number }>({
  meta: {
    id: "budget/growth",
    category: "budget",
    docs: {
      description: "Flag a prompt that grew by more than a threshold (percent and tokens) against the base ref",
      help: "Check that the added text is needed; every token is paid on every call.",
      recommended: "warn",
    },
    messages: {
      grew:
        "The prompt grew from {{base}} to {{count}} tokens ({{delta}}, +{{percent}}%, {{encoding}}){{cost}}; expected growth below +{{maxTokens}} tokens or +{{maxPercent}}%.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        percent: { type: "number", minimum: 0, description: "Growth in percent of the base count that is reported (with `tokens`)." },
        tokens: { type: "integer", minimum: 0, description: "Growth in tokens that is reported (with `percent`)." },
      },
    },
    defaultOptions: { percent: 10, tokens: 100 },
  },
  create(context) {
    return {
      async document(document) {
        const baseSource = await context.services.baseSource();
        if (baseSource === undefined || baseSource === document.source) return;
        // Cheap bound before loading a tokenizer: a token covers at least half a UTF-16 unit in practice, so
        // a prompt that gained fewer characters than half the token threshold cannot pass it.
        if ((document.source.length - baseSource.length) * 2 < context.options.tokens) return;
        const baseDoc = await parseBase(document, baseSource);
        if (!baseDoc) return;
        const registry = registryFor(context.settings);
        const entry = primaryModel(document, context.settings, registry)?.entry;
        const tokenizer = entry?.tokenizer ?? DEFAULT_TOKENIZER;
        const [now, base] = await Promise.all([
          countDocument(document, context.settings, tokenizer, registry),
          countDocument(baseDoc, context.settings, tokenizer, registry),
        ]);
        const delta = now.total - base.total;
        if (delta <= 0) return;
        const percent = base.total === 0 ? Infinity : (delta / base.total) * 100;
        // Both thresholds must be passed: a short prompt may double without mattering, and a long one may
        // gain a hundred tokens at 1%.
        if (delta < context.options.tokens || percent < context.options.percent) return;
        const traffic = trafficSettings(context.settings);
        const out = traffic.outputTokens ?? 0;
        const nowCost = costPerCall(entry, now.total, out);
        const baseCost = costPerCall(entry, base.total, out);
        let cost = "";
        if (nowCost !== undefined && baseCost !== undefined) {
          cost = traffic.callsPerDay !== undefined
            ? `, +${formatUsd((nowCost - baseCost) * traffic.callsPerDay * 30)} per month on ${entry!.id}`
            : `, +${formatUsd(nowCost - baseCost)} per call on ${entry!.id}`;
        }
        context.report({
          messageId: "grew",
          range: anchorFor(document),
          data: {
            base: formatTokens(base.total, now.exact),
            count: formatTokens(now.total, now.exact),
            delta: formatDelta(delta, now.exact),
            percent: Number.isFinite(percent) ? String(Math.round(percent)) : "∞",
            encoding: formatEncoding(tokenizer, now.exact),
            cost,
            maxTokens: String(context.options.tokens),
            maxPercent: String(context.options.percent),
          },
        });
      },
    };
  },
});
