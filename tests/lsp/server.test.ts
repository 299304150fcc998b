/**
 * The language server over its real transport: a JSON-RPC client starts `promptvet lsp --stdio`, opens, edits
 * and closes documents, and checks what comes back — exact ranges, edits applied to the text, hovers, reloads.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver";
import { PROJECT_ROOT } from "../e2e/repo.js";
import { applyEdits, LspClient, uriOf } from "./client.js";

const CONFIG = `files: ["prompts/**"]\nnow: "2026-01-01"\n`;

// Written so that each finding's place can be computed from the text itself.
const SUPPORT = [
  "---",
  "model: gpt-4o",
  "---",
  "# Support assistant",
  "",
  "Always answer in English.",
  "Never answer in English.",
  "Write 📧 to maria.lopez84@gmail.com for refunds.",
  "Hello {{customer_name}}, how\u200b can I help?",
  "",
].join("\n");

function workspace(files: Record<string, string>): { dir: string; file: (rel: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-lsp-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return { dir, file: (rel) => path.join(dir, rel), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 0-based line and UTF-16 character of the first `needle` in `text`. */
function at(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  if (offset === -1) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function span(text: string, needle: string) {
  const start = at(text, needle);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

const byRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

describe("promptvet lsp", () => {
  let ws: ReturnType<typeof workspace>;
  let client: LspClient;

  beforeAll(async () => {
    ws = workspace({ "promptvet.config.yaml": CONFIG, "prompts/support.md": SUPPORT, "notes/todo.md": "Write to maria.lopez84@gmail.com\n" });
    client = LspClient.start(ws.dir);
    const init = await client.initialize([ws.dir]);
    expect(init.capabilities.positionEncoding).toBe("utf-16");
    expect(init.capabilities.hoverProvider).toBe(true);
  });

  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    ws.cleanup();
  });

  it("publishes the findings of an open document with exact ranges, rule codes, docs links and related locations", async () => {
    const file = ws.file("prompts/support.md");
    const diagnostics = await client.open(file, SUPPORT);

    const email = byRule(diagnostics, "pii/email");
    expect(email).toHaveLength(1);
    // After a two-code-unit emoji: UTF-16 characters, as the protocol counts them.
    expect(email[0]!.range).toEqual(span(SUPPORT, "maria.lopez84@gmail.com"));
    expect(email[0]!.severity).toBe(1);
    expect(email[0]!.source).toBe("promptvet");
    expect(email[0]!.codeDescription?.href).toMatch(/\/rules\/pii\/email\.md$/);

    const invisible = byRule(diagnostics, "hygiene/invisible-characters");
    expect(invisible.map((d) => d.range)).toEqual([span(SUPPORT, "\u200b")]);

    const contradiction = byRule(diagnostics, "contradiction/instructions");
    expect(contradiction).toHaveLength(1);
    expect(contradiction[0]!.range).toEqual(span(SUPPORT, "Never answer in English."));
    expect(contradiction[0]!.relatedInformation).toEqual([
      { location: { uri: uriOf(file), range: span(SUPPORT, "Always answer in English.") }, message: expect.stringContaining("contradicts line 6") },
    ]);
    // gpt-4o's retirement is months away from `now` in the config: nothing reported about the model.
    expect(byRule(diagnostics, "model/retiring")).toEqual([]);
  });

  it("lints the edited text, not the file on disk, and publishes only the newest version after a burst of edits", async () => {
    const file = ws.file("prompts/support.md");
    const uri = uriOf(file);
    const before = client.published.length;
    // Three keystrokes in quick succession, the last one removing the email's domain.
    client.sendChange(uri, [{ range: span(SUPPORT, "for refunds"), text: "for" }]);
    client.sendChange(uri, [{ range: span(client.text(file), "for"), text: "for refunds" }]);
    const last = client.sendChange(uri, [{ range: span(client.text(file), "@gmail.com"), text: "" }]);
    const diagnostics = (await client.diagnostics(uri, last)).diagnostics;
    expect(byRule(diagnostics, "pii/email")).toEqual([]);
    expect(byRule(diagnostics, "hygiene/invisible-characters")).toHaveLength(1);
    const versions = client.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version!);
    // Never an older version after a newer one; the stale ones are skipped, not published late.
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(last);
    // Restore the text for the next tests.
    expect(byRule(await client.change(file, [{ text: SUPPORT }]), "pii/email")).toHaveLength(1);
  });

  it("offers the safe fix, the suggestion (marked as such) and a disable directive, each of which does what it says", async () => {
    const file = ws.file("prompts/support.md");
    const diagnostics = await client.change(file, [{ text: SUPPORT }]);
    const invisible = byRule(diagnostics, "hygiene/invisible-characters")[0]!;
    const actions = (await client.codeActions(file, invisible.range, [invisible]))!;
    const fix = actions.find((a) => a.title === "Fix this hygiene/invisible-characters problem")!;
    expect(fix.kind).toBe("quickfix");
    expect(fix.isPreferred).toBe(true);
    expect(fix.diagnostics).toEqual([invisible]);
    const fixed = applyEdits(SUPPORT, fix.edit!.changes![uriOf(file)]!);
    expect(fixed).toBe(SUPPORT.replace("\u200b", ""));

    const email = byRule(diagnostics, "pii/email")[0]!;
    const emailActions = (await client.codeActions(file, email.range, [email]))!;
    const suggestion = emailActions.find((a) => a.title.startsWith("Suggestion"))!;
    expect(suggestion.title).toMatch(/^Suggestion \(changes the prompt\): /);
    expect(suggestion.isPreferred).toBeUndefined();
    const redacted = applyEdits(SUPPORT, suggestion.edit!.changes![uriOf(file)]!);
    expect(redacted).toBe(SUPPORT.replace("maria.lopez84@gmail.com", "jane.doe@example.com"));

    const disable = emailActions.find((a) => a.title === "Disable pii/email for this line")!;
    const disabled = applyEdits(SUPPORT, disable.edit!.changes![uriOf(file)]!);
    expect(disabled).toBe(SUPPORT.replace("Write 📧", "<!-- promptvet-disable-next-line pii/email -- <reason> -->\nWrite 📧"));
    // Applied through the editor, the directive silences the finding and nothing else.
    const after = await client.apply(file, disable.edit!);
    expect(byRule(after, "pii/email")).toEqual([]);
    expect(byRule(after, "hygiene/invisible-characters")).toHaveLength(1);

    // Once the address is gone, the directive silences nothing: it is reported, and removed with its line.
    const withoutAddress = await client.change(file, [{ range: span(client.text(file), "maria.lopez84@gmail.com"), text: "jane.doe@example.com" }]);
    const unused = byRule(withoutAddress, "directives/unused");
    expect(unused).toHaveLength(1);
    const removal = (await client.codeActions(file, unused[0]!.range, unused))!.find((a) => a.title === "Remove this unused promptvet directive")!;
    await client.apply(file, removal.edit!);
    expect(client.text(file)).toBe(SUPPORT.replace("maria.lopez84@gmail.com", "jane.doe@example.com"));
    await client.change(file, [{ text: SUPPORT }]);
  });

  it("fixes every safe problem in one edit (source.fixAll.promptvet), as promptvet --fix does", async () => {
    const file = ws.file("prompts/support.md");
    const text = `${SUPPORT}Trailing tab\t\nAnd a second\u200b\u200d invisible.\n`;
    await client.change(file, [{ text }]);
    const actions = (await client.codeActions(file, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ["source.fixAll"]))!;
    expect(actions.map((a) => a.kind)).toEqual(["source.fixAll.promptvet"]);
    const fixed = applyEdits(text, actions[0]!.edit!.changes![uriOf(file)]!);
    expect(fixed).toBe(`${SUPPORT.replace("\u200b", "")}Trailing tab\nAnd a second invisible.\n`);
    const remaining = await client.apply(file, actions[0]!.edit!);
    expect(remaining.filter((d) => ["hygiene/invisible-characters", "hygiene/trailing-whitespace"].includes(String(d.code)))).toEqual([]);
    await client.change(file, [{ text: SUPPORT }]);
  });

  it("hovers a finding with its rule's summary, a variable with its tokens and the model with its window and retirement", async () => {
    const file = ws.file("prompts/support.md");
    await client.change(file, [{ text: SUPPORT }]);
    const onEmail = await client.hover(file, at(SUPPORT, "lopez84"));
    const emailText = (onEmail!.contents as { value: string }).value;
    expect(emailText).toContain("**pii/email** · error");
    expect(emailText).toContain("Reports email addresses in every segment of a prompt file");
    expect(emailText).toContain("(https://github.com/promptvet/promptvet/blob/main/rules/pii/email.md)");

    const onVariable = (await client.hover(file, at(SUPPORT, "customer_name")))!.contents as { value: string };
    expect(onVariable.value).toContain("**customer\\_name** · template variable (mustache)");
    expect(onVariable.value).toContain("counted at 20 tokens (default)");
    expect(onVariable.value).toMatch(/This prompt: \d+ tokens \(o200k_base\), <0\.1% of gpt-4o's 128,000-token context window\. gpt-4o retires on \d{4}-\d\d-\d\d/);

    const onModel = (await client.hover(file, at(SUPPORT, "gpt-4o")))!.contents as { value: string };
    expect(onModel.value).toContain("**gpt-4o** · openai");
    expect(onModel.value).toContain("Context window 128,000 tokens");
    expect(onModel.value).toMatch(/retires on \d{4}-\d\d-\d\d \(replacement: /);

    expect(await client.hover(file, at(SUPPORT, "Support assistant"))).toBeNull();
  });

  it("places findings on the editor's text when it starts with a byte order mark the engine strips", async () => {
    const text = "\uFEFFHello\u200b there\nSecond\u200b line\n";
    const diagnostics = byRule(await client.open(ws.file("prompts/bom.md"), text), "hygiene/invisible-characters");
    expect(diagnostics.map((d) => d.range)).toEqual([span(text, "\u200b"), { start: at(text, "\u200b", 8), end: { line: 1, character: 7 } }]);
    const fix = (await client.codeActions(ws.file("prompts/bom.md"), diagnostics[0]!.range, [diagnostics[0]!]))!.find((a) => a.isPreferred)!;
    expect(applyEdits(text, fix.edit!.changes![uriOf(ws.file("prompts/bom.md"))]!)).toBe(text.replace("\u200b", ""));
    await client.close(ws.file("prompts/bom.md"));
  });

  it("leaves documents the configuration does not cover alone, and clears a document's findings when it closes", async () => {
    expect(await client.open(ws.file("notes/todo.md"), "Write to maria.lopez84@gmail.com\n")).toEqual([]);
    expect(client.messages).toContain(`${ws.file("notes/todo.md")}: not linted, it matches none of the configured prompt globs (\`files\`).`);
    expect(await client.close(ws.file("notes/todo.md"))).toEqual([]);
  });

  it("reloads the configuration when the config file changes", async () => {
    const file = ws.file("prompts/support.md");
    await client.change(file, [{ text: SUPPORT }]);
    writeFileSync(ws.file("promptvet.config.yaml"), `${CONFIG}rules:\n  pii/email: off\n`);
    const republished = client.diagnostics(uriOf(file));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(ws.file("promptvet.config.yaml")), type: 2 }] });
    const after = (await republished).diagnostics;
    expect(byRule(after, "pii/email")).toEqual([]);
    expect(byRule(after, "hygiene/invisible-characters")).toHaveLength(1);

    // A broken config is shown on the document (and as a message), not swallowed.
    writeFileSync(ws.file("promptvet.config.yaml"), `${CONFIG}rules:\n  pii/emial: off\n`);
    const broken = client.diagnostics(uriOf(file));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(ws.file("promptvet.config.yaml")), type: 2 }] });
    const shown = (await broken).diagnostics;
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toMatch(/^Invalid promptvet configuration: Unknown rule "pii\/emial".*did you mean "pii\/email"/);
    expect(client.messages.some((m) => m.includes('Unknown rule "pii/emial"'))).toBe(true);

    writeFileSync(ws.file("promptvet.config.yaml"), CONFIG);
    const restored = client.diagnostics(uriOf(file));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(ws.file("promptvet.config.yaml")), type: 2 }] });
    expect(byRule((await restored).diagnostics, "pii/email")).toHaveLength(1);
  });
});

