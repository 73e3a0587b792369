import { TerraformDataSource, TerraformProvider, TerraformResource, TerraformStack } from "cdktf";

/**
 * Which keys of each resource, data source and provider type are nested blocks (`assume_role { }`)
 * rather than attributes (`tags = { }`). Terraform's JSON syntax doesn't say; the provider bindings do,
 * through the `isBlock` flags of `synthesizeHclAttributes()`. Keys: `resource.<type>`, `data.<type>`,
 * `provider.<name>`; values: dotted paths of block keys (`alternate_identifier.unique_attribute`).
 */
export type BlockPaths = ReadonlyMap<string, ReadonlySet<string>>;

interface HclAttribute {
  readonly value: unknown;
  readonly isBlock?: boolean;
}

export function collectBlockPaths(stack: TerraformStack): BlockPaths {
  const out = new Map<string, Set<string>>();
  for (const c of stack.node.findAll()) {
    let key: string | undefined;
    if (c instanceof TerraformResource) key = `resource.${c.terraformResourceType}`;
    else if (c instanceof TerraformDataSource) key = `data.${c.terraformResourceType}`;
    else if (c instanceof TerraformProvider) key = `provider.${c.terraformResourceType}`;
    if (!key) continue;
    const attrs = (c as unknown as { synthesizeHclAttributes(): Record<string, HclAttribute> }).synthesizeHclAttributes();
    const set = out.get(key) ?? new Set<string>();
    walk(attrs, "", set);
    out.set(key, set);
  }
  return out;
}

function walk(attrs: unknown, prefix: string, into: Set<string>): void {
  if (!attrs || typeof attrs !== "object") return;
  for (const [name, attr] of Object.entries(attrs as Record<string, HclAttribute | undefined>)) {
    if (!attr || typeof attr !== "object" || !attr.isBlock) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    into.add(path);
    for (const item of Array.isArray(attr.value) ? attr.value : [attr.value]) walk(item, path, into);
  }
}
