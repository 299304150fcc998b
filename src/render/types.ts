export interface RenderedMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface RenderResult {
  messages: RenderedMessage[];
  /** Variables the template prints that were given no value (and have no declared default). */
  missing: string[];
  /** A template the engine could not render (syntax error, missing partial); `messages` is empty then. */
  error?: string;
}
