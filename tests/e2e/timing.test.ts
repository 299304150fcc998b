/** PROMPTVET_TIMING=1 tells where a run's time went, on stderr, without changing the report. */
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, promptvet } from "./repo.js";

describe("PROMPTVET_TIMING", () => {
  it("prints phases and the slowest rules to stderr; the report is unchanged", () => {
    const plain = promptvet(["--no-cache", "--format", "json", "examples/"], PROJECT_ROOT);
    const timed = promptvet(["--no-cache", "--format", "json", "examples/"], PROJECT_ROOT, { PROMPTVET_TIMING: "1" });
    expect(timed.status).toBe(plain.status);
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).not.toContain("promptvet timing");
    const lines = timed.stderr.split("\n");
    expect(lines[0]).toBe("promptvet timing (PROMPTVET_TIMING)");
    const phase = (name: string) => Number(/([\d.]+) ms/.exec(lines.find((l) => l.trimStart().startsWith(name)) ?? "")?.[1]);
    for (const name of ["start-up", "parse", "rules", "report", "total"]) expect(phase(name), name).toBeGreaterThanOrEqual(0);
    expect(phase("total")).toBeGreaterThan(phase("start-up"));
    expect(phase("total")).toBeGreaterThanOrEqual(phase("rules"));
    // Every enabled rule family shows up, and the slowest list names real rules.
    expect(timed.stderr).toMatch(/^ {4}pii {2,}/m);
    expect(timed.stderr).toMatch(/^ {4}contradiction {2,}/m);
    const slowest = lines.slice(lines.indexOf("  slowest rules:") + 1).filter((l) => l.startsWith("    "));
    expect(slowest.length).toBeGreaterThan(5);
    for (const line of slowest) expect(line).toMatch(/^ {4}[a-z-]+\/[a-z-]+ +[\d.]+ ms$/);
  });
});