describe("promptvet lsp across files and folders", () => {
  let ws: ReturnType<typeof workspace>;
  let client: LspClient;

  beforeAll(async () => {
    ws = workspace({});
    cpSync(path.join(PROJECT_ROOT, "examples", "support-bot"), ws.file("bot/support-bot"), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, "examples", "promptvet.config.yaml"), ws.file("bot/promptvet.config.yaml"));
    // A second folder whose config turns the fork rules off.
    cpSync(path.join(PROJECT_ROOT, "examples", "support-bot"), ws.file("quiet/support-bot"), { recursive: true });
    writeFileSync(ws.file("quiet/promptvet.config.yaml"), 'files: ["**/*.md"]\nrules:\n  fork/contradiction: off\n  fork/undefined-variable: off\n');
    client = LspClient.start(ws.dir);
    await client.initialize([ws.file("bot"), ws.file("quiet")]);
  });

  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it("re-lints an open fork when its open base changes, before anything is saved", async () => {
    const base = ws.file("bot/support-bot/prompts/base.md");
    const fork = ws.file("bot/support-bot/customers/hale-legal.md");
    const { readFileSync } = await import("node:fs");
    const baseText = readFileSync(base, "utf8");
    await client.open(base, baseText);
    const forkText = readFileSync(fork, "utf8");
    const before = byRule(await client.open(fork, forkText), "fork/contradiction");
    expect(before).toHaveLength(1);
    expect(before[0]!.range).toEqual(span(forkText, "Always format the clauses you cite as a bulleted list at the end of the reply."));
    // The other side of the conflict, in the base, under the URI the client opened it with.
    expect(before[0]!.relatedInformation).toEqual([{ location: { uri: uriOf(base), range: span(baseText, "Reply in plain prose.") }, message: "The instruction it contradicts." }]);

    const relinted = client.diagnostics(uriOf(fork));
    await client.change(base, [{ range: span(baseText, "Reply in plain prose. Never use bullet lists or tables in a reply."), text: "Keep replies short." }]);
    expect(byRule((await relinted).diagnostics, "fork/contradiction")).toEqual([]);

    // Closing the unsaved base: the fork reads it from the disk again, where the conflict still is.
    const fromDisk = client.diagnostics(uriOf(fork));
    await client.close(base);
    expect(byRule((await fromDisk).diagnostics, "fork/contradiction")).toHaveLength(1);
  });

  it("re-lints an open fork when its base changes on disk, closed in the editor", async () => {
    const base = ws.file("bot/support-bot/prompts/base.md");
    const fork = ws.file("bot/support-bot/customers/hale-legal.md");
    const { readFileSync } = await import("node:fs");
    const baseText = readFileSync(base, "utf8");
    expect(byRule(await client.change(fork, [{ text: client.text(fork) }]), "fork/contradiction")).toHaveLength(1);
    writeFileSync(base, baseText.replace("Reply in plain prose. Never use bullet lists or tables in a reply.", "Keep replies short."));
    const relinted = client.diagnostics(uriOf(fork));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(base), type: 2 }] });
    expect(byRule((await relinted).diagnostics, "fork/contradiction")).toEqual([]);
    writeFileSync(base, baseText);
  });

  it("stops linting when the editor turns promptvet off, and starts again when it turns it on", async () => {
    const fork = ws.file("bot/support-bot/customers/hale-legal.md");
    const cleared = client.diagnostics(uriOf(fork));
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { promptvet: { enable: false } } });
    expect((await cleared).diagnostics).toEqual([]);
    const back = client.diagnostics(uriOf(fork));
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { promptvet: { enable: true } } });
    expect((await back).diagnostics.length).toBeGreaterThan(0);
  });

  it("reads no base outside the repository or the config's folder, as the command line does not", async () => {
    writeFileSync(ws.file("outside.md"), "# Outside\n\nReply in plain prose.\n");
    const fork = ws.file("bot/support-bot/customers/escaping.md");
    const text = "---\nextends: ../../../outside.md\n---\n\n## More\n\nAlways use bulleted lists.\n";
    const diagnostics = await client.open(fork, text);
    const unresolved = byRule(diagnostics, "fork/unresolved");
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toMatch(/^Unexpected base prompt "..\/..\/..\/outside.md" \(extends\) outside the root /);
    expect(byRule(diagnostics, "fork/contradiction")).toEqual([]);
    await client.close(fork);
  });

  it("resolves each workspace folder's own configuration", async () => {
    const fork = ws.file("quiet/support-bot/customers/hale-legal.md");
    const { readFileSync } = await import("node:fs");
    const diagnostics = await client.open(fork, readFileSync(fork, "utf8"));
    expect(byRule(diagnostics, "fork/contradiction")).toEqual([]);
    expect(byRule(diagnostics, "fork/undefined-variable")).toEqual([]);
  });
});
