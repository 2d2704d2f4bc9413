import { defineRule } from "../../engine/rule";
import { attr, fail, notApplicable, pass } from "../_shared";
import { block, isFalse } from "../../engine/values";

/** The endpoints azurerm polls on create (and reads queue properties from on every refresh) while the data plane is "available". */
const POLLED_SUBRESOURCES = ["blob", "queue", "file", "web"];

export default defineRule({
  id: "AZ-DEP-002",
  title: "A private storage account is managed without data-plane polling, or every polled endpoint is private",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  // 6.5.1: changes follow procedures that include testing them; this check is part of that test.
  pci: ["6.5.1"],
  description:
    "With the provider default features.storage.data_plane_available = true, creating an account polls its blob, queue, file and web endpoints and every refresh reads queue properties; an account with public network access off answers 403 unless each of those has a private endpoint the deployer resolves (hashicorp/terraform-provider-azurerm#33454).",
  fix: "Set features { storage { data_plane_available = false } } on the azurerm provider, or add a private endpoint for each of blob, queue, file and web.",
  check: (r, ctx) => {
    if (!isFalse(attr(r, ctx, "public_network_access_enabled"))) return notApplicable("public network access is on");
    const provider = ctx.graph.providerConfig(r, "azurerm");
    const storage = block(block(provider, "features"), "storage");
    if (isFalse(storage?.["data_plane_available"])) return pass("provider features.storage.data_plane_available = false");
    const endpoints = ctx.graph.referrers(r, { type: "azurerm_private_endpoint" });
    const covered = new Set(
      endpoints.flatMap((e) => {
        const psc = block(e.config, "private_service_connection");
        return Array.isArray(psc?.["subresource_names"]) ? (psc["subresource_names"] as string[]) : [];
      }),
    );
    const missing = POLLED_SUBRESOURCES.filter((s) => !covered.has(s));
    if (missing.length === 0) return pass("blob, queue, file and web all have private endpoints");
    return fail(
      `public_network_access_enabled = false, the provider polls the data plane (features.storage.data_plane_available is not false) and ${missing.join(", ")} have no private endpoint; set data_plane_available = false on the provider`,
    );
  },
});
