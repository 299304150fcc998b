/**
 * Plugins belong to the resolved config: a plugin's rules exist only for the files of a config that declares it,
 * whatever else the run resolved first; presets are promptvet's own; plugins bring their configs, meta and docs URLs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { moduleFilesHash } from "../../src/config/plugins.js";
import { RuleRegistry } from "../../src/config/registry.js";
import { ConfigResolver } from "../../src/config/resolve.js";
import { defineRule } from "../../src/rule-api/types.js";
import { write as writeIn } from "../e2e/repo.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "promptvet-plugins-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (rel: string, content: string): string => writeIn(tmp, rel, content);

const builtinA = defineRule({
  meta: { id: "demo/a", category: "demo", docs: { description: "a", recommended: "error" }, messages: { m: "m" } },
  create: () => ({}),
});
const builtinB = defineRule({
  meta: { id: "demo/b", category: "demo", docs: { description: "b", recommended: "warn" }, messages: { m: "m" } },
  create: () => ({}),
});
const other = defineRule({
  meta: { id: "other/x", category: "other", docs: { description: "x", recommended: "warn" }, messages: { m: "m" } },
  create: () => ({}),
});
const registry = new RuleRegistry([builtinA, builtinB, other]);

const PLUGIN = `export default {
  meta: { name: "acme-promptvet", version: "1.2.0" },
  rules: {
    "no-internal": { meta: { id: "no-internal", category: "acme", docs: { description: "d", recommended: "error", url: "https://acme.example/rules/no-internal" }, messages: { m: "m" } }, create: () => ({}) },
    "quiet": { meta: { id: "quiet", category: "acme", docs: { description: "q", recommended: false }, messages: { m: "m" } }, create: () => ({}) },
  },
  configs: { strict: { rules: { "no-internal": "error", quiet: "warn", "demo/a": "off" } } },
};
`;
write("plugins/acme.mjs", PLUGIN);

const ids = (config: { rules: { rule: { meta: { id: string } }; severity: number }[] }) => config.rules.map((r) => `${r.rule.meta.id}:${r.severity}`);

describe("plugins scoped to the config that declares them", () => {
  write("scope/a/promptvet.config.yaml", "root: true\nplugins:\n  acme: ../../plugins/acme.mjs\nrules:\n  acme/no-internal: error\n");
  write("scope/b/promptvet.config.yaml", "root: true\nrules:\n  demo/b: off\n");
  write("scope/c/promptvet.config.yaml", "root: true\nrules:\n  acme/no-internal: error\n");
  const a = path.join(tmp, "scope/a/p.md");
  const b = path.join(tmp, "scope/b/p.md");
  const c = path.join(tmp, "scope/c/p.md");

  for (const order of [["a", "b"], ["b", "a"]] as const) {
    it(`exist in a/ and not in b/, resolving ${order.join(" then ")}`, async () => {
      const resolver = new ConfigResolver({ cwd: tmp, registry });
      const files = { a, b };
      const resolved: Record<string, Awaited<ReturnType<ConfigResolver["forFile"]>>> = {};
      for (const key of order) resolved[key] = await resolver.forFile(files[key]);
      expect(ids(resolved.a!)).toEqual(["acme/no-internal:2", "demo/a:2", "demo/b:1", "other/x:1"]);
      expect(ids(resolved.b!)).toEqual(["demo/a:2", "other/x:1"]);
      expect(resolved.a!.ruleSet.has("acme/no-internal")).toBe(true);
      expect(resolved.b!.ruleSet.has("acme/no-internal")).toBe(false);
      expect((await resolver.ruleSetFor(path.dirname(b))).ids().has("acme/quiet")).toBe(false);
      expect((await resolver.ruleSetFor(path.dirname(a))).ids().has("acme/quiet")).toBe(true);
    });
  }

  it("a config naming a plugin rule it does not declare is an error, even after another config loaded the plugin", async () => {
    const resolver = new ConfigResolver({ cwd: tmp, registry });
    await resolver.forFile(a);
    await expect(resolver.forFile(c)).rejects.toThrow(/Unknown rule "acme\/no-internal".*exist only where a config that declares it/);
  });

  it("rules carry the plugin's identity and their own docs URL", async () => {
    const resolver = new ConfigResolver({ cwd: tmp, registry });
    const rule = (await resolver.forFile(a)).ruleSet.get("acme/no-internal")!;
    expect(rule.meta.plugin).toEqual({ prefix: "acme", name: "acme-promptvet", version: "1.2.0" });
    expect(rule.meta.docs.url).toBe("https://acme.example/rules/no-internal");
    expect(resolver.knownRules().map((r) => r.meta.id)).toEqual(["acme/no-internal", "acme/quiet", "demo/a", "demo/b", "other/x"]);
  });

  it("promptvet's presets never turn on a plugin's rules, whatever their docs say", async () => {
    for (const preset of ["promptvet:recommended", "promptvet:strict", "promptvet:all"]) {
      const file = write(`presets/${preset.split(":")[1]}/promptvet.config.yaml`, `root: true\nextends: ${preset}\nplugins:\n  acme: ../../plugins/acme.mjs\n`);
      const resolved = await new ConfigResolver({ cwd: tmp, registry }).forFile(path.join(path.dirname(file), "p.md"));
      expect(ids(resolved).filter((id) => id.startsWith("acme/")), preset).toEqual([]);
    }
  });
});

describe("a plugin's configs", () => {
  const resolve = async (config: string) => {
    const dir = mkdtempSync(path.join(tmp, "configs-"));
    writeFileSync(path.join(dir, "promptvet.config.yaml"), `root: true\nplugins:\n  acme: ${path.join(tmp, "plugins/acme.mjs")}\n${config}`);
    return new ConfigResolver({ cwd: tmp, registry }).forFile(path.join(dir, "p.md"));
  };

  it("plugin:<prefix>/recommended turns on the rules its docs recommend when the plugin ships no such config", async () => {
    expect(ids(await resolve("extends: [promptvet:recommended, plugin:acme/recommended]\n"))).toEqual(["acme/no-internal:2", "demo/a:2", "demo/b:1", "other/x:1"]);
  });

  it("a shipped config names the plugin's rules without the prefix, and may set built-in rules", async () => {
    expect(ids(await resolve("extends: [promptvet:recommended, plugin:acme/strict]\n"))).toEqual(["acme/no-internal:2", "acme/quiet:1", "demo/b:1", "other/x:1"]);
    // The config's own rules come after what it extends.
    expect(ids(await resolve("extends: [promptvet:recommended, plugin:acme/strict]\nrules:\n  acme/quiet: off\n"))).toEqual(["acme/no-internal:2", "demo/b:1", "other/x:1"]);
  });

  it("an unknown config, an undeclared plugin, and a malformed name are errors that say what is expected", async () => {
    await expect(resolve("extends: plugin:acme/lenient\n")).rejects.toThrow(/Unknown config "lenient" of plugin "acme".*plugin:acme\/recommended, plugin:acme\/strict/);
    await expect(resolve("extends: plugin:other/recommended\n")).rejects.toThrow(/no plugin "other" is declared/);
    await expect(resolve("extends: plugin:acme\n")).rejects.toThrow(/expected plugin:<prefix>\/<config>/);
  });

  it("a shipped config is validated like a config file, and may not declare plugins or extend", async () => {
    write("bad-plugin/bad.mjs", `export default { rules: {}, configs: { a: { plugins: { x: "./y.js" } }, b: { maxFileSize: -1 } } };\n`);
    const resolveBad = async (name: string) => {
      const dir = mkdtempSync(path.join(tmp, "bad-"));
      writeFileSync(path.join(dir, "promptvet.config.yaml"), `root: true\nplugins:\n  bad: ${path.join(tmp, "bad-plugin/bad.mjs")}\nextends: plugin:bad/${name}\n`);
      return new ConfigResolver({ cwd: tmp, registry }).forFile(path.join(dir, "p.md"));
    };
    await expect(resolveBad("a")).rejects.toThrow(/plugin:bad\/a .*cannot set plugins/);
    await expect(resolveBad("b")).rejects.toThrow(/plugin:bad\/b [\s\S]*maxFileSize must be >= 1/);
  });

  it("one prefix given to two different modules in one config chain is an error", async () => {
    write("twice/other.mjs", PLUGIN);
    write("twice/base.yaml", `plugins:\n  acme: ./other.mjs\n`);
    const file = write("twice/promptvet.config.yaml", `root: true\nextends: ./base.yaml\nplugins:\n  acme: ../plugins/acme.mjs\n`);
    await expect(new ConfigResolver({ cwd: tmp, registry }).forFile(path.join(path.dirname(file), "p.md"))).rejects.toThrow(/prefix "acme" is declared twice/);
  });
});

describe("category keys in rules", () => {
  const resolve = async (config: string) => {
    const dir = mkdtempSync(path.join(tmp, "category-"));
    writeFileSync(path.join(dir, "promptvet.config.yaml"), `root: true\nplugins:\n  acme: ${path.join(tmp, "plugins/acme.mjs")}\n${config}`);
    return new ConfigResolver({ cwd: tmp, registry }).forFile(path.join(dir, "legacy", "p.md"));
  };

  it("a category turns off (or sets) all its rules; a rule id in the same block wins, in any key order", async () => {
    expect(ids(await resolve("rules:\n  demo: off\n"))).toEqual(["other/x:1"]);
    expect(ids(await resolve("rules:\n  demo/b: error\n  demo: off\n"))).toEqual(["demo/b:2", "other/x:1"]);
    expect(ids(await resolve("rules:\n  demo: off\n  demo/b: error\n"))).toEqual(["demo/b:2", "other/x:1"]);
    expect(ids(await resolve("rules:\n  demo: warn\n"))).toEqual(["demo/a:1", "demo/b:1", "other/x:1"]);
  });

  it("a later block's category wins over an earlier rule id; a plugin's prefix is a category too", async () => {
    const resolved = await resolve("rules:\n  demo/b: error\n  acme/no-internal: error\noverrides:\n  - files: ['legacy/**']\n    rules: { demo: off, acme: off }\n");
    expect(ids(resolved)).toEqual(["other/x:1"]);
  });

  it("keeps a rule's options when its category changes severity, and refuses options on a category", async () => {
    const dir = mkdtempSync(path.join(tmp, "category-"));
    writeFileSync(path.join(dir, "promptvet.config.yaml"), "root: true\nrules:\n  demo/b: [warn, { limit: 3 }]\noverrides:\n  - files: ['**']\n    rules: { demo: error }\n");
    const resolved = await new ConfigResolver({ cwd: tmp, registry }).forFile(path.join(dir, "p.md"));
    expect(resolved.rules.map((r) => [r.rule.meta.id, r.severity, r.options])).toEqual([["demo/a", 2, undefined], ["demo/b", 2, { limit: 3 }], ["other/x", 1, undefined]]);
    await expect(resolve("rules:\n  demo: [warn, { limit: 3 }]\n")).rejects.toThrow(/Category "demo" .* takes a severity only/);
  });

  it("an unknown category is an error with a suggestion", async () => {
    await expect(resolve("rules:\n  dem: off\n")).rejects.toThrow(/Unknown rule or category "dem".*did you mean "demo"/);
  });
});

describe("the cache key of a resolved config", () => {
  it("covers the content of the registry file a config names, read relative to that config", async () => {
    const models = write("named/config/models.yaml", "- { id: tiny, tokenizer: o200k_base, contextWindow: 10 }\n");
    write("named/config/promptvet.config.yaml", "root: true\nregistry: ./models.yaml\n");
    const file = path.join(tmp, "named/config/p.md");
    const first = await new ConfigResolver({ cwd: tmp, registry }).forFile(file);
    expect(first.settings.registry).toBe(models);
    expect((await new ConfigResolver({ cwd: tmp, registry }).forFile(file)).hash).toBe(first.hash);
    writeFileSync(models, "- { id: tiny, tokenizer: o200k_base, contextWindow: 100000 }\n");
    expect((await new ConfigResolver({ cwd: tmp, registry }).forFile(file)).hash).not.toBe(first.hash);
  });

  it("covers a plugin's own code: its entry and what it imports by relative path, wherever the checkout lies", () => {
    write("code/one/index.mjs", 'import { pattern } from "./lib/pattern.mjs";\nexport default { rules: {} };\n');
    write("code/one/lib/pattern.mjs", "export const pattern = /corp/;\n");
    write("code/two/index.mjs", 'import { pattern } from "./lib/pattern.mjs";\nexport default { rules: {} };\n');
    write("code/two/lib/pattern.mjs", "export const pattern = /corp/;\n");
    const one = moduleFilesHash(path.join(tmp, "code/one/index.mjs"));
    expect(moduleFilesHash(path.join(tmp, "code/two/index.mjs"))).toBe(one);
    write("code/two/lib/pattern.mjs", "export const pattern = /internal/;\n");
    expect(moduleFilesHash(path.join(tmp, "code/two/index.mjs"))).not.toBe(one);
  });

  it("reads a plugin's import graph in linear time, whatever its text", () => {
    write("code/adversarial/index.mjs", `${"from".repeat(20_000)}${" ".repeat(200_000)}${"import (".repeat(20_000)}\n`);
    const started = performance.now();
    moduleFilesHash(path.join(tmp, "code/adversarial/index.mjs"));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
