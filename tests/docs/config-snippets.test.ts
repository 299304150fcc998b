/**
 * Every YAML and JSON block of the documentation (README.md, docs/*.md, rules/**.md) is what it claims to be:
 * - a promptvet config: valid against the shipped schema (schema/promptvet.schema.json), with rule options
 *   each rule accepts and an `eval` key the eval accepts, and a real run of the CLI with it loads it
 *   (exit 0 or 1, no configuration error);
 * - in a rule doc's Options section, a bare options object: the same, as that rule's options;
 * - a `*.cases.yaml` file (a `cases:` key): no problem from the cases loader;
 * - GitHub workflow steps (a list): the promptvet action's `with:` inputs exist in action.yml;
 * - editor settings (`editor.*`, `languages`, `lsp` or `promptvet.*` keys, or a fragment of settings.json):
 *   every `promptvet.*` setting, also under `lsp.promptvet.settings`, is one the VS Code extension declares,
 *   and every promptvet code action kind (`source.fixAll.promptvet`) is one the language server offers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { parseCasesFile } from "../../src/eval/cases.js";
import { resolveEvalSettings } from "../../src/eval/config-schema.js";
import { newAjv } from "../../src/util/ajv.js";
import { resolveRuleOptions } from "../../src/engine/linter.js";
import { FIX_ALL_KIND } from "../../src/lsp/code-actions.js";
import { git, promptvet } from "../e2e/repo.js";
import { codeBlocks, documentationFiles, ROOT, type CodeBlock } from "./code-blocks.js";
import { customRuleExample } from "./readme-examples.js";
import { writeCustomRulesExample } from "./custom-rules-example.js";

const schema = JSON.parse(readFileSync(path.join(ROOT, "schema", "promptvet.schema.json"), "utf8")) as { properties: Record<string, unknown> };
const validateConfig = newAjv().compile(schema);
const CONFIG_KEYS = new Set(Object.keys(schema.properties));
const actionInputs = new Set(Object.keys((parseYaml(readFileSync(path.join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, unknown> }).inputs));
const rulesById = new Map(builtinRules.map((r) => [r.meta.id, r] as const));
const extensionSettings = new Set(
  Object.keys((JSON.parse(readFileSync(path.join(ROOT, "editors", "vscode", "package.json"), "utf8")) as { contributes: { configuration: { properties: Record<string, unknown> } } }).contributes.configuration.properties),
);

type Kind = "config" | "rule-options" | "cases" | "workflow-steps" | "editor-settings";

interface Snippet extends CodeBlock {
  data: unknown;
  kind: Kind;
  /** For rule options: the rule whose doc it is in. */
  ruleId?: string;
}

function ruleIdOf(file: string): string | undefined {
  const m = /^rules\/(.+?)(?:\/README)?\.md$/.exec(file);
  return m && rulesById.has(m[1]!) ? m[1] : undefined;
}

function kindOf(block: CodeBlock, data: unknown): Kind {
  if (Array.isArray(data)) return "workflow-steps";
  const keys = data && typeof data === "object" ? Object.keys(data) : [];
  if (keys.some((k) => k.startsWith("editor.") || k.startsWith("promptvet.") || k === "languages" || k === "lsp")) return "editor-settings";
  if (keys.includes("cases")) return "cases";
  if (ruleIdOf(block.file) && block.section === "Options" && !keys.some((k) => CONFIG_KEYS.has(k))) return "rule-options";
  return "config";
}

const snippets: Snippet[] = documentationFiles()
  .flatMap((file) => codeBlocks(file))
  .filter((b) => ["yaml", "yml", "json", "jsonc"].includes(b.lang))
  .map((block) => {
    const data: unknown = block.lang.startsWith("json") ? parseJson(block.text) : parseYaml(block.text);
    return { ...block, data, kind: kindOf(block, data), ruleId: ruleIdOf(block.file) };
  });

/** JSON, or a fragment of an object (`"key": value`, as settings.json excerpts are shown). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/^\s*"/.test(text)) throw error;
    return JSON.parse(`{${text}}`);
  }
}

/** Every `promptvet.*` editor setting a block sets: `"promptvet.run"` keys, and `promptvet: { run }` objects under `lsp.promptvet.settings`. */
function promptvetSettings(data: Record<string, unknown>): string[] {
  const names = Object.keys(data).filter((k) => k.startsWith("promptvet."));
  const lsp = (data.lsp as Record<string, { settings?: { promptvet?: Record<string, unknown> } }> | undefined)?.promptvet?.settings?.promptvet;
  if (lsp) names.push(...Object.keys(lsp).map((k) => `promptvet.${k}`));
  return names;
}

const name = (s: Snippet) => `${s.file}:${s.line} (${s.kind})`;

/** The config a snippet stands for: itself, or a rule's options under `rules`. */
function configOf(s: Snippet): Record<string, unknown> {
  return s.kind === "rule-options" ? { rules: { [s.ruleId!]: ["error", s.data] } } : (s.data as Record<string, unknown>);
}

/** Every `rules` block of a config: the top level and each override. */
function ruleBlocks(config: Record<string, unknown>): Record<string, unknown>[] {
  const overrides = Array.isArray(config.overrides) ? (config.overrides as Record<string, unknown>[]) : [];
  return [config, ...overrides].map((b) => (b.rules ?? {}) as Record<string, unknown>);
}

