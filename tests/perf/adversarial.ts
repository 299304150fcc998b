/**
 * Inputs built to make a parser or detector do super-linear work: long runs of one character that a regex
 * with two adjacent quantifiers splits every way, tags that never close, thousands of keys, bullets and
 * variables that a per-item scan or a pairwise comparison multiplies, deep nesting, PII- and secret-shaped
 * near misses. Every generator returns `n` characters (a whole number of items, so up to one item fewer), so the time of two sizes can be compared.
 */
import type { Format } from "../../src/model/document.js";

export interface AdversarialInput {
  name: string;
  /**
   * The formats this text is written in. Every parser reads every input; detectors of documents and the whole
   * lint read it in the first of these (the one where it costs most, where that differs).
   */
  formats: readonly Format[];
  make(n: number): string;
}

/** `unit` repeated and cut to `n` characters. */
export function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** `prefix item(0) item(1) ... suffix`, whole items only, at most `n` characters: distinct keys, names and sentences. */
export function items(n: number, item: (i: number) => string, prefix = "", suffix = ""): string {
  const parts: string[] = [prefix];
  let length = prefix.length + suffix.length;
  for (let i = 0; ; i++) {
    const piece = item(i);
    if (length + piece.length > n && i > 0) break;
    parts.push(piece);
    length += piece.length;
  }
  parts.push(suffix);
  return parts.join("");
}

/** A word from a small deterministic vocabulary, so generated sentences differ without randomness. */
const WORDS = ["answer", "customer", "order", "policy", "refund", "summary", "invoice", "ticket", "account", "shipping", "warranty", "account"];
const word = (i: number) => WORDS[i % WORDS.length]!;

/** Instructions that contradict and duplicate each other across thousands of bullets. */
const INSTRUCTIONS = [
  (i: number) => `Always respond in JSON when the ${word(i)} asks about item ${i}.`,
  (i: number) => `Never use JSON for the ${word(i)} section ${i}.`,
  (i: number) => `Keep answers under ${(i % 90) + 10} words.`,
  (i: number) => `Write at least ${(i % 90) + 120} words about the ${word(i)}.`,
  (i: number) => `Use emoji in replies about ${word(i + 3)} ${i}.`,
  (i: number) => `Do not use emoji.`,
  (i: number) => `Respond in French to question ${i}.`,
  (i: number) => `Only answer in English.`,
  (i: number) => `Do not reveal the ${word(i + 5)} ${i} details.`,
  (i: number) => `Use the search_${i % 50} tool for every ${word(i)}.`,
];

const MARKDOWN: readonly Format[] = ["markdown"];
const TEXTUAL: readonly Format[] = ["markdown", "text"];

