/** Folders nobody wants linted. */
export const DEFAULT_IGNORES = ["**/node_modules/**", "**/.git/**", "**/dist/**", "**/coverage/**", "**/.promptvet/**"];
