import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/contradiction/check.js";
import { conflictKind, findConflicts, findDuplicates } from "../../src/contradiction/conflicts.js";
import { extractDirectives, extractFromText, type Directive } from "../../src/contradiction/directives.js";
import { parsePrompt } from "./parse-prompt.js";

const one = (text: string, dimension: string): Directive | undefined => extractFromText(text).find((d) => d.dimension === dimension);

describe("polarity", () => {
  it.each([
    ["Never use emoji.", -1],
    ["Do not use emoji.", -1],
    ["Avoid emoji.", -1],
    ["Under no circumstances use emoji.", -1],
    ["No emoji, please.", -1],
    ["Emojis are not appropriate in any reply.", -1],
    ["Make sure you never use emoji.", -1],
    ["It is important that you use emoji.", 1],
    ["Please add an emoji to every reply.", 1],
    ["Don't forget to add an emoji.", 1],
    ["Write plain sentences instead of emoji.", -1],
  ])("%s", (text, polarity) => {
    expect(one(text, "emoji")?.polarity).toBe(polarity);
  });

  it("double negation: never answer without citing sources requires citations", () => {
    expect(one("Never answer without citing your sources.", "citations")?.polarity).toBe(1);
  });

  it("a lead-in heading flips the items under it, unless they carry their own negation", () => {
    const doc = parsePrompt("/x/p.md", "Don't:\n\n- use emoji\n- never forget to cite your sources\n");
    const ds = extractDirectives(doc);
    expect(ds.find((d) => d.dimension === "emoji")?.polarity).toBe(-1);
    expect(ds.find((d) => d.dimension === "citations")?.polarity).toBe(1);
  });
});

describe("what a rule is about", () => {
  it("items under a lead that ends in 'for' or 'when' are the occasions of the rule, not its objects", () => {
    const doc = parsePrompt("/x/p.md", "# Do NOT use artifacts for\n\n- Short prose; conversational inline responses\n\nAlways answer in prose.\n");
    const prose = extractDirectives(doc).filter((d) => d.dimension === "format" && d.value === "prose");
    expect(prose.every((d) => d.polarity === 1)).toBe(true);
    expect(checkDocument(doc).conflicts).toEqual([]);
  });

  it("'web search results' names a kind of reply; 'search the web' is a use of the tool", () => {
    expect(one("Don't create markdown files for web search results.", "tools")).toBeUndefined();
    expect(one("Never search the web.", "tools")?.polarity).toBe(-1);
  });

  it.each([
    ["Output: the SVG file (no Playwright testing needed).", "test-framework"],
    ["A summary is not required.", "verbosity"],
    ["Default exports are fine for Next.js pages.", "convention"],
  ])("'%s' is a permission, not a prohibition", (text, dimension) => {
    const d = extractFromText(text).find((x) => x.dimension === dimension);
    if (d) expect(d.permissive).toBe(true);
  });

  it("a contracted negation after the mention is its polarity ('PowerShell isn't available')", () => {
    const ds = extractFromText("Use bash syntax for every terminal command; PowerShell isn't available on the CI runners.", { isItem: true });
    expect(ds.find((d) => d.value === "shell:powershell")?.polarity).toBe(-1);
    expect(ds.find((d) => d.value === "shell:posix")?.polarity).toBe(1);
  });

  it("'git commit --amend' is about amending, not about committing", () => {
    expect(one("Avoid git commit --amend unless asked.", "commits")).toBeUndefined();
  });
});

describe("numeric bounds", () => {
  it.each([
    ["Keep answers under 100 words.", "word", 0, 100],
    ["Write at least 300 words.", "word", 300, Infinity],
    ["Answer in one sentence.", "sentence", 1, 1],
    ["Aim for three to five paragraphs.", "paragraph", 3, 5],
    ["Responses must not exceed 500 characters.", "character", 0, 500],
    ["Do not write more than 50 words.", "word", 0, 50],
  ])("%s", (text, unit, min, max) => {
    const d = one(text, "length");
    expect(d?.bound).toEqual({ unit, min, max });
  });

  it("intersects bounds across units", () => {
    const [a] = extractFromText("Answer in one sentence.");
    const [b] = extractFromText("Write at least 300 words.");
    const [c] = extractFromText("Keep answers under 100 words.");
    const [d] = extractFromText("Write at most three paragraphs.");
    expect(conflictKind(a!, b!)).toBe("length");
    expect(conflictKind(c!, d!)).toBeUndefined();
  });
});

