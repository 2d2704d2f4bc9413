import { DataLake } from "../../constructs/azure/data-lake";
import { LogAnalytics } from "../../constructs/azure/log-analytics";
import { PlatformResourceGroup } from "../../constructs/azure/resource-group";
import { storeTestbed } from "../helpers/azure";
import { synthesize } from "../helpers/synth";

// Secure by default, as the AWS constructs: a caller that forgets the flag gets a protected store.
describe("Azure constructs default deletionProtection to true", () => {
  function build(deletionProtection?: boolean) {
    const t = storeTestbed("datalake");
    const flag = deletionProtection === undefined ? {} : { deletionProtection };
    new DataLake(t.stack, "lake", {
      naming: t.naming,
      resourceGroupName: "rg-data",
      location: "westeurope",
      identity: t.identity,
      encryptionKey: t.key,
      privateAccess: t.privateAccess,
      diagnostics: t.diagnostics,
      deployerObjectId: "00000000-0000-0000-0000-000000000001",
      ...flag,
    });
    new LogAnalytics(t.stack, "logs", { naming: t.naming, resourceGroupName: "rg", location: "westeurope", retentionInDays: 90, ...flag });
    new PlatformResourceGroup(t.stack, "rg", { naming: t.naming, qualifier: "data", location: "westeurope", ...flag });
    return synthesize(t.stack);
  }
  const PROTECTED = [
    "azurerm_storage_account",
    "azurerm_storage_data_lake_gen2_filesystem",
    "azurerm_log_analytics_workspace",
    "azurerm_resource_group",
  ];

  test.each(PROTECTED)("%s: prevent_destroy when the flag is omitted", (type) => {
    const resources = build().entries(type);
    expect(resources.length).toBeGreaterThan(0);
    for (const [, r] of resources) expect(r.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("the resource group gets its CanNotDelete lock when the flag is omitted", () => {
    expect(
      build()
        .entries("azurerm_management_lock")
        .map(([, r]) => r.lock_level),
    ).toEqual(["CanNotDelete"]);
  });

  test.each(PROTECTED)("%s: no lifecycle block when deletionProtection is false", (type) => {
    for (const [, r] of build(false).entries(type)) expect(r.lifecycle).toBeUndefined();
  });

  test("no lock when deletionProtection is false", () => {
    expect(build(false).entries("azurerm_management_lock")).toEqual([]);
  });
});
