/**
 * Prompt and few-shot data files (JSONL, JSON, YAML) share one interpretation over a small node adapter:
 * chat records (`messages`/`contents`/`conversations`), `{prompt, completion}`-style pairs, prompt objects
 * with `system`/`prompt`/`template`/`instructions` fields, `examples:` lists and promptfoo `prompts:`.
 * Every string becomes a decoded segment whose map undoes the escapes of its source.
 */
import type { ChatMessage, DataRecord, FewShotExample, Range, SegmentRole } from "../model/document.js";
import type { DocumentBuilder } from "./builder.js";
import type { DecodedString } from "./json-string.js";

export interface DataAdapter<N> {
  kind(node: N): "object" | "array" | "string" | "other";
  range(node: N): Range;
  entries(node: N): { key: string; keyRange: Range; value: N }[];
  items(node: N): N[];
  decode(node: N): DecodedString;
  value(node: N): unknown;
}

const CHAT_KEYS = ["messages", "contents", "conversations", "conversation", "turns", "chat"];
const RECORD_LIST_KEYS = ["examples", "samples", "shots", "fewshot", "few_shot", "few_shots", "data", "records", "dataset", "items", "conversations_list"];
const PAIRS: [string, string][] = [
  ["prompt", "completion"], ["input", "output"], ["question", "answer"], ["query", "response"], ["instruction", "output"],
  ["user", "assistant"], ["prompt", "response"], ["input", "expected_output"], ["input", "target"], ["text", "label"],
];
const FIELD_ROLES: Record<string, SegmentRole> = {
  system: "system", system_prompt: "system", systemprompt: "system", instructions: "system", instruction: "system",
  template: "system", preamble: "system", context: "system", developer: "system", persona: "system",
  prompt: "user", user: "user", user_prompt: "user", input: "user", question: "user", query: "user", message: "user", text: "user",
  assistant: "assistant", completion: "assistant", output: "assistant", answer: "assistant", response: "assistant",
};
const CHAT_ROLES: Record<string, SegmentRole> = {
  system: "system", developer: "system", user: "user", human: "user", assistant: "assistant", model: "assistant",
  ai: "assistant", gpt: "assistant", bot: "assistant", tool: "tool", function: "tool", ipython: "tool", observation: "tool",
};
/** Strings at least this long that contain a space count as prose when their key says nothing. */
const MIN_PROSE_LENGTH = 16;

/**
 * Keys whose short values are personal data ("phone: 33 1290 4471", "fecha_nac: 1996-01-13", "first_name: Ana"):
 * such a value is a segment however short, so the PII rules read it with its key as a label. A bare `name` counts
 * only under a person (`customer: {name: …}`): elsewhere it names a prompt, an agent or a tool.
 */
const PERSONAL_KEY =
  /(?:^| )(?:first name|last name|full name|given name|family name|middle name|surname|forename|nombre|apellidos?|nome|cognome|imi[eę]|nazwisko|vorname|nachname|phone|phone number|tel|telephone|tel[eé]fono|telefone|telefon|telefoon|mobile|mobil|m[oó]vil|celular|cellulare|portable|cell|handy|e ?mail|correo|dob|d o b|date of birth|birth ?date|birthday|born|geburtsdatum|fecha nac(?:imiento)?|data (?:de )?nascimento|data di nascita|date de naissance|address|street|strasse|straße|calle|direcci[oó]n|rua|endere[cç]o|indirizzo|adresse|postcode|zip|ssn|iban)$/;
const PERSON_KEY =
  /(?:^| )(?:customer|client|patient|guest|user|contact|applicant|employee|member|person|passenger|recipient|sender|caller|student|tenant|buyer|seller|owner|driver|candidate|kin|parent|child|spouse|partner|kontakt|kunde|cliente)s?$/;

/** A key as words: `fecha_nac` → "fecha nac", `firstName` → "first name". */
function keyWords(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_\s.-]+/g, " ").trim().toLowerCase();
}

/** Whether the last key of `pointer` holds personal data (see PERSONAL_KEY). */
function isPersonalField(pointer: string): boolean {
  const keys = pointer.split("/").filter((k) => k !== "" && !/^\d+$/.test(k));
  const key = keyWords(keys[keys.length - 1] ?? "");
  if (PERSONAL_KEY.test(key)) return true;
  return key === "name" && keys.length > 1 && PERSON_KEY.test(keyWords(keys[keys.length - 2]!));
}

