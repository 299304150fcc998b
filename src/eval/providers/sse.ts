/**
 * Server-sent events from a streaming answer, parsed by eventsource-parser (the spec's line and field rules:
 * a CRLF split across two chunks is one line break, and an event the stream never terminated is discarded).
 * The stream counts against the same size limit as a plain body.
 */
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { DEFAULT_MAX_RESPONSE_BYTES, readTextChunks } from "./http.js";

export interface SseEvent {
  event: string;
  data: string;
}

export async function* readSse(response: Response, signal: AbortSignal, url: string, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): AsyncGenerator<SseEvent> {
  const ready: SseEvent[] = [];
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => ready.push({ event: message.event ?? "message", data: message.data }),
  });
  for await (const text of readTextChunks(response, signal, url, maxBytes)) {
    parser.feed(text);
    while (ready.length > 0) yield ready.shift()!;
  }
  // End of stream: whatever the parser still holds was never terminated by a blank line, and is dropped.
}
