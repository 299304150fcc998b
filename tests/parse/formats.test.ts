import { describe, expect, it } from "vitest";
import { expectWellFormed, parse, where } from "./helpers.js";

const slice = (source: string, r: readonly [number, number]) => source.slice(r[0], r[1]);

describe("markdown", () => {
  const source = [
    "---",
    'description: "Review \\"code\\" \\u00e9 x"',
    "mode: agent # the mode",
    "---",
    "# Rules",
    "",
    "Be nice to {{ user }} and ${input:topic:Pick one}. <!-- promptvet-disable-line pii/email -->",
    "",
    "## Tone",
    "",
    "| a | b |",
    "|---|---|",
    "| one | two |",
    "",
    "```js",
    "const x = 1;",
    "```",
    "",
    "<!-- lone comment -->",
    "",
    "## Examples",
    "",
    "Input: What is 2+2?",
    "Output: 4",
    "",
    "<example>",
    "<user>hi bob@corp.io</user>",
    "<assistant>hello</assistant>",
    "</example>",
    "",
  ].join("\n");
  const doc = parse("/r/review.prompt.md", "markdown", source);

  it("builds mdast, frontmatter keys, errors and hash comments", () => {
    expect(doc.mdast?.type).toBe("root");
    const fm = doc.frontmatter!;
    expect(slice(source, fm.range)).toBe(source.slice(0, source.indexOf("---", 4) + 3));
    expect(fm.data).toEqual({ description: 'Review "code" é x', mode: "agent" });
    expect(slice(source, fm.keys.get("mode")!.key)).toBe("mode");
    expect(slice(source, fm.keys.get("mode")!.value)).toBe("agent");
    expect(where(doc, fm.keys.get("mode")!.key)).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 5 });
    expect(doc.comments.find((c) => c.syntax === "hash")).toMatchObject({ value: "the mode" });
    expect(doc.body[0]).toBe(source.indexOf("# Rules"));
  });

  it("maps decoded frontmatter values back through escapes", () => {
    const seg = doc.segments.find((s) => s.path === "description")!;
    expect(seg.role).toBe("frontmatter");
    expect(seg.kind).toBe("value");
    expect(seg.text).toBe('Review "code" é x');
    const x = seg.text.indexOf("x");
    expect(source[seg.map.toSource(x)]).toBe("x");
    const e = seg.text.indexOf("é");
    expect(source.slice(seg.map.toSource(e), seg.map.toSource(e) + 6)).toBe("\\u00e9");
  });

  it("emits leaf segments with heading paths, verbatim", () => {
    const para = doc.segments.find((s) => s.text.startsWith("Be nice"))!;
    expect(para).toMatchObject({ role: "system", kind: "prose", path: "Rules" });
    expect(where(doc, para.range)).toMatchObject({ line: 7, column: 1 });
    expect(doc.segments.filter((s) => s.path === "Rules > Tone" && s.kind === "prose").map((s) => s.text)).toEqual(["Tone", "| a | b |\n|---|---|\n| one | two |"]);
    const code = doc.segments.find((s) => s.kind === "code")!;
    expect(code.text).toBe("const x = 1;");
    expect(doc.segments.find((s) => s.role === "comment")!.text).toBe("lone comment");
  });

  it("records variables of each syntax with name ranges", () => {
    const user = doc.variables.find((v) => v.name === "user")!;
    expect(user.syntax).toBe("mustache");
    expect(slice(source, user.range)).toBe("{{ user }}");
    expect(slice(source, user.nameRange)).toBe("user");
    const topic = doc.variables.find((v) => v.syntax === "vscode")!;
    expect(topic.name).toBe("topic");
    expect(slice(source, topic.range)).toBe("${input:topic:Pick one}");
    expect(slice(source, topic.nameRange)).toBe("topic");
  });

  it("collects HTML comments, including inline ones", () => {
    const values = doc.comments.filter((c) => c.syntax === "html").map((c) => c.value);
    expect(values).toEqual(["promptvet-disable-line pii/email", "lone comment"]);
    const inline = doc.comments.find((c) => c.value.startsWith("promptvet"))!;
    expect(slice(source, inline.range)).toBe("<!-- promptvet-disable-line pii/email -->");
  });

  it("finds few-shot examples in sections and <example> blocks", () => {
    expect(doc.examples).toHaveLength(2);
    const texts = doc.examples.map((ex) => [ex.inputs.map((i) => doc.segments[i]!.text), ex.outputs.map((i) => doc.segments[i]!.text)]);
    expect(texts).toEqual([
      [["What is 2+2?"], ["4"]],
      [["hi bob@corp.io"], ["hello"]],
    ]);
    const input = doc.segments[doc.examples[1]!.inputs[0]!]!;
    expect(input).toMatchObject({ role: "example-input", example: 1 });
    expect(where(doc, input.range)).toEqual({ line: 27, column: 7, endLine: 27, endColumn: 21 });
    // The example text is not duplicated as a plain segment.
    expect(doc.segments.filter((s) => s.text.includes("bob@corp.io"))).toHaveLength(1);
    expectWellFormed(doc);
  });

  it("uses the instruction role for instruction files", () => {
    const d = parse("/r/AGENTS.md", "markdown", "# Build\n\nRun `npm test`.\n");
    expect(d.isInstructionFile).toBe(true);
    expect(d.segments.map((s) => s.role)).toEqual(["instruction", "instruction"]);
  });

  it("reads User:/Assistant: and Q:/A: lines as examples", () => {
    const d = parse("/r/a.md", "markdown", "Intro.\n\nUser: hello there\nAssistant: hi!\n\nQ: why?\nA: because.\n");
    expect(d.examples.map((ex) => ex.inputs.map((i) => d.segments[i]!.text).concat(ex.outputs.map((i) => d.segments[i]!.text)))).toEqual([
      ["hello there", "hi!"],
      ["why?", "because."],
    ]);
    expect(d.segments[0]).toMatchObject({ text: "Intro.", role: "system" });
  });

  it("treats single braces as f-string variables only when declared", () => {
    expect(parse("/r/a.md", "markdown", "Use {name} here.\n").variables).toEqual([]);
    const d = parse("/r/a.md", "markdown", "---\ntemplate_format: f-string\n---\nUse {name} and {{literal}}.\n");
    expect(d.variables.map((v) => [v.syntax, v.name])).toEqual([["fstring", "name"]]);
  });

  it("reports broken frontmatter with its source range and keeps going", () => {
    const src = "---\nmodel: [unclosed\n---\nBody text.\n";
    const d = parse("/r/a.prompt.md", "markdown", src);
    expect(d.frontmatter!.data).toBeUndefined();
    expect(d.frontmatter!.errors.length).toBeGreaterThan(0);
    expect(d.frontmatter!.errors[0]!.range[0]).toBeGreaterThanOrEqual(4);
    expect(d.problems[0]!.kind).toBe("frontmatter");
    expect(d.segments.at(-1)!.text).toBe("Body text.");
  });
});

