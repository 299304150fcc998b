/**
 * `--fix` never loses a prompt: killed at any moment (SIGINT, SIGKILL) every file holds either its original
 * or its fully fixed content; a concurrent run never sees an empty file; a failed write (file size limit,
 * read-only file or folder) is that file's error and the others are still fixed; an edit that lands while
 * promptvet works wins; nothing outside the repository is written through a symlink.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, watch } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMPTVET_BIN, git, makeRepo, promptvet, promptvetUnprivileged, run, write } from "./repo.js";

const FILES = 200;
let dir: string;
let originals: Map<string, string>;
let fixed: Map<string, string>;

/** A prompt with fixes in several places (a zero-width space, trailing blanks, a tab run) and some bulk. */
function prompt(i: number): string {
  const body = Array.from({ length: 30 }, (_, k) => `Step ${k} of task ${i}: answer the customer's question about order ${i * 31 + k} clearly.`).join("\n");
  return `# Prompt ${i}\n\nYou are the support assistant.\u200b \t\n\n${body}\nClose politely.   \n`;
}

function files(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(folder)) out.set(name, readFileSync(path.join(folder, name), "utf8"));
  return out;
}

function tree(name: string): string {
  const folder = path.join(dir, name);
  for (let i = 0; i < FILES; i++) write(folder, `prompts/p${String(i).padStart(3, "0")}.md`, prompt(i));
  return folder;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-fix-safety-"));
  chmodSync(dir, 0o755); // open to the unprivileged user of the read-only test
  // The fully fixed content of every file, from an uninterrupted run.
  const reference = tree("reference");
  originals = files(path.join(reference, "prompts"));
  const done = promptvet(["--fix", "--no-cache", "prompts/"], reference);
  expect(done.stderr).toBe("");
  fixed = files(path.join(reference, "prompts"));
  expect([...fixed.keys()]).toEqual([...originals.keys()]);
  for (const [name, text] of fixed) expect(text, name).not.toBe(originals.get(name));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `promptvet --fix prompts/` and kills it with `signal` once prompts were written `afterWrites` times. */
async function killDuringFix(folder: string, signal: NodeJS.Signals, afterWrites: number): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  const prompts = path.join(folder, "prompts");
  const child = spawn(process.execPath, [PROMPTVET_BIN, "--fix", "--no-cache", "prompts/"], {
    cwd: folder,
    env: { ...process.env, NO_COLOR: "1", PROMPTVET_COMPILE_CACHE: "off" },
    stdio: "ignore",
  });
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
  let renamed = 0;
  const watcher = watch(prompts, (_event, name) => {
    // Any change to a prompt's own name (an atomic rename, or an in-place write) counts as a file being written.
    if (name && /^p\d+\.md$/.test(name) && ++renamed === afterWrites) child.kill(signal);
  });
  try {
    return await exited;
  } finally {
    watcher.close();
  }
}

function expectEveryFileWhole(folder: string): { fixedCount: number; leftovers: string[] } {
  const now = files(path.join(folder, "prompts"));
  const leftovers = [...now.keys()].filter((name) => !originals.has(name));
  let fixedCount = 0;
  for (const [name, original] of originals) {
    const text = now.get(name);
    expect(text, `${name} is missing`).toBeDefined();
    expect(text!.length, `${name} is empty`).toBeGreaterThan(0);
    if (text === fixed.get(name)) fixedCount++;
    else expect(text, `${name} is neither original nor fixed`).toBe(original);
  }
  return { fixedCount, leftovers };
}

