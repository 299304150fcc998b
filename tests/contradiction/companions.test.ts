import { describe, expect, it } from "vitest";
import { globsOf, globsOverlap } from "../../src/contradiction/companions.js";

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
