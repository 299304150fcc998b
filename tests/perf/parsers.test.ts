/**
 * Nothing super-linear in the parsers: each format's parser, on every adversarial input of 10,000 and 100,000
 * characters written in that format (tests/perf/adversarial.ts), takes at most ~15 times as long on the larger
 * (10 is linear, 100 quadratic). The YAML parser also reads every other input, since a `.yaml` prompt can hold
 * anything and the yaml library's cost on text that is not YAML is its own. Times and their noise:
 * tests/perf/growth.ts.
 */
import { describe, expect, it } from "vitest";
import { FORMATS, type Format } from "../../src/model/document.js";
import { ADVERSARIAL } from "./adversarial.js";
import { FAMILY_TIMEOUT, failures, highest, measureAll } from "./families.js";
import { parserSubject } from "./subjects.js";

/** Formats whose parser reads every input, whatever it was written for. */
const READS_EVERYTHING: readonly Format[] = ["yaml"];

describe("parsers grow linearly", () => {
  it.each(FORMATS.map((format) => [format] as const))("%s", async (format: Format) => {
    const inputs = READS_EVERYTHING.includes(format) ? ADVERSARIAL : ADVERSARIAL.filter((input) => input.formats.includes(format));
    const measured = await measureAll(inputs, () => [format], parserSubject);
    console.info(`[perf] ${format} parser, ${measured.length} inputs, highest ratios: ${highest(measured)}`);
    expect(failures(measured)).toEqual([]);
  }, FAMILY_TIMEOUT);
});
