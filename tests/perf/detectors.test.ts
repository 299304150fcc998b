/**
 * Nothing super-linear in the detectors: PII, secrets (secretlint with promptvet's rules, and promptvet's own
 * detectors alone), the contradiction extractor with its conflict search, the examples check, the line diff
 * of a fork with its base and the token count, on every adversarial input of 10,000 and 100,000 characters, take at most ~15 times as long on the
 * larger. Parsing is untimed preparation here, so each ratio is the detector's own (tests/perf/subjects.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADVERSARIAL } from "./adversarial.js";
import { FAMILY_TIMEOUT, failures, highest, measureAll } from "./families.js";
import { DETECTOR_SUBJECTS, preloadDetectors } from "./subjects.js";

beforeAll(async () => {
  await preloadDetectors();
});

describe("detectors grow linearly", () => {
  it.each(DETECTOR_SUBJECTS.map((d) => [d.name, d] as const))("%s", async (_name, detector) => {
    // Detectors of documents read each input in its first format; detectors of text read the text.
    const measured = await measureAll(ADVERSARIAL, (input) => [detector.readsDocuments ? input.formats[0]! : "markdown"], detector.subject);
    console.info(`[perf] ${detector.name}, highest ratios: ${highest(measured)}`);
    expect(failures(measured)).toEqual([]);
  }, FAMILY_TIMEOUT);
});
