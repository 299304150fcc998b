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

/**
 * Tokens of the composed fork and of its composed base, counted as `promptvet tokens` counts a prompt (its
 * rendered messages, parsed as one document) with the tokenizer of the fork's model; characters / 4, marked
 * inexact, when no tokenizer loads.
 */
async function composedTokens(composed: ComposedPrompt, base: ComposedPrompt, settings: Readonly<Record<string, unknown>>): Promise<Omit<TokenDrift, "delta" | "percent">> {
  try {
    const [{ composedDocumentOf }, { registryFor }, { countDocument, DEFAULT_TOKENIZER }, { primaryModel }] = await Promise.all([
      import("../compose/document.js"),
      import("../tokens/registry.js"),
      import("../tokens/stats.js"),
      import("../tokens/target.js"),
    ]);
    const [forkDoc, baseDoc] = await Promise.all([composedDocumentOf(composed), composedDocumentOf(base)]);
    const registry = registryFor(settings);
    const tokenizer = primaryModel(forkDoc.document, settings, registry)?.entry?.tokenizer ?? DEFAULT_TOKENIZER;
    const [b, f] = await Promise.all([countDocument(baseDoc.document, settings, tokenizer, registry), countDocument(forkDoc.document, settings, tokenizer, registry)]);
    return { base: b.total, fork: f.total, tokenizer, exact: b.exact && f.exact };
  } catch {
    return { base: Math.ceil(base.text.length / 4), fork: Math.ceil(composed.text.length / 4), tokenizer: "chars/4", exact: false };
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
  const tokens = await composedTokens(composed, base.prompt, settings);
  const delta = tokens.fork - tokens.base;
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
      ...tokens,
      delta,
      percent: tokens.base === 0 ? (tokens.fork === 0 ? 0 : 100) : (Math.abs(delta) / tokens.base) * 100,
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
