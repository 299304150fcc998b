/**
 * Finding the prompts of a repository and what each one is composed from (its base and its partials),
 * without composing them: one read and a frontmatter/tag scan per file.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { findIncludes, includeCandidates, readFrontmatter } from "../compose/index.js";
import { decodeFile } from "../files/decode.js";
import { detectFormat } from "../parse/detect.js";

const execFileAsync = promisify(execFile);

const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", "dist", "build", "coverage", ".next", ".venv", "venv", "__pycache__"]);
const MAX_BYTES = 2 * 1024 * 1024;

/** Files under `roots` (files or folders) with a prompt format, as absolute paths, sorted. */
export async function listPromptFiles(roots: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const root of roots) {
    const abs = path.resolve(root);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch {
      continue;
    }
    if (stat.isFile()) {
      if (detectFormat(abs)) out.add(abs);
      continue;
    }
    for (const file of (await gitFiles(abs)) ?? (await walk(abs))) if (detectFormat(file)) out.add(file);
  }
  return [...out].sort();
}

/** Tracked and untracked-but-not-ignored files under a folder, when it is inside a git work tree. */
async function gitFiles(dir: string): Promise<string[] | undefined> {
  try {
    const { stdout } = await execFileAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], { cwd: dir, maxBuffer: 256 * 1024 * 1024 });
    const files = stdout.split("\0").filter(Boolean).map((f) => path.resolve(dir, f));
    // Files deleted from the work tree but still in the index are not prompts any more.
    const present = await Promise.all(files.map(async (f) => ((await fs.stat(f).catch(() => undefined))?.isFile() ? f : undefined)));
    return present.filter((f): f is string => f !== undefined);
  } catch {
    return undefined;
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(cur, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(cur, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(full);
      } else if (e.isFile()) out.push(full);
    }
  }
  return out;
}

export async function readText(filePath: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    // Decoded as the linted file is (a UTF-16 prompt names its base and partials too); other bytes as lenient UTF-8.
    const bytes = await fs.readFile(filePath);
    const decoded = decodeFile(bytes, MAX_BYTES);
    return decoded.kind === "text" ? decoded.text : new TextDecoder("utf-8").decode(bytes);
  } catch {
    return undefined;
  }
}

export interface References {
  /** The base named by `extends` or `forked_from`. */
  base?: { target: string; kind: "extends" | "forked_from" };
  /** Files the includes resolve to (every candidate when none exists: a deleted partial still counts). */
  includes: string[];
}

/**
 * What a file is composed from. `exists` tells which candidate partial files exist, so an include resolves
 * as composition would resolve it.
 */
export function directReferences(filePath: string, text: string, exists: (file: string) => boolean): References {
  const refs: References = { includes: [] };
  const hasFrontmatter = text.startsWith("---");
  const fm = hasFrontmatter ? readFrontmatter(text) : undefined;
  const ref = fm?.extends ?? fm?.forkedFrom;
  if (ref) refs.base = { target: path.resolve(path.dirname(filePath), ref.value), kind: fm?.extends ? "extends" : "forked_from" };
  if (text.includes("{{") || text.includes("{%")) {
    const format = detectFormat(filePath) ?? "text";
    for (const tag of findIncludes(text, format, fm?.bodyStart ?? 0)) {
      const candidates = includeCandidates(filePath, tag);
      const found = candidates.find(exists);
      refs.includes.push(...(found ? [found] : candidates));
    }
  }
  return refs;
}
