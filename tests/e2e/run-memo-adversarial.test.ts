/**
 * Runs the run record must not repeat: each case makes a recorded run, then changes something a repeat would
 * get wrong (a report file it wrote, a fault it met, git state outside HEAD's own files, the user running it)
 * and checks the next run gives what a full run gives.
 */
import { spawnSync } from "node:child_process";
import { chownSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { git, makeRepo, PROMPTVET_BIN, promptvet, write, type RunResult } from "./repo.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Changes younger than this keep a run from being recorded (the run memo's guard against same-tick edits). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2200));
const MARK = "replayed-from-the-record\n";
const CONFIG = 'files: ["prompts/**/*.md"]\nmodel: gpt-4o\n';
const SMALL = "# Support\n\nYou are the support assistant. Be brief.\n";
/** SMALL grown by far more than budget/growth's thresholds. */
const BIG = `${SMALL}\n${Array.from({ length: 60 }, (_, i) => `Rule ${i}: answer the customer politely and check the order number before replying.`).join("\n")}\n`;

function newRepo(): string {
  const repo = makeRepo("promptvet-run-memo-adv-");
  cleanups.push(repo.cleanup);
  write(repo.dir, "promptvet.config.yaml", CONFIG);
  return repo.dir;
}

function commitAll(dir: string, message = "change"): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
}

const runsFolder = (gitDir: string) => path.join(gitDir, "promptvet", "runs");
const records = (gitDir: string) => (existsSync(runsFolder(gitDir)) ? readdirSync(runsFolder(gitDir)).filter((n) => n.endsWith(".json")) : []);

/** Replaces every recorded report with a marker, so a run shows whether it was repeated from the record. */
function markRecords(gitDir: string): void {
  for (const name of records(gitDir)) {
    const file = path.join(runsFolder(gitDir), name);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), stdout: MARK }));
  }
}

const plain = (r: RunResult) => ({ status: r.status, stdout: r.stdout, stderr: r.stderr });

/** Records `args`, checks the record is repeated, then applies `change` and expects what a full run prints. */
async function expectFullRunAfter(dir: string, args: string[], change: () => void, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  await settle();
  promptvet(args, dir, env);
  expect(records(path.join(dir, ".git")).length).toBeGreaterThan(0);
  markRecords(path.join(dir, ".git"));
  expect(promptvet(args, dir, env).stdout).toBe(MARK);
  change();
  const after = promptvet(args, dir, env);
  expect(after.stdout).not.toBe(MARK);
  expect(plain(after)).toEqual(plain(promptvet(args, dir, { ...env, PROMPTVET_RUN_MEMO: "off" })));
  return after;
}

