import { createHash } from "node:crypto";
import type { LintMessage } from "../rule-api/types.js";
import type { LineIndex } from "../model/line-index.js";

/** Key under `partialFingerprints`; bump the version if the recipe below changes. */
export const FINGERPRINT_KEY = "promptvetContextHash/v1";

/**
 * Fingerprints that survive unrelated edits: they hash what was flagged and the text around it on
 * its line (whitespace-normalised), never line numbers, so inserting a paragraph above a finding keeps its
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

/** Characters of the surrounding line hashed on each side, and of a long flagged range at each end. */
const AROUND = 80;
const FLAGGED_EDGE = 100;

function contextOf(m: LintMessage, lines: LineIndex | undefined): string[] {
  if (!lines || m.fatal || m.line < 1) {
    // No text to anchor on: fall back to the message without its numbers (they often are positions).
    return [normalise(m.message.replace(/\d+/g, "#"))];
  }
  const text = lines.text;
  const start = lines.offsetAt({ line: m.line, column: m.column });
  const end = Math.max(start, lines.offsetAt({ line: m.endLine, column: m.endColumn }));
  // Bounded windows keep the hash cheap on huge lines and keep edits far along the line from changing it.
  const lineStart = lines.lineStarts[m.line - 1] ?? 0;
  const lineEnd = Math.max(end, lines.lineEnd(Math.min(m.endLine, lines.lineCount)));
  const flagged = end - start > 2 * FLAGGED_EDGE ? `${text.slice(start, start + FLAGGED_EDGE)}\u0000${text.slice(end - FLAGGED_EDGE, end)}` : text.slice(start, end);
  const before = text.slice(Math.max(lineStart, start - AROUND), start);
  const after = text.slice(end, Math.min(lineEnd, end + AROUND));
  return [normalise(flagged), normalise(before), normalise(after)];
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
