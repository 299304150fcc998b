/**
 * Which promptvet the extension starts: the one named in the `promptvet.path` setting, else the one installed
 * in the workspace (so the editor lints with the same version and plugins as the pre-commit hook), else the copy
 * bundled with the extension. Plain Node code, without the editor API, so it can be tested on its own.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface ServerChoice {
  /** The promptvet launcher (`bin/promptvet.js`) to run with Node. */
  launcher: string;
  /** Where it came from, for the output channel. */
  origin: "setting" | "workspace" | "bundled";
}

/** The launcher of the promptvet package that `fromDir` resolves, if any. */
export function installedLauncher(fromDir: string): string | undefined {
  try {
    const manifest = createRequire(path.join(fromDir, "noop.js")).resolve("promptvet/package.json");
    const launcher = path.join(path.dirname(manifest), "bin", "promptvet.js");
    return existsSync(launcher) ? launcher : undefined;
  } catch {
    return undefined;
  }
}

export function chooseServer(options: { setting?: string; workspaceFolders: readonly string[]; extensionDir: string }): ServerChoice | undefined {
  const configured = options.setting?.trim();
  if (configured) {
    const base = options.workspaceFolders[0] ?? process.cwd();
    const launcher = path.resolve(base, configured);
    return existsSync(launcher) ? { launcher, origin: "setting" } : undefined;
  }
  for (const folder of options.workspaceFolders) {
    const launcher = installedLauncher(folder);
    if (launcher) return { launcher, origin: "workspace" };
  }
  const bundled = installedLauncher(options.extensionDir);
  return bundled ? { launcher: bundled, origin: "bundled" } : undefined;
}
