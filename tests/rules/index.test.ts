/**
 * The rule index is complete and consistent: every rule file is registered, ids match file locations, meta
 * is complete, and each rule has its test table.
 *
 * A rule file is `rules/<category>/<name>.ts` or `rules/<category>/<name>/index.ts` whose default export is
 * a rule ({ meta, create }). Other files (names starting with `_`, files inside a rule folder, modules
 * without a default rule export) are helpers.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Rule } from "../../src/rule-api/types.js";
import { builtinRules } from "../../rules/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const rulesDir = path.join(root, "rules");

interface Candidate {
  file: string;
  expectedId: string;
}

function candidates(): Candidate[] {
  const out: Candidate[] = [];
  for (const category of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!category.isDirectory() || category.name.startsWith("_")) continue;
    const dir = path.join(rulesDir, category.name);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith("_")) continue;
      if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        out.push({ file: path.join(dir, entry.name), expectedId: `${category.name}/${entry.name.slice(0, -3)}` });
      } else if (entry.isDirectory() && existsSync(path.join(dir, entry.name, "index.ts"))) {
        out.push({ file: path.join(dir, entry.name, "index.ts"), expectedId: `${category.name}/${entry.name}` });
      }
    }
  }
  return out.sort((a, b) => a.expectedId.localeCompare(b.expectedId));
}

function isRule(value: unknown): value is Rule<any> {
  return !!value && typeof value === "object" && "meta" in value && typeof (value as Rule).create === "function";
}

/** Path of a rule's test table: tests/rules/<id>.test.ts. */
function testFileFor(id: string): string {
  return path.join(root, "tests", "rules", `${id}.test.ts`);
}

const files = candidates();

describe("rules/index.ts", () => {
  it("lists each rule once, in alphabetical order of id", () => {
    const ids = builtinRules.map((r) => r.meta.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates, "rules registered twice").toEqual([]);
    expect(ids, "builtinRules must be sorted by id").toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  it.each(files.map((c) => [c.expectedId, c] as const))("rule file %s is registered under its path", async (_id, candidate) => {
    const mod = (await import(pathToFileURL(candidate.file).href)) as { default?: unknown };
    if (!isRule(mod.default)) return; // a helper module
    const rel = path.relative(root, candidate.file);
    expect(builtinRules.includes(mod.default), `${rel} default-exports a rule that is missing from rules/index.ts`).toBe(true);
    expect(mod.default.meta.id, `${rel}: meta.id must equal "<folder>/<file name>"`).toBe(candidate.expectedId);
  });

  it("every registered rule comes from a rule file", () => {
    const known = new Set(files.map((c) => c.expectedId));
    const orphans = builtinRules.map((r) => r.meta.id).filter((id) => !known.has(id));
    expect(orphans, "registered rules whose id does not match a rules/<category>/<name>.ts file").toEqual([]);
  });
});

describe.each(builtinRules.map((r) => [r.meta.id, r] as const))("rule %s", (id, rule) => {
  const problems = (): string[] => {
    const out: string[] = [];
    const { meta } = rule;
    const [category] = id.split("/");
    if (meta.category !== category) out.push(`meta.category is "${meta.category}", expected "${category}"`);
    if (!meta.docs?.description?.trim()) out.push("meta.docs.description is missing");
    if (meta.docs?.recommended === undefined) out.push('meta.docs.recommended is missing (use "error", "warn" or false)');
    else if (!["error", "warn", false].includes(meta.docs.recommended as never)) out.push(`meta.docs.recommended is ${JSON.stringify(meta.docs.recommended)}, expected "error", "warn" or false`);
    if (meta.docs?.help !== undefined && /\n/.test(meta.docs.help)) out.push("meta.docs.help must be one line");
    const messages = Object.entries(meta.messages ?? {});
    if (messages.length === 0) out.push("meta.messages is empty");
    for (const [messageId, text] of messages) if (typeof text !== "string" || !text.trim()) out.push(`meta.messages.${messageId} is empty`);

    const testFile = testFileFor(id);
    if (!existsSync(testFile)) {
      out.push(`test table ${path.relative(root, testFile)} is missing`);
      return out;
    }
    const tests = readFileSync(testFile, "utf8");
    // A fix from a rule not marked fixable already fails in the engine; suggestions need their flag here.
    if (/\bsuggestions\s*:\s*\[\s*\{/.test(tests) && !meta.hasSuggestions) out.push("its tests expect suggestions but meta.hasSuggestions is not true");
    const takesOptions = (meta.defaultOptions && Object.keys(meta.defaultOptions).length > 0) || /\boptions\s*:\s*\{/.test(tests);
    if (takesOptions && !meta.schema) out.push("it takes options but has no meta.schema");
    return out;
  };

  it("has complete meta and a test table", () => {
    expect(problems(), `rule ${id}`).toEqual([]);
  });
});
