import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-ST-011",
  title: "Storage accounts replicate to the paired region",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["12.10.1"],
  references: { checkov: ["CKV_AZURE_206"] },
  description: "Production data must survive the loss of a region.",
  fix: 'Set account_replication_type = "GZRS" (or GRS/RAGRS/RAGZRS).',
  check: (r, ctx) => expectOneOf(r, ctx, "account_replication_type", ["GRS", "RAGRS", "GZRS", "RAGZRS"]),
});
