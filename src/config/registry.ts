import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../engine/linter.js";
import type { Plugin, Rule } from "../engine/types.js";
import { nearest } from "../util/edit-distance.js";
import { byCodeUnit } from "../util/compare.js";

/** All rules known to a run: built-ins plus those of configured plugins, by id. */
export class RuleRegistry {
  private readonly rules = new Map<string, Rule<any>>();

  constructor(builtins: readonly Rule<any>[]) {
    for (const rule of builtins) this.rules.set(rule.meta.id, rule);
  }

  get(id: string): Rule<any> | undefined {
    return this.rules.get(id);
  }

  has(id: string): boolean {
    return this.rules.has(id);
  }

  all(): Rule<any>[] {
    return [...this.rules.values()].sort((a, b) => byCodeUnit(a.meta.id, b.meta.id));
  }

  ids(): Set<string> {
    return new Set(this.rules.keys());
  }

  /** Closest known ids, for "did you mean" hints. */
  suggest(id: string): string[] {
    return nearest(id, [...this.rules.keys()]);
  }

  /** Loads a plugin module (a local path or a package name, resolved from `fromDir`) under `prefix`. */
  async loadPlugin(prefix: string, specifier: string, fromDir: string): Promise<void> {
    let resolved: string;
    try {
      resolved = specifier.startsWith(".") || path.isAbsolute(specifier)
        ? path.resolve(fromDir, specifier)
        : createRequire(path.join(fromDir, "noop.js")).resolve(specifier);
    } catch (error) {
      throw new ConfigError(`Cannot find plugin "${prefix}" (${specifier}) from ${fromDir}: ${(error as Error).message}`);
    }
    let plugin: Plugin;
    try {
      const mod = await import(pathToFileURL(resolved).href);
      plugin = (mod.default ?? mod) as Plugin;
    } catch (error) {
      throw new ConfigError(`Cannot load plugin "${prefix}" from ${resolved}: ${(error as Error).message}`);
    }
    if (!plugin || typeof plugin.rules !== "object") {
      throw new ConfigError(`Plugin "${prefix}" (${resolved}) must export { rules: { name: rule } }`);
    }
    for (const [name, rule] of Object.entries(plugin.rules)) {
      if (!rule?.meta || typeof rule.create !== "function") {
        throw new ConfigError(`Plugin "${prefix}" rule "${name}" must export { meta, create }`);
      }
      const id = `${prefix}/${name}`;
      if (this.rules.has(id) && this.rules.get(id) !== rule) continue;
      this.rules.set(id, {
        ...rule,
        meta: { ...rule.meta, id, category: rule.meta.category ?? prefix, docs: { ...rule.meta.docs, recommended: rule.meta.docs?.recommended ?? false } },
      });
    }
  }
}

