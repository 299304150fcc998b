import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "working-directory"?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(root, "action.yml"), "utf8")) as Action;
const workflow = parse(readFileSync(path.join(root, "examples/workflows/promptvet.yml"), "utf8")) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};

/** `${{ ... }}` expressions in a text. */
function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]!);
}

describe("action.yml", () => {
  it("is a composite action with the documented inputs", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs).sort()).toEqual(["changed-since", "config", "fail-on", "formats", "working-directory"]);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(typeof (input.default ?? ""), name).toBe("string");
    }
    expect(action.inputs["fail-on"]!.default).toBe("error");
    expect(action.inputs["formats"]!.default).toBe("github markdown:$GITHUB_STEP_SUMMARY sarif:promptvet.sarif");
  });

  it("has well-formed steps: run steps declare a shell, ids are unique, expressions name real inputs and steps", () => {
    const ids = action.runs.steps.map((s) => s.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of action.runs.steps) {
      expect(!!step.run !== !!step.uses, JSON.stringify(step)).toBe(true);
      if (step.run) expect(step.shell).toBe("bash");
      // No expression inside a script: inputs and event data arrive through env only.
      if (step.run) expect(expressions(step.run)).toEqual([]);
      const text = JSON.stringify({ ...step, run: undefined });
      for (const expr of expressions(text)) {
        for (const m of expr.matchAll(/inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(m[1]);
        for (const m of expr.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids).toContain(m[1]);
      }
    }
    for (const output of Object.values(action.outputs)) {
      const [expr] = expressions(output.value);
      const m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr!);
      expect(m, output.value).not.toBeNull();
      expect(ids).toContain(m![1]);
      // The step writes that output.
      const step = action.runs.steps.find((s) => s.id === m![1])!;
      expect(step.run).toContain(`echo "${m![2]}=`);
    }
    const every = JSON.stringify(action.runs.steps);
    for (const input of Object.keys(action.inputs)) expect(every, `input ${input} is unused`).toContain(`inputs.${input}`);
    expect(action.runs.steps.find((s) => s.uses?.startsWith("actions/setup-node@"))!.if).toBe("steps.node.outputs.needed == 'true'");
  });

  it("the example workflow uses only the action's inputs and uploads its SARIF output", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "workflow_dispatch"]);
    expect(workflow.permissions["security-events"]).toBe("write");
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
    expect(checkout.with?.["fetch-depth"]).toBe(0);
    const use = steps.find((s) => s.uses && /(^\.\/?$|promptvet@)/.test(s.uses))!;
    expect(use.id).toBeTruthy();
    for (const key of Object.keys(use.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    expect(["error", "warning", "never"]).toContain(use.with!["fail-on"]);
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(upload.with!["sarif_file"]).toBe(`\${{ steps.${use.id}.outputs.sarif-file }}`);
    expect(Object.keys(action.outputs)).toContain("sarif-file");
    expect(upload.if).toContain("always()");
  });
});

