/**
 * Dates of birth: a real calendar date (with a year) after a birth cue ("DOB", "date of birth", "born on",
 * "birthday", "Geburtsdatum", "fecha de nacimiento", "születési dátum"...). The date may follow in the next short
 * sentence ("date of birth. It's 6/24/1991") or on the next line of a form ("DOB:\n1987-03-14"). A date without
 * such a cue is an ordinary date (an order, a release) and is left alone.
 */
import type { DetectorContext, PiiMatch } from "./types.js";

const CUE =
  /(?<![\p{L}\p{N}])(?:d\.?o\.?b\.?|date[ _-]of[ _-]birth|birth[ _-]?date|birthdate|birthday|born(?:\s+on)?|geburtsdatum|geburtstag|geboren(?:\s+am)?|geb\.|fecha de nacimiento|f\. de nacimiento|nacid[oa](?:\s+el)?|data de nascimento|nascid[oa](?:\s+em)?|data di nascita|nat[oa](?:\s+il)?|date de naissance|n[ée]e? le|geboortedatum|geboren op|födelsedatum|fødselsdato|født|syntymäaika|data urodzenia|urodzon[ya]|datum narození|narozen[aá]?|születési (?:dátum|idő)|született|doğum tarihi|ημερομηνία γέννησης|дата рождения|b-?day|bday|birth(?=\s?[:：])|(?<=(?:^|\n|[(,;|–—])\s?)b\.(?=\s?\d)|f(?:echa|ec)?(?:\. ?| )(?:de )?nac\.?|nac[ií](?:[óo])?(?:\s+el)?|(?:data (?:de )?)?nasc\.?|n[ée]\(e\)\s+le|ur\.|nar\.|född|syntynyt|geb(?:oren)?\.?[ -]?dat(?:um|\.)|родил(?:ся|ась)|ngày sinh|t(?:ang)?g(?:a)?l\.? lahir)(?![\p{L}\p{N}])|生年月日|出生日期|생년월일/giu;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7,
  july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12,
  december: 12,
  // German, Dutch, Scandinavian
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8, mars: 3, augusti: 8, maj: 5,
  // French, Spanish, Portuguese, Italian
  janvier: 1, février: 2, fevrier: 2, avril: 4, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10,
  novembre: 11, décembre: 12, decembre: 12, enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7,
  agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12, janeiro: 1, fevereiro: 2,
  março: 3, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, dezembro: 12, gennaio: 1, febbraio: 2,
  aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  // Hungarian
  január: 1, február: 2, március: 3, április: 4, május: 5, június: 6, július: 7, augusztus: 8, szeptember: 9,
  október: 10,
  // Polish and Czech (genitive, as dates write them)
  stycznia: 1, lutego: 2, marca: 3, kwietnia: 4, maja: 5, czerwca: 6, lipca: 7, sierpnia: 8, września: 9,
  października: 10, listopada: 11, grudnia: 12, ledna: 1, února: 2, března: 3, dubna: 4, května: 5, června: 6,
  července: 7, srpna: 8, září: 9, října: 10, listopadu: 11, prosince: 12,
  // Short forms of the other languages ("3. Okt. 1990", "12 ene 1985", "5 févr. 1979")
  mär: 3, mrz: 3, okt: 10, dez: 12, ene: 1, abr: 4, ago: 8, dic: 12, set: 9, out: 10, fev: 2, févr: 2, janv: 1,
  déc: 12, juil: 7, gen: 1, giu: 6, lug: 7, ott: 10,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

type Parts = [y: number, m: number, d: number];

/** Date shapes, anchored at the start of the text that follows the cue (all bounded, no nested repetition). */
const DATE_FORMS: { re: RegExp; parts: (m: RegExpExecArray) => Parts | undefined }[] = [
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
    // March 3, 1979 / Mar. 3rd 1979
    re: new RegExp(`^(${MONTH_NAMES})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})(?!\\d)`, "iu"),
    parts: (m) => monthParts(+m[3]!, m[1]!, +m[2]!),
  },
  {
    // 3 March 1979 / 3rd of March, 1979 / 12. März 1985 / 12 de marzo de 1985
    re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th|\\.|º)?\\s{1,3}(?:of\\s{1,3}|de\\s{1,3})?(${MONTH_NAMES})\\.?,?\\s{1,3}(?:de\\s{1,3})?(\\d{4})(?!\\d)`, "iu"),
    parts: (m) => monthParts(+m[3]!, m[2]!, +m[1]!),
  },
  {
    // 04-JUN-1991, 12-Mar-85, 3/Oct/1990: clinical and airline records
    re: new RegExp(`^(\\d{1,2})([-/ ])(${MONTH_NAMES})\\.?\\2(\\d{4}|\\d{2})(?![\\d\\p{L}])`, "iu"),
    parts: (m) => monthParts(normaliseYear(+m[4]!), m[3]!, +m[1]!),
  },
  {
    // 19850312: a compact date, read only right after a cue (the cue loop gives nothing else to the forms)
    re: /^((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/,
    parts: (m) => [+m[1]!, +m[2]!, +m[3]!],
  },
  {
    // Japanese, Chinese, Korean: 1985年3月12日, 1985년 3월 12일
    re: /^(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]?/u,
    parts: (m) => [+m[1]!, +m[2]!, +m[3]!],
  },
  {
    // Hungarian: 1983. április 12.
    re: new RegExp(`^(\\d{4})\\.\\s{1,3}(${MONTH_NAMES})\\s{1,3}(\\d{1,2})\\.?(?!\\d)`, "iu"),
    parts: (m) => monthParts(+m[1]!, m[2]!, +m[3]!),
  },
];

/** The forms written with digits only (ISO, day-month-year, compact): a date without letters can match no other. */
const NUMERIC_FORMS = [DATE_FORMS[0]!, DATE_FORMS[1]!, DATE_FORMS[5]!];

function monthParts(y: number, month: string, d: number): Parts | undefined {
  const m = MONTHS[month.toLowerCase()];
  return m === undefined ? undefined : [y, m, d];
}

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

const DATE_START = new RegExp(`[0-9]|(?<![\\p{L}])(?:${MONTH_NAMES})\\.?\\s+\\d`, "iu");
/** A short clause that hands the cue over to the next sentence: "date of birth. It's 6/24/1991". */
const HANDOVER = /^[.!?]\s{1,3}(?:it['’]s|it is|it was|that['’]s|that is|mine is|mine['’]s|hers is|his is|theirs is|she was born(?: on)?|he was born(?: on)?|born(?: on)?|here it is:?|sure[,:]?|yes[,:]?)\s{0,3}$/i;

/**
 * The words an answer may start with before the date itself: "sure, it's 7-22-2016", "yes — 3 March 1990".
 * Only fillers, so "my order from 12/03/2024" is not read as the answer.
 */
const ANSWER_LEAD = String.raw`(?:(?:sure|yes|yeah|yep|ok(?:ay)?|of course|certainly|um+|uh+|hmm+|so|right|it['\u2019]s|it is|it was|that['\u2019]s|that is|mine['\u2019]s|mine is|hers is|his is|she was born(?: on)?|he was born(?: on)?|born(?: on)?|on|the|el|le|il|am|em|op|s\u00ed|si|oui|ja|sim|claro)(?:[ \t]*[,.:!\u2014\u2013-])?[ \t]+){0,4}`;
/** A question for the date, answered at the start of the next turn: "Date of birth, Tomasz?\n[00:00:42] CALLER: ". */
const ANSWER_TURN = new RegExp(
  String.raw`^[^\n?]{0,30}\?["\u201d]?[ \t]*\n[ \t]*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]*)?(?:[>*-][ \t]*)?(?:\*\*)?[\p{L}][\p{L} ]{0,20}(?:\*\*)?:(?:\*\*)?[ \t]*${ANSWER_LEAD}(?=\d|\p{L}{3,9}\.? \d)`,
  "iu",
);
/**
 * The answer as a turn of its own (a JSONL or YAML message after the one that asked): the text right before it ends
 * with a request for the birth date, in any language the cues know ("¿me confirma la fecha de nacimiento …?", "Ich
 * bräuchte noch Ihr Geburtsdatum."), and only the structure between the turns (quotes, braces, role keys).
 */
const QUESTION_BEFORE = new RegExp(`(?:${CUE.source})[^?.\n]{0,60}[?.]([^?]{0,80})$`, "iu");
const TURN_STRUCTURE = /["'{}[\],:\s]|\b(?:role|content|text|value|message|user|human|customer|client|caller|patient|input|from|speaker|- user|\\n)\b/gi;
const LEADING_ANSWER = new RegExp(String.raw`^\s*${ANSWER_LEAD}`, "iu");

export function detectDatesOfBirth({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  // Every date form has a digit: text without one (most chat turns, headings) skips the long cue pattern.
  if (!/\d/.test(text)) return out;
  const thisYear = new Date().getUTCFullYear();
  let lastEnd = -1;
  const take = (k: number): void => {
    const found = birthDateAt(text, k, builtin, thisYear);
    if (!found) return;
    out.push(found);
    lastEnd = found.end;
  };
  // A turn that answers the previous turn's question ("What's your date of birth?" → "sure, it's 7-22-2016").
  if (options.before && answersBirthQuestion(options.before)) {
    const lead = LEADING_ANSWER.exec(text);
    take(lead ? lead[0].length : 0);
  }
  CUE.lastIndex = 0;
  for (let cue = CUE.exec(text); cue; cue = CUE.exec(text)) {
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + 60);
    const firstDigit = window.search(/\d/);
    if (firstDigit === -1) continue;
    // A month name can only start the date before the first digit: without a letter there, the digit does (and the
    // long month pattern is never compiled for "Date of birth: 1987-03-14").
    // The answer in the next turn starts after its speaker label (whose timestamp is not the date).
    const turn = ANSWER_TURN.exec(window);
    const startIndex = turn ? turn[0].length : /\p{L}/u.test(window.slice(0, firstDigit)) ? DATE_START.exec(window)!.index : firstDigit;
    const between = window.slice(0, startIndex);
    // The date follows in the same clause ("DOB for the age check: 1999-02-28"), on the next line of a form
    // ("Date of birth:\n1987-03-14"), or after a short hand-over sentence ("date of birth. It's 6/24/1991").
    const sameClause = !/[;!?\n]|\.\s/.test(between);
    const nextFormLine = /^\s*[:\-–]?\s*\n\s*(?:[-*>]\s*)?$/.test(between);
    if (!sameClause && !nextFormLine && !HANDOVER.test(between) && !turn) continue;
    const k = from + startIndex;
    if (k <= lastEnd) continue;
    take(k);
  }
  // Tables whose header names a birth-date column: every row's cell in that column.
  if (text.includes("|")) for (const k of tableColumnCells(text)) if (k > lastEnd) take(k);
  return out;
}

/** The date of birth that starts at `k`, when a real past date of one of the forms does. */
function birthDateAt(text: string, k: number, builtin: boolean, thisYear: number): PiiMatch | undefined {
  const rest = text.slice(k, k + 40);
  // The month-name forms need a letter; all-numeric dates skip them.
  const forms = /\p{L}/u.test(rest) ? DATE_FORMS : NUMERIC_FORMS;
  for (const form of forms) {
    const m = form.re.exec(rest);
    if (!m) continue;
    const parts = form.parts(m);
    if (!parts) return undefined;
    const [y, mo, d] = parts;
    if (!isRealDate(y, mo, d) || y < 1900 || y > thisYear) return undefined;
    if (builtin && isPlaceholderBirth(y, mo, d)) return undefined;
    const value = m[0].replace(/\.$/, "");
    return { type: "date-of-birth", start: k, end: k + value.length, value, confidence: 0.9 };
  }
  return undefined;
}

/** The text before a turn ends with a birth-date question and nothing but the structure between two turns. */
function answersBirthQuestion(before: string): boolean {
  const q = QUESTION_BEFORE.exec(before.slice(-160));
  if (!q) return false;
  return q[1]!.replace(TURN_STRUCTURE, "").length === 0;
}

const TABLE_ROW = /^[ \t]*\|(.*)\|[ \t]*$/;
const TABLE_RULE = /^[\s|:-]+$/;
/** A header cell that is a birth cue and nothing else ("DOB", "F. de nacimiento", "Data urodzenia (DD.MM)"). */
const BIRTH_HEADER = new RegExp(`^\\s*(?:${CUE.source})\\s*(?:\\([^)]{0,20}\\))?\\s*$`, "iu");

/** Offsets of the cells under a birth-date header in the text's pipe tables (rows after the header). */
function tableColumnCells(text: string): number[] {
  const out: number[] = [];
  let column = -1;
  let offset = 0;
  for (const line of text.split("\n")) {
    const row = TABLE_ROW.exec(line);
    if (!row) column = -1;
    else {
      const cells = row[1]!.split("|");
      const header = cells.findIndex((c) => BIRTH_HEADER.test(c));
      if (header !== -1) column = header;
      else if (column !== -1 && !TABLE_RULE.test(row[1]!) && column < cells.length) {
        let at = offset + line.indexOf("|") + 1;
        for (let c = 0; c < column; c++) at += cells[c]!.length + 1;
        const cell = cells[column]!;
        at += cell.length - cell.trimStart().length;
        out.push(at);
      }
    }
    offset += line.length + 1;
  }
  return out;
}
