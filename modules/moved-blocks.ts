import { TerraformElement } from "cdktf";
import { Construct } from "constructs";

/**
 * The stack's `moved` blocks, sorted by their `from` address so the output never depends on the order
 * they were added in. A moved block whose `from` is not in state does nothing, so keyless emits them
 * unconditionally: a state written by an earlier keyless version is moved on its next plan, and a new
 * state is unaffected. One element holds them all, so 50,000 of them stay one construct.
 */
export class MovedBlocks extends TerraformElement {
  private readonly moves = new Map<string, string>();
  private marker?: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** Adds `moved { from = <from>, to = <to> }`; a second move from the same address is ignored. */
  add(from: string, to: string): void {
    if (from !== to && !this.moves.has(from)) this.moves.set(from, to);
  }

  get size(): number {
    return this.moves.size;
  }

  /** The addresses moved from, sorted. */
  get froms(): string[] {
    return [...this.moves.keys()].sort();
  }

  /** Drops the moves whose `from` address (resource part) is declared by the stack itself. */
  dropDeclared(declared: ReadonlySet<string>): void {
    for (const from of [...this.moves.keys()]) if (declared.has(from.replace(/\[.*$/, ""))) this.moves.delete(from);
  }

  private blocks(): { from: string; to: string }[] {
    return this.froms.map((from) => ({ from, to: this.moves.get(from)! }));
  }

  toTerraform(): any {
    if (!this.moves.size) return {};
    // Deferred, the list holds one marker element: other elements' moved blocks merge beside it.
    return { moved: this.marker ? [this.marker] : this.blocks() };
  }

  toHclTerraform(): any {
    return this.moves.size ? { moved: this.blocks() } : {};
  }

  /**
   * For `synthesize` (modules/synth.ts) only, like AccountAssignments.deferMaps: the JSON output gets
   * `marker` as the one element of its list, and the returned function renders the elements as cdktf
   * would, indented like the marker.
   */
  defer(marker: string): Map<string, (indent: string) => string> {
    if (!this.moves.size) return new Map();
    this.marker = marker;
    // Written out directly: the same text as JSON.stringify of the blocks, without the objects.
    const render = (indent: string) => {
      const inner = `${indent}  `;
      return this.froms.map((from) => `{\n${inner}"from": ${JSON.stringify(from)},\n${inner}"to": ${JSON.stringify(this.moves.get(from))}\n${indent}}`).join(`,\n${indent}`);
    };
    return new Map([[marker, render]]);
  }
}
