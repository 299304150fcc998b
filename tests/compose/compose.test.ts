import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ComposeError, composePrompt, findIncludes, parseSections } from "../../src/compose/index.js";
import { writeFiles } from "../rules/fork/harness.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function setup(files: Record<string, string>): { dir: string; read: (p: string) => string | undefined; at: (rel: string) => string } {
  const dir = writeFiles(files);
  dirs.push(dir);
  return {
    dir,
    read: (p) => {
      try {
        return readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
    at: (rel) => path.join(dir, rel),
  };
}

const BASE = "---\nmodel: gpt-4o\n---\n# Bot\n\nYou help customers.\n\n## Tone\n\nBe friendly.\n\n## Escalation\n\nHand over.\n\n## Format\n\nUse prose.\n";

describe("composePrompt", () => {
  it("overrides, appends, removes and adds sections; intro goes after the base's intro", async () => {
    const { at, read } = setup({
      "prompts/base.md": BASE,
      "customers/acme.md": "---\nextends: ../prompts/base.md\nremove: [Escalation]\nappend: [Format]\nmodel: gpt-4.1\n---\nAcme intro.\n\n## Tone\n\nBe formal.\n\n## Format\n\nCite clauses.\n\n## Citations\n\nName the clause.\n",
    });
    const c = await composePrompt(at("customers/acme.md"), read);
    expect(c.text).toBe("# Bot\n\nYou help customers.\n\nAcme intro.\n\n## Tone\n\nBe formal.\n\n## Format\n\nUse prose.\n\nCite clauses.\n\n## Citations\n\nName the clause.\n");
    expect(c.operations.map((o) => [o.kind, o.name])).toEqual([
      ["remove", "Escalation"],
      ["override", "Tone"],
      ["append", "Format"],
      ["add", "Citations"],
    ]);
    expect(c.frontmatter).toEqual({ model: "gpt-4.1" });
    expect(c.files).toEqual([at("customers/acme.md"), at("prompts/base.md")]);
  });

  it("maps every character of the composed text back to its file, line and column", async () => {
    const { at, read } = setup({
      "prompts/base.md": BASE,
      "customers/acme.md": "---\nextends: ../prompts/base.md\n---\n## Tone\n\nBe formal.\n",
    });
    const c = await composePrompt(at("customers/acme.md"), read);
    const sources = new Map([[at("prompts/base.md"), BASE], [at("customers/acme.md"), read(at("customers/acme.md"))!]]);
    for (let i = 0; i < c.text.length; i++) {
      const loc = c.locate(i)!;
      if (loc.synthetic) continue;
      expect(sources.get(loc.filePath)![loc.offset], `offset ${i}`).toBe(c.text[i]);
    }
    expect(c.locate(c.text.indexOf("Be formal"))).toMatchObject({ filePath: at("customers/acme.md"), line: 6, column: 1 });
    expect(c.locate(c.text.indexOf("Use prose"))).toMatchObject({ filePath: at("prompts/base.md"), line: 18, column: 1 });
    // A range that crosses from base text into fork text is cut where the base's piece ends.
    const crossing = c.locateRange([c.text.indexOf("You help"), c.text.indexOf("Be formal") + 2])!;
    expect(crossing).toMatchObject({ filePath: at("prompts/base.md"), line: 6, column: 1 });
    expect(BASE.slice(crossing.range[0], crossing.range[1]).startsWith("You help customers.")).toBe(true);
    const r = c.locateRange([c.text.indexOf("You help"), c.text.indexOf("You help") + 8])!;
    expect(r).toMatchObject({ filePath: at("prompts/base.md"), line: 6, column: 1, endLine: 6, endColumn: 9 });
  });

  it("expands Handlebars partials and Jinja includes, transitively, dropping partial frontmatter", async () => {
    const { at, read } = setup({
      "p.prompt": "---\nmodel: x\n---\nHello {{> greeting}} and bye.\n",
      "partials/_greeting.prompt": "---\ninput: {}\n---\n{{> name}}!\n",
      "name.hbs": "dear friend\n",
      "t/main.j2": '{% include "parts/a.j2" %}|{% include "b.j2" %}\n',
      "t/parts/a.j2": "A\n",
      "b.j2": "B",
    });
    const p = await composePrompt(at("p.prompt"), read);
    expect(p.text).toBe("Hello dear friend! and bye.\n");
    expect(p.locate(p.text.indexOf("friend"))).toMatchObject({ filePath: at("name.hbs"), line: 1, column: 6 });
    expect(p.includes.map((i) => [path.basename(i.from), i.name, i.target && path.basename(i.target)])).toEqual([
      ["p.prompt", "greeting", "_greeting.prompt"],
      ["_greeting.prompt", "name", "name.hbs"],
    ]);
    const j = await composePrompt(at("t/main.j2"), read);
    expect(j.text).toBe("A|B\n");
    expect(j.locate(2)).toMatchObject({ filePath: at("b.j2"), offset: 0 });
  });

  it("composes a chain of bases from the root down", async () => {
    const { at, read } = setup({
      "root.md": "# Bot\n\n## A\n\nroot a\n\n## B\n\nroot b\n",
      "mid.md": "---\nextends: root.md\n---\n## A\n\nmid a\n",
      "leaf.md": "---\nextends: mid.md\n---\n## B\n\nleaf b\n",
    });
    const c = await composePrompt(at("leaf.md"), read);
    expect(c.text).toBe("# Bot\n\n## A\n\nmid a\n\n## B\n\nleaf b\n");
    expect(c.locate(c.text.indexOf("mid a"))).toMatchObject({ filePath: at("mid.md"), line: 6 });
  });

  it("treats forked_from as a copy: its own text, compared with the base", async () => {
    const { at, read } = setup({ "base.md": BASE, "copy.md": "---\nforked_from: base.md\n---\n# Bot\n\nYou help customers.\n\n## Tone\n\nBe blunt.\n\n## Extra\n\nx\n" });
    const c = await composePrompt(at("copy.md"), read);
    expect(c.text.startsWith("# Bot")).toBe(true);
    expect(c.base?.kind).toBe("forked_from");
    expect(c.operations.map((o) => [o.kind, o.name])).toEqual([
      ["override", "Tone"],
      ["remove", "Escalation"],
      ["remove", "Format"],
      ["add", "Extra"],
    ]);
  });

  it("reports a missing base at the extends value", async () => {
    const { at, read } = setup({ "fork.md": "---\nextends: ./gone.md\n---\nx\n" });
    const error = await composePrompt(at("fork.md"), read).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeError);
    expect(error).toMatchObject({ kind: "missing", filePath: at("fork.md"), line: 2, column: 10, range: [13, 22], via: [], paths: [at("gone.md")] });
    expect((error as Error).message).toContain('Unexpected missing base prompt "./gone.md"');
  });

  it("reports a missing partial deep in the chain, with the references that led there", async () => {
    const { at, read } = setup({ "base.md": "# Bot\n\n{{> footer}}\n", "fork.md": "---\nextends: base.md\n---\n" });
    const error = (await composePrompt(at("fork.md"), read).catch((e: unknown) => e)) as ComposeError;
    expect(error).toMatchObject({ kind: "missing", filePath: at("base.md"), line: 3, column: 1 });
    expect(error.via).toEqual([{ filePath: at("fork.md"), range: [13, 20], target: at("base.md") }]);
    expect(error.message).toMatch(/Unexpected missing partial "footer", expected a file at \.\/partials\/_footer\.prompt/);
  });

  it("reports cycles through extends and through includes at the reference that closes them", async () => {
    const { at, read } = setup({
      "a.md": "---\nextends: b.md\n---\n",
      "b.md": "---\nextends: c.md\n---\n",
      "c.md": "---\nextends: a.md\n---\n",
      "x.hbs": "{{> y}}",
      "y.hbs": "{{> x}}",
    });
    const e1 = (await composePrompt(at("a.md"), read).catch((e: unknown) => e)) as ComposeError;
    expect(e1).toMatchObject({ kind: "cycle", filePath: at("c.md"), line: 2, column: 10, paths: [at("a.md"), at("b.md"), at("c.md"), at("a.md")] });
    expect(e1.message).toContain("a.md → ./b.md → ./c.md → ./a.md");
    const e2 = (await composePrompt(at("x.hbs"), read).catch((e: unknown) => e)) as ComposeError;
    expect(e2).toMatchObject({ kind: "cycle", filePath: at("y.hbs"), line: 1, column: 1 });
  });

  it("keeps offsets right when files start with a BOM or use CRLF", async () => {
    const { at, read } = setup({ "base.md": "\uFEFF# Bot\r\n\r\n## Tone\r\n\r\nBe kind.\r\n", "fork.md": "\uFEFF---\r\nextends: base.md\r\n---\r\n## Tone\r\n\r\nBe firm.\r\n" });
    const c = await composePrompt(at("fork.md"), read);
    expect(c.text).toBe("# Bot\r\n\r\n## Tone\r\n\r\nBe firm.\r\n");
    expect(c.locate(c.text.indexOf("Be firm"))).toMatchObject({ filePath: at("fork.md"), line: 6, column: 1 });
    expect(c.locate(0)).toMatchObject({ filePath: at("base.md"), line: 1, column: 1, offset: 0 });
  });
});

describe("parseSections and findIncludes", () => {
  it("ignores headings in fenced code and reads required markers", () => {
    const text = "# A\n```\n# not a heading\n```\n## B <!-- promptvet:required -->\nx\n## C\n<!-- promptvet:required -->\n";
    const sections = parseSections(text);
    expect(sections.map((s) => [s.title, s.level, s.path, !!s.required])).toEqual([
      ["A", 1, "A", false],
      ["B", 2, "A > B", true],
      ["C", 2, "A > C", true],
    ]);
  });

  it("stays linear on a 100,000-character adversarial line", () => {
    const line = "# " + "<!-- promptvet:required ".repeat(4000) + " #".repeat(10000);
    const tags = "{{> " + "a".repeat(100_000) + " {% include '" + "x".repeat(100_000);
    const start = performance.now();
    parseSections(line + "\n" + "#".repeat(100_000));
    findIncludes(tags, "markdown");
    findIncludes("{{>".repeat(40_000), "dotprompt");
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
