/**
 * The config snippets in the pii rule docs are valid promptvet configs: each ```json block loads through the real
 * config loader (schema included), so a doc cannot show a key the loader rejects (such as `settings.pii`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfigFile } from "../../../src/config/load.js";

const docsDir = path.resolve(import.meta.dirname, "../../../rules/pii");
const dir = mkdtempSync(path.join(tmpdir(), "promptvet-pii-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const snippets = readdirSync(docsDir)
  .filter((f) => f.endsWith(".md"))
  .flatMap((f) => [...readFileSync(path.join(docsDir, f), "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m, i) => [`${f} #${i + 1}`, m[1]!] as const));

describe("pii rule docs: config snippets", () => {
  it("has a snippet in every rule doc", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(9);
  });
  it.each(snippets)("%s loads", async (name, json) => {
    const file = path.join(dir, `${name.replace(/[^\w]+/g, "-")}.json`);
    writeFileSync(file, json);
    await expect(loadConfigFile(file)).resolves.toBeDefined();
    expect(JSON.parse(json)).not.toHaveProperty("settings");
  });
});
