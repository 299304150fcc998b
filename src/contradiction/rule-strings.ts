/**
 * Rules written as code: a `.cursorrules` file that lists its rules as string literals in an array
 * (`best_practices = ["Use Pydantic models", "Avoid async"]`) or as the values of a JSON object
 * (`"indentation": "4 spaces"`). Quotation marks there delimit the author's own rules, not quoted speech, so they
 * are taken off before quotations are blanked, and each string ends its own sentence.
 */

/** One string literal on a line of its own, optionally after a `"key":`; bounded classes only, so it stays linear. */
const STRING_LINE = /^([ \t]*)(?:"([\w .-]{1,60})"([ \t]*:[ \t]*))?"([^"\n]{1,300})"([ \t]*(?:,[ \t]*)?)$/gm;

/** An opening bracket that ends a line (`rules = [`, `"naming": {`): the line names the list, it states no rule. */
const OPENER_LINE = /^([^"\n[{]{0,80})[[{][ \t]*$/gm;

/** A list holds at least this many comma-separated strings before its strings are read as rules. */
const MIN_LISTED = 2;

/** A line comment of a rules file written as code (`// Handle forms with request.form; don't add Flask-WTF`). */
const COMMENT_LINE = /^([ \t]*)\/\/[^\n]*$/gm;

/** True for text whose every line is a `//` comment: the author's notes between the rule lists. */
export function isCommentLines(text: string): boolean {
  return text.trimStart().startsWith("//") && text.split("\n").every((line) => line.trim() === "" || line.trimStart().startsWith("//"));
}

/** Offsets of the comment lines, each a rule of its own. */
export function commentLines(text: string): [number, number][] {
  return [...text.matchAll(COMMENT_LINE)].map((m) => [m.index, m.index + m[0].length]);
}

/** A string that reads as a sentence: three words or more ("use tabs, one tab per level"). */
const SENTENCE_LIKE = /^\s*\S+\s+\S+\s+\S/;

/**
 * True for text that lists rules as comma-separated string literals, one a line, of which at least two read as
 * sentences or set a naming case: a request's headers or a config of identifiers (`"Content-Type": "application/json"`)
 * state no rule.
 */
export function isRuleStringList(text: string): boolean {
  if (!text.includes('",')) return false;
  let listed = 0;
  for (const m of text.matchAll(STRING_LINE)) if (m[5]!.includes(",") && (SENTENCE_LIKE.test(m[4]!) || namesCase(m[2], m[4]!)) && ++listed >= MIN_LISTED) return true;
  return false;
}

/**
 * A string of words is a rule; a bare word says something only as the value of a key, and only when it names a
 * convention ("snake_case"): "music-2.5" or "application/json" is data.
 */
function readsAsRule(key: string | undefined, value: string): boolean {
  return (/\S\s+\S/.test(value) && /[A-Za-z]/.test(value)) || namesCase(key, value);
}

/** `"functions": "snake_case"`: a key set to a naming case is a convention. */
function namesCase(key: string | undefined, value: string): boolean {
  return key !== undefined && /^[A-Za-z][A-Za-z_-]*case$/i.test(value);
}

/**
 * Offsets of the rules of a rule-string list, one a line: from inside the first quotation mark to before the last,
 * so a finding quotes the rule and not its punctuation.
 */
export function ruleStringLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(STRING_LINE)) {
    if (readsAsRule(m[2], m[4]!)) out.push([m.index + m[1]!.length + 1, m.index + m[0].length - m[5]!.length - 1]);
  }
  return out;
}

/**
 * The text with the quotation marks of listed rule strings replaced, offsets unchanged: the opening quote becomes a
 * space and the closing quote a full stop; a `"key":` becomes `key:` so the key reads as a label.
 */
export function unquoteRuleStrings(text: string): string {
  if (!isRuleStringList(text)) return text;
  return text
    .replace(STRING_LINE, (line: string, indent: string, key: string | undefined, sep: string | undefined, value: string, tail: string) => {
      if (!readsAsRule(key, value)) return line;
      const label = key === undefined ? "" : ` ${key.replace(/_/g, " ")}:${" ".repeat(sep!.length)}`;
      return `${indent}${label} ${value}.${tail.replace(",", " ")}`;
    })
    .replace(OPENER_LINE, (_line: string, head: string) => `${head}.`);
}
