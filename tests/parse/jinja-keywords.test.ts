import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/index.js";

describe("Jinja statement-only keywords", () => {
  it("`{{ context }}` is a variable, while `with context` in an include is a keyword", () => {
    const source = '{% include "footer.j2" with context %}\nUse {{ context }} and {{ only }}.\n{% for x in items recursive %}{{ x }}{% endfor %}\n';
    const doc = parseDocument({ path: "/v/prompts/rag.j2", source, format: "jinja", bom: false });
    const names = doc.variables.filter((v) => v.kind === "variable" || v.kind === "section").map((v) => v.name);
    expect(names).toContain("context");
    expect(names).toContain("only");
    expect(names).toContain("items");
    expect(names).not.toContain("recursive");
    const context = doc.variables.find((v) => v.name === "context")!;
    expect(source.slice(context.nameRange[0], context.nameRange[1])).toBe("context");
    expect(context.nameRange[0]).toBe(source.indexOf("{{ context }}") + 3);
  });
});
