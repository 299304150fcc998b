/**
 * The realistic PII and secrets set keeps its promises: every label is found where it says, values are
 * format-valid (Luhn, IBAN checksums, phone numbers), the held-out third is in place, and the scoring used by
 * bench:pii matches values to findings by position and type.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import * as ibantools from "ibantools";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { labelSpans, leakProbes, scoreValues, typeOfRule, type ValueLabel } from "../../scripts/bench/pii-realistic.js";

const base = resolve(import.meta.dirname, "../fixtures/pii-real");
const { labels } = JSON.parse(readFileSync(join(base, "labels.json"), "utf8")) as { labels: ValueLabel[] };

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else out.push(relative(base, p).split("\\").join("/"));
  }
  return out;
}
const files = [...filesUnder(join(base, "dev")), ...filesUnder(join(base, "heldout"))];
const texts = new Map(files.map((f) => [f, readFileSync(join(base, f), "utf8")] as const));

function luhn(number: string): boolean {
  const digits = number.replace(/\D/g, "");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

describe("realistic PII and secrets set", () => {
  it("has at least 40 files and 200 labelled values, a held-out third, and clean files", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(labels.length).toBeGreaterThanOrEqual(200);
    const heldout = new Set(files.filter((f) => f.startsWith("heldout/")).map((f) => f.split("/")[1]));
    expect(heldout.size / new Set(files.map((f) => f.split("/")[1])).size).toBeGreaterThan(0.28);
    const labelled = new Set(labels.map((l) => l.file));
    expect(files.filter((f) => !labelled.has(f)).length).toBeGreaterThanOrEqual(4);
    expect(new Set(labels.map((l) => l.type))).toEqual(new Set(["person-name", "street-address", "phone", "date-of-birth", "credit-card", "iban", "email", "us-ssn", "ip-address", "secret"]));
  });

  it("finds every labelled value on its line, in order", () => {
    const spans = labelSpans(labels, texts);
    expect(spans).toHaveLength(labels.length);
    spans.forEach((span, i) => {
      const text = texts.get(span.file)!;
      expect(text.slice(0, span.start).split("\n").length, `${labels[i]!.file}:${labels[i]!.line}`).toBe(labels[i]!.line);
    });
  });

  it("uses format-valid values", () => {
    for (const l of labels) {
      if (l.type === "credit-card") expect(luhn(l.value), l.value.slice(-4)).toBe(true);
      if (l.type === "iban") expect(ibantools.isValidIBAN(l.value.replace(/\s/g, "").toUpperCase()), l.file).toBe(true);
      if (l.type === "phone" && l.value.startsWith("+")) expect(parsePhoneNumberFromString(l.value.replace("(0)", ""))?.isValid(), l.value).toBe(true);
      if (l.type === "us-ssn") expect(l.value).toMatch(/^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/);
    }
  });

  it("keeps JSONL files parseable", () => {
    for (const f of files.filter((f) => f.endsWith(".jsonl"))) {
      for (const line of texts.get(f)!.split("\n").filter(Boolean)) expect(() => JSON.parse(line), f).not.toThrow();
    }
  });
});

describe("value scoring", () => {
  const text = new Map([["a.md", "Hi Aoife Ní Bhriain.\nThanks, Aoife. Card 4111 on file.\n"]]);
  const spans = labelSpans(
    [
      { file: "a.md", type: "person-name", value: "Aoife Ní Bhriain", line: 1 },
      { file: "a.md", type: "person-name", value: "Aoife", line: 2 },
    ],
    text,
  );

  it("places repeated values at successive occurrences", () => {
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [3, 19],
      [29, 34],
    ]);
  });

  it("counts a finding when its range overlaps a value of the same type", () => {
    const { byType, missed, wrong } = scoreValues(spans, [
      { file: "a.md", type: "person-name", start: 3, end: 8 },
      { file: "a.md", type: "phone", start: 29, end: 34 },
      { file: "a.md", type: "person-name", start: 41, end: 45 },
    ]);
    expect(byType.get("person-name")).toEqual({ labels: 2, found: 1, findings: 2, correct: 1 });
    expect(byType.get("phone")).toEqual({ labels: 0, found: 0, findings: 1, correct: 0 });
    expect(missed.map((m) => m.start)).toEqual([29]);
    expect(wrong.map((w) => w.start)).toEqual([29, 41]);
  });

  it("maps rule ids to label types", () => {
    expect(typeOfRule("pii/street-address")).toBe("street-address");
    expect(typeOfRule("secrets/leaked-credential")).toBe("secret");
    expect(typeOfRule("contradiction/instructions")).toBeUndefined();
  });

  it("probes a PEM block by its body lines, not by its armour", () => {
    const probes = leakProbes("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB3xk2mQ9lZ0Jc8xPq1Y7w\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----");
    expect(probes).toContain("MHcCAQEEIB3xk2mQ9lZ0Jc8xPq1Y7w");
    expect(probes).not.toContain("AwEHoUQDQgAE");
    expect(probes.some((p) => p.startsWith("-----BEGIN") && !p.includes("\n"))).toBe(false);
  });
});

/** The checks every set built from marked sources (tests/fixtures/pii-marked-set.mjs) passes. */
function describeMarkedSet(name: string, folder: string, splits: readonly string[], minLabels: number, more?: (set: { base: string; files: string[] }) => void): void {
  describe(name, () => {
    const base = resolve(import.meta.dirname, "../fixtures", folder);
    const labels = (JSON.parse(readFileSync(join(base, "labels.json"), "utf8")) as { labels: ValueLabel[] }).labels;
    const files = splits.flatMap((dir) => readdirSync(join(base, dir)).map((f) => `${dir}/${f}`));
    const texts = new Map(files.map((f) => [f, readFileSync(join(base, f), "utf8")] as const));

    more?.({ base, files });

    it("finds every labelled value on its line, in order, and keeps JSONL parseable", () => {
      const spans = labelSpans(labels, texts);
      spans.forEach((span, i) => {
        expect(texts.get(span.file)!.slice(0, span.start).split("\n").length, `${labels[i]!.file}:${labels[i]!.line}`).toBe(labels[i]!.line);
      });
      for (const f of files.filter((x) => x.endsWith(".jsonl"))) {
        for (const line of texts.get(f)!.split("\n").filter(Boolean)) expect(() => JSON.parse(line), f).not.toThrow();
      }
    });

    it("matches its marked sources (run build/build.mjs after editing them)", () => {
      const marked = readdirSync(join(base, "build/src"));
      expect(marked.sort()).toEqual(files.map((f) => f.split("/")[1]!).sort());
      for (const f of files) {
        const source = readFileSync(join(base, "build/src", f.split("/")[1]!), "utf8");
        expect(source.replace(/⟦[a-z-]+:([^⟧]+)⟧/gu, "$1"), f).toBe(texts.get(f));
      }
      expect(labels.length).toBeGreaterThanOrEqual(minLabels);
    });
  });
}

describeMarkedSet("second realistic PII set", "pii-real-2", ["dev", "heldout"], 190, ({ base, files }) => {
  it("holds out the files drawn before the texts were written", () => {
    const drawn = readFileSync(join(base, "build/heldout.txt"), "utf8").split("\n").filter(Boolean).sort();
    expect(readdirSync(join(base, "heldout")).sort()).toEqual(drawn);
    expect(drawn.length / files.length).toBeGreaterThan(0.3);
  });
});

describeMarkedSet("third realistic PII set (dev only)", "pii-real-3", ["dev"], 80);

describeMarkedSet("fourth realistic PII set (dev only)", "pii-real-4", ["dev"], 180, ({ base, files }) => {
  it("keeps a decoy-only file", () => {
    const labelled = new Set((JSON.parse(readFileSync(join(base, "labels.json"), "utf8")) as { labels: ValueLabel[] }).labels.map((l) => l.file));
    expect(files.filter((f) => !labelled.has(f)).length).toBeGreaterThanOrEqual(1);
  });
});
