import { describe, expect, it } from "vitest";
import rule from "../../rules/secrets/leaked-credential.js";
import { lintDocument, resolveRuleOptions } from "../../src/engine/linter.js";
import { ConfigError } from "../../src/rule-api/errors.js";
import { parseDocument } from "../../src/parse/index.js";

describe("secrets/leaked-credential options", () => {
  it("rejects an unknown kind id in ignoreKinds", () => {
    expect(() => resolveRuleOptions(rule, { ignoreKinds: ["no-such-kind"] })).toThrow(ConfigError);
    expect(resolveRuleOptions(rule, { ignoreKinds: ["openai-api-key", "connection-url"] })).toEqual({
      ignoreKinds: ["openai-api-key", "connection-url"],
    });
  });

  it("turns an invalid allowPatterns regex into a configuration error naming the pattern", async () => {
    const document = parseDocument({ path: "/v/p.md", source: "hi\n", format: "markdown", bom: false });
    const run = lintDocument(document, { rules: [{ rule, severity: 2, options: { allowPatterns: ["(unclosed"] } }] });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/allowPatterns "\(unclosed"/);
  });
});
