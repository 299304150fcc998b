/**
 * A real HTTP server on 127.0.0.1 (port 0) that speaks the OpenAI chat completions and Anthropic messages wire
 * formats, plain and streaming. Each request is answered by a scripted behaviour so tests can ask for slow
 * answers, 429 with Retry-After, 500, malformed JSON, a dropped connection, a request that hangs, a redirect,
 * or a body that never ends.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

export type Behaviour =
  | { kind: "answer"; text: string; delayMs?: number; usage?: { input: number; output: number } }
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  | { kind: "malformed" }
  | { kind: "drop" }
  | { kind: "hang" }
  | { kind: "stream-cut" }
  | { kind: "redirect"; status: number; location: string }
  /** 200 and a body that never ends (plain bytes, or one SSE data line never terminated when streaming). */
  | { kind: "flood"; declareLength?: number }
  /** 200 and exactly these chunks, written with a pause between them. */
  | { kind: "chunks"; chunks: string[]; contentType?: string };

export interface FakeServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** `script` decides each answer from the request and how many requests came before. */
export async function startFakeServer(script: (req: SeenRequest, index: number) => Behaviour): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        // keep {}
      }
      const seen: SeenRequest = { path: req.url ?? "", headers: req.headers, body };
      const index = requests.length;
      requests.push(seen);
      void respond(script(seen, index), seen, req, res);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function respond(b: Behaviour, seen: SeenRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const anthropic = seen.path.startsWith("/v1/messages");
  const stream = seen.body.stream === true;
  switch (b.kind) {
    case "status":
      res.writeHead(b.status, { "content-type": "application/json", ...(b.retryAfter ? { "retry-after": b.retryAfter } : {}) });
      res.end(b.body ?? JSON.stringify({ error: { message: `status ${b.status}` } }));
      return;
    case "redirect":
      res.writeHead(b.status, { location: b.location, "content-type": "text/plain" });
      res.end("moved");
      return;
    case "flood": {
      res.writeHead(200, { "content-type": stream ? "text/event-stream" : "application/json", ...(b.declareLength ? { "content-length": String(b.declareLength) } : {}) });
      if (stream) res.write("data: ");
      const block = "x".repeat(64 * 1024);
      // Write until the client hangs up (bounded: 64 MiB at most, so a broken client cannot make it run forever).
      let written = 0;
      const pump = () => {
        while (written < 64 * 1024 * 1024 && !res.destroyed) {
          written += block.length;
          if (!res.write(block)) return void res.once("drain", pump);
        }
        res.destroy();
      };
      res.on("close", () => (written = Number.POSITIVE_INFINITY));
      pump();
      return;
    }
    case "chunks": {
      res.writeHead(200, { "content-type": b.contentType ?? "text/event-stream" });
      for (const chunk of b.chunks) {
        res.write(chunk);
        await new Promise((r) => setTimeout(r, 15));
      }
      res.end();
      return;
    }
    case "malformed":
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"choices": [ {"message": ');
      return;
    case "drop":
      req.socket.destroy();
      return;
    case "hang":
      return; // never answers; the client must time out
    case "stream-cut": {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(anthropic ? sse("message_start", { type: "message_start", message: { model: "m", usage: { input_tokens: 3, output_tokens: 0 } } }) : `data: ${JSON.stringify({ choices: [{ delta: { content: "partial" } }] })}\n\n`);
      setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    case "answer": {
      if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
      const usage = b.usage ?? { input: 10, output: b.text.split(/\s+/).filter(Boolean).length };
      const model = String(seen.body.model ?? "unknown");
      if (anthropic && stream) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(sse("message_start", { type: "message_start", message: { model, usage: { input_tokens: usage.input, output_tokens: 1 } } }));
        res.write(sse("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }));
        for (const piece of pieces(b.text)) res.write(sse("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } }));
        res.write(sse("content_block_stop", { type: "content_block_stop", index: 0 }));
        res.write(sse("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: usage.output } }));
        res.end(sse("message_stop", { type: "message_stop" }));
      } else if (anthropic) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ type: "message", model, content: [{ type: "text", text: b.text }], usage: { input_tokens: usage.input, output_tokens: usage.output } }));
      } else if (stream) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        for (const piece of pieces(b.text)) res.write(`data: ${JSON.stringify({ model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ model, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ model, choices: [], usage: { prompt_tokens: usage.input, completion_tokens: usage.output } })}\n\n`);
        res.end("data: [DONE]\n\n");
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ model, choices: [{ index: 0, message: { role: "assistant", content: b.text }, finish_reason: "stop" }], usage: { prompt_tokens: usage.input, completion_tokens: usage.output } }));
      }
      return;
    }
  }
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 7) out.push(text.slice(i, i + 7));
  return out.length ? out : [""];
}

/** The last user message of an OpenAI or Anthropic request body. */
export function lastUser(body: Record<string, unknown>): string {
  const messages = (body.messages as { role: string; content: string }[] | undefined) ?? [];
  return [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
}
