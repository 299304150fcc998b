/**
 * The re-run that loads nothing. A plain lint run records what it printed, its exit code, and the file-system
 * state it saw: the stat data (size, mode, inode, modification and change times) of every path it read,
 * probed or listed, and of the git files that say what HEAD is. The launcher repeats such a run
 * from this record, before loading the bundle, when the same command runs in the same folder with the same
 * environment, user, promptvet build and date, and every recorded path still has exactly that stat data; any
 * difference (a file edited, added, removed or renamed in a listed folder, a config or HEAD that moved) means
 * the full run, which records anew.
 *
 * As git trusts its index, this trusts stat data, with git's guard against a file changed within the same
 * timestamp tick as the run: nothing is recorded when any recorded path changed less than two seconds before
 * the run started (the change time cannot be set back by tools). Runs that read what the trace cannot see are
 * not recorded: ES-module configs and plugins (loaded by Node's module loader), worker threads, `--fix`,
 * `--staged`, reports to files, and a cache outside the git folder. Nor are runs that met a fault a later run
 * may not meet (a file that could not be read or linted, a result cache that could not be used): a record
 * would repeat the fault after it is gone.
 *
 * The record lives in the git folder (`<git-dir>/promptvet/runs/`), never in the working tree. It holds the
 * report as printed, which is masked like every report.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { replaceFileSync } from "../files/replace-file.js";

const FORMAT = 2;
/** How long before the run a recorded path must have last changed: more than any file system's timestamp tick. */
const RACY_NS = 2_000_000_000n;
const MAX_OUTPUT = 8 * 1024 * 1024;
const MAX_RECORDS = 16;
/** Variables that differ between two invocations of one command in one shell without changing the run. */
const VOLATILE_ENV = new Set(["_", "OLDPWD", "SHLVL"]);

export interface MemoRun {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutTTY: boolean;
  stderrTTY: boolean;
  columns: number | undefined;
  /** The bundle's digest (dist/cli.cjs.sha256): another build is another run. */
  build: string;
  /** When the run started (default: now); the key holds its day. */
  now?: Date;
}

