/**
 * `promptvet lsp`: the language server over standard input and output. Built as its own bundle (dist/lsp.cjs)
 * and loaded only by this command, so a lint run or `promptvet --version` never pays for it.
 */
import { createConnection } from "vscode-languageserver/node";
import { startServer } from "./server.js";

export interface LanguageServerIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Serves until the client ends the session (the connection library exits the process then). */
export function runLanguageServer(io: LanguageServerIO): Promise<number> {
  // Standard output carries the protocol: anything a rule or plugin logs goes to standard error instead.
  const toStderr = (...args: unknown[]) => io.stderr.write(`${args.map(String).join(" ")}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  const connection = createConnection(io.stdin, io.stdout);
  startServer(connection);
  return new Promise<number>((resolve) => connection.onExit(() => resolve(0)));
}
