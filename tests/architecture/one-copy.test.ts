/**
 * One copy of each piece of shared infrastructure: sources other than its home may not carry their own
 * frontmatter fence finder, edit-distance ranking, or reader of data/models.json.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (/\.[cm]?[jt]s$/.test(name) && !name.endsWith(".generated.js")) out.push({ file: rel, text: readFileSync(path.join(ROOT, rel), "utf8") });
    }
  };
  walk("src");
  walk("rules");
  return out;
}

/** Files other than `home` whose text matches `pattern`. */
function copiesOutside(home: string, pattern: RegExp): string[] {
  return sources()
    .filter(({ file, text }) => file !== home && pattern.test(text))
    .map(({ file }) => file);
}

describe("one copy of each piece of infrastructure", () => {
  it("frontmatter fences are found by src/parse/frontmatter-fence.ts alone", () => {
    // A regular expression or a scan for an opening `---` line at the start of a file.
    expect(copiesOutside("src/parse/frontmatter-fence.ts", /\/\^---|\^---\[|startsWith\("---", (?:0|line\[0\]|k)\)/)).toEqual([]);
  });

  it("\"did you mean\" candidates are ranked by src/util/edit-distance.ts alone", () => {
    expect(copiesOutside("src/util/edit-distance.ts", /\beditDistance\(|levenshtein\s*\(/i)).toEqual([]);
  });

  it("data/models.json is read by src/tokens/registry.ts alone", () => {
    expect(copiesOutside("src/tokens/registry.ts", /["'`/]models\.json["'`]/)).toEqual([]);
  });
});
