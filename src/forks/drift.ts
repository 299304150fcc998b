/**
 * Drift of a fork from its base, as the model sees both: the composed fork against the composed base.
 * Lines (added, removed, changed), tokens (with the tokenizer of the fork's model), section operations and
 * the models pinned.
 */
import type { ComposedPrompt } from "../compose/index.js";
import { diffLines, lineDriftPercent, type LineDiff } from "./diff.js";
import { pinnedModel } from "./model.js";

export interface TokenDrift {
  base: number;
  fork: number;
  /** fork - base. */
  delta: number;
  /** |delta| / base, in percent. */
  percent: number;
  tokenizer: string;
  /** False for an approximate count (a calibrated tokenizer, or characters / 4 when none could load). */
  exact: boolean;
}

export interface ForkDrift {
  fork: string;
  base: string;
  kind: "extends" | "forked_from";
  lines: LineDiff;
  /** (added + removed + changed) / base lines, in percent. */
  linePercent: number;
  tokens: TokenDrift;
  sections: { overridden: string[]; appended: string[]; added: string[]; removed: string[] };
  model: {
    /** The fork's effective model (its own, else inherited through `extends`, else `settings.model`). */
    fork?: string;
    /** The base's model. */
    base?: string;
    /** Pinned in the fork's own frontmatter. */
    pinned: boolean;
    reason?: string;
  };
}

type Counter = (text: string) => Promise<{ tokens: number; exact: boolean; tokenizer: string }>;

/** Counts tokens with the model's tokenizer from src/tokens; characters / 4 (marked inexact) if that fails. */
export async function tokenCounterFor(model: string | undefined, settings: Readonly<Record<string, unknown>>): Promise<Counter> {
  try {
    const [{ registryFor }, { countText, DEFAULT_TOKENIZER }] = await Promise.all([import("../tokens/registry.js"), import("../tokens/stats.js")]);
    const registry = registryFor(settings);
    const tokenizer = (model ? registry.resolve(model)?.tokenizer : undefined) ?? DEFAULT_TOKENIZER;
    return async (text) => ({ ...(await countText(text, tokenizer, registry)), tokenizer });
  } catch {
    return async (text) => ({ tokens: Math.ceil(text.length / 4), exact: false, tokenizer: "chars/4" });
  }
}

function configuredModel(settings: Readonly<Record<string, unknown>>): string | undefined {
  return typeof settings.model === "string" && settings.model.trim() !== "" ? settings.model.trim() : undefined;
}

/** Drift of a composed fork from its base; undefined when the prompt has no base. */
export async function computeDrift(composed: ComposedPrompt, settings: Readonly<Record<string, unknown>> = {}): Promise<ForkDrift | undefined> {
  const base = composed.base;
  if (!base) return undefined;
  const lines = diffLines(base.prompt.text, composed.text);
  const forkModel = pinnedModel(composed.frontmatter)?.value ?? configuredModel(settings);
  const baseModel = pinnedModel(base.prompt.frontmatter)?.value ?? configuredModel(settings);
  const count = await tokenCounterFor(forkModel, settings);
  const [b, f] = [await count(base.prompt.text), await count(composed.text)];
  const delta = f.tokens - b.tokens;
  const sections: ForkDrift["sections"] = { overridden: [], appended: [], added: [], removed: [] };
  for (const op of composed.operations) {
    const list = op.kind === "override" ? sections.overridden : op.kind === "append" ? sections.appended : op.kind === "add" ? sections.added : sections.removed;
    list.push(op.base?.title ?? op.name);
  }
  const reason = composed.own.data.model_reason;
  return {
    fork: composed.filePath,
    base: base.target,
    kind: base.kind,
    lines,
    linePercent: lineDriftPercent(lines),
    tokens: {
      base: b.tokens,
      fork: f.tokens,
      delta,
      percent: b.tokens === 0 ? (f.tokens === 0 ? 0 : 100) : (Math.abs(delta) / b.tokens) * 100,
      tokenizer: f.tokenizer,
      exact: b.exact && f.exact,
    },
    sections,
    model: {
      fork: forkModel,
      base: baseModel,
      pinned: pinnedModel(composed.own.data) !== undefined,
      reason: typeof reason === "string" && reason.trim() !== "" ? reason.trim() : undefined,
    },
  };
}
