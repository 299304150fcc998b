/** The target stage: which config applies to a file, whether it is linted at all, and as which format. */
import path from "node:path";
import type { FileConfig } from "../../config/resolve.js";
import type { FileTarget } from "../../files/collect.js";
import { fixDestination, type FixDestination } from "../../files/fix-destination.js";
import type { Format } from "../../model/document.js";
import { detectFormat } from "../../parse/detect.js";
import type { LintResult } from "../../rule-api/types.js";
import type { LintFilesOptions } from "../lint-options.js";
import { fatalResult } from "./result.js";

/** A file that will be read and linted. */
export interface FileJob {
  target: FileTarget;
  filePath: string;
  config: FileConfig;
  format: Format;
  /** Fixes are wanted and may be written (never in staged mode, never to a dependent). */
  fixing: boolean;
  /** Where the fixed text goes, or why it may not be written; undefined when not fixing. */
  destination?: FixDestination;
}

/** A file settled before its rules run: its result, or undefined when it is not linted and says nothing. */
export interface Settled {
  settled: LintResult | undefined;
}

export async function planTarget(target: FileTarget, options: LintFilesOptions): Promise<FileJob | Settled> {
  const filePath = target.path;
  const config = await options.resolver.forFile(filePath);
  if (config.ignored) {
    return {
      settled: target.explicit
        ? fatalResult(filePath, "File ignored because of a matching ignore pattern; remove it from the arguments or from `ignores` to lint it.", 1, 1, 1)
        : undefined,
    };
  }
  if (!config.matched && !target.explicit && !target.inNamedFolder) return { settled: undefined };
  const format = config.format ?? detectFormat(filePath);
  if (!format) {
    return {
      settled: fatalResult(
        filePath,
        `Unknown prompt format for "${path.basename(filePath)}"; set \`format\` for it in an \`overrides\` entry of the config.`,
        1, 1, 1,
      ),
    };
  }
  const fixing = !!options.fix && !options.staged && !target.dependent;
  return { target, filePath, config, format, fixing, destination: fixing ? fixDestination(filePath, options.fixRoot) : undefined };
}
