/** The server-sent events reader: the spec's line rules across chunk boundaries, and its size limit. */
import { afterEach, describe, expect, it } from "vitest";
import { EVAL_DEFAULTS, type EvalSettings } from "../../src/eval/config-schema.js";
import { Executor } from "../../src/eval/executor.js";
import { createProgress } from "../../src/eval/progress.js";
import { createProvider } from "../../src/eval/providers/index.js";
import { readSse, type SseEvent } from "../../src/eval/providers/sse.js";
import { ProviderError } from "../../src/eval/types.js";
import { startFakeServer, type FakeServer } from "./fake-server.js";

function responseOf(chunks: (string | Uint8Array)[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        controller.close();
      },
    }),
  );
}

async function events(chunks: (string | Uint8Array)[], maxBytes?: number): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const ev of readSse(responseOf(chunks), new AbortController().signal, "http://127.0.0.1:1/v1", maxBytes)) out.push(ev);
  return out;
}

describe("readSse", () => {
  it("reads a CRLF split across two chunks as one line break", async () => {
    expect(await events(["data: a\r", "\ndata: b\r\n\r\n"])).toEqual([{ event: "message", data: "a\nb" }]);
    expect(await events(["event: ping\r\ndata: x\r\n\r", "\ndata: y\r\n\r\n"])).toEqual([
      { event: "ping", data: "x" },
      { event: "message", data: "y" },
    ]);
  });

  it("discards a last event the stream never terminated with a blank line", async () => {
    expect(await events(["data: one\n\ndata: two"])).toEqual([{ event: "message", data: "one" }]);
    expect(await events(["data: one\n\n", "event: message_stop\ndata: {}\n"])).toEqual([{ event: "message", data: "one" }]);
  });

  it("decodes a UTF-8 character split across chunks, and honours lone CR line ends and comments", async () => {
    const bytes = new TextEncoder().encode("data: café\n\n");
    const cut = bytes.indexOf(0xc3) + 1;
    expect(await events([bytes.slice(0, cut), bytes.slice(cut)])).toEqual([{ event: "message", data: "café" }]);
    expect(await events([": keep-alive\r", "data: z\r\r", "data: w\n\n"])).toEqual([
      { event: "message", data: "z" },
      { event: "message", data: "w" },
    ]);
  });

  it("stops a stream past the size limit with a clear error", async () => {
    const flood = ["data: ", ...Array.from({ length: 20 }, () => "x".repeat(100))];
    const error = await events(flood, 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe("malformed");
    expect((error as ProviderError).message).toMatch(/exceeded 1000 bytes/);
  });
});

describe("streaming providers over a real connection", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("the Anthropic stream with CRLF line ends split between packets gives the whole answer", async () => {
    const ev = (event: string, data: unknown) => `event: ${event}\r\ndata: ${JSON.stringify(data)}\r\n\r\n`;
    const text = [
      ev("message_start", { type: "message_start", message: { model: "m", usage: { input_tokens: 3, output_tokens: 1 } } }),
      ev("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hello " } }),
      ev("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "there" } }),
      ev("message_delta", { type: "message_delta", usage: { output_tokens: 2 } }),
      ev("message_stop", { type: "message_stop" }),
    ].join("");
    // Cut right after every CR, so each CRLF arrives in two packets.
    const chunks = text.split(/(?<=\r)/);
    server = await startFakeServer(() => ({ kind: "chunks", chunks }));
    const provider = createProvider({ type: "anthropic", baseUrl: server.url, stream: true }, process.cwd(), {});
    const settings = { ...EVAL_DEFAULTS, budgetMs: 5_000, requestTimeoutMs: 4_000 } as EvalSettings;
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    const executor = new Executor(provider, undefined, settings, createProgress(sink, false), Date.now() + settings.budgetMs);
    const outcome = [...(await executor.run([{ request: { model: "m", messages: [{ role: "user", content: "hi" }] }, label: "p › c" }])).values()][0]!;
    expect(outcome.ok && outcome.response.output).toBe("Hello there");
  });
});
