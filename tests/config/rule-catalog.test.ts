import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { ruleCatalog } from "../../rules/catalog.generated.js";
import { lazyRules } from "../../src/config/lazy-rules.js";
import { lintDocument } from "../../src/engine/linter.js";
import { parseDocument } from "../../src/parse/index.js";
// @ts-expect-error: a build script without type declarations
import { ruleCatalogSource } from "../../scripts/gen-rule-catalog.mjs";

const root = path.resolve(import.meta.dirname, "../..");

describe("the rule catalog the command line loads rules through", () => {
  it("is what the build generates from the rules (run `npm run build` when this fails)", () => {
    const expected = ruleCatalogSource(builtinRules, readFileSync(path.join(root, "rules", "index.ts"), "utf8"));
    expect(readFileSync(path.join(root, "rules", "catalog.generated.ts"), "utf8")).toBe(expected);
  });

  it("holds each built-in rule's meta, and a loader of the module that implements it", async () => {
    expect(ruleCatalog.map((e) => e.meta.id)).toEqual(builtinRules.map((r) => r.meta.id));
    for (const [i, entry] of ruleCatalog.entries()) {
      expect(entry.meta).toEqual(builtinRules[i]!.meta);
      const { default: rule } = await entry.load();
      expect(rule).toBe(builtinRules[i]);
    }
  });

  it("lints a document as the rules themselves do, loading each module on first use", async () => {
    const source = [
      "---",
      "model: gpt-4o",
      "---",
      "# Support assistant",
      "",
      "Always answer in English. Never answer in English.",
      "Contact jane.doe@example.org or call +1 415 555 0132 if the order\u200b is late.   ",
      "Use the key AKIAIOSFODNN7EXAMPLE only in tests.",
      "",
    ].join("\n");
    const lint = async (rules: typeof builtinRules) => {
      const doc = parseDocument({ path: "/virtual/prompts/support.md", source, format: "markdown", bom: false });
      const enabled = rules.filter((r) => !r.meta.id.startsWith("fork/")).map((rule) => ({ rule, severity: 2 as const }));
      return lintDocument(doc, { rules: enabled, knownRuleIds: new Set(rules.map((r) => r.meta.id)) });
    };
    const eager = await lint(builtinRules);
    const lazy = await lint(lazyRules(ruleCatalog));
    // The document has findings of several families, so the comparison is not between two empty lists.
    expect(new Set(eager.messages.map((m) => (m.ruleId ?? "").split("/")[0])).size).toBeGreaterThanOrEqual(3);
    expect(lazy.messages).toEqual(eager.messages);
    // Once loaded, a lazy rule creates its visitor synchronously, as the rule module does.
    const [trailing] = lazyRules(ruleCatalog.filter((e) => e.meta.id === "hygiene/trailing-whitespace"));
    const context = { id: trailing!.meta.id, options: {}, document: parseDocument({ path: "/v/a.md", source: "a \n", format: "markdown", bom: false }), settings: {}, services: {} as never, segmentRange: (_s: unknown, r: [number, number]) => r, report() {} };
    await trailing!.create(context as never);
    expect(trailing!.create(context as never)).not.toBeInstanceOf(Promise);
  });
});