describe("conditions and scopes", () => {
  it.each([
    ["Unless the user asks for it, do not use tables.", "format"],
    ["Never commit unless the user explicitly asks you to.", "commits"],
    ["Don't push to the remote unless asked.", "commits"],
  ])("'%s' holds for everything the model does on its own", (text, dimension) => {
    const d = one(text, dimension);
    expect(d?.onRequest).toBe(true);
    expect(d?.conditional).toBe(false);
  });

  it.each([
    "You must browse the web for any query, unless the user explicitly asks you not to browse the web.",
    "Avoid using Bash for file reads, unless explicitly instructed or when the command is truly necessary.",
  ])("'%s' keeps its other conditions and the words inside its exception", (text) => {
    expect(extractFromText(text).some((d) => d.onRequest && d.polarity === -1 && /browse|bash/i.test(d.value))).toBe(false);
  });

  it.each([
    "If the request is ambiguous, ask a clarifying question.",
    "Use emoji only when the user uses them first.",
    "By default, respond in English.",
  ])("%s is conditional", (text) => {
    expect(extractFromText(text).every((d) => d.conditional)).toBe(true);
  });

  it("a leading 'In X,' phrase is a condition named after X", () => {
    const [d] = extractFromText("In greetings, never use emoji.");
    expect(d).toMatchObject({ conditional: true, condition: "in:greeting" });
  });

  it("an exception at the head that is about the request itself is the rule's own, not a condition", () => {
    const [d] = extractFromText("Unless the request is ambiguous, don't ask questions.");
    expect(d).toMatchObject({ conditional: false, excepts: true });
  });
});

describe("findConflicts across files", () => {
  it("reports the fork's directive against the base with the base's file path", () => {
    const base = extractFromText("Answer in one sentence.", { filePath: "/repo/base.md" });
    const fork = extractFromText("Explain every step in detail.", { filePath: "/repo/fork.md" });
    const conflicts = findConflicts(fork, base);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.later.filePath).toBe("/repo/fork.md");
    expect(conflicts[0]!.earlier.filePath).toBe("/repo/base.md");
    expect(conflicts[0]!.kind).toBe("length");
  });
});

describe("checkDocument", () => {
  it("finds a contradiction and a duplicate and honours precedence", () => {
    const src = "Never use emoji.\n\nAdd an emoji to every reply.\n\nEmojis are not appropriate in any reply.\n";
    const check = checkDocument(parsePrompt("/x/a.md", src));
    expect(check.conflicts.map((c) => c.kind)).toEqual(["emoji", "emoji"]);
    expect(findDuplicates(check.directives)).toHaveLength(1);
    const withPrecedence = checkDocument(parsePrompt("/x/b.md", `${src}\nIf these rules conflict, the last one wins.\n`));
    expect(withPrecedence.precedence).toBe(true);
    expect(withPrecedence.conflicts).toEqual([]);
  });
});

describe("which text is read", () => {
  it("reads the prose of a data file, not the keys and short values of one that holds none", () => {
    // Without a string its interpretation reads as text, a YAML or JSON file is configuration: "a: Use bullets."
    // names a setting, and reading its lines as prose would take every key for a rule's label.
    for (const [path, source] of [
      ["/x/settings.yaml", "a: Use bullets.\nb: No bullets.\n"],
      ["/x/settings.json", '{"a": "Use bullets.", "b": "No bullets."}\n'],
    ] as const) {
      expect(extractDirectives(parsePrompt(path, source))).toEqual([]);
    }
    const prose = extractDirectives(parsePrompt("/x/prompt.yaml", "system: Never use bullet points in any reply.\n"));
    expect(prose.filter((d) => d.dimension === "lists").map((d) => d.polarity)).toEqual([-1]);
  });
});

describe("linear time on adversarial input", () => {
  const lines = [
    "never ".repeat(20_000),
    `${"in the ".repeat(14_000)}reply`,
    `"${"a".repeat(99_998)}`,
    `${"1 2 ".repeat(25_000)}words`,
    `Use ${"JSON, ".repeat(16_000)}only.`,
    `${"- ".repeat(50_000)}`,
    `${"You are ".repeat(12_000)}Nova`,
    `${"(".repeat(50_000)}${")".repeat(50_000)}`,
  ];
  it.each(lines.map((l, i) => [i, l] as const))("adversarial line #%i stays fast", (_i, line) => {
    const t0 = performance.now();
    checkDocument(parsePrompt("/x/adv.md", `${line}\n`));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
