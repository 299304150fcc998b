/**
 * Cost of secret scanning, printed for the record and bounded loosely (a shared 2-core machine): loading
 * secretlint, the first scan, one 4 KB prompt, and 1,000 of them through the scanner and through the rule
 * (parsed documents, so parsing is not counted).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../rules/secrets/leaked-credential.js";
import { lintDocument } from "../../src/engine/linter.js";
import { parseDocument } from "../../src/parse/index.js";
import { loadSecretScanner, scanSecrets } from "../../src/secrets/scan.js";
import { fake } from "../fixtures/secrets/fake.js";

const root = path.resolve(import.meta.dirname, "../..");

/** A 4 KB markdown system prompt with placeholders and one real-looking key. */
function prompt(i: number): string {
  const paragraph =
    "You are a support assistant for an online store. Answer in the customer's language, keep answers under " +
    "150 words, cite the order number when you have it, and never promise refunds the policy does not allow. ";
  let text = `---\nmodel: gpt-4o\ndescription: Support assistant ${i}\n---\n# Role\n\n`;
  while (text.length < 3_800) text += `${paragraph}\n\nSet OPENAI_API_KEY=sk-... and {{ customer_name }}.\n\n`;
  text += `Lookup key: ${fake.google(i + 1)}\n`;
  return text.slice(0, 4_096);
}

describe("secret scanning cost", () => {
  it("loads secretlint once and scans 1,000 prompts of 4 KB quickly", { timeout: 120_000 }, async () => {
    const importMs = Number(
      execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          "const t = performance.now(); await Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]); console.log(performance.now() - t);",
        ],
        { cwd: root, encoding: "utf8" },
      ).trim(),
    );

    const t0 = performance.now();
    await loadSecretScanner();
    const t1 = performance.now();
    const first = await scanSecrets(prompt(0), "/p/first.md");
    const t2 = performance.now();
    expect(first.map((m) => m.kind)).toEqual(["google-api-key"]);

    const texts = Array.from({ length: 1_000 }, (_, i) => prompt(i));
    const t3 = performance.now();
    let found = 0;
    for (let i = 0; i < texts.length; i++) found += (await scanSecrets(texts[i]!, `/p/${i}.md`)).length;
    const t4 = performance.now();
    expect(found).toBe(1_000);

    // Parsing is not this rule's cost (and markdown parsing dominates it): 200 documents, linted 5 times.
    const documents = texts
      .slice(0, 200)
      .map((source, i) => parseDocument({ path: `/p/${i}.md`, source, format: "markdown", bom: false }));
    const t5 = performance.now();
    let reported = 0;
    for (let round = 0; round < 5; round++) {
      for (const document of documents) {
        const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }], unusedDirectives: 0 });
        reported += messages.length;
      }
    }
    const t6 = performance.now();
    expect(reported).toBe(1_000);

    const figures = {
      importMs: importMs.toFixed(1),
      loadInProcessMs: (t1 - t0).toFixed(1),
      firstScanMs: (t2 - t1).toFixed(1),
      perFileMs: ((t4 - t3) / 1_000).toFixed(3),
      thousandFilesMs: (t4 - t3).toFixed(0),
      thousandFilesThroughRuleMs: (t6 - t5).toFixed(0),
    };
    console.info(`[secrets] cost: ${JSON.stringify(figures)}`);
    expect(t4 - t3).toBeLessThan(10_000);
    expect(t6 - t5).toBeLessThan(15_000);
  });
});
