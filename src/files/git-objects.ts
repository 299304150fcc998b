/**
 * Reads many git objects with a fixed number of processes: one `ls-tree` per ref, one `ls-files` for the
 * index, and one long-lived `git cat-file --batch` for every blob. Spawning `git show` per file cost about
 * 6 ms of CPU each: seven seconds on a 1,200-file run, where this costs three processes.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const MAX_LISTING = 256 * 1024 * 1024;

/** Mode of a gitlink: a submodule's commit recorded in the index or a tree, not a file. */
const GITLINK_MODE = "160000";

/**
 * `git ls-tree -r -z` / `git ls-files -s -z` output to path -> blob id (stage 0 wins for the index).
 * Submodules are not blobs: they are left out, and their paths go to `submodules` when given.
 */
export function parseObjectListing(out: string, kind: "tree" | "index", submodules?: Set<string>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of out.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const fields = entry.slice(0, tab).split(" ");
    const filePath = entry.slice(tab + 1);
    if (fields[0] === GITLINK_MODE) {
      submodules?.add(filePath);
    } else if (kind === "tree") {
      if (fields[1] === "blob" && fields[2]) ids.set(filePath, fields[2]);
    } else if (fields[1] && (fields[2] === "0" || !ids.has(filePath))) {
      ids.set(filePath, fields[1]);
    }
  }
  return ids;
}

/** Skipping more than this many bytes of an unwanted blob costs more than starting a new batch process. */
const RESTART_ABOVE = 1024 * 1024;

/** A blob git has but the caller did not want read: it is larger than the limit it asked for. */
export interface OversizedBlob {
  oversized: true;
  /** Size in bytes, from the `cat-file --batch` header. */
  size: number;
}

interface Pending {
  oid: string;
  /** Bodies larger than this are never held in memory (see `receive`). */
  limit: number;
  resolve: (bytes: Buffer | OversizedBlob | undefined) => void;
  reject: (error: Error) => void;
}

/** The answer being received: its body arrives over any number of pipe chunks. */
interface Receiving {
  pending: Pending;
  size: number;
  /** Body bytes plus the line feed that ends every answer. */
  remaining: number;
  /** Kept body chunks (none when the body is skipped), joined once when the last one arrives. */
  parts: Buffer[] | undefined;
}

/** The objects of one repository for one run; `close()` ends the batch process. */
export class GitObjectStore {
  private trees = new Map<string, Promise<Map<string, string>>>();
  private indexListing: Promise<{ ids: Map<string, string>; submodules: Set<string> }> | undefined;
  private batch: ChildProcessWithoutNullStreams | undefined;
  private queue: Pending[] = [];
  /** Header bytes received so far (a header can straddle two chunks). */
  private headerParts: Buffer[] = [];
  private receiving: Receiving | undefined;
  private failed: Error | undefined;

  /**
   * `objectsDir`: git's object folder. A blob stored there as a loose object (what `git add` writes, so every newly
   * staged file) is then read and inflated here, without passing through the batch process's pipe: a 20 MB
   * staged file came through that pipe in over a thousand chunks. Anything else (a packed object, an unreadable
   * or unexpected file) goes to `git cat-file` as before.
   */
  constructor(
    readonly repoRoot: string,
    private readonly objectsDir?: string,
  ) {}

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
  async index(): Promise<Map<string, string>> {
    return (await this.listIndex()).ids;
  }

  /** True when the index holds a submodule (a gitlink, not a file) at `relPath`. */
  async isStagedSubmodule(relPath: string): Promise<boolean> {
    return (await this.listIndex()).submodules.has(relPath);
  }

  private listIndex(): Promise<{ ids: Map<string, string>; submodules: Set<string> }> {
    this.indexListing ??= execFileAsync("git", ["ls-files", "-s", "-z"], { cwd: this.repoRoot, maxBuffer: MAX_LISTING }).then(({ stdout }) => {
      const submodules = new Set<string>();
      return { ids: parseObjectListing(stdout, "index", submodules), submodules };
    });
    return this.indexListing;
  }

