/**
 * Whether a Terraform resource type accepts `tags`, read from the generated provider class
 * (its `tagsInput` getter exists exactly when the schema has `tags`).
 */
const cache = new Map<string, boolean>();

export function isTaggableType(type: string): boolean {
  const known = cache.get(type);
  if (known !== undefined) return known;
  const [provider, ...rest] = type.split("_");
  const pkg = provider === "azurerm" ? "@cdktf/provider-azurerm" : provider === "aws" ? "@cdktf/provider-aws" : undefined;
  let taggable = false;
  if (pkg) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(`${pkg}/lib/${rest.join("-")}`) as Record<string, unknown>;
    taggable = Object.values(mod).some((cls) => typeof cls === "function" && "tagsInput" in (cls as { prototype: object }).prototype);
  }
  cache.set(type, taggable);
  return taggable;
}
