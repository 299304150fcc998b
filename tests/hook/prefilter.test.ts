/**
 * The hook's shell pre-filter may start promptvet for a path the prompt globs do not match, never skip one they
 * do: each glob's `case` patterns are run by a real `sh` against paths picomatch decides.
 */
import { spawnSync } from "node:child_process";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { expandBraces, globToCasePatterns } from "../../src/cli/hook-prefilter.js";
import { DEFAULT_PROMPT_GLOBS } from "../../src/parse/detect.js";

const PATHS = [
  "prompts/support.md", "app/prompts/support.md", "prompts/deep/er/a.jsonl", "prompt/a.txt", "few-shot/cases.jsonl",
  "x/fewshot/a.yaml", "few_shot/a.json", "README.md", "docs/guide.md", "src/app.js", "package.json", "AGENTS.md",
  "pkg/AGENTS.md", "NOTAGENTS.md", ".cursorrules", "a/.cursorrules", ".cursor/rules/style.mdc", "support.prompt.md",
  "a b/it's here.prompt.md", "promptsx/a.md", ".github/copilot-instructions.md", "x/.github/copilot-instructions.md",
  "agents/a.md", "agents/x/b.md", "agentsx/a.md", "sub/agents/a.md", "notes/a1.md", "notes/ab.md",
];

/** The paths of PATHS that `sh` matches with these `case` patterns. */
function shMatches(patterns: string[]): Set<string> {
  const script = `while IFS= read -r f; do case "$f" in ${patterns.join(" | ")}) echo "$f" ;; esac; done`;
  const out = spawnSync("sh", ["-c", script], { input: `${PATHS.join("\n")}\n`, encoding: "utf8" });
  expect(out.status, out.stderr).toBe(0);
  return new Set(out.stdout.split("\n").filter(Boolean));
}

describe("globToCasePatterns", () => {
  const globs = [...DEFAULT_PROMPT_GLOBS, "agents/**/*.md", "**/notes/a?.md", "a b/*.prompt.md", "notes/[a-z]1.md", "@(x|y)/*.md"];
  it.each(globs)("%s: sh matches every path picomatch matches", (glob) => {
    const exact = PATHS.filter((p) => picomatch(glob, { dot: true })(p));
    const matched = shMatches(globToCasePatterns(glob));
    for (const p of exact) expect(matched, p).toContain(p);
  });

  it("is not a catch-all for the default globs: code and docs start no Node", () => {
    const matched = shMatches(DEFAULT_PROMPT_GLOBS.flatMap(globToCasePatterns));
    for (const p of ["README.md", "docs/guide.md", "src/app.js", "package.json", "promptsx/a.md"]) expect(matched).not.toContain(p);
    for (const p of ["prompts/support.md", "few-shot/cases.jsonl", "x/fewshot/a.yaml", "few_shot/a.json", "AGENTS.md"]) expect(matched).toContain(p);
  });

  it("expands nested braces", () => {
    expect(expandBraces("a/{b,c{d,e}}/*.{md,txt}")).toEqual(["a/b/*.md", "a/b/*.txt", "a/cd/*.md", "a/cd/*.txt", "a/ce/*.md", "a/ce/*.txt"]);
  });

  it("keeps an escaped brace literal and a single option as written", () => {
    expect(expandBraces("a\\{b,c}.md")).toEqual(["a{b,c}.md"]);
    expect(globToCasePatterns("a\\{b,c}.md")).toEqual(["'a{b,c}.md'"]);
    expect(expandBraces("*.{md}")).toEqual(["*.{md}"]);
  });
});
