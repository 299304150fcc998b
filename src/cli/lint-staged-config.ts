/**
 * Where a project configures lint-staged (every form lint-staged 16 reads), and whether that configuration runs
 * promptvet: the hook `init` writes runs promptvet itself, after lint-staged, so an entry there is one too many.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** What `init` wrote into package.json when promptvet ran through lint-staged; it removes it now. */
export const OLD_LINT_STAGED_COMMAND = "promptvet --fix --only-matching --with-dependents";

const CONFIG_FILES = [
  ".lintstagedrc",
  ".lintstagedrc.json",
  ".lintstagedrc.yaml",
  ".lintstagedrc.yml",
  ".lintstagedrc.mjs",
  ".lintstagedrc.js",
  ".lintstagedrc.cjs",
  ".lintstagedrc.mts",
  ".lintstagedrc.cts",
  ".lintstagedrc.ts",
  "lint-staged.config.mjs",
  "lint-staged.config.js",
  "lint-staged.config.cjs",
  "lint-staged.config.mts",
  "lint-staged.config.cts",
  "lint-staged.config.ts",
];

export interface LintStagedConfig {
  file: string;
  /** Some entry still calls promptvet (other than the old one `init` removes from package.json itself). */
  runsPromptvet: boolean;
}

export function findLintStagedConfigs(packageDir: string, pkg: Record<string, unknown>): LintStagedConfig[] {
  const found: LintStagedConfig[] = [];
  const entries = pkg["lint-staged"];
  if (entries && typeof entries === "object") {
    const commands = Object.values(entries as Record<string, unknown>).flatMap((v) => (Array.isArray(v) ? v : [v]));
    found.push({
      file: path.join(packageDir, "package.json"),
      runsPromptvet: commands.some((c) => typeof c === "string" && c !== OLD_LINT_STAGED_COMMAND && /\bpromptvet\b/.test(c)),
    });
  }
  for (const name of CONFIG_FILES) {
    const file = path.join(packageDir, name);
    if (existsSync(file)) found.push({ file, runsPromptvet: /\bpromptvet\b/.test(readFileSync(file, "utf8")) });
  }
  return found;
}
