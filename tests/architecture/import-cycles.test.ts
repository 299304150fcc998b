import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkCycles, describeCheck } from "../../scripts/import-cycles.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("import cycles between top-level folders of src/ and rules/", () => {
  it("has none except those written down with a reason", () => {
    const result = checkCycles(repoRoot);
    expect(result.unexpected.length + result.stale.length, describeCheck(result)).toBe(0);
    // The graph really was read: the CLI reaches the engine, the rules reach the rule API.
    expect(result.edges).toBeGreaterThan(50);
  });

  describe("the check itself", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-cycles-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    };
    write("src/a/one.ts", 'import { two } from "../b/two.js";\nexport const one = two;\n');
    write("src/b/two.ts", 'import type { Three } from "../c/three.js";\nexport const two: Three = 2;\n');
    write("src/c/three.ts", 'export type Three = number;\nexport const later = () => import("../a/one.js");\n');
    write("src/d/four.ts", 'import { one } from "../a/one.js";\n// import "../d/never.js" in a comment is no import\nexport const four = one;\n');
    write("rules/x/rule.ts", 'import { four } from "../../src/d/four.js";\nexport default four;\n');

    it("finds a cycle made by type-only and dynamic imports, and names each edge", () => {
      const result = checkCycles(dir, []);
      expect(result.cycles).toEqual([["src/a", "src/b", "src/c"]]);
      expect(result.unexpected[0]!.edges.map((e) => `${e.from}>${e.to}`)).toEqual(["src/a>src/b", "src/b>src/c", "src/c>src/a"]);
      expect(describeCheck(result)).toContain("src/c -> src/a: src/c/three.ts imports ../a/one.js");
    });

    it("accepts a cycle written down, and fails on one written down that is gone", () => {
      expect(checkCycles(dir, [{ units: ["src/c", "src/a", "src/b"], reason: "test" }]).unexpected).toEqual([]);
      const stale = checkCycles(dir, [{ units: ["src/a", "src/b", "src/c"], reason: "test" }, { units: ["src/d", "rules/x"], reason: "gone" }]).stale;
      expect(stale.map((s) => s.units)).toEqual([["src/d", "rules/x"]]);
    });
  });
});
