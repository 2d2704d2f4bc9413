/**
 * Whether a Terraform resource type accepts `tags`, read from the generated provider class
 * (its `tagsInput` getter exists exactly when the schema has `tags`).
 */
const cache = new Map<string, boolean>();
/** Providers whose resources may take `tags` (the time provider's take none). */
const PROVIDER_PACKAGES = new Set(["azurerm", "aws", "snowflake", "mongodbatlas"]);

export function isTaggableType(type: string): boolean {
  const known = cache.get(type);
  if (known !== undefined) return known;
  const [provider, ...rest] = type.split("_");
  const pkg = PROVIDER_PACKAGES.has(provider!) ? `@cdktf/provider-${provider}` : undefined;
  let taggable = false;
  if (pkg) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(`${pkg}/lib/${rest.join("-")}`) as Record<string, unknown>;
    // The resource's own class (a module also exports its nested block classes, some with a `tags` of their own).
    const resourceClass = Object.values(mod).find(
      (cls) => typeof cls === "function" && (cls as { tfResourceType?: string }).tfResourceType === type,
    );
    if (!resourceClass) throw new Error(`no class with tfResourceType ${type} in ${pkg}/lib/${rest.join("-")}`);
    taggable = "tagsInput" in (resourceClass as { prototype: object }).prototype;
  }
  cache.set(type, taggable);
  return taggable;
}
