/**
 * Secret scanning through secretlint: the recommended preset plus promptvet's LLM detectors, one pass per
 * text. secretlint (and its ~230 KB preset) loads on first use only, once per process, so a commit that
 * touches no prompt file pays nothing.
 *
 * Boundary rules: secretlint's `range` is `[start, end)` in UTF-16 offsets of the content, which is
 * promptvet's convention too, so offsets pass through unchanged; its `loc` (0-based columns) is never used.
 * secretlint's result keeps the raw text in `sourceContent`; it is dropped here and never logged.
 */
import type { SecretLintCoreConfig, SecretLintCoreResult } from "@secretlint/types";
import { kindOfSecretlintMessage, URL_KINDS } from "./kinds.js";
import { isPlaceholderPassword, urlPassword } from "./placeholder.js";
import { kindOfDetectorMessage, llmCredentialsRule, PROMPTVET_SECRETLINT_RULE_ID } from "./secretlint-rules.js";
import type { SecretMatch } from "./types.js";

export type { SecretMatch } from "./types.js";

interface Engine {
  lintSource: (typeof import("@secretlint/core"))["lintSource"];
  config: SecretLintCoreConfig;
}

let engine: Promise<Engine> | undefined;

async function loadEngine(): Promise<Engine> {
  const [core, preset] = await Promise.all([
    import("@secretlint/core"),
    import("@secretlint/secretlint-rule-preset-recommend"),
  ]);
  await disableProfiler();
  return {
    lintSource: core.lintSource,
    config: {
      rules: [
        { id: preset.creator.meta.id, rule: preset.creator },
        { id: PROMPTVET_SECRETLINT_RULE_ID, rule: llmCredentialsRule },
      ],
    },
  };
}

/**
 * secretlint 13 records a performance mark per rule and file unless told not to; nobody reads them here and
 * they cost about a third of the scan time. The profiler is a dependency of @secretlint/core, so its absence
 * (a future layout) only costs speed.
 */
async function disableProfiler(): Promise<void> {
  try {
    const profiler = (await import("@secretlint/profiler" as string)) as {
      secretLintProfiler?: { setEnabled?(enabled: boolean): void };
    };
    profiler.secretLintProfiler?.setEnabled?.(false);
  } catch {
    // Not resolvable: keep the default.
  }
}

/** Starts loading secretlint (for callers that know a scan is coming); safe to call many times. */
export function loadSecretScanner(): Promise<void> {
  engine ??= loadEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine.then(() => undefined);
}

function extensionOf(filePath: string | undefined): string {
  if (!filePath) return ".txt";
  const base = filePath.slice(filePath.replace(/\\/g, "/").lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot) : "";
}

/**
 * Finds credentials in `text`. Offsets are `[start, end)` into `text`; the value itself is not returned,
 * and secretlint's copy of the text is dropped before this returns.
 */
export async function scanSecrets(text: string, filePath?: string): Promise<SecretMatch[]> {
  if (text.length === 0) return [];
  // secretlint drops a leading BOM and counts offsets without it; scan without it and shift back.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const content = shift ? text.slice(1) : text;
  await loadSecretScanner();
  const { lintSource, config } = await engine!;
  let result: SecretLintCoreResult | undefined = await lintSource({
    source: { content, filePath: filePath ?? "prompt.txt", ext: extensionOf(filePath), contentType: "text" },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  const found: SecretMatch[] = [];
  for (const message of result.messages) {
    if (message.type !== "message") continue;
    let [start, end] = message.range;
    if (message.messageId === "AWSSecretAccessKey") [start, end] = awsSecretValueRange(content, start, end);
    start += shift;
    end += shift;
    const kind =
      message.ruleId === PROMPTVET_SECRETLINT_RULE_ID
        ? (kindOfDetectorMessage(message.messageId) ?? "credential")
        : kindOfSecretlintMessage(message.ruleId, message.messageId);
    if (URL_KINDS.has(kind)) {
      end = trimUrlEnd(text, start, end);
      const password = urlPassword(text.slice(start, end));
      if (password !== undefined && isPlaceholderPassword(password)) continue;
    }
    found.push({ ruleId: message.ruleId, kind, start, end });
  }
  result = undefined;
  return dedupe(found);
}

/**
 * secretlint's database URL patterns take any non-space character after the host as part of the path, so
 * `"postgres://…/main",` ends in `",`. Closing quotes, brackets and sentence punctuation are not the URL.
 */
function trimUrlEnd(text: string, start: number, end: number): number {
  while (end > start && `"'\`)]}>,;.`.includes(text[end - 1]!)) end--;
  return end;
}

/**
 * secretlint 13's AWS rule reports the key's length from the start of `AWS_SECRET_ACCESS_KEY=…`, i.e. the
 * variable name and half the key. The value is the 40 characters after the first `=`, `:` or `=>`.
 */
function awsSecretValueRange(text: string, start: number, end: number): [number, number] {
  const window = text.slice(start, start + 160);
  const value = /(?:=>|[:=])\s{0,20}["']?(?<value>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/d.exec(window);
  const span = value?.indices?.groups?.value;
  return span ? [start + span[0], start + span[1]] : [start, end];
}

/** Shape-only kinds lose ties to kinds that name the provider. */
const GENERIC_KINDS: ReadonlySet<string> = new Set(["sk-api-key", "provider-api-key", "credential"]);

function genericRank(kind: string): number {
  return GENERIC_KINDS.has(kind) ? 1 : 0;
}

/**
 * One finding per stretch of text: when the preset and a promptvet detector both match a key (the preset's
 * exact Anthropic shape and promptvet's looser one), keep the widest, then the most specific, then the one found first.
 */
function dedupe(matches: SecretMatch[]): SecretMatch[] {
  const sorted = matches
    .map((m, order) => ({ m, order }))
    .sort(
      (a, b) =>
        a.m.start - b.m.start ||
        b.m.end - b.m.start - (a.m.end - a.m.start) ||
        genericRank(a.m.kind) - genericRank(b.m.kind) ||
        a.order - b.order,
    );
  const kept: SecretMatch[] = [];
  let lastEnd = -1;
  for (const { m } of sorted) {
    if (m.start < lastEnd) continue;
    kept.push(m);
    lastEnd = m.end;
  }
  return kept;
}
