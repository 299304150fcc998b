/**
 * `exec`: runs a command with the request as JSON on stdin and reads the answer from stdout, so any model
 * (a local binary, a company gateway CLI, a script) can be plugged in.
 *
 * stdin:  { "model", "messages": [{ "role", "content" }], "temperature", "max_tokens" }
 * stdout: { "output": "...", "usage": { "input_tokens": n, "output_tokens": n } }  (or plain text with output: text)
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { ProviderConfig } from "../config-schema.js";
import { ProviderError, type ProviderRequest } from "../types.js";
import { DEFAULT_MAX_RESPONSE_BYTES, type RequestLimits } from "./http.js";
import type { Provider, ProviderAnswer } from "./types.js";

/** How long pipes may stay open after the command exited (a background child holding them). */
const EXIT_GRACE_MS = 200;

/** On POSIX the command leads its own process group, so a time-out ends everything it started. */
const OWN_GROUP = process.platform !== "win32";

/**
 * Ends the command and everything it started: a shell's children (and theirs) share its process group.
 * Its pipes are closed too, so a descendant that left the group cannot keep the run waiting on them.
 */
function killTree(child: ChildProcess): void {
  try {
    if (OWN_GROUP && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    else child.kill("SIGKILL");
  } catch {
    // already gone
  }
  child.stdin?.destroy();
  child.stdout?.destroy();
  child.stderr?.destroy();
}

export class ExecProvider implements Provider {
  readonly id: string;

  constructor(
    private readonly config: ProviderConfig,
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    if (!config.command || (Array.isArray(config.command) && config.command.length === 0)) {
      throw new ProviderError("config", "eval.provider.command is required for the exec provider");
    }
    this.id = `exec ${Array.isArray(config.command) ? config.command.join(" ") : config.command}`;
  }

  send(request: ProviderRequest, limits: RequestLimits): Promise<ProviderAnswer> {
    const command = this.config.command!;
    const timeoutMs = Math.max(1, Math.min(limits.timeoutMs, limits.deadline - Date.now()));
    const budgetBound = limits.deadline - Date.now() <= limits.timeoutMs;
    return new Promise((resolve, reject) => {
      const options = { cwd: this.cwd, env: this.env, stdio: ["pipe", "pipe", "pipe"] as ["pipe", "pipe", "pipe"], detached: OWN_GROUP };
      const child = Array.isArray(command) ? spawn(command[0]!, command.slice(1), options) : spawn(command, { ...options, shell: true });
      const maxBytes = limits.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        limits.signal?.removeEventListener("abort", onAbort);
        fn();
      };
      const timer = setTimeout(() => {
        killTree(child);
        finish(() =>
          reject(new ProviderError(budgetBound ? "budget" : "timeout", budgetBound ? "the time budget ran out while the command was running" : `the command gave no answer within ${limits.timeoutMs} ms`)),
        );
      }, timeoutMs);
      const onAbort = () => {
        killTree(child);
        finish(() => reject(limits.signal!.reason instanceof ProviderError ? limits.signal!.reason : new ProviderError("budget", "the time budget ran out")));
      };
      limits.signal?.addEventListener("abort", onAbort, { once: true });
      child.stdout.on("data", (d: Buffer) => {
        size += d.length;
        if (size > maxBytes) {
          killTree(child);
          finish(() => reject(new ProviderError("malformed", `the command's answer exceeded ${maxBytes} bytes (eval.maxResponseBytes); it was stopped and its output not used`)));
          return;
        }
        out.push(d);
      });
      child.stderr.on("data", (d: Buffer) => {
        if (err.reduce((n, b) => n + b.length, 0) < 64 * 1024) err.push(d);
      });
      child.on("error", (error) => finish(() => reject(new ProviderError("exec", `cannot run ${this.id.slice(5)}: ${error.message}`))));
      // A background process the command left behind may hold its stdout open: once the command itself has
      // exited, its answer is what it wrote, and the leftovers of its group are ended after a short grace.
      let grace: NodeJS.Timeout | undefined;
      child.on("exit", (code, sig) => {
        grace = setTimeout(() => {
          killTree(child);
          complete(code, sig);
        }, EXIT_GRACE_MS);
      });
      child.on("close", (code, sig) => complete(code, sig));
      const complete = (code: number | null, sig: NodeJS.Signals | null) => {
        clearTimeout(grace);
        finish(() => {
          if (code !== 0) {
            const tail = Buffer.concat(err).toString("utf8").trim().split("\n").slice(-3).join(" | ").slice(0, 300);
            reject(new ProviderError("exec", `the command exited with ${code === null ? `signal ${sig}` : `code ${code}`}${tail ? `: ${tail}` : ""}`));
            return;
          }
          try {
            resolve(this.parse(Buffer.concat(out).toString("utf8")));
          } catch (error) {
            reject(error);
          }
        });
      };
      child.stdin.on("error", () => {
        // The command may exit without reading stdin; its exit code tells the story.
      });
      child.stdin.end(
        JSON.stringify({ model: request.model, messages: request.messages, temperature: request.temperature, max_tokens: request.maxTokens }),
      );
    });
  }

  private parse(stdout: string): ProviderAnswer {
    if (this.config.output === "text") return { output: stdout.replace(/\r?\n$/, "") };
    let data: { output?: unknown; content?: unknown; text?: unknown; model?: unknown; usage?: Record<string, unknown> };
    try {
      data = JSON.parse(stdout);
    } catch {
      throw new ProviderError("malformed", "the command's stdout is not JSON (set eval.provider.output: text for plain answers)");
    }
    const output = [data?.output, data?.content, data?.text].find((v) => typeof v === "string") as string | undefined;
    if (output === undefined) throw new ProviderError("malformed", 'the command\'s JSON has no string "output"');
    const u = data.usage ?? {};
    const input = num(u.input_tokens) ?? num(u.input) ?? num(u.prompt_tokens);
    const outTokens = num(u.output_tokens) ?? num(u.output) ?? num(u.completion_tokens);
    return {
      output,
      usage: input !== undefined && outTokens !== undefined ? { input, output: outTokens } : undefined,
      model: typeof data.model === "string" ? data.model : undefined,
    };
  }
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