describe("--fix under kills", () => {
  // Kill moments drawn at random (printed, so a failure can be replayed), each after some files were written.
  const moments = Array.from({ length: 4 }, () => 1 + Math.floor(Math.random() * (FILES * 0.6)));
  it.each([
    ["SIGINT", moments[0]!],
    ["SIGKILL", moments[1]!],
    ["SIGINT", moments[2]!],
    ["SIGKILL", moments[3]!],
  ] as const)("%s after %i fixed files leaves every file original or fully fixed", async (signal, afterWrites) => {
    const folder = tree(`killed-${signal}-${afterWrites}`);
    const outcome = await killDuringFix(folder, signal, afterWrites);
    expect(outcome.signal).toBe(signal);
    const { fixedCount, leftovers } = expectEveryFileWhole(folder);
    expect(fixedCount).toBeGreaterThanOrEqual(afterWrites);
    expect(fixedCount).toBeLessThan(FILES);
    // Ctrl-C is handled between two writes: no temporary file is left behind (SIGKILL cannot be handled).
    if (signal === "SIGINT") expect(leftovers).toEqual([]);
    else expect(leftovers.every((name) => /^\.p\d+\.md\.promptvet-\d+-\d+-\d+\.tmp$/.test(name))).toBe(true);
  });

  it("a second run reading the files while they are fixed never sees an empty or partial file", async () => {
    const folder = tree("concurrent");
    const fixer = spawn(process.execPath, [PROMPTVET_BIN, "--fix", "--no-cache", "prompts/"], { cwd: folder, env: { ...process.env, PROMPTVET_COMPILE_CACHE: "off" }, stdio: "ignore" });
    const fixerDone = new Promise((resolve) => fixer.on("exit", resolve));
    const reports: any[][] = [];
    // Readers run back to back while the fixer does (two at most: each lints every file).
    let running = true;
    void fixerDone.then(() => (running = false));
    while ((running && reports.length < 2) || reports.length === 0) {
      const reader = await new Promise<string>((resolve) => {
        let out = "";
        const child = spawn(process.execPath, [PROMPTVET_BIN, "--no-cache", "-f", "json", "prompts/"], { cwd: folder, env: { ...process.env, PROMPTVET_COMPILE_CACHE: "off" } });
        child.stdout.on("data", (chunk) => (out += chunk));
        child.on("exit", () => resolve(out));
      });
      reports.push(JSON.parse(reader));
    }
    await fixerDone;
    for (const report of reports) {
      expect(report).toHaveLength(FILES);
      for (const result of report) {
        const problems = result.messages.filter((m: any) => m.ruleId === "hygiene/empty-file" || m.fatal);
        expect(problems, result.filePath).toEqual([]);
      }
    }
    expect(expectEveryFileWhole(folder).fixedCount).toBe(FILES);
  });
});