interface MemoRecord {
  format: number;
  key: string;
  /** [absolute path, stat signature] */
  paths: [string, string][];
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * The git folder of the repository `cwd` is in: the nearest `.git`, as git finds it (without its checks of a
 * valid repository: a record is only written where git's own answer agrees, see recordRun).
 */
export function gitDirOf(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, ".git");
    try {
      const stat = fs.statSync(dotGit);
      if (stat.isDirectory()) return dotGit;
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, "utf8"));
      return m ? path.resolve(dir, m[1]!) : undefined;
    } catch {
      // Not here: look in the parent.
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function commonDirOf(gitDir: string): string {
  try {
    return path.resolve(gitDir, fs.readFileSync(path.join(gitDir, "commondir"), "utf8").trim());
  } catch {
    return gitDir;
  }
}

/**
 * The git files that say what HEAD's tree is (git reads them, promptvet does not): rules compare prompts with
 * their HEAD version. HEAD and every symbolic ref it reaches (a branch may point at another), the packed refs,
 * the replace refs and grafts (which swap one commit for another) and the config (which can turn them off).
 * The index is not among them: a plain lint reads the working tree, and uses the index only to look results up
 * by blob id, which names content; `git status` rewrites the index without changing anything.
 */
function gitStatePaths(gitDir: string): string[] {
  const common = commonDirOf(gitDir);
  const paths = [
    path.join(gitDir, "HEAD"),
    path.join(common, "packed-refs"),
    path.join(common, "refs", "replace"),
    path.join(common, "info", "grafts"),
    path.join(common, "config"),
    path.join(gitDir, "config.worktree"),
  ];
  let ref = path.join(gitDir, "HEAD");
  // Git follows at most five symbolic refs.
  for (let depth = 0; depth < 6; depth++) {
    let name: string | undefined;
    try {
      name = /^ref:\s*(\S+)/.exec(fs.readFileSync(ref, "utf8"))?.[1];
    } catch {
      // Absent (a packed or unborn ref): its absence is recorded.
    }
    if (!name) break;
    paths.push(path.join(common, name), path.join(gitDir, name));
    ref = fs.existsSync(path.join(gitDir, name)) ? path.join(gitDir, name) : path.join(common, name);
  }
  return paths;
}

/** The day by UTC and by local time: date-dependent rules (model retirement) change their answer at midnight. */
export function dayOf(now: Date): string {
  return `${now.toISOString().slice(0, 10)}/${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
}

/**
 * The key of a run: everything outside the file system that can change what it prints. The user and groups
 * too: a file one user cannot read, another can.
 */
export function runKey(run: MemoRun): string {
  const env = Object.entries(run.env)
    .filter(([name]) => !VOLATILE_ENV.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const user = [process.getuid?.(), process.getgid?.(), process.getgroups?.()];
  const input = [FORMAT, run.build, process.version, process.platform, run.argv, path.resolve(run.cwd), env, user, run.stdoutTTY, run.stderrTTY, run.columns ?? 0, dayOf(run.now ?? new Date())];
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

/**
 * Variables that make git use another repository, refs or objects than the nearest `.git` folder holds: the
 * record's git state would be the wrong one, so such runs are neither recorded nor looked up.
 */
const GIT_REDIRECTS = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_REPLACE_REF_BASE", "GIT_CEILING_DIRECTORIES"];

export function gitRedirected(env: NodeJS.ProcessEnv): boolean {
  return GIT_REDIRECTS.some((name) => env[name] !== undefined);
}

/** What a path is now: `-` when absent; the target's data too for a symbolic link. */
function signature(file: string): { sig: string; changedNs: bigint } {
  let stat: fs.BigIntStats;
  try {
    stat = fs.lstatSync(file, { bigint: true });
  } catch {
    return { sig: "-", changedNs: 0n };
  }
  const own = `${stat.mode}:${stat.size}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
  const changedNs = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
  if (!stat.isSymbolicLink()) return { sig: own, changedNs };
  const target = signature(safeRealpath(file));
  return { sig: `${own}>${target.sig}`, changedNs: target.changedNs > changedNs ? target.changedNs : changedNs };
}

function safeRealpath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return `${file}\0missing`;
  }
}

const recordFile = (folder: string, key: string) => path.join(folder, `${key.slice(0, 32)}.json`);
const folderFor = (gitDir: string) => path.join(gitDir, "promptvet", "runs");

/**
 * The launcher's question: was this exact run recorded, with nothing it saw changed since? Returns what to
 * print and the exit code, or undefined for the full run. Never throws.
 */
export function replayRun(run: MemoRun): { stdout: string; stderr: string; exitCode: number } | undefined {
  try {
    if (run.env.PROMPTVET_RUN_MEMO === "off" || gitRedirected(run.env)) return undefined;
    const gitDir = gitDirOf(run.cwd);
    if (!gitDir) return undefined;
    const key = runKey(run);
    const record = JSON.parse(fs.readFileSync(recordFile(folderFor(gitDir), key), "utf8")) as MemoRecord;
    if (record.format !== FORMAT || record.key !== key || !Array.isArray(record.paths)) return undefined;
    for (const [file, sig] of record.paths) if (signature(file).sig !== sig) return undefined;
    if (typeof record.stdout !== "string" || typeof record.stderr !== "string" || !Number.isInteger(record.exitCode)) return undefined;
    return { stdout: record.stdout, stderr: record.stderr, exitCode: record.exitCode };
  } catch {
    return undefined;
  }
}

type Traced = (...args: any[]) => any;

/**
 * Records every path the process reads, probes or lists through `fs` while a run is traced. Modules call fs
 * through the module object (the bundle's imports do), so replacing its functions sees them all.
 */
export class FsTrace {
  readonly paths = new Set<string>();
  private readonly restore: (() => void)[] = [];

  start(): void {
    const names = ["readFileSync", "existsSync", "statSync", "lstatSync", "readdirSync", "openSync", "accessSync", "realpathSync", "opendirSync", "readFile", "stat", "lstat", "readdir", "open", "access", "realpath", "opendir"];
    const promiseNames = ["readFile", "stat", "lstat", "readdir", "open", "access", "realpath", "opendir"];
    for (const name of names) this.wrap(fs as unknown as Record<string, Traced>, name);
    for (const name of promiseNames) this.wrap(fs.promises as unknown as Record<string, Traced>, name);
  }

