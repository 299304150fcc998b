/**
 * What the growth suite times: each format's parser, each detector on a parsed document or its text, and the
 * whole lint of a document with every built-in rule. Parsing is untimed preparation for the detectors, so a
 * detector's ratio is its own.
 */
import { builtinRules } from "../../rules/index.js";
import { checkDocument, checkExamples } from "../../src/contradiction/index.js";
import { lintDocument } from "../../src/engine/linter.js";
import { diffLines } from "../../src/forks/diff.js";
import type { Format, PromptDocument } from "../../src/model/document.js";
import { parseDocument } from "../../src/parse/index.js";
import { detectPii, preloadPiiDependencies, PII_TYPES } from "../../src/pii/index.js";
import { runDetectors } from "../../src/secrets/detectors.js";
import { loadSecretScanner, scanSecrets } from "../../src/secrets/scan.js";
import { countDocument } from "../../src/tokens/stats.js";
import type { Subject } from "./growth.js";

/** A path per format; `.hbs` so the Handlebars scanner (block scopes, helpers) runs rather than plain Mustache. */
const PATHS: Record<Format, string> = {
  markdown: "/virtual/prompts/adversarial.md",
  text: "/virtual/prompts/adversarial.txt",
  prompty: "/virtual/prompts/adversarial.prompty",
  dotprompt: "/virtual/prompts/adversarial.prompt",
  jinja: "/virtual/prompts/adversarial.j2",
  mustache: "/virtual/prompts/adversarial.hbs",
  jsonl: "/virtual/prompts/adversarial.jsonl",
  json: "/virtual/prompts/adversarial.json",
  yaml: "/virtual/prompts/adversarial.yaml",
};

export function parse(source: string, format: Format): PromptDocument {
  return parseDocument({ path: PATHS[format], source, format, bom: false });
}

export function parserSubject(format: Format): Subject<string> {
  return { prepare: (text) => text, run: (text) => parse(text, format) };
}

const ALL_RULES = builtinRules.map((rule) => ({ rule, severity: 2 as const }));

/**
 * Parse and lint with every built-in rule at "error": what one file costs a commit. The file at the base ref is
 * its first half, so the rules that compare with the committed version (growth, prefix churn) do their work too.
 */
export function lintSubject(format: Format): Subject<{ text: string; base: string }> {
  return {
    prepare: (text) => ({ text, base: text.slice(0, Math.floor(text.length / 2)) }),
    run: ({ text, base }) =>
      lintDocument(parse(text, format), { rules: ALL_RULES, unusedDirectives: 1, services: { baseSource: async () => base, baseRef: "HEAD" } }),
  };
}

export interface DetectorSubject {
  name: string;
  /** Runs on a parsed document (so on each format of an input), not on plain text. */
  readsDocuments: boolean;
  subject(format: Format): Subject<unknown>;
}

/**
 * One parse per text and format (parsing is not what these subjects time, and it would cost the suite more
 * than the detectors do). Each run gets a shallow copy: the contradiction check and token counts are memoised
 * per document object, and a copy is a new object with the same content.
 */
const parsed = new Map<string, WeakRef<PromptDocument>>();
function parsedOnce(text: string, format: Format): PromptDocument {
  const key = `${format}\0${text.length}\0${text.slice(0, 64)}\0${text.slice(-64)}`;
  let document = parsed.get(key)?.deref();
  if (!document || document.source !== text) parsed.set(key, new WeakRef((document = parse(text, format))));
  return document;
}
const parsedCopy = (text: string, format: Format): PromptDocument => ({ ...parsedOnce(text, format) });

const onDocument = (run: (document: PromptDocument) => unknown) => (format: Format): Subject<unknown> => ({
  prepare: (text) => parsedCopy(text, format),
  run: (document) => run(document as PromptDocument),
});
const onText = (run: (text: string) => unknown) => (): Subject<unknown> => ({ prepare: (text) => text, run: (text) => run(text as string) });

export const DETECTOR_SUBJECTS: readonly DetectorSubject[] = [
  { name: "PII (every type)", readsDocuments: false, subject: onText((text) => detectPii(text, { textKind: "dialogue" })) },
  { name: "secrets (secretlint and promptvet's rules)", readsDocuments: false, subject: onText((text) => scanSecrets(text, PATHS.markdown)) },
  { name: "secret detectors", readsDocuments: false, subject: onText((text) => runDetectors(text)) },
  { name: "contradiction extractor and conflicts", readsDocuments: true, subject: onDocument((document) => checkDocument(document)) },
  // The same document every run: its directives (the extractor's, above) are extracted once, and this times the check.
  {
    name: "examples check",
    readsDocuments: true,
    subject: (format) => ({
      prepare: (text) => {
        const document = parsedOnce(text, format);
        checkDocument(document);
        return document;
      },
      run: (document) => checkExamples(document as PromptDocument),
    }),
  },
  // A fork compared with its base: the base is the first half of the text (forks/diff.ts).
  { name: "fork line diff", readsDocuments: false, subject: onText((text) => diffLines(text.slice(0, Math.floor(text.length / 2)), text)) },
  { name: "token count", readsDocuments: true, subject: onDocument((document) => countDocument(document, {}, "o200k_base")) },
];

/** Loads what detectors load on first use, so no timed run pays for it. */
export async function preloadDetectors(): Promise<void> {
  await Promise.all([preloadPiiDependencies(PII_TYPES), loadSecretScanner()]);
}