describe("--fix when a write fails or must not happen", () => {
  it("a file over the file size limit (ulimit -f) is that file's error; the others are fixed, the big one untouched", () => {
    const folder = path.join(dir, "ulimit");
    write(folder, "prompts/small.md", "# Small\n\nBe brief.  \t\n");
    const bigText = `# Big\n\n${"A line of a long prompt that is not short.\n".repeat(2000)}Trailing.  \t\n`;
    write(folder, "prompts/big.md", bigText);
    write(folder, "prompts/other.md", "# Other\n\nBe kind.\u200b\n");
    // 64 blocks: 32 KB where the shell counts 512-byte blocks, 64 KB where it counts 1024; big.md is 86 KB.
    const result = run("sh", ["-c", `ulimit -f 64; exec "${process.execPath}" "${PROMPTVET_BIN}" --fix --no-cache -f json prompts/`], folder, { PROMPTVET_COMPILE_CACHE: "off" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const byName = Object.fromEntries(JSON.parse(result.stdout).map((r: any) => [path.basename(r.filePath), r]));
    expect(byName["big.md"].messages[0]).toMatchObject({ ruleId: null, severity: 2, message: expect.stringMatching(/^Not fixed: the fixes could not be written: .*\(EFBIG\); the file was left unchanged\.$/) });
    expect(readFileSync(path.join(folder, "prompts/big.md"), "utf8")).toBe(bigText);
    expect(readFileSync(path.join(folder, "prompts/small.md"), "utf8")).toBe("# Small\n\nBe brief.\n");
    expect(readFileSync(path.join(folder, "prompts/other.md"), "utf8")).toBe("# Other\n\nBe kind.\n");
    expect(readdirSync(path.join(folder, "prompts")).sort()).toEqual(["big.md", "other.md", "small.md"]);
  });

  it("a read-only file and a file in a read-only folder are not fixed, each with its own error; the run goes on", () => {
    const folder = path.join(dir, "read-only");
    write(folder, "prompts/locked.md", "# Locked\n\nBe brief.  \t\n");
    write(folder, "sealed/inside.md", "# Sealed\n\nBe brief.  \t\n");
    write(folder, "prompts/open.md", "# Open\n\nBe brief.  \t\n");
    chmodSync(folder, 0o777);
    chmodSync(path.join(folder, "prompts"), 0o777);
    for (const f of ["prompts/open.md", "sealed/inside.md"]) chmodSync(path.join(folder, f), 0o666);
    chmodSync(path.join(folder, "prompts/locked.md"), 0o444);
    chmodSync(path.join(folder, "sealed"), 0o555);
    const result = promptvetUnprivileged(["--fix", "--no-cache", "-f", "json", "prompts/locked.md", "sealed/inside.md", "prompts/open.md"], folder);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const byName = Object.fromEntries(JSON.parse(result.stdout).map((r: any) => [path.basename(r.filePath), r]));
    expect(byName["locked.md"].messages[0].message).toMatch(/^Not fixed: .*permission denied .*\(EACCES\)/);
    expect(byName["inside.md"].messages[0].message).toMatch(/^Not fixed: .*\(EACCES\)/);
    // The findings still describe the file as it is on disk.
    expect(byName["locked.md"].messages.some((m: any) => m.ruleId === "hygiene/trailing-whitespace" && m.line === 3)).toBe(true);
    expect(readFileSync(path.join(folder, "prompts/locked.md"), "utf8")).toBe("# Locked\n\nBe brief.  \t\n");
    expect(statSync(path.join(folder, "prompts/locked.md")).mode & 0o777).toBe(0o444);
    expect(readFileSync(path.join(folder, "sealed/inside.md"), "utf8")).toBe("# Sealed\n\nBe brief.  \t\n");
    expect(readFileSync(path.join(folder, "prompts/open.md"), "utf8")).toBe("# Open\n\nBe brief.\n");
    chmodSync(path.join(folder, "sealed"), 0o755);
  });

  it("an edit saved while promptvet lints the file wins: the fix is refused with an error", () => {
    const folder = path.join(dir, "edited");
    // A rule that saves the file the way an editor would, while the file is being linted.
    write(folder, "rules/editor.mjs", `import { readFileSync, writeFileSync } from "node:fs";
export default { rules: { save: {
  meta: { id: "save", category: "test", docs: { description: "saves the file mid-run", recommended: false }, messages: {} },
  create() { return { document(doc) {
    const onDisk = readFileSync(doc.path, "utf8");
    if (!onDisk.includes("saved by the editor")) writeFileSync(doc.path, onDisk + "saved by the editor\\n");
  } }; },
} } };\n`);
    write(folder, "promptvet.config.yaml", "plugins:\n  t: ./rules/editor.mjs\nrules:\n  t/save: error\n");
    write(folder, "prompts/busy.md", "# Busy\n\nBe brief.  \t\n");
    write(folder, "prompts/quiet.md", "# Quiet\n\nBe brief.  \t\n");
    const result = promptvet(["--fix", "--no-cache", "-f", "json", "prompts/busy.md"], folder);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const [busy] = JSON.parse(result.stdout);
    expect(busy.messages[0]).toMatchObject({ ruleId: null, severity: 2, message: "Not fixed: it changed on disk since it was read; not fixed." });
    expect(readFileSync(path.join(folder, "prompts/busy.md"), "utf8")).toBe("# Busy\n\nBe brief.  \t\nsaved by the editor\n");
    expect(readdirSync(path.join(folder, "prompts")).sort()).toEqual(["busy.md", "quiet.md"]);
  });

  it("never writes through a symlink out of the repository; a symlink inside it has its target fixed", () => {
    const repo = makeRepo();
    const outside = mkdtempSync(path.join(os.tmpdir(), "promptvet-outside-"));
    try {
      writeFileSync(path.join(outside, "secret-notes.md"), "# Notes\n\nKeep.  \t\n");
      write(repo.dir, "prompts/real.md", "# Real\n\nBe brief.  \t\n");
      symlinkSync(path.join(outside, "secret-notes.md"), path.join(repo.dir, "prompts", "escape.md"));
      symlinkSync("real.md", path.join(repo.dir, "prompts", "alias.md"));
      writeFileSync(path.join(outside, "clean.md"), "# Clean\n\nNothing to fix.\n");
      symlinkSync(path.join(outside, "clean.md"), path.join(repo.dir, "prompts", "clean-link.md"));
      git(repo.dir, "add", "-A");
      const result = promptvet(["--fix", "--no-cache", "-f", "json", "prompts/escape.md", "prompts/alias.md", "prompts/clean-link.md"], repo.dir);
      expect(result.stderr).toBe("");
      const byName = Object.fromEntries(JSON.parse(result.stdout).map((r: any) => [path.basename(r.filePath), r]));
      expect(byName["escape.md"].messages[0]).toMatchObject({ ruleId: null, severity: 1, message: expect.stringMatching(/^Not fixed: it is a symbolic link to a file outside the repository/) });
      expect(readFileSync(path.join(outside, "secret-notes.md"), "utf8")).toBe("# Notes\n\nKeep.  \t\n");
      // Nothing to fix, nothing to say.
      expect(byName["clean-link.md"].messages).toEqual([]);
      expect(readFileSync(path.join(repo.dir, "prompts/real.md"), "utf8")).toBe("# Real\n\nBe brief.\n");
      expect(readdirSync(path.join(repo.dir, "prompts")).sort()).toEqual(["alias.md", "clean-link.md", "escape.md", "real.md"]);
      // The link itself stays a link.
      expect(readFileSync(path.join(repo.dir, "prompts/alias.md"), "utf8")).toBe("# Real\n\nBe brief.\n");
    } finally {
      repo.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

