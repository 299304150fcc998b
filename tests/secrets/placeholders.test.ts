/**
 * Prompt documentation full of key-shaped examples (tests/fixtures/secrets/placeholders): x and X runs,
 * `****`, `…`, `your-…`, `<…>`, `${…}`, hand-typed sequences, the samples documentation publishes, unsigned
 * JWTs, elided private keys, demo passwords. A hook that blocks these gets switched off: zero findings.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../rules/secrets/leaked-credential.js";
import { lintDocument } from "../../src/engine/linter.js";
import { detectFormat, parseDocument } from "../../src/parse/index.js";

const DIR = path.resolve(import.meta.dirname, "../fixtures/secrets/placeholders");
const KEY_SHAPES = /sk-proj-|sk-ant-|gsk_|hf_|ghp_|github_pat_|sk_live_|xoxb-|xoxp-|xapp-|hooks\.slack\.com|glpat-|glrt-|gldt-|glptt-|pplx-|AKIA|AIza|-----BEGIN|eyJ|lsv2_|pcsk_|ABSK|r8_|sk-or-v1-|tgp_v1_|SG\.|npm_|sk_test_|ops_eyJ|:\/\//g;

describe("placeholder files", () => {
  for (const name of readdirSync(DIR).sort()) {
    it(`${name}: no finding`, async () => {
      const file = path.join(DIR, name);
      const source = readFileSync(file, "utf8");
      // The file is worth testing: it is full of key shapes.
      expect((source.match(KEY_SHAPES) ?? []).length).toBeGreaterThanOrEqual(5);
      const document = parseDocument({ path: file, source, format: detectFormat(file) ?? "markdown", bom: false });
      const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }], unusedDirectives: 0 });
      expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
    });
  }
});
