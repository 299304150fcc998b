import { existsSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { glob } from "tinyglobby";
import { DEFAULT_IGNORES } from "./default-ignores.js";
import { detectFormat } from "../parse/detect.js";
import { byCodeUnit } from "../util/compare.js";

export interface FileTarget {
  /** Absolute path. */
  path: string;
  /** Named on the command line (linted even if it does not match the prompt globs). */
  explicit: boolean;
  /** Not changed itself, but composed from a changed file: linted, never fixed. */
  dependent?: boolean;
  /**
   * In a folder named on the command line, with a prompt format: linted even where the prompt globs do not
   * match it (the user named its folder), but unlike a named file, silently skipped when ignored.
   */
  inNamedFolder?: boolean;
}

/** A glob without a slash matches at any depth, as in .gitignore and ESLint's `files`. */
function anyDepth(glob: string): string {
  return glob.includes("/") ? glob.replace(/^\.\//, "") : `**/${glob}`;
}

/** What collecting needs of the configuration: the prompt globs that apply in a folder (a ConfigResolver). */
export interface PromptGlobSource {
  globsFor(dir: string): Promise<{ baseDir: string; files: string[]; ignores: string[] }>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Expands command-line arguments into files: a file is taken as named; a folder is searched with the
 * prompt globs of the config that applies there, plus, for a folder inside the project, every file of a
 * prompt format; anything else is a glob relative to cwd. No arguments
 * means the prompt globs of the config that applies to cwd.
 */
export async function collectFiles(args: readonly string[], cwd: string, resolver: PromptGlobSource): Promise<FileTarget[]> {
  const found = new Map<string, FileTarget>();
  const add = (p: string, explicit: boolean, inNamedFolder = false) => {
    const abs = path.resolve(cwd, p);
    const existing = found.get(abs);
    if (!existing || (explicit && !existing.explicit)) found.set(abs, { path: abs, explicit, ...(inNamedFolder ? { inNamedFolder } : {}) });
  };

  const searchFolder = async (dir: string, named: boolean) => {
    const { baseDir, files, ignores } = await resolver.globsFor(dir);
    const patterns = files.map(anyDepth);
    const ignore = [...DEFAULT_IGNORES, ...ignores.map(anyDepth)];
    const hits = await glob(patterns, { cwd: baseDir, absolute: true, dot: true, ignore, followSymbolicLinks: false });
    const folder = path.resolve(dir);
    const inDir = folder + path.sep;
    for (const hit of hits) if (hit.startsWith(inDir) || folder === baseDir) add(hit, false);
    // A folder named inside the project (`promptvet few-shot/`): every file of a prompt format in it. The
    // project's own folder (or one above it) keeps to the prompt globs: a README is not a prompt.
    if (named && folder.startsWith(baseDir + path.sep)) {
      const all = await glob(["**/*"], { cwd: folder, absolute: true, dot: true, ignore, followSymbolicLinks: false });
      for (const hit of all) if (detectFormat(hit) !== undefined && !found.has(hit)) add(hit, false, true);
    }
  };

  if (args.length === 0) {
    await searchFolder(cwd, false);
  } else {
    for (const arg of args) {
      const abs = path.resolve(cwd, arg);
      if (existsSync(abs)) {
        const stat = statSync(abs);
        if (stat.isDirectory()) await searchFolder(abs, true);
        else add(abs, true);
      } else if (picomatch.scan(arg).isGlob) {
        const hits = await glob([arg], { cwd, absolute: true, dot: true, ignore: DEFAULT_IGNORES });
        for (const hit of hits) add(hit, true);
        if (hits.length === 0) throw new UsageError(`No files matching the pattern "${arg}" were found.`);
      } else {
        throw new UsageError(`No such file or folder: ${arg}`);
      }
    }
  }
  return [...found.values()].sort((a, b) => byCodeUnit(a.path, b.path));
}
