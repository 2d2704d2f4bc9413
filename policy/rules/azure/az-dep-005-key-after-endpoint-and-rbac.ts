import { defineRule } from "../../engine/rule";
import { dependencies, fail, notApplicable, pass, waitsForRbacPropagation } from "../_shared";
import { isFalse } from "../../engine/values";

export default defineRule({
  id: "AZ-DEP-005",
  title: "A key in a private vault is created after the vault's private endpoint and the deployer's role propagation",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault_key"],
  pci: ["6.5.1", "3.6.1"],
  description:
    "Terraform creates keys through the vault's data plane. A vault with public network access off answers only through its private endpoint (with its DNS zone group), and the deployer's Crypto Officer role takes minutes to be enforced: without both, the first deploy fails with 403 ForbiddenByRbac or a connection error.",
  fix: "Add to the key's depends_on the vault's azurerm_private_endpoint and a time_sleep whose depends_on lists the deployer's role assignment.",
  check: (r, ctx) => {
    const vault = ctx.graph.resolve(r.config["key_vault_id"], "azurerm_key_vault");
    if (!vault || !isFalse(vault.config["public_network_access_enabled"])) return notApplicable("vault not in this stack or public");
    const endpoints = new Set(ctx.graph.referrers(vault, { type: "azurerm_private_endpoint" }).map((e) => e.address));
    const problems = [
      ...(dependencies(r, ctx).some((d) => endpoints.has(d.address)) ? [] : [`add the private endpoint of ${vault.address} to depends_on`]),
      ...(waitsForRbacPropagation(r, ctx) ? [] : ["add to depends_on a time_sleep after the deployer's role assignment"]),
    ];
    return problems.length === 0 ? pass("waits for the private endpoint and RBAC propagation") : fail(problems.join("; "));
  },
});
