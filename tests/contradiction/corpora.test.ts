/**
 * False alarms on real prompts: instruction files that nobody wrote for this project. Needs the corpora
 * (tests/helpers/corpora.ts): skipped with a message when absent, a failure under CI=true.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/contradiction/check.js";
import { confirmConflicts } from "../../src/contradiction/nlp.js";
import { corpusPath } from "../helpers/corpora.js";
import { parsePrompt } from "./parse-prompt.js";

const base = corpusPath("the contradiction false-alarm check on real prompts");

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(md|mdc|txt|cursorrules)$/i.test(name) || name === ".cursorrules") out.push(p);
  }
  return out;
}

describe.skipIf(!base)("contradiction/instructions on real prompt corpora", () => {
  it.each(["awesome-copilot_github", "awesome-cursorrules_PatrickJS"])("%s: under 2 findings per 100 files", async (name) => {
    const files = walk(join(base!, name), []).sort().filter((_, i) => i % 5 === 0);
    let findings = 0;
    for (const f of files) {
      const document = parsePrompt(f, readFileSync(f, "utf8"));
      findings += (await confirmConflicts(checkDocument(document).conflicts)).length;
    }
    expect((findings * 100) / files.length).toBeLessThan(2);
  }, 120_000);
});
