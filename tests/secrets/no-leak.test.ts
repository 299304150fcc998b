/**
 * A finding must let a reader recognise the credential, never use it: no string anywhere in the LintMessage
 * (message, suggestion descriptions and texts, help) may contain the secret or a long piece of it.
 */
import { describe, expect, it } from "vitest";
import rule from "../../rules/secrets/leaked-credential.js";
import { lintDocument } from "../../src/engine/linter.js";
import type { LintMessage } from "../../src/rule-api/types.js";
import { detectFormat, parseDocument } from "../../src/parse/index.js";
import { fake } from "../fixtures/secrets/fake.js";

async function lint(filename: string, code: string): Promise<LintMessage[]> {
  const path = `/virtual/${filename}`;
  const document = parseDocument({ path, source: code, format: detectFormat(path) ?? "markdown", bom: false });
  const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }], unusedDirectives: 0 });
  return messages;
}

/** Every string value reachable from `value`. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** True when `text` contains any 8-character window of `secret`'s random part. */
function leaks(text: string, secret: string, prefixLength: number): boolean {
  const body = secret.slice(prefixLength);
  for (let i = 0; i + 8 <= body.length; i++) if (text.includes(body.slice(i, i + 8))) return true;
  return false;
}

const password = fake.password();
const secrets: { name: string; secret: string; prefix: number; file: string; code: (s: string) => string }[] = [
  { name: "Anthropic key in markdown", secret: fake.anthropic(), prefix: 13, file: "prompt.md", code: (s) => `Key: ${s}\n` },
  { name: "OpenAI key in JSONL", secret: fake.openaiProject(), prefix: 8, file: "data.jsonl", code: (s) => `{"messages":[{"role":"user","content":"caf\\u00e9 ${s}"}]}\n` },
  { name: "Mistral key in YAML", secret: fake.mistral(), prefix: 0, file: "prompt.yaml", code: (s) => `env:\n  MISTRAL_API_KEY: "${s}"\n` },
  { name: "xAI key in frontmatter", secret: fake.xai(), prefix: 4, file: "agent.prompt.md", code: (s) => `---\nkey: ${s}\n---\nHi\n` },
  { name: "redis password", secret: password, prefix: 0, file: "prompt.md", code: (s) => `redis://app:${s}@cache.internal:6379\n` },
];

describe("secrets/leaked-credential never prints the secret", () => {
  for (const { name, secret, prefix, file, code } of secrets) {
    it(name, async () => {
      const messages = await lint(file, code(secret));
      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(message!.sensitive).toBe(true);
      expect(message!.suggestions?.[0]?.fix.text).toMatch(/^\$\{[A-Z0-9_]+\}$/);
      for (const text of strings(message)) {
        expect(text.includes(secret), "a string holds the whole secret").toBe(false);
        expect(leaks(text, secret, prefix), `a string holds part of the secret: ${text.length} chars`).toBe(false);
      }
    });
  }
});
