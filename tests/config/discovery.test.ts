/**
 * Config discovery never leaves the repository: a `promptvet.config.mjs` in a folder above it (a shared
 * parent, the home folder) is never loaded, so it can neither run code nor silence rules. `root: true` makes
 * a config's folder the project root for composition.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { ConfigResolver } from "../../src/config/resolve.js";
import { RuleRegistry } from "../../src/config/registry.js";
import { lintFiles } from "../../src/engine/lint-files.js";

let tmp: string;
const registry = new RuleRegistry(builtinRules);

function write(rel: string, text: string): string {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A config that, if it were ever loaded, leaves a marker file behind and turns every rule off. */
function hostileConfig(rel: string): string {
  const marker = path.join(tmp, `${rel.replace(/\W/g, "_")}.loaded`);
  write(rel, `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default { rules: { "pii/email": "off" } };\n`);
  return marker;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "promptvet-discovery-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("config discovery", () => {
  it("stops at the repository root: a config in a parent folder never runs", async () => {
    const marker = hostileConfig("shared/promptvet.config.mjs");
    const repo = path.join(tmp, "shared", "repo");
    mkdirSync(repo, { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: repo });
    const file = write("shared/repo/prompts/p.md", "Write to marta.kowalska@fjordline-mail.no.\n");
    const resolver = new ConfigResolver({ cwd: repo, registry });
    const config = await resolver.forFile(file);
    expect(config.configFile).toBeUndefined();
    expect(config.rules.map((r) => r.rule.meta.id)).toContain("pii/email");
    const results = await lintFiles({ files: [{ path: file, explicit: true }], resolver, repoRoot: repo });
    expect(results[0]!.messages.map((m) => m.ruleId)).toContain("pii/email");
    expect(existsSync(marker)).toBe(false);
  });

  it("finds the repository's own config below its root", async () => {
    const repo = path.join(tmp, "own");
    mkdirSync(repo, { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: repo });
    const configFile = write("own/promptvet.config.yaml", "rules:\n  pii/email: off\n");
    const file = write("own/a/b/p.md", "Hi\n");
    expect((await new ConfigResolver({ cwd: path.join(repo, "a"), registry }).forFile(file)).configFile).toBe(configFile);
  });

  it("outside a repository, stops at the working directory", async () => {
    const marker = hostileConfig("loose/promptvet.config.mjs");
    const cwd = path.join(tmp, "loose", "work");
    const configFile = write("loose/work/promptvet.config.yaml", "rules: {}\n");
    const file = write("loose/work/sub/p.md", "Hi\n");
    const resolver = new ConfigResolver({ cwd, registry });
    expect((await resolver.forFile(file)).configFile).toBe(configFile);
    rmSync(configFile);
    expect((await new ConfigResolver({ cwd, registry }).forFile(file)).configFile).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });
});

describe("root: true", () => {
  it("makes the config's folder the root composition stays in", async () => {
    const repo = path.join(tmp, "mono");
    mkdirSync(repo, { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: repo });
    write("mono/packages/b/base.md", "# Base\n\n## Tone\n\nBe brief.\n");
    const fork = write("mono/packages/a/fork.md", "---\nextends: ../b/base.md\n---\n## Tone\n\nBe warm.\n");
    const lint = async () => {
      const results = await lintFiles({ files: [{ path: fork, explicit: true }], resolver: new ConfigResolver({ cwd: repo, registry }), repoRoot: repo });
      return results[0]!.messages.filter((m) => m.ruleId === "fork/unresolved").map((m) => m.message);
    };
    write("mono/packages/a/promptvet.config.yaml", "rules: {}\n");
    expect(await lint()).toEqual([]);
    write("mono/packages/a/promptvet.config.yaml", "root: true\nrules: {}\n");
    expect(await lint()).toEqual([expect.stringMatching(/outside the root .*packages\/a /)]);
  });
});
