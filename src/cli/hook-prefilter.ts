/**
 * The shell pre-filter of the pre-commit hook: the configured prompt globs as POSIX `case` patterns, so a
 * commit without a prompt file never starts Node. The patterns may match more than the globs (Node then
 * decides exactly) but never less. The config files themselves are among them: a commit that changes the
 * globs always reaches `promptvet hook`, which notices when the patterns it was started with are stale.
 */
import braces from "braces";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { CONFIG_FILE_NAMES } from "../config/load.js";
import type { PromptGlobSource } from "../files/collect.js";
import { relativePosix } from "../util/relative-path.js";

/** The `case` patterns (shell syntax, quoted) for staged paths relative to the git root. */
export async function prefilterPatterns(resolver: PromptGlobSource, gitRoot: string, cwd: string): Promise<string[]> {
  const globs = new Set<string>();
  const addGlobsOf = async (dir: string) => {
    const { baseDir, files } = await resolver.globsFor(dir);
    const base = relativePosix(gitRoot, baseDir);
    for (const glob of files) {
      if (glob.startsWith("!")) continue; // leaving out a negation only widens the filter
      const rooted = glob.includes("/") ? glob.replace(/^\.\//, "") : `**/${glob}`;
      globs.add(base && !base.startsWith("..") ? `${base}/${rooted}` : rooted);
    }
  };
  await addGlobsOf(cwd);
  // A config in a subfolder brings its own globs.
  for (const config of nestedConfigs(gitRoot)) await addGlobsOf(path.join(gitRoot, path.dirname(config)));
  const patterns = new Set<string>();
  for (const name of CONFIG_FILE_NAMES) for (const p of globToCasePatterns(`**/${name}`)) patterns.add(p);
  for (const glob of [...globs].sort()) for (const p of globToCasePatterns(glob)) patterns.add(p);
  return [...patterns];
}

/** A short digest of the patterns: the hook passes it to `promptvet hook`, which compares it with the config's. */
export function prefilterDigest(patterns: readonly string[]): string {
  return createHash("sha256").update(patterns.join("\n")).digest("hex").slice(0, 12);
}

/** Tracked and staged config files (paths relative to the git root), from the index: no walk of the tree. */
function nestedConfigs(gitRoot: string): string[] {
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--", ...CONFIG_FILE_NAMES.map((n) => `:(glob)**/${n}`)], {
      cwd: gitRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out.split("\0").filter((p) => p !== "" && p.includes("/"));
  } catch {
    return [];
  }
}

/**
 * One glob as `case` patterns. In `case`, `*` also matches `/`, so `**` and `*` both become `*`; a leading
 * `**\/` becomes two patterns (the root and any folder). Braces are expanded; anything this cannot express
 * exactly (extglobs, ranges) widens to `*`.
 */
export function globToCasePatterns(glob: string): string[] {
  if (/[@!+*?]\(/.test(glob) || /\{[^}]*\.\.[^}]*\}/.test(glob)) return ["*"];
  const out: string[] = [];
  for (const expanded of expandBraces(glob)) {
    if (expanded.startsWith("**/")) {
      // At the root or under any folder; a pattern that starts with `*` already covers both.
      const rest = expanded.slice(3);
      const atRoot = toCase(rest);
      out.push(atRoot);
      if (!atRoot.startsWith("*")) out.push(toCase(`*/${rest}`));
    } else {
      out.push(toCase(expanded));
    }
  }
  return out.map((p) => p.replace(/(\*)+/g, "*"));
}

function toCase(glob: string): string {
  let out = "";
  let literal = "";
  const flush = () => {
    if (literal) out += quote(literal);
    literal = "";
  };
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "\\" && i + 1 < glob.length) {
      literal += glob[++i];
    } else if (ch === "*") {
      flush();
      const start = i;
      while (glob[i + 1] === "*") i++;
      // `/**/` matches one or more separators around zero or more folders: `/` then `*` (which crosses `/`
      // here) covers them all.
      if (i > start && glob[i + 1] === "/" && (start === 0 || glob[start - 1] === "/")) i++;
      out += "*";
    } else if (ch === "?") {
      flush();
      out += "?";
    } else if (ch === "[") {
      const close = glob.indexOf("]", i + 2);
      const body = close > 0 ? glob.slice(i + 1, close) : "";
      flush();
      if (close > 0 && /^[\^!]?[\w.\- ]+$/.test(body)) {
        out += `[${body.replace(/^\^/, "!")}]`;
        i = close;
      } else {
        out += "*";
        if (close > 0) i = close;
      }
    } else {
      literal += ch;
    }
  }
  flush();
  return out;
}

/** Single-quoted for sh: literal text in a `case` pattern. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * `a/{b,c}/*.{md,txt}` -> the four plain globs, nested braces included, by `braces` (the expander of the
 * micromatch family; an escaped brace stays literal). Ranges never reach here: the caller widens them.
 */
export function expandBraces(glob: string): string[] {
  return braces.expand(glob);
}