  /** A blob's bytes, or undefined when git does not have it. */
  read(oid: string): Promise<Buffer | undefined>;
  /** A blob's bytes, undefined when git does not have it, or its size alone when it is larger than `limit` bytes. */
  read(oid: string, limit: number): Promise<Buffer | OversizedBlob | undefined>;
  read(oid: string, limit = Number.POSITIVE_INFINITY): Promise<Buffer | OversizedBlob | undefined> {
    const loose = this.objectsDir ? readLooseBlob(this.objectsDir, oid, limit) : undefined;
    if (loose) return Promise.resolve(loose);
    if (this.failed) return Promise.reject(this.failed);
    const batch = this.start();
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) this.hold(true);
      this.queue.push({ oid, limit, resolve, reject });
      batch.stdin.write(`${oid}\n`);
    });
  }

  /** The blob at `relPath` in `ref`, or undefined when the path does not exist there. */
  async readAt(ref: string, relPath: string): Promise<Buffer | undefined> {
    const oid = (await this.treeAt(ref)).get(relPath);
    return oid === undefined ? undefined : this.read(oid);
  }

  /** The staged blob at `relPath`, or undefined when the index has no such path. */
  readStaged(relPath: string): Promise<Buffer | undefined>;
  /** The staged blob at `relPath`, undefined when the index has no such path, or its size alone when over `limit`. */
  readStaged(relPath: string, limit: number): Promise<Buffer | OversizedBlob | undefined>;
  async readStaged(relPath: string, limit = Number.POSITIVE_INFINITY): Promise<Buffer | OversizedBlob | undefined> {
    const oid = (await this.index()).get(relPath);
    return oid === undefined ? undefined : this.read(oid, limit);
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
      // Output still in the pipe of a process given up on (see `restart`) belongs to nobody.
      if (child === this.batch) this.receive(chunk);
    });
    const fail = (error: Error) => {
      if (child !== this.batch) return;
      this.failed = new Error(`git cat-file failed: ${stderr.trim() || error.message}`);
      if (this.receiving) this.queue.unshift(this.receiving.pending);
      this.receiving = undefined;
      for (const pending of this.queue.splice(0)) pending.reject(this.failed);
      this.hold(false);
    };
    child.on("error", fail);
    // A write to a process that died (or was given up on) fails with EPIPE; its exit is reported by "close".
    child.stdin.on("error", () => {});
    child.on("close", (code) => {
      if (this.queue.length > 0 || this.receiving) fail(new Error(`exited with code ${code}`));
    });
    this.batch = child;
    // Held only while answers are awaited; an idle batch process must not keep promptvet running.
    (child.stderr as unknown as { unref?: () => void }).unref?.();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    this.hold(false);
    return child;
  }

  /**
   * Gives up on the batch process in the middle of an answer nobody wants (a blob far over its limit): a new
   * process is cheaper than piping megabytes only to drop them. Requests already sent are sent again.
   */
  private restart(): void {
    const old = this.batch;
    this.hold(false);
    this.batch = undefined;
    this.headerParts = [];
    this.receiving = undefined;
    old?.kill();
    if (this.queue.length === 0) return;
    const batch = this.start();
    this.hold(true);
    batch.stdin.write(this.queue.map((pending) => `${pending.oid}\n`).join(""));
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

  /**
   * Answers are `<oid> <type> <size>\n<bytes>\n` or `<name> missing\n`, in request order. Each chunk is looked
   * at once: body bytes are kept as they come and joined once at the end, so reading a blob costs time linear
   * in its size however the pipe splits it. The body of a blob over its limit is dropped as it streams past,
   * or, when megabytes of it are still to come, not read at all (`restart`).
   */
  private receive(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      const current = this.receiving;
      if (current) {
        const take = Math.min(current.remaining, data.length);
        current.parts?.push(data.subarray(0, take));
        current.remaining -= take;
        data = data.subarray(take);
        if (current.remaining === 0) {
          this.receiving = undefined;
          current.pending.resolve(
            current.parts ? Buffer.concat(current.parts, current.size + 1).subarray(0, current.size) : { oversized: true, size: current.size },
          );
        }
        continue;
      }
      const headerEnd = data.indexOf(10);
      if (headerEnd === -1) {
        this.headerParts.push(data);
        return;
      }
      this.headerParts.push(data.subarray(0, headerEnd));
      const header = Buffer.concat(this.headerParts).toString("utf8");
      this.headerParts = [];
      data = data.subarray(headerEnd + 1);
      const pending = this.queue.shift();
      if (!pending) continue;
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        pending.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(" ") + 1));
      if (size > pending.limit && size - data.length > RESTART_ABOVE) {
        pending.resolve({ oversized: true, size });
        this.restart();
        return;
      }
      this.receiving = { pending, size, remaining: size + 1, parts: size > pending.limit ? undefined : [] };
    }
    if (this.queue.length === 0 && !this.receiving) this.hold(false);
  }
}

/** Larger blobs are left to git (a header's size is only allocated up to this). */
const MAX_LOOSE_READ = 512 * 1024 * 1024;

/** The start of a loose object once inflated: `blob <size>` and a NUL (longer headers are not blobs). */
const LOOSE_HEADER = /^blob (\d{1,15})$/;

/**
 * A blob stored as a loose object (zlib-deflated `blob <size>\0<bytes>` in `<objects>/<2 hex>/<rest>`), or only
 * its size when that is over `limit` (read from the header, the body is not inflated). Undefined whenever it is
 * not such a file as expected: the caller then asks git.
 */
export function readLooseBlob(objectsDir: string, oid: string, limit: number): Buffer | OversizedBlob | undefined {
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(oid)) return undefined;
  try {
    const zlib = process.getBuiltinModule("node:zlib");
    const stored = readFileSync(path.join(objectsDir, oid.slice(0, 2), oid.slice(2)));
    // The header is in the first inflated bytes; a sync flush returns what the first compressed bytes give (a
    // block's code tables can take a few hundred bytes before any of it).
    let head = Buffer.alloc(0);
    for (const prefix of [512, 8192]) {
      head = zlib.inflateSync(stored.subarray(0, prefix), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      if (head.includes(0) || prefix >= stored.length) break;
    }
    const nul = head.indexOf(0);
    const header = nul > 0 ? LOOSE_HEADER.exec(head.toString("latin1", 0, nul)) : null;
    if (!header) return undefined;
    const size = Number(header[1]);
    if (size > limit) return { oversized: true, size };
    if (size > MAX_LOOSE_READ) return undefined;
    // One output buffer of the size the header gives: inflating in zlib's default 16 KB pieces and joining them
    // cost a quarter more on a 20 MB blob.
    const inflated = zlib.inflateSync(stored, { chunkSize: Math.max(64, nul + 2 + size) });
    return inflated.length === nul + 1 + size ? inflated.subarray(nul + 1) : undefined;
  } catch {
    return undefined;
  }
}
