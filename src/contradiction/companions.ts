/**
 * Coding-agent instruction files that apply to the same code: an AGENTS.md and the AGENTS.md of a parent folder,
 * CLAUDE.md beside AGENTS.md, `.github/copilot-instructions.md` and `.github/instructions/*.instructions.md`,
 * `.cursor/rules/*.mdc` with overlapping globs. An agent reads them together, so a rule in one that contradicts a
 * rule in another is a contradiction of the prompt it receives.
 *
 * Only files inside the project are read (links count where they lead): the walk up from the linted file stops
 * at the folder that holds `.git` or a promptvet config; without one, only the linted file's own folder is looked at.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { withinRoots } from "../compose/boundary.js";
import { findFrontmatterFence } from "../parse/frontmatter-fence.js";

/** Agent memory files read for every file of their folder and its subfolders. */
const FOLDER_FILES = ["AGENTS.md", "AGENT.md", "CLAUDE.md", "GEMINI.md"];
const PROJECT_MARKERS = [".git", "promptvet.config.yaml", "promptvet.config.yml", "promptvet.config.json", "promptvet.config.js", "promptvet.config.mjs", ".promptvetrc", ".promptvetrc.json", ".promptvetrc.yaml", ".promptvetrc.yml"];

export type InstructionKind = "folder" | "copilot" | "copilot-scoped" | "cursor";

/** What kind of agent instruction file a path is, or undefined for any other file. */
export function instructionKind(filePath: string): InstructionKind | undefined {
  const base = path.basename(filePath);
  const parts = filePath.split(/[\\/]/);
  if (FOLDER_FILES.includes(base)) return "folder";
  if (base === "copilot-instructions.md" && parts[parts.length - 2] === ".github") return "copilot";
  if (base.endsWith(".instructions.md")) return "copilot-scoped";
  if (base.endsWith(".mdc") && parts[parts.length - 2] === "rules" && parts[parts.length - 3] === ".cursor") return "cursor";
  if (base === ".cursorrules") return "cursor";
  return undefined;
}

