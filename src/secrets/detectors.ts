/**
 * Detectors for credentials that LLM work leaks and that @secretlint/secretlint-rule-preset-recommend 13
 * does not cover (or covers only in one exact shape). They run inside secretlint as one extra rule (see
 * secretlint-rules.ts) so one pass and one message pipeline serve both.
 *
 * Every pattern is a fixed prefix followed by a bounded character class, with a lookahead boundary, a
 * preceding-character check and no nested quantifiers, so a scan stays linear on long lines (tests run a
 * 100,000-character line per detector).
 */
import { isPlaceholderPassword, looksRandom, type RandomnessOptions } from "./placeholder.js";

export interface Detector {
  /** secretlint message id; also names the detector in tests. */
  id: string;
  kind: string;
  /**
   * Global regex with the `d` flag. Named groups: `body` is the random part checked for placeholders;
   * `secret`, when present, is the reported range (otherwise the whole match).
   */
  pattern: RegExp;
  /** Randomness requirements for `body`; `false` skips the check (a custom `accept` decides). */
  randomness?: RandomnessOptions | false;
  /** Extra acceptance test on the named groups. */
  accept?: (groups: Record<string, string | undefined>) => boolean;
  /**
   * Characters that may not come right before the match (default: token characters). Checked in code
   * rather than with a leading lookbehind, which would stop V8 from skipping ahead to the literal prefix:
   * the difference is 5 to 20 times on prose.
   */
  notAfter?: RegExp;
  /**
   * For patterns anchored on a middle literal (`_API_KEY=`, `://`): what must end right before the match,
   * tested on at most `maxLength` characters (`$`-anchored, with its own boundary). With `include`, the
   * reported range starts where it starts. Replaces the `notAfter` check.
   */
  behind?: { pattern: RegExp; maxLength: number; include?: boolean };
}

/** No token character directly before the prefix (so `xsk-…` or `task-…` do not match). */
const TOKEN_CHAR = /[A-Za-z0-9_-]/;
/** No token character directly after the body (so a longer run is not cut into a "key"). */
const E = "(?![A-Za-z0-9_-])";

function re(source: string, flags = "gd"): RegExp {
  return new RegExp(source, flags);
}

/** Provider names whose keys have no distinctive prefix, recognised by the variable they are assigned to. */
const PROVIDER_VARIABLES = [
  "AZURE_OPENAI", "OPENAI", "ANTHROPIC", "CLAUDE", "MISTRAL", "CODESTRAL", "COHERE", "CO", "TOGETHER", "TOGETHERAI",
  "PINECONE", "VOYAGE", "AI21", "DEEPSEEK", "FIREWORKS", "ELEVENLABS", "ELEVEN", "ASSEMBLYAI", "DEEPGRAM", "GEMINI",
  "GOOGLE", "GOOGLE_AI", "GROQ", "PERPLEXITY", "PPLX", "OPENROUTER", "XAI", "GROK", "REPLICATE", "HUGGINGFACE",
  "HUGGINGFACEHUB", "HF", "LANGCHAIN", "LANGSMITH", "LANGFUSE", "WANDB", "NVIDIA", "CEREBRAS", "SAMBANOVA", "MOONSHOT",
  "DASHSCOPE", "QWEN", "ZHIPUAI", "MINIMAX", "JINA", "TAVILY", "SERPAPI", "EXA", "FIRECRAWL", "ANYSCALE", "OCTOAI",
  "NOVITA", "HYPERBOLIC", "WEAVIATE", "QDRANT", "HELICONE", "PORTKEY", "BRAINTRUST", "UNSTRUCTURED", "LLAMA_CLOUD",
];

const CONNECTION_SCHEMES =
  "rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|mariadb|neo4j(?:\\+s(?:sc)?)?|bolt|nats|couchbase|couchdbs?|" +
  "ldaps?|smtps?|sftp|ssh|elasticsearch|cassandra|influxdb|memcached|oracle|snowflake|kafka|mqtts?|stomp";

