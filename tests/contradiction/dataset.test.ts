/**
 * Quality on the labelled prompts (tests/fixtures/contradictions): a prediction counts when it names both
 * labelled lines. Thresholds are the targets of the detector, not its current score.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/contradiction/check.js";
import { checkExamples, reportedRange, type ExampleViolation } from "../../src/contradiction/examples.js";
import { confirmConflicts } from "../../src/contradiction/nlp.js";
import { parsePrompt } from "./parse-prompt.js";

const fixtures = join(import.meta.dirname, "../fixtures/contradictions");

interface Label {
  file: string;
  kind: string;
  lines: [number, number];
}

async function score(dir: string, labels: Label[], pick: "conflicts" | "duplicates" | "examples") {
  let tp = 0;
  let fp = 0;
  const files = readdirSync(join(fixtures, dir)).filter((f) => /\.(md|txt)$/.test(f));
  for (const name of files) {
    const file = `${dir}/${name}`;
    const path = join(fixtures, file);
    const document = parsePrompt(path, readFileSync(path, "utf8"));
    const line = (o: number) => document.lines.positionAt(o).line;
    let pairs: [number, number][];
    if (pick === "examples") {
      // The line the rule reports: the offending part of the reply, or the attached record's line.
      const reported = (v: ExampleViolation) => {
        const range = reportedRange(document.source, v);
        return range ? line(range[0]) : v.exampleLine;
      };
      pairs = (await checkExamples(document)).map((v) => [line(v.instruction.range[0]), reported(v)]);
    }
    else {
      const check = checkDocument(document);
      const found = pick === "conflicts" ? await confirmConflicts(check.conflicts) : check.duplicates;
      pairs = found.map((c) => [line(c.earlier.range[0]), line(c.later.range[0])].sort((a, b) => a - b) as [number, number]);
    }
    const mine = labels.filter((l) => l.file === file);
    for (const [a, b] of pairs) {
      if (mine.some((l) => l.lines[0] === a && l.lines[1] === b)) tp++;
      else fp++;
    }
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, labels.length), tp, fp };
}

describe("labelled contradiction set", () => {
  const all = JSON.parse(readFileSync(join(fixtures, "labels.json"), "utf8")) as Record<string, Label[]>;
  const examples = JSON.parse(readFileSync(join(fixtures, "example-labels.json"), "utf8")) as Record<string, Label[]>;

  it("contradiction/instructions reaches precision 0.9 and recall 0.8 on the dev prompts", async () => {
    const s = await score("dev", all.dev!.filter((l) => l.kind !== "duplicate"), "conflicts");
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("contradiction/instructions stays precise on the held-out prompts", async () => {
    const s = await score("heldout", all.heldout!.filter((l) => l.kind !== "duplicate"), "conflicts");
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.tp).toBeGreaterThan(0);
  });

  it("contradiction/duplicate-instruction finds the labelled repetitions", async () => {
    const s = await score("dev", all.dev!.filter((l) => l.kind === "duplicate"), "duplicates");
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("contradiction/examples finds the labelled example violations", async () => {
    const s = await score("dev-examples", examples.dev!, "examples");
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });
});
