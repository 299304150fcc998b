/** One credential found in a text. Offsets only: callers slice the value themselves when they must mask it. */
export interface SecretMatch {
  /** The secretlint rule that found it (`@secretlint/secretlint-rule-aws`, `@promptvet/secretlint-rule-llm-keys`). */
  ruleId: string;
  /** Stable kind id (`openai-api-key`, `database-url`); see `describeKind`. */
  kind: string;
  /** `[start, end)` UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
}

/** What a kind is called in messages, and the environment variable a suggestion points to. */
export interface KindInfo {
  /** Human name used in messages ("Anthropic API key"). */
  label: string;
  /** Environment variable for the `${NAME}` placeholder suggestion. */
  env: string;
}
