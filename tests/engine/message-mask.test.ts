import { describe, expect, it } from "vitest";
import { findCredentialShapes } from "../../src/engine/credential-shapes.js";
import { escapeInvisible } from "../../src/engine/invisible.js";
import { lintDocument } from "../../src/engine/linter.js";
import { maskValue } from "../../src/rule-api/mask.js";
import { maskText } from "../../src/engine/message-mask.js";
import { SensitiveValues } from "../../src/engine/sensitive-values.js";
import { defineRule, type Rule } from "../../src/rule-api/types.js";
import { parseDocument } from "../../src/parse/index.js";
import { LABELLED, leaks } from "./labelled-values.js";

const { GITHUB_TOKEN, EMAIL, JWT, PEM, PEM_BODY, AWS_ID, AWS_SECRET, CARD } = LABELLED;

const PROSE = "Answer the customer's question in two short paragraphs, then offer the next step. ";

/**
 * How much longer `run` takes on an adversarial text than on prose of the same length (200,000 characters,
 * median of five). Linear code stays within a small factor; a quadratic path is hundreds of times slower.
 */
function versusProse(run: (text: string) => void, unit: string): number {
  const fill = (u: string) => u.repeat(Math.ceil(200_000 / u.length)).slice(0, 200_000);
  const time = (text: string) => {
    const times = [0, 1, 2, 3, 4].map(() => {
      const start = performance.now();
      run(text);
      return performance.now() - start;
    });
    return times.sort((a, b) => a - b)[2]!;
  };
  const prose = fill(PROSE);
  const adversarial = fill(unit);
  time(prose);
  time(adversarial);
  return time(adversarial) / Math.max(time(prose), 1);
}

const shapesOf = (text: string, strength: "strong" | "weak") => findCredentialShapes(text, strength).map(([s, e]) => text.slice(s, e));

describe("credential shapes", () => {
  it("finds provider-prefixed keys, JWTs and private key bodies on sight", () => {
    const text = `key ${GITHUB_TOKEN.value}, id ${AWS_ID.value}, session ${JWT.value}.\n${PEM.value}\n`;
    expect(shapesOf(text, "strong")).toEqual([GITHUB_TOKEN.value, AWS_ID.value, JWT.value, `\n${PEM_BODY.value}\n`]);
  });

  it("finds a key cut short by a quote, but not a masked form", () => {
    expect(shapesOf(`("Use ghp_R8mK2xQ7…") and ghp_…eA7u`, "strong")).toEqual(["ghp_R8mK2xQ7"]);
    expect(shapesOf(`Unexpected token 'g', "{"a": ghp_R8mK2x"... is not valid JSON`, "strong")).toEqual(["ghp_R8mK2x"]);
    expect(shapesOf(`"-----BEGIN EC PRIVATE KEY----- MHcCAQEEItKJGF2VDu…"`, "strong")).toEqual([" MHcCAQEEItKJGF2VDu"]);
  });

  it("finds weaker shapes only when asked: mixed-case runs, long hex, password values, Luhn-valid card numbers", () => {
    const text = `secret ${AWS_SECRET.value}; sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\npassword: hunter2!\ncard ${CARD.value}`;
    expect(shapesOf(text, "strong")).toEqual([]);
    expect(shapesOf(text, "weak")).toEqual([AWS_SECRET.value, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "hunter2!", CARD.value]);
  });

  it("leaves prose, placeholders, model ids, paths and ordinary numbers alone", () => {
    const text = [
      "Reply in JSON with gpt-4o-2024-08-06 or claude-3-5-sonnet-20241022.",
      "Set OPENAI_API_KEY=${OPENAI_API_KEY} and token: {{token}}; password: <your-password>; secret: never share it.",
      "Keys look like sk-your-key-here or ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.",
      "See prompts/support/RefundPolicyV2.md and order 1234-5678-9012 (not Luhn-valid).",
      "Outside the root /tmp/promptvet-boundary-5uOd8P/loose or ../tmp/x-9aZ8bY7cX6dW5eV4fU.",
      "Use BetaManagedAgentsToolsetParams and OfAgentToolset20260401 in Go.",
      "Count 128000 tokens, line 12, column 40, 2025-10-01.",
    ].join("\n");
    expect(shapesOf(text, "weak")).toEqual([]);
  });

  it("stays linear on adversarial input", () => {
    const units = ["eyJ", "a", "-----BEGIN EC PRIVATE KEY-----", "1 ", "password:", "sk-", "A1b2C3d4", "…", "ghp_a1"];
    for (const unit of units) expect(versusProse((text) => findCredentialShapes(text, "weak"), unit), unit).toBeLessThan(25);
  });
});

