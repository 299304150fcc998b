/**
 * Every test's temp files go under a folder of this run (TMPDIR points there for the test processes and
 * what they start), and the run fails when a test left anything in it: tests clean up after themselves.
 */
import { chmodSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  // realpath: macOS's /var is a link to /private/var, and tests compare paths.
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "promptvet-test-run-")));
  // mkdtemp makes the folder 0700; tests that run promptvet as an unprivileged user (read-only files and
  // caches cannot be simulated as root) need to reach their own folders inside it.
  chmodSync(dir, 0o755);
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (left.length > 0) {
      // vitest reports a teardown error but keeps its exit code: set it, so the run fails.
      process.exitCode = 1;
      throw new Error(`tests left ${left.length} entries in the temp folder (each test must remove what it creates): ${left.sort().join(", ")}`);
    }
  };
}
