/**
 * Nothing super-linear in a whole lint: parsing and every built-in rule, with a base version for the rules that
 * compare with it, on every adversarial input of 10,000 and 100,000 characters, take at most ~15 times as long
 * on the larger.
 *
 * Then the promise to users: a 100 KB adversarial prompt lints in less than twice the time of a 100 KB normal one,
 * built from real published system prompts (../shared/corpora). Without the corpora the comparison uses generated
 * prose and says so; under CI=true the corpora are required.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Format } from "../../src/model/document.js";
import { ADVERSARIAL, generatedProse, type AdversarialInput } from "./adversarial.js";
import { FAMILY_TIMEOUT, LARGE, failures, highest, measureAll, type Measured } from "./families.js";
import { fastest } from "./growth.js";
import { lintSubject, preloadDetectors } from "./subjects.js";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpora/system_prompts_leaks_asgeirtj");

/** An input is linted in its first format (the parsers read it in every format). */
const lintFormats = (input: AdversarialInput): Format[] => [input.formats[0]!];

/** About `n` characters of real published system prompts, whole lines, in a fixed order. */
function corpusProse(n: number): string | undefined {
  if (!existsSync(CORPUS)) return undefined;
  let text = "";
  for (const name of readdirSync(CORPUS).filter((f) => f.endsWith(".md")).sort()) {
    text += `${readFileSync(path.join(CORPUS, name), "utf8")}\n\n`;
    if (text.length >= n) break;
  }
  const cut = text.lastIndexOf("\n", n);
  return text.slice(0, cut > 0 ? cut + 1 : n);
}

beforeAll(async () => {
  await preloadDetectors();
});

/** The lint measurements, for the comparison with a normal prompt. */
let measured: Measured[] = [];

describe("the whole lint grows linearly", () => {
  it("on every adversarial input", async () => {
    measured = await measureAll(ADVERSARIAL, lintFormats, lintSubject);
    console.info(`[perf] lint, highest ratios: ${highest(measured, 5)}`);
    expect(failures(measured)).toEqual([]);
  }, FAMILY_TIMEOUT);
});

describe("a 100 KB adversarial prompt lints in under twice the time of a 100 KB normal one", () => {
  const real = corpusProse(LARGE);
  if (!real) console.warn(`[promptvet] ${CORPUS} is absent: comparing adversarial prompts with generated prose, not real prompts`);

  it(real ? "normal: real published system prompts" : "normal: generated prose (corpora absent)", async () => {
    if (!real && process.env.CI === "true") expect.fail(`${CORPUS} is required under CI=true`);
    const normalMs = await fastest(lintSubject("markdown"), real ?? generatedProse(LARGE), 5);
    // Run alone (vitest -t), the adversarial prompts have not been linted yet.
    if (measured.length === 0) measured = await measureAll(ADVERSARIAL, lintFormats, lintSubject);
    const slow: string[] = [];
    for (const m of measured) {
      if (m.growth.largeMs < 2 * normalMs) continue;
      // The growth measurement may have taken one unlucky run: the fastest of three decides.
      const ms = await fastest(lintSubject(m.format), m.input.make(LARGE), 3);
      if (ms >= 2 * normalMs) slow.push(`${m.input.name} (${m.format}): ${ms.toFixed(0)} ms against ${normalMs.toFixed(0)} ms`);
    }
    const slowest = [...measured].sort((a, b) => b.growth.largeMs - a.growth.largeMs).slice(0, 3);
    console.info(`[perf] normal 100 KB prompt: ${normalMs.toFixed(0)} ms; slowest adversarial: ${slowest.map((m) => `${m.input.name} (${m.format}) ${m.growth.largeMs.toFixed(0)} ms`).join(", ")}`);
    expect(slow).toEqual([]);
  }, FAMILY_TIMEOUT);
});
