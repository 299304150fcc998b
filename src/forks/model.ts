/** The model a prompt's frontmatter pins, in the spellings prompt formats use. */

const MODEL_KEYS = ["model", "model.configuration.model", "model.configuration.azure_deployment", "model.configuration.name", "model.name", "model.id"];

function get(data: unknown, dotted: string): unknown {
  let cur = data;
  for (const part of dotted.split(".")) {
    if (!cur || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** `{ key, value }` of the pinned model, or undefined (templated names such as `${env:MODEL}` do not count). */
export function pinnedModel(data: Record<string, unknown> | undefined): { key: string; value: string } | undefined {
  if (!data) return undefined;
  for (const key of MODEL_KEYS) {
    const v = get(data, key);
    if (typeof v === "string" && v.trim() !== "" && !v.includes("${") && !v.includes("{{")) return { key, value: v.trim() };
  }
  return undefined;
}
