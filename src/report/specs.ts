import { FORMAT_NAMES } from "./names.js";

export interface FormatSpec {
  name: string;
  /** Where to write; standard output when absent. */
  file?: string;
}

/** A `--format` value that cannot be used; the CLI reports it as a usage error. */
export class FormatSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormatSpecError";
  }
}

/**
 * Parses repeatable `--format NAME[:FILE]` values. The first `:` separates the name from the file
 * (so `sarif:out/a:b.sarif` writes `out/a:b.sarif`). Names are checked against the known formats
 * and two outputs may not target the same file.
 */
export function parseFormatSpecs(specs: string[]): FormatSpec[] {
  const parsed: FormatSpec[] = [];
  const files = new Set<string>();
  for (const raw of specs) {
    const spec = raw.trim();
    const colon = spec.indexOf(":");
    const name = (colon === -1 ? spec : spec.slice(0, colon)).trim().toLowerCase();
    if (!name) throw new FormatSpecError(`Missing format name in "--format ${raw}", expected NAME or NAME:FILE.`);
    if (!(FORMAT_NAMES as readonly string[]).includes(name)) {
      throw new FormatSpecError(`Unknown format "${name}", expected one of: ${FORMAT_NAMES.join(", ")}.`);
    }
    if (colon === -1) {
      parsed.push({ name });
      continue;
    }
    const file = spec.slice(colon + 1).trim();
    if (!file) throw new FormatSpecError(`Missing file after "${name}:" in "--format ${raw}", expected NAME:FILE.`);
    if (files.has(file)) throw new FormatSpecError(`Two formats write to "${file}", expected one file per format.`);
    files.add(file);
    parsed.push({ name, file });
  }
  return parsed;
}
