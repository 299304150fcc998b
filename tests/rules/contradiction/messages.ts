/** Shared by the contradiction RuleTester tables: a prompt from lines, and the rule's full message. */

/** The lines joined into a file that ends with a newline. */
export const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

/** The `contradicts` message of `contradiction/instructions` for a rule of `kind` against the rule on `line`. */
export const contradicts = (kind: string, line: number, quoted: string) =>
  `Unexpected ${kind} instruction that contradicts line ${line} ("${quoted}"), expected one rule, a condition that separates them, or an explicit precedence.`;
