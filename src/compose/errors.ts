import type { Range } from "../model/document.js";

/** A step of the reference chain from the composed file down to a failing reference. */
export interface ReferenceStep {
  /** File holding the reference. */
  filePath: string;
  /** Range of the `extends` value or of the include tag in that file. */
  range: Range;
  /** The file it leads to. */
  target: string;
}

/**
 * Composition cannot finish: a base or partial is missing or unreadable, or files extend/include each
 * other in a cycle. `filePath`/`range` point at the reference that failed; `via` is the chain of
 * references that led there from the composed file (empty when the failure is in the composed file itself).
 */
export class ComposeError extends Error {
  readonly kind: "missing" | "cycle" | "too-deep";
  readonly filePath: string;
  readonly range: Range;
  readonly line: number;
  readonly column: number;
  readonly via: ReferenceStep[];
  /** For `missing`: the paths that were tried. For `cycle`: the files in the cycle, first repeated last. */
  readonly paths: string[];
  /** For `missing`: the file exists or may exist, but lies outside the folders composition may read. */
  readonly outside: boolean;

  constructor(init: {
    kind: ComposeError["kind"];
    message: string;
    filePath: string;
    range: Range;
    line: number;
    column: number;
    via: ReferenceStep[];
    paths: string[];
    outside?: boolean;
  }) {
    super(init.message);
    this.name = "ComposeError";
    this.kind = init.kind;
    this.filePath = init.filePath;
    this.range = init.range;
    this.line = init.line;
    this.column = init.column;
    this.via = init.via;
    this.paths = init.paths;
    this.outside = init.outside ?? false;
  }
}

/** A composition problem that does not stop it: an unknown or ambiguous section name. */
export interface ComposeProblem {
  kind: "unknown-section" | "ambiguous-section" | "append-without-section" | "frontmatter";
  message: string;
  filePath: string;
  range: Range;
  /** The section name concerned. */
  name?: string;
}
