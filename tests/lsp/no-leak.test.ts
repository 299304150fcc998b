/**
 * Nothing the language server sends quotes a secret or personal value: not a diagnostic's message, not its
 * related information, not a hover, not a code action's title. (Edits are the exception by nature: a fix
 * rewrites the user's own text in the user's own editor.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fake } from "../fixtures/secrets/fake.js";
import { LspClient } from "./client.js";

const OPENAI = fake.openaiProject();
const ANTHROPIC = fake.anthropic();
const EMAIL = "maria.lopez84@gmail.com";
const PHONE = "+44 7946 512873";
const IBAN = "NL39 RABO 0300 0652 64";

/** Values and the length of the part a masked form may show on purpose (a provider prefix). */
const VALUES: { value: string; prefix: number }[] = [
  { value: OPENAI, prefix: 8 },
  { value: ANTHROPIC, prefix: 13 },
  { value: EMAIL, prefix: 0 },
  { value: PHONE.replace(/ /g, ""), prefix: 0 },
  { value: IBAN.replace(/ /g, ""), prefix: 0 },
];

/** Any 6-character window of a value beyond its shown prefix counts as a leak. */
function leaked(text: string): string[] {
  const flat = text.replace(/\s+/g, "");
  const found: string[] = [];
  for (const { value, prefix } of VALUES) {
    const body = value.slice(prefix);
    for (let i = 0; i + 6 <= body.length; i++) {
      if (flat.includes(body.slice(i, i + 6))) {
        found.push(`${value.slice(0, 4)}… (window ${i})`);
        break;
      }
    }
  }
  return found;
}

const PROMPT = [
  "# Billing assistant",
  "",
  `Call the API with ${OPENAI} and fall back to ${ANTHROPIC}.`,
  `Escalate to ${EMAIL} or ${PHONE}.`,
  `Refunds go to ${IBAN}.`,
  "",
  // Findings that quote a whole sentence: the values inside the quote are masked too.
  `Always answer ${EMAIL} in English.`,
  "Never answer in English.",
  "",
  "## Examples",
  "",
  `User: my key is ${OPENAI}, please store it`,
  `Assistant: Stored. I will email ${EMAIL} when done.`,
  "",
].join("\n");

describe("promptvet lsp never sends a secret or personal value", () => {
  let dir: string;
  let client: LspClient;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-lsp-leak-"));
    mkdirSync(path.join(dir, "prompts"));
    writeFileSync(path.join(dir, "promptvet.config.yaml"), 'files: ["prompts/**"]\n');
    writeFileSync(path.join(dir, "prompts", "billing.md"), PROMPT);
    client = LspClient.start(dir);
    await client.initialize([dir]);
  });

  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("in diagnostics, related information, hovers and code action titles", async () => {
    const file = path.join(dir, "prompts", "billing.md");
    const diagnostics = await client.open(file, PROMPT);
    const rules = new Set(diagnostics.map((d) => d.code));
    // The prompt holds what it should: each kind of value is found.
    for (const rule of ["secrets/leaked-credential", "pii/email", "pii/phone", "pii/iban", "contradiction/instructions"]) expect(rules, rule).toContain(rule);

    const sent: string[] = [];
    for (const d of diagnostics) {
      sent.push(typeof d.message === "string" ? d.message : d.message.value, ...(d.relatedInformation ?? []).map((r) => r.message));
      const hover = await client.hover(file, d.range.start);
      if (hover) sent.push((hover.contents as { value: string }).value);
      const actions = (await client.codeActions(file, d.range, [d])) ?? [];
      sent.push(...actions.map((a) => a.title));
    }
    expect(sent.length).toBeGreaterThan(diagnostics.length * 2);
    for (const text of sent) expect(leaked(text), text.slice(0, 200)).toEqual([]);
  });
});
