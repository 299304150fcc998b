/**
 * Few-shot examples that break the prompt's own rules. A model imitates examples more than it obeys rules, so
 * a prose example under "respond only with JSON" teaches it to ignore the rule.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseYamlValue as parseYaml } from "../parse/yaml-keys.js";
import type { PromptDocument, Range } from "../model/document.js";
import { LineIndex } from "../model/line-index.js";
import { defaultComposeRoot, withinRoots } from "../compose/boundary.js";
import { checkDocument } from "./check.js";
import type { Directive } from "./directives.js";
import { splitSentences, stem, wordCount } from "./text.js";
import type { Dimension } from "./vocabulary.js";
import { stripFence } from "./strip-fence.js";

export interface ExampleOutput {
  text: string;
  /** Range in this document, when the example lives here. */
  range?: Range;
  /** Location in another file (attached JSONL). */
  external?: { filePath: string; line: number; column: number; endLine: number; endColumn: number };
  /** 1-based line where the output starts (in its own file). */
  line: number;
  /** Index of the few-shot record the output belongs to (JSONL records each carry their own system message). */
  example?: number;
}

export interface ExampleViolation {
  kind: Dimension;
  instruction: Directive;
  output: ExampleOutput;
  /** Line of the output (in the attached file when `output.external` is set). */
  exampleLine: number;
  /** What was found, for the message: "prose, not JSON", "142 words". */
  detail: string;
  /** Where in the output text the offending part lies (the list, the emoji, the link), when it is one part. */
  evidence?: Range;
}

/** Example outputs of the document itself (markdown example blocks, frontmatter examples). */
function documentExampleOutputs(document: PromptDocument): ExampleOutput[] {
  const outputs: ExampleOutput[] = [];
  const taken = new Set<number>();
  for (const example of document.examples ?? []) {
    for (const index of example.outputs) {
      const seg = document.segments[index];
      if (!seg || seg.text.trim() === "") continue;
      taken.add(index);
      outputs.push({ text: seg.text, range: seg.range, line: document.lines.positionAt(seg.range[0]).line, ...(seg.example !== undefined ? { example: seg.example } : {}) });
    }
  }
  // An assistant turn written into a chat template (prompty "assistant:", dotprompt {{role "model"}}) is a
  // few-shot reply, unless it is only a template variable.
  document.segments.forEach((seg, index) => {
    if (taken.has(index) || seg.role !== "assistant" || seg.text.trim() === "" || /^\s*(?:\{\{[^}]*\}\}|\{%[^%]*%\}|\$\{[^}]*\})\s*$/.test(seg.text)) return;
    outputs.push({ text: seg.text, range: seg.range, line: document.lines.positionAt(seg.range[0]).line });
  });
  if (document.format !== "markdown" && document.format !== "text") return outputs;
  // A written transcript: replies the parser found are extended to their whole paragraph (a list under "Also:").
  const transcript = transcriptOutputs(document);
  if (outputs.length === 0) return transcript;
  return outputs.map((o) => transcript.find((t) => t.line === o.line && t.text.length > o.text.length) ?? o);
}