describe("sensitive values", () => {
  it("finds every occurrence, whitespace-collapsed forms, and addresses in any case", () => {
    const values = new SensitiveValues();
    values.add("Flat 2, 14 Harbour Row\nBergen");
    values.add(EMAIL.value);
    const text = `Send to Flat 2, 14 Harbour Row Bergen or ${EMAIL.value.toUpperCase()} or ${EMAIL.value}`;
    expect(values.occurrences(text).map((o) => text.slice(...o.range))).toEqual(["Flat 2, 14 Harbour Row Bergen", EMAIL.value.toUpperCase(), EMAIL.value]);
  });

  it("finds the start of a value cut short by a quote, but not a value's own masked form", () => {
    const values = new SensitiveValues();
    values.add(GITHUB_TOKEN.value);
    const text = `("Send ghp_R8mK2xQ7vL…") then ${maskValue(GITHUB_TOKEN.value)} then 'ghp_R8mK...'`;
    expect(values.cutBeforeEllipsis(text).map((o) => text.slice(...o.range))).toEqual(["ghp_R8mK2xQ7vL", "ghp_R8mK"]);
  });

  it("stays linear in the text and in the values, with values that share prefixes", () => {
    const valuesFor = (count: number) => {
      const values = new SensitiveValues();
      for (let i = 0; i < count; i++) values.add(`user${i}@mail${i % 97}.example.org`);
      values.add(`${"a".repeat(300)}b`);
      return values;
    };
    const values = valuesFor(2_000);
    values.occurrences("");
    const scan = (text: string) => {
      values.occurrences(text);
      values.cutBeforeEllipsis(text);
    };
    for (const unit of ["user1@mail1.example.or… ", "a", "user", "…"]) expect(versusProse(scan, unit), unit).toBeLessThan(25);
  });
});

describe("maskText", () => {
  it("masks known values whole or cut, and credential shapes, leaving the rest of the message as written", () => {
    const values = new SensitiveValues();
    values.add(EMAIL.value);
    const text = `Unexpected repetition of line 3 ("Write to ${EMAIL.value} with ${GITHUB_TOKEN.value} and marta.kowal…").`;
    const masked = maskText(text, values);
    expect(masked).toBe(`Unexpected repetition of line 3 ("Write to ${maskValue(EMAIL.value)} with ${maskValue(GITHUB_TOKEN.value)} and ma…").`);
    expect(leaks(masked, EMAIL)).toEqual([]);
  });

  it("shows invisible and control characters as code points", () => {
    expect(escapeInvisible("Reply\u200b in JSON\u202e now\u0007 ok\n")).toBe("Reply<U+200B> in JSON<U+202E> now<U+0007> ok\n");
    expect(escapeInvisible("hidden\u{e0041}\u{e0042}")).toBe("hidden<U+E0041><U+E0042>");
    // An emoji's presentation selector is part of the emoji, not hidden data.
    expect(escapeInvisible("Great ❤️ done")).toBe("Great ❤️ done");
    expect(escapeInvisible("plain text")).toBe("plain text");
  });
});

/** A stand-in for any plugin rule: it quotes each line that contains "quote:" and reports `secret:` values as sensitive. */
const quotingRule = defineRule({
  meta: {
    id: "acme/quote",
    category: "acme",
    fixable: true,
    hasSuggestions: true,
    docs: { description: "test", recommended: "error" },
    messages: { quoted: "Unexpected line \"{{line}}\".", flagged: "Unexpected secret.", swap: "Replace it with {{text}}." },
  },
  create(context) {
    return {
      document(doc) {
        let offset = 0;
        for (const line of doc.source.split("\n")) {
          if (line.includes("quote:")) {
            context.report({
              messageId: "quoted",
              data: { line },
              range: [offset, offset + line.length],
              related: [{ range: [offset, offset + line.length], message: `see ${line}` }],
              suggest: [{ messageId: "swap", data: { text: line }, fix: { range: [offset, offset + line.length], text: line.replace("quote:", "QUOTE:") } }],
            });
          }
          const secret = /secret: (\S+)/.exec(line);
          if (secret) {
            const start = offset + secret.index + 8;
            context.report({ messageId: "flagged", range: [start, start + secret[1]!.length], sensitive: true });
          }
          offset += line.length + 1;
        }
      },
    };
  },
});

