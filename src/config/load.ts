import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LineCounter, parseDocument as parseYaml } from "yaml";
import { describeAjvError } from "../util/ajv.js";
import generatedValidator from "./config-validator.generated.js";
import { ConfigError } from "../rule-api/errors.js";

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = [
  "promptvet.config.yaml",
  "promptvet.config.yml",
  "promptvet.config.json",
  "promptvet.config.mjs",
  "promptvet.config.js",
];

export interface RawConfig {
  [key: string]: unknown;
}

export interface LoadedConfig {
  /** Absolute path of the file it came from (package.json for the `promptvet` key). */
  filePath: string;
  /** Folder that globs in the config are relative to. */
  dir: string;
  config: RawConfig;
}

// Generated ahead of time from buildConfigSchema(): compiling the schema at run time costs ~170 ms.
const validator = generatedValidator;

/** Validates a config object against the config schema; throws ConfigError naming `filePath` and the keys. */
export function validateConfig(config: unknown, filePath: string, locate?: (instancePath: string) => string): asserts config is RawConfig {
  if (validator(config)) return;
  // oneOf errors are noisy; keep the most specific ones per location.
  const errors = (validator.errors ?? []).filter((e) => e.keyword !== "oneOf" && e.keyword !== "if");
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const error of errors.length > 0 ? errors : validator.errors ?? []) {
    const text = describeAjvError(error, "");
    if (seen.has(text)) continue;
    seen.add(text);
    const where = locate?.(error.instancePath) ?? "";
    lines.push(`  ${where}${text}`);
    if (lines.length >= 8) break;
  }
  throw new ConfigError(`Invalid configuration in ${filePath}:\n${lines.join("\n")}`);
}

/** Loads and validates one config file. Throws ConfigError with the file, key and what was expected. */
export async function loadConfigFile(filePath: string): Promise<LoadedConfig> {
  const abs = path.resolve(filePath);
  if (!existsSync(abs)) throw new ConfigError(`Config file not found: ${abs}`);
  const base = path.basename(abs);
  let config: unknown;
  let locate: ((instancePath: string) => string) | undefined;
  if (base.endsWith(".yaml") || base.endsWith(".yml")) {
    const text = readFileSync(abs, "utf8");
    const lineCounter = new LineCounter();
    const doc = parseYaml(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      const pos = lineCounter.linePos(err.pos[0]);
      throw new ConfigError(`Invalid YAML in ${abs}:${pos.line}:${pos.col}: ${err.message.split("\n")[0]}`);
    }
    try {
      // `yaml` refuses documents whose aliases expand past a bound (a "billion laughs" bomb) with a plain error.
      config = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (error) {
      throw new ConfigError(`Invalid YAML in ${abs}: ${(error as Error).message.split("\n")[0]}`);
    }
    locate = (instancePath) => {
      const keys = instancePath.split("/").slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, "/").replace(/~0/g, "~")));
      const node = doc.getIn(keys, true) as { range?: [number, number] } | undefined;
      const parentNode = keys.length > 0 ? (doc.getIn(keys.slice(0, -1), true) as { range?: [number, number] } | undefined) : undefined;
      const range = node?.range ?? parentNode?.range;
      if (!range) return "";
      const pos = lineCounter.linePos(range[0]);
      return `line ${pos.line}: `;
    };
  } else if (base.endsWith(".json")) {
    try {
      config = JSON.parse(readFileSync(abs, "utf8"));
    } catch (error) {
      throw new ConfigError(`Invalid JSON in ${abs}: ${(error as Error).message}`);
    }
    if (base === "package.json") config = (config as Record<string, unknown>).promptvet;
  } else {
    try {
      const mod = await import(pathToFileURL(abs).href);
      config = mod.default ?? mod;
    } catch (error) {
      throw new ConfigError(`Could not load ${abs}: ${(error as Error).message}`);
    }
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new ConfigError(`Invalid configuration in ${abs}: expected an object at the top level`);
  }
  validateConfig(config, abs, locate);
  return { filePath: abs, dir: path.dirname(abs), config };
}

/**
 * The nearest config file at or above `dir` (a `promptvet` key in package.json counts), or undefined. The
 * search ends at `stopAt` (see `discoveryRoot`) and never looks above it.
 */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const pkg = path.join(current, "package.json");
    if (existsSync(pkg)) {
      try {
        const data = JSON.parse(readFileSync(pkg, "utf8")) as Record<string, unknown>;
        if (data.promptvet && typeof data.promptvet === "object") return pkg;
      } catch {
        // A broken package.json is not ours to report; keep looking upward.
      }
    }
    if (stopAt && (path.resolve(current) === path.resolve(stopAt) || !isInsideDir(current, stopAt))) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isInsideDir(dir: string, root: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(dir));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * The highest folder config discovery may reach from `dir`: its repository root; outside a repository, the
 * working directory when `dir` lies inside it, else `dir` itself. A config in a shared parent folder or in
 * the home folder (a `.mjs` config runs code) is never picked up by a repository that did not ask for it.
 */
export function discoveryRoot(dir: string, cwd: string, repoRoot: string | undefined): string {
  if (repoRoot) return repoRoot;
  return isInsideDir(dir, cwd) ? path.resolve(cwd) : path.resolve(dir);
}
