/**
 * Where `--fix` may write a file's fixes. Only inside the root (the repository, or the working folder
 * outside one): lint-staged passes staged symlinks as paths, and a symlink into a home folder or a system
 * file must not be rewritten by a commit hook. A symlink whose real target is inside the root is written
 * through (the target is replaced, the link kept); anything resolving outside it is refused with a reason.
 */
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";

export type FixDestination = { path: string } | { refused: string };

const realRoots = new Map<string, string>();

/** Where to write `file`'s fixes; without a root, anywhere its real path leads (library callers). */
export function fixDestination(file: string, root: string | undefined): FixDestination {
  const real = safeRealpath(file);
  if (real === undefined) return { refused: "its real location could not be resolved (a broken symbolic link?)" };
  if (root === undefined) return { path: real };
  let realRoot = realRoots.get(root);
  if (realRoot === undefined) {
    realRoot = safeRealpath(root) ?? path.resolve(root);
    realRoots.set(root, realRoot);
  }
  if (isInside(realRoot, real)) return { path: real };
  let isLink = false;
  try {
    isLink = lstatSync(file).isSymbolicLink();
  } catch {
    // Reported below as outside the root either way.
  }
  return {
    refused: isLink
      ? "it is a symbolic link to a file outside the repository, and promptvet never writes outside it"
      : "it resolves to a file outside the repository (through a linked folder), and promptvet never writes outside it",
  };
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel);
}