let repos: string;
beforeAll(() => {
  repos = mkdtempSync(path.join(os.tmpdir(), "promptvet-doc-configs-"));
});
afterAll(() => rmSync(repos, { recursive: true, force: true }));

/** A git repository with the config, one prompt, the custom rules of the README and docs/custom-rules.md, and promptvet "installed". */
function repoWith(s: Snippet): string {
  const dir = path.join(repos, `${s.file.replace(/\W+/g, "-")}-${s.line}`);
  mkdirSync(dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  const config = configOf(s);
  if (s.kind === "rule-options" || s.lang.startsWith("json")) writeFileSync(path.join(dir, "promptvet.config.json"), JSON.stringify(config, null, 2));
  else writeFileSync(path.join(dir, "promptvet.config.yaml"), s.text);
  writeFileSync(path.join(dir, "prompt.md"), "# Assistant\n\nYou are a helpful assistant. Answer in one short paragraph.\n");
  const plugin = customRuleExample();
  mkdirSync(path.join(dir, path.dirname(plugin.file)), { recursive: true });
  writeFileSync(path.join(dir, plugin.file), plugin.code);
  writeCustomRulesExample(dir); // the plugin docs/custom-rules.md's config declares
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  symlinkSync(ROOT, path.join(dir, "node_modules", "promptvet"));
  return dir;
}

describe("configuration snippets of the documentation", () => {
  it("are found in README.md, docs/ and the rule docs", () => {
    const files = new Set(snippets.filter((s) => s.kind === "config" || s.kind === "rule-options").map((s) => s.file.split("/")[0]));
    expect(files).toEqual(new Set(["README.md", "docs", "rules"]));
    expect(snippets.filter((s) => s.file === "README.md" && s.kind === "config").length).toBeGreaterThanOrEqual(3);
    // Every pii rule doc shows its allowlist as a config that loads.
    const piiDocsWithConfig = new Set(snippets.filter((s) => s.file.startsWith("rules/pii/") && s.kind === "config").map((s) => s.file));
    expect(piiDocsWithConfig.size).toBe(9);
  });

  const configs = snippets.filter((s) => s.kind === "config" || s.kind === "rule-options");
  it.each(configs.map((s) => [name(s), s] as const))("%s is valid against the config schema, with valid rule options", async (_name, s) => {
    const config = configOf(s);
    const valid = validateConfig(config);
    expect(validateConfig.errors ?? [], `${name(s)} against schema/promptvet.schema.json`).toEqual([]);
    expect(valid).toBe(true);
    const plugins = new Set(Object.keys((config.plugins ?? {}) as Record<string, unknown>));
    for (const rules of ruleBlocks(config)) {
      for (const [id, entry] of Object.entries(rules)) {
        const rule = rulesById.get(id);
        if (!rule) {
          expect(plugins.has(id.split("/")[0]!), `${name(s)}: unknown rule ${id}`).toBe(true);
          continue;
        }
        const options = Array.isArray(entry) ? (entry[1] as Record<string, unknown> | undefined) : undefined;
        expect(() => resolveRuleOptions(rule, options), `${name(s)}: options of ${id}`).not.toThrow();
      }
    }
    if (config.eval !== undefined) expect((await resolveEvalSettings(config)).problems, `${name(s)}: eval`).toEqual([]);
  });

  it.each(configs.map((s) => [name(s), s] as const))("%s loads in a real run of the CLI", (_name, s) => {
    const dir = repoWith(s);
    const run = promptvet(["--no-cache", "--format", "json", "prompt.md"], dir);
    expect(run.stderr, name(s)).not.toMatch(/promptvet: /);
    expect([0, 1], `${name(s)} exits ${run.status}: ${run.stderr}`).toContain(run.status);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ filePath: path.join(dir, "prompt.md") })]);
  });

  const cases = snippets.filter((s) => s.kind === "cases");
  it.each(cases.map((s) => [name(s), s] as const))("%s is a valid cases file", async (_name, s) => {
    const { problems } = await parseCasesFile(path.join(ROOT, "docs", "support.md.cases.yaml"), s.text);
    expect(problems).toEqual([]);
  });

  const editor = snippets.filter((s) => s.kind === "editor-settings");
  it.each(editor.map((s) => [name(s), s] as const))("%s names only settings and code actions promptvet has", (_name, s) => {
    const settings = promptvetSettings(s.data as Record<string, unknown>);
    const actionKinds = [...JSON.stringify(s.data).matchAll(/"(source\.[\w.]*promptvet)"/g)].map((m) => m[1]);
    expect(settings.length + actionKinds.length, `${name(s)} names nothing of promptvet`).toBeGreaterThan(0);
    for (const setting of settings) expect(extensionSettings, `${name(s)}: ${setting}`).toContain(setting);
    for (const kind of actionKinds) expect(kind).toBe(FIX_ALL_KIND);
  });

  const steps = snippets.filter((s) => s.kind === "workflow-steps");
  it.each(steps.map((s) => [name(s), s] as const))("%s uses the action's real inputs", (_name, s) => {
    const uses = (s.data as { uses?: string; with?: Record<string, unknown> }[]).filter((step) => /^promptvet\/promptvet@/.test(step.uses ?? ""));
    expect(uses.length).toBeGreaterThan(0);
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(actionInputs, `${name(s)}: input ${input}`).toContain(input);
  });
});