export const DETECTORS: readonly Detector[] = [
  {
    // The preset scans access key IDs only together with account IDs (`enableIDScanRule`), and 12-digit
    // account IDs are everywhere in prompts about AWS (ARNs) without being credentials. Key IDs alone here.
    id: "AWS_ACCESS_KEY_ID",
    kind: "aws-access-key-id",
    pattern: re(`(?:AKIA|ASIA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9])`),
    notAfter: /[A-Za-z0-9]/,
    randomness: { minEntropy: 2.5 },
  },
  {
    id: "ANTHROPIC_ADMIN_KEY",
    kind: "anthropic-admin-key",
    pattern: re(`sk-ant-admin\\d\\d-(?<body>[A-Za-z0-9_-]{32,200})${E}`),
  },
  {
    id: "ANTHROPIC_OAUTH_TOKEN",
    kind: "anthropic-oauth-token",
    pattern: re(`sk-ant-o(?:at|rt)\\d\\d-(?<body>[A-Za-z0-9_-]{32,200})${E}`),
  },
  {
    // The preset wants exactly the `…AA` ending; keys pasted with another tail are still keys.
    id: "ANTHROPIC_API_KEY_ANY",
    kind: "anthropic-api-key",
    pattern: re(`sk-ant-api\\d\\d-(?<body>[A-Za-z0-9_-]{32,200})${E}`),
  },
  {
    // The preset wants the `T3BlbkFJ` marker (base64 of "OpenAI") at one of two fixed places; keys of other
    // lengths still carry it somewhere. Without it a `sk-proj-…` string is a made-up example.
    id: "OPENAI_PROJECT_KEY",
    kind: "openai-api-key",
    pattern: re(`sk-(?:proj|svcacct|admin)-(?<body>[A-Za-z0-9_-]{40,250})${E}`),
    accept: (groups) => groups.body?.includes("T3BlbkFJ") ?? false,
  },
  {
    id: "OPENROUTER_API_KEY",
    kind: "openrouter-api-key",
    pattern: re(`sk-or-v1-(?<body>[a-f0-9]{64})${E}`),
  },
  {
    id: "LANGFUSE_SECRET_KEY",
    kind: "langfuse-secret-key",
    pattern: re(`sk-lf-(?<body>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`),
  },
  {
    // DeepSeek, Moonshot, DashScope and most OpenAI-compatible gateways issue `sk-` + 32..64 alphanumerics.
    id: "SK_API_KEY",
    kind: "sk-api-key",
    pattern: re(`sk-(?<body>[A-Za-z0-9]{32,128})${E}`),
    randomness: { requireDigitAndLetter: true },
  },
  {
    id: "GOOGLE_API_KEY",
    kind: "google-api-key",
    pattern: re(`AIza(?<body>[0-9A-Za-z_-]{35})${E}`),
  },
  {
    id: "GOOGLE_OAUTH_CLIENT_SECRET",
    kind: "google-oauth-client-secret",
    pattern: re(`GOCSPX-(?<body>[A-Za-z0-9_-]{28})${E}`),
  },
  {
    id: "GOOGLE_OAUTH_ACCESS_TOKEN",
    kind: "google-oauth-access-token",
    pattern: re(`ya29\\.(?<body>[0-9A-Za-z_-]{30,2048})${E}`),
  },
  {
    id: "HUGGINGFACE_ORG_TOKEN",
    kind: "huggingface-org-token",
    pattern: re(`api_org_(?<body>[A-Za-z]{34})${E}`),
  },
  {
    id: "REPLICATE_API_TOKEN",
    kind: "replicate-api-token",
    pattern: re(`r8_(?<body>[A-Za-z0-9]{37})${E}`),
  },
  {
    id: "PERPLEXITY_API_KEY",
    kind: "perplexity-api-key",
    pattern: re(`pplx-(?<body>[A-Za-z0-9]{40,64})${E}`),
  },
  {
    id: "XAI_API_KEY",
    kind: "xai-api-key",
    pattern: re(`xai-(?<body>[A-Za-z0-9]{70,100})${E}`),
  },
  {
    id: "LANGSMITH_API_KEY",
    kind: "langsmith-api-key",
    pattern: re(`lsv2_(?:pt|sk)_(?<body>[a-f0-9]{32}_[a-f0-9]{10})${E}`),
  },
  {
    id: "LANGSMITH_LEGACY_API_KEY",
    kind: "langsmith-api-key",
    pattern: re(`ls__(?<body>[a-f0-9]{32})${E}`),
  },
  {
    id: "PINECONE_API_KEY",
    kind: "pinecone-api-key",
    pattern: re(`pcsk_(?<body>[A-Za-z0-9]{3,10}_[A-Za-z0-9]{30,100})${E}`),
  },
  {
    id: "TOGETHER_API_KEY",
    kind: "together-api-key",
    pattern: re(`tgp_v1_(?<body>[A-Za-z0-9_-]{30,80})${E}`),
  },
  {
    id: "FIREWORKS_API_KEY",
    kind: "fireworks-api-key",
    pattern: re(`fw_(?<body>[A-Za-z0-9]{24})${E}`),
    randomness: { requireDigitAndLetter: true },
  },
  {
    id: "ELEVENLABS_API_KEY",
    kind: "elevenlabs-api-key",
    pattern: re(`sk_(?<body>[a-f0-9]{48})${E}`),
  },
  {
    // Mistral, Cohere, Azure OpenAI, Weights & Biases... keys without a prefix, named by their variable:
    // `MISTRAL_API_KEY=…`, `"cohere_api_key": "…"`, `os.environ["AZURE_OPENAI_API_KEY"] = "…"`.
    id: "PROVIDER_API_KEY_ASSIGNMENT",
    kind: "provider-api-key",
    // Anchored on the `_KEY=` part (a literal `_` lets V8 skip ahead); the provider name is checked behind it.
    pattern: re(
      `_(?:API_KEY|API_TOKEN|KEY|TOKEN|SECRET_KEY|SECRET)` +
        `["'\\]]{0,2}[ \\t]{0,3}[:=][ \\t]{0,3}["']?(?<secret>(?<body>[A-Za-z0-9_-]{20,200}))(?![A-Za-z0-9_.-])`,
      "gdi",
    ),
    behind: { pattern: new RegExp(`(?<![A-Za-z0-9_])(?:${PROVIDER_VARIABLES.join("|")})$`, "i"), maxLength: 24 },
    randomness: { requireDigitAndLetter: true },
  },
  {
    // The preset covers postgres, mysql and mongodb URLs; the other stores an LLM app talks to are here.
    // Anchored on `://`, the scheme is checked behind it and included in the reported range.
    id: "CONNECTION_URL",
    kind: "connection-url",
    pattern: re(
      `://(?<user>[^\\s:/@'"<>]{0,100}):(?<password>[^\\s/@'"<>]{1,200})@(?<host>[A-Za-z0-9._~%-]{1,200})(?::\\d{1,5})?`,
      "gd",
    ),
    behind: { pattern: new RegExp(`(?<![A-Za-z0-9+.-])(?:${CONNECTION_SCHEMES})$`, "i"), maxLength: 24, include: true },
    randomness: false,
    // `guest:guest` and other user-equals-password pairs are broker defaults shown in docs.
    accept: (groups) =>
      groups.password !== undefined && groups.password !== groups.user && !isPlaceholderPassword(groups.password),
  },
];