/** Speaker labels of the assistant in a written transcript ("Agent:", "Assistant:", "A:", the persona's name). */
const ASSISTANT_LABEL = /^(?:assistant|agent|ai|bot|chatbot|model|support|support agent|response|reply|answer|output|a|you|rep|representative|advisor|tutor|coach|helper|message|email|draft|caption|post)$/i;
const USER_LABEL = /^(?:user|customer|client|patient|student|learner|guest|traveller|traveler|caller|human|visitor|member|q|question|input|prompt|me|candidate|candidate profile|profile|request|shopper|buyer|employee|staff|colleague|parent|person|ticket)$/i;
/** A line that ends a written reply: a heading, a tag such as </example>, a fence or a rule. */
const REPLY_BOUNDARY = /^\s*(?:#|<\/?[A-Za-z][\w-]*(?:\s[^>]*)?>\s*$|```|~~~|(?:-{3,}|\*{3,}|_{3,})\s*$)/;
const SPEAKER_LINE = /^\s*(?:[-*>]\s*)?(?:\*\*|__)?([A-Za-z][\w .'-]{0,24}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s+(\S.*))?$/;

/**
 * Replies in a written transcript: "Customer: … / Agent: …", "Q: … / A: …", or lines spoken by the persona
 * ("RxHelper: …"). A reply runs until the next speaker line, heading or blank line followed by a speaker.
 */
function transcriptOutputs(document: PromptDocument): ExampleOutput[] {
  const lines = document.source.split("\n");
  const persona = /\b(?:you are|your name is|introduce yourself as)\s+([A-Z][\w-]{1,30})/i.exec(document.source)?.[1]?.toLowerCase();
  const speakers: { line: number; label: string; text: string }[] = [];
  let fence = false;
  lines.forEach((text, i) => {
    if (/^\s*(?:```|~~~)/.test(text)) fence = !fence;
    if (fence) return;
    const m = SPEAKER_LINE.exec(text);
    if (m) speakers.push({ line: i, label: m[1]!.trim().toLowerCase(), text: m[2] ?? "" });
  });
  const isAssistant = (label: string) => ASSISTANT_LABEL.test(label) || label === persona;
  if (!speakers.some((s) => USER_LABEL.test(s.label)) || !speakers.some((s) => isAssistant(s.label))) return [];
  const outputs: ExampleOutput[] = [];
  const starts = new Set(speakers.map((s) => s.line));
  const closingFence = closingFences(lines);
  for (const s of speakers) {
    if (!isAssistant(s.label)) continue;
    let end = s.line + 1;
    while (end < lines.length && !starts.has(end)) {
      const line = lines[end]!;
      // A code block that follows the reply's text with no blank line between is part of the reply.
      const close = closingFence.get(end);
      if (close !== undefined && lines[end - 1]!.trim() !== "") {
        end = close + 1;
        continue;
      }
      if (REPLY_BOUNDARY.test(line) || (line.trim() === "" && (end + 1 >= lines.length || starts.has(end + 1) || lines[end + 1]!.trim() === ""))) break;
      end++;
    }
    // "Message:" alone on its line: the reply is the paragraph under it.
    const own = SPEAKER_LINE.exec(lines[s.line]!)![2];
    const firstLine = own ? s.line : s.line + 1;
    if (!own) while (end < lines.length && end <= firstLine && lines[end]!.trim() !== "") end++;
    if (!own && firstLine < lines.length) while (end < lines.length && lines[end]!.trim() !== "" && !starts.has(end) && !REPLY_BOUNDARY.test(lines[end]!)) end++;
    const startOffset = own ? document.lines.offsetAt({ line: s.line + 1, column: lines[s.line]!.indexOf(own) + 1 }) : document.lines.offsetAt({ line: firstLine + 1, column: 1 });
    const endOffset = document.lines.offsetAt({ line: Math.max(end, firstLine + 1), column: (lines[Math.max(end, firstLine + 1) - 1] ?? "").length + 1 });
    const text = (own ? [own, ...lines.slice(s.line + 1, end)] : lines.slice(firstLine, end)).join("\n");
    if (text.trim() === "") continue;
    outputs.push({ text, range: [startOffset, endOffset], line: firstLine + 1 });
  }
  return outputs;
}

/** Each opening fence line of a closed code block, with the line that closes it. */
function closingFences(lines: readonly string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  let open: number | undefined;
  lines.forEach((text, i) => {
    if (!/^\s*(?:```|~~~)/.test(text)) return;
    if (open === undefined) open = i;
    else {
      pairs.set(open, i);
      open = undefined;
    }
  });
  return pairs;
}

/** The attached example files named by frontmatter (`examples: ./support.jsonl`). */
function attachedExampleFiles(document: PromptDocument): string[] {
  const data = document.frontmatter?.data;
  if (!data || typeof data !== "object") return [];
  const names: string[] = [];
  for (const key of ["examples", "few_shot", "fewshot", "shots", "examples_file"]) {
    const v = (data as Record<string, unknown>)[key];
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item === "string" && /\.(?:jsonl|ndjson|json|ya?ml)$/i.test(item.trim())) names.push(item.trim());
    }
  }
  return names;
}

const OUTPUT_KEYS = ["output", "completion", "response", "answer", "assistant", "ideal", "expected"];

/** Reads assistant outputs from a JSONL/JSON/YAML examples file, with their positions in that file. */
async function readAttachedOutputs(filePath: string): Promise<ExampleOutput[]> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch {
    return [];
  }
  const lines = new LineIndex(text);
  const outputs: ExampleOutput[] = [];
  const fromRecord = (value: unknown, line: number, lineText: string) => {
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const texts: string[] = [];
    if (Array.isArray(record.messages)) {
      for (const m of record.messages as Record<string, unknown>[]) if (m && m.role === "assistant" && typeof m.content === "string") texts.push(m.content);
    }
    for (const k of OUTPUT_KEYS) if (typeof record[k] === "string") texts.push(record[k] as string);
    for (const t of texts) {
      // Point at the encoded string in the raw line: its first few characters are enough to find it.
      const probe = JSON.stringify(t).slice(1, 20);
      const col = Math.max(0, lineText.indexOf(probe));
      outputs.push({ text: t, line, external: { filePath, line, column: col + 1, endLine: line, endColumn: lineText.length + 1 } });
    }
  };
  if (/\.(?:jsonl|ndjson)$/i.test(filePath)) {
    for (let i = 1; i <= lines.lineCount; i++) {
      const lineText = lines.lineText(i);
      if (lineText.trim() === "") continue;
      try {
        fromRecord(JSON.parse(lineText), i, lineText);
      } catch {
        // A broken record is the record rules' business; it has no output to check.
      }
    }
  } else {
    let data: unknown;
    try {
      data = /\.json$/i.test(filePath) ? JSON.parse(text) : parseYaml(text);
    } catch {
      return [];
    }
    for (const record of Array.isArray(data) ? data : [data]) fromRecord(record, 1, lines.lineText(1));
  }
  return outputs;
}

