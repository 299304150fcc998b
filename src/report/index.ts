import { formatCompact } from "./compact.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { FORMAT_NAMES, type FormatName } from "./names.js";
import { formatSarif } from "./sarif.js";
import { FormatSpecError } from "./specs.js";
import { formatStylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export { FORMAT_NAMES, type FormatName } from "./names.js";
export { parseFormatSpecs, FormatSpecError, type FormatSpec } from "./specs.js";
export type { EvalSummary, EvalFileSummary, FormatContext, FormatSummary, Formatter, TokenStats } from "./types.js";

const formatters: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  compact: formatCompact,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  junit: formatJunit,
};

/** The formatter registered under `name`; throws a `FormatSpecError` listing the known names otherwise. */
export function getFormatter(name: string): Formatter {
  const key = name.trim().toLowerCase();
  if (!(FORMAT_NAMES as readonly string[]).includes(key)) {
    throw new FormatSpecError(`Unknown format "${name}", expected one of: ${FORMAT_NAMES.join(", ")}.`);
  }
  return formatters[key as FormatName];
}