describe("frontmatter block scalars", () => {
  it("maps each character of | and > scalars to its source offset", () => {
    const src = "---\nsystem: |\n  Line one\n  Line two\nnote: >\n  folded a\n  folded b\n---\nbody\n";
    const d = parse("/r/a.prompt.md", "markdown", src);
    const lit = d.segments.find((s) => s.path === "system")!;
    expect(lit.text).toBe("Line one\nLine two\n");
    for (let i = 0; i < lit.text.length; i++) {
      if (lit.text[i] !== "\n") expect(src[lit.map.toSource(i)]).toBe(lit.text[i]);
    }
    const folded = d.segments.find((s) => s.path === "note")!;
    expect(folded.text).toBe("folded a folded b\n");
    const b = folded.text.lastIndexOf("b");
    expect(where(d, [folded.map.toSource(b), folded.map.toSource(b) + 1])).toEqual({ line: 7, column: 10, endLine: 7, endColumn: 11 });
  });
});

describe("prompty", () => {
  const src = [
    "---",
    "name: t",
    "inputs:",
    "  question:",
    "    type: string",
    "    sample: What?",
    "template:",
    "  format:",
    "    kind: jinja2",
    "---",
    "system:",
    "You help. {# note #}",
    "",
    "# user:",
    "{{question}} {% for x in items %}{{ x.name | upper }}{% endfor %}",
  ].join("\n");
  const d = parse("/r/p.prompty", "prompty", src);

  it("splits the body at role markers", () => {
    const body = d.segments.filter((s) => s.role !== "frontmatter" && s.role !== "comment");
    expect(body.map((s) => [s.role, s.text])).toEqual([
      ["system", "You help."],
      ["user", "{{question}} {% for x in items %}{{ x.name | upper }}{% endfor %}"],
    ]);
  });

  it("declares inputs with samples and key ranges", () => {
    expect(d.inputs!.map((i) => [i.name, src.slice(i.range[0], i.range[1]), i.sample])).toEqual([["question", "question", "What?"]]);
  });

  it("records jinja variables, loop locals, tags and comments", () => {
    expect(d.variables.map((v) => [v.name, v.kind])).toEqual([
      ["question", "variable"],
      ["items", "section"],
      ["x", "loop-local"],
      ["x", "loop-local"],
    ]);
    expect(d.tags.map((t) => [t.type, t.keyword])).toEqual([["open", "for"], ["close", "for"]]);
    expect(d.comments.find((c) => c.syntax === "jinja")).toMatchObject({ value: "note" });
    expectWellFormed(d);
  });

  it("accepts list-style inputs", () => {
    const p = parse("/r/p.prompty", "prompty", "---\ninputs:\n  - name: firstName\n    default: Jane\n---\nuser:\nHi {{firstName}}\n");
    expect(p.inputs).toMatchObject([{ name: "firstName", sample: "Jane" }]);
  });
});

