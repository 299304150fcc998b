import { createHash } from "node:crypto";
import type { LintMessage } from "../engine/types.js";
import type { LineIndex } from "../model/line-index.js";

/** Key under `partialFingerprints`; bump the version if the recipe below changes. */
export const FINGERPRINT_KEY = "promptvetContextHash/v1";

/**
 * Fingerprints that survive unrelated edits: they hash what was flagged and the text of its lines
 * (whitespace-normalised), never line numbers, so inserting a paragraph above a finding keeps its
 * identity. Identical findings in one file are told apart by an occurrence index. The text comes
 * from the masked source, so a secret is never hashed, let alone stored.
 */
export function fingerprints(relPath: string, messages: readonly LintMessage[], lines: LineIndex | undefined): string[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const key = sha256([m.ruleId ?? "", m.messageId ?? "", relPath, ...contextOf(m, lines)].join("\u0000"));
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return `${key.slice(0, 32)}:${index + 1}`;
  });
}

function contextOf(m: LintMessage, lines: LineIndex | undefined): string[] {
  if (!lines || m.fatal || m.line < 1) {
    // No text to anchor on: fall back to the message without its numbers (they often are positions).
    return [normalise(m.message.replace(/\d+/g, "#"))];
  }
  const start = lines.offsetAt({ line: m.line, column: m.column });
  const end = Math.max(start, lines.offsetAt({ line: m.endLine, column: m.endColumn }));
  const firstLine = lines.lineStarts[m.line - 1] ?? 0;
  const lastLineEnd = lines.lineEnd(Math.min(m.endLine, lines.lineCount));
  return [normalise(lines.text.slice(start, end)), normalise(lines.text.slice(firstLine, Math.max(lastLineEnd, end)))];
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
