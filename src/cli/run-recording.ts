/**
 * Which lint runs are recorded for the launcher to repeat (see run-memo.ts), and the recording itself: the
 * file-system trace from before the run's first read, and the output as written.
 */
import path from "node:path";
import type { CliOptions } from "./args.js";
import type { CliIO, LintRun } from "./lint-command.js";
import { parseFormatSpecs } from "../report/specs.js";
import { FsTrace, gitRedirected, recordRun, runKey, type MemoRun } from "./run-memo.js";

const BUILD = Symbol.for("promptvet.build");
const IMPORTED = Symbol.for("promptvet.imported");

export interface RunRecording {
  /** Call after the reports are written; records the run when nothing it did escaped the trace. */
  finish(run: LintRun, exitCode: number): void;
  /** Ends the trace and the copying of output (after finish, or when the run failed). */
  stop(): void;
}

/** Starts recording when this run is one the launcher can repeat; undefined otherwise. */
export function startRunRecording(argv: readonly string[], options: CliOptions, io: CliIO): RunRecording | undefined {
  const build = (globalThis as Record<symbol, unknown>)[BUILD];
  // Only under the launcher, which checks records: it names the build and sees every import().
  if (typeof build !== "string" || !isRepeatableRun(options, io.env)) return undefined;
  const memoRun: MemoRun = {
    argv,
    cwd: io.cwd,
    env: io.env,
    stdoutTTY: !!io.stdout.isTTY,
    stderrTTY: !!(io.stderr as { isTTY?: boolean }).isTTY,
    columns: (io.stdout as { columns?: number }).columns,
    build,
    // The day the process started, when the launcher looked the run up.
    now: new Date(performance.timeOrigin),
  };
  // Taken now: the run may change its own environment.
  const key = runKey(memoRun);
  const trace = new FsTrace();
  const output = { stdout: "", stderr: "" };
  const undo = [tee(io.stdout, (text) => (output.stdout += text)), tee(io.stderr, (text) => (output.stderr += text))];
  trace.start();
  const stop = () => {
    trace.stop();
    for (const restore of undo.splice(0)) restore();
  };
  return {
    stop,
    finish(run, exitCode) {
      stop();
      const why = unrepeatable(run, exitCode, trace.paths, io.cwd) ?? recordRun(memoRun, key, run.gitDir, trace.paths, { ...output, exitCode }, performance.timeOrigin);
      if (why && io.env.PROMPTVET_DEBUG_MEMO) io.stderr.write(`promptvet: run not recorded: ${why}\n`);
    },
  };
}

/** Why a finished run must not be repeated from a record, or undefined when it may. */
function unrepeatable(run: LintRun, exitCode: number, traced: ReadonlySet<string>, cwd: string): string | undefined {
  if (exitCode === 2) return "it failed";
  // What Node's module loader and worker threads read, the trace does not see.
  if ((globalThis as Record<symbol, unknown>)[IMPORTED] === true) return "it loaded a config or plugin module";
  if (run.filesOnWorkers > 0) return "files were linted in worker threads";
  // A fault may be gone by the next run: a record would repeat it.
  if (run.cacheFault) return "the result cache could not be used";
  const fault = run.results.find((r) => r.fatalErrorCount > 0);
  if (fault) return `${fault.filePath} could not be linted`;
  // Every file reported on was read or examined through fs: one that was not (a reader the trace cannot see)
  // would make the record blind to it.
  const unseen = run.results.find((r) => !traced.has(path.resolve(cwd, r.filePath)));
  return unseen ? `${unseen.filePath} was not traced` : undefined;
}

/**
 * A plain lint of the working tree, with nothing written but the reports to stdout and stderr and the cache in
 * git's folder. The launcher skips the record lookup for the options that make a run unrepeatable
 * (bin/launch-plan.js, held equal to this by tests/cli/launch-plan.test.ts).
 */
export function isRepeatableRun(options: CliOptions, env: NodeJS.ProcessEnv): boolean {
  return (
    options.command === "lint" &&
    options.cache &&
    !options.cacheLocation &&
    !options.fix &&
    options.fixSuggestions.length === 0 &&
    !options.staged &&
    !options.changedSince &&
    !options.withDependents &&
    !options.eval &&
    !options.requireEval &&
    !options.updateBaselines &&
    !options.outputFile &&
    !writesReportFiles(options.formats) &&
    env.PROMPTVET_RUN_MEMO !== "off" &&
    !env.PROMPTVET_TIMING &&
    !env.PROMPTVET_DEBUG &&
    !gitRedirected(env)
  );
}

/** `--format NAME:FILE`: a repeat would print and leave the file unwritten. */
function writesReportFiles(formats: readonly string[]): boolean {
  try {
    return parseFormatSpecs([...formats]).some((spec) => spec.file !== undefined);
  } catch {
    return true;
  }
}

/** Copies what is written to a stream into `sink`; returns the undo. */
function tee(stream: NodeJS.WritableStream, sink: (text: string) => void): () => void {
  const original = stream.write;
  stream.write = function (this: NodeJS.WritableStream, chunk: unknown, ...rest: unknown[]) {
    sink(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stream.write;
  return () => {
    stream.write = original;
  };
}
