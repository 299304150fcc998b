import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/parse/detect.js";
import { parseDocument } from "../../src/parse/index.js";
import { corpusPath } from "../helpers/corpora.js";

const FOLDERS = [
  "system_prompts_leaks_asgeirtj",
  "awesome-copilot_github",
  "awesome-cursorrules_PatrickJS",
  "dotprompt_google",
  "prompty_microsoft",
  "awesome-chatgpt-prompts_f/split",
];
const CORPORA = corpusPath("the parse check on real prompt corpora");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

describe.skipIf(!CORPORA)("real prompt corpora", () => {
  it("parses every file without throwing, with every range inside the source", () => {
    const bytes: Record<string, number> = {};
    const ms: Record<string, number> = {};
    let files = 0;
    const started = performance.now();
    for (const folder of FOLDERS) {
      const dir = path.join(CORPORA!, folder);
      // Every folder is part of the check: a missing one is an error, not a smaller sample.
      if (!existsSync(dir)) throw new Error(`${dir} is missing from the corpora`);
      for (const file of filesUnder(dir)) {
        // Corpus files are stored flat with the original path in the name: detect by the final name.
        const format = detectFormat(file);
        if (!format) continue;
        let source = readFileSync(file, "utf8");
        const bom = source.charCodeAt(0) === 0xfeff;
        if (bom) source = source.slice(1);
        const t = performance.now();
        const doc = parseDocument({ path: file, source, format, bom });
        ms[format] = (ms[format] ?? 0) + performance.now() - t;
        bytes[format] = (bytes[format] ?? 0) + source.length;
        files++;
        for (const seg of doc.segments) {
          if (seg.range[0] < 0 || seg.range[1] > source.length || seg.range[0] > seg.range[1]) throw new Error(`${file}: segment out of range`);
          if (seg.map.isVerbatim && seg.text !== source.slice(seg.range[0], seg.range[1])) throw new Error(`${file}: verbatim segment differs from its source`);
          if (seg.map.toSource(seg.text.length) > source.length) throw new Error(`${file}: map past the end`);
        }
        for (const v of doc.variables) if (v.nameRange[1] > source.length || v.nameRange[0] < v.range[0]) throw new Error(`${file}: variable range`);
      }
    }
    const total = performance.now() - started;
    const rows = Object.keys(bytes).map((f) => `${f}: ${(bytes[f]! / 1e6).toFixed(2)} MB in ${(ms[f]! / 1000).toFixed(2)} s = ${(bytes[f]! / 1e6 / (ms[f]! / 1000)).toFixed(1)} MB/s`);
    console.log(`[promptvet] parsed ${files} corpus files in ${(total / 1000).toFixed(2)} s\n  ${rows.join("\n  ")}`);
    expect(files).toBeGreaterThan(3000);
  }, 300_000);

  it("reads dotprompt roles and declared inputs from a real sample", () => {
    const file = path.join(CORPORA!, "dotprompt_google/examples__valid-customer-support.prompt");
    const source = readFileSync(file, "utf8");
    const doc = parseDocument({ path: file, source, format: "dotprompt" });
    expect(doc.frontmatter?.errors).toEqual([]);
    expect(doc.inputs!.map((i) => i.name)).toEqual(["name", "email", "company"]);
    const roles = new Set(doc.segments.filter((s) => s.kind === "prose").map((s) => s.role));
    expect([...roles].sort()).toEqual(["system", "user"]);
    for (const v of doc.variables.filter((x) => x.kind === "variable")) expect(doc.inputs!.some((i) => i.name === v.name), v.name).toBe(true);
  });

  it("reports the invalid Picoschema YAML of the kitchen-sink sample at its line", () => {
    const file = path.join(CORPORA!, "dotprompt_google/packages__codemirror__samples__10-kitchen-sink.prompt");
    const source = readFileSync(file, "utf8");
    const doc = parseDocument({ path: file, source, format: "dotprompt" });
    // `teamMembers: { ... }[]` is not YAML: the first error sits right after the flow map.
    expect(doc.lines.positionAt(doc.frontmatter!.errors[0]!.range[0])).toEqual({ line: 33, column: 63 });
    expect(doc.problems.filter((p) => p.kind === "frontmatter")).toHaveLength(5);
    expect(new Set(doc.segments.filter((s) => s.kind === "prose").map((s) => s.role))).toEqual(new Set(["system", "user", "assistant"]));
  });
});
