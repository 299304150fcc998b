/**
 * Token counts, cost and deltas for one document: what budget rules check, what `promptvet tokens` prints
 * and what the markdown summary shows (`result.stats.tokens`).
 */
import type { PromptDocument } from "../model/document.js";
import { roundUsd } from "../util/money.js";
import { registryFor, type ModelEntry, type ModelRegistry } from "./registry.js";
import { renderPrompt } from "./render.js";
import { trafficSettings } from "./settings.js";
import { primaryModel } from "./target.js";
import { loadCounter, type TokenCounter } from "./tokenizer.js";

/** Encoding used when a file names no model: the one of current OpenAI models. */
export const DEFAULT_TOKENIZER = "o200k_base";

export interface DocumentCount {
  tokenizer: string;
  exact: boolean;
  total: number;
  /** Tokens per role group (`system`, `user`, `examples`, ...). */
  byRole: Record<string, number>;
  /** What was assumed for template variables. */
  assumed: Record<string, string>;
}

const memo = new WeakMap<PromptDocument, Map<string, Promise<DocumentCount>>>();

/** A counter for a registry tokenizer (loaded once per process). */
export function counterFor(registry: ModelRegistry, tokenizer: string): Promise<TokenCounter> {
  return loadCounter(tokenizer, registry.data.tokenizers);
}

/** Counts a document's prompt as sent, per role, with one tokenizer. Memoized per document. */
export function countDocument(
  document: PromptDocument,
  settings: Readonly<Record<string, unknown>>,
  tokenizer: string,
  registry: ModelRegistry = registryFor(settings),
): Promise<DocumentCount> {
  let byKey = memo.get(document);
  if (!byKey) memo.set(document, (byKey = new Map()));
  const key = `${tokenizer}\0${JSON.stringify(settings.budgets ?? null)}`;
  let pending = byKey.get(key);
  if (!pending) {
    pending = (async () => {
      const counter = await counterFor(registry, tokenizer);
      const rendered = renderPrompt(document, settings);
      const byRole: Record<string, number> = {};
      let total = 0;
      for (const [group, text] of Object.entries(rendered.texts)) {
        const n = counter.count(text ?? "") + (rendered.fixedTokens[group as keyof typeof rendered.fixedTokens] ?? 0);
        byRole[group] = n;
        total += n;
      }
      if (rendered.body) total = counter.count(rendered.body.text) + rendered.body.fixedTokens;
      return { tokenizer, exact: counter.exact, total, byRole, assumed: rendered.assumed };
    })();
    byKey.set(key, pending);
  }
  return pending;
}

/** Tokens of a plain string with a registry tokenizer. */
export async function countText(text: string, tokenizer: string, registry: ModelRegistry): Promise<{ tokens: number; exact: boolean }> {
  const counter = await counterFor(registry, tokenizer);
  return { tokens: counter.count(text), exact: counter.exact };
}

/** Cost in USD of one call with `inputTokens` of prompt and `outputTokens` of answer, when prices are known. */
export function costPerCall(entry: ModelEntry | undefined, inputTokens: number, outputTokens: number): number | undefined {
  const price = entry?.price;
  if (!price || price.input === undefined) return undefined;
  return (inputTokens * price.input + outputTokens * (price.output ?? 0)) / 1_000_000;
}

export interface TokenStats {
  model: string;
  encoding: string;
  exact: boolean;
  total: number;
  byRole: Record<string, number>;
  baseTotal?: number;
  costPerCall?: number;
  baseCostPerCall?: number;
  costPerMonth?: number;
  baseCostPerMonth?: number;
  assumed?: Record<string, string>;
}

/**
 * The token summary of a document under its primary model (frontmatter `model`, else `settings.model`,
 * else the o200k_base encoding without prices). `baseSource` is the file's text at the base ref; it is
 * parsed with the same format to give `baseTotal` and the base costs.
 */
export async function computeTokenStats(
  document: PromptDocument,
  settings: Readonly<Record<string, unknown>> = {},
  baseSource?: string,
): Promise<TokenStats> {
  const registry = registryFor(settings);
  const ref = primaryModel(document, settings, registry);
  const entry = ref?.entry;
  const tokenizer = entry?.tokenizer ?? DEFAULT_TOKENIZER;
  const count = await countDocument(document, settings, tokenizer, registry);
  const traffic = trafficSettings(settings);
  const output = traffic.outputTokens ?? 0;
  const stats: TokenStats = {
    model: entry?.id ?? ref?.name ?? "(none)",
    encoding: tokenizer,
    exact: count.exact,
    total: count.total,
    byRole: count.byRole,
  };
  if (Object.keys(count.assumed).length > 0) stats.assumed = count.assumed;
  const perCall = costPerCall(entry, count.total, output);
  if (perCall !== undefined) {
    stats.costPerCall = roundUsd(perCall);
    if (traffic.callsPerDay !== undefined) stats.costPerMonth = roundUsd(perCall * traffic.callsPerDay * 30);
  }
  if (baseSource !== undefined) {
    const baseDoc = await parseBase(document, baseSource);
    if (baseDoc) {
      const base = await countDocument(baseDoc, settings, tokenizer, registry);
      stats.baseTotal = base.total;
      const basePerCall = costPerCall(entry, base.total, output);
      if (basePerCall !== undefined) {
        stats.baseCostPerCall = roundUsd(basePerCall);
        if (traffic.callsPerDay !== undefined) stats.baseCostPerMonth = roundUsd(basePerCall * traffic.callsPerDay * 30);
      }
    }
  }
  return stats;
}

/** Parses the base version of a document with the same path and format (undefined when it cannot). */
export async function parseBase(document: PromptDocument, baseSource: string): Promise<PromptDocument | undefined> {
  // Imported here so that the tokens module does not load the parsers unless a base comparison is made.
  const { parseDocument } = await import("../parse/index.js");
  const bom = baseSource.charCodeAt(0) === 0xfeff;
  try {
    return parseDocument({ path: document.path, source: bom ? baseSource.slice(1) : baseSource, format: document.format, bom });
  } catch {
    return undefined;
  }
}