describe("runs the record must not repeat", () => {
  it("writes a report file named by --format NAME:FILE on every run", async () => {
    const dir = newRepo();
    write(dir, "prompts/a.md", "# A\n\nWrite to jane.roe@gmail.com.\n");
    commitAll(dir);
    await settle();
    const args = ["--format", "json:out/report.json", "--format", "compact"];
    promptvet(args, dir);
    rmSync(path.join(dir, "out"), { recursive: true });
    const again = promptvet(args, dir);
    expect(again.stdout).toContain("pii/email");
    expect(existsSync(path.join(dir, "out", "report.json"))).toBe(true);
  }, 60_000);

  it("does not repeat a warning about a result cache fault that the run repaired", async () => {
    const dir = newRepo();
    write(dir, "prompts/a.md", "# A\n\nWrite to jane.roe@gmail.com.\n");
    commitAll(dir);
    promptvet(["--format", "compact"], dir);
    writeFileSync(path.join(dir, ".git", "promptvet", "results.json"), "{not json");
    await settle();
    const faulty = promptvet(["--format", "compact"], dir);
    expect(faulty.stderr).toContain("result cache");
    const next = promptvet(["--format", "compact"], dir);
    expect(next.stderr).toBe("");
    expect(next.stdout).toBe(faulty.stdout);
  }, 60_000);

  it("runs in full when HEAD's content changes through a replace ref or a branch HEAD reaches through another", async () => {
    for (const how of ["replace", "symref"] as const) {
      const dir = newRepo();
      write(dir, "prompts/s.md", SMALL);
      commitAll(dir, "small");
      const small = git(dir, "rev-parse", "HEAD").trim();
      git(dir, "checkout", "-q", "-b", "big");
      write(dir, "prompts/s.md", BIG);
      commitAll(dir, "big");
      const big = git(dir, "rev-parse", "HEAD").trim();
      git(dir, "checkout", "-q", "main");
      write(dir, "prompts/s.md", BIG);
      if (how === "symref") {
        git(dir, "symbolic-ref", "refs/heads/current", "refs/heads/main");
        git(dir, "symbolic-ref", "HEAD", "refs/heads/current");
      }
      const grown = promptvet(["--format", "compact"], dir);
      expect(grown.stdout).toContain("budget/growth");
      const after = await expectFullRunAfter(dir, ["--format", "compact"], () => {
        if (how === "replace") git(dir, "replace", small, big);
        else git(dir, "update-ref", "refs/heads/main", big);
      });
      expect(after.stdout).not.toContain("budget/growth");
    }
  }, 90_000);

  it("runs in full after a commit on a detached HEAD, with packed refs, and in a linked worktree", async () => {
    for (const how of ["detached", "packed", "worktree"] as const) {
      const repo = newRepo();
      write(repo, "prompts/s.md", SMALL);
      commitAll(repo, "small");
      let dir = repo;
      if (how === "detached") git(repo, "checkout", "-q", "--detach");
      if (how === "packed") git(repo, "pack-refs", "--all");
      if (how === "worktree") {
        dir = path.join(repo, "linked");
        git(repo, "worktree", "add", "-q", "-b", "side", dir);
      }
      write(dir, "prompts/s.md", BIG);
      const gitDir = how === "worktree" ? path.join(repo, ".git", "worktrees", "linked") : path.join(repo, ".git");
      await settle();
      expect(promptvet(["--format", "compact"], dir).stdout).toContain("budget/growth");
      expect(records(gitDir)).toHaveLength(1);
      markRecords(gitDir);
      expect(promptvet(["--format", "compact"], dir).stdout).toBe(MARK);
      commitAll(dir, "big");
      if (how === "packed") git(repo, "pack-refs", "--all");
      const after = promptvet(["--format", "compact"], dir);
      expect(after.stdout).not.toContain("budget/growth");
      expect(plain(after)).toEqual(plain(promptvet(["--format", "compact"], dir, { PROMPTVET_RUN_MEMO: "off" })));
    }
  }, 90_000);

  it("writes nothing into a working tree's folder named .git that git does not take for a repository", async () => {
    const dir = newRepo();
    write(dir, "prompts/s.md", "# S\n\nWrite to jane.roe@gmail.com.\n");
    commitAll(dir);
    const nested = path.join(dir, "vendor", "copy");
    mkdirSync(path.join(nested, ".git"), { recursive: true });
    promptvet(["--format", "compact", "../.."], nested);
    await settle();
    const result = promptvet(["--format", "compact", "../.."], nested);
    expect(result.stdout).toContain("pii/email");
    expect(readdirSync(path.join(nested, ".git"))).toEqual([]);
  }, 60_000);

  it("leaves no temporary file behind when a record cannot be written", async () => {
    const dir = newRepo();
    write(dir, "prompts/s.md", "# S\n\nWrite to jane.roe@gmail.com.\n");
    commitAll(dir);
    promptvet(["--format", "compact"], dir);
    await settle();
    promptvet(["--format", "compact"], dir);
    const [name] = records(path.join(dir, ".git"));
    const record = path.join(runsFolder(path.join(dir, ".git")), name!);
    rmSync(record);
    mkdirSync(record);
    const full = promptvet(["--format", "compact"], dir);
    expect(full.stdout).toContain("pii/email");
    expect(readdirSync(runsFolder(path.join(dir, ".git"))).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  const asRoot = process.getuid?.() === 0;
  it.skipIf(!asRoot)("does not repeat one user's run to another (a file one of them cannot read)", async (context) => {
    const dir = newRepo();
    // The other user must be able to pass through the temp folder; the test changes no folder it did not make.
    if ((statSync(path.dirname(dir)).mode & 0o001) === 0) {
      console.warn(`[promptvet] ${path.dirname(dir)} is closed to other users: the two-user run-record test is skipped`);
      context.skip();
    }
    write(dir, "prompts/s.md", "# S\n\nWrite to jane.roe@gmail.com.\n");
    write(dir, "prompts/t.md", "# T\n\nWrite to sam.kerr@outlook.com.\n");
    commitAll(dir);
    spawnSync("chown", ["-R", "65534:65534", dir]);
    chownSync(path.join(dir, "prompts", "s.md"), 0, 0);
    chmodSync(path.join(dir, "prompts", "s.md"), 0o600);
    // One environment for both users: git trusts the folder for both.
    const env = { PATH: process.env.PATH, HOME: "/nonexistent", NO_COLOR: "1", CI: "true", PROMPTVET_COMPILE_CACHE: "off", GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "safe.directory", GIT_CONFIG_VALUE_0: "*" };
    const as = (user?: { uid: number; gid: number }) => {
      const r = spawnSync(process.execPath, [PROMPTVET_BIN, "--format", "compact"], { cwd: dir, encoding: "utf8", env, ...user });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const nobody = { uid: 65534, gid: 65534 };
    as(nobody);
    await settle();
    expect(as(nobody).stdout).toContain("Cannot read file");
    const root = as();
    expect(root.stdout).not.toContain("Cannot read file");
    expect(root.stdout).toContain("jane");
  }, 60_000);
});
