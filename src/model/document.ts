import type { Root } from "mdast";
import type { Document as YamlDocument } from "yaml";
import type { LineIndex } from "./line-index.js";
import type { OffsetMap } from "./offset-map.js";

/** `[start, end)` in UTF-16 offsets of the document's source. The one position convention. */
export type Range = readonly [start: number, end: number];

export type Format =
  | "markdown" // .md, .prompt.md, .instructions.md, .mdc, AGENTS.md, CLAUDE.md, ...
  | "text" // .txt, .cursorrules
  | "prompty" // .prompty: YAML frontmatter + `system:`/`user:` role markers
  | "dotprompt" // .prompt: YAML frontmatter + Handlebars with {{role "system"}}
  | "jinja" // .j2, .jinja, .jinja2
  | "mustache" // .mustache, .hbs, .handlebars
  | "jsonl" // chat records or prompt/completion pairs, one per line
  | "json"
  | "yaml";

export const FORMATS: readonly Format[] = [
  "markdown", "text", "prompty", "dotprompt", "jinja", "mustache", "jsonl", "json", "yaml",
];

/** Who speaks a segment, as the model will read it. */
export type SegmentRole =
  | "system"
  | "user"
  | "assistant"
  | "tool"
  | "example-input"
  | "example-output"
  | "instruction" // AGENTS.md, CLAUDE.md, .cursorrules, copilot instructions
  | "frontmatter" // a scalar value in the frontmatter
  | "comment"; // template or HTML comments: not sent to the model, still scanned for leaks

export type SegmentKind =
  | "prose" // natural-language text (markdown block, plain text, message content)
  | "code" // fenced or indented code block
  | "html" // raw HTML block
  | "value" // a decoded string value (JSON/YAML scalar, frontmatter value)
  | "comment";

/** A natural-language piece of the document with a source map back to the file. */
export interface Segment {
  /** Decoded text. For verbatim segments this equals `source.slice(range[0], range[1])`. */
  text: string;
  role: SegmentRole;
  kind: SegmentKind;
  /** Source range covering the whole segment (for JSON strings: inside the quotes). */
  range: Range;
  /** Segment offsets -> source offsets. */
  map: OffsetMap;
  /** Where it sits: a heading path for markdown ("Rules > Tone"), a JSON pointer for data ("/3/messages/1/content"). */
  path?: string;
  /** Index into `document.examples` when the segment belongs to a few-shot example. */
  example?: number;
}

/** `vscode`: VS Code prompt-file variables such as `${input:name}`, `${selection}`, `${file}`. */
export type VariableSyntax = "mustache" | "handlebars" | "jinja" | "fstring" | "vscode";

/** A template placeholder such as `{{ name }}`, `{{#each items}}` or `{% if x %}`. */
export interface TemplateVariable {
  /** Root variable name (`user` for `{{user.name}}`). */
  name: string;
  /** Full dotted path as written (`user.name`). */
  path: string;
  syntax: VariableSyntax;
  /** Range of the whole tag, delimiters included. */
  range: Range;
  /** Range of the name inside the tag. */
  nameRange: Range;
  /** A plain interpolation, a block/section opener, a partial, a loop-local, or a helper argument. */
  kind: "variable" | "section" | "partial" | "loop-local";
}

/** A template tag (for balance checks): `{{#if}}`/`{{/if}}`, `{% for %}`/`{% endfor %}`, etc. */
export interface TemplateTag {
  syntax: VariableSyntax;
  /** `open`, `close`, `else` (middle of a block) or `single`. */
  type: "open" | "close" | "middle" | "single";
  /** Block keyword for open/close/middle tags (`if`, `each`, `for`, `block`, section name for mustache). */
  keyword: string;
  range: Range;
}

/** Input names a file declares (prompty `inputs:`, dotprompt `input.schema`, frontmatter `variables:`/`inputs:`). */
export interface DeclaredInput {
  name: string;
  /** Range of the key in the frontmatter. */
  range: Range;
  /** Default or sample value when declared, used to render the prompt for budgets. */
  sample?: unknown;
}

export interface Frontmatter {
  /** Range of the whole block including the `---` fences. */
  range: Range;
  /** Range of the YAML text between the fences. */
  contentRange: Range;
  /** Parsed data (undefined when the YAML does not parse). */
  data: unknown;
  /** Source range of each key, by dotted path (`model`, `model.configuration.type`). */
  keys: Map<string, { key: Range; value: Range }>;
  /** YAML parse errors, already converted to source ranges. */
  errors: { message: string; range: Range }[];
  /** The parsed YAML document, for rules that need node-level detail. */
  yaml?: YamlDocument;
}

/** A comment in the source, where inline directives may live. */
export interface SourceComment {
  /** Text between the comment delimiters, trimmed. */
  value: string;
  range: Range;
  syntax: "html" | "hash" | "jinja" | "handlebars";
}

/** One message of a chat record. */
export interface ChatMessage {
  role: string;
  /** Index into `document.segments` of the content, when the content is a string. */
  segment?: number;
  range: Range;
  roleRange?: Range;
  contentRange?: Range;
  /** Raw content when it is not a string (multi-part content, null, missing). */
  content: unknown;
}

/** One record of a JSONL/JSON/YAML few-shot file. */
export interface DataRecord {
  /** 0-based index of the record. */
  index: number;
  range: Range;
  /** Parsed value; undefined when the record does not parse. */
  value: unknown;
  error?: { message: string; range: Range };
  /** Present when the record is a chat record (`{"messages": [...]}`). */
  messages?: ChatMessage[];
  /** Present for `{prompt, completion}` records: indices into `document.segments`. */
  prompt?: number;
  completion?: number;
}

/** A few-shot example pair. */
export interface FewShotExample {
  range: Range;
  /** Indices into `document.segments`. */
  inputs: number[];
  outputs: number[];
  /** Where it came from: a markdown example block, a JSONL record, frontmatter. */
  origin: "markdown" | "record" | "frontmatter";
}

/** A problem the parser found; rules turn these into findings (the parser itself never reports). */
export interface ParseProblem {
  /** Which concern it belongs to: `frontmatter`, `record`, `template`, `encoding`. */
  kind: "frontmatter" | "record" | "template" | "encoding" | "structure";
  message: string;
  range: Range;
}

export interface PromptDocument {
  /** Absolute path. */
  path: string;
  /** The exact text that was linted (after BOM removal: see `bom`). */
  source: string;
  format: Format;
  /** True when the file started with a UTF-8 BOM (stripped from `source`). */
  bom: boolean;
  lines: LineIndex;
  frontmatter?: Frontmatter;
  /**
   * Block-level markdown tree for markdown files (positions are offsets into `source`): every block node with
   * its exact range; headings hold their plain text as one `text` child; inline HTML containing `<!--` is kept
   * as `html` children of paragraphs and headings; no other inline nodes (see `src/parse/markdown-blocks.ts`).
   */
  mdast?: Root;
  /** Range of the body (after frontmatter). */
  body: Range;
  segments: Segment[];
  variables: TemplateVariable[];
  tags: TemplateTag[];
  /** Declared inputs; undefined when the file does not declare them (then "undeclared variable" checks are off). */
  inputs?: DeclaredInput[];
  examples: FewShotExample[];
  records?: DataRecord[];
  comments: SourceComment[];
  problems: ParseProblem[];
  /** Instruction file (AGENTS.md, CLAUDE.md, .cursorrules, ...) rather than a prompt sent per request. */
  isInstructionFile: boolean;
}
