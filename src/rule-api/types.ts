import type { Root } from "mdast";
import type { Format, PromptDocument, Range, Segment } from "../model/document.js";

export type Severity = 0 | 1 | 2;
export type SeverityName = "off" | "warn" | "error";

/** A minimal replacement of `range` (source offsets) by `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** A fix as a rule reports it: any source range, `context.segmentRange`'s included. */
export interface FixDescriptor {
  range: Range;
  text: string;
}

export interface Suggestion {
  messageId?: string;
  desc: string;
  fix: Fix;
}

/** A location elsewhere that explains a finding ("contradicts line 12"). */
export interface RelatedLocation {
  /** Absolute path; omitted when it is the same file. */
  filePath?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** One finding, ESLint-compatible (1-based line and column, end exclusive). */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** A problem that stopped the file from being linted (unreadable, invalid UTF-8, too large). */
  fatal?: boolean;
  related?: RelatedLocation[];
  /** One-line hint shown under the code frame. */
  help?: string;
  /** Set when the range holds a secret or personal data: formatters must never print that text. */
  sensitive?: boolean;
  /** Why it was suppressed (only on `suppressedMessages`). */
  suppressions?: { kind: "directive"; justification: string }[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  /** Findings silenced by inline directives (SARIF reports them as suppressions). */
  suppressedMessages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  format?: Format;
  /**
   * The linted text with every sensitive range masked (same length, so columns hold). Formatters draw
   * code frames from this; the raw text never leaves the engine.
   */
  source?: string;
  /** The fixed text, when fixes were applied. */
  output?: string;
  /** Extra per-file data for summaries (token counts, eval results); each producer owns its key. */
  stats?: Record<string, unknown>;
}

/** What a rule passes to `context.report`. */
export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Source range of the finding. Use `context.segmentRange(seg, [s, e])` for segment offsets. */
  range: Range;
  fix?: FixDescriptor | null;
  suggest?: { messageId: string; data?: Record<string, string | number>; fix: FixDescriptor }[];
  related?: { range?: Range; filePath?: string; line?: number; column?: number; endLine?: number; endColumn?: number; message: string }[];
  /** The range holds a secret or personal data. */
  sensitive?: boolean;
  /** Severity of this one finding, when a rule grades findings itself (e.g. per segment role). */
  severity?: 1 | 2;
}

export interface RuleDocs {
  description: string;
  /** One-line hint printed as `help:` under a finding. */
  help?: string;
  /** Part of `promptvet:recommended` (with this default severity) / `promptvet:strict`. */
  recommended: SeverityName | false;
  strict?: SeverityName | false;
  /** The rule's documentation page (SARIF `helpUri`, report links). Plugin rules without one get no link. */
  url?: string;
}

export interface RuleMeta {
  /** `category/name`. */
  id: string;
  category: string;
  docs: RuleDocs;
  fixable?: boolean;
  hasSuggestions?: boolean;
  messages: Record<string, string>;
  /** JSON Schema of the options object (validated with ajv, once per rule). */
  schema?: object;
  defaultOptions?: Record<string, unknown>;
  /** Only run on these formats (all when omitted). */
  formats?: Format[];
  /**
   * What the rule reads beyond the document model. `"mdast"`: the full markdown tree with inline nodes
   * (`context.fullMdast`), parsed only for documents such a rule lints.
   */
  needs?: readonly "mdast"[];
  /** Set by promptvet on the rules of a plugin: the prefix a config gave it, and the plugin's own `meta`. */
  plugin?: PluginIdentity;
}

/** Which plugin a rule came from. */
export interface PluginIdentity {
  /** The prefix the config declared it under (`acme` in `plugins: { acme: ./rules.js }`). */
  prefix: string;
  name?: string;
  version?: string;
}

/** Services a rule may need; heavy ones are lazy so a run that does not use them pays nothing. */
export interface RuleServices {
  /** Source of the same file at the base ref (HEAD for pre-commit, merge-base in CI), or undefined if new. */
  baseSource(): Promise<string | undefined>;
  /** The base ref in use, if any. */
  baseRef?: string;
  /** Free-form, lazily created shared objects (tokenizers, NLP pipelines), one per run. */
  shared<T>(key: string, create: () => T): T;
  /**
   * Reads another file (a base prompt, a partial) as this run sees it: from the git index with `--staged`,
   * else from the working tree. Undefined when the file does not exist. Optional: rules fall back to the disk.
   */
  readFile?(filePath: string): Promise<string | undefined>;
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly id: string;
  readonly options: Options;
  readonly document: PromptDocument;
  /** Resolved config settings for this file (models, budgets, allowlists...). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly services: RuleServices;
  report(descriptor: ReportDescriptor): void;
  /** Source range of a range inside a segment's text. */
  segmentRange(segment: Segment, range: Range): Range;
  /**
   * The full markdown tree (remark's mdast, with links, emphasis, code spans...) of a markdown document, for a
   * rule whose `meta.needs` holds `"mdast"`; undefined otherwise and for formats without markdown.
   */
  readonly fullMdast?: Root;
}

export interface RuleVisitor {
  /** Called once per document. */
  document?(document: PromptDocument): void | Promise<void>;
  /** Called once per segment, in source order. */
  segment?(segment: Segment, index: number): void | Promise<void>;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  create(context: RuleContext<Options>): RuleVisitor | Promise<RuleVisitor>;
}

/** Identity helper that gives rule authors type checking. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** A rule switched on for one file, with its severity and options (what a resolved config hands the linter). */
export interface EnabledRule {
  rule: Rule<any>;
  severity: Exclude<Severity, 0>;
  options?: Record<string, unknown>;
}

/** A rule setting in a config: a severity, or `[severity, options]`. */
export type RuleEntry = SeverityName | Severity | [SeverityName | Severity, Record<string, unknown>?];

/**
 * A config a plugin ships, extended as `plugin:<prefix>/<name>` (e.g. `plugin:acme/recommended`). It holds what a
 * config file may hold except `plugins` and `extends`; in its `rules`, a name without a slash is the plugin's own
 * rule (the config that declares the plugin chooses its prefix).
 */
export interface PluginConfig {
  rules?: Record<string, RuleEntry>;
  [setting: string]: unknown;
}

/**
 * A custom rule module: `export default { meta, rules: { "no-foo": rule }, configs }`, loaded under the prefix a
 * config gives it. Its rules exist only for the files that config applies to, and are off until a config turns
 * them on (directly or through one of the plugin's `configs`).
 */
export interface Plugin {
  meta?: { name?: string; version?: string };
  rules: Record<string, Rule<any>>;
  /** Without a `recommended` entry, `plugin:<prefix>/recommended` turns on the rules whose docs say `recommended`. */
  configs?: Record<string, PluginConfig>;
}