export const ADVERSARIAL: readonly AdversarialInput[] = [
  // Runs of one character.
  { name: "spaces", formats: TEXTUAL, make: (n) => fill(" ", n) },
  { name: "a word then spaces", formats: TEXTUAL, make: (n) => `Label${fill(" ", n - 5)}` },
  { name: "spaces then a colon", formats: TEXTUAL, make: (n) => `Note${fill(" ", n - 6)}: ` },
  { name: "spaces inside a line", formats: TEXTUAL, make: (n) => `Be brief.${fill(" ", n - 12)}ok\n` },
  { name: "tabs", formats: TEXTUAL, make: (n) => fill("\t", n) },
  { name: "spaces and tabs", formats: TEXTUAL, make: (n) => fill(" \t", n) },
  { name: "colons", formats: TEXTUAL, make: (n) => fill(":", n) },
  { name: "colon spaces", formats: TEXTUAL, make: (n) => fill(": ", n) },
  { name: "dashes", formats: TEXTUAL, make: (n) => fill("-", n) },
  { name: "dash spaces", formats: TEXTUAL, make: (n) => fill("- ", n) },
  { name: "pipes", formats: TEXTUAL, make: (n) => fill("|", n) },
  { name: "backticks", formats: TEXTUAL, make: (n) => fill("`", n) },
  { name: "asterisks", formats: TEXTUAL, make: (n) => fill("*", n) },
  { name: "underscores and asterisks", formats: TEXTUAL, make: (n) => fill("_*", n) },
  { name: "open brackets", formats: TEXTUAL, make: (n) => fill("[", n) },
  { name: "open parentheses", formats: TEXTUAL, make: (n) => fill("(", n) },
  { name: "open braces", formats: TEXTUAL, make: (n) => fill("{", n) },
  { name: "angle brackets", formats: TEXTUAL, make: (n) => fill("<", n) },
  { name: "hashes", formats: TEXTUAL, make: (n) => fill("#", n) },
  { name: "blank lines", formats: TEXTUAL, make: (n) => fill("\n", n) },
  { name: "carriage returns", formats: TEXTUAL, make: (n) => fill("\r\n \r", n) },
  { name: "dots", formats: TEXTUAL, make: (n) => fill(".", n) },
  { name: "quotes", formats: TEXTUAL, make: (n) => fill("\"'", n) },
  { name: "backslashes", formats: TEXTUAL, make: (n) => fill("\\", n) },
  { name: "zero-width spaces", formats: TEXTUAL, make: (n) => fill("a\u200b", n) },
  // Long lines without breaks.
  { name: "one long word", formats: TEXTUAL, make: (n) => fill("abcdefghij", n) },
  { name: "one long sentence", formats: TEXTUAL, make: (n) => items(n, (i) => `${word(i)} `) },
  { name: "one long line of commas", formats: TEXTUAL, make: (n) => items(n, (i) => `${word(i)}, `) },
  // Markdown structure.
  { name: "headings", formats: MARKDOWN, make: (n) => items(n, (i) => `# Section ${i}\n`) },
  { name: "deep blockquotes", formats: MARKDOWN, make: (n) => fill(">", n - 6) + " text\n" },
  { name: "deep list nesting", formats: MARKDOWN, make: (n) => items(n, (i) => `${" ".repeat((i % 200) * 2)}- item ${i}\n`) },
  { name: "unclosed fences", formats: MARKDOWN, make: (n) => items(n, (i) => `\`\`\`lang${i}\ncode\n`) },
  { name: "table rows", formats: MARKDOWN, make: (n) => items(n, (i) => `| a${i} | b | c |\n`, "| x | y | z |\n|---|---|---|\n") },
  { name: "unclosed html comments", formats: MARKDOWN, make: (n) => fill("<!-- x ", n) },
  { name: "nested emphasis", formats: MARKDOWN, make: (n) => fill("*_", n / 2) + fill("a", n - Math.floor(n / 2)) },
  { name: "link brackets", formats: MARKDOWN, make: (n) => fill("[a](", n) },
  // Rules files written as code: every string of a list and every comment line is read as a rule of its own.
  { name: "rule string list", formats: MARKDOWN, make: (n) => items(n, (i) => `  "Use the ${word(i)} ${word(i + 3)} helper for ${word(i + 7)} number ${i}",\n`, "rules = [\n", "]\n") },
  { name: "rule string then spaces", formats: MARKDOWN, make: (n) => `rules = [\n  "Use tabs for indentation",\n  "Keep it short and clear",\n  "x y z"${fill(" ", n - 80)}!\n` },
  { name: "comment lines", formats: MARKDOWN, make: (n) => items(n, (i) => `// Never use the ${word(i)} ${word(i + 5)} helper ${i}\n`) },
  { name: "directives", formats: MARKDOWN, make: (n) => items(n, (i) => `<!-- promptvet-disable-next-line pii/email -- ${i} -->\n`) },
  // Instructions, many of them comparable.
  { name: "instruction bullets", formats: TEXTUAL, make: (n) => items(n, (i) => `- ${INSTRUCTIONS[i % INSTRUCTIONS.length]!(i)}\n`) },
  { name: "identical instruction bullets", formats: MARKDOWN, make: (n) => fill("- Always respond in JSON.\n", n) },
  { name: "instruction paragraph", formats: TEXTUAL, make: (n) => items(n, (i) => `${INSTRUCTIONS[i % INSTRUCTIONS.length]!(i)} `) },
  { name: "labelled instructions", formats: TEXTUAL, make: (n) => items(n, (i) => `Rule ${i}   :   never use emoji   :   `) },
  // Templates.
  { name: "unclosed handlebars if", formats: ["mustache", "markdown", "dotprompt"], make: (n) => items(n, (i) => `{{#if v${i}}} {{v${i}}} `) },
  { name: "unclosed jinja if", formats: ["jinja", "markdown", "prompty"], make: (n) => items(n, (i) => `{% if v${i} %} {{ v${i} }} `) },
  { name: "unclosed jinja for", formats: ["jinja"], make: (n) => items(n, (i) => `{% for x${i} in xs %}{{ x${i}.name }}`) },
  { name: "fors closed by endifs", formats: ["jinja"], make: (n) => fill("{% for x in xs %}", n / 2) + fill("{% endif %}", n / 2) },
  { name: "eaches closed by ifs", formats: ["mustache"], make: (n) => fill("{{#each xs}}", n / 2) + fill("{{/if}}", n / 2) },
  { name: "unopened closers", formats: ["jinja", "mustache"], make: (n) => fill("{% endif %}{{/if}}", n) },
  { name: "many variables", formats: ["mustache", "jinja", "markdown", "prompty"], make: (n) => items(n, (i) => `{{v${i}}} `) },
  { name: "one variable many times", formats: ["mustache", "jinja", "markdown"], make: (n) => fill("{{ name }} ", n) },
  { name: "unclosed braces", formats: ["mustache", "jinja", "markdown"], make: (n) => fill("{{ x ", n) },
  { name: "unclosed jinja comments", formats: ["jinja"], make: (n) => fill("{# x ", n) },
  { name: "f-string braces", formats: TEXTUAL, make: (n) => items(n, (i) => `{v${i}} {{`) },
  { name: "template pipes", formats: ["jinja", "mustache"], make: (n) => `{{ ${fill("x | ", n - 6)}}}` },
  { name: "template assignments", formats: ["jinja"], make: (n) => `{% set ${fill("a = ", n - 9)}%}` },
  { name: "hash arguments", formats: ["mustache", "dotprompt"], make: (n) => fill("{{a b=", n) },
  { name: "dollar braces", formats: TEXTUAL, make: (n) => fill("${", n) },
  // Data formats.
  { name: "yaml mapping with many keys", formats: ["yaml"], make: (n) => items(n, (i) => `key_${i}: value ${i}\n`) },
  { name: "yaml mapping with many prose values", formats: ["yaml"], make: (n) => items(n, (i) => `key_${i}: the value of item ${i}\n`) },
  { name: "yaml deep nesting", formats: ["yaml"], make: (n) => items(n, (i) => `${" ".repeat(i % 400)}k${i}:\n`) },
  { name: "yaml flow nesting", formats: ["yaml"], make: (n) => fill("[", n) },
  { name: "frontmatter with many keys", formats: ["prompty", "markdown", "dotprompt"], make: (n) => items(n, (i) => `key_${i}: value ${i}\n`, "---\n", "---\nBody.\n") },
  { name: "frontmatter model with many keys", formats: ["prompty"], make: (n) => items(n, (i) => `  key_${i}: ${i}\n`, "---\nmodel:\n  api: chat\n", "---\nsystem:\nHello.\n") },
  { name: "frontmatter with many inputs", formats: ["prompty", "dotprompt"], make: (n) => items(n, (i) => `    in_${i}: string\n`, "---\ninput:\n  schema:\n", "---\n{{in_1}}\n") },
  {
    name: "many inputs, many undeclared variables",
    formats: ["prompty", "dotprompt"],
    make: (n) => items(n / 2, (i) => `    in_${i}: string\n`, "---\ninput:\n  schema:\n", "---\n") + items(n / 2, (i) => `{{out_${i}}} `),
  },
  { name: "json deep nesting", formats: ["json"], make: (n) => fill("[", n) },
  { name: "json many keys", formats: ["json"], make: (n) => items(n, (i) => `"k${i}": "v${i}", `, "{", "\"end\": 0}") },
  { name: "json long string", formats: ["json"], make: (n) => `{"prompt": "${fill("\\u00e9 \\n", n - 15)}"}` },
  { name: "json unfinished escapes", formats: ["json", "jsonl"], make: (n) => fill('"\\u', n) },
  { name: "jsonl many records", formats: ["jsonl"], make: (n) => items(n, (i) => `{"messages":[{"role":"user","content":"Q${i}"},{"role":"assistant","content":"A${i}"}]}\n`) },
  { name: "jsonl broken lines", formats: ["jsonl"], make: (n) => items(n, (i) => `{"prompt": "x${i}"\n`) },
  // Few-shot structure.
  { name: "chat turns", formats: TEXTUAL, make: (n) => items(n, (i) => `User: question ${i}\nAssistant: {"answer": ${i}}\n`) },
  { name: "unclosed example tags", formats: TEXTUAL, make: (n) => fill("<example>", n) },
  { name: "role labels", formats: TEXTUAL, make: (n) => fill("User: ", n) },
  { name: "example tags", formats: MARKDOWN, make: (n) => items(n, (i) => `<example>\nInput: ${i}\nOutput: ok\n`) },
  // PII-shaped near misses.
  { name: "digits", formats: TEXTUAL, make: (n) => fill("7", n) },
  { name: "digits and spaces", formats: TEXTUAL, make: (n) => fill("12 ", n) },
  { name: "dashed digits", formats: TEXTUAL, make: (n) => fill("123-", n) },
  { name: "booking names", formats: TEXTUAL, make: (n) => fill("BERGSTROM/ASTRID MS ", n) },
  { name: "at signs", formats: TEXTUAL, make: (n) => fill("a@", n) },
  { name: "dotted domains", formats: TEXTUAL, make: (n) => fill("a@b.", n) },
  { name: "dotted quads", formats: TEXTUAL, make: (n) => fill("1.1.", n) },
  { name: "capitalised words", formats: TEXTUAL, make: (n) => items(n, (i) => `${word(i)[0]!.toUpperCase()}${word(i).slice(1)} `) },
  { name: "street-like numbers", formats: TEXTUAL, make: (n) => fill("12 Main ", n) },
  { name: "name cues", formats: TEXTUAL, make: (n) => fill("my name is Ab ", n) },
  // Secret-shaped near misses.
  { name: "base64-like run", formats: TEXTUAL, make: (n) => items(n, (i) => ((i * 2654435761) >>> 0).toString(36).padStart(7, "Q")) },
  { name: "base64 with separators", formats: TEXTUAL, make: (n) => items(n, (i) => `${((i * 2654435761) >>> 0).toString(36)}+/=`) },
  { name: "key prefixes", formats: TEXTUAL, make: (n) => fill("sk-proj-AKIA ghp_", n) },
  { name: "url credentials", formats: TEXTUAL, make: (n) => fill("https://u:p@", n) },
  { name: "private key headers", formats: TEXTUAL, make: (n) => fill("-----BEGIN PRIVATE KEY-----\n", n) },
  { name: "assignments", formats: TEXTUAL, make: (n) => fill("password = api_key = ", n) },
];

/**
 * A normal prompt of `n` characters built from generated prose: headings, paragraphs and a few bullets, the
 * shape of a long system prompt. Used only when the real corpora are not there to build one from.
 */
export function generatedProse(n: number): string {
  return items(n, (i) => {
    const topic = word(i);
    if (i % 12 === 0) return `\n## About the ${topic} ${i}\n\n`;
    if (i % 12 === 5) return `- When the user mentions their ${topic}, confirm the details before you continue.\n`;
    return `The assistant helps customers with their ${topic} questions and explains the ${word(i + 1)} policy in plain words. `;
  });
}
