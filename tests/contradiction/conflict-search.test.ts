/**
 * The conflict and duplicate searches under their budget: a prompt of thousands of rules of one kind must not
 * cost a comparison per pair. Within the budget the search is the whole search; past it, it says where it stopped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findConflicts, findDuplicates, searchConflicts } from "../../src/contradiction/conflicts.js";
import type { Directive } from "../../src/contradiction/directives.js";
import type { Dimension } from "../../src/contradiction/vocabulary.js";

const DIMENSIONS: Dimension[] = ["format", "verbosity", "length", "count", "language", "tone", "persona", "tools", "disclosure"];

/** Few values per dimension, so directives collide often; bounds for length and counts, topics for disclosure. */
const VALUES: Partial<Record<Dimension, string[]>> = {
  format: ["json", "markdown", "prose", "table"],
  verbosity: ["brief", "detailed"],
  length: ["word", "sentence"],
  count: ["options"],
  language: ["english", "french"],
  tone: ["formal", "casual"],
  persona: ["maria", "sam"],
  tools: ["*", "web"],
  disclosure: ["pricing"],
};
const BOUNDS: Record<string, { unit: string; min: number; max: number }[]> = {
  word: [{ unit: "word", min: 0, max: 80 }, { unit: "word", min: 250, max: Infinity }],
  sentence: [{ unit: "sentence", min: 1, max: 1 }],
  options: [{ unit: "options", min: 3, max: 3 }, { unit: "options", min: 5, max: 5 }],
};
const sometimes = (weight: number) => fc.integer({ min: 1, max: weight }).map((n) => n === 1);

const directive = fc
  .record({
    dimension: fc.constantFrom(...DIMENSIONS),
    pick: fc.nat(),
    polarity: fc.constantFrom(1 as const, -1 as const),
    exclusive: fc.boolean(),
    permissive: sometimes(4),
    topic: fc.constantFrom("pricing", "pricing margin", "margin").map((t) => t.split(" ")),
    scope: fc.constantFrom("", "", "", "greetings", "summary"),
    qualifier: fc.constantFrom(undefined, undefined, undefined, undefined, "(referent)", "competitor"),
    command: fc.boolean(),
    universal: sometimes(5),
    conditional: sometimes(6),
    sentence: fc.constantFrom("Never use emoji.", "Respond in JSON only.", "Keep it short.", "A long sentence that says a great deal more than a single rule ever would on its own."),
    // Few distinct sentences, so several directives share one.
    start: fc.integer({ min: 0, max: 15 }),
    filePath: fc.constantFrom(undefined, undefined, "/p/base.md"),
  })
  .map(({ dimension, pick, start, topic, qualifier, filePath, command, ...rest }): Directive => {
    const values = VALUES[dimension] ?? ["x"];
    const value = values[pick % values.length]!;
    const bounds = BOUNDS[value];
    const bound = bounds && pick % 3 !== 0 ? bounds[pick % bounds.length] : undefined;
    return {
      ...rest,
      dimension,
      value,
      command: command && pick % 4 !== 0,
      ...(bound ? { bound } : {}),
      ...(dimension === "disclosure" ? { topic } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(filePath ? { filePath } : {}),
      range: [start * 10, start * 10 + 5],
    };
  });

/** As the extractor makes them: universal rules are prohibitions (the duplicate index relies on it). */
const extracted = directive.map((d) => ({ ...d, universal: d.universal && d.polarity === -1 }));

describe("budgeted conflict search", () => {
  it("is the whole search while the budget lasts, and never compares more pairs than it allows", () => {
    let found = 0;
    let cut = 0;
    fc.assert(
      fc.property(fc.array(directive, { minLength: 15, maxLength: 40 }), fc.integer({ min: 1, max: 400 }), (list, budget) => {
        const full = searchConflicts(list, undefined, Infinity);
        expect(full.stoppedAt).toBeUndefined();
        expect(findConflicts(list)).toEqual(full.conflicts);
        found += full.conflicts.length;
        const limited = searchConflicts(list, undefined, budget);
        expect(limited.compared).toBeLessThanOrEqual(budget);
        if (limited.stoppedAt) cut++;
        else expect(limited.conflicts).toEqual(full.conflicts);
      }),
      { numRuns: 300 },
    );
    // The generated lists exercise both: many conflicts, and searches that ran out.
    expect(found).toBeGreaterThan(300);
    expect(cut).toBeGreaterThan(20);
  });

  it("between two lists, too", () => {
    fc.assert(
      fc.property(fc.array(directive, { minLength: 5, maxLength: 25 }), fc.array(directive, { minLength: 5, maxLength: 25 }), fc.integer({ min: 1, max: 200 }), (mine, others, budget) => {
        const full = searchConflicts(mine, others, Infinity);
        expect(findConflicts(mine, others)).toEqual(full.conflicts);
        const limited = searchConflicts(mine, others, budget);
        expect(limited.compared).toBeLessThanOrEqual(budget);
        if (!limited.stoppedAt) expect(limited.conflicts).toEqual(full.conflicts);
      }),
      { numRuns: 200 },
    );
  });

  const sameRule = (n: number) =>
    Array.from({ length: n }, (_, i): Directive => ({
      dimension: "length",
      value: "word",
      polarity: 1,
      exclusive: false,
      permissive: false,
      bound: { unit: "word", min: 0, max: 100 },
      scope: "",
      conditional: false,
      command: true,
      range: [i * 10, i * 10 + 5],
      sentence: "Keep answers under 100 words.",
    }));

  it("stops when the budget runs out and says at which directive", () => {
    const list = sameRule(50);
    const full = searchConflicts(list);
    expect(full.stoppedAt).toBeUndefined();
    expect(full.compared).toBe((50 * 49) / 2);
    const cut = searchConflicts(list, undefined, 100);
    expect(cut.compared).toBe(100);
    // 1 + 2 + ... + 13 = 91 pairs: the 15th directive is the first not compared with all before it.
    expect(cut.stoppedAt).toBe(list[14]);
  });

  it("finds repetitions within the same budget", () => {
    const list = sameRule(2_000);
    // Each copy repeats the first: one comparison each, however many copies.
    expect(findDuplicates(list)).toHaveLength(1_999);
    expect(findDuplicates(list, [], 10)).toHaveLength(10);
  });
});