const WHOLE_REPLY =
  /\b(?:respond|responses?|repl(?:y|ies)|answer(?:s)?|outputs?|messages?|you (?:must|should|will|never|always)|never|always|do not|don't|keep (?:it|things|everything)|every (?:reply|response|answer|message))\b/i;

/** A length rule applies to example replies only when it names the reply itself, not "the message" of some tool. */
const REPLY_NAMED =
  /\b(?:your|all|every|each)\s+(?:answers?|responses?|repl(?:y|ies)|messages?|outputs?)\b|\b(?:answers?|responses?|replies)\b(?!\s+(?:to|from|of)\b)|\b(?:respond|reply|answer)\b/i;

const EMOJI = /\p{Extended_Pictographic}/u;
/** "I'm Sam", "my name is Sam", "— Sam" at the end: the name an example reply goes by. */
const SELF_INTRODUCTION = /\b(?:I'm|I am|my name is|this is|it's)\s+([A-Z][a-z]{1,20})\b(?![ ,]+(?:from|at|with)?\s*(?:the )?(?:team|here))|\n\s*(?:[—–-]|best,?|regards,?|cheers,?|thanks,?)\s*([A-Z][a-z]{1,20})\s*$/;

/** Names listed as examples of what a rule bans: "(for example Expedia, Booking.com, TUI)", "such as X or Y". */
function bannedNames(sentence: string): string[] {
  const m = /\((?:for example|for instance|e\.g\.,?|such as|like|including)\s+([^)]{2,200})\)|\b(?:such as|for example|e\.g\.,?|like)\s+((?:[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*)?(?:,\s*|\s+(?:or|and)\s+)?){2,10})/.exec(sentence);
  if (!m) return [];
  return (m[1] ?? m[2]!)
    .split(/\s*(?:,|\bor\b|\band\b)\s*/)
    .map((n) => n.trim().replace(/[.;]+$/, ""))
    .filter((n) => /^[A-Z0-9]/.test(n) && n.length > 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function wholeWord(text: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, "iu");
}

/** The first match of `pattern` in `text`, as a range. A global pattern is copied so its lastIndex is left alone. */
function matchOf(text: string, pattern: RegExp): Range | undefined {
  const m = (pattern.global ? new RegExp(pattern.source, pattern.flags.replace("g", "")) : pattern).exec(text);
  return m ? [m.index, m.index + m[0].length] : undefined;
}

/** The line holding the first match of `pattern`. */
function lineOf(text: string, pattern: RegExp): Range | undefined {
  const at = matchOf(text, pattern);
  if (!at) return undefined;
  const start = text.lastIndexOf("\n", at[0]) + 1;
  const end = text.indexOf("\n", at[1]);
  return [start, end === -1 ? text.length : end];
}

/** From the first to the last match of a global, line-anchored `pattern`: the list lines, to the end of the last one. */
function spanOfAll(text: string, pattern: RegExp): Range | undefined {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return undefined;
  const first = matches[0]!.index!;
  const last = matches[matches.length - 1]!.index!;
  const end = text.indexOf("\n", last);
  return [first + (/^\s*/.exec(text.slice(first))![0].length), end === -1 ? text.length : end];
}

/** The first fenced block, fences included (to the end of the text when it is not closed). */
function codeBlockOf(text: string): Range | undefined {
  const open = text.indexOf("```");
  if (open === -1) return undefined;
  const close = text.indexOf("```", open + 3);
  return [open, close === -1 ? text.length : close + 3];
}

/** The line that ends with the first question mark that ends a line. */
function questionOf(text: string): Range | undefined {
  return lineOf(text, /\?\s*$/m);
}

function nameOf(m: RegExpExecArray): Range | undefined {
  const name = m[1] ?? m[2];
  if (!name) return undefined;
  const at = m[0].lastIndexOf(name);
  return [m.index + at, m.index + at + name.length];
}

/** Any mark of a source: a bracketed reference, a numbered or "see …" parenthesis, a link, "according to", "Source:". */
const CITATION_MARK = /\[[^\]\n]{1,80}\]|[\u3010\u2020\u2021\u00b9\u00b2\u00b3\u2070-\u2079]|\((?:[^()\n]{0,60}\d[^()\n]{0,60}|(?:source|see|ref|cf|via|from)\b[^()\n]{0,80})\)|\bhttps?:\/\/|\b(?:sources?:|according to|as (?:stated|described|set out|explained) in|per (?:the|our|section|clause|article)\b|cited|citing)/i;
/** A rule that asks every reply or claim for a source, not one about which sources to cite ("only cite sources that …"). */
const CITE_ALWAYS = /\b(?:always|every|each|all|must|required?)\b/i;
/**
 * The rule shows what a citation looks like ("as [1]", "in square brackets", "(Source: …)"): then a reply without
 * one plainly breaks it. "Use appropriate citations" leaves open what counts, and when (search results only?).
 */
