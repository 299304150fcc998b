// Run only by tests/helpers/corpora.test.ts, in a vitest of its own with PROMPTVET_CORPORA pointing nowhere.
import { describe, expect, it } from "vitest";
import { corpusPath } from "../corpora.js";

const dir = corpusPath("the probe's reference check");

describe.skipIf(!dir)("a reference check", () => {
  it("runs on the corpus", () => {
    expect(dir).toBeDefined();
  });
});
