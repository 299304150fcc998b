import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { replaceRulesSection, rulesMarkdownTable } from "../../src/cli/rules-markdown.js";
import { buildConfigSchema } from "../../src/config/schema.js";
import { expandBraces } from "../../src/cli/hook-prefilter.js";
import { DEFAULT_PROMPT_GLOBS } from "../../src/parse/detect.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("generated documentation", () => {
  it("the README's rule list matches the rule metadata (npm run build regenerates it)", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(replaceRulesSection(readme, rulesMarkdownTable(builtinRules.map((r) => r.meta)))).toBe(readme);
    for (const rule of builtinRules) expect(readme).toContain(`\`${rule.meta.id}\``);
  });

  it("the shipped config schema matches the code (npm run build regenerates it)", () => {
    const shipped = JSON.parse(readFileSync(path.join(root, "schema", "promptvet.schema.json"), "utf8"));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildConfigSchema())));
  });

  it("the generated config validator matches the schema (npm run build regenerates it)", async () => {
    // @ts-expect-error: a plain .mjs build script without type declarations
    const { configValidatorSource } = await import("../../scripts/gen-config-validator.mjs");
    const shipped = readFileSync(path.join(root, "src", "config", "config-validator.generated.js"), "utf8");
    expect(shipped).toBe(configValidatorSource(buildConfigSchema()));
  });

  it("the README's first two commands are the install-and-run and the test command", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split("\n");
    expect(firstBlock[0]).toContain("examples/");
    expect(firstBlock[1]).toBe("npm test");
  });

  it("the README's default prompt globs are the ones the code uses", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const block = /<!-- default-globs -->([\s\S]*?)<!-- \/default-globs -->/.exec(readme)![1]!;
    const named = new Set([...block.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, "")));
    for (const glob of DEFAULT_PROMPT_GLOBS) {
      for (const plain of expandBraces(glob)) {
        const inFolder = /^\*\*\/([^/*]+)\/\*\*\/\*\.(\w+)$/.exec(plain);
        if (inFolder) {
          expect(named, plain).toContain(inFolder[1]);
          expect(named, plain).toContain(inFolder[2]);
        } else {
          expect([plain, plain.replace(/^\*\*\//, "")].some((g) => named.has(g)), plain).toBe(true);
        }
      }
    }
    // And nothing the code does not use.
    const everything = DEFAULT_PROMPT_GLOBS.flatMap(expandBraces).join("\n");
    for (const name of named) expect(everything, name).toContain(name);
  });
});
