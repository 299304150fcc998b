/**
 * A plugin declared by one folder's config never changes another folder's findings: not through what else is
 * linted in the same run, not through worker threads, not through PROMPTVET_TIMING. The result cache answers anew
 * when the plugin's code or a registry file the config names changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, promptvet, write } from "./repo.js";

let root: string;
const PER_FOLDER = 60; // 120 files: with --concurrency 3 the run uses worker threads (50 files per thread)

type JsonResult = { filePath: string; messages: { ruleId: string | null; message: string }[] };
const findings = (stdout: string, ruleId: string) =>
  (JSON.parse(stdout) as JsonResult[]).filter((r) => r.messages.some((m) => m.ruleId === ruleId)).map((r) => path.relative(root, r.filePath)).sort();

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "promptvet-plugin-scope-"));
  git(root, "init", "-q");
  write(root, "a/rules/acme.mjs", `import { HOST } from "./lib/host.mjs";
export default {
  meta: { name: "acme-promptvet", version: "1.2.0" },
  rules: {
    "no-internal": {
      meta: {
        id: "no-internal", category: "acme",
        docs: { description: "Disallow internal hostnames", recommended: "error", url: "https://acme.example/promptvet/no-internal" },
        messages: { found: "Unexpected internal hostname, expected a public one." },
      },
      create(context) {
        return { document(doc) { const i = doc.source.indexOf(HOST); if (i >= 0) context.report({ messageId: "found", range: [i, i + HOST.length] }); } };
      },
    },
    "no-docs-url": {
      meta: { id: "no-docs-url", category: "acme", docs: { description: "A rule without a docs URL", recommended: false }, messages: { found: "Unexpected TODO." } },
      create(context) { return { document(doc) { const i = doc.source.indexOf("TODO"); if (i >= 0) context.report({ messageId: "found", range: [i, i + 4] }); } }; },
    },
  },
};
`);
  write(root, "a/rules/lib/host.mjs", 'export const HOST = "corp.acme.internal";\n');
  write(root, "a/promptvet.config.yaml", "files: ['*.md']\nextends: [promptvet:recommended, plugin:acme/recommended]\nplugins:\n  acme: ./rules/acme.mjs\nrules:\n  acme/no-docs-url: warn\n");
  write(root, "b/promptvet.config.yaml", "files: ['*.md']\nextends: promptvet:recommended\n");
  for (let i = 0; i < PER_FOLDER; i++) {
    const text = `# Prompt ${i}\n\nAsk corp.acme.internal when unsure. TODO\n`;
    write(root, `a/p${String(i).padStart(2, "0")}.md`, text);
    write(root, `b/p${String(i).padStart(2, "0")}.md`, text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a plugin declared in a/ only", () => {
  it("never reports on b/, alone or beside a/, with and without threads", () => {
    const alone = promptvet(["--no-cache", "--format", "json", "b/p01.md"], root);
    expect(alone.status, alone.stderr).toBe(0);
    expect(findings(alone.stdout, "acme/no-internal")).toEqual([]);

    const single = promptvet(["--no-cache", "--concurrency", "off", "--format", "json", "a", "b"], root);
    const threaded = promptvet(["--no-cache", "--concurrency", "3", "--format", "json", "a", "b"], root, { PROMPTVET_DEBUG: "1" });
    expect(threaded.stderr).toMatch(/on [23] threads/);
    expect(threaded.stdout).toBe(single.stdout);
    const inA = findings(single.stdout, "acme/no-internal");
    expect(inA).toHaveLength(PER_FOLDER);
    expect(inA.every((f) => f.startsWith("a/"))).toBe(true);
    expect(findings(single.stdout, "acme/no-docs-url").every((f) => f.startsWith("a/"))).toBe(true);
  });

  it("is an unknown rule for b/'s config that names it, whatever else the run lints, PROMPTVET_TIMING included", () => {
    const config = path.join(root, "b/promptvet.config.yaml");
    writeFileSync(config, "files: ['*.md']\nextends: promptvet:recommended\nrules:\n  acme/no-internal: error\n");
    try {
      for (const [args, env] of [
        [["b/p01.md"], {}],
        [["a/p00.md", "b/p01.md"], {}],
        [["a", "b"], { PROMPTVET_TIMING: "1" }],
        [["--concurrency", "3", "a", "b"], {}],
      ] as const) {
        const run = promptvet(["--no-cache", ...args], root, env);
        expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toMatch(/Unknown rule "acme\/no-internal" in .*b\/promptvet\.config\.yaml/);
      }
    } finally {
      writeFileSync(config, "files: ['*.md']\nextends: promptvet:recommended\n");
    }
  });

  it("is an unknown rule for a directive in b/, a known one in a/", () => {
    const directive = "<!-- promptvet-disable-next-line acme/no-internal -- checked -->\nAsk corp.acme.internal when unsure.\n";
    write(root, "a/directive.md", directive);
    write(root, "b/directive.md", directive);
    try {
      const run = promptvet(["--no-cache", "--format", "json", "a/directive.md", "b/directive.md"], root);
      const byFile = Object.fromEntries((JSON.parse(run.stdout) as JsonResult[]).map((r) => [path.relative(root, r.filePath), r.messages.map((m) => m.ruleId)]));
      expect(byFile["a/directive.md"]).toEqual([]);
      expect(byFile["b/directive.md"]).toEqual(["directives/unknown-rule"]);
    } finally {
      rmSync(path.join(root, "a/directive.md"));
      rmSync(path.join(root, "b/directive.md"));
    }
  });

  it("is listed and explained in a/ and nowhere else", () => {
    const inA = promptvet(["rules"], path.join(root, "a"));
    expect(inA.stdout).toMatch(/^acme\/no-internal\s/m);
    expect(promptvet(["rules"], path.join(root, "b")).stdout).not.toContain("acme/");
    const explained = promptvet(["explain", "acme/no-internal"], path.join(root, "a"));
    expect(explained.status, explained.stderr).toBe(0);
    expect(explained.stdout).toContain("acme/no-internal — Disallow internal hostnames");
    expect(explained.stdout).toContain("plugin: acme (acme-promptvet 1.2.0)");
    expect(explained.stdout).toContain("Documentation: https://acme.example/promptvet/no-internal");
    const elsewhere = promptvet(["explain", "acme/no-internal"], path.join(root, "b"));
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toContain('Unknown rule "acme/no-internal"');
  });

  it("links SARIF to the rule's own docs URL, and to none when the plugin gives none", () => {
    const run = promptvet(["--no-cache", "--format", "sarif", "a/p00.md"], root);
    const rules = JSON.parse(run.stdout).runs[0].tool.driver.rules as { id: string; helpUri?: string; properties: Record<string, unknown> }[];
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get("acme/no-internal")?.helpUri).toBe("https://acme.example/promptvet/no-internal");
    expect(byId.get("acme/no-internal")?.properties.plugin).toEqual({ prefix: "acme", name: "acme-promptvet", version: "1.2.0" });
    expect(byId.get("acme/no-docs-url")).toBeDefined();
    expect(byId.get("acme/no-docs-url")?.helpUri).toBeUndefined();
    expect(byId.get("pii/email")?.helpUri).toMatch(/\/rules\/pii\/email\.md$/);
  });
});

describe("the result cache", () => {
  it("answers anew when the plugin's code changes, a file it imports included", () => {
    const args = ["--cache-location", "cache.json", "--format", "json", "a/p00.md"];
    expect(findings(promptvet(args, root).stdout, "acme/no-internal")).toEqual(["a/p00.md"]);
    expect(findings(promptvet(args, root).stdout, "acme/no-internal")).toEqual(["a/p00.md"]);
    write(root, "a/rules/lib/host.mjs", 'export const HOST = "vault.acme.internal";\n');
    try {
      expect(findings(promptvet(args, root).stdout, "acme/no-internal")).toEqual([]);
    } finally {
      write(root, "a/rules/lib/host.mjs", 'export const HOST = "corp.acme.internal";\n');
    }
    expect(findings(promptvet(args, root).stdout, "acme/no-internal")).toEqual(["a/p00.md"]);
  });

  it("answers anew on worker threads too, and the edit never reaches b/", () => {
    const args = ["--cache-location", "cache-threads.json", "--concurrency", "3", "--format", "json", "a", "b"];
    const before = promptvet(args, root, { PROMPTVET_DEBUG: "1" });
    expect(before.stderr).toMatch(/on [23] threads/);
    expect(findings(before.stdout, "acme/no-internal")).toHaveLength(PER_FOLDER);
    const cached = promptvet(args, root, { PROMPTVET_DEBUG: "1" });
    // Everything answered from the cache: no file left to hand to worker threads.
    expect(cached.stderr).toMatch(/on 1 thread|0 needed linting/);
    expect(cached.stdout).toBe(before.stdout);
    write(root, "a/rules/lib/host.mjs", 'export const HOST = "vault.acme.internal";\n');
    try {
      const after = promptvet(args, root, { PROMPTVET_DEBUG: "1" });
      expect(after.stderr).toMatch(/on [23] threads/);
      expect(findings(after.stdout, "acme/no-internal")).toEqual([]);
      // b/'s results are the same either way: the plugin is not part of its config.
      const inB = (stdout: string) => (JSON.parse(stdout) as JsonResult[]).filter((r) => path.relative(root, r.filePath).startsWith("b/"));
      expect(inB(after.stdout)).toEqual(inB(before.stdout));
    } finally {
      write(root, "a/rules/lib/host.mjs", 'export const HOST = "corp.acme.internal";\n');
    }
  });

  it("answers anew when the registry file the config names changes", () => {
    write(root, "c/promptvet.config.yaml", "extends: promptvet:recommended\nmodel: tiny-model\nregistry: ./models.yaml\n");
    write(root, "c/models.yaml", "- { id: tiny-model, tokenizer: o200k_base, contextWindow: 100 }\n");
    write(root, "c/prompt.md", "# Support\n\nAnswer in one short sentence.\n");
    // Run from another folder: the registry path is the config's, not the working directory's.
    const args = ["--cache-location", path.join(root, "cache.json"), "--format", "json", "c/prompt.md"];
    expect(findings(promptvet(args, root).stdout, "budget/context-window")).toEqual(["c/prompt.md"]);
    write(root, "c/models.yaml", "- { id: tiny-model, tokenizer: o200k_base, contextWindow: 1000000 }\n");
    expect(findings(promptvet(args, root).stdout, "budget/context-window")).toEqual([]);
  });
});
