import { TerraformResource } from "cdktf";

/**
 * Sets lifecycle `prevent_destroy` on each resource when `protect` is true, keeping any lifecycle
 * settings it already has. When false the resource gets no lifecycle block at all, so unprotected
 * environments synthesize the same JSON as before the flag existed.
 */
export function preventDestroy(protect: boolean, ...resources: TerraformResource[]): void {
  if (!protect) return;
  for (const resource of resources) resource.lifecycle = { ...resource.lifecycle, preventDestroy: true };
}
