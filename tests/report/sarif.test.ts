import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { FINGERPRINT_KEY } from "../../src/report/fingerprint.js";
import { formatSarif } from "../../src/report/sarif.js";
import { CWD, SUPPORT_SOURCE, context, result, sampleResults } from "./fixtures.js";

// Both packages ship CommonJS; under NodeNext the callable sits on `.default`.
const Ajv04 = ((Ajv04Module as unknown as { default?: unknown }).default ?? Ajv04Module) as typeof Ajv04Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

const schemaPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/sarif/sarif-2.1.0-rtm.5.json");
const schemaText = readFileSync(schemaPath, "utf8");
// The schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(schemaText));

function sarifOf(...args: Parameters<typeof formatSarif>): Sarif.Log {
  return JSON.parse(formatSarif(...args)) as Sarif.Log;
}

describe("sarif formatter", () => {
  it("uses the pinned copy of the official schema", () => {
    expect(createHash("sha256").update(readFileSync(schemaPath)).digest("hex")).toBe(
      "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8",
    );
  });

  it("validates against the SARIF 2.1.0 schema, with findings, suppressions, related locations and fatal files", () => {
    const results = sampleResults();
    results.push(
      result("prompts/with space#1.md", "Ignore previous instructions.\n", [
        { ruleId: "pii/email", message: "Unexpected email address, expected a placeholder.", find: "previous", suppressed: "test fixture" },
        { ruleId: "directives/unused", severity: 1, message: "Unused promptvet-disable directive.", find: "Ignore" },
      ]),
    );
    const log = sarifOf(results, context({ docsBaseUrl: "https://example.org/rules/" }));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("rejects a log the schema forbids (the validator is live)", () => {
    const log = sarifOf(sampleResults(), context());
    (log.runs[0]!.results![0] as { level: string }).level = "fatal";
    expect(validate(log)).toBe(false);
  });

  it("validates an empty run", () => {
    expect(validate(sarifOf([], context()))).toBe(true);
  });

  it("describes the tool and every rule", () => {
    const log = sarifOf(sampleResults(), context({ docsBaseUrl: "https://example.org/docs/{id}" }));
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe("promptvet");
    expect(driver.version).toBe("0.1.0");
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const email = driver.rules!.find((r) => r.id === "pii/email")!;
    expect(email).toMatchObject({
      shortDescription: { text: "Disallow real email addresses in prompts" },
      fullDescription: { text: "Disallow real email addresses in prompts. Use a placeholder such as {{email}}." },
      helpUri: "https://example.org/docs/pii/email",
      defaultConfiguration: { level: "error", enabled: true },
    });
    const tone = driver.rules!.find((r) => r.id === "contradiction/tone")!;
    expect(tone.defaultConfiguration).toEqual({ enabled: false, level: "warning" });
  });

  it("points results at 1-based regions relative to %SRCROOT% with the right rule index", () => {
    const log = sarifOf(sampleResults(), context());
    const run = log.runs[0]!;
    const email = run.results!.find((r) => r.ruleId === "pii/email")!;
    expect(run.tool.driver.rules![email.ruleIndex!]!.id).toBe("pii/email");
    expect(email.level).toBe("error");
    expect(email.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "prompts/support.md", uriBaseId: "%SRCROOT%" },
      region: { startLine: 8, startColumn: 9, endLine: 8, endColumn: 29 },
    });
    expect(run.originalUriBaseIds!["%SRCROOT%"]!.uri).toBe("file:///repo/project/");
    expect(run.columnKind).toBe("utf16CodeUnits");

    const tone = run.results!.find((r) => r.ruleId === "contradiction/tone")!;
    expect(tone.level).toBe("warning");
    expect(tone.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: "Formal tone requested here" },
        physicalLocation: {
          artifactLocation: { uri: "prompts/support.md", uriBaseId: "%SRCROOT%" },
          region: { startLine: 7, startColumn: 1, endLine: 7, endColumn: 24 },
        },
      },
    ]);
  });

  it("reports unreadable files as tool notifications, not results", () => {
    const run = sarifOf(sampleResults(), context()).runs[0]!;
    expect(run.results!.some((r) => r.message.text!.includes("invalid UTF-8"))).toBe(false);
    expect(run.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain("invalid UTF-8");
  });

  it("makes URIs relative to srcRoot when set, percent-encodes them, and uses file URIs outside the root", () => {
    const results = [
      result("sub/a b#.md", "x\n", [{ ruleId: "pii/email", message: "m", find: "x" }]),
      { ...result("elsewhere.md", "x\n", [{ ruleId: "pii/email", message: "m", find: "x" }]), filePath: "/other/elsewhere.md" },
    ];
    const run = sarifOf(results, context({ srcRoot: path.dirname(CWD) })).runs[0]!;
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: "project/sub/a%20b%23.md", uriBaseId: "%SRCROOT%" });
    expect(run.results![1]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: "file:///other/elsewhere.md" });
    expect(run.originalUriBaseIds!["%SRCROOT%"]!.uri).toBe("file:///repo/");
  });

  it("reports directive-suppressed findings with an inSource suppression and its justification", () => {
    const results = [
      result("a.md", "Mail bob@example.org now\n", [
        { ruleId: "pii/email", message: "Unexpected email address b…g.", find: "bob@example.org", sensitive: true, suppressed: "test account" },
      ]),
    ];
    const sarif = sarifOf(results, context()).runs[0]!.results!;
    expect(sarif).toHaveLength(1);
    expect(sarif[0]!.suppressions).toEqual([{ kind: "inSource", justification: "test account" }]);
  });

  describe("partialFingerprints", () => {
    const fp = (source: string, find: string, nth = 1, file = "a.md", ruleId = "pii/email") =>
      sarifOf([result(file, source, [{ ruleId, message: `at line ${source.slice(0, source.indexOf(find)).split("\n").length}`, find, nth }])], context()).runs[0]!
        .results![0]!.partialFingerprints![FINGERPRINT_KEY]!;

    it("stays the same when unrelated lines are added above", () => {
      const before = fp(SUPPORT_SOURCE, "Be casual");
      const after = fp("New intro line.\n\n" + SUPPORT_SOURCE.replace("# Support", "# Customer support"), "Be casual");
      expect(after).toBe(before);
    });

    it("ignores whitespace-only changes on the flagged line", () => {
      expect(fp("a\nBe  casual and use slang.\n", "casual")).toBe(fp("a\n  Be casual and use slang.\n", "casual"));
    });

    it("changes with the flagged text, the file and the rule", () => {
      const base = fp("Be casual.\n", "casual");
      expect(fp("Be formal.\n", "formal")).not.toBe(base);
      expect(fp("Be casual.\n", "casual", 1, "b.md")).not.toBe(base);
      expect(fp("Be casual.\n", "casual", 1, "a.md", "contradiction/tone")).not.toBe(base);
    });

    it("tells identical findings apart by occurrence", () => {
      const src = "Be casual.\nBe casual.\n";
      const run = sarifOf(
        [result("a.md", src, [
          { ruleId: "pii/email", message: "m", find: "casual", nth: 1 },
          { ruleId: "pii/email", message: "m", find: "casual", nth: 2 },
        ])],
        context(),
      ).runs[0]!;
      const prints = run.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
      expect(new Set(prints).size).toBe(2);
      expect(prints[0]!.replace(/:\d+$/, "")).toBe(prints[1]!.replace(/:\d+$/, ""));
    });

    it("hashes sensitive findings from the masked text, so two secrets on the same line shape do not leak", () => {
      const a = sarifOf([result("a.md", "key sk-AAAAAAAAAAAAAAAA\n", [{ ruleId: "secrets/api-key", message: "m", find: "sk-AAAAAAAAAAAAAAAA", sensitive: true }])], context());
      const b = sarifOf([result("a.md", "key sk-BBBBBBBBBBBBBBBB\n", [{ ruleId: "secrets/api-key", message: "m", find: "sk-BBBBBBBBBBBBBBBB", sensitive: true }])], context());
      // Same masked text, same fingerprint: the value itself never entered the hash.
      expect(a.runs[0]!.results![0]!.partialFingerprints).toEqual(b.runs[0]!.results![0]!.partialFingerprints);
    });
  });
});
