/**
 * "Corpus or skip, but never silently": the reference checks on real corpora (false alarms, differential
 * parses, tokenizer oracles) run only when the corpus is there. Without it a check skips with a visible
 * message on a developer's machine, and fails under `CI=true`, where a reference check that did not run
 * must not look like one that passed.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { it } from "vitest";
import { CORPORA_ROOT } from "./corpora-root.js";

export { CORPORA_ROOT };

/**
 * The absolute path of `rel` inside the corpora, or undefined when it is absent (the caller then skips its
 * tests with `describe.skipIf(!dir)`). Call it at the top level of a test file: under CI it adds a failing
 * test naming what could not run.
 */
export function corpusPath(what: string, rel = ""): string | undefined {
  const target = path.join(CORPORA_ROOT, rel);
  if (existsSync(target)) return target;
  if (process.env.CI === "true") {
    it(`has the corpus for ${what}`, () => {
      throw new Error(`${target} is missing, so ${what} cannot run; under CI=true a missing corpus fails the run (set PROMPTVET_CORPORA)`);
    });
  } else {
    console.warn(`SKIPPED: ${what} needs ${target}, which is absent (set PROMPTVET_CORPORA to run it)`);
  }
  return undefined;
}
