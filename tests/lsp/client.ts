/**
 * A real language client for the tests: starts `promptvet lsp --stdio` (the built bundle, as editors run it) and
 * speaks JSON-RPC to it over its standard input and output with vscode-jsonrpc.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type {
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver";
import { PROMPTVET_BIN } from "../e2e/repo.js";

export const uriOf = (file: string): string => pathToFileURL(file).href;

interface Waiter {
  uri: string;
  version?: number;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly connection: MessageConnection;
  /** Every publishDiagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every window/showMessage and log message, to check what the server said. */
  readonly messages: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  /** What the server gets when it asks for `workspace/configuration`. */
  settings: Record<string, unknown> = {};
  private waiters: Waiter[] = [];
  private stderr = "";

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || (w.version !== undefined && params.version !== w.version)) return true;
        w.resolve(params);
        return false;
      });
    });
    this.connection.onNotification("window/showMessage", (p: { message: string }) => {
      this.messages.push(p.message);
    });
    this.connection.onNotification("window/logMessage", (p: { message: string }) => {
      this.messages.push(p.message);
    });
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/showMessageRequest", (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.listen();
  }

  /** `bin`: the launcher to run (an installed copy's `node_modules/promptvet/bin/promptvet.js`); default this checkout's. */
  static start(cwd: string, env: NodeJS.ProcessEnv = {}, bin = PROMPTVET_BIN): LspClient {
    const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { cwd, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    return new LspClient(child);
  }

  async initialize(folders: string[], options: { initializationOptions?: unknown; configuration?: boolean } = {}): Promise<InitializeResult> {
    const result = (await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f, i) => ({ uri: uriOf(f), name: `folder${i}` })),
      initializationOptions: options.initializationOptions,
      capabilities: {
        general: { positionEncodings: ["utf-16"] },
        workspace: {
          configuration: options.configuration ?? false,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } },
          hover: { contentFormat: ["markdown", "plaintext"] },
        },
      },
    })) as InitializeResult;
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` (for `version`, when given). */
  diagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async open(file: string, text: string, languageId = "markdown"): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    const published = this.diagnostics(uri, 1);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    return (await published).diagnostics;
  }

  /** Sends edits (whole text or ranges) and resolves with the diagnostics of the new version. */
  async change(file: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    const version = this.sendChange(uri, changes);
    return (await this.diagnostics(uri, version)).diagnostics;
  }

  /** Sends edits without waiting; returns the new version. */
  sendChange(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const current = this.documents.get(uri)!;
    const next = TextDocument.update(current, changes, current.version + 1);
    this.documents.set(uri, next);
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  text(file: string): string {
    return this.documents.get(uriOf(file))!.getText();
  }

  async close(file: string): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    const published = this.diagnostics(uri);
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    this.documents.delete(uri);
    return (await published).diagnostics;
  }

  codeActions(file: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return this.connection.sendRequest("textDocument/codeAction", { textDocument: { uri: uriOf(file) }, range, context: { diagnostics, only } });
  }

  hover(file: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(file) }, position });
  }

  /** Applies a workspace edit's changes for `file` to the client's copy and tells the server, as an editor does. */
  async apply(file: string, edit: WorkspaceEdit): Promise<Diagnostic[]> {
    const edits: TextEdit[] = edit.changes?.[uriOf(file)] ?? [];
    // Edits of one workspace edit all refer to the text before it; the new text is sent whole.
    return this.change(file, [{ text: applyEdits(this.text(file), edits) }]);
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      this.child.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** Applies edits to a text (for checking code action edits without a round trip). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "markdown", 1, text), edits);
}
