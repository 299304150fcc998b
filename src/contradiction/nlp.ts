/**
 * Part-of-speech confirmation with compromise, loaded lazily: only when a disclosure conflict (a topic that one
 * rule forbids and another requires) needs its topic checked. The tagger costs ~0.5 s to load and ~1 ms per
 * sentence, more than the whole rule-based pass over a typical prompt, so it never runs on every sentence.
 */
import type { Conflict } from "./conflicts.js";
import { stem } from "./text.js";

type Nlp = (text: string) => {
  nouns(): { json(): { terms?: { text: string; tags?: string[] }[] }[] };
  compute(what: string): unknown;
  json(): { terms: { text: string; tags: string[]; root?: string; normal?: string }[] }[];
};

let loading: Promise<Nlp> | undefined;

export function loadNlp(): Promise<Nlp> {
  loading ??= import("compromise/two").then((m) => (m as unknown as { default: Nlp }).default);
  return loading;
}

/** Stems of the nouns (and gerunds used as nouns, such as "pricing") of a sentence. */
function nounStems(nlp: Nlp, sentence: string): Set<string> {
  const out = new Set<string>();
  const doc = nlp(sentence);
  doc.compute("root");
  for (const s of doc.json()) {
    for (const t of s.terms) {
      if (t.tags.includes("Noun") || t.tags.includes("Gerund") || t.tags.includes("Acronym")) {
        out.add(stem(t.root ?? t.normal ?? t.text));
        out.add(stem(t.text));
      }
    }
  }
  return out;
}

/**
 * Keeps a disclosure conflict only when one of its shared topic words is a noun in both sentences ("never reveal
 * pricing" / "always quote the price"), not verbs or adjectives that happen to share a stem.
 */
export async function confirmConflicts(conflicts: readonly Conflict[]): Promise<Conflict[]> {
  // Advice in a field ("medical advice", "medical guidance") was read from its noun already: nothing to confirm.
  const advice = (c: Conflict) => c.earlier.value.startsWith("advice ") && c.later.value.startsWith("advice ");
  const needsNouns = (c: Conflict) => c.kind === "disclosure" && c.earlier.value !== "prompt" && !advice(c);
  if (!conflicts.some(needsNouns)) return [...conflicts];
  const nlp = await loadNlp();
  return conflicts.filter((c) => {
    if (!needsNouns(c)) return true;
    const a = nounStems(nlp, c.earlier.sentence);
    const b = nounStems(nlp, c.later.sentence);
    const [small] = (c.earlier.topic?.length ?? 0) <= (c.later.topic?.length ?? 0) ? [c.earlier.topic ?? []] : [c.later.topic ?? []];
    return small.some((w) => a.has(w) && b.has(w));
  });
}
