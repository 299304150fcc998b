/**
 * Reads many git objects with a fixed number of processes: one `ls-tree` per ref, one `ls-files` for the
 * index, and one long-lived `git cat-file --batch` for every blob. Spawning `git show` per file cost about
 * 6 ms of CPU each: seven seconds on a 1,200-file run, where this costs three processes.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const MAX_LISTING = 256 * 1024 * 1024;

/** `git ls-tree -r -z` / `git ls-files -s -z` output to path -> blob id (stage 0 wins for the index). */
export function parseObjectListing(out: string, kind: "tree" | "index"): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of out.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const fields = entry.slice(0, tab).split(" ");
    const filePath = entry.slice(tab + 1);
    if (kind === "tree") {
      if (fields[1] === "blob" && fields[2]) ids.set(filePath, fields[2]);
    } else if (fields[1] && (fields[2] === "0" || !ids.has(filePath))) {
      ids.set(filePath, fields[1]);
    }
  }
  return ids;
}

interface Pending {
  resolve: (bytes: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

/** The objects of one repository for one run; `close()` ends the batch process. */
export class GitObjectStore {
  private trees = new Map<string, Promise<Map<string, string>>>();
  private indexIds: Promise<Map<string, string>> | undefined;
  private batch: ChildProcessWithoutNullStreams | undefined;
  private queue: Pending[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor(readonly repoRoot: string) {}

  /** Blob ids of every file at `ref`, by repo-relative `/` path. */
  treeAt(ref: string): Promise<Map<string, string>> {
    let tree = this.trees.get(ref);
    if (!tree) {
      tree = execFileAsync("git", ["ls-tree", "-r", "-z", "--full-tree", ref], { cwd: this.repoRoot, maxBuffer: MAX_LISTING }).then(
        ({ stdout }) => parseObjectListing(stdout, "tree"),
      );
      this.trees.set(ref, tree);
    }
    return tree;
  }

  /** Blob ids of the index (what the next commit will hold). */
  index(): Promise<Map<string, string>> {
    this.indexIds ??= execFileAsync("git", ["ls-files", "-s", "-z"], { cwd: this.repoRoot, maxBuffer: MAX_LISTING }).then(({ stdout }) =>
      parseObjectListing(stdout, "index"),
    );
    return this.indexIds;
  }

  /** A blob's bytes, or undefined when git does not have it. */
  read(oid: string): Promise<Buffer | undefined> {
    if (this.failed) return Promise.reject(this.failed);
    const batch = this.start();
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) this.hold(true);
      this.queue.push({ resolve, reject });
      batch.stdin.write(`${oid}\n`);
    });
  }

  /** The blob at `relPath` in `ref`, or undefined when the path does not exist there. */
  async readAt(ref: string, relPath: string): Promise<Buffer | undefined> {
    const oid = (await this.treeAt(ref)).get(relPath);
    return oid === undefined ? undefined : this.read(oid);
  }

  /** The staged blob at `relPath`, or undefined when the index has no such path. */
  async readStaged(relPath: string): Promise<Buffer | undefined> {
    const oid = (await this.index()).get(relPath);
    return oid === undefined ? undefined : this.read(oid);
  }

  close(): void {
    this.batch?.stdin.end();
    this.batch = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.batch) return this.batch;
    const child = spawn("git", ["cat-file", "--batch"], { cwd: this.repoRoot, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.stdout.on("data", (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.drain();
    });
    const fail = (error: Error) => {
      this.failed = new Error(`git cat-file failed: ${stderr.trim() || error.message}`);
      for (const pending of this.queue.splice(0)) pending.reject(this.failed);
      this.hold(false);
    };
    child.on("error", fail);
    child.on("close", (code) => {
      if (this.queue.length > 0) fail(new Error(`exited with code ${code}`));
    });
    this.batch = child;
    // Held only while answers are awaited; an idle batch process must not keep promptvet running.
    (child.stderr as unknown as { unref?: () => void }).unref?.();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    this.hold(false);
    return child;
  }

  private hold(waiting: boolean): void {
    const child = this.batch;
    if (!child) return;
    const stdout = child.stdout as unknown as { ref?: () => void; unref?: () => void };
    if (waiting) {
      child.ref();
      stdout.ref?.();
    } else {
      child.unref();
      stdout.unref?.();
    }
  }

  /** Answers are `<oid> <type> <size>\n<bytes>\n` or `<name> missing\n`, in request order. */
  private drain(): void {
    while (this.queue.length > 0) {
      const headerEnd = this.buffered.indexOf(10);
      if (headerEnd === -1) return;
      const header = this.buffered.toString("utf8", 0, headerEnd);
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buffered = this.buffered.subarray(headerEnd + 1);
        this.queue.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(" ") + 1));
      const bodyStart = headerEnd + 1;
      if (this.buffered.length < bodyStart + size + 1) return;
      const body = Buffer.from(this.buffered.subarray(bodyStart, bodyStart + size));
      this.buffered = this.buffered.subarray(bodyStart + size + 1);
      this.queue.shift()!.resolve(body);
    }
    if (this.queue.length === 0) this.hold(false);
  }
}