function pointerKey(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export class DataInterpreter<N> {
  constructor(
    private readonly builder: DocumentBuilder,
    private readonly ad: DataAdapter<N>,
  ) {}

  private get records(): DataRecord[] {
    return (this.builder.records ??= []);
  }

  /** Entries by lower-cased key, built once per object node (records are probed for many key names). */
  private readonly keyed = new WeakMap<object, Map<string, { key: string; keyRange: Range; value: N }>>();

  private entry(node: N, names: readonly string[]): { key: string; keyRange: Range; value: N } | undefined {
    if (this.ad.kind(node) !== "object") return undefined;
    let map = this.keyed.get(node as object);
    if (!map) {
      map = new Map();
      for (const e of this.ad.entries(node)) {
        const lower = e.key.toLowerCase();
        if (!map.has(lower)) map.set(lower, e);
      }
      this.keyed.set(node as object, map);
    }
    for (const name of names) {
      const found = map.get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** A whole JSON/YAML document. */
  root(node: N, pointer = ""): void {
    const kind = this.ad.kind(node);
    if (kind === "array") {
      this.ad.items(node).forEach((item, i) => this.record(item, this.records.length, `${pointer}/${i}`));
      return;
    }
    if (kind === "string") {
      this.strings(node, pointer, "system");
      return;
    }
    if (kind !== "object") return;
    // `{"messages": [...]}` is one chat record; its other keys (a `system:` string, `examples:`) still count.
    const chat = this.entry(node, CHAT_KEYS);
    if (chat && this.ad.kind(chat.value) === "array") this.record(node, this.records.length, pointer);
    for (const e of this.ad.entries(node)) {
      if (chat && e.key === chat.key && this.ad.kind(chat.value) === "array") continue;
      const lower = e.key.toLowerCase();
      const childPointer = `${pointer}/${pointerKey(e.key)}`;
      if (RECORD_LIST_KEYS.includes(lower) && this.ad.kind(e.value) === "array") {
        this.ad.items(e.value).forEach((item, i) => this.record(item, this.records.length, `${childPointer}/${i}`));
      } else if ((lower === "prompts" || lower === "tests") && this.ad.kind(e.value) === "array") {
        this.ad.items(e.value).forEach((item, i) => {
          const p = `${childPointer}/${i}`;
          if (this.ad.kind(item) === "string") {
            const text = this.ad.decode(item).text;
            if (!text.startsWith("file://")) this.strings(item, p, "user", true);
          } else this.strings(item, p, "user");
        });
      } else {
        this.strings(e.value, childPointer, FIELD_ROLES[lower] ?? "system", FIELD_ROLES[lower] !== undefined);
      }
    }
  }

  /** One record (JSONL line, array item, `examples:` entry). */
  record(node: N, index: number, pointer: string, error?: { message: string; range: Range }): DataRecord {
    const record: DataRecord = { index, range: this.ad.range(node), value: error ? undefined : safeValue(() => this.ad.value(node)) };
    if (error) record.error = error;
    this.records.push(record);
    if (error || this.ad.kind(node) !== "object") {
      if (!error) this.strings(node, pointer, "user");
      return record;
    }
    const chat = this.entry(node, CHAT_KEYS);
    if (chat && this.ad.kind(chat.value) === "array") {
      this.chat(record, chat.value, `${pointer}/${pointerKey(chat.key)}`);
      return record;
    }
    for (const [inKey, outKey] of PAIRS) {
      const input = this.entry(node, [inKey]);
      const output = this.entry(node, [outKey]);
      if (!input || !output) continue;
      const example: FewShotExample = { range: record.range, inputs: [], outputs: [], origin: "record" };
      const exampleIndex = this.builder.examples.length;
      this.builder.examples.push(example);
      example.inputs = this.strings(input.value, `${pointer}/${pointerKey(input.key)}`, "example-input", true, exampleIndex);
      example.outputs = this.strings(output.value, `${pointer}/${pointerKey(output.key)}`, "example-output", true, exampleIndex);
      if (example.inputs[0] !== undefined) record.prompt = example.inputs[0];
      if (example.outputs[0] !== undefined) record.completion = example.outputs[0];
      for (const e of this.ad.entries(node)) {
        if (e.key === input.key || e.key === output.key) continue;
        this.strings(e.value, `${pointer}/${pointerKey(e.key)}`, FIELD_ROLES[e.key.toLowerCase()] ?? "example-input", false, exampleIndex, example.inputs);
      }
      return record;
    }
    for (const e of this.ad.entries(node)) {
      const role = FIELD_ROLES[e.key.toLowerCase()];
      this.strings(e.value, `${pointer}/${pointerKey(e.key)}`, role ?? "user", role !== undefined);
    }
    return record;
  }

  private chat(record: DataRecord, list: N, pointer: string): void {
    const messages: ChatMessage[] = [];
    record.messages = messages;
    const example: FewShotExample = { range: record.range, inputs: [], outputs: [], origin: "record" };
    const exampleIndex = this.builder.examples.length;
    this.builder.examples.push(example);
    this.ad.items(list).forEach((item, i) => {
      const itemPointer = `${pointer}/${i}`;
      const message: ChatMessage = { role: "", range: this.ad.range(item), content: undefined };
      messages.push(message);
      if (this.ad.kind(item) !== "object") {
        message.content = safeValue(() => this.ad.value(item));
        return;
      }
      const roleEntry = this.entry(item, ["role", "from", "author", "speaker"]);
      if (roleEntry) {
        message.roleRange = this.ad.range(roleEntry.value);
        message.role = this.ad.kind(roleEntry.value) === "string" ? this.ad.decode(roleEntry.value).text : String(safeValue(() => this.ad.value(roleEntry.value)));
      }
      const role: SegmentRole = CHAT_ROLES[message.role.toLowerCase()] ?? "user";
      const contentEntry = this.entry(item, ["content", "value", "text", "parts", "message"]);
      if (!contentEntry) return;
      message.contentRange = this.ad.range(contentEntry.value);
      const contentPointer = `${itemPointer}/${pointerKey(contentEntry.key)}`;
      const target = role === "assistant" ? example.outputs : example.inputs;
      if (this.ad.kind(contentEntry.value) === "string") {
        const decoded = this.ad.decode(contentEntry.value);
        message.content = decoded.text;
        const seg = this.addString(contentEntry.value, contentPointer, role, exampleIndex, decoded);
        if (seg !== -1) {
          message.segment = seg;
          target.push(seg);
        }
        return;
      }
      message.content = safeValue(() => this.ad.value(contentEntry.value));
      // Multi-part content: `[{type: "text", text: "..."}]` or Gemini `parts: [{text}]`.
      if (this.ad.kind(contentEntry.value) === "array") {
        this.ad.items(contentEntry.value).forEach((part, p) => {
          const text = this.entry(part, ["text"]);
          if (text && this.ad.kind(text.value) === "string") {
            const seg = this.addString(text.value, `${contentPointer}/${p}/text`, role, exampleIndex);
            if (seg !== -1) target.push(seg);
          } else if (this.ad.kind(part) === "string") {
            const seg = this.addString(part, `${contentPointer}/${p}`, role, exampleIndex);
            if (seg !== -1) target.push(seg);
          }
        });
      }
    });
  }

  /** `decoded`: the node's string when the caller has decoded it already (decoding a long string twice was measurable). */
  private addString(node: N, pointer: string, role: SegmentRole, example?: number, decoded: DecodedString = this.ad.decode(node)): number {
    if (decoded.text.length === 0) return -1;
    const extra: { path: string; example?: number } = { path: pointer };
    if (example !== undefined) extra.example = example;
    return this.builder.addDecoded(decoded.text, decoded.table, role, "value", extra);
  }

  /**
   * Strings under `node` (iterative walk). With `all`, every non-empty string becomes a segment; otherwise
   * only prose-like ones (long enough, with a space), so ids and URLs stay out. Returns segment indices.
   */
  strings(node: N, pointer: string, role: SegmentRole, all = false, example?: number, into: number[] = []): number[] {
    const stack: { node: N; pointer: string; role: SegmentRole; all: boolean }[] = [{ node, pointer, role, all }];
    while (stack.length) {
      const current = stack.pop()!;
      const kind = this.ad.kind(current.node);
      if (kind === "string") {
        const decoded = this.ad.decode(current.node);
        const proseLike = decoded.text.length >= MIN_PROSE_LENGTH && /\s/.test(decoded.text);
        if (decoded.text.trim() && (current.all || proseLike || isPersonalField(current.pointer))) {
          const seg = this.addString(current.node, current.pointer, current.role, example, decoded);
          if (seg !== -1) into.push(seg);
        }
      } else if (kind === "object") {
        const entries = this.ad.entries(current.node);
        for (let i = entries.length - 1; i >= 0; i--) {
          const e = entries[i]!;
          const named = FIELD_ROLES[e.key.toLowerCase()];
          stack.push({
            node: e.value,
            pointer: `${current.pointer}/${pointerKey(e.key)}`,
            role: named && example === undefined ? named : current.role,
            all: current.all || named !== undefined,
          });
        }
      } else if (kind === "array") {
        const items = this.ad.items(current.node);
        for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i]!, pointer: `${current.pointer}/${i}`, role: current.role, all: current.all });
      }
    }
    return into;
  }
}

function safeValue(get: () => unknown): unknown {
  try {
    return get();
  } catch {
    return undefined;
  }
}
