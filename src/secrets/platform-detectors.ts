/**
 * Cloud and developer-platform credentials beyond what @secretlint/secretlint-rule-preset-recommend 13 finds:
 * AWS key IDs of every type, every Slack token type and webhook URL, every GitLab token prefix, Stripe
 * `prod` keys, SendGrid keys of any layout, 1Password secret keys, and connection URLs of the stores an
 * LLM application talks to. Shapes follow gitleaks' rules (cmd/generate/config/rules, MIT); where the preset
 * matches the same text, the two findings merge into one.
 */
import { E, re, type Detector } from "./detector.js";
import { isPlaceholderPassword, looksRandom } from "./placeholder.js";

const CONNECTION_SCHEMES =
  "rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|mariadb|neo4j(?:\\+s(?:sc)?)?|bolt|nats|couchbase|couchdbs?|" +
  "ldaps?|smtps?|sftp|ssh|elasticsearch|cassandra|influxdb|memcached|oracle|snowflake|kafka|mqtts?|stomp";

/** Slack IDs and short hex tails carry less entropy than a long random body; gitleaks asks 2 bits for them. */
const SHORT_BODY = { minEntropy: 2.5 } as const;

const slack = (id: string, source: string, flags = "gd", randomness: Detector["randomness"] = {}) => ({
  id,
  kind: "slack-token",
  pattern: re(source, flags),
  randomness,
});

const gitlab = (id: string, source: string): Detector => ({ id, kind: "gitlab-token", pattern: re(source) });

/**
 * Slack tokens (https://api.slack.com/authentication/token-types). The team and user IDs are not random; the
 * placeholder check looks at the last segment, the secret part.
 */
export const SLACK_TOKEN_DETECTORS: readonly Detector[] = [
  slack("SLACK_BOT_TOKEN", `xoxb-\\d{8,14}-(?:\\d{8,14}-)?(?<body>[A-Za-z0-9]{18,64})${E}`),
  slack("SLACK_USER_TOKEN", `xox[pe](?:-\\d{8,14}){3}-(?<body>[A-Za-z0-9]{28,64})${E}`),
  slack("SLACK_LEGACY_TOKEN", `xox[os]-\\d{4,14}-\\d{4,14}-\\d{4,14}-(?<body>[A-Fa-f0-9]{8,64})${E}`, "gd", SHORT_BODY),
  slack("SLACK_WORKSPACE_TOKEN", `xox[ar]-(?:\\d-)?(?:[0-9A-Za-z]{1,40}-){0,4}(?<body>[0-9A-Za-z]{8,48})${E}`, "gd", SHORT_BODY),
  slack("SLACK_APP_TOKEN", `xapp-\\d-[A-Z0-9]{9,14}-\\d{10,14}-(?<body>[a-z0-9]{32,80})${E}`, "gdi"),
  slack("SLACK_CONFIG_ACCESS_TOKEN", `xoxe\\.xox[bp]-\\d-(?<body>[A-Za-z0-9]{160,170})${E}`),
  slack("SLACK_CONFIG_REFRESH_TOKEN", `xoxe-\\d-(?<body>[A-Za-z0-9]{140,150})${E}`),
];

