/**
 * Lints one in-memory text as the file at `path` — an editor's unsaved buffer — with the same config
 * resolution, rules, inline directives and masking as a command-line run over that file, without reading the
 * file itself or writing anything. This is the engine's one entry point for the language server.
 */
import path from "node:path";
import type { ConfigResolver, FileConfig } from "../config/resolve.js";
import type { FileReader } from "../compose/read.js";
import { readWorkingTreeFile } from "../compose/read.js";
import { boundedReader, composeRootsFor } from "../compose/boundary.js";
import type { Format, PromptDocument, Range } from "../model/document.js";
import { detectFormat } from "../parse/detect.js";
import { parseDocument } from "../parse/index.js";
import { lintDocument } from "./linter.js";
import type { LintMessage } from "./types.js";

export interface LintTextOptions {
  /** Absolute path the text belongs to: config, format and relative references resolve from it. */
  path: string;
  text: string;
  resolver: ConfigResolver;
  /** @deprecated Not read: a directive may name the rules of the file's resolved config (`FileConfig.ruleSet`). */
  knownRuleIds?: ReadonlySet<string>;
  /** How other files (bases, partials) are read; defaults to the working tree. */
  readFile?: FileReader;
  /** The file's text at the base ref (HEAD), for rules that compare with it. */
  baseSource?: () => Promise<string | undefined>;
  baseRef?: string;
}

/** Why a text was not linted. */
export type SkipReason = "ignored" | "not-matched";

export type LintTextOutcome =
  | { kind: "skipped"; reason: SkipReason; config: FileConfig }
  | {
      kind: "linted";
      config: FileConfig;
      /** Undefined when the text was not parsed (unknown format, over `maxFileSize`). */
      document?: PromptDocument;
      format?: Format;
      messages: LintMessage[];
      suppressedMessages: LintMessage[];
      /** Source ranges that hold secrets or personal data (never to be shown). */
      sensitiveRanges: Range[];
      /** Every other file the rules asked for (bases, partials), found or not: a change there changes the result. */
      reads: Set<string>;
    };

/** Lints `text` as the content of `path` when the configuration covers that path. */
export async function lintText(options: LintTextOptions): Promise<LintTextOutcome> {
  const filePath = path.resolve(options.path);
  const config = await options.resolver.forFile(filePath);
  if (config.ignored) return { kind: "skipped", reason: "ignored", config };
  if (!config.matched) return { kind: "skipped", reason: "not-matched", config };
  const empty = { kind: "linted" as const, config, suppressedMessages: [], sensitiveRanges: [], reads: new Set<string>() };

  const format = config.format ?? detectFormat(filePath);
  if (!format) {
    return { ...empty, messages: [notice(`Unknown prompt format for "${path.basename(filePath)}"; set \`format\` for it in an \`overrides\` entry of the config.`, 1)] };
  }
  const bytes = Buffer.byteLength(options.text, "utf8");
  if (bytes > config.maxFileSize) {
    return { ...empty, format, messages: [notice(`File is ${formatBytes(bytes)}, over the ${formatBytes(config.maxFileSize)} limit (\`maxFileSize\`); it was not linted.`, 2)] };
  }

  // An editor may hand over a byte order mark as text; the command line strips it before parsing.
  const bom = options.text.charCodeAt(0) === 0xfeff;
  const source = bom ? options.text.slice(1) : options.text;
  const reads = new Set<string>();
  // Bases and partials are read inside the repository (or the config's folder) and the allowed roots only,
  // as on the command line.
  const reader = boundedReader(options.readFile ?? readWorkingTreeFile, composeRootsFor(filePath, config.baseDir, config.composeRoots, config.projectRoot));
  let document: PromptDocument;
  let output: Awaited<ReturnType<typeof lintDocument>>;
  try {
    document = parseDocument({ path: filePath, source, format, bom });
    output = await lintDocument(document, {
      rules: config.rules,
      settings: config.settings,
      services: {
        baseSource: options.baseSource,
        baseRef: options.baseRef,
        readFile: async (p) => {
          reads.add(path.resolve(p));
          return reader(p);
        },
      },
      unusedDirectives: config.unusedDirectives,
      knownRuleIds: config.ruleSet.ids(),
    });
  } catch (error) {
    // Bad rule options stop a command-line run; a rule that crashes is that file's problem only.
    if ((error as Error).name === "ConfigError") throw error;
    return { ...empty, format, reads, messages: [notice(`Internal error while linting this file: ${(error as Error).message}`, 2)] };
  }
  return {
    kind: "linted",
    config,
    document,
    format,
    messages: output.messages,
    suppressedMessages: output.suppressedMessages,
    sensitiveRanges: output.sensitiveRanges as Range[],
    reads,
  };
}

function notice(message: string, severity: 1 | 2): LintMessage {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: severity === 2 ? true : undefined };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
