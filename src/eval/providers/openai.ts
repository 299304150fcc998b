/**
 * OpenAI-compatible chat completions (OpenAI, Azure OpenAI, vLLM, llama.cpp, Ollama, LM Studio, OpenRouter):
 * POST {baseUrl}/chat/completions, plain JSON or server-sent events.
 */
import type { ProviderConfig } from "../config-schema.js";
import { ProviderError, type ProviderRequest, type ProviderUsage } from "../types.js";
import { post, readBody, safeUrl, type RequestLimits } from "./http.js";
import { readSse } from "./sse.js";
import type { Provider, ProviderAnswer } from "./types.js";
import { apiKeyFrom, knownKey } from "./key.js";

export class OpenAiCompatibleProvider implements Provider {
  readonly id: string;
  private readonly url: string;

  constructor(
    private readonly config: ProviderConfig,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    if (!config.baseUrl) throw new ProviderError("config", "eval.provider.baseUrl is required for openai-compatible providers");
    const url = new URL(`${config.baseUrl.replace(/\/+$/, "")}/chat/completions`);
    for (const [k, v] of Object.entries(config.query ?? {})) url.searchParams.set(k, v);
    this.url = url.toString();
    this.id = `openai-compatible ${safeUrl(this.url)}`;
  }

  knownSecrets(): string[] {
    return knownKey(this.config, this.env);
  }

  async send(request: ProviderRequest, limits: RequestLimits): Promise<ProviderAnswer> {
    const headers: Record<string, string> = { ...(this.config.headers ?? {}) };
    const key = apiKeyFrom(this.config, this.env);
    if (key !== undefined) {
      const header = this.config.apiKeyHeader ?? "Authorization";
      headers[header] = header.toLowerCase() === "authorization" ? `Bearer ${key}` : key;
    }
    const stream = this.config.stream === true;
    const body: Record<string, unknown> = { model: request.model, messages: request.messages };
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.maxTokens !== undefined) body[this.config.maxTokensField ?? "max_tokens"] = request.maxTokens;
    if (stream) {
      body.stream = true;
      body.stream_options = { include_usage: true };
    }
    const { response, done, signal } = await post(this.url, headers, body, limits);
    try {
      return stream ? await this.readStream(response, signal, limits.maxResponseBytes) : this.parse(await readBody(response, signal, this.url, limits.maxResponseBytes));
    } finally {
      done();
    }
  }

  private parse(text: string): ProviderAnswer {
    let data: { choices?: { message?: { content?: unknown } }[]; usage?: { prompt_tokens?: number; completion_tokens?: number }; model?: string };
    try {
      data = JSON.parse(text);
    } catch {
      throw new ProviderError("malformed", `malformed response from ${safeUrl(this.url)}: not JSON`);
    }
    const content = data?.choices?.[0]?.message?.content;
    if (typeof content !== "string") {
      throw new ProviderError("malformed", `malformed response from ${safeUrl(this.url)}: expected choices[0].message.content to be a string`);
    }
    return { output: content, usage: usageOf(data.usage), model: typeof data.model === "string" ? data.model : undefined };
  }

  private async readStream(response: Response, signal: AbortSignal, maxBytes?: number): Promise<ProviderAnswer> {
    let output = "";
    let usage: ProviderUsage | undefined;
    let model: string | undefined;
    let finished = false;
    let sawChoice = false;
    for await (const ev of readSse(response, signal, this.url, maxBytes)) {
      if (ev.data === "[DONE]") {
        finished = true;
        break;
      }
      let chunk: { choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[]; usage?: { prompt_tokens?: number; completion_tokens?: number }; model?: string; error?: { message?: string } };
      try {
        chunk = JSON.parse(ev.data);
      } catch {
        throw new ProviderError("malformed", `malformed stream from ${safeUrl(this.url)}: an event is not JSON`);
      }
      if (chunk.error) throw new ProviderError("http", `stream error from ${safeUrl(this.url)}: ${chunk.error.message ?? "unknown"}`);
      if (typeof chunk.model === "string") model = chunk.model;
      const choice = chunk.choices?.[0];
      if (choice) {
        sawChoice = true;
        if (typeof choice.delta?.content === "string") output += choice.delta.content;
        if (choice.finish_reason) finished = true;
      }
      if (chunk.usage) usage = usageOf(chunk.usage);
    }
    if (!sawChoice) throw new ProviderError("malformed", `malformed stream from ${safeUrl(this.url)}: no choices`);
    if (!finished) throw new ProviderError("malformed", `the stream from ${safeUrl(this.url)} ended before the answer was complete`);
    return { output, usage, model };
  }
}

function usageOf(u: { prompt_tokens?: number; completion_tokens?: number } | undefined): ProviderUsage | undefined {
  if (!u || typeof u.prompt_tokens !== "number" || typeof u.completion_tokens !== "number") return undefined;
  return { input: u.prompt_tokens, output: u.completion_tokens };
}