export const PLATFORM_DETECTORS: readonly Detector[] = [
  {
    // Key IDs of users (AKIA), STS sessions (ASIA), STS bearer tokens (ABIA) and context credentials (ACCA).
    // The preset scans key IDs only together with account IDs (`enableIDScanRule`), and 12-digit account IDs
    // are everywhere in prompts about AWS (ARNs) without being credentials. Key IDs alone here.
    id: "AWS_ACCESS_KEY_ID",
    kind: "aws-access-key-id",
    pattern: re(`(?:AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9])`),
    notAfter: /[A-Za-z0-9]/,
    randomness: { minEntropy: 2.5 },
  },

  ...SLACK_TOKEN_DETECTORS,
  {
    id: "SLACK_WEBHOOK_URL",
    kind: "slack-webhook",
    pattern: re(`(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<path>[A-Za-z0-9+/]{43,120})(?![A-Za-z0-9+/])`),
    randomness: false,
    // The last path segment is the secret; Slack's documentation writes it as `XXXXXXXX…`.
    accept: (groups) => looksRandom(groups.path?.slice(groups.path.lastIndexOf("/") + 1) ?? "", SHORT_BODY),
  },

  // GitLab (https://docs.gitlab.com/security/tokens/#token-prefixes); `glpat-` of the classic length is also
  // the preset's. Routable tokens end in `.` + a 9-character CRC/suffix part.
  gitlab("GITLAB_PERSONAL_ACCESS_TOKEN", `glpat-(?<body>[0-9A-Za-z_-]{20,300})(?:\\.[0-9a-z]{9})?${E}`),
  gitlab("GITLAB_CI_JOB_TOKEN", `glcbt-[0-9a-zA-Z]{1,5}_(?<body>[0-9a-zA-Z_-]{20,64})${E}`),
  gitlab("GITLAB_RUNNER_TOKEN_ROUTABLE", `glrt-t\\d_(?<body>[0-9a-zA-Z_-]{27,300})\\.[0-9a-z]{9}${E}`),
  gitlab("GITLAB_TOKEN", `gl(?:dt|ffct|ft|rt|soat)-(?<body>[0-9a-zA-Z_-]{20,64})${E}`),
  gitlab("GITLAB_INCOMING_MAIL_TOKEN", `glimt-(?<body>[0-9a-zA-Z_-]{25,64})${E}`),
  gitlab("GITLAB_AGENT_TOKEN", `glagent-(?<body>[0-9a-zA-Z_-]{50,100})${E}`),
  gitlab("GITLAB_OAUTH_APP_SECRET", `gloas-(?<body>[0-9a-zA-Z_-]{64,100})${E}`),
  gitlab("GITLAB_TRIGGER_TOKEN", `glptt-(?<body>[0-9a-f]{40})${E}`),
  gitlab("GITLAB_RUNNER_REGISTRATION_TOKEN", `GR1348941(?<body>[0-9a-zA-Z_-]{20})${E}`),
  {
    id: "GITLAB_SESSION_COOKIE",
    kind: "gitlab-token",
    pattern: re(`_gitlab_session=(?<secret>(?<body>[0-9a-z]{32}))(?![A-Za-z0-9])`),
  },

  {
    // The preset finds `sk_live_`/`sk_test_`/`rk_…` keys of the usual lengths; gitleaks also knows `_prod_`.
    id: "STRIPE_KEY",
    kind: "stripe-key",
    pattern: re(`(?:sk|rk)_(?:test|live|prod)_(?<body>[A-Za-z0-9]{16,247})${E}`),
  },
  {
    // `SG.` + 22 + `.` + 43 characters; gitleaks accepts the 66 characters in any layout.
    id: "SENDGRID_API_KEY",
    kind: "sendgrid-api-key",
    pattern: re(`SG\\.(?<body>[A-Za-z0-9=_.-]{66})(?![A-Za-z0-9=_-])`),
  },
  {
    // The preset decodes the token's JSON and misses tokens whose payload does not parse; the shape is enough.
    id: "ONEPASSWORD_SERVICE_ACCOUNT_TOKEN",
    kind: "1password-token",
    pattern: re(`ops_eyJ(?<body>[A-Za-z0-9+/]{250,8000}={0,3})(?![A-Za-z0-9+/=])`),
    randomness: { minEntropy: 4 },
  },
  {
    // The account secret key of a 1Password user.
    id: "ONEPASSWORD_SECRET_KEY",
    kind: "1password-secret-key",
    pattern: re(
      `A3-(?<body>[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9-])`,
    ),
    notAfter: /[A-Za-z0-9-]/,
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
