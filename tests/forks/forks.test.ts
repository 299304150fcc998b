import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runForksCommand } from "../../src/cli/commands/forks.js";
import { dependentsOf } from "../../src/forks/dependents.js";
import { diffLines } from "../../src/forks/diff.js";
import { writeFiles } from "../rules/fork/harness.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const BASE = "---\nmodel: gpt-4o\n---\n# Bot\n\n## Tone\n\nBe friendly.\n\n## Safety\n<!-- promptvet:required -->\n\nUnplug it.\n\n## Escalation\n\nHand over.\n";
const FILES = {
  "prompts/base.md": BASE,
  "customers/acme.md": "---\nextends: ../prompts/base.md\nremove: [Escalation]\nmodel: gpt-4.1\n---\n## Tone\n\nBe formal.\n\n## Citations\n\nCite clauses.\n",
  "customers/copy.md": "---\nforked_from: ../prompts/base.md\n---\n# Bot\n\n## Tone\n\nBe friendly.\n",
  "customers/broken.md": "---\nextends: ../prompts/gone.md\n---\nx\n",
  "README.md": "# Not a fork\n",
};

function capture(): { stream: Writable; text: () => string } {
  let out = "";
  const stream = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  });
  return { stream, text: () => out };
}

async function run(format: string, files: Record<string, string> = FILES, paths: string[] = []): Promise<{ code: number; out: string; dir: string }> {
  const dir = writeFiles(files);
  dirs.push(dir);
  const { stream, text } = capture();
  const code = await runForksCommand({ cwd: dir, paths, format, stdout: stream, settings: {} });
  return { code, out: text(), dir };
}

describe("promptvet forks", () => {
  it("prints JSON with drift figures per fork, grouped by base", async () => {
    const { code, out } = await run("json");
    expect(code).toBe(1); // broken.md cannot be composed
    const json = JSON.parse(out) as { bases: { base: string; exists: boolean; model: string | null; forks: Record<string, any>[] }[] };
    expect(json.bases.map((b) => [b.base, b.exists, b.model, b.forks.length])).toEqual([
      ["prompts/base.md", true, "gpt-4o", 2],
      ["prompts/gone.md", false, null, 1],
    ]);
    const [acme, copy] = json.bases[0]!.forks;
    expect(acme).toMatchObject({
      fork: "customers/acme.md",
      kind: "extends",
      lines: { base: 8, fork: 8, added: 0, removed: 0, changed: 3, percent: 37.5 },
      sections: { overridden: ["Tone"], appended: [], added: ["Citations"], removed: ["Escalation"] },
      model: { fork: "gpt-4.1", base: "gpt-4o", pinned: true, reason: null },
    });
    expect(acme!.tokens.tokenizer).toBe("o200k_base");
    expect(acme!.tokens.exact).toBe(true);
    expect(acme!.tokens.fork - acme!.tokens.base).toBe(acme!.tokens.delta);
    expect(copy).toMatchObject({ fork: "customers/copy.md", kind: "forked_from", sections: { removed: ["Safety", "Escalation"] }, model: { fork: null, base: "gpt-4o", pinned: false } });
    const broken = json.bases[1]!.forks[0]!;
    expect(broken).toMatchObject({ fork: "customers/broken.md", error: { filePath: "customers/broken.md", line: 2, column: 10 } });
  });

  it("prints a table per base", async () => {
    const { out } = await run("table", { "prompts/base.md": BASE, "customers/acme.md": FILES["customers/acme.md"] });
    const lines = out.split("\n");
    expect(lines[0]).toBe("prompts/base.md (model gpt-4o, 1 fork)");
    expect(lines[1]).toMatch(/^ {2}fork\s+kind\s+tokens base → fork\s+lines \+\/−\/~\s+overridden\s+appended\s+added\s+removed\s+model$/);
    expect(lines[2]).toMatch(/^ {2}customers\/acme\.md\s+extends\s+\d+ → \d+ \([+−]\d+, [+−]\d+%\)\s+\+0 −0 ~3 of 8 \(38%\)\s+Tone\s+-\s+Citations\s+Escalation\s+gpt-4\.1 \(differs from base, no reason\)$/);
  });

  it("prints markdown tables", async () => {
    const { out, code } = await run("markdown", { "prompts/base.md": BASE, "customers/acme.md": FILES["customers/acme.md"] });
    expect(code).toBe(0);
    expect(out).toContain("## Prompt forks");
    expect(out).toContain("### prompts/base.md (model gpt-4o, 1 fork)");
    expect(out).toContain("| fork | kind | tokens base → fork | lines +/−/~ | overridden | appended | added | removed | model |");
    expect(out).toMatch(/\| customers\/acme\.md \| extends \| \d+ → \d+ .* \| Tone \| - \| Citations \| Escalation \| gpt-4\.1 \(differs from base, no reason\) \|/);
  });

  it("says so when there are no forks, and limits the search to the given paths", async () => {
    const none = await run("table", { "prompts/a.md": "# A\n" });
    expect(none.out).toBe("No forks found: no prompt declares `extends:` or `forked_from:`.\n");
    const limited = await run("json", FILES, ["customers/acme.md"]);
    expect((JSON.parse(limited.out) as { bases: unknown[] }).bases).toHaveLength(1);
    expect(limited.code).toBe(0);
  });

  it("rejects an unknown format", async () => {
    await expect(run("xml")).rejects.toThrow(/forks --format expects table, json, markdown/);
  });
});

