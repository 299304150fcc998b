import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import picomatch from "picomatch";
import { ConfigError } from "../rule-api/errors.js";
import type { EnabledRule, Rule, Severity } from "../rule-api/types.js";
import type { Format } from "../model/document.js";
import { DEFAULT_PROMPT_GLOBS } from "../parse/detect.js";
import { DEFAULT_IGNORES } from "../files/default-ignores.js";
import { discoveryRoot, findConfigFile, loadConfigFile, validateConfig, type LoadedConfig, type RawConfig } from "./load.js";
import type { LoadedPlugin } from "./plugins.js";
import type { RuleSet } from "./rule-set.js";
import { gitRootOf } from "../compose/boundary.js";
import { PRESETS, presetSeverity, type PresetName } from "./presets.js";
import type { RuleRegistry } from "./registry.js";
import { relativePosix } from "../util/relative-path.js";
import { byCodeUnit } from "../util/compare.js";

/** Keys the engine itself reads; every other key is a setting passed to rules (`context.settings`). */
const ENGINE_KEYS = new Set([
  "$schema", "root", "extends", "files", "ignores", "plugins", "rules", "overrides",
  "reportUnusedDisableDirectives", "maxFileSize", "format", "compose",
]);


export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface FileConfig {
  /** The config file that applies, if any. */
  configFile?: string;
  /** Folder globs are relative to. */
  baseDir: string;
  ignored: boolean;
  /** The file matches the prompt globs (`files`, or the defaults). */
  matched: boolean;
  format?: Format;
  rules: EnabledRule[];
  settings: Record<string, unknown>;
  unusedDirectives: Severity;
  maxFileSize: number;
  /** Folders outside the repository that composition may read (`compose.allowRoots`, absolute). */
  composeRoots: string[];
  /** The folder of the applying config when it says `root: true`: composition stays inside it. */
  projectRoot?: string;
  /** The rules that exist for this file: built-ins and the plugins its config declares. */
  ruleSet: RuleSet;
  /**
   * Stable hash of everything above, of the plugins' code and of the files the config names (a `registry` file),
   * for the result cache.
   */
  hash: string;
}

interface Layer {
  dir: string;
  config: RawConfig;
  /** Plugins this config file declares (`plugins:`). */
  plugins: LoadedPlugin[];
}

/** `extends: plugin:<prefix>/<config>`. */
const PLUGIN_CONFIG = /^plugin:([^/]+)\/(.+)$/;

/** Keys a plugin's config may not hold: it is a set of rules and settings, not a config file of its own. */
const NOT_IN_PLUGIN_CONFIGS = ["plugins", "extends", "root", "compose"];

/** Settings that name a file, relative to the config that writes them: the file's content is part of the cache key. */
const FILE_SETTINGS = ["registry"];

type RuleSetting = { severity: Severity; options?: Record<string, unknown> };

function toList(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

/** A path written in a config file: relative to its folder; `~/` is the home folder. */
function resolveConfigPath(dir: string, written: string): string {
  if (written === "~" || written.startsWith("~/")) return path.join(os.homedir(), written.slice(1));
  return path.resolve(dir, written);
}

function parseSeverity(value: unknown): Severity {
  if (value === "off" || value === 0) return 0;
  if (value === "warn" || value === 1) return 1;
  return 2;
}

/** What a file holds, for the cache key ("" when it cannot be read: reading it later fails in the rule that needs it). */
function fileContentHash(file: string): string {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("base64url");
  } catch {
    return "";
  }
}

/** A plugin's config with its own rule names given the prefix the declaring config chose. */
function withPrefixedRules(config: RawConfig, plugin: LoadedPlugin): RawConfig {
  const own = new Set(plugin.rules.map((r) => r.meta.id));
  const prefixRules = (rules: unknown) =>
    rules && typeof rules === "object"
      ? Object.fromEntries(Object.entries(rules).map(([k, v]) => [!k.includes("/") && own.has(`${plugin.prefix}/${k}`) ? `${plugin.prefix}/${k}` : k, v]))
      : rules;
  const out: RawConfig = { ...config };
  if (config.rules !== undefined) out.rules = prefixRules(config.rules);
  if (Array.isArray(config.overrides)) out.overrides = (config.overrides as RawConfig[]).map((o) => (o.rules === undefined ? o : { ...o, rules: prefixRules(o.rules) }));
  return out;
}

