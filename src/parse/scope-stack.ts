/**
 * The open blocks of a template (`{% for %}`, `{{#each}}`...) with the names they make local. Asking "is this
 * name local to an open block?" or "which block does this closer end?" by walking the stack costs one step
 * per open block, and a file of 10,000 unclosed `{% if %}` tags asks it for every tag: quadratic. Here both
 * answers come from counts and per-keyword index stacks kept up to date on push and close, so each block
 * costs O(1) amortised however deep the nesting.
 */
export class ScopeStack {
  private readonly keywords: string[] = [];
  private readonly locals: (ReadonlySet<string> | undefined)[] = [];
  private readonly changesContext: boolean[] = [];
  /** Stack positions of the open blocks of each keyword, innermost last. */
  private readonly positions = new Map<string, number[]>();
  /** How many open blocks declare each local name. */
  private readonly localCounts = new Map<string, number>();
  private contextChanges = 0;

  /** Opens a block. `changesContext`: Handlebars `#each`/`#with` make `this` the current item. */
  push(keyword: string, locals?: ReadonlySet<string>, changesContext = false): void {
    const at = this.keywords.length;
    this.keywords.push(keyword);
    this.locals.push(locals && locals.size > 0 ? locals : undefined);
    this.changesContext.push(changesContext);
    let list = this.positions.get(keyword);
    if (!list) this.positions.set(keyword, (list = []));
    list.push(at);
    if (locals) for (const name of locals) this.localCounts.set(name, (this.localCounts.get(name) ?? 0) + 1);
    if (changesContext) this.contextChanges++;
  }

  /** Closes the innermost open block named `keyword` and every block opened inside it; nothing when none is open. */
  close(keyword: string): void {
    const list = this.positions.get(keyword);
    if (!list || list.length === 0) return;
    const at = list[list.length - 1]!;
    while (this.keywords.length > at) this.pop();
  }

  /** A name some open block declares (a loop target, a `with` binding, block params). */
  hasLocal(name: string): boolean {
    return (this.localCounts.get(name) ?? 0) > 0;
  }

  /** Open blocks that changed the context (`this`). */
  get contextDepth(): number {
    return this.contextChanges;
  }

  private pop(): void {
    const keyword = this.keywords.pop()!;
    const locals = this.locals.pop();
    if (this.changesContext.pop()) this.contextChanges--;
    // The popped block is the innermost of its keyword, so it is the last entry of its list.
    this.positions.get(keyword)!.pop();
    if (locals) {
      for (const name of locals) {
        const left = this.localCounts.get(name)! - 1;
        if (left === 0) this.localCounts.delete(name);
        else this.localCounts.set(name, left);
      }
    }
  }
}
