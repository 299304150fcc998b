import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../files/collect.js";

export interface CliOptions {
  command: "lint" | "init" | "hook" | "rules" | "explain" | "tokens" | "eval" | "forks" | "lsp" | "help" | "version";
  positionals: string[];
  formats: string[];
  outputFile?: string;
  fix: boolean;
  fixSuggestions: string[];
  maxWarnings?: number;
  config?: string;
  quiet: boolean;
  color?: boolean;
  staged: boolean;
  changedSince?: string;
  eval: boolean;
  requireEval: boolean;
  updateBaselines: boolean;
  onlyMatching: boolean;
  withDependents: boolean;
  cache: boolean;
  cacheLocation?: string;
  /** Threads for linting: a number, "auto" (one per core on large runs) or "off". */
  concurrency: number | "auto" | "off";
  yes: boolean;
  /** `promptvet hook --prefilter <digest>`: the digest of the file-name filter the hook script was written with. */
  prefilter?: string;
}

const COMMANDS = new Set(["init", "hook", "rules", "explain", "tokens", "eval", "forks", "lsp"]);

export const HELP = `promptvet — lint LLM prompt files before they are committed

Usage:
  promptvet [files, folders or globs...]     lint (no arguments: the configured prompt files)
  promptvet init                             set up the pre-commit hook (husky)
  promptvet hook                             what the pre-commit hook runs: lint the staged prompt
                                             files, fix and re-stage the fully staged ones
  promptvet rules                            list the rules
  promptvet explain <rule-id>                show a rule's documentation
  promptvet tokens [files] [--format table|json]
  promptvet eval [files]                     run the smoke eval of changed prompts
  promptvet forks [--format table|json|markdown]
  promptvet lsp [--stdio]                    run the language server for editors (over stdio)

Options:
  --staged                  lint the staged content from the git index, not the working tree
  --changed-since <ref>     lint files changed since the merge-base of <ref> and HEAD
  --fix                     apply safe fixes and write them to the files
  --fix-suggestions <rule>  with --fix, also apply the first suggestion of these rules or
                            categories (e.g. pii): meaning-changing edits, only when asked
  -f, --format <name[:file]>  stylish (default), json, sarif, github, markdown, junit, compact;
                            repeatable, each to stdout or to its file
  -o, --output-file <file>  write the (first) report to a file
  --only-matching           of the named files, lint only those matching the configured prompt
                            globs (for hooks that pass every staged file)
  --with-dependents         also lint the prompts that extend or include the named files
                            (always on with --staged and --changed-since)
  --max-warnings <n>        exit 1 when there are more than n warnings (-1: no limit)
  -c, --config <path>       use this config file for every file
  --quiet                   report errors only
  --no-color                plain output
  --eval                    also run the smoke eval of the changed prompts
  --require-eval            fail when the smoke eval cannot run (no provider configured)
  --update-baselines        re-record the smoke-eval baselines
  --no-cache                do not read or write the result cache
  --cache-location <file>   where the result cache lives
  --concurrency <n>         threads for large runs: a number, auto (default: one per
                            physical core once there are enough files) or off
  -h, --help, -v, --version

Exit codes: 0 no errors, 1 lint errors (or warnings over --max-warnings), 2 usage, config or internal error.`;

/** Every option the CLI takes, as node:util parseArgs reads them. */
export const CLI_OPTIONS = {
  format: { type: "string", short: "f", multiple: true },
  "output-file": { type: "string", short: "o" },
  fix: { type: "boolean", default: false },
  "fix-suggestions": { type: "string", multiple: true },
  "max-warnings": { type: "string" },
  config: { type: "string", short: "c" },
  quiet: { type: "boolean", default: false },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  staged: { type: "boolean", default: false },
  "changed-since": { type: "string" },
  eval: { type: "boolean", default: false },
  "require-eval": { type: "boolean", default: false },
  "update-baselines": { type: "boolean", default: false },
  "only-matching": { type: "boolean", default: false },
  "with-dependents": { type: "boolean", default: false },
  cache: { type: "boolean" },
  "no-cache": { type: "boolean" },
  "cache-location": { type: "string" },
  concurrency: { type: "string" },
  yes: { type: "boolean", short: "y", default: false },
  prefilter: { type: "string" },
  // Editors start language servers with --stdio; it is the only transport, so it changes nothing.
  stdio: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
} satisfies NonNullable<ParseArgsConfig["options"]>;

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeNumbers(argv),
      allowPositionals: true,
      strict: true,
      options: CLI_OPTIONS,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  let command: CliOptions["command"] = "lint";
  let rest = positionals;
  if (positionals.length > 0 && COMMANDS.has(positionals[0]!)) {
    command = positionals[0] as CliOptions["command"];
    rest = positionals.slice(1);
  }
  if (values.help) command = "help";
  if (values.version) command = "version";

  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
      throw new UsageError(`--max-warnings expects a whole number (-1 for no limit), got "${values["max-warnings"]}"`);
    }
  }
  if (values.staged && values["changed-since"]) throw new UsageError("--staged and --changed-since cannot be combined");
  if (values.staged && values.fix) {
    throw new UsageError("--fix cannot be combined with --staged: fixes are written to the working tree. Use `promptvet hook` (what the hook `promptvet init` writes runs), which fixes the fully staged files and stages them again.");
  }
  if (values["fix-suggestions"] && !values.fix) throw new UsageError("--fix-suggestions needs --fix");
  if (values.prefilter !== undefined && command !== "hook") throw new UsageError("--prefilter is an option of `promptvet hook`");
  if (command === "hook" && (values.staged || values["changed-since"] || values.fix)) {
    throw new UsageError("promptvet hook reads the staged files itself and fixes the fully staged ones: it takes no --staged, --changed-since or --fix");
  }
  if (values.stdio && command !== "lsp") throw new UsageError("--stdio is an option of `promptvet lsp`");
  const concurrency = parseConcurrency(values.concurrency);

  return {
    command,
    positionals: rest,
    formats: values.format ?? [],
    outputFile: values["output-file"],
    fix: values.fix ?? false,
    fixSuggestions: values["fix-suggestions"] ?? [],
    maxWarnings: maxWarnings === -1 ? undefined : maxWarnings,
    config: values.config,
    quiet: values.quiet ?? false,
    color: values["no-color"] ? false : values.color,
    staged: values.staged ?? false,
    changedSince: values["changed-since"],
    eval: values.eval ?? false,
    requireEval: values["require-eval"] ?? false,
    updateBaselines: values["update-baselines"] ?? false,
    onlyMatching: values["only-matching"] ?? false,
    withDependents: values["with-dependents"] ?? false,
    cache: values["no-cache"] ? false : (values.cache ?? true),
    cacheLocation: values["cache-location"],
    concurrency,
    yes: values.yes ?? false,
    prefilter: values.prefilter,
  };
}

/** Options whose value may be a negative number (`--max-warnings -1`, ESLint's "no limit"). */
const NUMERIC_OPTIONS = new Set(["--max-warnings"]);

/** `--max-warnings -1` as `--max-warnings=-1`: parseArgs takes a value starting with a dash for an option. */
function joinNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (NUMERIC_OPTIONS.has(arg) && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function parseConcurrency(value: string | undefined): CliOptions["concurrency"] {
  if (value === undefined || value === "auto") return "auto";
  if (value === "off") return "off";
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency expects a whole number of threads, "auto" or "off", got "${value}"`);
  return n;
}
