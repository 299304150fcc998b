/**
 * gitleaks' own rule fixtures (tests/fixtures/gitleaks, MIT) for the providers promptvet covers: no false
 * positive may produce a finding, recall is at least 0.95 overall and 0.9 for every provider with 20 cases
 * or more (Anthropic has 7, three of them hand-typed sequences), and every true positive promptvet does not
 * report must be explained by design: a documented sample, a typed placeholder (`abc123xyz-456def…`
 * sequences, `EXAMPLE`), or a JWT-shaped string that is not a signed JWT (random header, `alg: none`).
 * `npm run bench:secrets` prints the same figures next to secretlint's preset.
 */
import { describe, expect, it } from "vitest";
import { isCredentialJwt } from "../../src/secrets/jwt.js";
import { isPlaceholderSecret } from "../../src/secrets/placeholder.js";
import { scanSecrets } from "../../src/secrets/scan.js";
import { loadGitleaksFixtures } from "../fixtures/gitleaks/fixtures.js";

const RECALL_FLOOR = 0.9;
const OVERALL_FLOOR = 0.95;
/** Below this many cases a provider's recall is a handful of hand-written examples, not a rate. */
const MIN_CASES_FOR_FLOOR = 20;
/** JWT fixtures are mostly random `ey…` strings gitleaks generates; only decodable, signed ones are tokens. */
const JWT_PROVIDER = "jwt";

function explainsMiss(provider: string, text: string): boolean {
  const tokens = text.match(/[A-Za-z0-9_\-.+/=]{16,}/g) ?? [];
  if (provider === JWT_PROVIDER) return tokens.every((token) => !isCredentialJwt(token.replace(/\.+$/, "").split(".")));
  return tokens.some((token) => isPlaceholderSecret("credential", token));
}

describe("gitleaks rule fixtures", () => {
  it("no false positive gets a finding; recall >= 0.95 overall and >= 0.9 per provider; every miss is a placeholder or not a credential", { timeout: 120_000 }, async () => {
    const byProvider = new Map<string, { tps: number; found: number }>();
    const falseAlarms: string[] = [];
    const unexplained: string[] = [];
    let jwtSigned = 0;
    let jwtSignedFound = 0;
    for (const rule of loadGitleaksFixtures()) {
      const row = byProvider.get(rule.provider) ?? { tps: 0, found: 0 };
      byProvider.set(rule.provider, row);
      for (const tp of rule.tps) {
        row.tps++;
        const found = (await scanSecrets(tp, "/fixture.txt")).length > 0;
        if (found) row.found++;
        else if (!explainsMiss(rule.provider, tp)) unexplained.push(`${rule.rule} (case ${rule.tps.indexOf(tp)})`);
        if (rule.provider === JWT_PROVIDER && !explainsMiss(JWT_PROVIDER, tp)) {
          jwtSigned++;
          if (found) jwtSignedFound++;
        }
      }
      for (const fp of rule.fps) {
        if ((await scanSecrets(fp, "/fixture.txt")).length > 0) falseAlarms.push(`${rule.rule} (case ${rule.fps.indexOf(fp)})`);
      }
    }
    const lowRecall = [...byProvider]
      .filter(([provider, row]) => provider !== JWT_PROVIDER && row.tps >= MIN_CASES_FOR_FLOOR && row.found / row.tps < RECALL_FLOOR)
      .map(([provider, row]) => `${provider} ${row.found}/${row.tps}`);
    const total = [...byProvider.values()].reduce((a, r) => ({ tps: a.tps + r.tps, found: a.found + r.found }), { tps: 0, found: 0 });
    console.info(`[secrets] gitleaks fixtures: recall ${(total.found / total.tps).toFixed(3)} (${total.found}/${total.tps}); signed JWTs ${jwtSignedFound}/${jwtSigned}`);
    expect(falseAlarms).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(lowRecall).toEqual([]);
    expect(total.found / total.tps).toBeGreaterThanOrEqual(OVERALL_FLOOR);
    expect(jwtSigned).toBeGreaterThan(20);
    expect(jwtSignedFound).toBe(jwtSigned);
  });
});
