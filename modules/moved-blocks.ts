import { TerraformElement } from "cdktf";
import { Construct } from "constructs";

export interface MovedBlocksProps {
  /** Whole-resource addresses: `aws_iam_role.old` -> `aws_iam_role.new`. */
  readonly moves: readonly { readonly from: string; readonly to: string }[];
}

/**
 * Terraform `moved` blocks: the state follows a renamed address instead of destroying and creating
 * the object. Several of these elements in one stack merge into one `moved` list.
 */
export class MovedBlocks extends TerraformElement {
  private readonly moves: readonly { readonly from: string; readonly to: string }[];

  constructor(scope: Construct, id: string, props: MovedBlocksProps) {
    super(scope, id);
    this.moves = props.moves.map((m) => ({ from: m.from, to: m.to }));
  }

  toTerraform(): Record<string, unknown> {
    return this.moves.length ? { moved: this.moves.map((m) => ({ from: m.from, to: m.to })) } : {};
  }
}
