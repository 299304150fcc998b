import { describe, expect, it } from "vitest";
import { maskValue } from "../../src/rule-api/mask.js";
import { FORMAT_NAMES, getFormatter } from "../../src/report/index.js";
import { REDACTED } from "../../src/report/util.js";
import { CWD, context, result } from "./fixtures.js";

const SECRET = "sk-proj-Zq81xYvT4bN2mLp0Rw7sKd3Hf6Jg9Ce5";
const EMAIL = "jane.doe@northwind-mail.net";
const PHONE = "+44 20 7946 0958";

/**
 * Any 6-character window of a raw value counts as a leak, not just the whole value, except windows
 * the masked form shows on purpose (a provider prefix such as `sk-proj-`).
 */
function windows(value: string, size = 6): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= value.length; i++) {
    const w = value.slice(i, i + size);
    if (!maskValue(value).includes(w)) out.push(w);
  }
  return out;
}

function leakyResults() {
  const source = `# Bot\n\nUse key ${SECRET} to call the API.\nEscalate to ${EMAIL} or ${PHONE}.\n`;
  const r = result("prompts/bot.md", source, [
    {
      ruleId: "secrets/api-key",
      message: `Unexpected API key ${maskValue(SECRET)}, expected an environment variable.`,
      find: SECRET,
      sensitive: true,
      // Worst case: a fix and a suggestion whose text still holds the value.
      fix: { text: `{{API_KEY}} /* was ${SECRET} */` },
      suggest: [{ desc: `Replace ${maskValue(SECRET)} with {{API_KEY}}`, text: `${SECRET}`.replace("sk-", "sk_") }],
    },
    {
      ruleId: "pii/email",
      message: `Unexpected email address ${maskValue(EMAIL)}, expected a placeholder.`,
      find: EMAIL,
      sensitive: true,
      suggest: [{ desc: "Replace with {{email}}", text: `<${EMAIL}>` }],
      related: [{ line: 3, column: 9, endLine: 3, endColumn: 9 + SECRET.length, message: "Same contact block as the key" }],
    },
    { ruleId: "pii/email", message: `Unexpected phone number ${maskValue(PHONE)}.`, find: PHONE, sensitive: true, suppressed: "fictional number" },
  ]);
  // The fixed text is never masked: formatters must not print it either.
  r.output = source.replace(SECRET, "{{API_KEY}}") + `\n${SECRET}\n${EMAIL}\n`;
  return [r];
}

describe("no format prints a secret or personal value", () => {
  const ctx = context({
    docsBaseUrl: "https://example.org/rules",
    summary: { baseRef: "main", affected: [{ changed: `${CWD}/prompts/_base.md`, dependents: [`${CWD}/prompts/bot.md`] }] },
  });

  for (const name of FORMAT_NAMES) {
    it(`${name}: the raw values appear nowhere, not even in part`, () => {
      const output = getFormatter(name)(leakyResults(), { ...ctx, color: name === "stylish" });
      expect(output.length).toBeGreaterThan(0);
      for (const value of [SECRET, EMAIL, PHONE, SECRET.replace("sk-", "sk_")]) {
        for (const w of windows(value)) expect(output, `${name} leaks "${w}"`).not.toContain(w);
        // Also in escaped forms that a format may use.
        expect(output).not.toContain(encodeURIComponent(value));
        expect(output).not.toContain(JSON.stringify(value).slice(1, -1));
      }
    });
  }

  it("json keeps fix and suggestion ranges of sensitive findings but replaces their text with a placeholder", () => {
    const [file] = JSON.parse(getFormatter("json")(leakyResults(), ctx)) as { messages: { fix?: { text: string }; suggestions?: { desc: string; fix: { range: number[]; text: string } }[] }[] }[];
    const [key, email] = file!.messages;
    expect(key!.fix!.text).toBe(REDACTED);
    expect(key!.suggestions!.map((s) => s.fix.text)).toEqual([REDACTED]);
    expect(key!.suggestions![0]!.desc).toBe(`Replace ${maskValue(SECRET)} with {{API_KEY}}`);
    expect(email!.suggestions![0]!.fix.text).toBe(REDACTED);
    expect(email!.suggestions![0]!.fix.range[1]! - email!.suggestions![0]!.fix.range[0]!).toBe(EMAIL.length);
  });

  it("json still prints fix text of findings that are not sensitive (the check above is not vacuous)", () => {
    const r = result("a.md", "Hello   \n", [{ ruleId: "hygiene/trailing-space", severity: 1, message: "m", find: "   ", fix: { text: "<<kept>>" } }]);
    expect(getFormatter("json")([r], ctx)).toContain("<<kept>>");
  });

  it("stylish draws the frame of a sensitive finding from the masked source only", () => {
    const out = getFormatter("stylish")(leakyResults(), ctx);
    expect(out).toContain(`Use key ${"•".repeat(SECRET.length)} to call the API.`);
    expect(out).toContain("^".repeat(SECRET.length));
  });
});