/** A detector hit: offsets into the scanned text. */
export interface DetectorHit {
  detector: Detector;
  start: number;
  end: number;
}

/** Runs every detector over `text`, keeping hits whose random part does not look like a placeholder. */
export function runDetectors(text: string, detectors: readonly Detector[] = DETECTORS): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const detector of detectors) {
    const notAfter = detector.notAfter ?? TOKEN_CHAR;
    for (const match of text.matchAll(detector.pattern)) {
      let start = match.index;
      if (detector.behind) {
        const window = text.slice(Math.max(0, start - detector.behind.maxLength), start);
        const before = detector.behind.pattern.exec(window);
        if (!before) continue;
        if (detector.behind.include) start -= before[0].length;
      } else if (start > 0 && notAfter.test(text[start - 1]!)) {
        continue;
      }
      const groups = match.groups ?? {};
      if (detector.randomness !== false) {
        const body = groups.body ?? match[0];
        if (!looksRandom(body, detector.randomness ?? {})) continue;
      }
      if (detector.accept && !detector.accept(groups)) continue;
      const secret = match.indices?.groups?.secret;
      if (secret) hits.push({ detector, start: secret[0], end: secret[1] });
      else hits.push({ detector, start, end: match.index + match[0].length });
    }
  }
  return hits;
}
