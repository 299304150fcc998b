/**
 * A family of growth measurements (one subject over every adversarial input) and how it is reported: the
 * failures with their figures, and the highest ratios for the log.
 */
import type { Format } from "../../src/model/document.js";
import type { AdversarialInput } from "./adversarial.js";
import { describeGrowth, measureGrowth, type Growth, type Subject } from "./growth.js";

export const SMALL = 10_000;
export const LARGE = 100_000;
/** Per-test limit for vitest only: a whole family of measurements runs in one test; no assertion is about time. */
export const FAMILY_TIMEOUT = 600_000;

export interface Measured {
  input: AdversarialInput;
  format: Format;
  growth: Growth;
}

export async function measureAll(
  inputs: readonly AdversarialInput[],
  formatsOf: (input: AdversarialInput) => readonly Format[],
  subjectFor: (format: Format) => Subject<any>,
): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const input of inputs) {
    for (const format of formatsOf(input)) {
      out.push({ input, format, growth: await measureGrowth(subjectFor(format), input.make, { small: SMALL, large: LARGE }) });
    }
  }
  return out;
}

export function failures(measured: readonly Measured[]): string[] {
  return measured.filter((m) => !m.growth.ok).map((m) => `${m.input.name} (${m.format}): ${describeGrowth(m.growth)}`);
}

export function highest(measured: readonly Measured[], n = 3): string {
  return [...measured]
    .sort((a, b) => b.growth.ratio - a.growth.ratio)
    .slice(0, n)
    .map((m) => `${m.input.name} (${m.format}) ${m.growth.ratio.toFixed(1)}`)
    .join(", ");
}
