import { defineRule } from "../../src/rule-api/types.js";
import type { PromptDocument, Range, Segment } from "../../src/model/document.js";

/**
 * Finds characters a reviewer cannot see but a model reads: zero-width characters, bidirectional controls
 * (Trojan Source), Unicode tag characters (which spell hidden ASCII instructions), soft hyphens, runs of
 * variation selectors (used to smuggle bytes after an emoji) and C0/C1 control characters.
 *
 * Legitimate uses are left alone: ZWJ inside emoji sequences, ZWJ/ZWNJ between letters of scripts that
 * need them (Persian, Indic...), tag characters that spell a subdivision flag (🏴 + "gbeng" + cancel tag),
 * a single variation selector.
 *
 * One finding (and one fix that removes it) per run of adjacent characters.
 */

type Kind = "tag" | "bidi" | "zero-width" | "soft-hyphen" | "control" | "variation-selector";

const NAMES: Record<number, string> = {
  0x00ad: "SOFT HYPHEN",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
};

function classify(cp: number): Kind | undefined {
  if (cp < 0x20) return cp === 9 || cp === 10 || cp === 13 ? undefined : "control";
  if (cp < 0x7f) return undefined;
  if (cp <= 0x9f) return "control";
  if (cp === 0xad) return "soft-hyphen";
  if (cp === 0x180e || (cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff) return "zero-width";
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return "bidi";
  if (cp >= 0xe0000 && cp <= 0xe007f) return "tag";
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return "variation-selector";
  return undefined;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_PART = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{20E3}]/u;
const JOINING_LETTER = /[\p{L}\p{M}]/u;
const LATIN_OR_ASCII = /[\p{Script=Latin}\p{Script=Common}]/u;

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1]!;
}

function codePointAtString(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

interface Run {
  start: number;
  end: number;
  codePoints: number[];
}

/** Runs of suspicious characters in `text` (offsets into `text`). Linear in the length of the text. */
export function findInvisibleRuns(text: string, skipLeadingBom: boolean): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kind = cp >= 0x20 && cp < 0x7f ? undefined : classify(cp);
    if (kind && !isLegitimate(text, i, cp, width, kind, skipLeadingBom)) {
      if (current && current.end === i) {
        current.end = i + width;
        current.codePoints.push(cp);
      } else {
        current = { start: i, end: i + width, codePoints: [cp] };
        runs.push(current);
      }
    }
    i += width;
  }
  return runs.filter((run) => !isSingleVariationSelector(run));
}

function isSingleVariationSelector(run: Run): boolean {
  return run.codePoints.length === 1 && classify(run.codePoints[0]!) === "variation-selector";
}

function isLegitimate(text: string, i: number, cp: number, width: number, kind: Kind, skipLeadingBom: boolean): boolean {
  if (cp === 0xfeff && i === 0 && skipLeadingBom) return true; // a BOM: hygiene/bom's business
  if (cp === 0x200d || cp === 0x200c) {
    const before = codePointBefore(text, i);
    const after = codePointAtString(text, i + width);
    if (cp === 0x200d && EMOJI_PART.test(before) && PICTOGRAPHIC.test(after)) return true;
    // Scripts that shape with joiners: both neighbours are letters outside Latin/Common.
    if (JOINING_LETTER.test(before) && JOINING_LETTER.test(after) && !LATIN_OR_ASCII.test(before) && !LATIN_OR_ASCII.test(after)) return true;
  }
  if (kind === "tag") return isFlagTagSequence(text, i);
  return false;
}

/** Tag characters inside 🏴 + tag letters/digits + CANCEL TAG (the flags of England, Scotland, Wales). */
function isFlagTagSequence(text: string, i: number): boolean {
  let start = i;
  while (start >= 2) {
    const cp = text.codePointAt(start - 2)!;
    if (cp >= 0xe0000 && cp <= 0xe007f) start -= 2;
    else break;
  }
  if (text.codePointAt(start - 2) !== 0x1f3f4) return false;
  let j = start;
  let letters = 0;
  while (j < text.length) {
    const cp = text.codePointAt(j)!;
    if (cp === 0xe007f) return letters > 0;
    const isTagAlnum = (cp >= 0xe0061 && cp <= 0xe007a) || (cp >= 0xe0030 && cp <= 0xe0039);
    if (!isTagAlnum) return false;
    letters++;
    j += 2;
  }
  return false;
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

function describeRun(codePoints: number[]): string {
  const distinct = [...new Set(codePoints)];
  const shown = distinct.slice(0, 3).map((cp) => (NAMES[cp] ? `${hex(cp)} ${NAMES[cp]}` : hex(cp)));
  const more = distinct.length > 3 ? ` and ${distinct.length - 3} more` : "";
  const count = codePoints.length > 1 ? `${codePoints.length} characters: ` : "";
  return `${count}${shown.join(", ")}${more}`;
}

function hiddenText(codePoints: number[]): string {
  let out = "";
  for (const cp of codePoints) {
    const ascii = cp - 0xe0000;
    if (ascii >= 0x20 && ascii <= 0x7e) out += String.fromCharCode(ascii);
  }
  return out.length > 60 ? `${out.slice(0, 57)}...` : out;
}

export default defineRule({
  meta: {
    id: "hygiene/invisible-characters",
    category: "hygiene",
    fixable: true,
    docs: {
      description: "Disallow invisible, bidirectional-control and Unicode tag characters in prompts",
      help: "Remove the characters (promptvet --fix does): a model reads text a reviewer cannot see.",
      recommended: "error",
    },
    messages: {
      hiddenText: "Unexpected hidden text '{{text}}' in {{count}} Unicode tag characters, expected visible text only: models read it, reviewers cannot see it.",
      bidi: "Unexpected bidirectional control ({{what}}), expected none: it reorders how the text is displayed (Trojan Source).",
      invisible: "Unexpected invisible character ({{what}}), expected visible text or nothing.",
      variationSelectors: "Unexpected run of variation selectors ({{what}}), expected at most one after a character: long runs can smuggle hidden data.",
    },
  },
  create(context) {
    const report = (document: PromptDocument, run: Run, range: Range) => {
      const kinds = new Set(run.codePoints.map((cp) => classify(cp)));
      const what = describeRun(run.codePoints);
      const fix = { range: [range[0], range[1]] as [number, number], text: "" };
      if (kinds.has("tag")) {
        const text = hiddenText(run.codePoints);
        if (text.length > 0) {
          context.report({ messageId: "hiddenText", data: { text, count: run.codePoints.length }, range, fix });
          return;
        }
      }
      if (kinds.has("bidi")) context.report({ messageId: "bidi", data: { what }, range, fix });
      else if (kinds.size === 1 && kinds.has("variation-selector")) context.report({ messageId: "variationSelectors", data: { what }, range, fix });
      else context.report({ messageId: "invisible", data: { what }, range, fix });
      void document;
    };
    return {
      document(document) {
        for (const run of findInvisibleRuns(document.source, true)) report(document, run, [run.start, run.end]);
      },
      segment(segment: Segment) {
        // JSON escapes (`\u200b`) put an invisible character in what the model reads without one in the
        // file; raw characters inside strings were already found in the source.
        if (segment.map.isVerbatim || !segment.text) return;
        for (const run of findInvisibleRuns(segment.text, false)) {
          const range = context.segmentRange(segment, [run.start, run.end]);
          if (context.document.source.charCodeAt(range[0]) !== 0x5c) continue;
          report(context.document, run, range);
        }
      },
    };
  },
});