describe("dotprompt", () => {
  const src = [
    "# Copyright header",
    "---",
    "model: m",
    "input:",
    "  schema:",
    "    name: string, the name",
    "    age?: number",
    "    items(array): string",
    "  default:",
    "    name: Bob",
    "---",
    "{{!-- hidden --}}",
    '{{role "system"}}',
    "You are {{name}}.",
    "{{#each items}}- {{this}} {{@index}} {{label}}{{/each}}",
    '{{role "user"}}',
    "{{> footer x=name}} {{media url=photo}} {{history}}",
    "{{#if age}}old{{else}}young{{/if}}",
  ].join("\n");
  const d = parse("/r/d.prompt", "dotprompt", src);

  it("reads Picoschema inputs and defaults", () => {
    expect(d.inputs!.map((i) => [i.name, src.slice(i.range[0], i.range[1]), i.sample])).toEqual([
      ["name", "name", "Bob"],
      ["age", "age?", undefined],
      ["items", "items(array)", undefined],
    ]);
    expect(d.comments[0]).toMatchObject({ syntax: "hash", value: "Copyright header" });
  });

  it("splits roles at {{role}} and keeps helpers out of variables", () => {
    const body = d.segments.filter((s) => s.role === "system" || s.role === "user");
    expect(body.map((s) => s.role)).toEqual(["system", "user", "user"]);
    expect(body[0]!.text.startsWith("You are {{name}}.")).toBe(true);
    expect(d.variables.map((v) => [v.name, v.kind])).toEqual([
      ["name", "variable"],
      ["items", "section"],
      ["this", "loop-local"],
      ["@index", "loop-local"],
      ["label", "loop-local"],
      ["footer", "partial"],
      ["name", "variable"],
      ["photo", "variable"],
      ["age", "section"],
    ]);
    expect(d.tags.map((t) => `${t.type}:${t.keyword}`)).toEqual([
      "single:role", "open:each", "close:each", "single:role", "single:partial", "single:media", "single:history", "open:if", "middle:else", "close:if",
    ]);
    const photo = d.variables.find((v) => v.name === "photo")!;
    expect(where(d, photo.nameRange)).toEqual({ line: 17, column: 33, endLine: 17, endColumn: 38 });
    expect(d.segments.find((s) => s.role === "comment")!.text).toBe("hidden");
  });

  it("reports unclosed tags with their position", () => {
    const p = parse("/r/d.prompt", "dotprompt", "Hello {{name\nmore");
    expect(p.problems).toMatchObject([{ kind: "template", range: [6, 8] }]);
  });
});

