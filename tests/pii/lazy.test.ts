// Runs in its own file (own module state) so nothing is loaded when it starts.
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import email from "../../rules/pii/email.js";
import personName from "../../rules/pii/person-name.js";
import phone from "../../rules/pii/phone.js";
import { lintDocument } from "../../src/engine/linter.js";
import { parseDocument } from "../../src/parse/index.js";
import { loadedPiiDependencies } from "../../src/pii/lazy.js";

const doc = () =>
  parseDocument({ path: "/virtual/a.prompt.md", source: "User: Hi, I'm Maria Lopez, maria.lopez84@gmail.com, (415) 867-5309.\n", format: "markdown", bom: false });

describe("PII libraries load only when a rule needs them", () => {
  it("importing every rule loads none", () => {
    expect(builtinRules.length).toBeGreaterThan(0);
    expect(loadedPiiDependencies()).toEqual([]);
  });

  it("the email rule loads none; phone loads libphonenumber-js; person-name reads its word list, not compromise", async () => {
    const run = async (rule: typeof email) => (await lintDocument(doc(), { rules: [{ rule, severity: 2 }] })).messages.map((m) => m.ruleId);
    expect(await run(email)).toEqual(["pii/email"]);
    expect(loadedPiiDependencies()).toEqual([]);
    expect(await run(phone)).toEqual(["pii/phone"]);
    expect(loadedPiiDependencies()).toEqual(["libphonenumber-js"]);
    expect(await run(personName)).toEqual(["pii/person-name"]);
    expect(loadedPiiDependencies()).toEqual(["libphonenumber-js"]);
  });
});
