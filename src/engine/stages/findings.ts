/**
 * The findings stage: document → findings. Parses the text, runs the file's rules, and with fixes wanted applies
 * them and lints again until nothing changes. Nothing is written here.
 */
import { boundedReader, composeRootsFor } from "../../compose/boundary.js";
import { decodeFile } from "../../files/decode.js";
import type { PromptDocument } from "../../model/document.js";
import { parseDocument } from "../../parse/index.js";
import type { LintMessage } from "../../rule-api/types.js";
import { relativePosix } from "../../util/relative-path.js";
import { contentHash } from "../cache.js";
import { applyFixes } from "../fixes.js";
import type { LintFilesOptions } from "../lint-options.js";
import { lintDocument, type DocumentLintOutput } from "../linter.js";
import type { RunTiming } from "../timing.js";
import type { FileText } from "./bytes.js";
import type { FileJob } from "./target.js";

const MAX_FIX_PASSES = 10;

export interface LintPass {
  source: string;
  document: PromptDocument;
  output: DocumentLintOutput;
}

/** The last pass (what the fixed text holds) and the first (what the file on disk holds). */
export interface Findings extends LintPass {
  first: LintPass;
  /** How many fixes the passes applied (0 without fixing): the hook's one-line summary counts them. */
  fixesApplied: number;
  /** Other files the rules read (bases, partials), with a hash of what they held: part of the cache entry. */
  deps: Map<string, string>;
  /** The file's text at the base ref, read at most once (token stats use it too). */
  baseSource: () => Promise<string | undefined>;
}

export async function findFindings(job: FileJob, text: FileText, options: LintFilesOptions): Promise<Findings> {
  const { filePath, config, format } = job;
  const baseSource = makeBaseSource(filePath, options);
  const deps = new Map<string, string>();
  const readFile = recordingReader(job, options, deps);
  const runRules = (doc: PromptDocument) =>
    lintDocument(doc, {
      rules: config.rules,
      settings: config.settings,
      services: { baseSource, baseRef: options.baseRef, readFile },
      unusedDirectives: config.unusedDirectives,
      // A directive may name the rules that exist for this file: built-ins and its config's plugins.
      knownRuleIds: config.ruleSet.ids(),
      timing: options.timing,
    });
  const parse = (source: string) => timedParse(options.timing, { path: filePath, source, format, bom: text.bom });
  const fixWith = job.destination && "path" in job.destination ? options.applySuggestions : false;
  return { ...(await lintAndFix(text.text, parse, runRules, fixWith)), deps, baseSource };
}

/**
 * Lints `text`; with fixes wanted (`suggestions` is the `--fix-suggestions` filter, undefined for plain
 * fixes, false for no fixing at all), applies them and lints again until nothing changes.
 */
async function lintAndFix(
  text: string,
  parse: (source: string) => PromptDocument,
  runRules: (document: PromptDocument) => Promise<DocumentLintOutput>,
  suggestions: ((message: LintMessage) => boolean) | undefined | false,
): Promise<LintPass & { first: LintPass; fixesApplied: number }> {
  const document = parse(text);
  const first: LintPass = { source: text, document, output: await runRules(document) };
  let last = first;
  let fixesApplied = 0;
  if (suggestions !== false) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const { output: fixed, applied } = applyFixes(last.source, withChosenSuggestions(last.output.messages, suggestions));
      if (applied === 0 || fixed === last.source) break;
      fixesApplied += applied;
      const next = parse(fixed);
      last = { source: fixed, document: next, output: await runRules(next) };
    }
  }
  return { ...last, first, fixesApplied };
}

/** Promotes the first suggestion of selected messages to a fix, for an explicit opt-in such as `--fix-suggestions pii`. */
export function withChosenSuggestions(messages: LintMessage[], select: ((m: LintMessage) => boolean) | undefined): LintMessage[] {
  if (!select) return messages;
  return messages.map((m) => (!m.fix && m.suggestions?.length && select(m) ? { ...m, fix: m.suggestions[0]!.fix } : m));
}

/**
 * Reads bases and partials inside the repository (or the config's folder) and the allowed roots only, and
 * records what each held, so a cached result is dropped when one of them changes.
 */
function recordingReader(job: FileJob, options: LintFilesOptions, deps: Map<string, string>): ((p: string) => Promise<string | undefined>) | undefined {
  const { filePath, config } = job;
  if (!options.readFile) return undefined;
  const bounded = boundedReader(options.readFile, composeRootsFor(filePath, config.baseDir, config.composeRoots, config.projectRoot));
  return async (p: string) => {
    const text = await bounded(p);
    deps.set(p, contentHash(text));
    return text;
  };
}

function makeBaseSource(filePath: string, options: LintFilesOptions): () => Promise<string | undefined> {
  let pending: Promise<string | undefined> | undefined;
  return () => {
    pending ??= (async () => {
      if (!options.repoRoot || !options.baseRef || !options.git) return undefined;
      const blob = await options.git.readAt(options.baseRef, relativePosix(options.repoRoot, filePath));
      if (!blob) return undefined;
      const decoded = decodeFile(blob, Number.MAX_SAFE_INTEGER);
      return decoded.kind === "text" ? decoded.text : undefined;
    })();
    return pending;
  };
}

function timedParse(timing: RunTiming | undefined, input: Parameters<typeof parseDocument>[0]): PromptDocument {
  if (!timing) return parseDocument(input);
  const started = performance.now();
  try {
    return parseDocument(input);
  } finally {
    timing.parse += performance.now() - started;
  }
}
