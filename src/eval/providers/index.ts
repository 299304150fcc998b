import type { ProviderConfig } from "../config-schema.js";
import { AnthropicProvider } from "./anthropic.js";
import { ExecProvider } from "./exec.js";
import { OpenAiCompatibleProvider } from "./openai.js";
import type { Provider } from "./types.js";

export type { Provider, ProviderAnswer } from "./types.js";

export function createProvider(config: ProviderConfig, cwd: string, env: NodeJS.ProcessEnv): Provider {
  switch (config.type) {
    case "openai-compatible":
      return new OpenAiCompatibleProvider(config, env);
    case "anthropic":
      return new AnthropicProvider(config, env);
    case "exec":
      return new ExecProvider(config, cwd, env);
  }
}