const CITE_SHAPE = /\[[^\]\n]{0,24}\]|\bbrackets\b|\bfootnotes?\b|\bsuperscripts?\b|\(\s*source|\bsource:|\bnumbered (?:references|citations|sources)\b|\breference (?:numbers?|markers?)\b|\bcitation (?:markers?|numbers?|tags?)\b|\u3010/i;
const CITE_SOME = /\bonly\b[^.]{0,30}\bcit|\bcit\w*\s+only\b|\b(?:when|where|if)\b/i;
/** Shorter replies (a greeting, "Done.") state nothing that needs a source. */
const CITED_REPLY_WORDS = 15;
/** A rule for every reply ("must" alone also binds a rule about how to write links or lists when there are some). */
const EVERY_REPLY = /\b(?:always|every|each|all)\b/i;
/** A rule for some replies only ("where helpful", "when there are several options"). */
const ONLY_SOMETIMES = /\b(?:when(?:ever)?|where|if|unless|helpful|appropriate|relevant (?:to|for) (?:the|a) (?:question|request)|needed|necessary|useful|possible|applicable|makes sense|several|multiple)\b/i;
const MARKDOWN_LINK = /\]\([^)\s]+\)/;

/** Questions a rule bans only some of. */
const QUALIFIED_QUESTIONS = /\b(?:twice|again|compound|multiple|several|more than (?:one|a|two|\d)|too many|leading|rhetorical|unnecessary|repeated|redundant|same)\b/i;
/** Counted things an example reply shows one per list item or line. */
const COUNTED_IN_REPLY = /^(?:options|items|examples|tips|names|bullets?|points|bullet points|lines|suggestions|ideas|reasons|steps|alternatives|recommendations|titles|headlines|taglines|slogans|comments|variations|versions)$/;
const PRODUCE_COUNT = /\b(?:suggest|give|list|offer|provide|propose|write|generate|return|recommend|share|come up with)\b/i;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+\.\w{2,}/i;
const LIST_LINE = /^\s*(?:[-*+•]|\d+[.)])\s+\S/gm;
const BULLET_LINE = /^\s*[-*+•]\s+\S/gm;
const NUMBERED_LINE = /^\s*\d+[.)]\s+\S/gm;
const MARKDOWN = /^#{1,6}\s|^\s*[-*+]\s+\S|\*\*[^*\n]+\*\*|^\|.*\|\s*$|^```/m;

