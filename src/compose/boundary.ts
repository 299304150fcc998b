/**
 * Composition reads other files (a base prompt, partials), and their text reaches lint messages, CI logs and,
 * during `eval`, a model endpoint. So it reads inside the repository root only (outside a repository: inside
 * the folder of the config that applies), plus folders the config names under `compose.allowRoots`.
 * `extends: /etc/passwd` or `{% include "/proc/self/environ" %}` is a diagnostic, never a read.
 *
 * Symbolic links count where they lead: a link inside the repository that points outside it is outside.
 */
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";

export type FileReader = (filePath: string) => Promise<string | undefined>;

/** A read that the boundary refused; composition turns it into a diagnostic at the reference. */
export class OutsideRootError extends Error {
  constructor(
    readonly filePath: string,
    readonly roots: readonly string[],
  ) {
    super(`"${filePath}" is outside ${describeRoots(roots)}`);
    this.name = "OutsideRootError";
  }
}

export function describeRoots(roots: readonly string[]): string {
  if (roots.length === 0) return "every allowed folder";
  const [first, ...rest] = roots;
  return rest.length === 0 ? `the root ${first}` : `the root ${first} and the allowed folders ${rest.join(", ")}`;
}

export function isInside(filePath: string, root: string): boolean {
  const rel = path.relative(root, filePath);
  return rel === "" || (!rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel));
}

/** The real path of an existing file (links resolved), or undefined when it does not exist. */
function realPath(filePath: string): string | undefined {
  try {
    return realpathSync(filePath);
  } catch {
    return undefined;
  }
}

/** Whether `filePath` lies inside one of `roots`, both as written and where links lead. */
export function withinRoots(filePath: string, roots: readonly string[]): boolean {
  const abs = path.resolve(filePath);
  if (!roots.some((root) => isInside(abs, root))) return false;
  const real = realPath(abs);
  if (real === undefined) return true; // a missing file reads as missing, wherever it would be
  return roots.some((root) => isInside(real, realPath(root) ?? root));
}

/** A reader that refuses (with OutsideRootError) any file outside `roots`. */
export function boundedReader(read: FileReader, roots: readonly string[]): FileReader {
  const absRoots = [...new Set(roots.map((r) => path.resolve(r)))];
  return async (filePath) => {
    if (!withinRoots(filePath, absRoots)) throw new OutsideRootError(path.resolve(filePath), absRoots);
    return read(filePath);
  };
}

const gitRoots = new Map<string, string | null>();

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in worktrees and submodules). */
export function gitRootOf(dir: string): string | undefined {
  const start = path.resolve(dir);
  const seen: string[] = [];
  let found: string | null = null;
  for (let current = start; ; current = path.dirname(current)) {
    const known = gitRoots.get(current);
    if (known !== undefined) {
      found = known;
      break;
    }
    seen.push(current);
    if (existsSync(path.join(current, ".git"))) {
      found = current;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  for (const d of seen) gitRoots.set(d, found);
  return found ?? undefined;
}

/**
 * The folders a prompt's composition may read: its repository (outside one, `fallbackRoot`, the folder of the
 * config that applies) and the folders the config allows. A config with `root: true` inside the repository
 * narrows the first to its own folder (a package of a monorepo that must not read its neighbours).
 */
export function composeRootsFor(filePath: string, fallbackRoot: string, allowRoots: readonly string[] = [], projectRoot?: string): string[] {
  const repo = gitRootOf(path.dirname(path.resolve(filePath)));
  let root = repo ?? path.resolve(fallbackRoot);
  if (projectRoot && isInside(path.resolve(projectRoot), root)) root = path.resolve(projectRoot);
  return [root, ...allowRoots.map((r) => path.resolve(r))];
}

/** The folder composition stays in when nobody says otherwise: the file's repository, else its own folder. */
export function defaultComposeRoot(filePath: string): string {
  const dir = path.dirname(path.resolve(filePath));
  return gitRootOf(dir) ?? dir;
}
