/**
 * Dates of birth: a real calendar date (with a year) right after a birth cue ("DOB", "date of birth",
 * "born on", "birthday"...). A date without such a cue is an ordinary date (an order, a release) and is left alone.
 */
import type { DetectorContext, PiiMatch } from "./types.js";

const CUE = /\b(?:d\.?o\.?b\.?|date[ _-]of[ _-]birth|birth[ _-]?date|birthdate|birthday|born(?:\s+on)?|geburtsdatum|geboren(?:\s+am)?|fecha de nacimiento|date de naissance|n[ée]e? le)\b/gi;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7,
  july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12,
  december: 12,
};
const MONTH_NAMES = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/** Date shapes, anchored at the start of the text that follows the cue (all bounded, no nested repetition). */
const DATE_FORMS: { re: RegExp; parts: (m: RegExpExecArray) => [y: number, m: number, d: number] | undefined }[] = [
  { re: /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/, parts: (m) => [+m[1]!, +m[3]!, +m[4]!] },
  {
    // 03/04/1987 is ambiguous: accept when either reading is a real date.
    re: /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/,
    parts: (m) => {
      const y = normaliseYear(+m[4]!);
      const a = +m[1]!;
      const b = +m[3]!;
      if (isRealDate(y, a, b)) return [y, a, b];
      if (isRealDate(y, b, a)) return [y, b, a];
      return undefined;
    },
  },
  {
    re: new RegExp(`^(${MONTH_NAMES})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})(?!\\d)`, "i"),
    parts: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
  {
    re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?(${MONTH_NAMES})\\.?,?\\s{1,3}(\\d{4})(?!\\d)`, "i"),
    parts: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
];

function normaliseYear(y: number): number {
  if (y >= 100) return y;
  return y > 30 ? 1900 + y : 2000 + y;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** Placeholder birth dates (Unix epoch, 1900-01-01) are documentation, not a person. */
function isPlaceholderBirth(y: number, m: number, d: number): boolean {
  return (y === 1970 || y === 1900 || y === 2000) && m === 1 && d === 1;
}

export function detectDatesOfBirth({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  const thisYear = new Date().getUTCFullYear();
  CUE.lastIndex = 0;
  let lastEnd = -1;
  for (let cue = CUE.exec(text); cue; cue = CUE.exec(text)) {
    // The date follows within a short stretch of the same sentence ("DOB for the age check: 1999-02-28").
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + 40);
    const startAt = /[0-9]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.exec(window);
    if (!startAt) continue;
    const between = window.slice(0, startAt.index);
    if (/[;!?\n]|\.\s/.test(between)) continue;
    const k = from + startAt.index;
    if (k <= lastEnd) continue;
    const rest = text.slice(k, k + 40);
    for (const form of DATE_FORMS) {
      const m = form.re.exec(rest);
      if (!m) continue;
      const parts = form.parts(m);
      if (!parts) break;
      const [y, mo, d] = parts;
      if (!isRealDate(y, mo, d) || y < 1900 || y > thisYear) break;
      if (builtin && isPlaceholderBirth(y, mo, d)) break;
      out.push({ type: "date-of-birth", start: k, end: k + m[0].length, value: m[0], confidence: 0.9 });
      lastEnd = k + m[0].length;
      break;
    }
  }
  return out;
}
