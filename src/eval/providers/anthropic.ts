/** Anthropic Messages API: POST {baseUrl}/v1/messages, plain JSON or server-sent events. */
import type { ProviderConfig } from "../config-schema.js";
import { ProviderError, type ChatTurn, type ProviderRequest } from "../types.js";
import { post, readBody, safeUrl, type RequestLimits } from "./http.js";
import { apiKeyFrom, knownKey } from "./key.js";
import { readSse } from "./sse.js";
import type { Provider, ProviderAnswer } from "./types.js";

const DEFAULT_BASE = "https://api.anthropic.com";

export class AnthropicProvider implements Provider {
  readonly id: string;
  private readonly url: string;

  constructor(
    private readonly config: ProviderConfig,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    const base = (config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, "");
    const url = new URL(base.endsWith("/v1") ? `${base}/messages` : `${base}/v1/messages`);
    for (const [k, v] of Object.entries(config.query ?? {})) url.searchParams.set(k, v);
    this.url = url.toString();
    this.id = `anthropic ${safeUrl(this.url)}`;
  }

  knownSecrets(): string[] {
    return knownKey(this.config, this.env);
  }

  async send(request: ProviderRequest, limits: RequestLimits): Promise<ProviderAnswer> {
    const headers: Record<string, string> = { "anthropic-version": this.config.anthropicVersion ?? "2023-06-01", ...(this.config.headers ?? {}) };
    const key = apiKeyFrom(this.config, this.env);
    if (key !== undefined) {
      const header = this.config.apiKeyHeader ?? "x-api-key";
      headers[header] = header.toLowerCase() === "authorization" ? `Bearer ${key}` : key;
    }
    const { system, messages } = toAnthropicMessages(request.messages);
    const stream = this.config.stream === true;
    const body: Record<string, unknown> = { model: request.model, max_tokens: request.maxTokens ?? 1024, messages };
    if (system) body.system = system;
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (stream) body.stream = true;
    const { response, done, signal } = await post(this.url, headers, body, limits);
    try {
      return stream ? await this.readStream(response, signal, limits.maxResponseBytes) : this.parse(await readBody(response, signal, this.url, limits.maxResponseBytes));
    } finally {
      done();
    }
  }

  private parse(text: string): ProviderAnswer {
    let data: { type?: string; content?: { type?: string; text?: unknown }[]; usage?: { input_tokens?: number; output_tokens?: number }; model?: string; error?: { message?: string } };
    try {
      data = JSON.parse(text);
    } catch {
      throw new ProviderError("malformed", `malformed response from ${safeUrl(this.url)}: not JSON`);
    }
    if (data?.type === "error") throw new ProviderError("http", `error from ${safeUrl(this.url)}: ${data.error?.message ?? "unknown"}`);
    if (!Array.isArray(data?.content)) throw new ProviderError("malformed", `malformed response from ${safeUrl(this.url)}: expected a content array`);
    const output = data.content.filter((b) => b.type === "text" && typeof b.text === "string").map((b) => b.text as string).join("");
    const u = data.usage;
    const usage = u && typeof u.input_tokens === "number" && typeof u.output_tokens === "number" ? { input: u.input_tokens, output: u.output_tokens } : undefined;
    return { output, usage, model: typeof data.model === "string" ? data.model : undefined };
  }

  private async readStream(response: Response, signal: AbortSignal, maxBytes?: number): Promise<ProviderAnswer> {
    let output = "";
    let input: number | undefined;
    let outputTokens: number | undefined;
    let model: string | undefined;
    let stopped = false;
    let started = false;
    for await (const ev of readSse(response, signal, this.url, maxBytes)) {
      let data: {
        type?: string;
        message?: { model?: string; usage?: { input_tokens?: number; output_tokens?: number } };
        delta?: { type?: string; text?: string };
        usage?: { output_tokens?: number; input_tokens?: number };
        error?: { message?: string };
      };
      try {
        data = JSON.parse(ev.data);
      } catch {
        throw new ProviderError("malformed", `malformed stream from ${safeUrl(this.url)}: an event is not JSON`);
      }
      const type = data.type ?? ev.event;
      if (type === "error") throw new ProviderError("http", `stream error from ${safeUrl(this.url)}: ${data.error?.message ?? "unknown"}`);
      if (type === "message_start") {
        started = true;
        model = data.message?.model;
        input = data.message?.usage?.input_tokens;
        outputTokens = data.message?.usage?.output_tokens;
      } else if (type === "content_block_delta" && data.delta?.type === "text_delta" && typeof data.delta.text === "string") {
        output += data.delta.text;
      } else if (type === "message_delta") {
        if (typeof data.usage?.output_tokens === "number") outputTokens = data.usage.output_tokens;
        if (typeof data.usage?.input_tokens === "number") input = data.usage.input_tokens;
      } else if (type === "message_stop") {
        stopped = true;
        break;
      }
    }
    if (!started) throw new ProviderError("malformed", `malformed stream from ${safeUrl(this.url)}: no message_start event`);
    if (!stopped) throw new ProviderError("malformed", `the stream from ${safeUrl(this.url)} ended before message_stop`);
    const usage = input !== undefined && outputTokens !== undefined ? { input, output: outputTokens } : undefined;
    return { output, usage, model };
  }
}

/** System turns go to `system`; the rest must alternate, so neighbours with the same role are joined. */
export function toAnthropicMessages(turns: ChatTurn[]): { system: string; messages: { role: "user" | "assistant"; content: string }[] } {
  const system = turns.filter((t) => t.role === "system").map((t) => t.content).join("\n\n");
  const messages: { role: "user" | "assistant"; content: string }[] = [];
  for (const t of turns) {
    if (t.role === "system") continue;
    const last = messages[messages.length - 1];
    if (last && last.role === t.role) last.content += `\n\n${t.content}`;
    else messages.push({ role: t.role, content: t.content });
  }
  return { system, messages };
}
