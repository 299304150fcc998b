import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE_NAMES } from "../config/load.js";
import type { RuleRegistry } from "../config/registry.js";
import { ConfigResolver } from "../config/resolve.js";
import { writeFileAtomically } from "../files/atomic-write.js";
import { findRepoRoot } from "../files/git.js";
import { relativePosix } from "../util/relative-path.js";
import { VERSION } from "../version.js";
import { hookBlock, withHookBlock } from "./hook-script.js";
import { prefilterDigest, prefilterPatterns } from "./hook-prefilter.js";
import { findLintStagedConfigs, OLD_LINT_STAGED_COMMAND } from "./lint-staged-config.js";

const HUSKY_VERSION = "^9.1.7";

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
  registry: RuleRegistry;
  yes?: boolean;
}

/**
 * Sets up the pre-commit hook. Idempotent: running it twice leaves the same files.
 * With a package.json (here or in a folder above, inside the repository): husky runs `.husky/pre-commit`, whose
 * promptvet block starts `promptvet hook` when a staged path matches the prompt globs.
 * Without one: a .pre-commit-config.yaml entry for the pre-commit framework.
 * It says the hook is active only after checking that git will run it.
 */
export async function runInit(options: InitOptions): Promise<number> {
  const gitRoot = findRepoRoot(options.cwd);
  const say = (line: string) => options.stdout.write(`${line}\n`);
  if (!gitRoot) {
    say("promptvet init sets up a git pre-commit hook: run it inside a git repository (`git init` first).");
    return 2;
  }
  const changed: string[] = [];
  const notes: string[] = [];
  const packageDir = nearestPackageDir(options.cwd, gitRoot);
  const home = packageDir ?? gitRoot;
  const rel = (p: string) => relativePosix(options.cwd, p) || ".";

  if (!CONFIG_FILE_NAMES.some((n) => existsSync(path.join(home, n)))) {
    writeFileSync(path.join(home, "promptvet.config.yaml"), CONFIG_TEMPLATE);
    changed.push(rel(path.join(home, "promptvet.config.yaml")));
  }

  if (!packageDir) {
    const preCommitPath = path.join(gitRoot, ".pre-commit-config.yaml");
    if (!existsSync(preCommitPath)) {
      writeFileSync(preCommitPath, PRE_COMMIT_FRAMEWORK_ENTRY);
      changed.push(rel(preCommitPath));
    } else if (!readFileSync(preCommitPath, "utf8").includes("id: promptvet")) {
      say("Add this to .pre-commit-config.yaml:\n");
      say(PRE_COMMIT_FRAMEWORK_ENTRY);
    }
    report(say, changed, notes, "No package.json in this repository: using the pre-commit framework. Run `pre-commit install` to activate the hook.");
    return 0;
  }

  const packageRel = relativePosix(gitRoot, packageDir);
  const pkgPath = path.join(packageDir, "package.json");
  const raw = readFileSync(pkgPath, "utf8");
  const pkg = JSON.parse(raw) as Record<string, any>;
  const indent = /^(\s+)"/m.exec(raw)?.[1] ?? "  ";
  const before = JSON.stringify(pkg);

  pkg.devDependencies ??= {};
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  if (!deps.husky) pkg.devDependencies.husky = HUSKY_VERSION;
  if (!deps.promptvet) pkg.devDependencies.promptvet = `^${VERSION}`;

  // husky installs from the git root; a package in a subfolder points it at its own .husky folder.
  const huskyArgs = packageRel ? [`${packageRel}/.husky`] : [];
  const huskyCommand = packageRel ? `cd ${relativePosix(packageDir, gitRoot)} && husky ${packageRel}/.husky` : "husky";
  pkg.scripts ??= {};
  const prepare: string | undefined = pkg.scripts.prepare;
  if (!prepare) pkg.scripts.prepare = huskyCommand;
  else if (!/\bhusky\b/.test(prepare)) pkg.scripts.prepare = `${prepare} && ${huskyCommand}`;

  // promptvet used to run from lint-staged; the hook now runs it itself, so an entry would lint every file twice.
  const droppedOldEntry = dropOldLintStagedEntry(pkg);
  const lintStaged = findLintStagedConfigs(packageDir, pkg);
  for (const config of lintStaged.filter((c) => c.runsPromptvet)) {
    notes.push(`${rel(config.file)} runs promptvet through lint-staged: remove that entry, the pre-commit hook runs promptvet itself (after lint-staged).`);
  }

  if (JSON.stringify(pkg) !== before) {
    await writeFileAtomically(pkgPath, `${JSON.stringify(pkg, null, indent)}\n`);
    changed.push(rel(pkgPath));
  }

  const resolver = new ConfigResolver({ cwd: packageDir, registry: options.registry });
  const patterns = await prefilterPatterns(resolver, gitRoot, packageDir);
  const block = hookBlock({ patterns, digest: prefilterDigest(patterns), packageDir: packageRel });
  const hookPath = path.join(packageDir, ".husky", "pre-commit");
  const existingHook = existsSync(hookPath) ? readFileSync(hookPath, "utf8") : undefined;
  // The `lint-staged` line an earlier init wrote has nothing left to run once its entry is gone (lint-staged
  // without a config fails every commit).
  const ownLintStagedLine = droppedOldEntry && lintStaged.length === 0;
  const hook = withHookBlock(ownLintStagedLine && existingHook ? existingHook.replace(/^(npx )?lint-staged\n?/m, "") : existingHook, block);
  if (hook !== existingHook) {
    if (existingHook === undefined) {
      mkdirSync(path.dirname(hookPath), { recursive: true });
      writeFileSync(hookPath, hook, { mode: 0o755 });
    } else {
      await writeFileAtomically(hookPath, hook);
    }
    changed.push(rel(hookPath));
  }
  if (/\blint-staged\b/.test(hook.replace(block, ""))) {
    notes.push(`promptvet runs after lint-staged in ${rel(hookPath)}, so it checks what your lint-staged tasks (formatters included) staged.`);
  }

  report(say, changed, notes, activate(gitRoot, packageDir, huskyArgs, hookPath));
  return 0;
}

