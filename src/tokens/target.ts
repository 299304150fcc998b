/**
 * Which models a file is checked against: the model its frontmatter pins, else `settings.model`; plus every
 * model of `settings.models` (migration targets), so budgets and windows hold under each of them.
 */
import type { PromptDocument, Range } from "../model/document.js";
import type { ModelEntry, ModelRegistry } from "./registry.js";
import { frontmatterModel } from "./settings.js";

export interface ModelReference {
  /** The name as written. */
  name: string;
  /** Where it was found: a frontmatter key path, or the config's `model` or `models[i]`. */
  origin: string;
  /** Source range of the frontmatter value; undefined for config settings. */
  range?: Range;
  /** Undefined when the registry does not know the name. */
  entry?: ModelEntry;
}

/** The primary model of a file (frontmatter first, then `settings.model`). */
export function primaryModel(document: PromptDocument, settings: Readonly<Record<string, unknown>>, registry: ModelRegistry): ModelReference | undefined {
  const fm = frontmatterModel(document);
  if (fm) return { name: fm.value, origin: `frontmatter \`${fm.key}\``, range: fm.range, entry: registry.resolve(fm.value) };
  const configured = settings.model;
  if (typeof configured === "string" && configured.trim() !== "") {
    return { name: configured, origin: "the config's `model`", entry: registry.resolve(configured) };
  }
  return undefined;
}

/** The primary model plus the migration targets, each model once. */
export function targetModels(document: PromptDocument, settings: Readonly<Record<string, unknown>>, registry: ModelRegistry): ModelReference[] {
  const out: ModelReference[] = [];
  const primary = primaryModel(document, settings, registry);
  if (primary) out.push(primary);
  const extra = settings.models;
  if (Array.isArray(extra)) {
    extra.forEach((name, i) => {
      if (typeof name !== "string" || name.trim() === "") return;
      const entry = registry.resolve(name);
      if (entry && out.some((r) => r.entry === entry)) return;
      if (!entry && out.some((r) => r.name === name)) return;
      out.push({ name, origin: `the config's \`models[${i}]\``, entry });
    });
  }
  return out;
}
