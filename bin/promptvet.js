#!/usr/bin/env node
// Launcher. The CLI is one bundled CommonJS file (dist/cli.cjs); compiling its JavaScript is a large share of a
// pre-commit run, so the launcher hands V8 the code cache of the previous run (Node 20 has no built-in compile
// cache). The cache is an optimisation only: when it is missing, stale, rejected or unwritable, the CLI is
// compiled from source as usual. PROMPTVET_COMPILE_CACHE=off disables it; any other value names its folder.
//
// This file is CommonJS (bin/package.json says so): Node loads an ES module entry point through its
// asynchronous module loader, which cost ~25 ms of every run on a busy 2-core machine.
"use strict";
// First, before this file compiles or runs any regular expression of its own (see tuneRegExpCompilation).
tuneRegExpCompilation();
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { isAscii } = require("node:buffer");
const Module = require("node:module");
const { createRequire } = Module;
const path = require("node:path");
const vm = require("node:vm");
const { isLintRun, mayReplay, userCacheFolder } = require("./launch-plan.js");

const filename = path.join(__dirname, "..", "dist", "cli.cjs");

function cacheFolder() {
  const chosen = process.env.PROMPTVET_COMPILE_CACHE;
  if (chosen === "off" || chosen === "0") return undefined;
  if (chosen) return chosen;
  const base = userCacheFolder(process.env);
  return base ? path.join(base, "promptvet") : undefined;
}

function cacheFile() {
  const folder = cacheFolder();
  if (!folder) return undefined;
  // V8 checks only the script's length and its own version and flags, so the name must tell builds apart: the
  // build writes the bundle's digest beside it (file times do not help: npm gives installed files one date).
  const digest = readFileSync(`${filename}.sha256`, "utf8").trim().slice(0, 20);
  if (!/^[0-9a-f]{20}$/.test(digest)) return undefined;
  return path.join(folder, `cli-${process.versions.v8}-${process.arch}-${digest}.v8cache`);
}

function readCache(file) {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file, data) {
  try {
    const folder = path.dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    // Caches of earlier builds are dead weight.
    for (const name of readdirSync(folder)) {
      if (name.startsWith("cli-") && name.endsWith(".v8cache") && name !== path.basename(file)) rmSync(path.join(folder, name), { force: true });
    }
  } catch {
    // A read-only or full disk only costs the next run its head start.
  }
}

// `promptvet --version` and `--help` alone are answered here without loading the bundle, whose loading is most
// of a short run: the version from package.json, the help text from the file the build writes beside the
// bundle. Any other arguments, or a file that cannot be read, go the ordinary way.
function quickAnswer(args) {
  if (args.length !== 1) return undefined;
  try {
    if (args[0] === "--version" || args[0] === "-v") {
      const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
      return pkg.name === "promptvet" && typeof pkg.version === "string" ? `${pkg.version}\n` : undefined;
    }
    if (args[0] === "--help" || args[0] === "-h") return readFileSync(path.join(__dirname, "..", "dist", "help.txt"), "utf8");
  } catch {
    // The bundle answers instead.
  }
  return undefined;
}

// V8 compiles a regular expression to bytecode on its first use and optimises that bytecode with a pass whose
// cost grows faster than the expression's size; the contradiction extractor's vocabularies are large
// alternations, and that pass alone cost a 5-file commit about 0.2 s. Compiling each expression once, straight to
// machine code, with the pass off costs a few milliseconds and matches the same strings (both flags choose how
// V8 compiles, not what an expression means). Set before the bundle is compiled, so the code cache's flag check
// sees the same flags in every run. They are set as the launcher's first act: V8 reads them as it compiles and runs
// each expression, and an expression that was compiled and run under the default flags and then run again after
// --no-regexp-tier-up was set crashed the process (a CommonJS plugin loaded by a run whose launcher had required a
// file before the flags changed).
function tuneRegExpCompilation() {
  try {
    process.getBuiltinModule("node:v8").setFlagsFromString("--no-regexp-peephole-optimization --no-regexp-tier-up");
  } catch {
    // An engine without these flags compiles as usual.
  }
}

