/**
 * Credentials of LLM providers and the services LLM applications call, where
 * @secretlint/secretlint-rule-preset-recommend 13 has no rule or accepts only one exact shape.
 *
 * Every pattern is a fixed prefix followed by a bounded character class, with a lookahead boundary and a
 * preceding-character check (see Detector.notAfter), so a scan stays linear on long lines.
 */
import { E, re, type Detector } from "./detector.js";

/**
 * Names of services whose keys have no distinctive prefix, recognised by the variable they are assigned to
 * (mostly LLM providers; Linear's OAuth client secret is the one non-LLM service gitleaks finds this way).
 */
const PROVIDER_VARIABLES = [
  "AZURE_OPENAI", "OPENAI", "ANTHROPIC", "CLAUDE", "MISTRAL", "CODESTRAL", "COHERE", "CO", "TOGETHER", "TOGETHERAI",
  "PINECONE", "VOYAGE", "AI21", "DEEPSEEK", "FIREWORKS", "ELEVENLABS", "ELEVEN", "ASSEMBLYAI", "DEEPGRAM", "GEMINI",
  "GOOGLE", "GOOGLE_AI", "GROQ", "PERPLEXITY", "PPLX", "OPENROUTER", "XAI", "GROK", "REPLICATE", "HUGGINGFACE",
  "HUGGINGFACEHUB", "HF", "LANGCHAIN", "LANGSMITH", "LANGFUSE", "WANDB", "NVIDIA", "CEREBRAS", "SAMBANOVA", "MOONSHOT",
  "DASHSCOPE", "QWEN", "ZHIPUAI", "MINIMAX", "JINA", "TAVILY", "SERPAPI", "EXA", "FIRECRAWL", "ANYSCALE", "OCTOAI",
  "NOVITA", "HYPERBOLIC", "WEAVIATE", "QDRANT", "HELICONE", "PORTKEY", "BRAINTRUST", "UNSTRUCTURED", "LLAMA_CLOUD",
  "LINEAR",
];

/**
 * The assignment forms of configuration files and code, after the variable name and an optional type
 * (`var cohereToken string = …`): `=`, `:`, `:=`, `::=`, `?=`,
 * `=>`, `.=` (PHP), `,` (`setProperty("NAME", "…")`), `>` (an XML element whose text is on the next line),
 * with optional closing quotes or brackets before and an opening quote after.
 */
const ASSIGNMENT = `(?:[ \\t]{1,3}[A-Za-z]{1,12})?["'\\]>]{0,2}[ \\t]{0,3}(?::{1,3}=|\\?=|=>|\\.=|[:=,>])[ \\t]{0,3}(?:\\r?\\n[ \\t]{0,12})?["'\`]?`;

export const LLM_DETECTORS: readonly Detector[] = [
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
    // The preset expects 52 characters; keys of 48 are issued too (gitleaks' rule takes 48).
    id: "GROQ_API_KEY",
    kind: "groq-api-key",
    pattern: re(`gsk_(?<body>[A-Za-z0-9]{48,56})${E}`),
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
    // Amazon Bedrock long-term API keys: `ABSK` + base64 of "BedrockAPIKey-…".
    id: "AWS_BEDROCK_API_KEY",
    kind: "aws-bedrock-api-key",
    pattern: re(`ABSK(?<body>[A-Za-z0-9+/]{109,269}={0,2})(?![A-Za-z0-9+/=])`),
    notAfter: /[A-Za-z0-9+/]/,
  },
  {
    // Short-term Bedrock keys: `bedrock-api-key-` + base64 of a presigned `bedrock.amazonaws.com/…` URL. The
    // encoded host is fixed, so it is the evidence; the rest is reported with it.
    id: "AWS_BEDROCK_SHORT_TERM_API_KEY",
    kind: "aws-bedrock-api-key",
    pattern: re(`bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t(?<body>[A-Za-z0-9+/=%_-]{0,4000})`),
    randomness: false,
  },
  {
    id: "HUGGINGFACE_ORG_TOKEN",
    kind: "huggingface-org-token",
    pattern: re(`api_org_(?<body>[A-Za-z]{34})${E}`),
  },
  {
    id: "REPLICATE_API_TOKEN",
    kind: "replicate-api-token",
    pattern: re(`r8_(?<body>[A-Za-z0-9]{37,40})${E}`),
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
    pattern: re(`lsv2_(?:pt|sk)_(?<body>[a-z0-9]{32}_[a-z0-9]{10})${E}`),
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
    // `MISTRAL_API_KEY=…`, `"cohere_api_key": "…"`, `os.environ["AZURE_OPENAI_API_KEY"] = "…"`, `cohereToken := "…"`.
    id: "PROVIDER_API_KEY_ASSIGNMENT",
    kind: "provider-api-key",
    // Anchored on the key word; the provider name (and a `_`, `.` or `-` after it) is checked behind it.
    pattern: re(
      `(?:API[_-]?KEY|API[_-]?TOKEN|ACCESS[_-]?TOKEN|AUTH[_-]?TOKEN|SECRET[_-]?KEY|SECRET|KEY|TOKEN)` +
        `${ASSIGNMENT}(?<secret>(?<body>[A-Za-z0-9_-]{20,200}))(?![A-Za-z0-9_.-])`,
      "gdi",
    ),
    behind: { pattern: new RegExp(`(?<![A-Za-z0-9])(?:${PROVIDER_VARIABLES.join("|")})[_.-]?$`, "i"), maxLength: 24 },
    randomness: { requireDigitAndLetter: true },
  },
];