  stop(): void {
    for (const undo of this.restore.splice(0)) undo();
  }

  private wrap(target: Record<string, Traced>, name: string): void {
    const original = target[name];
    if (typeof original !== "function") return;
    const paths = this.paths;
    const traced = function (this: unknown, ...args: unknown[]) {
      const p = args[0];
      if (typeof p === "string") paths.add(path.resolve(p));
      else if (p instanceof URL && p.protocol === "file:") paths.add(fileURLToPath(p));
      else if (Buffer.isBuffer(p)) paths.add(path.resolve(p.toString()));
      return original.apply(this, args);
    };
    // realpathSync.native and friends stay reachable.
    Object.assign(traced, original);
    target[name] = traced;
    this.restore.push(() => {
      target[name] = original;
    });
  }
}

/**
 * Records a finished run for the launcher to repeat, when everything it saw is old enough to trust its stat
 * data. `key` is the run's key taken when it started (its day, its environment before the run could change
 * it); `gitDir` is git's own answer for the repository, `startedMs` when the process started
 * (performance.timeOrigin). Returns why nothing was recorded.
 */
export function recordRun(run: MemoRun, key: string, gitDirOfRun: string | undefined, traced: Iterable<string>, output: { stdout: string; stderr: string; exitCode: number }, startedMs: number): string | undefined {
  const gitDir = gitDirOf(run.cwd);
  if (!gitDir) return "not in a git repository";
  // The nearest `.git` is not always git's repository (a copied or empty `.git` folder in the working tree):
  // the record would hold another repository's HEAD, and would be written into the working tree.
  if (!gitDirOfRun || safeRealpath(gitDirOfRun) !== safeRealpath(gitDir)) return "git uses another repository than the nearest .git";
  // The key holds the day the run started; a run that crossed midnight may have answered for either day.
  if (dayOf(new Date()) !== dayOf(new Date(startedMs))) return "the day changed during the run";
  if (output.stdout.length + output.stderr.length > MAX_OUTPUT) return "output too large";
  const folder = folderFor(gitDir);
  const gitFolder = path.resolve(gitDir) + path.sep;
  const files = new Set<string>();
  // The git folder changes on every run (the result cache is written there); what matters in it is HEAD and
  // what says where it points (gitStatePaths).
  for (const file of traced) if (!(file + path.sep).startsWith(gitFolder)) files.add(file);
  for (const file of gitStatePaths(gitDir)) files.add(file);
  const started = BigInt(Math.floor(startedMs)) * 1_000_000n;
  const paths: [string, string][] = [];
  for (const file of [...files].sort()) {
    const { sig, changedNs } = signature(file);
    if (changedNs > started - RACY_NS) return `${file} changed too recently`;
    paths.push([file, sig]);
  }
  const record: MemoRecord = { format: FORMAT, key, paths, ...output };
  const target = recordFile(folder, key);
  try {
    replaceFileSync(target, JSON.stringify(record), { mode: 0o600 });
    pruneRecords(folder);
  } catch (error) {
    return `cannot write the record (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return undefined;
}

/** How old a temporary record must be to be taken for one a killed run left behind. */
const STALE_TEMPORARY_MS = 60_000;

/** Keeps the newest records (one per command a repository is linted with is enough) and no forgotten temp file. */
function pruneRecords(folder: string): void {
  const names = fs.readdirSync(folder);
  const now = Date.now();
  for (const name of names.filter((n) => n.endsWith(".tmp"))) {
    const file = path.join(folder, name);
    const written = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now;
    if (now - written > STALE_TEMPORARY_MS) fs.rmSync(file, { force: true });
  }
  const records = names.filter((name) => name.endsWith(".json"));
  if (records.length <= MAX_RECORDS) return;
  const byAge = records
    .map((name) => ({ name, mtime: fs.statSync(path.join(folder, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(MAX_RECORDS)) fs.rmSync(path.join(folder, name), { force: true });
}
