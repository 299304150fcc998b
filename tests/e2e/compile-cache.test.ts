/**
 * The launcher's V8 code cache is an optimisation only: the CLI's output is the same with it, without it,
 * with a corrupt cache and with an unwritable cache folder.
 */
import { createHash } from "node:crypto";
import { cpSync } from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, promptvet, run, write } from "./repo.js";

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});
const tempFolder = () => {
  const f = mkdtempSync(path.join(os.tmpdir(), "promptvet-compile-cache-"));
  folders.push(f);
  return f;
};
const lintExamples = (env: NodeJS.ProcessEnv) => promptvet(["--no-cache", "--format", "json", "examples/"], PROJECT_ROOT, env);
const cacheFiles = (folder: string) => readdirSync(folder).filter((n) => n.endsWith(".v8cache"));

describe("compile cache", () => {
  const reference = lintExamples({ PROMPTVET_COMPILE_CACHE: "off" });

  it("is written by the first run and read by the next, with identical output", () => {
    expect(reference.stdout.length).toBeGreaterThan(100);
    const folder = tempFolder();
    const first = lintExamples({ PROMPTVET_COMPILE_CACHE: folder });
    expect([first.status, first.stdout]).toEqual([reference.status, reference.stdout]);
    const [file] = cacheFiles(folder);
    // Named after the bundle's digest (V8 itself checks only the script's length).
    const bundle = readFileSync(path.join(PROJECT_ROOT, "dist", "cli.cjs"));
    const digest = createHash("sha256").update(bundle).digest("hex");
    expect(readFileSync(path.join(PROJECT_ROOT, "dist", "cli.cjs.sha256"), "utf8").trim()).toBe(digest);
    expect(file).toBe(`cli-${process.versions.v8}-${process.arch}-${digest.slice(0, 20)}.v8cache`);
    const written = statSync(path.join(folder, file!)).mtimeMs;

    const second = lintExamples({ PROMPTVET_COMPILE_CACHE: folder });
    expect([second.status, second.stdout]).toEqual([reference.status, reference.stdout]);
    // Accepted, so not written again.
    expect(statSync(path.join(folder, file!)).mtimeMs).toBe(written);
  });

  it("replaces a corrupt cache and still gives the same output", () => {
    const folder = tempFolder();
    lintExamples({ PROMPTVET_COMPILE_CACHE: folder });
    const file = path.join(folder, cacheFiles(folder)[0]!);
    writeFileSync(file, Buffer.alloc(4096, 7));
    const run = lintExamples({ PROMPTVET_COMPILE_CACHE: folder });
    expect([run.status, run.stdout]).toEqual([reference.status, reference.stdout]);
    expect(readFileSync(file).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it("still imports ES-module configs and plugins when the bundle comes from the cache", () => {
    const folder = tempFolder();
    write(folder, "project/acme.mjs", `export default { rules: { "no-internal": {
      meta: { id: "no-internal", category: "acme", docs: { description: "no internal hosts", recommended: false }, messages: { found: "Unexpected internal host, expected a public one." } },
      create(context) { return { document(doc) { const i = doc.source.indexOf("corp.internal"); if (i >= 0) context.report({ messageId: "found", range: [i, i + 13] }); } }; },
    } } };\n`);
    write(folder, "project/promptvet.config.mjs", 'export default { plugins: { acme: "./acme.mjs" }, rules: { "acme/no-internal": "error" } };\n');
    write(folder, "project/prompt.md", "Ask corp.internal.\n");
    const env = { PROMPTVET_COMPILE_CACHE: path.join(folder, "cache") };
    const runs = [1, 2].map(() => promptvet(["--no-cache", "--format", "json", "prompt.md"], path.join(folder, "project"), env));
    expect(cacheFiles(path.join(folder, "cache"))).toHaveLength(1);
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(1);
      expect(JSON.parse(run.stdout)[0].messages[0]).toMatchObject({ ruleId: "acme/no-internal", line: 1, column: 5 });
    }
  });

  it("writes nothing when turned off, and runs normally when the folder cannot be created", () => {
    const home = tempFolder();
    const off = lintExamples({ PROMPTVET_COMPILE_CACHE: "off", XDG_CACHE_HOME: home });
    expect(off.stdout).toBe(reference.stdout);
    expect(readdirSync(home)).toEqual([]);

    const blocker = path.join(tempFolder(), "a-file");
    writeFileSync(blocker, "not a folder");
    const unwritable = lintExamples({ PROMPTVET_COMPILE_CACHE: path.join(blocker, "cache") });
    expect([unwritable.status, unwritable.stdout, unwritable.stderr]).toEqual([reference.status, reference.stdout, reference.stderr]);
  });
});

describe("launcher answers without the bundle", () => {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string };
  /** A copy of the package whose bundle would fail if it were loaded: what answers then is the launcher alone. */
  const withoutBundle = () => {
    const folder = tempFolder();
    cpSync(path.join(PROJECT_ROOT, "bin"), path.join(folder, "bin"), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, "package.json"), path.join(folder, "package.json"));
    cpSync(path.join(PROJECT_ROOT, "dist", "help.txt"), path.join(folder, "dist", "help.txt"));
    writeFileSync(path.join(folder, "dist", "cli.cjs"), 'throw new Error("the bundle was loaded");\n');
    return folder;
  };
  const launch = (folder: string, args: string[]) => run(process.execPath, [path.join(folder, "bin", "promptvet.js"), ...args], folder);

  it("gives the bundle's own --version and --help text", () => {
    const version = promptvet(["--version"], PROJECT_ROOT);
    expect(version).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    // The bundle's answer to the same question, reached through an argument the launcher leaves to it.
    const bundleHelp = promptvet(["--help", "--quiet"], PROJECT_ROOT);
    expect(bundleHelp.status).toBe(0);
    expect(promptvet(["--help"], PROJECT_ROOT).stdout).toBe(bundleHelp.stdout);
    expect(promptvet(["-h"], PROJECT_ROOT).stdout).toBe(bundleHelp.stdout);
    expect(promptvet(["--version", "--quiet"], PROJECT_ROOT).stdout).toBe(version.stdout);

    const folder = withoutBundle();
    expect(launch(folder, ["-v"])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    expect(launch(folder, ["--help"])).toMatchObject({ status: 0, stdout: bundleHelp.stdout });
    // Anything else goes to the bundle.
    expect(launch(folder, ["--version", "--quiet"]).stderr).toContain("the bundle was loaded");
  });

  it("falls back to the bundle when the help file is missing", () => {
    const folder = withoutBundle();
    rmSync(path.join(folder, "dist", "help.txt"));
    expect(launch(folder, ["--help"]).stderr).toContain("the bundle was loaded");
  });
});
