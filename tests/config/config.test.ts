import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { findConfigFile, loadConfigFile } from "../../src/config/load.js";
import { RuleRegistry } from "../../src/config/registry.js";
import { ConfigResolver } from "../../src/config/resolve.js";
import { compileSchema } from "../../src/util/ajv.js";
import { buildConfigSchema } from "../../src/config/schema.js";
import { defineRule } from "../../src/rule-api/types.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "promptvet-config-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, content: string): string {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const ruleA = defineRule({
  meta: { id: "demo/a", category: "demo", docs: { description: "a", recommended: "error" }, messages: { m: "m" } },
  create: () => ({}),
});
const ruleB = defineRule({
  meta: { id: "demo/b", category: "demo", docs: { description: "b", recommended: "warn" }, messages: { m: "m" },
    schema: { type: "object", properties: { limit: { type: "number" } }, additionalProperties: false } },
  create: () => ({}),
});
const ruleC = defineRule({
  meta: { id: "demo/c", category: "demo", docs: { description: "c", recommended: false }, messages: { m: "m" } },
  create: () => ({}),
});

describe("config loading", () => {
  it("finds the nearest config upward, including package.json#promptvet", () => {
    write("up/package.json", JSON.stringify({ name: "x", promptvet: { rules: {} } }));
    write("up/inner/deeper/file.md", "x");
    expect(findConfigFile(path.join(tmp, "up/inner/deeper"))).toBe(path.join(tmp, "up/package.json"));
    write("up/inner/promptvet.config.yml", "rules: {}\n");
    expect(findConfigFile(path.join(tmp, "up/inner/deeper"))).toBe(path.join(tmp, "up/inner/promptvet.config.yml"));
  });

  it("names the line, key and expectation of an invalid YAML config", async () => {
    const file = write("bad/promptvet.config.yaml", "extends: promptvet:recommended\noverides:\n  - files: ['x']\n");
    await expect(loadConfigFile(file)).rejects.toThrow(/has unknown key "overides"/);
    const file2 = write("bad2/promptvet.config.yaml", "maxFileSize: -3\n");
    await expect(loadConfigFile(file2)).rejects.toThrow(/line 1: maxFileSize must be >= 1/);
  });

  it("reports broken YAML with its position", async () => {
    const file = write("broken/promptvet.config.yaml", "rules:\n  a: [warn\n");
    await expect(loadConfigFile(file)).rejects.toThrow(/Invalid YAML in .*promptvet\.config\.yaml:\d+:\d+/);
  });

  it("loads .mjs configs", async () => {
    const file = write("mjs/promptvet.config.mjs", "export default { rules: { 'demo/a': 'off' } };\n");
    const loaded = await loadConfigFile(file);
    expect(loaded.config.rules).toEqual({ "demo/a": "off" });
  });

  it("the schema accepts the documented keys", () => {
    const validate = compileSchema(buildConfigSchema());
    const ok = validate({
      extends: ["promptvet:strict"], files: ["**/*.md"], ignores: "x/**", rules: { "a/b": ["warn", { x: 1 }], "c/d": 0 },
      overrides: [{ files: "legacy/**", format: "jinja", rules: { "a/b": "off" } }], plugins: { acme: "./p.js" },
      reportUnusedDisableDirectives: "off", maxFileSize: 100, pii: { allow: { values: ["x"] } },
    });
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe("config resolution", () => {
  const registry = new RuleRegistry([ruleA, ruleB, ruleC]);

  it("uses the recommended preset when there is no config", async () => {
    const dir = path.join(tmp, "noconfig-root");
    mkdirSync(dir, { recursive: true });
    const resolver = new ConfigResolver({ cwd: dir, registry, explicitConfig: undefined });
    const file = path.join(dir, "a.md");
    const resolved = await resolver.forFile(file);
    const ids = resolved.rules.map((r) => [r.rule.meta.id, r.severity]);
    // Other config files further up the temp tree may exist; only assert on the demo rules.
    expect(ids.filter(([id]) => String(id).startsWith("demo/"))).toEqual([["demo/a", 2], ["demo/b", 1]]);
  });

  it("applies presets, rules, then overrides in order; keeps options when only the severity changes", async () => {
    const file = write("resolve/promptvet.config.yaml", [
      "extends: promptvet:strict",
      "rules:",
      "  demo/b: [warn, { limit: 3 }]",
      "  demo/c: error",
      "model: gpt-4o",
      "overrides:",
      "  - files: ['legacy/**']",
      "    rules: { demo/a: off, demo/b: error }",
      "    model: gpt-4o-mini",
      "  - files: ['*.txt']",
      "    format: jinja",
      "",
    ].join("\n"));
    const resolver = new ConfigResolver({ cwd: path.dirname(file), registry, explicitConfig: file });
    const plain = await resolver.forFile(path.join(tmp, "resolve/prompts/a.md"));
    expect(plain.rules.map((r) => [r.rule.meta.id, r.severity, r.options])).toEqual([
      ["demo/a", 2, undefined], ["demo/b", 1, { limit: 3 }], ["demo/c", 2, undefined],
    ]);
    expect(plain.settings).toEqual({ model: "gpt-4o" });
    const legacy = await resolver.forFile(path.join(tmp, "resolve/legacy/old.md"));
    expect(legacy.rules.map((r) => [r.rule.meta.id, r.severity, r.options])).toEqual([
      ["demo/b", 2, { limit: 3 }], ["demo/c", 2, undefined],
    ]);
    expect(legacy.settings).toEqual({ model: "gpt-4o-mini" });
    expect(legacy.hash).not.toBe(plain.hash);
    const deepTxt = await resolver.forFile(path.join(tmp, "resolve/deep/notes.txt"));
    expect(deepTxt.format).toBe("jinja");
  });

  it("rejects unknown rules with a suggestion and unknown presets", async () => {
    const file = write("unknown/promptvet.config.yaml", "rules:\n  demo/aa: error\n");
    const resolver = new ConfigResolver({ cwd: path.dirname(file), registry, explicitConfig: file });
    await expect(resolver.forFile(path.join(tmp, "unknown/x.md"))).rejects.toThrow(/Unknown rule "demo\/aa".*did you mean "demo\/a"/);
    const file2 = write("unknown2/promptvet.config.yaml", "extends: promptvet:lenient\n");
    const resolver2 = new ConfigResolver({ cwd: path.dirname(file2), registry, explicitConfig: file2 });
    await expect(resolver2.forFile(path.join(tmp, "unknown2/x.md"))).rejects.toThrow(/Unknown preset "promptvet:lenient"/);
  });

  it("extends another config file and detects cycles", async () => {
    write("ext/base.yaml", "rules:\n  demo/c: warn\n");
    const file = write("ext/promptvet.config.yaml", "extends: [promptvet:recommended, ./base.yaml]\nrules:\n  demo/a: off\n");
    const resolver = new ConfigResolver({ cwd: path.dirname(file), registry, explicitConfig: file });
    const resolved = await resolver.forFile(path.join(tmp, "ext/x.md"));
    expect(resolved.rules.map((r) => [r.rule.meta.id, r.severity])).toEqual([["demo/b", 1], ["demo/c", 1]]);

    write("cycle/a.yaml", "extends: ./b.yaml\n");
    write("cycle/b.yaml", "extends: ./a.yaml\n");
    const cyc = new ConfigResolver({ cwd: path.join(tmp, "cycle"), registry, explicitConfig: path.join(tmp, "cycle/a.yaml") });
    await expect(cyc.forFile(path.join(tmp, "cycle/x.md"))).rejects.toThrow(/cycle/);
  });

  it("ignores and prompt globs: a glob without a slash matches at any depth", async () => {
    const file = write("globs/promptvet.config.yaml", "files: ['*.prompt.md', 'prompts/**']\nignores: ['drafts/**']\n");
    const resolver = new ConfigResolver({ cwd: path.dirname(file), registry, explicitConfig: file });
    expect((await resolver.forFile(path.join(tmp, "globs/a/b/x.prompt.md"))).matched).toBe(true);
    expect((await resolver.forFile(path.join(tmp, "globs/prompts/y.txt"))).matched).toBe(true);
    expect((await resolver.forFile(path.join(tmp, "globs/docs/readme.md"))).matched).toBe(false);
    expect((await resolver.forFile(path.join(tmp, "globs/drafts/x.prompt.md"))).ignored).toBe(true);
    expect((await resolver.forFile(path.join(tmp, "globs/node_modules/pkg/x.prompt.md"))).ignored).toBe(true);
  });
});

describe("built-in rules", () => {
  it("every built-in rule id is unique", () => {
    const ids = builtinRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("rule defaults", () => {
  it("every built-in rule's default options satisfy its own schema (defaults are not re-validated at run time)", () => {
    for (const rule of builtinRules) {
      if (!rule.meta.schema) continue;
      const validate = compileSchema(rule.meta.schema);
      expect(validate(rule.meta.defaultOptions ?? {}), `${rule.meta.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
