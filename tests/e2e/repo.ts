/** Real git repositories in temp folders, with promptvet, husky and lint-staged installed from this project. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const PROMPTVET_BIN = path.join(PROJECT_ROOT, "bin", "promptvet.js");

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, as?: { uid: number; gid: number }): RunResult {
  const result = spawnSync(cmd, args, {
    ...as,
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true", ...env },
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function promptvet(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  return run(process.execPath, [PROMPTVET_BIN, ...args], cwd, env);
}

/**
 * Runs promptvet as a user without root's rights (root writes to read-only files and folders): as `nobody`
 * when the tests run as root, else as the current user. The folders it uses must be open to that user.
 */
export function promptvetUnprivileged(args: string[], cwd: string): RunResult {
  const env = { PROMPTVET_COMPILE_CACHE: "off" };
  if (process.getuid?.() !== 0) return promptvet(args, cwd, env);
  return run(process.execPath, [PROMPTVET_BIN, ...args], cwd, { ...env, HOME: "/nonexistent" }, { uid: 65534, gid: 65534 });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function makeRepo(prefix = "promptvet-e2e-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.com");
  git(dir, "config", "user.name", "Dev");
  git(dir, "config", "commit.gpgsign", "false");
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Makes `node_modules` of a temp repo point at this project's husky and lint-staged (unless left out) and at
 * promptvet itself, as `npm install -D promptvet husky lint-staged` would, without touching the network.
 */
export function installTooling(dir: string, tools: { lintStaged?: boolean } = {}): void {
  const nm = path.join(dir, "node_modules");
  mkdirSync(path.join(nm, ".bin"), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules", "husky"), path.join(nm, "husky"));
  if (tools.lintStaged !== false) {
    symlinkSync(path.join(PROJECT_ROOT, "node_modules", "lint-staged"), path.join(nm, "lint-staged"));
    symlinkSync(path.join(PROJECT_ROOT, "node_modules", "lint-staged", "bin", "lint-staged.js"), path.join(nm, ".bin", "lint-staged"));
  }
  symlinkSync(PROJECT_ROOT, path.join(nm, "promptvet"));
  symlinkSync(path.join(PROJECT_ROOT, "node_modules", "husky", "bin.js"), path.join(nm, ".bin", "husky"));
  symlinkSync(PROMPTVET_BIN, path.join(nm, ".bin", "promptvet"));
  writeFileSync(path.join(dir, ".gitignore"), "node_modules/\n");
}

export function write(dir: string, rel: string, content: string): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}
