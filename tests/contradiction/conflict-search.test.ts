/**
 * The indexed conflict and duplicate searches find exactly what comparing every pair finds (same pairs, same
 * order, same earlier directive chosen), on generated directive lists dense in the cases that matter: shared
 * scopes and sentences, universal prohibitions, referents, qualifiers, bounds, permissions and conditions.
 * And when the comparison budget runs out, the search says where it stopped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparable,
  duplicatesPairwise,
  conflictKind,
  findConflicts,
  findDuplicates,
  searchConflicts,
  type Conflict,
  type Duplicate,
} from "../../src/contradiction/conflicts.js";
import type { Directive } from "../../src/contradiction/directives.js";
import { KIND_NAMES, type Dimension } from "../../src/contradiction/vocabulary.js";

const DIMENSIONS = Object.keys(KIND_NAMES) as Dimension[];

/** Pairwise reference: the searches as they were before the index, on the same predicates. */
function pairwiseConflicts(a: readonly Directive[], b?: readonly Directive[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const reported = new Set<string>();
  const consider = (later: Directive, earlier: Directive) => {
    if (!comparable(later, earlier)) return;
    const kind = conflictKind(later, earlier);
    if (!kind) return;
    const key = `${later.filePath ?? ""}:${later.range[0]}:${KIND_NAMES[kind]}`;
    if (reported.has(key)) return;
    reported.add(key);
    conflicts.push({ later, earlier, kind });
  };
  if (b) {
    for (const x of a) for (const y of b) consider(x, y);
  } else {
    const sorted = [...a].sort((x, y) => x.range[0] - y.range[0]);
    for (let j = 0; j < sorted.length; j++) for (let i = 0; i < j; i++) consider(sorted[j]!, sorted[i]!);
  }
  return conflicts;
}

/** The pairwise duplicate search the index falls back to, on the directives in source order. */
function pairwiseDuplicates(directives: readonly Directive[]): Duplicate[] {
  return duplicatesPairwise([...directives].sort((x, y) => x.range[0] - y.range[0]));
}

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

describe("indexed conflict search", () => {
  it("finds what comparing every pair finds, within one list", () => {
    let found = 0;
    let universal = 0;
    fc.assert(
      fc.property(fc.array(directive, { minLength: 15, maxLength: 40 }), (list) => {
        const expected = pairwiseConflicts(list);
        expect(findConflicts(list)).toEqual(expected);
        found += expected.length;
        universal += expected.filter((c) => c.later.scope !== c.earlier.scope).length;
      }),
      { numRuns: 400 },
    );
    // The generated lists exercise the search: many conflicts, some of them across scopes.
    expect(found).toBeGreaterThan(400);
    expect(universal).toBeGreaterThan(20);
  });

  it("finds what comparing every pair finds, between two lists", () => {
    fc.assert(
      fc.property(fc.array(directive, { minLength: 5, maxLength: 25 }), fc.array(directive, { minLength: 5, maxLength: 25 }), (mine, others) => {
        expect(findConflicts(mine, others)).toEqual(pairwiseConflicts(mine, others));
      }),
      { numRuns: 200 },
    );
  });

  it("stops when the budget runs out and says at which directive", () => {
    const list = Array.from({ length: 50 }, (_, i): Directive => ({
      dimension: "length",
      value: "word",
      polarity: 1,
      exclusive: false,
      permissive: false,
      bound: { unit: "word", min: 0, max: 100 },
      scope: "",
      conditional: false,
      range: [i * 10, i * 10 + 5],
      sentence: "Keep answers under 100 words.",
    }));
    const full = searchConflicts(list);
    expect(full.stoppedAt).toBeUndefined();
    expect(full.compared).toBe((50 * 49) / 2);
    const cut = searchConflicts(list, undefined, 100);
    expect(cut.compared).toBe(100);
    // 1 + 2 + ... + 13 = 91 pairs: the 15th directive is the first not compared with all before it.
    expect(cut.stoppedAt).toBe(list[14]);
  });
});

describe("indexed duplicate search", () => {
  it("finds what comparing every pair finds", () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(extracted, { minLength: 15, maxLength: 40 }), (list) => {
        const expected = pairwiseDuplicates(list);
        expect(findDuplicates(list)).toEqual(expected);
        found += expected.length;
      }),
      { numRuns: 400 },
    );
    expect(found).toBeGreaterThan(50);
  });

  it("compares every pair when a universal requirement lets two scopes meet", () => {
    fc.assert(
      fc.property(fc.array(directive, { minLength: 15, maxLength: 40 }), (list) => {
        expect(findDuplicates(list)).toEqual(pairwiseDuplicates(list));
      }),
      { numRuns: 100 },
    );
  });
});
