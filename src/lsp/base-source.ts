/**
 * A file's text at HEAD, for the rules that compare a prompt with its committed version (growth, cache-prefix
 * churn), as a command-line run in the repository does. HEAD moves when the user commits, so its commit id is
 * asked again after a short while instead of being cached for the session; blobs come from one long-lived
 * `git cat-file --batch` per repository.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { decodeFile } from "../files/decode.js";
import { findRepoRoot } from "../files/git.js";
import { GitObjectStore } from "../files/git-objects.js";
import { relativePosix } from "../util/relative-path.js";

const execFileAsync = promisify(execFile);
const HEAD_TTL_MS = 2000;

export class BaseSources {
  private readonly repos = new Map<string, Repo | undefined>();

  /** The base of `filePath`: undefined outside a repository, before the first commit, or for a new file. */
  reader(filePath: string): { baseRef?: string; baseSource: () => Promise<string | undefined> } {
    const repo = this.repoFor(filePath);
    if (!repo) return { baseSource: async () => undefined };
    let pending: Promise<string | undefined> | undefined;
    return { baseRef: "HEAD", baseSource: () => (pending ??= repo.textAt(filePath)) };
  }

  close(): void {
    for (const repo of this.repos.values()) repo?.close();
    this.repos.clear();
  }

  private repoFor(filePath: string): Repo | undefined {
    const dir = path.dirname(filePath);
    if (!this.repos.has(dir)) {
      const root = findRepoRoot(dir);
      const existing = root ? [...this.repos.values()].find((r) => r?.root === root) : undefined;
      this.repos.set(dir, root ? (existing ?? new Repo(root)) : undefined);
    }
    return this.repos.get(dir);
  }
}

class Repo {
  private readonly store: GitObjectStore;
  private head: { id: Promise<string | undefined>; at: number } | undefined;

  constructor(readonly root: string) {
    this.store = new GitObjectStore(root);
  }

  async textAt(filePath: string): Promise<string | undefined> {
    const commit = await this.headCommit();
    if (!commit) return undefined;
    const rel = relativePosix(this.root, filePath);
    if (rel.startsWith("../")) return undefined;
    try {
      const blob = await this.store.readAt(commit, rel);
      if (!blob) return undefined;
      const decoded = decodeFile(blob, Number.MAX_SAFE_INTEGER);
      return decoded.kind === "text" ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  close(): void {
    this.store.close();
  }

  private headCommit(): Promise<string | undefined> {
    const now = Date.now();
    if (!this.head || now - this.head.at > HEAD_TTL_MS) {
      const id = execFileAsync("git", ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { cwd: this.root }).then(
        ({ stdout }) => stdout.trim() || undefined,
        () => undefined,
      );
      this.head = { id, at: now };
    }
    return this.head.id;
  }
}
