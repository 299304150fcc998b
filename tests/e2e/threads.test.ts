/**
 * Worker threads never change an answer: a large run gives the same report, the same fixes and the same cache
 * with threads as without, custom rules from plugins included.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, promptvet, write } from "./repo.js";

const FILES = 105; // with the 7 example files, enough for three threads (FILES_PER_WORKER is 50)
let root: string;

function prompt(i: number): string {
  const lines = [`# Prompt ${i}`, "", "You are the support assistant.  ", ""];
  if (i % 3 === 0) lines.push(`Contact jane.customer${i}@gmail.com about order ${i}.`, "");
  if (i % 5 === 0) lines.push("Always answer in one sentence.", "", "Explain every step in detail, in several paragraphs.", "");
  if (i % 7 === 0) lines.push("Ask corp.acme.internal when unsure.", "");
  lines.push(`Answer questions about product ${i}.`);
  return `${lines.join("\n")}\n`;
}

/** A tree of prompts that trigger PII, contradiction, fixable whitespace and a plugin rule. */
function makeTree(folder: string): void {
  for (let i = 0; i < FILES; i++) write(folder, `prompts/p${String(i).padStart(3, "0")}.md`, prompt(i));
  cpSync(path.join(PROJECT_ROOT, "examples", "support-bot"), path.join(folder, "support-bot"), { recursive: true });
  write(folder, "rules/acme.mjs", `export default { rules: { "no-acme-internal": {
    meta: { id: "no-acme-internal", category: "acme", docs: { description: "no internal hostnames", recommended: false }, messages: { found: "Unexpected internal hostname, expected a public one." } },
    create(context) { return { document(doc) { const i = doc.source.indexOf("corp.acme.internal"); if (i >= 0) context.report({ messageId: "found", range: [i, i + 18] }); } }; },
  } } };\n`);
  write(folder, "promptvet.config.yaml", 'files: ["**/*.md", "**/*.jsonl"]\nplugins:\n  acme: ./rules/acme.mjs\nrules:\n  acme/no-acme-internal: error\n');
}

function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(folder, full)] = readFileSync(full, "utf8");
    }
  };
  walk(folder);
  return out;
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "promptvet-threads-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("worker threads", () => {
  it("report exactly what a single thread reports, plugin rules included", () => {
    const folder = path.join(root, "report");
    makeTree(folder);
    const single = promptvet(["--no-cache", "--concurrency", "off", "--format", "json", "."], folder);
    const threaded = promptvet(["--no-cache", "--concurrency", "3", "--format", "json", "."], folder, { PROMPTVET_DEBUG: "1" });
    expect(threaded.stderr).toContain("on 3 threads");
    expect(single.status, single.stderr).toBe(1);
    expect(threaded.status, threaded.stderr).toBe(1);
    expect(threaded.stdout).toBe(single.stdout);
    const results = JSON.parse(single.stdout) as { messages: { ruleId: string }[] }[];
    const ruleIds = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    for (const id of ["pii/email", "acme/no-acme-internal", "hygiene/trailing-whitespace"]) expect(ruleIds).toContain(id);
    // Masked code frames come through the threads unchanged too.
    const stylish = (c: string) => promptvet(["--no-cache", "--concurrency", c, "."], folder).stdout;
    expect(stylish("3")).toBe(stylish("off"));
  });

  it("write the same fixes and the same cache", () => {
    const a = path.join(root, "fix-single");
    const b = path.join(root, "fix-threaded");
    makeTree(a);
    makeTree(b);
    const single = promptvet(["--fix", "--cache-location", "cache.json", "--concurrency", "off", "--format", "json", "."], a);
    const threaded = promptvet(["--fix", "--cache-location", "cache.json", "--concurrency", "3", "--format", "json", "."], b);
    expect(threaded.stdout.replaceAll(b, a)).toBe(single.stdout);
    const [before, after] = [snapshot(a), snapshot(b)];
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const file of Object.keys(before)) {
      if (file === "cache.json") continue;
      expect(after[file], file).toBe(before[file]);
    }
    expect(before["prompts/p000.md"]).not.toContain("assistant.  \n");
    // Fixed files leave the cache; a plain run over the fixed trees fills it, with the same entries either way.
    promptvet(["--cache-location", "cache.json", "--concurrency", "off", "."], a);
    promptvet(["--cache-location", "cache.json", "--concurrency", "3", "."], b);
    // A warm threaded run answers from it with the same report.
    const entries = (folder: string) => {
      const all = JSON.parse(readFileSync(path.join(folder, "cache.json"), "utf8").replaceAll(folder, "<root>")).entries as Record<string, unknown>;
      return Object.keys(all).sort().map((file) => [file, all[file]]);
    };
    expect(entries(b).length).toBeGreaterThan(FILES);
    expect(entries(b)).toEqual(entries(a));
    const warm = promptvet(["--cache-location", "cache.json", "--concurrency", "3", "--format", "json", "."], b);
    const cold = promptvet(["--no-cache", "--concurrency", "off", "--format", "json", "."], b);
    expect(warm.stdout).toBe(cold.stdout);
  });

  it("rejects a concurrency that is not a number of threads", () => {
    const run = promptvet(["--concurrency", "0", "."], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--concurrency expects a whole number");
  });
});
