/** Small character helpers shared by the detectors; all linear, no regex backtracking. */

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters (any script), digits and underscore: a character that continues a word. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === "") return false;
  const c = ch.charCodeAt(0);
  if (isDigitCode(c) || isAsciiLetterCode(c) || c === 95) return true;
  if (c < 128) return false;
  return /[\p{L}\p{N}]/u.test(ch);
}

export function digitsOf(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) out += value[i];
  }
  return out;
}

/** Lower-cased text of up to `n` characters before `start`, limited to the same line when `sameLine`. */
export function textBefore(text: string, start: number, n: number, sameLine = false): string {
  const from = sameLine ? lineStart(text, start, n) : Math.max(0, start - n);
  return text.slice(from, start).toLowerCase();
}

/** Lower-cased text of up to `n` characters after `end`. */
export function textAfter(text: string, end: number, n: number, sameLine = false): string {
  const to = sameLine ? lineEnd(text, end, n) : Math.min(text.length, end + n);
  return text.slice(end, to).toLowerCase();
}

/**
 * Start offset of the line that contains `offset`, looking back at most `limit` characters: on a line longer
 * than that, the window start stands in for the line start. Bounded so callers stay linear on huge lines.
 */
export function lineStart(text: string, offset: number, limit = 400): number {
  const stop = Math.max(0, offset - limit);
  for (let i = offset - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return stop;
}

/** End offset (exclusive, before the line break) of the line that contains `offset`, looking ahead at most `limit`. */
export function lineEnd(text: string, offset: number, limit = 400): number {
  const stop = Math.min(text.length, offset + limit);
  for (let i = offset; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return stop;
}

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Number of distinct characters in a string (used to spot dummy numbers such as 4111 1111 1111 1111). */
export function distinctChars(value: string): number {
  return new Set(value).size;
}

/** A line that starts with a speaker label ("User:", "**Customer:**", "> Agent:"): part of a conversation. */
export const SPEAKER_LABEL =
  /^\s*(?:[-*>]\s*)?(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?(?:\*\*)?(?:parent|tenant|staff|caller|request|message|inbound|incoming|teacher|nurse|receptionist|member|employee|applicant|candidate|interviewer|host|traveller|traveler|passenger|owner|landlord|student|user|customer|client|human|agent|assistant|ai|bot|rep|representative|support|patient|doctor|q|a|input|output|visitor|guest|buyer|seller|me|them|reply|response|sms|cliente|usuario|usuário|utente|kunde|kundin|klant|kund|asiakas|ügyfél|klient|asistente|assistente|asszisztens|agente|operador|operatore|berater|conseiller|conseillère|paciente|paziente|patient(?:in)?)(?:\*\*)?\s*:/i;

export function isDialogueLine(text: string, offset: number): boolean {
  const start = lineStart(text, offset);
  return SPEAKER_LABEL.test(text.slice(start, start + 40));
}

/** How many table rows above a cell are searched for the header row: bounded so a long table stays linear. */
const TABLE_HEADER_LOOKBACK = 40;

/**
 * The header text of the Markdown table column a cell sits in ("| Name | Age |\n|-|-|\n| Jane | 30 |" gives "Name"
 * for "Jane"), or undefined when the line is not a table row or no header row is found close above.
 */
export function tableColumnHeader(text: string, lineStartIdx: number, at: number): string | undefined {
  const row = text.slice(lineStartIdx, at);
  if (!/^\s*\|/.test(row)) return undefined;
  let column = 0;
  for (let i = 0; i < row.length; i++) if (row[i] === "|") column++;
  let lineAt = lineStartIdx;
  for (let n = 0; n < TABLE_HEADER_LOOKBACK && lineAt > 0; n++) {
    const from = lineStart(text, lineAt - 1, 2000);
    const line = text.slice(from, lineAt - 1);
    if (!/^\s*\|/.test(line)) return undefined;
    // The delimiter row ("|---|:-:|"): the row above it is the header.
    if (/^\s*\|[\s:|-]+$/.test(line) && line.includes("-")) {
      if (from === 0) return undefined;
      const header = text.slice(lineStart(text, from - 1, 2000), from - 1);
      const cell = header.split("|")[column];
      return cell === undefined ? undefined : cell.replace(/[*_`]/g, "").trim();
    }
    lineAt = from;
  }
  return undefined;
}
