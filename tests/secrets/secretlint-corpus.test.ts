/**
 * Recall and precision of scanSecrets on secretlint's own rule fixtures (../shared/corpora, read-only).
 *
 * Many of those fixtures are typed placeholders (`hf_xxxx…`, `sk_live_AAAA…`, `gsk_0123456789…KLMNOP`,
 * `lin_api_…EXAMPLE`, Slack's `XXXXXXXX` webhook): promptvet ignores those by design, the same as in a
 * prompt file. Every expected finding promptvet does not report must be one the placeholder filter names;
 * every other one must be found.
 *
 * In scope: expected findings of the rules in @secretlint/secretlint-rule-preset-recommend, which promptvet
 * runs. Out of scope, counted and printed but not asserted: rules promptvet does not run (azure, pattern,
 * secp256k1, no-homedir, no-k8s-kind-secret, the example rule, the test rules of filter-comments) and AWS
 * account IDs (found by the preset only when `enableIDScanRule` is set, which promptvet leaves off: a
 * 12-digit account ID is an identifier, not a credential).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kindOfSecretlintMessage } from "../../src/secrets/kinds.js";
import { isPlaceholderSecret } from "../../src/secrets/placeholder.js";
import { scanSecrets, type SecretMatch } from "../../src/secrets/scan.js";
import { corpusPath } from "../helpers/corpora.js";

const CORPUS = corpusPath("the secretlint fixture recall test", "secretlint-snapshots_secretlint/cases.jsonl");

interface ExpectedMessage {
  ruleId: string;
  messageId: string;
  range: [number, number];
}

interface Case {
  rule_package: string;
  case: string;
  label: "positive" | "negative" | "options";
  input_name: string;
  text: string;
  expected_messages: ExpectedMessage[];
  duplicate_of_earlier: boolean;
  /** secretlint config of the case, when it sets rule options. */
  rc: unknown;
}

const PRESET_RULES = new Set(
  [
    "aws", "gcp", "privatekey", "npm", "basicauth", "slack", "sendgrid", "shopify", "stripe", "github", "gitlab",
    "grafana", "openai", "anthropic", "groq", "huggingface", "linear", "notion", "1password",
    "database-connection-string", "hashicorp-vault", "vercel", "databricks", "docker", "figma", "cloudflare",
    "tailscale",
  ].map((name) => `@secretlint/secretlint-rule-${name}`),
);

function inScope(message: ExpectedMessage): boolean {
  return PRESET_RULES.has(message.ruleId) && message.messageId !== "AWSAccountID";
}

const overlaps = (m: SecretMatch, [s, e]: [number, number]) => m.start < e && m.end > s;

describe.skipIf(!CORPUS)("secretlint fixtures", () => {
  it("finds every in-scope expected secret that is not a placeholder (recall 1.0) and reports precision on the negative cases", async () => {
    const cases = readFileSync(CORPUS!, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Case)
      .filter((c) => !c.duplicate_of_earlier);

    let expectedInScope = 0;
    let recalled = 0;
    let exactRange = 0;
    const placeholders: string[] = [];
    let outOfScope = 0;
    let outOfScopeFound = 0;
    const missed: string[] = [];
    let negatives = 0;
    let allowlisted = 0;
    const extras: string[] = [];
    let cleanNegatives = 0;
    const falseAlarms: string[] = [];

    for (const c of cases) {
      const matches = await scanSecrets(c.text, `/corpus/${c.input_name}`);
      if (c.expected_messages.length > 0) {
        for (const m of matches) {
          if (!c.expected_messages.some((e) => overlaps(m, e.range))) extras.push(`${c.rule_package}/${c.case}: ${m.kind}`);
        }
        for (const expected of c.expected_messages) {
          const hit = matches.find((m) => overlaps(m, expected.range));
          if (!inScope(expected)) {
            outOfScope++;
            if (hit) outOfScopeFound++;
            continue;
          }
          const value = c.text.slice(expected.range[0], expected.range[1]);
          if (!hit && isPlaceholderSecret(kindOfSecretlintMessage(expected.ruleId, expected.messageId), value)) {
            placeholders.push(`${c.rule_package}/${c.case} ${expected.messageId}`);
            continue;
          }
          expectedInScope++;
          if (hit) {
            recalled++;
            if (hit.start === expected.range[0] && hit.end === expected.range[1]) exactRange++;
          } else {
            missed.push(`${c.rule_package}/${c.case} ${expected.messageId} [${expected.range.join(", ")}]`);
          }
        }
      } else if (JSON.stringify(c.rc ?? null).includes('"allows"')) {
        // Negative only because of the case's own allowlist: promptvet's equivalent is the rule's
        // `allowPatterns` option, not the scanner.
        allowlisted++;
      } else if (c.label === "negative" || c.label === "options") {
        negatives++;
        if (matches.length === 0) cleanNegatives++;
        else falseAlarms.push(`${c.rule_package}/${c.case}: ${matches.map((m) => m.kind).join(", ")}`);
      }
    }

    const recall = recalled / expectedInScope;
    console.info(
      [
        `[secrets] secretlint fixtures: recall ${recall.toFixed(3)} (${recalled}/${expectedInScope} in-scope findings that are not placeholders, ${exactRange} with secretlint's exact range)`,
        `[secrets] placeholders ignored by design: ${placeholders.length} expected findings (${((recalled) / (expectedInScope + placeholders.length)).toFixed(3)} recall counting them)`,
        ...placeholders.map((p) => `[secrets]   placeholder: ${p}`),
        `[secrets] out of scope: ${outOfScope} expected findings of rules promptvet does not run (${outOfScopeFound} found anyway)`,
        `[secrets] negative cases without any finding: ${cleanNegatives}/${negatives} (${(cleanNegatives / negatives).toFixed(3)}); ${allowlisted} cases negative only through their allowlist skipped`,
        `[secrets] findings on positive cases that secretlint's snapshot does not expect: ${extras.length}`,
        ...extras.map((x) => `[secrets]   unexpected: ${x}`),
        ...falseAlarms.map((f) => `[secrets]   finding on a negative case: ${f}`),
        ...missed.map((m) => `[secrets]   missed: ${m}`),
      ].join("\n"),
    );
    expect(missed).toEqual([]);
    expect(recall).toBe(1);
    // Negative cases of one secretlint rule may hold secrets of another rule; they are listed above for review.
    expect(cleanNegatives / negatives).toBeGreaterThan(0.8);
  });
});
