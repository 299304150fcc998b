/**
 * Scoring of contradiction findings against labelled conflict pairs. Pure functions: the bench feeds them the
 * linter's messages (as `Finding`s) and the labels of a built set.
 *
 * A finding is a reported line plus the line it names as the other side (its related location). It
 * - matches a label loosely when one of its two lines is one of the label's two lines (same file);
 * - matches strictly when its two lines are exactly the label's two lines (both sides right).
 * Recall is counted per label, precision per finding (a finding that loosely matches any label is correct).
 */

export interface Finding {
  /** Path of the reported file, relative to the set's folder. */
  file: string;
  line: number;
  /** The other side, when the finding names one. */
  otherFile?: string;
  otherLine?: number;
  /** A location in another file that the finding also names (the attached example an instruction is broken by). */
  attachedFile?: string;
  attachedLine?: number;
  ruleId: string;
  /** The detector's own name for the dimension (from its message), for per-kind precision. */
  detectorKind: string;
  message: string;
}

export interface PairLabel {
  file: string;
  kind: string;
  lines: [number, number];
  otherFile?: string;
  oneSided?: boolean;
  sameSentence?: boolean;
  natural?: boolean;
  /** Lines between the two sides, or "cross-file". */
  distance?: number | string;
}

type Side = { file: string; line: number };

function sidesOfLabel(label: PairLabel): [Side, Side] {
  return [
    { file: label.file, line: label.lines[0] },
    { file: label.otherFile ?? label.file, line: label.lines[1] },
  ];
}

function sidesOfFinding(finding: Finding): Side[] {
  const sides: Side[] = [{ file: finding.file, line: finding.line }];
  if (finding.otherLine !== undefined) sides.push({ file: finding.otherFile ?? finding.file, line: finding.otherLine });
  return sides;
}

const same = (a: Side, b: Side) => a.file === b.file && a.line === b.line;

export function matchesLoosely(finding: Finding, label: PairLabel): boolean {
  const labelSides = sidesOfLabel(label);
  return sidesOfFinding(finding).some((s) => labelSides.some((l) => same(s, l)));
}

export function matchesStrictly(finding: Finding, label: PairLabel): boolean {
  const f = sidesOfFinding(finding);
  if (f.length !== 2) return false;
  const [a, b] = sidesOfLabel(label);
  return (same(f[0]!, a) && same(f[1]!, b)) || (same(f[0]!, b) && same(f[1]!, a));
}

export interface Tally {
  labels: number;
  found: number;
  strict: number;
}

export interface PairScore {
  byKind: Map<string, Tally>;
  /** Slices across kinds: far apart, one-sided, same sentence, natural (one side from the base text), cross-file. */
  bySlice: Map<string, Tally>;
  all: Tally;
  findings: number;
  correctFindings: number;
  /** Per detector kind: findings and how many of them were correct. */
  byDetectorKind: Map<string, { findings: number; correct: number }>;
  missed: PairLabel[];
  falseAlarms: Finding[];
}

function bump(map: Map<string, Tally>, key: string, found: boolean, strict: boolean): void {
  const t = map.get(key) ?? { labels: 0, found: 0, strict: 0 };
  t.labels++;
  if (found) t.found++;
  if (strict) t.strict++;
  map.set(key, t);
}

export function slicesOf(label: PairLabel): string[] {
  const slices: string[] = [];
  if (label.distance === "cross-file" || label.distance === Number.POSITIVE_INFINITY) slices.push("cross-file");
  else if (typeof label.distance === "number" && label.distance > 15) slices.push("more than 15 lines apart");
  else slices.push("within 15 lines");
  if (label.oneSided) slices.push("one-sided condition");
  if (label.sameSentence) slices.push("same sentence");
  if (label.natural) slices.push("one side in the base text");
  return slices;
}

export function scorePairs(labels: readonly PairLabel[], findings: readonly Finding[]): PairScore {
  const score: PairScore = {
    byKind: new Map(),
    bySlice: new Map(),
    all: { labels: 0, found: 0, strict: 0 },
    findings: findings.length,
    correctFindings: 0,
    byDetectorKind: new Map(),
    missed: [],
    falseAlarms: [],
  };
  for (const label of labels) {
    const found = findings.some((f) => matchesLoosely(f, label));
    const strict = findings.some((f) => matchesStrictly(f, label));
    bump(score.byKind, label.kind, found, strict);
    for (const slice of slicesOf(label)) bump(score.bySlice, slice, found, strict);
    score.all.labels++;
    if (found) score.all.found++;
    if (strict) score.all.strict++;
    if (!strict) score.missed.push(label);
  }
  for (const finding of findings) {
    const correct = labels.some((l) => matchesLoosely(finding, l));
    if (correct) score.correctFindings++;
    else score.falseAlarms.push(finding);
    const d = score.byDetectorKind.get(finding.detectorKind) ?? { findings: 0, correct: 0 };
    d.findings++;
    if (correct) d.correct++;
    score.byDetectorKind.set(finding.detectorKind, d);
  }
  return score;
}

/** An example that breaks an instruction: the instruction's line and the line span of the offending example. */
export interface ExampleLabel {
  file: string;
  kind: string;
  instruction: number;
  example: [number, number];
  /** When the examples live in another file (a JSONL set attached by frontmatter): that file. */
  exampleFile?: string;
}

export interface ExampleScore {
  byKind: Map<string, Tally>;
  all: Tally;
  findings: number;
  correctFindings: number;
  missed: ExampleLabel[];
  falseAlarms: Finding[];
}

/** Loose: the finding lies inside the example's span. Strict: and it names the labelled instruction line. */
export function scoreExamples(labels: readonly ExampleLabel[], findings: readonly Finding[]): ExampleScore {
  const inside = (f: Finding, l: ExampleLabel) => {
    const exampleFile = l.exampleFile ?? l.file;
    if (f.file === exampleFile) return f.line >= l.example[0] && f.line <= l.example[1];
    // Reported on the prompt, pointing into the example file.
    if (f.file !== l.file) return false;
    const within = (line: number | undefined) => line !== undefined && line >= l.example[0] && line <= l.example[1];
    return (f.otherFile === exampleFile && within(f.otherLine)) || (f.attachedFile === exampleFile && within(f.attachedLine));
  };
  const score: ExampleScore = { byKind: new Map(), all: { labels: 0, found: 0, strict: 0 }, findings: findings.length, correctFindings: 0, missed: [], falseAlarms: [] };
  for (const label of labels) {
    const found = findings.some((f) => inside(f, label));
    const strict = findings.some((f) => inside(f, label) && (f.otherLine === label.instruction || (f.file === label.file && f.line === label.instruction)));
    bump(score.byKind, label.kind, found, strict);
    score.all.labels++;
    if (found) score.all.found++;
    if (strict) score.all.strict++;
    if (!found) score.missed.push(label);
  }
  for (const finding of findings) {
    if (labels.some((l) => inside(finding, l))) score.correctFindings++;
    else score.falseAlarms.push(finding);
  }
  return score;
}

/** The dimension a contradiction message names: "Unexpected code in answers instruction that …" -> "code in answers". */
export function detectorKindOf(message: string): string {
  const m = /^Unexpected (.+?) (?:instruction|example|repetition)\b/.exec(message);
  return m ? m[1]! : "(other)";
}

export function ratio(n: number, d: number): string {
  return d === 0 ? "  -  " : (n / d).toFixed(2);
}
