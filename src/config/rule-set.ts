import { createHash } from "node:crypto";
import { ConfigError } from "../rule-api/errors.js";
import type { Rule } from "../rule-api/types.js";
import { byCodeUnit } from "../util/compare.js";
import { nearest } from "../util/edit-distance.js";
import type { LoadedPlugin } from "./plugins.js";

/**
 * The rules that exist for the files one config applies to: the built-ins plus the rules of the plugins that
 * config declares (itself or through the config files it extends). Immutable.
 */
export class RuleSet {
  private readonly byId: Map<string, Rule<any>>;
  /** Hash of the plugins' code, for the result cache (empty without plugins). */
  readonly pluginHash: string;

  constructor(
    builtins: readonly Rule<any>[],
    readonly plugins: readonly LoadedPlugin[] = [],
  ) {
    this.byId = new Map(builtins.map((rule) => [rule.meta.id, rule]));
    const seen = new Map<string, LoadedPlugin>();
    for (const plugin of plugins) {
      const other = seen.get(plugin.prefix);
      if (other && other.file !== plugin.file) {
        throw new ConfigError(`Plugin prefix "${plugin.prefix}" is declared twice, for ${other.file} and ${plugin.file}; give one of them another prefix`);
      }
      seen.set(plugin.prefix, plugin);
      for (const rule of plugin.rules) this.byId.set(rule.meta.id, rule);
    }
    this.pluginHash = plugins.length === 0
      ? ""
      : createHash("sha256").update(JSON.stringify([...seen.values()].map((p) => [p.prefix, p.contentHash]).sort())).digest("base64url");
  }

  get(id: string): Rule<any> | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): Rule<any>[] {
    return [...this.byId.values()].sort((a, b) => byCodeUnit(a.meta.id, b.meta.id));
  }

  private idSet: ReadonlySet<string> | undefined;

  /** The ids (one set per rule set: the linter asks for it once per file). */
  ids(): ReadonlySet<string> {
    this.idSet ??= new Set(this.byId.keys());
    return this.idSet;
  }

  /** The rules a category key of a config names (`pii`, or a plugin's prefix): by category or by id prefix. */
  inCategory(key: string): Rule<any>[] {
    return this.all().filter((rule) => rule.meta.category === key || rule.meta.id.startsWith(`${key}/`));
  }

  /** Category keys a config may write: every rule's category and id prefix. */
  categories(): Set<string> {
    const keys = new Set<string>();
    for (const rule of this.byId.values()) {
      keys.add(rule.meta.category);
      keys.add(rule.meta.id.split("/")[0]!);
    }
    return keys;
  }

  /** Closest known rule ids and categories, for "did you mean" hints. */
  suggest(id: string): string[] {
    return nearest(id, [...this.byId.keys(), ...this.categories()]);
  }
}
