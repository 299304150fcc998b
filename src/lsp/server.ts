/**
 * The language server: lints the text of open documents as the user types and publishes the findings, offers
 * fixes, suggestions and disable directives as code actions, and explains findings, template variables and
 * models on hover. Everything the engine is asked goes through `lintText`.
 */
import type { RuleSet } from "../config/rule-set.js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { readWorkingTreeFile } from "../compose/read.js";
import { CONFIG_FILE_NAMES } from "../config/load.js";
import { lintText, type LintTextOutcome } from "../engine/lint-text.js";
import type { LintMessage } from "../engine/types.js";
import type { PromptDocument } from "../model/document.js";
import { VERSION } from "../version.js";
import { BaseSources } from "./base-source.js";
import { codeActions, FIX_ALL_KIND, type LintedText } from "./code-actions.js";
import { toDiagnostic } from "./diagnostics.js";
import { Engines, type Engine } from "./engines.js";
import { hoverAt } from "./hover.js";
import { sourceOffsetAt, type SourceFrame } from "./positions.js";
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from "./settings.js";

/** The result of the last lint of an open document. */
interface LintState {
  version: number;
  filePath: string;
  engine: Engine;
  /** What was published (empty for a document the configuration does not cover). */
  messages: LintMessage[];
  /** The parsed document, when it was linted. */
  document?: PromptDocument;
  /** The resolved config settings of the file (models, budgets). */
  settings: Readonly<Record<string, unknown>>;
  frame: SourceFrame;
  /** Files the rules read (bases, partials): a change to one of them re-lints this document. */
  reads: ReadonlySet<string>;
  /** The rules that exist for this file (built-ins and its config's plugins), once its config is known. */
  ruleSet?: RuleSet;
}

/** Names whose change means the configuration may have changed. */
const CONFIG_NAMES = new Set([...CONFIG_FILE_NAMES, "package.json"]);

