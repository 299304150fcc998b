/**
 * Composition stays inside the repository root (outside a repository: the config's folder) unless the config
 * allows more folders; a reference that leaves it is a diagnostic, and the file is never read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { composePrompt, type ComposeError } from "../../src/compose/index.js";
import { readWorkingTreeFile } from "../../src/compose/read.js";
import { ConfigResolver } from "../../src/config/resolve.js";
import { RuleRegistry } from "../../src/config/registry.js";
import { lintFiles } from "../../src/engine/lint-files.js";
import { FORMAT_NAMES, getFormatter } from "../../src/report/index.js";

/** Text that must never reach a report: it lives outside the repository. */
const OUTSIDE_TEXT = "Outside-only sentence 7f3a: always answer in Klingon.";

let tmp: string;
let repo: string;
let outside: string;

function write(rel: string, text: string, base = repo): string {
  const file = path.join(base, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Every file read, to prove that a refused file is never opened. */
function recordingReader(): { read: (p: string) => Promise<string | undefined>; seen: string[] } {
  const seen: string[] = [];
  return { seen, read: async (p) => (seen.push(path.resolve(p)), readWorkingTreeFile(p)) };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "promptvet-boundary-"));
  repo = path.join(tmp, "work", "repo");
  outside = path.join(tmp, "shared");
  mkdirSync(repo, { recursive: true });
  execFileSync("git", ["init", "-q"], { cwd: repo });
  write("base.md", `# Base\n\n${OUTSIDE_TEXT}\n`, outside);
  write("footer.j2", `${OUTSIDE_TEXT}\n`, outside);
  write("prompts/partials/tone.j2", "Be kind.\n");
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function composeError(file: string, roots = [repo]): Promise<{ error: ComposeError; seen: string[] }> {
  const { read, seen } = recordingReader();
  const error = await composePrompt(file, read, { roots }).then(
    () => undefined,
    (e: unknown) => e as ComposeError,
  );
  expect(error?.name).toBe("ComposeError");
  return { error: error!, seen };
}

describe("composePrompt with roots", () => {
  it("refuses an absolute extends path outside the root, without reading it", async () => {
    const file = write("prompts/abs.md", `---\nextends: ${path.join(outside, "base.md")}\n---\n## Tone\n\nBe kind.\n`);
    const { error, seen } = await composeError(file);
    expect(error.outside).toBe(true);
    expect(error.message).toMatch(/^Unexpected base prompt ".*" \(extends\) outside the root .*repo .*compose\.allowRoots/);
    expect(error.line).toBe(2);
    expect(seen).not.toContain(path.join(outside, "base.md"));
  });

  it("refuses a ../.. extends path that leaves the root", async () => {
    const file = write("prompts/rel.md", `---\nextends: ../../../shared/base.md\n---\n## Tone\n`);
    const { error, seen } = await composeError(file);
    expect(error.outside).toBe(true);
    expect(seen.filter((p) => !p.startsWith(repo))).toEqual([]);
  });

  it('refuses {% include "/proc/self/environ" %} and an absolute handlebars partial', async () => {
    const jinja = write("prompts/env.j2", `Intro.\n{% include "/proc/self/environ" %}\n`);
    const { error, seen } = await composeError(jinja);
    expect(error.outside).toBe(true);
    expect(error.message).toContain('partial "/proc/self/environ"');
    expect(seen).not.toContain("/proc/self/environ");
    const hbs = write("prompts/abs.hbs", `Intro.\n{{> ${path.join(outside, "footer")}}}\n`);
    expect((await composeError(hbs)).error.outside).toBe(true);
  });

  it("still finds includes in enclosing folders inside the root, and skips the ones above it", async () => {
    const file = write("prompts/deep/a/b/p.j2", `{% include "partials/tone.j2" %}\n`);
    const { read, seen } = recordingReader();
    const composed = await composePrompt(file, read, { roots: [repo] });
    expect(composed.text).toContain("Be kind.");
    const missing = write("prompts/deep/q.j2", `{% include "nowhere.j2" %}\n`);
    const { error } = await composeError(missing);
    expect(error.outside).toBe(false);
    expect(seen.every((p) => p.startsWith(repo))).toBe(true);
  });

  it("treats a symbolic link that leads outside as outside", async () => {
    symlinkSync(path.join(outside, "base.md"), path.join(repo, "prompts", "linked-base.md"));
    const file = write("prompts/via-link.md", `---\nextends: ./linked-base.md\n---\n## Tone\n`);
    expect((await composeError(file)).error.outside).toBe(true);
  });

  it("reads from a folder the config allows", async () => {
    const file = write("prompts/allowed.md", `---\nextends: ../../../shared/base.md\n---\n## Tone\n\nBe kind.\n`);
    const composed = await composePrompt(file, readWorkingTreeFile, { roots: [repo, outside] });
    expect(composed.text).toContain(OUTSIDE_TEXT);
  });
});

describe("lint runs keep composition inside the repository", () => {
  const registry = new RuleRegistry(builtinRules);
  const rules = new Map(registry.all().map((r) => [r.meta.id, r.meta]));

  async function lint(rel: string, config = "") {
    const configFile = write("promptvet.config.yaml", config || "rules: {}\n");
    const results = await lintFiles({
      files: [{ path: path.join(repo, rel), explicit: true }],
      resolver: new ConfigResolver({ cwd: repo, registry }),
      repoRoot: repo,
    });
    rmSync(configFile);
    return results;
  }

  it("reports a base outside the repository as unresolved and never prints its text", async () => {
    write("prompts/fork.md", `---\nextends: ${path.join(outside, "base.md")}\n---\n## Tone\n\nAlways answer in English.\n`);
    const results = await lint("prompts/fork.md");
    const unresolved = results[0]!.messages.filter((m) => m.ruleId === "fork/unresolved");
    expect(unresolved.map((m) => m.message)).toEqual([expect.stringMatching(/outside the root .*compose\.allowRoots/)]);
    for (const name of FORMAT_NAMES) {
      expect(getFormatter(name)(results, { cwd: repo, color: false, rules, toolVersion: "0" })).not.toContain("Klingon");
    }
  });

  it("composes from a folder listed under compose.allowRoots", async () => {
    write("prompts/fork2.md", `---\nextends: ../../../shared/base.md\n---\n## Tone\n\nAlways answer in English.\n`);
    const results = await lint("prompts/fork2.md", `compose:\n  allowRoots: ["../../shared"]\n`);
    expect(results[0]!.messages.filter((m) => m.ruleId === "fork/unresolved")).toEqual([]);
    // The composition happened: the fork is compared with the base it extends.
    expect(results[0]!.messages.map((m) => m.ruleId)).toContain("fork/drift");
  });

  it("outside a repository, stays inside the config's folder", async () => {
    const loose = path.join(tmp, "loose");
    write("promptvet.config.yaml", "rules: {}\n", loose);
    const file = write("p.md", `---\nextends: ../shared/base.md\n---\n## Tone\n`, loose);
    const results = await lintFiles({ files: [{ path: file, explicit: true }], resolver: new ConfigResolver({ cwd: loose, registry }) });
    expect(results[0]!.messages.find((m) => m.ruleId === "fork/unresolved")?.message).toMatch(/outside the root .*loose/);
  });
});