describe("jinja", () => {
  const src = '{% set greeting = "hi" %}{{- greeting -}} {{ user.name | default("x", boolean=true) }} {% if a %}{% elif b %}{% else %}{% endif %} {% raw %}{{ no }}{% endraw %} {% include "part.j2" %} {% macro m(arg, k=dflt) %}{{ arg }}{% endmacro %}';
  const d = parse("/r/t.j2", "jinja", src);
  it("finds free variables and ignores locals, filters and keyword arguments", () => {
    const inputs = d.variables.filter((v) => v.kind === "variable" || v.kind === "section").map((v) => v.path);
    expect(inputs).toEqual(["user.name", "a", "b", "dflt"]);
    expect(d.variables.find((v) => v.kind === "partial")).toMatchObject({ name: "part.j2" });
    const user = d.variables.find((v) => v.name === "user")!;
    expect(src.slice(user.range[0], user.range[1])).toBe('{{ user.name | default("x", boolean=true) }}');
  });
  it("tracks open/middle/close tags and skips raw blocks", () => {
    expect(d.tags.map((t) => `${t.type}:${t.keyword}`)).toEqual([
      "single:set", "open:if", "middle:elif", "middle:else", "close:if", "open:raw", "close:raw", "single:include", "open:macro", "close:macro",
    ]);
    expect(d.variables.some((v) => v.name === "no")).toBe(false);
  });
});

describe("mustache", () => {
  it("handles sections, inverted sections, triple braces, partials and comments", () => {
    const src = "Hi {{name}} {{{raw}}} {{&amp}} {{#list}}{{.}}{{/list}}{{^empty}}no{{/empty}} {{! c }} {{> part}}";
    const d = parse("/r/t.mustache", "mustache", src);
    expect(d.variables.map((v) => [v.name, v.kind])).toEqual([
      ["name", "variable"], ["raw", "variable"], ["amp", "variable"], ["list", "section"], ["empty", "section"], ["part", "partial"],
    ]);
    expect(d.comments).toMatchObject([{ syntax: "handlebars", value: "c" }]);
  });
  it("reports set-delimiter tags as unsupported", () => {
    const d = parse("/r/t.mustache", "mustache", "{{=<% %>=}} <% x %>");
    expect(d.problems[0]!.message).toMatch(/not supported/);
  });
});

describe("text", () => {
  it("splits paragraphs at blank lines", () => {
    const src = "First line\nsecond line.\n\n\r\nThird {{x}}.\n";
    const d = parse("/r/.cursorrules", "text", src);
    expect(d.segments.map((s) => [s.role, s.text])).toEqual([
      ["instruction", "First line\nsecond line."],
      ["instruction", "Third {{x}}."],
    ]);
    expect(d.variables.map((v) => v.name)).toEqual(["x"]);
  });
});

