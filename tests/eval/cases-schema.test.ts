import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { casesFileSchema } from "../../src/eval/cases-schema.js";
import { parseCasesFile } from "../../src/eval/cases.js";
import { evalConfigSchema, resolveEvalSettings } from "../../src/eval/config-schema.js";
import { checkAssertion, parseJsonAnswer } from "../../src/eval/assertions.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("cases schema", () => {
  it("schema/cases.schema.json is the shipped copy of casesFileSchema", () => {
    const shipped = JSON.parse(readFileSync(path.join(root, "schema/cases.schema.json"), "utf8"));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(casesFileSchema)));
  });

  it("points a schema error at the offending line", async () => {
    const text = "cases:\n  - name: a\n    assert:\n      - contains: x\n      - max-words: -1\n";
    const { problems } = await parseCasesFile("/x.cases.yaml", text);
    expect(problems).toHaveLength(1);
    expect(text.slice(0, problems[0]!.range[0]).split("\n").length).toBe(5);
  });

  it("reports invalid YAML, duplicate names and bad regular expressions", async () => {
    expect((await parseCasesFile("/x.cases.yaml", "cases: [\n")).problems[0]!.message).toMatch(/Invalid YAML/);
    const dup = await parseCasesFile("/x.cases.yaml", "cases:\n  - name: a\n  - name: a\n");
    expect(dup.problems[0]!.message).toMatch(/Duplicate case name "a"/);
    const re = await parseCasesFile("/x.cases.yaml", "cases:\n  - name: a\n    assert:\n      - regex: \"(\"\n");
    expect(re.problems[0]!.message).toMatch(/Invalid regular expression/);
  });
});

describe("eval config", () => {
  it("defaults and validates the eval key", async () => {
    const ok = await resolveEvalSettings({ eval: { provider: { type: "anthropic", model: "claude-x", apiKeyEnv: "ANTHROPIC_API_KEY" } } });
    expect(ok.problems).toEqual([]);
    expect(ok.settings.budgetMs).toBe(20_000);
    const bad = await resolveEvalSettings({ eval: { provider: { type: "nope" }, concurrency: 0 } });
    expect(bad.problems.map((p) => p.path).sort()).toEqual(["/eval/concurrency", "/eval/provider/type"]);
    expect(evalConfigSchema.properties.provider.properties.type.enum).toContain("exec");
  });
});

describe("assertions", () => {
  const ctx = { caseName: "c", vars: {}, messages: [], latencyMs: 120, usage: { input: 5, output: 9 }, model: "m", promptPath: "/p.md", baseDir: "/" };
  it.each([
    [{ type: "contains", value: "b" }, "abc", true],
    [{ type: "icontains", value: "B" }, "abc", true],
    [{ type: "not-icontains", value: "B" }, "abc", false],
    [{ type: "equals", value: "abc" }, " abc\n", true],
    [{ type: "regex", value: "^a.c$" }, "abc", true],
    [{ type: "not-regex", value: "z" }, "abc", true],
    [{ type: "is-json" }, "```json\n{\"a\": 1}\n```", true],
    [{ type: "is-json" }, "{a: 1}", false],
    [{ type: "json-schema", value: { type: "object", properties: { a: { type: "string" } } } }, '{"a": 1}', false],
    [{ type: "max-words", value: 2 }, "one two three", false],
    [{ type: "max-chars", value: 3 }, "abcd", false],
    [{ type: "max-output-tokens", value: 8 }, "x", false],
    [{ type: "max-latency-ms", value: 100 }, "x", false],
  ] as const)("%j on %j -> %s", async (assertion, output, pass) => {
    const r = await checkAssertion(assertion as never, output, ctx);
    expect(r.pass).toBe(pass);
    if (!pass) expect(r.message).toBeTruthy();
  });

  it("parses a fenced JSON answer", () => {
    expect(parseJsonAnswer("```\n[1]\n```")).toEqual({ ok: true, value: [1] });
  });
});