/** The nearest folder from `cwd` up to the git root that holds a package.json. */
function nearestPackageDir(cwd: string, gitRoot: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (dir === gitRoot || path.dirname(dir) === dir || !dir.startsWith(gitRoot)) return undefined;
  }
}

/** Removes the lint-staged entry an earlier init wrote; true when there was one. */
function dropOldLintStagedEntry(pkg: Record<string, any>): boolean {
  const entries = pkg["lint-staged"];
  if (!entries || typeof entries !== "object") return false;
  let dropped = false;
  for (const [glob, command] of Object.entries(entries)) {
    if (command === OLD_LINT_STAGED_COMMAND) {
      delete entries[glob];
      dropped = true;
    }
  }
  if (Object.keys(entries).length === 0) delete pkg["lint-staged"];
  return dropped;
}

/**
 * Activates the hooks when husky is installed, then checks what git will run: core.hooksPath pointing at
 * husky's folder, and the promptvet bin the hook calls. Returns the line that says which it is.
 */
function activate(gitRoot: string, packageDir: string, huskyArgs: string[], hookPath: string): string {
  const huskyBin = [packageDir, gitRoot].map((d) => path.join(d, "node_modules", "husky", "bin.js")).find((p) => existsSync(p));
  const promptvetBin = [packageDir, gitRoot].map((d) => path.join(d, "node_modules", ".bin", "promptvet")).find((p) => existsSync(p));
  if (!huskyBin || !promptvetBin) {
    const missing = [!huskyBin ? "husky" : "", !promptvetBin ? "promptvet" : ""].filter(Boolean).join(" and ");
    return `Next: run \`npm install\` to install ${missing}; its \`prepare\` script activates the hook. Until then, commits are not checked.`;
  }
  try {
    execFileSync(process.execPath, [huskyBin, ...huskyArgs], { cwd: gitRoot, stdio: "ignore" });
  } catch {
    // Checked below: what matters is what git will run.
  }
  const expected = path.join(path.dirname(hookPath), "_");
  let hooksPath = "";
  try {
    hooksPath = execFileSync("git", ["config", "core.hooksPath"], { cwd: gitRoot, encoding: "utf8" }).trim();
  } catch {
    hooksPath = "";
  }
  if (hooksPath && path.resolve(gitRoot, hooksPath) === expected && existsSync(path.join(expected, "pre-commit"))) {
    return "The pre-commit hook is active: `git commit` now lints staged prompt files.";
  }
  return `The hook is written but not active: git runs hooks from ${hooksPath ? `\`${hooksPath}\`` : ".git/hooks"}. Run \`npx husky${huskyArgs.length ? ` ${huskyArgs.join(" ")}` : ""}\` from the repository root to activate it.`;
}

function report(say: (line: string) => void, changed: string[], notes: string[], next: string): void {
  if (changed.length === 0) say("promptvet is already set up here; nothing changed.");
  else say(`Updated: ${changed.join(", ")}`);
  for (const note of notes) say(note);
  say(next);
}