async function lint(source: string, rules: Rule<any>[] = [quotingRule]) {
  const doc = parseDocument({ path: "/virtual/prompt.md", source, format: "markdown", bom: false });
  return lintDocument(doc, { rules: rules.map((rule) => ({ rule, severity: 2 as const })), knownRuleIds: new Set(rules.map((r) => r.meta.id)) });
}

const allTexts = (out: Awaited<ReturnType<typeof lint>>) =>
  [...out.messages, ...out.suppressedMessages]
    .flatMap((m) => [m.message, ...(m.related ?? []).map((r) => r.message), ...(m.suggestions ?? []).map((s) => s.desc)])
    .join("\n");

describe("lintDocument masks what any rule quotes", () => {
  it("a value another finding flagged, in the message, related text and suggestion description", async () => {
    const token = "Zx81Qw7Rt5Yu3Io9Pa2Sd";
    const out = await lint(`secret: ${token}\nquote: send ${token} to the API\n`);
    expect(allTexts(out)).not.toContain(token);
    expect(allTexts(out)).toContain(maskValue(token));
    // The fix text is what --fix writes: it stays, and the finding is marked sensitive so reports redact it.
    const quoted = out.messages.find((m) => m.messageId === "quoted")!;
    expect(quoted.sensitive).toBe(true);
    expect(quoted.suggestions![0]!.fix.text).toContain(token);
  });

  it("a value a suppressed finding flagged", async () => {
    const token = "Zx81Qw7Rt5Yu3Io9Pa2Sd";
    const out = await lint(`<!-- promptvet-disable-next-line acme/quote -->\nsecret: ${token}\nquote: send ${token}\n`);
    expect(out.suppressedMessages.length + out.messages.length).toBeGreaterThan(1);
    expect(allTexts(out)).not.toContain(token);
  });

  it("personal data the PII detectors find in quoted text although no PII rule runs", async () => {
    const out = await lint(`quote: write to ${EMAIL.value} about card ${CARD.value}\n`);
    expect(leaks(allTexts(out), EMAIL)).toEqual([]);
    expect(leaks(allTexts(out), CARD)).toEqual([]);
    expect(allTexts(out)).toContain("quote: write to");
  });

  it("credential shapes no rule flagged, and invisible characters", async () => {
    const out = await lint(`quote: use ${JWT.value}\u200b now\n`);
    expect(leaks(allTexts(out), JWT)).toEqual([]);
    expect(allTexts(out)).toContain("<U+200B> now");
  });

  it("a directive that names a token as a rule", async () => {
    const out = await lint(`<!-- promptvet-disable-next-line ${GITHUB_TOKEN.value} -->\nplain text\n`);
    expect(out.messages.length).toBeGreaterThan(0);
    expect(leaks(allTexts(out), GITHUB_TOKEN)).toEqual([]);
  });

  it("masks the rest of the file for code frames: other occurrences and credential shapes near a finding", async () => {
    const token = "Zx81Qw7Rt5Yu3Io9Pa2Sd";
    const blank = "\n".repeat(6);
    const source = `secret: ${token}\nagain ${token}\nnext to it ${AWS_SECRET.value}${blank}\nfar away ${AWS_SECRET.value}${blank}\n${GITHUB_TOKEN.value}\n`;
    const { sensitiveRanges } = await lint(source);
    const masked = [...source].map((c, i) => (sensitiveRanges.some(([s, e]) => i >= s && i < e) ? "•" : c)).join("");
    const lines = masked.split("\n");
    expect(masked).not.toContain(token);
    expect(lines[2]).toBe(`next to it ${"•".repeat(AWS_SECRET.value.length)}`);
    // Far from any finding or key, a mixed-case run is only possibly a secret: no frame shows it, it stays.
    expect(lines[9]).toBe(`far away ${AWS_SECRET.value}`);
    expect(lines[16]).toBe("•".repeat(GITHUB_TOKEN.value.length));
  });
});
