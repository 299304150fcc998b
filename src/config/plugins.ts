/**
 * Loading plugin modules. A module is imported once per process (keyed by its resolved path); which rules exist
 * for a file is decided by the configs that declare plugins (see rule-set.ts), never by what else was loaded.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../rule-api/errors.js";
import type { Plugin, PluginConfig, Rule } from "../rule-api/types.js";

/** A plugin as one config declared it: its rules renamed `prefix/name`. */
export interface LoadedPlugin {
  prefix: string;
  /** Absolute path of the module's entry file. */
  file: string;
  meta?: { name?: string; version?: string };
  rules: Rule<any>[];
  configs: Record<string, PluginConfig>;
  /** Hash of the module's own files (its entry and what it imports by relative path): part of the cache key. */
  contentHash: string;
}

const modules = new Map<string, Promise<{ plugin: Plugin; contentHash: string }>>();

/** Loads a plugin module (a local path or a package name, resolved from `fromDir`) under `prefix`. */
export async function loadPlugin(prefix: string, specifier: string, fromDir: string): Promise<LoadedPlugin> {
  const file = resolvePlugin(prefix, specifier, fromDir);
  let pending = modules.get(file);
  if (!pending) {
    pending = importPlugin(prefix, file);
    modules.set(file, pending);
  }
  const { plugin, contentHash } = await pending;
  const identity = { prefix, ...(plugin.meta?.name ? { name: plugin.meta.name } : {}), ...(plugin.meta?.version ? { version: plugin.meta.version } : {}) };
  const rules = Object.entries(plugin.rules).map(([name, rule]): Rule<any> => ({
    ...rule,
    meta: {
      ...rule.meta,
      id: `${prefix}/${name}`,
      category: rule.meta.category ?? prefix,
      docs: { ...rule.meta.docs, recommended: rule.meta.docs?.recommended ?? false },
      plugin: identity,
    },
  }));
  return { prefix, file, meta: plugin.meta, rules, configs: plugin.configs ?? {}, contentHash };
}

function resolvePlugin(prefix: string, specifier: string, fromDir: string): string {
  try {
    return specifier.startsWith(".") || path.isAbsolute(specifier)
      ? path.resolve(fromDir, specifier)
      : createRequire(path.join(fromDir, "noop.js")).resolve(specifier);
  } catch (error) {
    throw new ConfigError(`Cannot find plugin "${prefix}" (${specifier}) from ${fromDir}: ${(error as Error).message}`);
  }
}

async function importPlugin(prefix: string, file: string): Promise<{ plugin: Plugin; contentHash: string }> {
  let plugin: Plugin;
  try {
    const mod = await import(pathToFileURL(file).href);
    plugin = (mod.default ?? mod) as Plugin;
  } catch (error) {
    throw new ConfigError(`Cannot load plugin "${prefix}" from ${file}: ${(error as Error).message}`);
  }
  if (!plugin || typeof plugin.rules !== "object" || plugin.rules === null) {
    throw new ConfigError(`Plugin "${prefix}" (${file}) must export { rules: { name: rule } }`);
  }
  for (const [name, rule] of Object.entries(plugin.rules)) {
    if (!rule?.meta || typeof rule.create !== "function") {
      throw new ConfigError(`Plugin "${prefix}" rule "${name}" must export { meta, create }`);
    }
    if (name.includes("/")) throw new ConfigError(`Plugin "${prefix}" rule "${name}": a rule name cannot contain "/"`);
  }
  if (plugin.configs !== undefined && (typeof plugin.configs !== "object" || plugin.configs === null)) {
    throw new ConfigError(`Plugin "${prefix}" (${file}): configs must be an object of named configs`);
  }
  return { plugin, contentHash: moduleFilesHash(file) };
}

/** Specifiers of relative imports and requires (`./x.js`, `../lib/y`), wherever they appear in the text. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport|\brequire)\s*(?:\(\s*)?(["'])(\.\.?\/[^"'\n]{0,300})\1/g;
const EXTENSIONS = ["", ".js", ".mjs", ".cjs", ".json", "/index.js", "/index.mjs", "/index.cjs"];
/** Enough for any plugin's own files; past it, the key covers the files seen so far. */
const MAX_FILES = 500;

/**
 * A hash of a module's own code: its entry file and every file it reaches through relative imports (bare imports
 * are packages, not the plugin's code). Over-matching (an import in a comment) only hashes one more file.
 */
export function moduleFilesHash(entry: string): string {
  const hash = createHash("sha256");
  // Paths relative to the entry: the same plugin in another checkout has the same key.
  const where = (file: string) => path.relative(path.dirname(entry), file);
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0 && seen.size < MAX_FILES) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      hash.update(`${where(file)}\0missing\0`);
      continue;
    }
    hash.update(`${where(file)}\0${text.length}\0`).update(text);
    if (file.endsWith(".json")) continue;
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolveRelative(path.dirname(file), match[2]!);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return hash.digest("base64url");
}

function resolveRelative(dir: string, specifier: string): string | undefined {
  const base = path.resolve(dir, specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}
