import { describe, expect, it, onTestFinished } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { companionFiles, globsOf, globsOverlap } from "../../src/contradiction/companions.js";

describe("globs of a scoped instruction file", () => {
  it("reads Cursor's unquoted globs, which are not valid YAML, as written", () => {
    expect(globsOf("---\ndescription: Python style\nglobs: **/*.py\n---\n- Use snake_case.\n")).toEqual(["**/*.py"]);
    expect(globsOf("---\nglobs: **/*.ts, **/*.tsx\n---\n")).toEqual(["**/*.ts", "**/*.tsx"]);
  });

  it("reads quoted globs, applyTo and alwaysApply through YAML", () => {
    expect(globsOf('---\nglobs: "src/**/*.ts"\n---\n')).toEqual(["src/**/*.ts"]);
    expect(globsOf('---\napplyTo: "**/*.py"\n---\n')).toEqual(["**/*.py"]);
    expect(globsOf("---\nalwaysApply: true\nglobs: **/*.py\n---\n")).toEqual(["**"]);
    expect(globsOf("no frontmatter")).toEqual(["**"]);
  });

  it("Python and TypeScript rules do not apply to the same files", () => {
    const python = globsOf("---\nglobs: **/*.py\n---\n");
    const typescript = globsOf("---\nglobs: **/*.ts\n---\n");
    expect(globsOverlap(python, typescript)).toBe(false);
    expect(globsOverlap(python, globsOf("---\nglobs: src/**/*.py\n---\n"))).toBe(true);
  });
});

describe("companionFiles", () => {
  const readText = async (p: string) => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  };

  it("walks up to the repository root and never past it, nor through a link that leads outside", async () => {
    const outer = mkdtempSync(join(tmpdir(), "promptvet-companions-"));
    onTestFinished(() => rmSync(outer, { recursive: true, force: true }));
    const repo = join(outer, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "pkg"));
    writeFileSync(join(outer, "AGENTS.md"), "- Use tabs.\n");
    writeFileSync(join(repo, "AGENTS.md"), "- Use spaces.\n");
    writeFileSync(join(repo, "pkg", "AGENTS.md"), "- Use tabs.\n");
    expect(await companionFiles(join(repo, "pkg", "AGENTS.md"), "- Use tabs.\n", readText)).toEqual([join(repo, "AGENTS.md")]);

    mkdirSync(join(repo, ".github", "instructions"), { recursive: true });
    writeFileSync(join(outer, "secret.instructions.md"), "- Use tabs.\n");
    symlinkSync(join(outer, "secret.instructions.md"), join(repo, ".github", "instructions", "secret.instructions.md"));
    writeFileSync(join(repo, ".github", "instructions", "py.instructions.md"), "- Use spaces.\n");
    const read: string[] = [];
    const companions = await companionFiles(join(repo, ".github", "copilot-instructions.md"), "- Use tabs.\n", async (p) => (read.push(p), readText(p)));
    expect(companions).toEqual([join(repo, ".github", "instructions", "py.instructions.md")]);
    expect(read).toEqual([join(repo, ".github", "instructions", "py.instructions.md")]);
  });
});