/** The folder that holds the project marker above `dir`, or undefined. */
export function projectRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (PROJECT_MARKERS.some((m) => existsSync(path.join(d, m)))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

function list(dir: string, roots: readonly string[]): string[] {
  if (!withinRoots(dir, roots)) return [];
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The globs a scoped instruction file applies to (`applyTo`, `globs`), or ["**"] when it always applies. */
export function globsOf(source: string): string[] {
  const fence = findFrontmatterFence(source);
  if (!fence || "unclosed" in fence) return ["**"];
  const frontmatter = source.slice(fence.contentRange[0], fence.contentRange[1]);
  let data: unknown;
  try {
    data = parseYaml(frontmatter);
  } catch {
    // Cursor writes `globs: **/*.py` unquoted, which YAML reads as an alias and rejects: read the line as written.
    data = plainKeys(frontmatter);
  }
  if (!data || typeof data !== "object") return ["**"];
  const d = data as Record<string, unknown>;
  if (d.alwaysApply === true) return ["**"];
  const raw = d.applyTo ?? d.globs;
  const values = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : [];
  const globs = values.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter(Boolean);
  // A Cursor rule without globs or alwaysApply is attached by hand or by description: it may apply anywhere.
  return globs.length > 0 ? globs : ["**"];
}

/** `key: value` lines of a frontmatter that is not valid YAML, values as written (quotes and brackets removed). */
function plainKeys(frontmatter: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of frontmatter.split(/\r?\n/)) {
    const m = /^([A-Za-z]\w*):[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]!.trim().replace(/^\[(.*)\]$/, "$1");
    out[m[1]!] = value === "true" ? true : value === "false" ? false : value.split(",").map((v) => v.trim().replace(/^["']|["']$/g, "")).join(",");
  }
  return out;
}

/** A glob as a folder prefix and a set of file extensions (empty: any file). */
function shapeOf(glob: string): { prefix: string; extensions: string[] } {
  const clean = glob.replace(/^\.?\//, "");
  const segments = clean.split("/");
  const prefix: string[] = [];
  for (const s of segments) {
    if (/[*?[{]/.test(s)) break;
    prefix.push(s);
  }
  const last = segments[segments.length - 1] ?? "";
  const ext = /\*\.(?:\{([^}]*)\}|([\w.-]+))$/.exec(last);
  const extensions = ext ? (ext[1] ?? ext[2]!).split(",").map((e) => e.trim().toLowerCase()) : [];
  // A plain file name ("src/index.ts") is its own prefix.
  if (prefix.length === segments.length) return { prefix: segments.slice(0, -1).join("/"), extensions: [last.split(".").pop()!.toLowerCase()] };
  return { prefix: prefix.join("/"), extensions };
}

/** Whether two glob lists can match the same file (folder prefixes nest and extensions meet). */
export function globsOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) =>
    b.some((y) => {
      const sx = shapeOf(x);
      const sy = shapeOf(y);
      const nested = sx.prefix === "" || sy.prefix === "" || sx.prefix.startsWith(`${sy.prefix}/`) || sy.prefix.startsWith(`${sx.prefix}/`) || sx.prefix === sy.prefix;
      const meet = sx.extensions.length === 0 || sy.extensions.length === 0 || sx.extensions.some((e) => sy.extensions.includes(e));
      return nested && meet;
    }),
  );
}

/**
 * The other instruction files that apply to the files the linted one applies to. `read` returns a file's text
 * (undefined when missing); globs of scoped files are read from their frontmatter.
 */
export async function companionFiles(filePath: string, source: string, readFile: (p: string) => Promise<string | undefined>): Promise<string[]> {
  const kind = instructionKind(filePath);
  if (!kind) return [];
  const dir = path.dirname(filePath);
  const root = projectRoot(dir);
  const roots = [root ?? path.resolve(dir)];
  const exists = (p: string) => withinRoots(p, roots) && existsSync(p);
  const read = async (p: string) => (withinRoots(p, roots) ? readFile(p) : undefined);
  const out: string[] = [];
  if (kind === "folder") {
    for (const name of FOLDER_FILES) if (name !== path.basename(filePath) && exists(path.join(dir, name))) out.push(path.join(dir, name));
    if (root) {
      for (let d = path.dirname(dir); d.startsWith(root) && d !== dir; d = path.dirname(d)) {
        for (const name of FOLDER_FILES) if (exists(path.join(d, name))) out.push(path.join(d, name));
        if (d === root || path.dirname(d) === d) break;
      }
    }
    return out;
  }
  if (kind === "cursor") {
    const mine = globsOf(source);
    const rulesDir = path.basename(filePath) === ".cursorrules" ? path.join(dir, ".cursor", "rules") : dir;
    for (const name of list(rulesDir, roots)) {
      const other = path.join(rulesDir, name);
      if (!name.endsWith(".mdc") || other === filePath) continue;
      const text = await read(other);
      if (text !== undefined && globsOverlap(mine, globsOf(text))) out.push(other);
    }
    return out;
  }
  // Copilot: the repository-wide file and the scoped files under .github/instructions.
  const github = kind === "copilot" ? dir : findUp(dir, ".github", root);
  if (!github) return out;
  const mine = kind === "copilot" ? ["**"] : globsOf(source);
  const general = path.join(github, "copilot-instructions.md");
  if (kind === "copilot-scoped" && exists(general)) out.push(general);
  const scopedDir = path.join(github, "instructions");
  for (const name of list(scopedDir, roots)) {
    const other = path.join(scopedDir, name);
    if (!name.endsWith(".instructions.md") || other === filePath) continue;
    const text = await read(other);
    if (text !== undefined && globsOverlap(mine, globsOf(text))) out.push(other);
  }
  return out;
}

function findUp(dir: string, name: string, root: string | undefined): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) === name) return d;
    const candidate = path.join(d, name);
    if (existsSync(candidate)) return candidate;
    if (!root || d === root || path.dirname(d) === d) return undefined;
  }
}

/** A statement of which instruction file wins ("the closest AGENTS.md takes precedence"). */
const FILE_PRECEDENCE =
  /\b(?:closest|nearest|nested|more specific|most specific|subfolder|subdirectory|folder-level|local|this|the other)\b[^.\n]{0,40}\b(?:takes? precedence|overrides?|wins?|supersedes?|prevails?)\b|\b(?:if|when|where)\b[^.\n]{0,60}\b(?:instructions?|rules?|files?|guidelines?)\b[^.\n]{0,30}\b(?:conflict|contradict|disagree)/i;

export function statesFilePrecedence(text: string): boolean {
  return FILE_PRECEDENCE.test(text);
}

/**
 * Which of two files reports a contradiction between them, so each pair is reported once: the deeper (more
 * specific) file, and between files of one folder the later name.
 */
export function reportsPair(mine: string, other: string): boolean {
  const dm = mine.split(/[\\/]/).length;
  const dother = other.split(/[\\/]/).length;
  return dm !== dother ? dm > dother : mine > other;
}