/** Runs the action's script in a temporary git repository with a stub promptvet that records its arguments. */
describe("action.yml script", () => {
  const script = action.runs.steps.find((s) => s.id === "promptvet")!.run!;
  const nodeCheck = action.runs.steps.find((s) => s.id === "node")!.run!;
  let dir: string;
  let baseSha: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "promptvet-action-"));
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
    git("init", "-q", "-b", "main");
    git("config", "user.email", "ci@example.invalid");
    git("config", "user.name", "CI");
    writeFileSync(path.join(dir, "a.prompt.md"), "one\n");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    baseSha = git("rev-parse", "HEAD");
    writeFileSync(path.join(dir, "a.prompt.md"), "two\n");
    git("commit", "-q", "-am", "change");
    // A stub installed as a dependency: records argv and writes the JSON report it is asked for.
    const pkg = path.join(dir, "node_modules/promptvet");
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "promptvet", version: "9.9.9", bin: { promptvet: "cli.js" } }));
    writeFileSync(
      path.join(pkg, "cli.js"),
      `const fs = require("fs");
const args = process.argv.slice(2);
fs.writeFileSync(process.env.STUB_LOG, JSON.stringify(args));
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--format" && args[i + 1].startsWith("json:")) {
    fs.writeFileSync(args[i + 1].slice(5), JSON.stringify([{ errorCount: +process.env.STUB_ERRORS, warningCount: +process.env.STUB_WARNINGS }]));
  }
}
console.log("::error file=a.prompt.md,line=1::stub finding");
process.exit(+process.env.STUB_EXIT);
`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(env: Record<string, string>, stub: { errors?: number; warnings?: number; exit?: number } = {}) {
    const outFile = path.join(dir, "gh-output");
    writeFileSync(outFile, "");
    const log = path.join(dir, "stub-log.json");
    rmSync(log, { force: true });
    const res = spawnSync("bash", ["-c", script], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_OUTPUT: outFile,
        GITHUB_STEP_SUMMARY: path.join(dir, "summary.md"),
        GITHUB_ACTION_PATH: root,
        RUNNER_TEMP: dir,
        INPUT_FORMATS: action.inputs["formats"]!.default!,
        INPUT_FAIL_ON: "error",
        INPUT_CONFIG: "",
        INPUT_CHANGED_SINCE: "",
        EVENT_NAME: "pull_request",
        PR_BASE_SHA: "",
        PUSH_BEFORE: "",
        MERGE_GROUP_BASE_SHA: "",
        STUB_LOG: log,
        STUB_ERRORS: String(stub.errors ?? 0),
        STUB_WARNINGS: String(stub.warnings ?? 0),
        STUB_EXIT: String(stub.exit ?? ((stub.errors ?? 0) > 0 ? 1 : 0)),
        ...env,
      },
    });
    let args: string[] = [];
    try {
      args = JSON.parse(readFileSync(log, "utf8")) as string[];
    } catch {
      // the stub did not run
    }
    const outputs = Object.fromEntries(
      readFileSync(outFile, "utf8").split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    return { status: res.status, stdout: res.stdout, stderr: res.stderr, args, outputs };
  }

  it("the Node check finds this Node good enough", () => {
    const out = path.join(dir, "node-output");
    writeFileSync(out, "");
    const res = spawnSync("bash", ["-c", nodeCheck], { env: { PATH: process.env.PATH, GITHUB_OUTPUT: out }, encoding: "utf8" });
    expect(res.status).toBe(0);
    expect(readFileSync(out, "utf8").trim()).toBe("needed=false");
  });

  it("on a pull request: compares with the base, writes annotations, summary and SARIF, fails on errors", () => {
    const r = run({ PR_BASE_SHA: baseSha }, { errors: 2, warnings: 1 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.args.slice(0, 6)).toEqual(["--format", "github", "--format", `markdown:${path.join(dir, "summary.md")}`, "--format", "sarif:promptvet.sarif"]);
    expect(r.args[7]).toMatch(/^json:.*promptvet-.*\.json$/);
    expect(r.args.slice(8)).toEqual(["--changed-since", baseSha]);
    expect(r.stdout).toContain("::error file=a.prompt.md,line=1::stub finding");
    expect(r.outputs).toEqual({ "exit-code": "1", "sarif-file": path.join(dir, "promptvet.sarif"), errors: "2", warnings: "1" });
  });

  it("on workflow_dispatch and on the first push of a branch: lints everything instead of failing", () => {
    expect(run({ EVENT_NAME: "workflow_dispatch" }).args).not.toContain("--changed-since");
    const push = run({ EVENT_NAME: "push", PUSH_BEFORE: "0000000000000000000000000000000000000000" });
    expect(push.status).toBe(0);
    expect(push.args).not.toContain("--changed-since");
    expect(run({ EVENT_NAME: "push", PUSH_BEFORE: baseSha }).args.slice(-2)).toEqual(["--changed-since", baseSha]);
    expect(run({ PR_BASE_SHA: baseSha, INPUT_CHANGED_SINCE: "none" }).args).not.toContain("--changed-since");
  });

  it("falls back to linting everything, with a warning, when the base cannot be found", () => {
    const r = run({ PR_BASE_SHA: "1234567890123456789012345678901234567890" });
    expect(r.status).toBe(0);
    expect(r.args).not.toContain("--changed-since");
    expect(r.stdout).toMatch(/^::warning title=promptvet::No merge base with 1234567890123456789012345678901234567890 was found/m);
  });

  it("applies fail-on to the counts", () => {
    expect(run({ INPUT_FAIL_ON: "never" }, { errors: 3 }).status).toBe(0);
    expect(run({ INPUT_FAIL_ON: "error" }, { warnings: 3 }).status).toBe(0);
    expect(run({ INPUT_FAIL_ON: "warning" }, { warnings: 3 }).status).toBe(1);
    expect(run({ INPUT_FAIL_ON: "warning" }).status).toBe(0);
    const bad = run({ INPUT_FAIL_ON: "sometimes" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("::error title=promptvet::fail-on must be error, warning or never");
  });

  it("always fails on a usage or configuration error, even with fail-on: never", () => {
    const r = run({ INPUT_FAIL_ON: "never" }, { exit: 2 });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("::error title=promptvet::promptvet stopped with exit code 2");
  });

  it("passes config and custom formats through, without sarif-file when no SARIF is asked for", () => {
    const r = run({ INPUT_CONFIG: "conf/promptvet.json", INPUT_FORMATS: "compact\njunit:reports/promptvet.xml" });
    expect(r.args.filter((a, i) => r.args[i - 1] === "--format").slice(0, 2)).toEqual(["compact", "junit:reports/promptvet.xml"]);
    expect(r.args).toContain("--config");
    expect(r.args[r.args.indexOf("--config") + 1]).toBe("conf/promptvet.json");
    expect(r.outputs["sarif-file"]).toBe("");
  });
});
