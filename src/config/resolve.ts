import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import picomatch from "picomatch";
import type { EnabledRule } from "../engine/linter.js";
import { ConfigError } from "../engine/linter.js";
import type { Severity } from "../engine/types.js";
import type { Format } from "../model/document.js";
import { DEFAULT_PROMPT_GLOBS } from "../parse/detect.js";
import { discoveryRoot, findConfigFile, loadConfigFile, type LoadedConfig, type RawConfig } from "./load.js";
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

/** Folders nobody wants linted. */
export const DEFAULT_IGNORES = ["**/node_modules/**", "**/.git/**", "**/dist/**", "**/coverage/**", "**/.promptvet/**"];

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
  /** Stable hash of everything above, for the result cache. */
  hash: string;
}

interface Layer {
  dir: string;
  config: RawConfig;
}

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
        const layers: Layer[] = [];
        for (const ext of toList(loaded.config.extends)) {
          if ((PRESETS as readonly string[]).includes(ext)) continue;
          if (ext.startsWith("promptvet:")) {
            throw new ConfigError(`Unknown preset "${ext}" in ${loaded.filePath}, expected one of ${PRESETS.join(", ")}`);
          }
          layers.push(...(await this.loadLayers(path.resolve(loaded.dir, ext), seen)));
        }
        const plugins = (loaded.config.plugins ?? {}) as Record<string, string>;
        for (const [prefix, specifier] of Object.entries(plugins)) {
          await this.options.registry.loadPlugin(prefix, specifier, loaded.dir);
        }
        layers.push({ dir: loaded.dir, config: { ...loaded.config, __file: loaded.filePath } });
        return layers;
      })();
      this.byFile.set(resolved, pending);
    }
    return pending;
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

    const rules = new Map<string, RuleSetting>();
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

    const applyBlock = (block: RawConfig, source: string) => {
      for (const [id, entry] of Object.entries((block.rules ?? {}) as Record<string, unknown>)) {
        if (!this.options.registry.has(id)) {
          const hint = this.options.registry.suggest(id);
          throw new ConfigError(`Unknown rule "${id}" in ${source}${hint.length ? ` (did you mean ${hint.map((h) => `"${h}"`).join(", ")}?)` : ""}`);
        }
        const [sev, opts] = Array.isArray(entry) ? entry : [entry, undefined];
        const previous = rules.get(id);
        rules.set(id, { severity: parseSeverity(sev), options: (opts as Record<string, unknown> | undefined) ?? previous?.options });
      }
      for (const [key, value] of Object.entries(block)) {
        if (!ENGINE_KEYS.has(key) && key !== "__file") settings[key] = value;
      }
      if (block.format !== undefined) format = block.format as Format;
    };

    for (const layer of layers) {
      const source = String(layer.config.__file ?? layer.dir);
      applyBlock(layer.config, source);
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
        applyBlock(override, `${source} overrides[${i}]`);
      }
    }
    if (this.options.ruleOverrides) applyBlock({ rules: this.options.ruleOverrides }, "the command line");
    if (this.matches(DEFAULT_IGNORES, "/", absPath)) ignored = true;

    const enabled = [...rules.entries()]
      .filter(([, s]) => s.severity !== 0)
      .sort(([a], [b]) => byCodeUnit(a, b))
      .map(([id, s]) => ({ rule: this.options.registry.get(id)!, severity: s.severity as 1 | 2, options: s.options }));

    const hash = createHash("sha256")
      .update(JSON.stringify({ rules: enabled.map((r) => [r.rule.meta.id, r.severity, r.options]), settings, format, unusedDirectives, maxFileSize, composeRoots, root: own?.config.root === true }))
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
