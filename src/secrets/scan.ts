/**
 * Secret scanning: secretlint's recommended preset plus promptvet's detectors, and one placeholder filter
 * over every finding. secretlint (and its ~230 KB preset) loads on first use only, once per process, and a text
 * with none of the strings its patterns need (src/secrets/preset-prefilter.ts) never reaches it: a commit of
 * prompts without anything key-like pays nothing for it.
 *
 * Keeping it linear: secretlint's message pipeline compares every message with every other one (its
 * duplicate filter), so a text with thousands of findings costs seconds. promptvet's detectors therefore run
 * outside it, and a long text goes to secretlint in overlapping windows. Both apply only when the text has
 * no `secretlint-disable` comment: such a comment must see every finding of the whole text, so that text
 * takes one pass with promptvet's detectors inside secretlint, as a secretlint rule.
 *
 * Boundary rules: secretlint's `range` is `[start, end)` in UTF-16 offsets of the content, which is
 * promptvet's convention too, so offsets pass through unchanged; its `loc` (0-based columns) is never used.
 * secretlint's result keeps the raw text in `sourceContent`; it is dropped here and never logged.
 */
import type { SecretLintCoreConfig, SecretLintCoreResult } from "@secretlint/types";
import { kindOfSecretlintMessage, URL_KINDS } from "./kinds.js";
import { isPlaceholderSecret } from "./placeholder.js";
import { presetMayReport } from "./preset-prefilter.js";
import { runDetectors } from "./detectors.js";
import { SLACK_TOKEN_DETECTORS } from "./platform-detectors.js";
import { kindOfDetectorMessage, llmCredentialsRule, PROMPTVET_SECRETLINT_RULE_ID } from "./secretlint-rules.js";
import type { SecretMatch } from "./types.js";

export type { SecretMatch } from "./types.js";

interface Engine {
  lintSource: (typeof import("@secretlint/core"))["lintSource"];
  /** The preset alone. */
  preset: SecretLintCoreConfig;
  /** The preset and promptvet's detectors as one more secretlint rule. */
  presetAndDetectors: SecretLintCoreConfig;
}

let engine: Promise<Engine> | undefined;

async function loadEngine(): Promise<Engine> {
  const [core, preset] = await Promise.all([
    import("@secretlint/core"),
    import("@secretlint/secretlint-rule-preset-recommend"),
  ]);
  await disableProfiler();
  const presetRule = { id: preset.creator.meta.id, rule: preset.creator };
  return {
    lintSource: core.lintSource,
    preset: { rules: [presetRule] },
    presetAndDetectors: { rules: [presetRule, { id: PROMPTVET_SECRETLINT_RULE_ID, rule: llmCredentialsRule }] },
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

/** Texts longer than this go to secretlint in windows of this length... */
const WINDOW = 16_384;
/** ...overlapping by this much, more than the longest credential the preset finds (a 4096-bit PEM key). */
const OVERLAP = 4_096;

/** `[from, to)` windows covering `content`: one for a short text, overlapping ones for a long text. */
export function scanWindows(length: number): [number, number][] {
  if (length <= WINDOW) return [[0, length]];
  const windows: [number, number][] = [];
  for (let from = 0; ; from += WINDOW - OVERLAP) {
    const to = Math.min(length, from + WINDOW);
    windows.push([from, to]);
    if (to === length) return windows;
  }
}

/** A finding before filtering: a range into the content (without BOM) and who found it. */
interface RawFinding {
  ruleId: string;
  messageId: string | undefined;
  start: number;
  end: number;
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
  const source = { filePath: filePath ?? "prompt.txt", ext: extensionOf(filePath), contentType: "text" as const };
  const raw: RawFinding[] = [];
  const collect = async (which: "preset" | "presetAndDetectors", from: number, to: number) => {
    await loadSecretScanner();
    const loaded = await engine!;
    let result: SecretLintCoreResult | undefined = await loaded.lintSource({
      source: { ...source, content: from === 0 && to === content.length ? content : content.slice(from, to) },
      options: { config: loaded[which], maskSecrets: true, noPhysicFilePath: true },
    });
    for (const message of result.messages) {
      if (message.type !== "message") continue;
      raw.push({ ruleId: message.ruleId, messageId: message.messageId, start: from + message.range[0], end: from + message.range[1] });
    }
    result = undefined;
  };
  if (content.includes("secretlint-")) {
    await collect("presetAndDetectors", 0, content.length);
  } else {
    // Most prompts hold none of the strings the preset's patterns need: secretlint is then neither loaded nor run.
    if (presetMayReport(content, source.ext)) for (const [from, to] of scanWindows(content.length)) await collect("preset", from, to);
    for (const hit of runDetectors(content)) {
      raw.push({ ruleId: PROMPTVET_SECRETLINT_RULE_ID, messageId: hit.detector.id, start: hit.start, end: hit.end });
    }
  }

  const found: SecretMatch[] = [];
  for (const finding of raw) {
    let { start, end } = finding;
    if (finding.messageId === "AWSSecretAccessKey") [start, end] = awsSecretValueRange(content, start, end);
    start += shift;
    end += shift;
    const kind =
      finding.ruleId === PROMPTVET_SECRETLINT_RULE_ID
        ? (kindOfDetectorMessage(finding.messageId ?? "") ?? "credential")
        : kindOfSecretlintMessage(finding.ruleId, finding.messageId);
    if (URL_KINDS.has(kind)) end = trimUrlEnd(text, start, end);
    // One placeholder filter for every finding, the preset's included: its rules report `ghp_xxxx…`,
    // `xoxb-your-bot-token` and `sk_live_xxxx…` as keys.
    const value = text.slice(start, end);
    if (isPlaceholderSecret(kind, value) || isElided(text, start, end)) continue;
    if (kind === "slack-token" && finding.ruleId !== PROMPTVET_SECRETLINT_RULE_ID && !isIssuedSlackShape(value)) continue;
    found.push({ ruleId: finding.ruleId, kind, start, end });
  }
  return dedupe(found);
}

/**
 * The preset's Slack pattern takes any `xox?-` run of two or more segments (`xoxb-12345-abcd234`, the
 * `xoxo-indieweb-1` of a file name, `xoxp-1234-1234-1234-…`). Its finding stands when the value has a shape
 * Slack issues: one of promptvet's Slack shapes, or numeric IDs of eight digits or more and a final
 * (secret) segment of eight characters or more.
 */
function isIssuedSlackShape(value: string): boolean {
  if (runDetectors(value, SLACK_TOKEN_DETECTORS).length > 0) return true;
  const segments = value.split("-").slice(1);
  if (/^\d$/.test(segments[0] ?? "")) segments.shift(); // a version number (`xoxa-2-…`)
  const last = segments.pop() ?? "";
  return segments.length > 0 && last.length >= 8 && segments.every((s) => !/^\d+$/.test(s) || s.length >= 8);
}

/**
 * A value cut short (`sk-ant-api03-AbCd…`, `…` or `...` right before or after it) or continued by a mask
 * (`xoxp-5723…-####`, `ghp_AbC1****`) is an example of the shape.
 */
const ELIDED_AFTER = /^(?:…|\.\.\.|[-_.]?(?:#{3}|\*{3}|•|[xX]{4}))/;

function isElided(text: string, start: number, end: number): boolean {
  return ELIDED_AFTER.test(text.slice(end, end + 5)) || text.endsWith("…", start) || text.endsWith("...", start);
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
