/**
 * The kinds of credential promptvet names in its messages. Each kind has a stable id (used by the
 * `ignoreKinds` option and by `SecretMatch.kind`), a label for messages and the environment variable the
 * replacement suggestion points to.
 */
import type { KindInfo } from "./types.js";

export const KINDS: Readonly<Record<string, KindInfo>> = {
  // Found by the rules of @secretlint/secretlint-rule-preset-recommend.
  "aws-access-key-id": { label: "AWS access key ID", env: "AWS_ACCESS_KEY_ID" },
  "aws-secret-access-key": { label: "AWS secret access key", env: "AWS_SECRET_ACCESS_KEY" },
  "aws-account-id": { label: "AWS account ID", env: "AWS_ACCOUNT_ID" },
  "gcp-service-account-key": { label: "Google Cloud service account key", env: "GOOGLE_APPLICATION_CREDENTIALS" },
  "private-key": { label: "private key", env: "PRIVATE_KEY" },
  "npm-token": { label: "npm access token", env: "NPM_TOKEN" },
  "basic-auth-url": { label: "URL with a user name and password", env: "SERVICE_URL" },
  "slack-token": { label: "Slack token", env: "SLACK_TOKEN" },
  "slack-webhook": { label: "Slack incoming webhook URL", env: "SLACK_WEBHOOK_URL" },
  "sendgrid-api-key": { label: "SendGrid API key", env: "SENDGRID_API_KEY" },
  "shopify-token": { label: "Shopify access token", env: "SHOPIFY_ACCESS_TOKEN" },
  "stripe-key": { label: "Stripe secret key", env: "STRIPE_SECRET_KEY" },
  "github-token": { label: "GitHub token", env: "GITHUB_TOKEN" },
  "gitlab-token": { label: "GitLab access token", env: "GITLAB_TOKEN" },
  "grafana-token": { label: "Grafana token", env: "GRAFANA_TOKEN" },
  "openai-api-key": { label: "OpenAI API key", env: "OPENAI_API_KEY" },
  "anthropic-api-key": { label: "Anthropic API key", env: "ANTHROPIC_API_KEY" },
  "groq-api-key": { label: "Groq API key", env: "GROQ_API_KEY" },
  "huggingface-token": { label: "Hugging Face access token", env: "HF_TOKEN" },
  "linear-api-key": { label: "Linear API key", env: "LINEAR_API_KEY" },
  "notion-token": { label: "Notion integration token", env: "NOTION_TOKEN" },
  "1password-token": { label: "1Password service account token", env: "OP_SERVICE_ACCOUNT_TOKEN" },
  "database-url": { label: "database URL with a password", env: "DATABASE_URL" },
  "vault-token": { label: "HashiCorp Vault token", env: "VAULT_TOKEN" },
  "vercel-token": { label: "Vercel token", env: "VERCEL_TOKEN" },
  "databricks-token": { label: "Databricks access token", env: "DATABRICKS_TOKEN" },
  "docker-token": { label: "Docker access token", env: "DOCKER_TOKEN" },
  "figma-token": { label: "Figma access token", env: "FIGMA_TOKEN" },
  "cloudflare-token": { label: "Cloudflare API token", env: "CLOUDFLARE_API_TOKEN" },
  "tailscale-key": { label: "Tailscale key", env: "TAILSCALE_KEY" },

  // Added by promptvet (src/secrets/detectors.ts).
  "anthropic-admin-key": { label: "Anthropic admin API key", env: "ANTHROPIC_ADMIN_KEY" },
  "anthropic-oauth-token": { label: "Anthropic OAuth token", env: "ANTHROPIC_AUTH_TOKEN" },
  "google-api-key": { label: "Google API key", env: "GOOGLE_API_KEY" },
  "google-oauth-client-secret": { label: "Google OAuth client secret", env: "GOOGLE_CLIENT_SECRET" },
  "google-oauth-access-token": { label: "Google OAuth access token", env: "GOOGLE_ACCESS_TOKEN" },
  "huggingface-org-token": { label: "Hugging Face organization token", env: "HF_TOKEN" },
  "replicate-api-token": { label: "Replicate API token", env: "REPLICATE_API_TOKEN" },
  "perplexity-api-key": { label: "Perplexity API key", env: "PERPLEXITY_API_KEY" },
  "openrouter-api-key": { label: "OpenRouter API key", env: "OPENROUTER_API_KEY" },
  "xai-api-key": { label: "xAI API key", env: "XAI_API_KEY" },
  "langsmith-api-key": { label: "LangSmith API key", env: "LANGSMITH_API_KEY" },
  "langfuse-secret-key": { label: "Langfuse secret key", env: "LANGFUSE_SECRET_KEY" },
  "pinecone-api-key": { label: "Pinecone API key", env: "PINECONE_API_KEY" },
  "together-api-key": { label: "Together AI API key", env: "TOGETHER_API_KEY" },
  "fireworks-api-key": { label: "Fireworks AI API key", env: "FIREWORKS_API_KEY" },
  "elevenlabs-api-key": { label: "ElevenLabs API key", env: "ELEVENLABS_API_KEY" },
  "sk-api-key": { label: "API key with an sk- prefix", env: "API_KEY" },
  "provider-api-key": { label: "API key assigned to a provider variable", env: "API_KEY" },
  "connection-url": { label: "connection URL with a password", env: "CONNECTION_URL" },
  "aws-bedrock-api-key": { label: "Amazon Bedrock API key", env: "AWS_BEARER_TOKEN_BEDROCK" },
  "jwt": { label: "JSON Web Token", env: "AUTH_TOKEN" },
  "1password-secret-key": { label: "1Password secret key", env: "OP_SECRET_KEY" },
};

