/** "Disable <rule> for this line" writes a directive in the comment syntax of the place, or offers none. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/index.js";
import type { Format } from "../../src/model/document.js";
import { disableNextLineInsertion } from "../../src/lsp/disable-directive.js";

function insert(format: Format, file: string, source: string, line: number): string | undefined {
  const document = parseDocument({ path: `/virtual/${file}`, source, format, bom: false });
  const insertion = disableNextLineInsertion(document, "pii/email", line);
  return insertion && source.slice(0, insertion.offset) + insertion.text + source.slice(insertion.offset);
}

describe("disableNextLineInsertion", () => {
  it("uses an HTML comment in markdown, keeping the line's indentation", () => {
    expect(insert("markdown", "p.md", "# Bot\n\n- Mail a@b.io\n  or c@d.io\n", 3)).toBe(
      "# Bot\n\n<!-- promptvet-disable-next-line pii/email -- <reason> -->\n- Mail a@b.io\n  or c@d.io\n",
    );
  });

  it("uses a YAML comment inside frontmatter and keeps CRLF line endings", () => {
    expect(insert("markdown", "p.md", "---\r\nowner: a@b.io\r\n---\r\nHi\r\n", 2)).toBe(
      "---\r\n# promptvet-disable-next-line pii/email -- <reason>\r\nowner: a@b.io\r\n---\r\nHi\r\n",
    );
  });

  it("uses {# #} in Jinja and {{!-- --}} in Handlebars templates", () => {
    expect(insert("jinja", "p.j2", "Hi {{ name }}\nMail a@b.io\n", 2)).toBe("Hi {{ name }}\n{# promptvet-disable-next-line pii/email -- <reason> #}\nMail a@b.io\n");
    expect(insert("mustache", "p.hbs", "Hi {{name}}\nMail a@b.io\n", 2)).toBe("Hi {{name}}\n{{!-- promptvet-disable-next-line pii/email -- <reason> --}}\nMail a@b.io\n");
  });

  it("offers nothing where no comment can silence the line: JSONL, plain text, inside a code block", () => {
    expect(insert("jsonl", "d.jsonl", '{"messages":[{"role":"user","content":"a@b.io"}]}\n', 1)).toBeUndefined();
    expect(insert("text", "p.txt", "Mail a@b.io\n", 1)).toBeUndefined();
    // An HTML comment inside a fence is code, not a directive.
    expect(insert("markdown", "p.md", "```\nMail a@b.io\n```\n", 2)).toBeUndefined();
  });
});
