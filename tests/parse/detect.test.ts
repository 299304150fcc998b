import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROMPT_GLOBS, detectFormat, isInstructionFile } from "../../src/parse/detect.js";

describe("detectFormat", () => {
  it.each([
    ["a/b/review.prompt.md", "markdown"],
    ["x.instructions.md", "markdown"],
    ["x.chatmode.md", "markdown"],
    ["x.agent.md", "markdown"],
    ["README.markdown", "markdown"],
    [".cursor/rules/a.mdc", "markdown"],
    ["notes.txt", "text"],
    ["/repo/.cursorrules", "text"],
    [".windsurfrules", "text"],
    ["chat.prompty", "prompty"],
    ["greet.prompt", "dotprompt"],
    ["t.j2", "jinja"],
    ["t.jinja", "jinja"],
    ["t.jinja2", "jinja"],
    ["t.mustache", "mustache"],
    ["t.hbs", "mustache"],
    ["t.handlebars", "mustache"],
    ["d.jsonl", "jsonl"],
    ["d.ndjson", "jsonl"],
    ["d.json", "json"],
    ["d.yaml", "yaml"],
    ["C:\\p\\d.YML", "yaml"],
  ])("%s -> %s", (file, format) => {
    expect(detectFormat(file)).toBe(format);
  });

  it("returns undefined for unknown names", () => {
    expect(detectFormat("main.ts")).toBeUndefined();
    expect(detectFormat("Makefile")).toBeUndefined();
  });
});

describe("isInstructionFile", () => {
  it("recognises instruction files", () => {
    for (const f of ["AGENTS.md", "/r/CLAUDE.md", "sub/GEMINI.md", ".cursorrules", "/r/.cursor/rules/style.mdc", "/r/.github/copilot-instructions.md", "x/react.instructions.md"]) {
      expect(isInstructionFile(f), f).toBe(true);
    }
  });
  it("does not flag ordinary prompts", () => {
    for (const f of ["review.prompt.md", "rules/style.mdc", "docs/copilot-instructions.md", "README.md", "a.prompty"]) {
      expect(isInstructionFile(f), f).toBe(false);
    }
  });
});

describe("DEFAULT_PROMPT_GLOBS", () => {
  const match = picomatch(DEFAULT_PROMPT_GLOBS, { dot: true });
  it("matches prompt files and instruction files", () => {
    for (const f of ["a/review.prompt.md", "x.prompty", "g.prompt", "prompts/sys.md", "src/prompts/few/shots.jsonl", "prompts/t.j2", "AGENTS.md", "pkg/CLAUDE.md", ".cursorrules", ".cursor/rules/a.mdc", ".github/copilot-instructions.md", "a.instructions.md"]) {
      expect(match(f), f).toBe(true);
    }
  });
  it("leaves ordinary repository files alone", () => {
    for (const f of ["README.md", "package.json", "docs/guide.md", "ansible/nginx.conf.j2", "app/templates/page.hbs", "config.yaml"]) {
      expect(match(f), f).toBe(false);
    }
  });
});
