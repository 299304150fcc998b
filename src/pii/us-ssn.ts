/**
 * US Social Security numbers: AAA-GG-SSSS with valid parts (area not 000, 666 or 900-999; group not 00; serial
 * not 0000). The dashed or spaced form is reported unless the text calls it something else (an order or
 * ticket number); a bare nine-digit run only next to an SSN cue.
 */
import { isExampleSsn } from "./allowlist.js";
import type { DetectorContext, PiiMatch } from "./types.js";
import { isDigitCode, textBefore } from "./text.js";

const SSN_CUE = /(?:ssn|ss#|ss #|social security|soc\.? sec|social insurance|tax ?id|\btin\b|\bitin\b|taxpayer)/;
const OTHER_ID_CUE = /(?:order|invoice|ticket|ref|reference|tracking|case|confirmation|transaction|serial|part|model|sku|isbn|phone|tel|fax|call|account|acct|routing|po|claim|policy|member)\s*(?:no\.?|num(?:ber)?\.?|#|id)?\s*[:#=]?\s*$/;

export function isValidSsnDigits(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  const area = d.slice(0, 3);
  if (area === "000" || area === "666" || area[0] === "9") return false;
  if (d.slice(3, 5) === "00") return false;
  return d.slice(5) !== "0000";
}

function run(text: string, at: number, len: number): boolean {
  for (let k = at; k < at + len; k++) if (!isDigitCode(text.charCodeAt(k))) return false;
  return true;
}

const SSN_SHAPE = /\d{3}[-. ]?\d{2}[-. ]?\d{4}/;

export function detectSsns({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  // Nine digits, grouped 3-2-4 or not, somewhere in the text, before the walk over every character (which a
  // one-off CLI run executes cold).
  if (!SSN_SHAPE.test(text)) return out;
  const n = text.length;
  for (let i = 0; i + 9 <= n; i++) {
    if (!isDigitCode(text.charCodeAt(i))) continue;
    const prev = text[i - 1];
    if (prev !== undefined && /[\p{L}\p{N}_.\-/#$€£,+]/u.test(prev)) {
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      continue;
    }
    let end = -1;
    let digits = "";
    let separated = false;
    const sep = text[i + 3];
    if (run(text, i, 3) && (sep === "-" || sep === " " || sep === ".") && run(text, i + 4, 2) && text[i + 6] === sep && run(text, i + 7, 4)) {
      end = i + 11;
      digits = text.slice(i, i + 3) + text.slice(i + 4, i + 6) + text.slice(i + 7, i + 11);
      separated = sep === "-" || sep === " ";
    } else if (run(text, i, 9)) {
      end = i + 9;
      digits = text.slice(i, end);
    }
    if (end === -1) {
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      continue;
    }
    const after = text[end];
    const glued = after !== undefined && (/[\p{L}\p{N}_@]/u.test(after) || ((after === "-" || after === ".") && isDigitCode(text.charCodeAt(end + 1))));
    if (!glued && isValidSsnDigits(digits) && !(builtin && isExampleSsn(digits))) {
      const before = textBefore(text, i, 40, true);
      const cue = SSN_CUE.test(before);
      if (cue || (separated && !OTHER_ID_CUE.test(before))) {
        out.push({ type: "us-ssn", start: i, end, value: text.slice(i, end), confidence: cue ? 0.95 : 0.85 });
        i = end - 1;
        continue;
      }
    }
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  }
  return out;
}
