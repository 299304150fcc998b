/**
 * promptvet for VS Code: starts `promptvet lsp` and leaves everything else to it (diagnostics, quick fixes,
 * fix-all on save, hovers). The server reads the `promptvet.*` settings itself.
 */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { chooseServer } from "./server-command";

/** Files that may be prompts; the server decides, from the configuration, which of them it lints. */
const PROMPT_FILES = "**/{*.md,*.mdc,*.txt,*.prompty,*.prompt,*.j2,*.jinja,*.jinja2,*.mustache,*.hbs,*.handlebars,*.jsonl,*.json,*.yaml,*.yml,.cursorrules}";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("promptvet", { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("promptvet.restartServer", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("promptvet.showOutput", () => output.show()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // Which binary runs is chosen at start; the other settings are the server's to read.
      if (event.affectsConfiguration("promptvet.path") || event.affectsConfiguration("promptvet.nodePath")) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

export function deactivate(): Promise<void> {
  return stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration("promptvet");
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
  const choice = chooseServer({ setting: settings.get<string>("path"), workspaceFolders: folders, extensionDir: context.extensionPath });
  if (!choice) {
    const message = settings.get<string>("path")
      ? `promptvet: promptvet.path (${settings.get<string>("path")}) does not exist.`
      : "promptvet: no promptvet found in the workspace (npm install --save-dev promptvet) or in the extension.";
    output.appendLine(message);
    void vscode.window.showWarningMessage(message);
    return;
  }
  output.appendLine(`Starting ${choice.launcher} (${choice.origin}).`);
  const nodePath = settings.get<string>("nodePath")?.trim() || undefined;
  const run = { module: choice.launcher, args: ["lsp"], transport: TransportKind.stdio, runtime: nodePath };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", pattern: PROMPT_FILES }],
    outputChannel: output,
  };
  client = new LanguageClient("promptvet", "promptvet", serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
