/**
 * Every module the built bundles load at run time is bundled, shipped beside them, a Node built-in, or one of
 * package.json's `dependencies`: an installed copy has nothing else. (The packed-install test proves the same
 * by running the commands; this check also covers the paths no test runs.)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./repo.js";

const load = () => import("../../scripts/bundle-imports.mjs");
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const dist = path.join(PROJECT_ROOT, "dist");

describe("runtime imports of the built bundles", () => {
  const BUNDLES = ["cli.cjs", "lsp.cjs", "index.js", "rule-tester.js", "llama3-tokenizer.mjs", "run-memo.cjs"];

  it("covers every bundle the build writes", () => {
    expect(readdirSync(dist).filter((f) => /\.(c|m)?js$/.test(f)).sort()).toEqual([...BUNDLES].sort());
  });

  it.each(BUNDLES)("dist/%s loads only dependencies, built-ins and shipped files", async (file) => {
    const { checkBundle, runtimeLoads } = await load();
    const code = readFileSync(path.join(dist, file), "utf8");
    expect(checkBundle(code, pkg, new Set(readdirSync(dist)))).toEqual([]);
    if (file === "cli.cjs") {
      // The scan sees the CLI's real runtime loads (template engines stay external by design).
      const specifiers = runtimeLoads(code).map((l) => l.specifier);
      expect(specifiers).toEqual(expect.arrayContaining(["handlebars", "nunjucks", "libphonenumber-js/max", "./llama3-tokenizer.mjs"]));
    }
  });

  it("fails on a dev dependency loaded through a renamed createRequire (the old ajv load of the eval)", async () => {
    const { checkBundle } = await load();
    const code = 'var require4 = (0, import_node_module.createRequire)(__promptvetModuleUrl);\nfunction ajv2020() {\n  const mod = require4("ajv/dist/2020.js");\n}\n';
    expect(checkBundle(code, pkg, new Set())).toEqual([expect.objectContaining({ specifier: "ajv/dist/2020.js", line: 3, reason: expect.stringContaining("neither bundled nor in package.json") })]);
  });

  it("follows a module name kept in a constant, and reports a load it cannot name", async () => {
    const { checkBundle } = await load();
    const viaConstant = 'TOKENIZER = "js-tiktoken";\nlib = require2(TOKENIZER);\n';
    expect(checkBundle(viaConstant, pkg, new Set())).toEqual([expect.objectContaining({ specifier: "js-tiktoken", line: 2 })]);
    const unnamed = "lib = require2(computeName());\nother = require3(moduleName);\n";
    expect(checkBundle(unnamed, pkg, new Set())).toEqual([expect.objectContaining({ identifier: "moduleName", line: 2 })]);
  });

  it("checks relative files against what is shipped, and ignores comments, strings and built-ins", async () => {
    const { checkBundle } = await load();
    const code = [
      '__promptvetImport("./missing-chunk.mjs");',
      '__promptvetImport("./llama3-tokenizer.mjs");',
      " * linkify.tlds(require('tlds'))",
      "uri.code = 'require(\"ajv/dist/runtime/uri\").default';",
      'x = require("node:fs"); y = require("path"); z = require("fs/promises");',
      'h = require("handlebars");',
    ].join("\n");
    expect(checkBundle(code, pkg, new Set(["llama3-tokenizer.mjs"]))).toEqual([expect.objectContaining({ specifier: "./missing-chunk.mjs", line: 1 })]);
  });
});
