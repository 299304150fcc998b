/**
 * The preset prefilter turns texts away from secretlint. A text it turns away must be one secretlint reports
 * nothing in: checked here by running secretlint's preset itself on every text turned away, from secretlint's
 * own rule fixtures, gitleaks' fixtures and the real prompts of ../shared/corpora.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { lintSource } from "@secretlint/core";
import { creator as preset, rules as presetRules } from "@secretlint/secretlint-rule-preset-recommend";
import { describe, expect, it } from "vitest";
import { PRESET_RULE_IDS, presetMayReport } from "../../src/secrets/preset-prefilter.js";
import { scanSecrets } from "../../src/secrets/scan.js";
import { loadGitleaksFixtures } from "../fixtures/gitleaks/fixtures.js";
import { corpusPath } from "../helpers/corpora.js";

const SECRETLINT_CASES = corpusPath("the preset prefilter's differential test on secretlint's fixtures", "secretlint-snapshots_secretlint/cases.jsonl");
const CORPORA = corpusPath("the preset prefilter's differential test on real prompts");

const config = { rules: [{ id: preset.meta.id, rule: preset }] };

async function presetMessages(content: string, filePath: string): Promise<number> {
  const ext = path.extname(filePath);
  const result = await lintSource({ source: { filePath, ext, content, contentType: "text" }, options: { config, maskSecrets: true, noPhysicFilePath: true } });
  return result.messages.length;
}

/** Texts turned away whose secretlint run reports something (must be none), and how many were turned away. */
async function differential(texts: Iterable<{ name: string; text: string }>): Promise<{ lost: string[]; turnedAway: number; total: number }> {
  const lost: string[] = [];
  let turnedAway = 0;
  let total = 0;
  for (const { name, text } of texts) {
    total++;
    if (presetMayReport(text, path.extname(name))) continue;
    turnedAway++;
    if ((await presetMessages(text, name)) > 0) lost.push(name);
  }
  return { lost, turnedAway, total };
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile() && statSync(full).size < 2_000_000) yield full;
  }
}

describe("secretlint preset prefilter", () => {
  it("stands for exactly the rules of the installed preset", () => {
    expect([...PRESET_RULE_IDS].sort()).toEqual(presetRules.map((rule) => rule.meta.id).sort());
  });

  it("lets through every credential shape the preset knows, and turns plain prose away", () => {
    const through = [
      "key AKIAZ5JXQWERTYUIOPAS here",
      'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"',
      "account_id: 1234-5678-9012",
      "postgres://admin:pw@db.internal/app",
      "-----BEGIN EC PRIVATE KEY-----",
      "SG.abc.def",
      "token ghp_0123456789abcdefghijABCDEFGHIJ012345",
      "a .p12 is binary",
    ];
    for (const text of through) expect(presetMayReport(text, text.includes(".p12") ? ".p12" : ".md"), text).toBe(true);
    expect(presetMayReport("You are a friendly assistant for Asian cuisine. Keep every answer under 80 words; ask about the account first.", ".md")).toBe(false);
  });

  it("scanSecrets still finds what the preset alone finds (an AWS key id in a prompt)", async () => {
    const text = "Use the key AKIAZ5JXQWERTYUIOPAS for the nightly export.";
    const found = await scanSecrets(text, "prompt.md");
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(["AKIAZ5JXQWERTYUIOPAS"]);
  });

  it("turns away no gitleaks fixture the preset reports", async () => {
    const texts = loadGitleaksFixtures().flatMap((rule) => [...rule.tps, ...rule.fps].map((text, i) => ({ name: `${rule.rule}-${i}.txt`, text })));
    const { lost, turnedAway, total } = await differential(texts);
    console.log(`gitleaks fixtures: ${turnedAway} of ${total} texts turned away from secretlint, none it reports`);
    expect(lost).toEqual([]);
    expect(turnedAway).toBeGreaterThan(0);
  });

  it.skipIf(!SECRETLINT_CASES)("turns away no secretlint fixture the preset reports", async () => {
    const cases = readFileSync(SECRETLINT_CASES!, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { input_name: string; case: string; text: string });
    const { lost, turnedAway, total } = await differential(cases.map((c) => ({ name: c.input_name || `${c.case}.txt`, text: c.text })));
    console.log(`secretlint fixtures: ${turnedAway} of ${total} texts turned away, none it reports`);
    expect(lost).toEqual([]);
  });

  it.skipIf(!CORPORA)(
    "turns away no real prompt the preset reports, and most real prompts",
    async () => {
      const texts = (function* () {
        for (const file of filesUnder(CORPORA!)) yield { name: file, text: readFileSync(file, "utf8") };
      })();
      const { lost, turnedAway, total } = await differential(texts);
      console.log(`corpora: ${turnedAway} of ${total} files turned away from secretlint, none it reports`);
      expect(lost.map((f) => path.relative(CORPORA!, f))).toEqual([]);
      expect(turnedAway / total).toBeGreaterThan(0.5);
    },
    300_000,
  );
});
