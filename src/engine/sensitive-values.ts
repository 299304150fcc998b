/**
 * The secret and personal values found in one file, as text to look for elsewhere: in messages that quote
 * the prompt (a contradiction message quotes a whole sentence, key included), and in the rest of the file
 * (the same value on the next line of a code frame).
 *
 * Lookup is one pass over the text with a hash of the next four characters, so the cost is linear in the
 * text plus the matches, however many values the file holds (a few-shot file may hold thousands).
 */
import type { Range } from "../model/document.js";
import { maskValue } from "./mask.js";

/** Shorter values are left alone: masking every "Ann" in a file would hide the text, not a secret. */
export const MIN_VALUE_LENGTH = 4;
const KEY_LENGTH = 4;

/**
 * Quotes are cut to a few dozen characters; a cut value leaves its start before the ellipsis (or three dots,
 * or the closing quote of V8's JSON error excerpt `"{"a": ghp_R8mK2x"...`).
 */
const CUT_MARKS = /["']?(?:\u2026|\.\.\.)/g;
/** How far before an ellipsis a cut value may start. */
const MAX_CUT_LOOKBACK = 256;

interface Entry {
  value: string;
  /** Compared case-insensitively (email addresses). */
  folded?: string;
}

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function keyAt(text: string, i: number): number {
  let h = 0;
  for (let k = 0; k < KEY_LENGTH; k++) h = (h * 65599 + fold(text.charCodeAt(i + k))) | 0;
  return h;
}

export class SensitiveValues {
  private readonly byKey = new Map<number, Entry[]>();
  private readonly seen = new Set<string>();

  get size(): number {
    return this.seen.size;
  }

  /** Adds a value as found and in the forms quotes and encodings give it. */
  add(raw: string): void {
    const value = raw.trim();
    this.addExact(value);
    // Quotes collapse whitespace runs (a multi-line address, a key body) into single spaces.
    if (/\s/.test(value)) this.addExact(value.replace(/\s+/g, " "));
    // A value found in a JSON string's raw text (`jane\u0040x.com`) reads decoded in messages.
    if (value.includes("\\")) {
      try {
        const decoded = JSON.parse(`"${value.replace(/"/g, '\\"')}"`) as string;
        this.addExact(decoded);
        if (/\s/.test(decoded)) this.addExact(decoded.replace(/\s+/g, " "));
      } catch {
        // Not a JSON escape sequence: the raw form is enough.
      }
    }
  }

  private addExact(value: string): void {
    if (value.length < MIN_VALUE_LENGTH || this.seen.has(value)) return;
    this.seen.add(value);
    const entry: Entry = value.includes("@") ? { value, folded: value.toLowerCase() } : { value };
    const key = keyAt(value, 0);
    const list = this.byKey.get(key);
    if (list) list.push(entry);
    else this.byKey.set(key, [entry]);
  }

  /** Every occurrence of every value in `text` (ranges may overlap; callers merge). */
  occurrences(text: string): { range: Range; value: string }[] {
    const out: { range: Range; value: string }[] = [];
    if (this.seen.size === 0) return out;
    for (let i = 0; i + KEY_LENGTH <= text.length; i++) {
      const candidates = this.byKey.get(keyAt(text, i));
      if (!candidates) continue;
      for (const entry of candidates) {
        if (matchesAt(text, i, entry)) out.push({ range: [i, i + entry.value.length], value: entry.value });
      }
    }
    return out;
  }

  /**
   * Values cut short by a quote: the start of a value right before an ellipsis (`… key sk-proj-Xa82k…`).
   * At least four characters of the value must be there, as in `occurrences`.
   */
  cutBeforeEllipsis(text: string): { range: Range; value: string }[] {
    const out: { range: Range; value: string }[] = [];
    if (this.seen.size === 0) return out;
    for (const mark of text.matchAll(CUT_MARKS)) {
      const at = mark.index;
      const lowest = Math.max(0, at - MAX_CUT_LOOKBACK);
      for (let start = at - KEY_LENGTH; start >= lowest; start--) {
        const candidates = this.byKey.get(keyAt(text, start));
        if (!candidates) continue;
        const shown = text.slice(start, at);
        const entry = candidates.find(
          (e) =>
            e.value.length > shown.length &&
            (e.folded ? e.folded.startsWith(shown.toLowerCase()) : e.value.startsWith(shown)) &&
            // The masked form itself (`sk-proj-…bX4w`) shows a prefix before its ellipsis on purpose.
            !text.startsWith(maskValue(e.value), start),
        );
        // No early exit: a longer value may start further back.
        if (entry) out.push({ range: [start, at], value: entry.value });
      }
    }
    return out;
  }
}

function matchesAt(text: string, i: number, entry: Entry): boolean {
  const n = entry.value.length;
  if (i + n > text.length) return false;
  if (!entry.folded) return text.startsWith(entry.value, i);
  return text.slice(i, i + n).toLowerCase() === entry.folded;
}
