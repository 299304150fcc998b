/**
 * The detectors keep their measured quality on the labelled fixtures (tests/fixtures/pii): the same scoring as
 * `npm run bench:pii`, through the real parser, so segment roles decide dialogue vs prose as in the rules.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { detectFormat } from "../../src/parse/detect.js";
import { parseDocument } from "../../src/parse/index.js";
import { detectPii, preloadPiiDependencies, PII_TYPES } from "../../src/pii/index.js";
import { score, scoreLineValues, type LineValue } from "../../src/pii/scoring.js";
import { fieldOfPath, textKindForRole } from "../../src/pii/segments.js";

const dir = path.resolve(import.meta.dirname, "../fixtures/pii");
const { labels } = JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as { labels: LineValue[] };

function predict(): LineValue[] {
  const out: LineValue[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.(md|jsonl)$/.test(f))) {
    const full = path.join(dir, file);
    const source = readFileSync(full, "utf8");
    const doc = parseDocument({ path: full, source, format: detectFormat(full) ?? "markdown", bom: false });
    for (const seg of doc.segments) {
      for (const m of detectPii(seg.text, { textKind: textKindForRole(seg.role), field: fieldOfPath(seg.path), before: source.slice(Math.max(0, seg.range[0] - 320), seg.range[0]) })) {
        out.push({ file, type: m.type, value: m.value, line: doc.lines.positionAt(seg.map.toSource(m.start)).line });
      }
    }
  }
  return out;
}

beforeAll(async () => {
  await preloadPiiDependencies(PII_TYPES);
});

describe("labelled PII set", () => {
  it("has at least 150 labels covering all nine types", () => {
    expect(labels.length).toBeGreaterThanOrEqual(150);
    expect(new Set(labels.map((l) => l.type))).toEqual(new Set(PII_TYPES));
  });

  it("keeps precision and recall at 0.95 or more (person names: precision 0.95, recall 0.8)", () => {
    const counts = scoreLineValues(predict(), labels);
    for (const type of PII_TYPES) {
      const s = score(counts.get(type) ?? { tp: 0, fp: 0, fn: 0 });
      expect(s.precision, `${type} precision`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${type} recall`).toBeGreaterThanOrEqual(type === "person-name" ? 0.8 : 0.95);
    }
  });
});
