import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE_NAMES } from "../config/load.js";
import { findRepoRoot } from "../files/git.js";
import { VERSION } from "../version.js";

/**
 * lint-staged hands every staged file to promptvet, which keeps those matching the configured prompt
 * globs: the config stays the one place that says what a prompt is.
 */
export const LINT_STAGED_GLOB = "*";
export const LINT_STAGED_COMMAND = "promptvet --fix --only-matching --with-dependents";
const HUSKY_VERSION = "^9.1.7";
const LINT_STAGED_VERSION = "^16.4.0";

const CONFIG_TEMPLATE = `# promptvet configuration: https://github.com/promptvet/promptvet#configuration
$schema: ./node_modules/promptvet/schema/promptvet.schema.json
extends: promptvet:recommended
# files: ["prompts/**/*.md"]       # which files are prompts (default: common prompt file names)
# rules:
#   pii/person-name: off
`;

export const PRE_COMMIT_FRAMEWORK_ENTRY = `repos:
  - repo: https://github.com/promptvet/promptvet
    rev: v${VERSION}
    hooks:
      - id: promptvet
`;

interface InitOptions {
  cwd: string;
  stdout: NodeJS.WritableStream;
  yes?: boolean;
}

/**
 * Sets up the pre-commit hook. Idempotent: running it twice leaves the same files.
 * With a package.json: husky + lint-staged (devDependencies, `prepare`, a lint-staged entry, .husky/pre-commit).
 * Without one: a .pre-commit-config.yaml entry for the pre-commit framework.
 */
export function runInit(options: InitOptions): number {
  const root = findRepoRoot(options.cwd) ?? options.cwd;
  const say = (line: string) => options.stdout.write(`${line}\n`);
  const changed: string[] = [];

  if (!CONFIG_FILE_NAMES.some((n) => existsSync(path.join(root, n)))) {
    writeFileSync(path.join(root, "promptvet.config.yaml"), CONFIG_TEMPLATE);
    changed.push("promptvet.config.yaml");
  }

  const pkgPath = path.join(root, "package.json");
  if (!existsSync(pkgPath)) {
    const preCommitPath = path.join(root, ".pre-commit-config.yaml");
    if (!existsSync(preCommitPath)) {
      writeFileSync(preCommitPath, PRE_COMMIT_FRAMEWORK_ENTRY);
      changed.push(".pre-commit-config.yaml");
    } else if (!readFileSync(preCommitPath, "utf8").includes("id: promptvet")) {
      say("Add this to .pre-commit-config.yaml, then run `pre-commit install`:\n");
      say(PRE_COMMIT_FRAMEWORK_ENTRY);
    }
    report(say, changed, "No package.json here: using the pre-commit framework. Run `pre-commit install` to activate the hook.");
    return 0;
  }

  const raw = readFileSync(pkgPath, "utf8");
  const pkg = JSON.parse(raw) as Record<string, any>;
  const indent = /^(\s+)"/m.exec(raw)?.[1] ?? "  ";
  const before = JSON.stringify(pkg);

  pkg.devDependencies ??= {};
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  if (!deps.husky) pkg.devDependencies.husky = HUSKY_VERSION;
  if (!deps["lint-staged"]) pkg.devDependencies["lint-staged"] = LINT_STAGED_VERSION;
  if (!deps.promptvet) pkg.devDependencies.promptvet = `^${VERSION}`;

  pkg.scripts ??= {};
  const prepare: string | undefined = pkg.scripts.prepare;
  if (!prepare) pkg.scripts.prepare = "husky";
  else if (!/\bhusky\b/.test(prepare)) pkg.scripts.prepare = `${prepare} && husky`;

  const glob = LINT_STAGED_GLOB;
  const hasOtherLintStagedConfig = [".lintstagedrc", ".lintstagedrc.json", ".lintstagedrc.yaml", ".lintstagedrc.yml", ".lintstagedrc.mjs", ".lintstagedrc.js", "lint-staged.config.js", "lint-staged.config.mjs"]
    .some((n) => existsSync(path.join(root, n)));
  if (hasOtherLintStagedConfig) {
    say(`lint-staged is configured outside package.json: add this entry to it:\n  "${glob}": "${LINT_STAGED_COMMAND}"`);
  } else {
    pkg["lint-staged"] ??= {};
    const entries = pkg["lint-staged"] as Record<string, string | string[]>;
    const already = Object.values(entries).some((v) => (Array.isArray(v) ? v : [v]).some((cmd) => /\bpromptvet\b/.test(cmd)));
    if (!already) entries[glob] = LINT_STAGED_COMMAND;
  }

  if (JSON.stringify(pkg) !== before) {
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, indent)}\n`);
    changed.push("package.json");
  }

  const hookPath = path.join(root, ".husky", "pre-commit");
  const hookLine = "lint-staged";
  if (!existsSync(hookPath)) {
    mkdirSync(path.dirname(hookPath), { recursive: true });
    writeFileSync(hookPath, `${hookLine}\n`, { mode: 0o755 });
    changed.push(".husky/pre-commit");
  } else {
    const hook = readFileSync(hookPath, "utf8");
    if (!/\blint-staged\b/.test(hook)) {
      writeFileSync(hookPath, `${hook.replace(/\n*$/, "\n")}${hookLine}\n`, { mode: 0o755 });
      changed.push(".husky/pre-commit");
    }
  }

  // Activate the hooks now when husky is installed; otherwise `npm install` does it through `prepare`.
  const huskyBin = path.join(root, "node_modules", "husky", "bin.js");
  let activated = false;
  if (existsSync(huskyBin) && existsSync(path.join(root, ".git"))) {
    try {
      execFileSync(process.execPath, [huskyBin], { cwd: root, stdio: "ignore" });
      activated = true;
    } catch {
      activated = false;
    }
  }
  report(
    say,
    changed,
    activated
      ? "The pre-commit hook is active: `git commit` now lints staged prompt files."
      : "Next: run `npm install` to install husky and lint-staged; it activates the hook.",
  );
  return 0;
}

function report(say: (line: string) => void, changed: string[], next: string): void {
  if (changed.length === 0) say("promptvet is already set up here; nothing changed.");
  else say(`Updated: ${changed.join(", ")}`);
  say(next);
}
