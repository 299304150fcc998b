/**
 * What git hands promptvet: a ref that does not exist is a usage error naming it; a submodule where a prompt
 * could be is a notice for that path, never a failed run; a large staged blob costs what the same file costs
 * from the working tree.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROMPTVET_BIN, git, makeRepo, promptvet, write } from "./repo.js";

describe("git errors are usage errors or per-file notices", () => {
  it("--changed-since with a ref git does not know is a usage error naming the ref", () => {
    const repo = makeRepo();
    try {
      write(repo.dir, "prompts/a.md", "# A\n\nBe brief.\n");
      git(repo.dir, "add", "-A");
      git(repo.dir, "commit", "-q", "-m", "a");
      const result = promptvet(["--changed-since", "origin/main"], repo.dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^promptvet: --changed-since origin\/main: no merge-base with HEAD \(git: fatal: Not a valid object name origin\/main\)\. Check the ref's name/);
      expect(result.stderr).not.toContain("internal error");
    } finally {
      repo.cleanup();
    }
  });

  it("a submodule at a prompt path is a notice for that path in --staged and --changed-since runs", () => {
    const sub = makeRepo("promptvet-submodule-");
    const repo = makeRepo();
    try {
      write(sub.dir, "x.md", "# Shared\n\nBe brief.\n");
      git(sub.dir, "add", "-A");
      git(sub.dir, "commit", "-q", "-m", "shared");
      write(repo.dir, "prompts/a.md", "# A\n\nBe brief.\n");
      git(repo.dir, "add", "-A");
      git(repo.dir, "commit", "-q", "-m", "a");
      execFileSync("git", ["-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "prompts/shared.md"], { cwd: repo.dir, stdio: "ignore" });
      write(repo.dir, "prompts/b.md", "# B\n\nBe brief.  \t\n");
      git(repo.dir, "add", "-A");

      const notice = { ruleId: null, severity: 1, message: "Not linted: this path is a git submodule, not a file; its prompts are linted in its own repository." };
      const check = (args: string[]) => {
        const result = promptvet([...args, "-f", "json"], repo.dir);
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
        const byFile = Object.fromEntries(JSON.parse(result.stdout).map((r: any) => [path.relative(repo.dir, r.filePath), r]));
        expect(byFile["prompts/shared.md"].messages).toEqual([expect.objectContaining(notice)]);
        // The run went on: the other staged prompt was linted.
        expect(byFile["prompts/b.md"].messages.map((m: any) => m.ruleId)).toContain("hygiene/trailing-whitespace");
      };
      check(["--staged"]);
      check(["--staged", "prompts/shared.md", "prompts/b.md"]);
      git(repo.dir, "commit", "-q", "-m", "submodule");
      check(["--changed-since", "HEAD~1"]);
    } finally {
      repo.cleanup();
      sub.cleanup();
    }
  });
});

describe("large staged files", () => {
  it("a 20 MB staged file costs no more than 1.5x the same file from the working tree, and is reported the same way", () => {
    const repo = makeRepo();
    try {
      const line = "Answer the customer's question about their order in two short sentences, politely.\n";
      writeFileSync(path.join(repo.dir, "big.md"), line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
      write(repo.dir, "promptvet.config.yaml", 'files: ["*.md"]\n');
      git(repo.dir, "add", "-A");
      const staged = promptvet(["--staged", "--no-cache", "-f", "json"], repo.dir);
      const worktree = promptvet(["big.md", "--no-cache", "-f", "json"], repo.dir);
      expect(JSON.parse(staged.stdout)[0].messages).toEqual(JSON.parse(worktree.stdout)[0].messages);
      expect(JSON.parse(staged.stdout)[0].messages[0].message).toMatch(/^File is 20\.0 MB, over the 10\.0 MB limit/);

      // Median of five alternating runs each: the two modes share the machine's noise.
      const timings = { staged: [] as number[], worktree: [] as number[] };
      const env = { ...process.env, NO_COLOR: "1" };
      for (let i = 0; i < 5; i++) {
        for (const [mode, args] of [["staged", ["--staged"]], ["worktree", ["big.md"]]] as const) {
          const started = process.hrtime.bigint();
          spawnSync(process.execPath, [PROMPTVET_BIN, ...args, "--no-cache"], { cwd: repo.dir, env, stdio: "ignore" });
          timings[mode].push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const ratio = median(timings.staged) / median(timings.worktree);
      expect(ratio, `staged ${median(timings.staged).toFixed(0)} ms, working tree ${median(timings.worktree).toFixed(0)} ms`).toBeLessThanOrEqual(1.5);
    } finally {
      repo.cleanup();
    }
  });
});