/** Files the server watches: configs, and the prompt files a composed prompt may read. */
const WATCHED_GLOBS = [
  "**/promptvet.config.{yaml,yml,json,mjs,js}",
  "**/package.json",
  "**/*.{md,mdc,txt,prompty,prompt,j2,jinja,jinja2,mustache,hbs,handlebars,jsonl,json,yaml,yml}",
  "**/.cursorrules",
];

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let supportsConfigurationRequests = false;
  let supportsWatchedFileRegistration = false;
  let supportsWorkspaceFolders = false;
  const engines = new Engines(undefined);
  const bases = new BaseSources();
  const states = new Map<string, LintState>();
  const pathToUri = new Map<string, string>();
  const reportedConfigErrors = new Set<string>();
  const explainedSkips = new Set<string>();

  // --- what is linted, when ------------------------------------------------------------------------------

  const timers = new Map<string, NodeJS.Timeout>();
  const queued = new Map<string, Promise<LintState | undefined>>();
  let running: Promise<unknown> = Promise.resolve();

  /** Lints `uri` after the typing pause (`lintDelay`); a newer change restarts the wait. */
  function schedule(uri: string, delay = settings.lintDelay): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void enqueue(uri).catch((error) => connection.console.error(`promptvet: ${(error as Error).stack ?? error}`));
    }, delay));
  }

  /**
   * Lints `uri` once every lint queued before it is done: one lint at a time, so a burst of edits never has
   * several lints of stale text competing for the CPU. A document queued twice is linted once, with the text it
   * has when its turn comes.
   */
  function enqueue(uri: string): Promise<LintState | undefined> {
    const pending = queued.get(uri);
    if (pending) return pending;
    const run = running.then(() => {
      queued.delete(uri);
      return lintAndPublish(uri);
    });
    queued.set(uri, run);
    running = run.catch(() => undefined);
    return run;
  }

  /** The lint of the document's current version: the last one when it is fresh, else a new one. */
  async function freshState(uri: string): Promise<LintState | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = states.get(uri);
    if (state && state.version === document.version) return state;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    return enqueue(uri);
  }

  async function lintAndPublish(uri: string): Promise<LintState | undefined> {
    const document = documents.get(uri);
    const filePath = document && !isDisabled() ? fileOf(uri) : undefined;
    if (!document || !filePath) return undefined;
    const version = document.version;
    const state = await lint(document, filePath);
    // A newer version arrived while this one was linted: its own lint is on the way, this result is stale.
    if (documents.get(uri)?.version !== version) return undefined;
    states.set(uri, state);
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(uri, state) });
    return state;
  }

  async function lint(document: TextDocument, filePath: string, text = document.getText()): Promise<LintState> {
    const engine = engines.forFile(filePath);
    const { baseRef, baseSource } = bases.reader(filePath);
    const frame: SourceFrame = { bomShift: text.charCodeAt(0) === 0xfeff ? 1 : 0 };
    const state = { version: document.version, filePath, engine, frame, messages: [] as LintMessage[], settings: {}, reads: new Set<string>() };
    let outcome: LintTextOutcome;
    try {
      outcome = await lintText({
        path: filePath,
        text,
        resolver: engine.resolver,
        readFile: readOpenOrDisk,
        baseRef,
        baseSource,
      });
    } catch (error) {
      if ((error as Error).name !== "ConfigError") throw error;
      return { ...state, messages: [configErrorMessage(error as Error)] };
    }
    if (outcome.kind === "skipped") {
      // Said once per file, so a user wondering why a file shows nothing finds the answer in the log.
      if (!explainedSkips.has(filePath)) {
        explainedSkips.add(filePath);
        connection.console.log(`${filePath}: not linted, ${outcome.reason === "ignored" ? "it matches an ignore pattern" : "it matches none of the configured prompt globs (`files`)"}.`);
      }
      return { ...state, settings: outcome.config.settings, ruleSet: outcome.config.ruleSet };
    }
    return { ...state, messages: outcome.messages, document: outcome.document, settings: outcome.config.settings, reads: outcome.reads, ruleSet: outcome.config.ruleSet };
  }

  /** An invalid configuration is shown on every document it governs, and once as a message. */
  function configErrorMessage(error: Error): LintMessage {
    if (!reportedConfigErrors.has(error.message)) {
      reportedConfigErrors.add(error.message);
      void connection.window.showErrorMessage(`promptvet: ${error.message}`);
    }
    return { ruleId: null, severity: 2, message: `Invalid promptvet configuration: ${error.message}`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
  }

  /** Bases and partials as the editor holds them: an unsaved base counts, as the user sees it. */
  async function readOpenOrDisk(filePath: string): Promise<string | undefined> {
    const uri = pathToUri.get(path.resolve(filePath));
    const open = uri ? documents.get(uri) : undefined;
    return open ? open.getText() : readWorkingTreeFile(filePath);
  }

  function diagnosticsOf(uri: string, state: LintState): Diagnostic[] {
    return state.messages.map((m) =>
      toDiagnostic(m, {
        filePath: state.filePath,
        uri,
        frame: state.frame,
        meta: (id) => (state.ruleSet ?? state.engine.registry.builtins).get(id)?.meta,
        uriFor: (p) => pathToUri.get(p),
      }),
    );
  }

  /** Open documents whose last lint read `filePath` (forks of a base, prompts that include a partial). */
  function dependentsOf(filePath: string): string[] {
    const out: string[] = [];
    for (const [uri, state] of states) if (state.reads.has(filePath) && documents.get(uri)) out.push(uri);
    return out;
  }

  function relintAll(): void {
    reportedConfigErrors.clear();
    explainedSkips.clear();
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  function isDisabled(): boolean {
    return !settings.enable;
  }

  // --- protocol ------------------------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    supportsConfigurationRequests = !!capabilities.workspace?.configuration;
    supportsWatchedFileRegistration = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    supportsWorkspaceFolders = !!capabilities.workspace?.workspaceFolders;
    settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
    engines.setExplicitConfig(settings.configFile);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    engines.setFolders(folders.map(fileOf).filter((f): f is string => !!f));
    return {
      serverInfo: { name: "promptvet", version: VERSION },
      capabilities: {
        positionEncoding: "utf-16",
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  connection.onInitialized(async () => {
    if (supportsWatchedFileRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (supportsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        engines.setFolders(folders.map((f) => fileOf(f.uri)).filter((f): f is string => !!f));
        relintAll();
      });
    }
    // Documents opened before the editor's settings arrived were linted with the defaults.
    if (supportsConfigurationRequests && (await refreshSettings(undefined))) relintAll();
  });

  /** Reads the editor's settings; true when they changed. */
  async function refreshSettings(pushed: unknown): Promise<boolean> {
    let raw = pushed;
    if (supportsConfigurationRequests) {
      try {
        [raw] = await connection.workspace.getConfiguration([{ section: "promptvet" }]);
      } catch {
        // A client that announced the request but cannot answer it: keep what was pushed.
      }
    }
    const previous = settings;
    const next = readSettings(raw, settings);
    const wasEnabled = settings.enable;
    settings = next;
    engines.setExplicitConfig(settings.configFile);
    if (wasEnabled && !settings.enable) for (const document of documents.all()) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    return JSON.stringify(next) !== JSON.stringify(previous);
  }

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | undefined)?.promptvet;
    await refreshSettings(pushed);
    engines.reset();
    relintAll();
  });

  // The document manager fires a content change right after each open; the open is linted at once instead.
  const justOpened = new Set<string>();

  documents.onDidOpen((event) => {
    const filePath = fileOf(event.document.uri);
    if (filePath) pathToUri.set(filePath, event.document.uri);
    justOpened.add(event.document.uri);
    schedule(event.document.uri, 0);
  });

  documents.onDidChangeContent((event) => {
    if (justOpened.delete(event.document.uri)) return;
    if (settings.run === "onType") schedule(event.document.uri);
    const filePath = fileOf(event.document.uri);
    if (filePath) for (const uri of dependentsOf(filePath)) if (uri !== event.document.uri) schedule(uri);
  });

  documents.onDidSave((event) => {
    if (settings.run === "onSave") schedule(event.document.uri, 0);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    justOpened.delete(uri);
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    states.delete(uri);
    const filePath = fileOf(uri);
    if (filePath) {
      pathToUri.delete(filePath);
      // Its dependents read it from the disk from now on, which may differ from the closed buffer.
      for (const dependent of dependentsOf(filePath)) schedule(dependent, 0);
    }
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles((params) => {
    let reload = false;
    const touched = new Set<string>();
    for (const change of params.changes) {
      const filePath = fileOf(change.uri);
      if (!filePath) continue;
      if (CONFIG_NAMES.has(path.basename(filePath)) || (settings.configFile && path.resolve(filePath) === path.resolve(settings.configFile))) reload = true;
      // An open file that changed on disk still counts as the editor holds it; any other change (a base saved
      // by another program, a partial created or deleted) changes what its dependents read.
      if (change.type !== FileChangeType.Changed || !pathToUri.has(filePath)) for (const uri of dependentsOf(filePath)) touched.add(uri);
    }
    if (reload) {
      engines.reset();
      relintAll();
      return;
    }
    for (const uri of touched) schedule(uri, 0);
  });

  connection.onCodeAction(async (params, token: CancellationToken) => {
    const state = await freshState(params.textDocument.uri);
    const textDocument = documents.get(params.textDocument.uri);
    if (!state?.document || !textDocument || token.isCancellationRequested || textDocument.version !== state.version) return null;
    const linted: LintedText = { uri: params.textDocument.uri, textDocument, document: state.document, messages: state.messages, frame: state.frame };
    const relint = async (source: string) => (await lint(textDocument, state.filePath, state.frame.bomShift ? `\uFEFF${source}` : source)).messages;
    return codeActions(linted, { range: params.range, only: params.context.only, diagnostics: params.context.diagnostics }, relint);
  });

  connection.onHover(async (params, token: CancellationToken) => {
    const state = await freshState(params.textDocument.uri);
    const textDocument = documents.get(params.textDocument.uri);
    if (!state?.document || !textDocument || token.isCancellationRequested || textDocument.version !== state.version) return null;
    const offset = sourceOffsetAt(textDocument, params.position, state.frame);
    const contents = await hoverAt(
      {
        document: state.document,
        messages: state.messages,
        settings: state.settings,
        frame: state.frame,
        meta: (id) => (state.ruleSet ?? state.engine.registry.builtins).get(id)?.meta,
      },
      params.position,
      offset,
    );
    if (!contents || token.isCancellationRequested) return null;
    return { contents };
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    bases.close();
  });

  documents.listen(connection);
  connection.listen();
}

/** The absolute path of a `file:` URI; undefined for other schemes (untitled buffers, remote files). */
function fileOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