/** `plugin:<prefix>/recommended` of a plugin that ships none: its rules whose docs say `recommended`. */
function recommendedFromDocs(plugin: LoadedPlugin): RawConfig {
  return { rules: Object.fromEntries(plugin.rules.filter((r) => r.meta.docs.recommended).map((r) => [r.meta.id, r.meta.docs.recommended])) };
}

export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<Layer[] | undefined>>();
  private readonly byFile = new Map<string, Promise<Layer[]>>();
  private readonly matchers = new Map<string, picomatch.Matcher>();

  constructor(
    private readonly options: {
      cwd: string;
      registry: RuleRegistry;
      /** `--config PATH`: use this file for every file instead of searching. */
      explicitConfig?: string;
      /** Extra rule settings from the command line (highest precedence). */
      ruleOverrides?: Record<string, unknown>;
    },
  ) {}

  /** The folder relative paths and config discovery start from. */
  get cwd(): string {
    return this.options.cwd;
  }

  /** The config file that applies to files in `dir` (undefined when there is none). */
  async configFileFor(dir: string): Promise<string | undefined> {
    const layers = await this.layersForDir(dir);
    return layers?.[layers.length - 1]?.config.__file as string | undefined;
  }

  private matcher(glob: string): picomatch.Matcher {
    let m = this.matchers.get(glob);
    if (!m) {
      m = picomatch(glob, { dot: true });
      this.matchers.set(glob, m);
    }
    return m;
  }

  private matches(globs: string[], baseDir: string, file: string): boolean {
    const rel = relativePosix(baseDir, file);
    if (rel.startsWith("../")) return false;
    // A glob without a slash matches at any depth, as in .gitignore and ESLint's `files`.
    return globs.some((g) => this.matcher(g.includes("/") ? g.replace(/^\.\//, "") : `**/${g}`)(rel));
  }

  private async layersForDir(dir: string): Promise<Layer[] | undefined> {
    const key = this.options.explicitConfig ? "<explicit>" : dir;
    let pending = this.byDir.get(key);
    if (!pending) {
      pending = (async () => {
        const file = this.options.explicitConfig ?? findConfigFile(dir, discoveryRoot(dir, this.options.cwd, gitRootOf(dir)));
        if (!file) return undefined;
        return this.loadLayers(file, new Set());
      })();
      this.byDir.set(key, pending);
    }
    return pending;
  }

  private async loadLayers(file: string, seen: Set<string>): Promise<Layer[]> {
    const resolved = path.resolve(this.options.cwd, file);
    if (seen.has(resolved)) throw new ConfigError(`Config extends itself in a cycle: ${[...seen, resolved].join(" -> ")}`);
    seen.add(resolved);
    let pending = this.byFile.get(resolved);
    if (!pending) {
      pending = (async () => {
        const loaded: LoadedConfig = await loadConfigFile(resolved);
        const declared: LoadedPlugin[] = [];
        for (const [prefix, specifier] of Object.entries((loaded.config.plugins ?? {}) as Record<string, string>)) {
          declared.push(await this.options.registry.loadPlugin(prefix, specifier, loaded.dir));
        }
        const layers: Layer[] = [];
        for (const ext of toList(loaded.config.extends)) {
          if ((PRESETS as readonly string[]).includes(ext)) continue;
          if (ext.startsWith("plugin:")) {
            layers.push(this.pluginConfigLayer(ext, loaded, [...declared, ...layers.flatMap((l) => l.plugins)]));
            continue;
          }
          if (ext.startsWith("promptvet:")) {
            throw new ConfigError(`Unknown preset "${ext}" in ${loaded.filePath}, expected one of ${PRESETS.join(", ")}`);
          }
          layers.push(...(await this.loadLayers(path.resolve(loaded.dir, ext), seen)));
        }
        layers.push({ dir: loaded.dir, config: { ...loaded.config, __file: loaded.filePath }, plugins: declared });
        return layers;
      })();
      this.byFile.set(resolved, pending);
    }
    return pending;
  }

  /** A layer from a plugin's config (`extends: plugin:acme/recommended`); the plugin must be declared by then. */
  private pluginConfigLayer(ext: string, loaded: LoadedConfig, visible: readonly LoadedPlugin[]): Layer {
    const match = PLUGIN_CONFIG.exec(ext);
    const plugin = match ? visible.find((p) => p.prefix === match[1]) : undefined;
    if (!match || !plugin) {
      const prefix = match?.[1] ?? ext.slice("plugin:".length);
      throw new ConfigError(
        `Cannot extend "${ext}" in ${loaded.filePath}: ${match ? `no plugin "${prefix}" is declared` : "expected plugin:<prefix>/<config>"}; declare it under \`plugins\` (e.g. plugins: { ${prefix.split("/")[0] || "acme"}: ./rules.js }) and extend plugin:<prefix>/<config>`,
      );
    }
    const name = match[2]!;
    const shipped = plugin.configs[name];
    if (shipped === undefined && name !== "recommended") {
      const names = [...new Set([...Object.keys(plugin.configs), "recommended"])].sort(byCodeUnit);
      throw new ConfigError(`Unknown config "${name}" of plugin "${plugin.prefix}" in ${loaded.filePath}, expected one of ${names.map((n) => `plugin:${plugin.prefix}/${n}`).join(", ")}`);
    }
    const label = `${ext} (${plugin.file})`;
    const config = shipped === undefined ? recommendedFromDocs(plugin) : (shipped as RawConfig);
    if (config === null || typeof config !== "object" || Array.isArray(config)) throw new ConfigError(`Invalid configuration in ${label}: expected an object`);
    const forbidden = NOT_IN_PLUGIN_CONFIGS.filter((key) => key in config);
    if (forbidden.length > 0) throw new ConfigError(`Invalid configuration in ${label}: a plugin's config cannot set ${forbidden.join(", ")}`);
    validateConfig(config, label);
    return { dir: loaded.dir, config: { ...withPrefixedRules(config, plugin), __file: label }, plugins: [] };
  }

  private readonly ruleSets = new WeakMap<readonly Layer[], RuleSet>();
  private readonly resolvedRuleSets = new Set<RuleSet>();

  /** The rules that exist for files whose config is made of these layers. */
  private ruleSetOf(layers: readonly Layer[]): RuleSet {
    let set = this.ruleSets.get(layers);
    if (!set) {
      set = this.options.registry.withPlugins(layers.flatMap((l) => l.plugins));
      this.ruleSets.set(layers, set);
    }
    this.resolvedRuleSets.add(set);
    return set;
  }

  /** The rules that exist in `dir`: built-ins plus the plugins of the config that applies there. */
  async ruleSetFor(dir: string): Promise<RuleSet> {
    return this.ruleSetOf((await this.layersForDir(dir)) ?? []);
  }

  /**
   * Every rule of the configs resolved so far, built-ins included, by id (for reports: descriptions, help, links).
   * Two configs that give one prefix to different plugins both resolve, and the first one seen names the id here.
   */
  knownRules(): Rule<any>[] {
    const byId = new Map(this.options.registry.all().map((r) => [r.meta.id, r] as const));
    for (const set of this.resolvedRuleSets) for (const rule of set.all()) if (!byId.has(rule.meta.id)) byId.set(rule.meta.id, rule);
    return [...byId.values()].sort((a, b) => byCodeUnit(a.meta.id, b.meta.id));
  }

  /** Everything needed to lint one file. */
  async forFile(absPath: string): Promise<FileConfig> {
    const layers = (await this.layersForDir(path.dirname(absPath))) ?? [];
    // Files that match the same globs get the same config: resolve it once per distinct match pattern
    // (a thousand-file run usually has a handful), which also keeps the config hash computed once.
    const signature = this.matchSignature(absPath, layers);
    let resolved = this.bySignature.get(signature);
    if (!resolved) {
      resolved = this.resolveForFile(absPath, layers);
      this.bySignature.set(signature, resolved);
    }
    return resolved;
  }

  private readonly bySignature = new Map<string, Promise<FileConfig>>();

  private matchSignature(absPath: string, layers: Layer[]): string {
    const parts: string[] = [];
    for (const layer of layers) {
      parts.push(String(layer.config.__file ?? layer.dir));
      parts.push(this.matches(toList(layer.config.ignores), layer.dir, absPath) ? "I" : "-");
      ((layer.config.overrides ?? []) as RawConfig[]).forEach((override, i) => {
        const hit = this.matches(toList(override.files), layer.dir, absPath) &&
          !(override.ignores && this.matches(toList(override.ignores), layer.dir, absPath));
        if (hit) parts.push(`o${i}`);
      });
    }
    const own = layers[layers.length - 1];
    let files = DEFAULT_PROMPT_GLOBS;
    for (const layer of layers) if (layer.config.files !== undefined) files = toList(layer.config.files);
    parts.push(this.matches(files, own?.dir ?? this.options.cwd, absPath) ? "M" : "-");
    parts.push(this.matches(DEFAULT_IGNORES, "/", absPath) ? "D" : "-");
    return parts.join("|");
  }

  private async resolveForFile(absPath: string, layers: Layer[]): Promise<FileConfig> {
    const own = layers[layers.length - 1];
    const baseDir = own?.dir ?? this.options.cwd;

    // Presets: the nearest config's `extends` decides; without any config, recommended.
    const presetNames = own
      ? layers.flatMap((l) => toList(l.config.extends).filter((e) => (PRESETS as readonly string[]).includes(e)))
      : ["promptvet:recommended"];
    const usesPresets = own ? layers.some((l) => l.config.extends !== undefined) : true;
    const presets = (usesPresets ? presetNames : ["promptvet:recommended"]) as PresetName[];

    const ruleSet = this.ruleSetOf(layers);
    const rules = new Map<string, RuleSetting>();
    // Presets are promptvet's: a plugin's rules are turned on by the config, or by the plugin's own configs.
    for (const preset of presets) {
      for (const rule of this.options.registry.all()) {
        const sev = presetSeverity(preset, rule);
        if (sev) rules.set(rule.meta.id, { severity: parseSeverity(sev) });
      }
    }

    const settings: Record<string, unknown> = {};
    let format: Format | undefined;
    let unusedDirectives: Severity = 1;
    let maxFileSize = DEFAULT_MAX_FILE_SIZE;
    let files: string[] = DEFAULT_PROMPT_GLOBS;
    let ignores: string[] = [];
    let ignored = false;
    const composeRoots: string[] = [];

    const applyBlock = (block: RawConfig, source: string, dir: string | undefined) => {
      // A category key (`pii: off`) first, then rule ids: within one block a rule id wins over its category,
      // whatever the order the keys are written in; a later block wins over an earlier one either way.
      const entries = Object.entries((block.rules ?? {}) as Record<string, unknown>);
      for (const [key, entry] of entries) {
        if (key.includes("/")) continue;
        const members = ruleSet.inCategory(key);
        if (members.length === 0) throw unknownRule(key, source, ruleSet, "rule or category");
        if (Array.isArray(entry) && entry.length > 1) {
          throw new ConfigError(`Category "${key}" in ${source} takes a severity only; set options per rule id (e.g. "${members[0]!.meta.id}")`);
        }
        const severity = parseSeverity(Array.isArray(entry) ? entry[0] : entry);
        for (const rule of members) rules.set(rule.meta.id, { severity, options: rules.get(rule.meta.id)?.options });
      }
      for (const [id, entry] of entries) {
        if (!id.includes("/")) continue;
        if (!ruleSet.has(id)) throw unknownRule(id, source, ruleSet, "rule");
        const [sev, opts] = Array.isArray(entry) ? entry : [entry, undefined];
        const previous = rules.get(id);
        rules.set(id, { severity: parseSeverity(sev), options: (opts as Record<string, unknown> | undefined) ?? previous?.options });
      }
      for (const [key, value] of Object.entries(block)) {
        if (ENGINE_KEYS.has(key) || key === "__file") continue;
        // A file a config names is relative to that config, wherever promptvet runs from.
        settings[key] = FILE_SETTINGS.includes(key) && typeof value === "string" && dir !== undefined ? resolveConfigPath(dir, value) : value;
      }
      if (block.format !== undefined) format = block.format as Format;
    };

    for (const layer of layers) {
      const source = String(layer.config.__file ?? layer.dir);
      applyBlock(layer.config, source, layer.dir);
      if (layer.config.reportUnusedDisableDirectives !== undefined) unusedDirectives = parseSeverity(layer.config.reportUnusedDisableDirectives);
      if (layer.config.maxFileSize !== undefined) maxFileSize = layer.config.maxFileSize as number;
      const compose = layer.config.compose as { allowRoots?: string[] } | undefined;
      for (const root of compose?.allowRoots ?? []) composeRoots.push(resolveConfigPath(layer.dir, root));
      if (layer.config.files !== undefined) files = toList(layer.config.files);
      ignores = [...ignores, ...toList(layer.config.ignores)];
      if (this.matches(toList(layer.config.ignores), layer.dir, absPath)) ignored = true;
      for (const [i, override] of ((layer.config.overrides ?? []) as RawConfig[]).entries()) {
        if (!this.matches(toList(override.files), layer.dir, absPath)) continue;
        if (override.ignores && this.matches(toList(override.ignores), layer.dir, absPath)) continue;
        applyBlock(override, `${source} overrides[${i}]`, layer.dir);
      }
    }
    if (this.options.ruleOverrides) applyBlock({ rules: this.options.ruleOverrides }, "the command line", undefined);
    if (this.matches(DEFAULT_IGNORES, "/", absPath)) ignored = true;

    const enabled = [...rules.entries()]
      .filter(([, s]) => s.severity !== 0)
      .sort(([a], [b]) => byCodeUnit(a, b))
      .map(([id, s]) => ({ rule: ruleSet.get(id)!, severity: s.severity as 1 | 2, options: s.options }));

    const namedFiles = FILE_SETTINGS.filter((key) => typeof settings[key] === "string").map((key) => [settings[key], fileContentHash(settings[key] as string)]);
    const hash = createHash("sha256")
      .update(JSON.stringify({
        rules: enabled.map((r) => [r.rule.meta.id, r.severity, r.options]),
        settings, format, unusedDirectives, maxFileSize, composeRoots, root: own?.config.root === true,
        plugins: ruleSet.pluginHash, namedFiles,
      }))
      .digest("hex")
      .slice(0, 16);

    return {
      configFile: own?.config.__file as string | undefined,
      baseDir,
      ignored,
      matched: this.matches(files, baseDir, absPath),
      format,
      rules: enabled,
      settings,
      unusedDirectives,
      maxFileSize,
      composeRoots,
      ...(own?.config.root === true ? { projectRoot: own.dir } : {}),
      ruleSet,
      hash,
    };
  }

  /** The prompt globs and ignores that apply in `dir` (for expanding folders and the no-argument run). */
  async globsFor(dir: string): Promise<{ baseDir: string; files: string[]; ignores: string[] }> {
    const layers = (await this.layersForDir(dir)) ?? [];
    const own = layers[layers.length - 1];
    let files = DEFAULT_PROMPT_GLOBS;
    let ignores: string[] = [];
    for (const layer of layers) {
      if (layer.config.files !== undefined) files = toList(layer.config.files);
      ignores = [...ignores, ...toList(layer.config.ignores)];
    }
    return { baseDir: own?.dir ?? this.options.cwd, files, ignores };
  }
}

function unknownRule(key: string, source: string, ruleSet: RuleSet, what: string): ConfigError {
  const hint = ruleSet.suggest(key);
  const undeclared = key.includes("/") && !ruleSet.categories().has(key.split("/")[0]!)
    ? `; a plugin's rules exist only where a config that declares it under \`plugins\` applies`
    : "";
  return new ConfigError(`Unknown ${what} "${key}" in ${source}${hint.length ? ` (did you mean ${hint.map((h) => `"${h}"`).join(", ")}?)` : ""}${undeclared}`);
}
