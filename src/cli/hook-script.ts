/**
 * The block `promptvet init` writes into `.husky/pre-commit`. Git runs hooks from the top of the working tree;
 * the block asks git for the staged paths, matches them against the prompt globs as `case` patterns, and
 * starts promptvet only when one matches: a commit of code alone costs one `git diff`, no Node start.
 * It calls the installed bin directly (`npx` costs half a second per call).
 */
export const HOOK_BLOCK_START = "# >>> promptvet (written by `npx promptvet init`; run it again after changing the prompt globs)";
export const HOOK_BLOCK_END = "# <<< promptvet";

export interface HookBlockOptions {
  /** The `case` patterns of the staged paths (relative to the git root) that need promptvet. */
  patterns: readonly string[];
  /** Their digest: promptvet compares it with the config's and says when the block is stale. */
  digest: string;
  /** The package folder relative to the git root ("" at the root), where promptvet is installed and runs. */
  packageDir: string;
}

export function hookBlock(options: HookBlockOptions): string {
  const { packageDir } = options;
  const lines = [HOOK_BLOCK_START];
  lines.push(
    "promptvet_needed=$(git -c core.quotePath=false diff --cached --name-only --no-renames --diff-filter=ACMRD | while IFS= read -r f; do",
    '  case "$f" in',
    // git quotes a name with a newline, a tab or a quote even with core.quotePath=false: let promptvet decide.
    `    '"'* | \\`,
    ...patternLines(options.patterns),
    "      echo yes; break ;;",
    "  esac",
    "done)",
    'if [ -n "$promptvet_needed" ]; then',
  );
  const candidates = packageDir
    ? [`"$PWD/${shellPath(packageDir)}/node_modules/.bin/promptvet"`, '"$PWD/node_modules/.bin/promptvet"']
    : ['"$PWD/node_modules/.bin/promptvet"'];
  lines.push(
    "  promptvet_bin=promptvet",
    `  for c in ${candidates.join(" ")}; do`,
    '    if [ -x "$c" ]; then promptvet_bin=$c; break; fi',
    "  done",
  );
  const run = `"$promptvet_bin" hook --prefilter ${options.digest}`;
  lines.push(packageDir ? `  (cd "${shellPath(packageDir)}" && ${run}) || exit $?` : `  ${run} || exit $?`, "fi", HOOK_BLOCK_END);
  return `${lines.join("\n")}\n`;
}

/** The hook file with the promptvet block (re)placed last: after lint-staged or formatters, it checks what they staged. */
export function withHookBlock(existing: string | undefined, block: string): string {
  const rest = existing === undefined ? "" : withoutHookBlock(existing).replace(/\n*$/, "");
  return rest ? `${rest}\n${block}` : block;
}

export function withoutHookBlock(text: string): string {
  const start = text.indexOf(HOOK_BLOCK_START);
  if (start < 0) return text;
  const end = text.indexOf(HOOK_BLOCK_END, start);
  if (end < 0) return text;
  const after = text.indexOf("\n", end);
  return text.slice(0, start) + (after < 0 ? "" : text.slice(after + 1));
}

/** The digest the hook file's block was written with, if it has one. */
export function blockDigest(text: string): string | undefined {
  return /hook --prefilter ([0-9a-f]+)/.exec(text)?.[1];
}

function patternLines(patterns: readonly string[]): string[] {
  const lines: string[] = [];
  const perLine = 4;
  for (let i = 0; i < patterns.length; i += perLine) {
    const chunk = patterns.slice(i, i + perLine).join(" | ");
    lines.push(i + perLine >= patterns.length ? `    ${chunk})` : `    ${chunk} | \\`);
  }
  return lines;
}

/** A path inside double quotes in sh. */
function shellPath(p: string): string {
  return p.replace(/["\\$`]/g, "\\$&");
}
