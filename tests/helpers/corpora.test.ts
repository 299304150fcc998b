/**
 * A reference check never passes by not running: with the corpora missing it skips with a message on a
 * developer's machine and fails under CI=true. Proven by running a probe test in a vitest of its own.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function probe(env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "tests/helpers/probe/vitest.config.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", PROMPTVET_CORPORA: path.join(root, "no-such-corpora"), ...env },
    timeout: 60_000,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("a missing corpus", () => {
  it("fails the run under CI=true, naming what could not run", () => {
    const { status, output } = probe({ CI: "true" });
    expect(status, output).toBe(1);
    expect(output).toContain("has the corpus for the probe's reference check");
    expect(output).toContain("no-such-corpora is missing");
  }, 60_000);

  it("skips with a visible message otherwise", () => {
    const { status, output } = probe({ CI: undefined });
    expect(status, output).toBe(0);
    expect(output).toContain("SKIPPED: the probe's reference check needs");
    expect(output).toMatch(/1 skipped/);
  }, 60_000);
});
