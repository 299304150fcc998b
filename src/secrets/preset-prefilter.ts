/**
 * Whether secretlint's recommended preset could report anything in a text, from strings every one of its
 * patterns must contain. Most prompt files hold none of them, and for those secretlint is neither loaded nor
 * run: its per-file set-up (a context and translator per rule) and some forty pattern scans were ~15% of the
 * lint time of a prompt.
 *
 * The condition is necessary, not sufficient: a text that passes goes to secretlint as before, so a finding can
 * only be lost if a rule can match text without one of these strings. Each entry names the preset rule it
 * stands for (`PRESET_RULE_IDS`); a test compares that list with the preset's rules, so a secretlint update that
 * adds a rule fails until its strings are added here, and a differential test runs secretlint on every text
 * this filter turns away (the corpora, secretlint's and gitleaks' fixtures) and expects no finding.
 */

/** Literal strings (case as written) at least one of which each rule's patterns require, by rule. */
const REQUIRED_STRINGS: Record<string, readonly string[]> = {
  // Access key ids; the secret key and account id rules need the variable names matched below.
  "@secretlint/secretlint-rule-aws": ["A3T", "AKIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ASIA"],
  // A service-account JSON file (`private_key`); a `.p12` file is always scanned (see below).
  "@secretlint/secretlint-rule-gcp": ["private_key"],
  "@secretlint/secretlint-rule-npm": ["://", "_authToken=", "npm_"],
  "@secretlint/secretlint-rule-slack": ["xoxb-", "xoxp-", "xapp-", "xoxa-", "xoxo-", "xoxr-", "://"],
  "@secretlint/secretlint-rule-basicauth": ["://"],
  "@secretlint/secretlint-rule-openai": ["T3BlbkFJ"],
  "@secretlint/secretlint-rule-anthropic": ["sk-ant-api0"],
  "@secretlint/secretlint-rule-groq": ["gsk_"],
  "@secretlint/secretlint-rule-huggingface": ["hf_"],
  "@secretlint/secretlint-rule-linear": ["lin_api_"],
  "@secretlint/secretlint-rule-notion": ["ntn_"],
  "@secretlint/secretlint-rule-privatekey": ["-----BEGIN"],
  "@secretlint/secretlint-rule-sendgrid": ["SG."],
  "@secretlint/secretlint-rule-shopify": ["shppa_", "shpca_", "shpat_", "shpss_"],
  "@secretlint/secretlint-rule-stripe": ["sk_live_", "sk_test_", "rk_live_", "rk_test_"],
  "@secretlint/secretlint-rule-github": ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
  "@secretlint/secretlint-rule-gitlab": ["glpat-"],
  "@secretlint/secretlint-rule-grafana": ["glc_", "glsa_"],
  "@secretlint/secretlint-rule-1password": ["ops_ey"],
  // mongodb://, mysql://, jdbc:mysql://, postgres(ql):// in any letter case: the "://" is never cased.
  "@secretlint/secretlint-rule-database-connection-string": ["://"],
  "@secretlint/secretlint-rule-hashicorp-vault": ["hvs.", "hvb.", "hvr."],
  "@secretlint/secretlint-rule-vercel": ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
  "@secretlint/secretlint-rule-databricks": ["dapi"],
  "@secretlint/secretlint-rule-docker": ["dckr_pat_"],
  "@secretlint/secretlint-rule-figma": ["figd_"],
  "@secretlint/secretlint-rule-cloudflare": ["cfk_", "cfut_", "cfat_"],
  "@secretlint/secretlint-rule-tailscale": ["tskey-"],
  // Reports nothing itself: it drops other rules' findings under `secretlint-disable` comments.
  "@secretlint/secretlint-rule-filter-comments": [],
};

/** The preset rules this filter stands for (compared with the installed preset by a test). */
export const PRESET_RULE_IDS: readonly string[] = Object.keys(REQUIRED_STRINGS);

/**
 * The AWS rule's other two patterns, as secretlint writes them: `secret_access_key` (with or without `aws_`,
 * underscores and quotes) and `account_id` followed by `:`, `=` or `=>`. Linear: no nested quantifiers.
 */
const AWS_VARIABLES = /(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)|(?:ACCOUNT|account|Account)_?(?:ID|id|Id)?["']?\s*(?::|=>|=)/;

const LITERALS = new RegExp([...new Set(Object.values(REQUIRED_STRINGS).flat())].map((s) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|"));

/** False when no rule of the preset can report anything in `content` (a file with extension `ext`). */
export function presetMayReport(content: string, ext: string): boolean {
  // The GCP rule reads a PKCS#12 file as binary.
  if (ext.toLowerCase() === ".p12") return true;
  return LITERALS.test(content) || AWS_VARIABLES.test(content);
}