describe("dependentsOf", () => {
  it("finds every prompt that extends or includes a changed file, transitively", async () => {
    const dir = writeFiles({
      "prompts/root.md": "# Root\n",
      "prompts/base.md": "---\nextends: root.md\n---\n{{> footer}}\n",
      "prompts/partials/footer.md": "Bye\n",
      "customers/a.md": "---\nextends: ../prompts/base.md\n---\n",
      "customers/b.md": "---\nforked_from: ../prompts/base.md\n---\n",
      "templates/main.j2": '{% include "parts/x.j2" %}\n',
      "templates/parts/x.j2": "x\n",
      "other.md": "# unrelated\n",
    });
    dirs.push(dir);
    const result = await dependentsOf(["prompts/partials/footer.md", path.join(dir, "templates/parts/x.j2"), "other.md", "prompts/root.md"], dir);
    expect(result).toEqual([
      { changed: "prompts/partials/footer.md", dependents: [path.join(dir, "customers/a.md"), path.join(dir, "customers/b.md"), path.join(dir, "prompts/base.md")] },
      { changed: path.join(dir, "templates/parts/x.j2"), dependents: [path.join(dir, "templates/main.j2")] },
      { changed: "prompts/root.md", dependents: [path.join(dir, "customers/a.md"), path.join(dir, "customers/b.md"), path.join(dir, "prompts/base.md")] },
    ]);
  });

  it("finds a fork whose file starts with a byte order mark, as composition reads it", async () => {
    const files = { ...FILES, "customers/bom.md": "\uFEFF---\nextends: ../prompts/base.md\n---\n## Tone\n\nBe terse.\n" };
    const { out, dir } = await run("json", files);
    const forks = (JSON.parse(out) as { bases: { base: string; forks: { fork: string }[] }[] }).bases[0]!.forks.map((f) => f.fork);
    expect(forks).toContain("customers/bom.md");
    expect(await dependentsOf(["prompts/base.md"], dir)).toEqual([
      { changed: "prompts/base.md", dependents: ["customers/acme.md", "customers/bom.md", "customers/copy.md"].map((f) => path.join(dir, f)) },
    ]);
  });

  it("uses git's file list (ignored files are not prompts) and still finds dependents of a deleted partial", async () => {
    const dir = writeFiles({
      ".gitignore": "build/\n",
      "p.hbs": "{{> gone}}\n",
      "build/copy.md": "---\nextends: ../base.md\n---\n",
      "base.md": "# B\n",
      "fork.md": "---\nextends: base.md\n---\n",
    });
    dirs.push(dir);
    execFileSync("git", ["init", "-q"], { cwd: dir });
    const result = await dependentsOf(["gone.hbs", "base.md"], dir);
    expect(result).toEqual([
      { changed: "gone.hbs", dependents: [path.join(dir, "p.hbs")] },
      { changed: "base.md", dependents: [path.join(dir, "fork.md")] },
    ]);
  });

  it("terminates on cycles", async () => {
    const dir = writeFiles({ "a.md": "---\nextends: b.md\n---\n", "b.md": "---\nextends: a.md\n---\n" });
    dirs.push(dir);
    expect(await dependentsOf(["a.md"], dir)).toEqual([{ changed: "a.md", dependents: [path.join(dir, "b.md")] }]);
  });
});

describe("diffLines", () => {
  it("pairs removed and added lines of one edit as changed, ignoring blank lines and trailing spaces", () => {
    expect(diffLines("a\nb\n\nc\nd\n", "a\nB  \nc\nd\ne\n")).toMatchObject({ added: 1, removed: 0, changed: 1, unchanged: 3, baseLines: 4, forkLines: 5 });
    expect(diffLines("a\nb\nc\n", "x\n")).toMatchObject({ added: 0, removed: 2, changed: 1 });
  });

  it("stays fast on large, fully different texts", () => {
    const a = Array.from({ length: 5000 }, (_, i) => `base ${i}`).join("\n");
    const b = Array.from({ length: 5000 }, (_, i) => `fork ${i}`).join("\n");
    const start = performance.now();
    expect(diffLines(a, b)).toMatchObject({ changed: 5000, added: 0, removed: 0 });
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
