/**
 * Code frames cannot leak: each case of a secret or personal value printed in clear next to a finding, run
 * through the real pipeline (config, built-in rules, masking) and printed by every format that shows source.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { ConfigResolver } from "../../src/config/resolve.js";
import { RuleRegistry } from "../../src/config/registry.js";
import { lintFiles } from "../../src/engine/lint-files.js";
import { defineRule } from "../../src/rule-api/types.js";
import { FORMAT_NAMES, getFormatter } from "../../src/report/index.js";
import { LABELLED, leaks, type Labelled } from "../engine/labelled-values.js";

const { AWS_ID, AWS_SECRET, EMAIL, JWT, PEM, PEM_BODY, CARD } = LABELLED;

/** Stands in for any detector: flags the first occurrence of each configured value as sensitive. */
const flagFirst = defineRule<{ values: string[] }>({
  meta: {
    id: "test/flag-first",
    category: "test",
    docs: { description: "test", recommended: false },
    messages: { found: "Unexpected credential." },
    schema: { type: "object", properties: { values: { type: "array", items: { type: "string" } } }, additionalProperties: false },
  },
  create(context) {
    return {
      document(doc) {
        for (const value of context.options.values ?? []) {
          const at = doc.source.indexOf(value);
          if (at !== -1) context.report({ messageId: "found", range: [at, at + value.length], sensitive: true });
        }
      },
    };
  },
});

const INTERNAL_TOKEN: Labelled = { label: "internal token", value: "corp-Zx81Qw7Rt5Yu3Io9Pa2Sd" };
const PASSWORD: Labelled = { label: "password", value: "Tr0ub4dor&3x" };
const NAME: Labelled = { label: "name", value: "Maria Jensen" };
const TEST_CARD: Labelled = { label: "card nobody flagged", value: "5500 0055 5555 5559" };
const LONE_NAME: Labelled = { label: "a lone given name", value: "Ingrid" };
const PHONE: Labelled = { label: "phone", value: "+44 20 7946 0321" };
const POSTAL: Labelled = { label: "postcode and number", value: "33 Larch Close, LS1 1AB" };
// Names from outside the name lexicon's sources.
const KIN_NAME: Labelled = { label: "a relative's name", value: "Shabana" };
const FATHER: Labelled = { label: "a name after an initial", value: "Raghavendra Rao" };

interface Case {
  name: string;
  lines: string[];
  /** Values the test rule flags (first occurrence only). */
  flag?: string[];
  protect: Labelled[];
}

const CASES: Case[] = [
  {
    name: "the partner AWS secret on the line of a detected key id",
    lines: ["# Deploy", "", `Upload with ${AWS_ID.value} ${AWS_SECRET.value} only.`, ""],
    flag: [AWS_ID.value],
    protect: [AWS_ID, AWS_SECRET],
  },
  {
    name: "the same detected value repeated on the next line and far below",
    lines: ["# Deploy", "", `Token ${INTERNAL_TOKEN.value} for uploads.`, `Again: ${INTERNAL_TOKEN.value}.`, ...Array(12).fill(""), `Once more ${INTERNAL_TOKEN.value}`, "trailing space here "],
    flag: [INTERNAL_TOKEN.value],
    protect: [INTERNAL_TOKEN],
  },
  {
    name: "a JWT no rule reports, next to a finding",
    lines: ["# Support", "", `Email ${EMAIL.value} about it.`, `Session: ${JWT.value}`, ""],
    protect: [EMAIL, JWT],
  },
  {
    name: "an EC private key body next to a finding",
    lines: ["# Signing", "", `Email ${EMAIL.value} for the key:`, ...PEM.value.split("\n"), ""],
    protect: [EMAIL, PEM_BODY],
  },
  {
    name: "a password on the line after a detected secret",
    lines: ["# Database", "", `user: ${INTERNAL_TOKEN.value}`, `password: ${PASSWORD.value}`, ""],
    flag: [INTERNAL_TOKEN.value],
    protect: [INTERNAL_TOKEN, PASSWORD],
  },
  {
    name: "a card number no rule reports, near a detected card",
    lines: ["# Billing", "", `Primary card ${CARD.value}.`, `Backup: ${TEST_CARD.value}`, ""],
    protect: [CARD, TEST_CARD],
  },
  {
    name: "a second occurrence of a detected name",
    lines: ["# Escalations", "", `Customer: ${NAME.value} asked for a refund.`, `Reply to ${NAME.value} politely.`, ""],
    protect: [NAME],
  },
  // Detector misses beside a hit: the frame around the hit masks whatever could be personal data.
  {
    name: "a given name alone on the line after a detected email (no detector flags a lone first name)",
    lines: ["# Clinic", "", `Owner contact: ${EMAIL.value}`, `Ask for ${LONE_NAME.value} at reception.`, ""],
    protect: [EMAIL, LONE_NAME],
  },
  {
    name: "a postcode and house number the address detector did not take, below a detected phone",
    lines: ["# Letters", "", `Call ${PHONE.value} first.`, `Then write to ${POSTAL.value}.`, ""],
    protect: [PHONE, POSTAL],
  },
  {
    name: "names the lexicon does not know, inside sentences around a detected phone",
    lines: ["# Visits", "", `Applicant not at home; wife ${KIN_NAME.value} present.`, `Call back on ${PHONE.value} (D/o K. ${FATHER.value}).`, ""],
    protect: [PHONE, KIN_NAME, FATHER],
  },
  {
    name: "a name beside a whitespace warning far from the file's detected email",
    lines: ["# Notes", "", `Contact ${EMAIL.value} for access.`, ...Array(8).fill(""), `Then ask ${KIN_NAME.value} about it. `, ""],
    protect: [EMAIL, KIN_NAME],
  },
];

describe("code frames cannot leak", () => {
  let tmp: string;
  const registry = new RuleRegistry([...builtinRules, flagFirst]);
  const rules = new Map(registry.all().map((r) => [r.meta.id, r.meta]));

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "promptvet-frames-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  CASES.forEach((c, i) => {
    it(c.name, async () => {
      const dir = path.join(tmp, String(i));
      const file = path.join(dir, "prompt.md");
      const { mkdirSync } = await import("node:fs");
      mkdirSync(dir);
      writeFileSync(file, c.lines.join("\n"));
      writeFileSync(
        path.join(dir, "promptvet.config.yaml"),
        `rules:\n  pii/person-name: error\n  hygiene/trailing-whitespace: warn\n  test/flag-first: [error, ${JSON.stringify({ values: c.flag ?? [] })}]\n`,
      );
      const results = await lintFiles({ files: [{ path: file, explicit: true }], resolver: new ConfigResolver({ cwd: dir, registry }) });
      const stylish = getFormatter("stylish")(results, { cwd: dir, color: false, rules, toolVersion: "0.0.0" });
      // Not vacuous: a frame was drawn over the lines that hold the values.
      expect(stylish, stylish).toMatch(/> +\d+ \|/);
      expect(stylish).toContain("••••");
      for (const name of FORMAT_NAMES) {
        const output = getFormatter(name)(results, { cwd: dir, color: name === "stylish", rules, toolVersion: "0.0.0" });
        for (const value of c.protect) expect(leaks(output, value), `${name} prints ${value.label}:\n${output}`).toEqual([]);
      }
    });
  });
});
