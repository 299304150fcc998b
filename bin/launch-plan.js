// What the launcher decides before it loads the bundle, kept apart so that tests can hold each decision against
// the bundle's own (tests/cli/launch-plan.test.ts): both must agree, or a run pays for work it cannot use.
"use strict";
const os = require("node:os");
const path = require("node:path");

/** Not a subcommand, help or version: the run a hook makes. */
function isLintRun(args) {
  const first = args.find((a) => !a.startsWith("-"));
  if (["init", "rules", "explain", "tokens", "eval", "forks", "lsp"].includes(first)) return false;
  return !args.some((a) => ["-h", "--help", "-v", "--version"].includes(a));
}

// Options with which the bundle never records a run (src/cli/run-recording.ts, isRepeatableRun). A record's key
// holds the arguments, so looking one up for such a run would only find nothing; skipping the lookup saves it.
const UNRECORDED = /^(?:--(?:promptvet-lint-worker|no-cache|fix|fix-suggestions|staged|changed-since|output-file|with-dependents|eval|require-eval|update-baselines|cache-location)(?:=.*)?|-o.*)$/;

/** Whether a recorded run may answer for this one: a lint run, not `promptvet hook`, with no option that is never recorded. */
function mayReplay(args, env) {
  if (!isLintRun(args) || args.find((a) => !a.startsWith("-")) === "hook" || env.PROMPTVET_RUN_MEMO === "off") return false;
  return !args.some((a) => UNRECORDED.test(a));
}

/** The user's cache folder (XDG on Unix, LOCALAPPDATA on Windows, else ~/.cache); undefined when there is none. */
function userCacheFolder(env, homedir = os.homedir()) {
  if (env.XDG_CACHE_HOME) return env.XDG_CACHE_HOME;
  if (env.LOCALAPPDATA) return env.LOCALAPPDATA;
  return homedir ? path.join(homedir, ".cache") : undefined;
}

module.exports = { isLintRun, mayReplay, userCacheFolder };
