/**
 * The phrasing table as RuleTester rows: each contradictory pair is reported on the second line, at the exact
 * span of its sentence, with a message that names the line of the first; each compatible pair is silent.
 */
import rule from "../../../rules/contradiction/instructions.js";
import { truncate } from "../../../src/contradiction/text.js";
import { KIND_NAMES, type Dimension } from "../../../src/contradiction/vocabulary.js";
import { RuleTester, type InvalidCase, type ValidCase } from "../../../src/rule-tester/rule-tester.js";
import { PHRASINGS } from "../../contradiction/phrasings.js";

/** The sentence itself, without a list marker: the span the rule reports. */
function spanOf(line: string): { start: number; end: number } {
  const marker = /^\s*(?:[-*+]\s+)?/.exec(line)![0].length;
  return { start: marker + 1, end: line.length + 1 };
}

function expectedMessage(kind: string, earlierLine: number, earlier: string, exception: boolean): string {
  const template = rule.meta.messages[exception ? "ambiguousException" : "contradicts"]!;
  return template
    .replace("{{kind}}", KIND_NAMES[kind as Dimension] ?? kind)
    .replace("{{line}}", String(earlierLine))
    .replace("{{earlier}}", truncate(earlier.replace(/^\s*[-*+]\s+/, "")));
}

const valid: ValidCase[] = [];
const invalid: InvalidCase[] = [];
for (const c of PHRASINGS) {
  const lines = c.b === undefined ? [c.a] : [c.a, "", c.b];
  const code = `${lines.join("\n")}\n`;
  const name = `${c.kind}: ${c.a}${c.b === undefined ? "" : ` / ${c.b}`}`;
  if (!c.conflict) {
    valid.push({ name, code });
    continue;
  }
  const later = lines[lines.length - 1]!;
  const { start, end } = spanOf(later);
  invalid.push({
    name,
    code,
    errors: [
      {
        messageId: c.exception ? "ambiguousException" : "contradicts",
        line: lines.length,
        column: start,
        endLine: lines.length,
        endColumn: end,
        message: expectedMessage(c.kind, 1, c.a, Boolean(c.exception)),
      },
    ],
  });
}

new RuleTester().run(rule, { valid, invalid });