const FALLBACK: KindInfo = { label: "credential", env: "SECRET" };

export function describeKind(kind: string): KindInfo {
  return KINDS[kind] ?? FALLBACK;
}

/**
 * secretlint message ids -> promptvet kinds. Unknown ids (a newer preset) fall back to the rule name, so a
 * preset upgrade can only make messages vaguer, never drop a finding.
 */
const PRESET_MESSAGE_KINDS: Readonly<Record<string, string>> = {
  AWSAccountID: "aws-account-id",
  AWSSecretAccessKey: "aws-secret-access-key",
  AWSAccessKeyID: "aws-access-key-id",
  PrivateKeyP12: "gcp-service-account-key",
  PrivateKeyJSON: "gcp-service-account-key",
  PackageJSON_xOauthToken: "npm-token",
  Npmrc_authToken: "npm-token",
  NPM_ACCESS_TOKEN: "npm-token",
  SLACK_TOKEN: "slack-token",
  IncomingWebhook: "slack-webhook",
  BasicAuth: "basic-auth-url",
  OPENAI_TOKEN: "openai-api-key",
  ANTHROPIC_API_KEY: "anthropic-api-key",
  GROQ_API_KEY: "groq-api-key",
  HUGGINGFACE_USER_ACCESS_TOKEN: "huggingface-token",
  LINEAR_API_TOKEN: "linear-api-key",
  NOTION_INTEGRATION_TOKEN: "notion-token",
  PrivateKey: "private-key",
  SENDGRID_KEY: "sendgrid-api-key",
  SHOPIFY_KEY: "shopify-token",
  STRIPE_SECRET_KEY_LIVE: "stripe-key",
  STRIPE_SECRET_KEY_TEST: "stripe-key",
  STRIPE_RESTRICTED_KEY_LIVE: "stripe-key",
  STRIPE_RESTRICTED_KEY_TEST: "stripe-key",
  GITHUB_TOKEN: "github-token",
  GITLAB_PERSONAL_ACCESS_TOKEN: "gitlab-token",
  GRAFANA_CLOUD_API_TOKEN: "grafana-token",
  GRAFANA_SERVICE_ACCOUNT_TOKEN: "grafana-token",
  OPS_TOKEN: "1password-token",
  MongoDBConnection: "database-url",
  MySQLConnection: "database-url",
  PostgreSQLConnection: "database-url",
  HASHICORP_VAULT_SERVICE_TOKEN: "vault-token",
  HASHICORP_VAULT_BATCH_TOKEN: "vault-token",
  HASHICORP_VAULT_RECOVERY_TOKEN: "vault-token",
  VERCEL_PERSONAL_ACCESS_TOKEN: "vercel-token",
  VERCEL_INTEGRATION_TOKEN: "vercel-token",
  VERCEL_APP_ACCESS_TOKEN: "vercel-token",
  VERCEL_APP_REFRESH_TOKEN: "vercel-token",
  VERCEL_AI_GATEWAY_API_KEY: "vercel-token",
  DATABRICKS_PERSONAL_ACCESS_TOKEN: "databricks-token",
  DOCKER_PERSONAL_ACCESS_TOKEN: "docker-token",
  FIGMA_PERSONAL_ACCESS_TOKEN: "figma-token",
  CLOUDFLARE_GLOBAL_API_KEY: "cloudflare-token",
  CLOUDFLARE_USER_API_TOKEN: "cloudflare-token",
  CLOUDFLARE_ACCOUNT_API_TOKEN: "cloudflare-token",
  TAILSCALE_API_KEY: "tailscale-key",
  TAILSCALE_AUTH_KEY: "tailscale-key",
  TAILSCALE_CLIENT_KEY: "tailscale-key",
  TAILSCALE_SCIM_KEY: "tailscale-key",
  TAILSCALE_WEBHOOK_KEY: "tailscale-key",
  TAILSCALE_KEY: "tailscale-key",
};

/** Kind of a secretlint finding: the preset's message id table, else the rule's short name. */
export function kindOfSecretlintMessage(ruleId: string, messageId: string | undefined): string {
  if (messageId && PRESET_MESSAGE_KINDS[messageId]) return PRESET_MESSAGE_KINDS[messageId]!;
  if (messageId && KINDS[messageId]) return messageId;
  return ruleId.replace(/^@secretlint\/secretlint-rule-/, "").replace(/^@promptvet\/secretlint-rule-/, "");
}

/** Kinds whose match is a URL with `user:password@`: the placeholder filter looks at the password. */
export const URL_KINDS: ReadonlySet<string> = new Set(["database-url", "basic-auth-url", "connection-url"]);
