/**
 * The re-run that loads nothing: the launcher repeats a recorded plain lint run when nothing the run read,
 * probed or listed has changed, and runs in full on any change (a file's content, a new file in a new folder,
 * the config, HEAD), with the environment, or for a run that reads what the trace cannot see.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { git, makeRepo, promptvet, write, type RunResult } from "./repo.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Changes younger than this keep a run from being recorded (the run memo's guard against same-tick edits). */
const SETTLE_MS = 2200;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const MARK = "replayed-from-the-record\n";

function repoWithPrompts(): string {
  const repo = makeRepo("promptvet-run-memo-");
  cleanups.push(repo.cleanup);
  write(repo.dir, "promptvet.config.yaml", 'files: ["prompts/**/*.md"]\nmodel: gpt-4o\n');
  write(repo.dir, "prompts/support.md", "# Support\n\nYou are the support assistant. Write to jane.roe@gmail.com for refunds.\n");
  write(repo.dir, "prompts/fork.md", "---\nextends: ./support.md\n---\n\n## Style\n\nBe brief.\n");
  git(repo.dir, "add", "-A");
  git(repo.dir, "commit", "-q", "-m", "prompts");
  return repo.dir;
}

const records = (dir: string) => {
  const folder = path.join(dir, ".git", "promptvet", "runs");
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith(".json")).map((n) => path.join(folder, n)) : [];
};

/** Replaces the recorded report with a marker, so the next run shows whether it was repeated from the record. */
function markRecords(dir: string): void {
  for (const file of records(dir)) {
    const record = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...record, stdout: MARK }));
  }
}

const lint = (dir: string, env: NodeJS.ProcessEnv = {}) => promptvet(["--format", "compact"], dir, env);
const plain = (r: RunResult) => ({ status: r.status, stdout: r.stdout, stderr: r.stderr });

describe("repeating an unchanged run", () => {
  it("repeats a recorded run exactly, from a record in the git folder, and only while nothing changed", async () => {
    const dir = repoWithPrompts();
    await settle();
    const first = lint(dir);
    expect(first.stdout).toContain("pii/email");
    expect(records(dir)).toHaveLength(1);
    // The working tree holds nothing new: the record is in the git folder.
    expect(git(dir, "status", "--porcelain", "--untracked-files=all")).toBe("");
    expect(plain(lint(dir))).toEqual(plain(first));

    markRecords(dir);
    expect(lint(dir).stdout).toBe(MARK);
    // Another environment, or the memo turned off: the full run.
    expect(lint(dir, { PROMPTVET_RUN_MEMO: "off" }).stdout).toBe(first.stdout);
    expect(lint(dir, { SOME_SETTING: "1" }).stdout).toBe(first.stdout);

    // Same size, modification time set back: the change time still tells.
    const file = path.join(dir, "prompts", "support.md");
    const before = readFileSync(file, "utf8");
    const stat = statSync(file);
    writeFileSync(file, before.replace("jane.roe@gmail.com", "jane.rox@gmail.com"));
    utimesSync(file, stat.atime, stat.mtime);
    const edited = lint(dir);
    expect(edited.stdout).not.toBe(MARK);
    expect(edited.stdout).toContain("pii/email");
    expect(plain(edited)).toEqual(plain(lint(dir, { PROMPTVET_RUN_MEMO: "off" })));
  }, 60_000);

  it("runs in full after a new prompt in a new folder, a config change, a commit or a change to a base prompt", async () => {
    const dir = repoWithPrompts();
    await settle();
    const first = lint(dir);
    const change = async (what: (dir: string) => void) => {
      markRecords(dir);
      expect(lint(dir).stdout).toBe(MARK);
      what(dir);
      const result = lint(dir);
      expect(result.stdout).not.toBe(MARK);
      await settle();
      lint(dir);
      return result;
    };
    const added = await change((d) => write(d, "prompts/new/extra.md", "# Extra\n\nWrite to sam.kerr@outlook.com for help.\n"));
    expect(added.stdout).toContain("prompts/new/extra.md");
    const configured = await change((d) => write(d, "promptvet.config.yaml", 'files: ["prompts/**/*.md"]\nmodel: gpt-4o\nrules:\n  pii/email: off\n'));
    expect(configured.stdout).not.toContain("pii/email");
    await change((d) => {
      git(d, "add", "-A");
      git(d, "commit", "-q", "-m", "more");
    });
    // The composed prompt reads its base: the base is among the recorded paths.
    await change((d) => write(d, "prompts/support.md", "# Support\n\nYou are the support assistant. Refunds take 5 days.\n"));
    expect(first.status).toBe(1);
  }, 90_000);

  it("does not record a run whose files changed just before it, nor a run with --fix or --no-cache", async () => {
    const dir = repoWithPrompts();
    const fresh = lint(dir, { PROMPTVET_DEBUG_MEMO: "1" });
    expect(records(dir)).toHaveLength(0);
    // PROMPTVET_DEBUG_MEMO says why, as the README promises.
    expect(fresh.stderr).toMatch(/promptvet: run not recorded: .* changed too recently/);
    await settle();
    promptvet(["--fix", "--format", "compact"], dir);
    promptvet(["--no-cache", "--format", "compact"], dir);
    expect(records(dir)).toHaveLength(0);
    lint(dir);
    expect(records(dir)).toHaveLength(1);
  }, 60_000);
});