async function runBundle() {
  let file;
  try {
    file = cacheFile();
  } catch {
    file = undefined;
  }
  let source;
  try {
    // The build writes the bundle as ASCII, which Latin-1 decodes as UTF-8 would, several times faster.
    const bytes = readFileSync(filename);
    source = bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
  } catch (error) {
    // A checkout that was never built (npm ci builds it through the prepare script).
    process.stderr.write(`promptvet: cannot read ${filename} (${error.code ?? error.message}); run \`npm run build\` in the promptvet package.\n`);
    process.exit(2);
  }
  const cachedData = readCache(file);
  // The bundle records a plain lint run for replayUnchangedRun under this build's name.
  const build = buildDigest();
  if (build) globalThis[Symbol.for("promptvet.build")] = build;
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  // Code compiled by vm.Script cannot call import() on Node 20; the bundle imports config files and plugins
  // (ES modules) through this function instead.
  globalThis[Symbol.for("promptvet.import")] = (specifier) => {
    // What Node's module loader reads, a run's file trace does not see: such a run is not recorded.
    globalThis[Symbol.for("promptvet.imported")] = true;
    return import(specifier);
  };
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, createRequire(filename), cli, filename, path.dirname(filename));

  // Large runs lint in worker threads started from this same file (see src/engine/lint-threads.ts).
  globalThis[Symbol.for("promptvet.launcher")] = __filename;

  // Workers are started with this flag, so the main thread does not load worker_threads just to ask.
  const workerData = process.argv.includes("--promptvet-lint-worker") ? process.getBuiltinModule("node:worker_threads").workerData : undefined;
  if (workerData?.promptvetLintWorker) {
    cli.exports.lintWorkerMain(workerData.promptvetLintWorker);
  } else {
    const code = await cli.exports.main(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    });
    // Made after the run, the cache also holds the functions this run compiled lazily; after a lint run, so that
    // what it holds is what a pre-commit run needs (a first `promptvet --version` would leave it nearly empty).
    if (file && (!cachedData || script.cachedDataRejected) && isLintRun(process.argv.slice(2))) writeCache(file, script.createCachedData());
    process.exitCode = code;
  }
}

let digest;
/** The digest of the bundle, which the build writes beside it (read once); undefined when it cannot be read. */
function buildDigest() {
  if (digest !== undefined) return digest || undefined;
  try {
    const text = readFileSync(`${filename}.sha256`, "utf8").trim();
    digest = /^[0-9a-f]{64}$/.test(text) ? text : "";
  } catch {
    digest = "";
  }
  return digest || undefined;
}

// A lint run that was recorded, with nothing it read changed since, is repeated from its record without loading
// the bundle (dist/run-memo.cjs checks; see src/cli/run-memo.ts). Any doubt means the full run.
function replayUnchangedRun(args) {
  // Runs the bundle never records (src/cli/run-recording.ts) are not looked up (bin/launch-plan.js).
  if (!mayReplay(args, process.env)) return undefined;
  const build = buildDigest();
  if (!build) return undefined;
  try {
    const { replayRun } = require(path.join(__dirname, "..", "dist", "run-memo.cjs"));
    return replayRun({
      argv: args,
      cwd: process.cwd(),
      env: process.env,
      stdoutTTY: !!process.stdout.isTTY,
      stderrTTY: !!process.stderr.isTTY,
      columns: process.stdout.columns,
      build,
    });
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const quick = quickAnswer(args);
const replay = quick === undefined ? replayUnchangedRun(args) : undefined;
if (quick !== undefined) process.stdout.write(quick);
else if (replay) {
  if (replay.stdout) process.stdout.write(replay.stdout);
  if (replay.stderr) process.stderr.write(replay.stderr);
  process.exitCode = replay.exitCode;
} else runBundle();