const STOP: Record<string, string[]> = {
  english: ["the", "and", "you", "is", "to", "of", "it", "for", "your", "with", "this", "that", "are", "can", "we", "will", "have"],
  spanish: ["el", "la", "de", "que", "y", "en", "los", "las", "por", "para", "con", "una", "es", "su", "puede", "tu", "usted"],
  french: ["le", "la", "les", "de", "et", "est", "vous", "que", "pour", "dans", "une", "des", "pas", "votre", "nous", "sur"],
  german: ["der", "die", "das", "und", "ist", "sie", "nicht", "mit", "ein", "eine", "zu", "den", "ihr", "wir", "ihre", "auf"],
  portuguese: ["o", "a", "de", "que", "e", "do", "da", "em", "para", "com", "não", "uma", "os", "você", "seu", "sua"],
  italian: ["il", "la", "di", "che", "e", "per", "non", "un", "una", "sono", "con", "del", "della", "puoi", "tuo", "gli"],
  dutch: ["de", "het", "een", "en", "van", "is", "niet", "je", "u", "met", "voor", "op", "dat", "zijn", "uw", "wij"],
};

/** The language of a text by function words; undefined when short or unclear. */
export function guessLanguage(text: string): string | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return undefined;
  const scores = Object.entries(STOP).map(([lang, stop]) => {
    const set = new Set(stop);
    return [lang, words.filter((w) => set.has(w)).length / words.length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 0.12 || (second && best[1] < second[1] * 2)) return undefined;
  return best[0];
}

function measure(text: string, unit: string): number {
  switch (unit) {
    case "word":
      return wordCount(text);
    case "sentence":
      return text.split(/\n\s*\n/).flatMap((p) => splitSentences(p)).length;
    case "paragraph":
      return text.split(/\n\s*\n/).filter((p) => p.trim()).length;
    case "character":
      return text.trim().length;
    case "line":
      return text.trim().split(/\n/).length;
    default:
      return wordCount(text);
  }
}

/** How an example reply names itself: the rule it breaks is the one about that, more than "You are Jordan, …". */
const SELF_NAMING = /\b(?:introduce yourself|sign (?:off|every|each|your|all)|sign-off|signature|call yourself|refer to yourself)\b/i;

/** The rules in document order, except that a rule about how the reply names itself comes before other persona rules. */
function byRelevance(directives: readonly Directive[]): readonly Directive[] {
  if (!directives.some((d) => d.dimension === "persona" && SELF_NAMING.test(d.sentence))) return directives;
  const rank = (d: Directive) => (d.dimension === "persona" && SELF_NAMING.test(d.sentence) ? 0 : 1);
  return [...directives].sort((a, b) => rank(a) - rank(b));
}

/** The first rule of `directives` that `output` breaks, per kind. */
export function violationsOf(output: ExampleOutput, directives: readonly Directive[]): ExampleViolation[] {
  const found: ExampleViolation[] = [];
  const seen = new Set<string>();
  const text = output.text;
  const add = (kind: Dimension, instruction: Directive, detail: string, evidence?: Range) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    found.push({ kind, instruction, output, exampleLine: output.line, detail, ...(evidence ? { evidence } : {}) });
  };
  for (const d of byRelevance(directives)) {
    // A focus on a unit of length ("one sentence of no more than 25 words") still speaks of the whole reply.
    // A preference ("prefer one or two sentences") leaves room for an example that does otherwise.
    if (d.conditional || d.hedged || d.scope !== "" || (d.focus && !/^(?:sentences?|sentenc|paragraphs?|lines?|words?)$/.test(d.focus)) || d.permissive) continue;
    // Only rules that speak of the reply as a whole apply to a whole example reply.
    if (!WHOLE_REPLY.test(d.sentence) && !(d.dimension === "format" && d.exclusive) && d.dimension !== "count" && d.dimension !== "persona" && d.dimension !== "length" && !(d.dimension === "citations" && d.polarity === 1)) continue;
    if (d.dimension === "format" && d.polarity === 1 && d.exclusive) {
      if (d.value === "json") {
        let ok = false;
        try {
          const v = JSON.parse(stripFence(text));
          ok = typeof v === "object" && v !== null;
        } catch {
          ok = false;
        }
        if (!ok) add("format", d, /^\s*[[{]/.test(stripFence(text)) ? "invalid JSON" : "prose, not JSON");
      } else if (d.value === "yaml") {
        let ok = false;
        try {
          const v = parseYaml(stripFence(text));
          ok = typeof v === "object" && v !== null;
        } catch {
          ok = false;
        }
        if (!ok) add("format", d, "not YAML");
      } else if (d.value === "plaintext" && MARKDOWN.test(text)) add("format", d, "Markdown formatting", lineOf(text, MARKDOWN));
    }
    if (d.dimension === "format" && d.polarity === -1 && d.value === "markdown" && MARKDOWN.test(text)) add("format", d, "Markdown formatting", lineOf(text, MARKDOWN));
    if (d.dimension === "format" && d.polarity === -1 && d.value === "json") {
      try {
        const v = JSON.parse(stripFence(text));
        if (typeof v === "object" && v !== null) add("format", d, "JSON");
      } catch {
        // not JSON: fine
      }
    }
    if (d.dimension === "length" && d.bound && d.polarity === 1 && REPLY_NAMED.test(d.sentence)) {
      const n = measure(text, d.bound.unit);
      if (n > d.bound.max) add("length", d, `${n} ${d.bound.unit}s, limit ${d.bound.max}`);
      else if (n < d.bound.min && d.bound.min !== Infinity) add("length", d, `${n} ${d.bound.unit}s, minimum ${d.bound.min}`);
    }
    if (d.dimension === "disclosure" && d.polarity === -1 && d.topic && d.topic.length > 0 && d.value !== "prompt") {
      const words = new Set((text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? []).map(stem));
      if (d.topic.every((w) => words.has(w))) add("disclosure", d, `mentions ${d.topic.join(" ")}`);
    }
    if (d.dimension === "language" && d.polarity === 1 && d.value !== "user") {
      const lang = guessLanguage(text);
      if (lang && lang !== d.value && d.value in STOP) add("language", d, `written in ${lang[0]!.toUpperCase()}${lang.slice(1)}`);
    }
    // "Don't ask the questions in bullet points": a rule about lists of something else.
    if (d.dimension === "lists" && d.polarity === -1 && !d.qualifier && !/\bquestions?\b/i.test(d.sentence)) {
      const pattern = d.value === "numbered" ? NUMBERED_LINE : d.value === "bullets" ? BULLET_LINE : LIST_LINE;
      const items = text.match(pattern)?.length ?? 0;
      if (items >= 2) add("lists", d, `a list of ${items} items`, spanOfAll(text, pattern));
    }
    if ((d.dimension === "format" && (d.value === "prose" || d.value === "plaintext") && d.exclusive && d.polarity === 1) || false) {
      const items = text.match(LIST_LINE)?.length ?? 0;
      if (items >= 2) add("lists", d, `a list of ${items} items`, spanOfAll(text, LIST_LINE));
    }
    if (d.dimension === "emoji" && d.polarity === -1 && EMOJI.test(text)) add("emoji", d, "emoji", matchOf(text, EMOJI));
    if (d.dimension === "citations" && d.value === "links" && d.polarity === -1 && URL.test(text)) add("citations", d, "a link", matchOf(text, URL));
    // "Cite the source of every fact as [1]": a reply that states things (not a one-line greeting) without any mark of a source.
    if (d.dimension === "citations" && d.value === "citations" && d.polarity === 1 && CITE_ALWAYS.test(d.sentence) && CITE_SHAPE.test(d.sentence) && !CITE_SOME.test(d.sentence) && wordCount(text) >= CITED_REPLY_WORDS && !CITATION_MARK.test(text)) add("citations", d, "no citation");
    // "Every answer must include a link to the help article": a reply that states things with no link at all.
    if (d.dimension === "citations" && d.value === "links" && d.polarity === 1 && EVERY_REPLY.test(d.sentence) && !CITE_SOME.test(d.sentence) && !ONLY_SOMETIMES.test(d.sentence) && wordCount(text) >= CITED_REPLY_WORDS && !URL.test(text) && !MARKDOWN_LINK.test(text)) add("citations", d, "no link");
    // "Always answer in bullet points": a reply of several sentences with no list at all.
    if (d.dimension === "lists" && d.polarity === 1 && (d.value === "bullets" || d.value === "numbered" || d.value === "lists") && !d.qualifier && EVERY_REPLY.test(d.sentence) && !ONLY_SOMETIMES.test(d.sentence)) {
      const items = text.match(d.value === "numbered" ? NUMBERED_LINE : d.value === "bullets" ? BULLET_LINE : LIST_LINE)?.length ?? 0;
      if (items === 0 && (splitSentences(text).length >= 2 || wordCount(text) >= CITED_REPLY_WORDS)) add("lists", d, d.value === "numbered" ? "no numbered list" : d.value === "bullets" ? "no bullet points" : "no list");
    }
    if (d.dimension === "code" && d.polarity === -1 && /```/.test(text)) add("code", d, "a code block", codeBlockOf(text));
    // "Never ask compound questions", "never ask twice": only some questions are banned.
    if (d.dimension === "questions" && d.polarity === -1 && !d.qualifier && !QUALIFIED_QUESTIONS.test(d.sentence) && /\?\s*$/m.test(text)) add("questions", d, "a question to the user", questionOf(text));
    // "Suggest exactly three recipes": any counted noun, when the rule asks the reply to produce that many.
    if (d.dimension === "count" && d.bound && d.polarity === 1 && (COUNTED_IN_REPLY.test(d.value) || (d.value.startsWith("n:") && PRODUCE_COUNT.test(d.sentence)))) {
      // Items of a list, or else one per line when the rule asks for one line each.
      const listed = text.match(LIST_LINE)?.length ?? 0;
      const lines = /\bline\b/i.test(d.sentence) ? text.trim().split(/\n+/).filter((l) => l.trim()).length : 0;
      const items = listed >= 2 ? listed : lines;
      if (items >= 2 && (items > d.bound.max || items < d.bound.min)) add("count", d, `${items} items`, listed >= 2 ? spanOfAll(text, LIST_LINE) : undefined);
    }
    if (d.dimension === "keywords" && d.polarity === -1 && d.literal) {
      const at = matchOf(text, wholeWord(d.literal));
      if (at) add("keywords", d, `the word "${d.literal}"`, at);
    }
    // "Do not mention other booking sites (for example Expedia, Booking.com, TUI)": the names given are banned.
    if (d.polarity === -1 && d.dimension === "disclosure") {
      for (const name of bannedNames(d.sentence)) {
        const at = matchOf(text, wholeWord(name));
        if (!at) continue;
        add("disclosure", d, `the name ${name}`, at);
        break;
      }
    }
    textShapeViolation(text, d, add);
    if (d.dimension === "persona" && d.polarity === 1) {
      const other = SELF_INTRODUCTION.exec(text);
      // A self-introduction ("I'm Sam") or a sign-off ("— Sam").
      const name = other?.[1] ?? other?.[2];
      if (other && name && name.toLowerCase() !== d.value.split(" ")[0]) add("persona", d, `the name ${name}`, nameOf(other));
    }
  }
  return found;
}

/** A rule about the first or last message of a conversation, not about every reply. */
const ONE_MESSAGE = /\b(?:conversations?|chats?|sessions?|calls?|threads?|first (?:message|reply|response|turn)|last (?:message|reply|response|turn)|final (?:message|reply|response|turn))\b/i;
/** "P.S.", "P. S.", "P.P.S." anywhere, or "PS:" opening a line. */
const POSTSCRIPT = /(?<![\p{L}\p{N}])p\.\s?(?:p\.\s?)?s\.(?![\p{L}\p{N}])|^[ \t]*ps:/imu;
const TITLE = /<<[^<>\n]+>>/;

/** Lower-cased letters and digits with one space between words: "Hi there!" and "hi, there" compare equal. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * The constraints a reply's own characters show (the IFEval kinds): letter case, commas, an opening or closing
 * phrase, a postscript, quotation marks around the whole reply, a title in double angular brackets. A rule
 * narrowed to something ("write headings in lowercase") or about one message of a conversation is left out.
 */
function textShapeViolation(text: string, d: Directive, add: (kind: Dimension, instruction: Directive, detail: string, evidence?: Range) => void): void {
  if (d.qualifier || d.focus) return;
  const reply = stripFence(text);
  if (d.dimension === "case" && d.polarity === 1 && (d.value === "lower" || d.value === "upper")) {
    const wrong = d.value === "lower" ? /\p{Lu}/u : /\p{Ll}/u;
    const at = matchOf(text, wrong);
    if (at) add("case", d, d.value === "lower" ? "capital letters" : "lower-case letters", at);
  } else if (d.dimension === "commas" && d.polarity === -1) {
    const at = matchOf(text, /,/);
    if (at) add("commas", d, "a comma", at);
  } else if ((d.dimension === "start" || d.dimension === "end") && d.polarity === 1 && d.literal && !ONE_MESSAGE.test(d.sentence)) {
    const phrase = comparable(d.literal);
    const written = comparable(reply);
    if (phrase === "" || written === "") return;
    if (d.dimension === "start" && !written.startsWith(phrase)) add("start", d, "a different opening");
    if (d.dimension === "end" && !written.endsWith(phrase)) add("end", d, "a different ending");
  } else if (d.dimension === "postscript") {
    const at = matchOf(text, POSTSCRIPT);
    if (d.polarity === 1 && !at) add("postscript", d, "no postscript");
    if (d.polarity === -1 && at) add("postscript", d, "a postscript", at);
  } else if (d.dimension === "quotes" && d.polarity === 1 && d.value === "double") {
    const trimmed = reply.trim();
    if (!/^["\u201c][\s\S]*["\u201d]$/.test(trimmed) || trimmed.length < 2) add("quotes", d, "no double quotation marks around it");
  } else if (d.dimension === "title" && d.polarity === 1 && !TITLE.test(text)) {
    add("title", d, "no title in <<double angular brackets>>");
  }
}

/**
 * Where a violation in the document's own text is reported: the offending part of the reply (the list, the emoji,
 * the code block) when the reply's text is the source as written from the start of its range; else the whole
 * reply (a JSON string with escapes, for one). Undefined for a reply in an attached file.
 */
export function reportedRange(source: string, violation: ExampleViolation): Range | undefined {
  const { output, evidence } = violation;
  if (!output.range) return undefined;
  if (!evidence) return output.range;
  const start = output.range[0] + evidence[0];
  const end = output.range[0] + evidence[1];
  return end <= output.range[1] && source.slice(start, end) === output.text.slice(evidence[0], evidence[1]) ? [start, end] : output.range;
}

/** Every example output (in the document and in attached example files) checked against the document's rules. */
export async function checkExamples(document: PromptDocument): Promise<ExampleViolation[]> {
  const outputs = documentExampleOutputs(document);
  // An attached file is read only inside the prompt's repository (outside one, its folder), as composition is.
  const root = defaultComposeRoot(document.path);
  for (const name of attachedExampleFiles(document)) {
    const file = resolve(dirname(document.path), name);
    if (withinRoots(file, [root])) outputs.push(...(await readAttachedOutputs(file)));
  }
  if (outputs.length === 0) return [];
  // A tool's definition written into the prompt (`<function>{"description": …}`) tells how to use that tool and
  // what it produces, not how a reply looks.
  const directives = checkDocument(document).directives.filter((d) => !inToolDefinition(document.source, d.range[0]));
  if (directives.length === 0) return [];
  return outputs.flatMap((o) => violationsOf(o, directives).map((v) => ({ ...v, instruction: inRecordOf(document, v.instruction, o) })));
}

const TOOL_DEFINITION_LINE = /^\s*(?:<(?:function|tool)\b[^>]*>\s*)?\{\s*"(?:description|name|type|parameters)"\s*:/;

/** Whether `offset` lies on a line that holds a tool's JSON definition. */
function inToolDefinition(source: string, offset: number): boolean {
  const start = source.lastIndexOf("\n", offset - 1) + 1;
  return TOOL_DEFINITION_LINE.test(source.slice(start, Math.min(source.length, start + 200)));
}

/**
 * JSONL records repeat one system message and the rules are read from its first copy; a violation in record k is
 * shown against record k's own copy.
 */
function inRecordOf(document: PromptDocument, instruction: Directive, output: ExampleOutput): Directive {
  if (output.example === undefined) return instruction;
  const first = document.segments.find((s) => s.role === "system" && s.range[0] <= instruction.range[0] && instruction.range[1] <= s.range[1]);
  if (!first || first.example === output.example) return instruction;
  const own = document.segments.find((s) => s.role === "system" && s.example === output.example && s.text === first.text);
  if (!own) return instruction;
  const delta = own.range[0] - first.range[0];
  return { ...instruction, range: [instruction.range[0] + delta, instruction.range[1] + delta] };
}