describe("jsonl", () => {
  it("maps decoded offsets through JSON escapes", () => {
    const line = '{"content":"Caf\\u00e9 \\n bob@corp.io"}';
    const d = parse("/r/d.jsonl", "jsonl", line);
    const seg = d.segments[0]!;
    expect(seg.text).toBe("Café \n bob@corp.io");
    const bob = seg.text.indexOf("bob");
    expect(seg.map.toSource(bob)).toBe(line.indexOf("bob"));
    expect(seg.map.rangeToSource([3, 4])).toEqual([line.indexOf("\\u00e9"), line.indexOf("\\u00e9") + 6]);
    expect(seg.range).toEqual([12, line.length - 2]);
  });

  it("parses chat records, pairs, and reports a malformed line with its column", () => {
    const src = [
      '{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":[{"type":"text","text":"Hello"}]}]}',
      '{"prompt": "a", "completion": "b"',
      '{"question": "q?", "answer": "ans"}',
      "",
    ].join("\n");
    const d = parse("/r/d.jsonl", "jsonl", src);
    expect(d.records).toHaveLength(3);
    const [chat, broken, pair] = d.records!;
    expect(chat!.messages!.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(d.segments[chat!.messages![0]!.segment!]).toMatchObject({ text: "Be brief.", role: "system", path: "/0/messages/0/content", example: 0 });
    expect(broken!.error!.message).toMatch(/Expected '}'/);
    expect(where(d, broken!.error!.range)).toEqual({ line: 2, column: 34, endLine: 2, endColumn: 34 });
    expect(d.problems).toMatchObject([{ kind: "record" }]);
    expect(d.segments[pair!.prompt!]).toMatchObject({ text: "q?", role: "example-input", path: "/2/question" });
    expect(d.segments[pair!.completion!]).toMatchObject({ text: "ans", role: "example-output" });
    expect(d.examples.map((e) => [e.inputs.map((i) => d.segments[i]!.text), e.outputs.map((i) => d.segments[i]!.text)])).toEqual([
      [["Be brief.", "Hi"], ["Hello"]],
      [["q?"], ["ans"]],
    ]);
    expectWellFormed(d);
  });

  it("maps surrogate-pair escapes", () => {
    const line = '{"text":"a\\ud83d\\ude00b"}';
    const d = parse("/r/d.jsonl", "jsonl", line);
    const seg = d.segments[0]!;
    expect(seg.text).toBe("a😀b");
    expect(seg.map.toSource(1)).toBe(line.indexOf("\\ud83d"));
    expect(seg.map.toSource(2)).toBe(line.indexOf("\\ude00"));
    expect(seg.map.toSource(3)).toBe(line.indexOf("b\""));
  });
});

describe("json", () => {
  it("reads prompt objects and example lists", () => {
    const src = '{"system": "Be brief.", "model": "gpt-4o", "examples": [{"input": "x", "output": "y"}]}';
    const d = parse("/r/a.json", "json", src);
    expect(d.segments.map((s) => [s.role, s.text, s.path])).toEqual([
      ["system", "Be brief.", "/system"],
      ["example-input", "x", "/examples/0/input"],
      ["example-output", "y", "/examples/0/output"],
    ]);
  });
  it("reports invalid JSON with a range and never throws", () => {
    const d = parse("/r/a.json", "json", '{"a": tru}');
    expect(d.problems[0]).toMatchObject({ kind: "structure" });
    expect(where(d, d.problems[0]!.range).column).toBe(7);
  });
});

describe("yaml", () => {
  it("reads system prompts, messages and examples with decoded maps", () => {
    const src = '# top\nsystem: |\n  You are helpful.\nmessages:\n  - role: user\n    content: "Hi\\tthere"\nexamples:\n  - input: q\n    output: a\n';
    const d = parse("/r/p.yaml", "yaml", src);
    expect(d.comments).toMatchObject([{ syntax: "hash", value: "top" }]);
    expect(d.segments.map((s) => [s.role, s.text])).toEqual([
      ["system", "You are helpful.\n"],
      ["user", "Hi\tthere"],
      ["example-input", "q"],
      ["example-output", "a"],
    ]);
    const hi = d.segments[1]!;
    expect(src.slice(hi.map.toSource(3), hi.map.toSource(4))).toBe("t");
    expect(src.slice(hi.map.toSource(2), hi.map.toSource(3))).toBe("\\t");
  });

  it("keeps short values of personal-data keys as segments, and a bare name only under a person", () => {
    const src = "agent:\n  name: Code Reviewer\n  model: gpt-4o\nrecords:\n  - customer:\n      name: Ana Pereira\n      telefono: 33 1290 4471\n      fechaNac: 1996-01-13\n      plan: basic\n";
    const d = parse("/r/p.yaml", "yaml", src);
    expect(d.segments.map((s) => [s.path, s.text])).toEqual([
      ["/records/0/customer/name", "Ana Pereira"],
      ["/records/0/customer/telefono", "33 1290 4471"],
      ["/records/0/customer/fechaNac", "1996-01-13"],
    ]);
  });
});
