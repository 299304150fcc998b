/**
 * Rules written as code: a `.cursorrules` file that lists its rules as string literals in an array
 * (`best_practices = ["Use Pydantic models", "Avoid async"]`) or as the values of a JSON object
 * (`"indentation": "4 spaces"`). Quotation marks there delimit the author's own rules, not quoted speech, so they
 * are taken off before quotations are blanked, and each string ends its own sentence.
 */

/** One string literal on a line of its own, optionally after a `"key":`; bounded classes only, so it stays linear. */
const STRING_LINE = /^([ \t]*)(?:"([\w .-]{1,60})"([ \t]*:[ \t]*))?"([^"\n]{1,300})"([ \t]*,?[ \t]*)$/gm;

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

/** True for text that lists rules as comma-separated string literals, one a line. */
export function isRuleStringList(text: string): boolean {
  if (!text.includes('",')) return false;
  let listed = 0;
  for (const m of text.matchAll(STRING_LINE)) if (m[5]!.includes(",") && ++listed >= MIN_LISTED) return true;
  return false;
}

/** Offsets of the lines of a rule-string list that hold a string, each a rule of its own. */
export function ruleStringLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(STRING_LINE)) out.push([m.index, m.index + m[0].length]);
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
      // A bare word ("snake_case", "Python") says something only next to its key.
      if (key === undefined && !/[A-Za-z]\S*\s+\S/.test(value)) return line;
      const label = key === undefined ? "" : ` ${key.replace(/_/g, " ")}:${" ".repeat(sep!.length)}`;
      return `${indent}${label} ${value}.${tail.replace(",", " ")}`;
    })
    .replace(OPENER_LINE, (_line: string, head: string) => `${head}.`);
}
