import type { Rule } from "../rule-api/types.js";
import { loadPlugin, type LoadedPlugin } from "./plugins.js";
import { RuleSet } from "./rule-set.js";

/**
 * The built-in rules of a run, and the loader of plugin modules. It holds no plugin rules itself: each resolved
 * config gets a RuleSet of the built-ins plus the plugins it declares (see ConfigResolver.ruleSetFor).
 */
export class RuleRegistry {
  /** The rule set of a config that declares no plugin. */
  readonly builtins: RuleSet;

  constructor(builtins: readonly Rule<any>[]) {
    this.builtins = new RuleSet(builtins);
  }

  /** A built-in rule. */
  get(id: string): Rule<any> | undefined {
    return this.builtins.get(id);
  }

  has(id: string): boolean {
    return this.builtins.has(id);
  }

  /** The built-in rules, by id. */
  all(): Rule<any>[] {
    return this.builtins.all();
  }

  ids(): ReadonlySet<string> {
    return this.builtins.ids();
  }

  suggest(id: string): string[] {
    return this.builtins.suggest(id);
  }

  /** The built-ins plus these plugins' rules. */
  withPlugins(plugins: readonly LoadedPlugin[]): RuleSet {
    return plugins.length === 0 ? this.builtins : new RuleSet(this.builtins.all(), plugins);
  }

  /** Loads a plugin module (a local path or a package name, resolved from `fromDir`) under `prefix`. */
  loadPlugin(prefix: string, specifier: string, fromDir: string): Promise<LoadedPlugin> {
    return loadPlugin(prefix, specifier, fromDir);
  }
}
