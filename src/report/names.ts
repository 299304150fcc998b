/** Every output format, in the order `--help` lists them. */
export const FORMAT_NAMES = ["stylish", "compact", "json", "sarif", "github", "markdown", "junit"] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];
