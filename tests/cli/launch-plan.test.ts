/**
 * The launcher decides a few things before it loads the bundle (bin/launch-plan.js). Each decision must agree
 * with the bundle's own, or runs pay for work they cannot use (a record lookup that cannot succeed) or lose a
 * shortcut they could take (a replay, a compile cache in the folder the result cache uses).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_OPTIONS, parseCli } from "../../src/cli/args.js";
import { isRepeatableRun } from "../../src/cli/run-recording.js";
import { userCacheFolder } from "../../src/files/user-cache-folder.js";

const launchPlan = createRequire(import.meta.url)("../../bin/launch-plan.js") as {
  isLintRun(args: string[]): boolean;
  mayReplay(args: string[], env: NodeJS.ProcessEnv): boolean;
  userCacheFolder(env: NodeJS.ProcessEnv, homedir?: string): string | undefined;
};

/** A valid value for each option that takes one. */
const SAMPLE_VALUES: Record<string, string> = {
  format: "json",
  "output-file": "report.txt",
  "fix-suggestions": "all",
  "max-warnings": "0",
  config: "promptvet.config.yaml",
  "changed-since": "main",
  "cache-location": "cache.json",
  concurrency: "2",
  prefilter: "*.md",
};

/** Each option alone, long and short, on a folder; with what it needs to be valid. */
function sampleRuns(): string[][] {
  const runs: string[][] = [];
  for (const [name, spec] of Object.entries(CLI_OPTIONS)) {
    const value = spec.type === "string" ? [SAMPLE_VALUES[name] ?? "x"] : [];
    const needs = name === "fix-suggestions" ? ["--fix"] : [];
    runs.push([...needs, `--${name}`, ...value, "prompts/"]);
    if ("short" in spec) runs.push([...needs, `-${spec.short}`, ...value, "prompts/"]);
    if (spec.type === "string") runs.push([...needs, `--${name}=${value[0]}`, "prompts/"]);
  }
  return runs;
}

function bundleRecords(args: string[]): boolean | undefined {
  let options;
  try {
    options = parseCli(args);
  } catch {
    return undefined; // a usage error is never a run
  }
  return isRepeatableRun(options, {});
}

describe("launch plan", () => {
  const runs = sampleRuns();

  it("covers every option with a valid sample run", () => {
    expect(Object.keys(CLI_OPTIONS).length).toBeGreaterThan(20);
    const invalid = runs.filter((args) => bundleRecords(args) === undefined);
    // --prefilter belongs to `promptvet hook`, --stdio to `promptvet lsp`: neither is a lint run.
    expect(invalid.map((a) => a.find((x) => x.startsWith("-"))!.replace(/=.*/, "")).sort()).toEqual(["--prefilter", "--prefilter", "--stdio"]);
  });

  it("looks a record up for every run the bundle may record", () => {
    const lost = runs.filter((args) => bundleRecords(args) === true && !launchPlan.mayReplay(args, {}));
    expect(lost).toEqual([]);
  });

  it("skips the lookup for every option the bundle never records, but report files named in --format", () => {
    const wasted = runs.filter((args) => bundleRecords(args) === false && launchPlan.mayReplay(args, {}));
    // `--format json:report.json` writes a file, so is not recorded; the launcher does not parse format specs.
    expect(wasted).toEqual([]);
    expect(bundleRecords(["--format", "json:report.json", "prompts/"])).toBe(false);
    expect(launchPlan.mayReplay(["--format", "json:report.json", "prompts/"], {})).toBe(true);
  });

  it("tells lint runs from subcommands as the bundle does", () => {
    for (const args of [["prompts/"], [], ["init"], ["rules"], ["explain", "pii/email"], ["tokens", "a.md"], ["eval"], ["forks"], ["lsp"], ["hook"], ["--help"], ["-v"], ["--quiet", "prompts/"]]) {
      let command: string;
      try {
        command = parseCli(args).command;
      } catch {
        continue;
      }
      // `hook` lints too; the launcher treats it as a lint run for the compile cache and never replays it.
      expect([args.join(" "), launchPlan.isLintRun(args)]).toEqual([args.join(" "), command === "lint" || command === "hook"]);
    }
    expect(launchPlan.mayReplay(["hook"], {})).toBe(false);
    expect(launchPlan.mayReplay(["prompts/"], { PROMPTVET_RUN_MEMO: "off" })).toBe(false);
  });

  it("keeps its compile cache in the user cache folder the result cache uses", () => {
    const home = path.join(path.sep, "home", "someone");
    for (const env of [{}, { XDG_CACHE_HOME: "/x/cache" }, { LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" }, { XDG_CACHE_HOME: "", LOCALAPPDATA: "/l" }, { XDG_CACHE_HOME: "/x", LOCALAPPDATA: "/l" }]) {
      expect(launchPlan.userCacheFolder(env, home)).toBe(userCacheFolder(env, home));
      expect(launchPlan.userCacheFolder(env, "")).toBe(userCacheFolder(env, ""));
    }
    expect(userCacheFolder({}, home)).toBe(path.join(home, ".cache"));
    expect(userCacheFolder({}, "")).toBeUndefined();
  });
});
