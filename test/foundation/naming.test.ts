import { AzureNaming, InvalidResourceNameError, validateName } from "../../constructs/azure/naming";

describe("AzureNaming", () => {
  const naming = new AzureNaming({ workload: "pay", environment: "prod", location: "westeurope", uniqueSeed: "tenant-a" });

  test("uses CAF abbreviations, the environment and the region code", () => {
    expect(naming.name("resourceGroup", { qualifier: "data" })).toBe("rg-pay-prod-weu-data");
    expect(naming.name("virtualNetwork")).toBe("vnet-pay-prod-weu");
    expect(naming.name("subnet", { qualifier: "pe" })).toBe("snet-pay-prod-weu-pe");
    expect(naming.name("networkSecurityGroup", { qualifier: "pe" })).toBe("nsg-pay-prod-weu-pe");
    expect(naming.name("logAnalyticsWorkspace")).toBe("log-pay-prod-weu");
  });

  test("globally unique names carry a deterministic suffix", () => {
    const again = new AzureNaming({ workload: "pay", environment: "prod", location: "westeurope", uniqueSeed: "tenant-a" });
    const other = new AzureNaming({ workload: "pay", environment: "prod", location: "westeurope", uniqueSeed: "tenant-b" });
    expect(naming.name("keyVault")).toMatch(/^kv-pay-prod-weu-[0-9a-f]{4}$/);
    expect(again.name("keyVault")).toBe(naming.name("keyVault"));
    expect(other.name("keyVault")).not.toBe(naming.name("keyVault"));
    expect(naming.name("sqlServer")).toBe(`sql-pay-prod-weu-${naming.suffix}`);
    expect(naming.name("resourceGroup")).not.toContain(naming.suffix);
  });

  test("storage accounts drop separators and stay within 24 lowercase alphanumerics", () => {
    const name = naming.name("storageAccount", { qualifier: "dl" });
    expect(name).toBe(`stpayprodweudl${naming.suffix}`);
    expect(name).toMatch(/^[a-z0-9]{3,24}$/);
  });

  test("Synapse SQL pools use underscores, which are the only separator they allow", () => {
    expect(naming.name("synapseSqlPool")).toBe("syndp_pay_prod_weu");
  });

  test("secondary-region resources carry the secondary region code", () => {
    expect(naming.name("sqlServer", { location: "northeurope" })).toMatch(/^sql-pay-prod-neu-/);
  });

  test("a name longer than the service allows is refused with the limit", () => {
    const long = new AzureNaming({ workload: "paymnt", environment: "staging2", location: "germanywestcentral", uniqueSeed: "x" });
    expect(() => long.name("keyVault")).toThrow(InvalidResourceNameError);
    expect(() => long.name("keyVault")).toThrow(/keyVault has 27 characters; allowed: 3-24/);
  });

  test.each([
    ["keyVault", "kv--double", /single hyphens/],
    ["storageAccount", "st-with-hyphen", /lowercase letters and digits only/],
    ["synapseWorkspace", "synw-x-ondemand", /not containing '-ondemand'/],
    ["synapseSqlPool", "pool-with-hyphen", /underscores/],
    ["subnet", "-leading", /starting and ending with a letter or digit/],
  ] as const)("validateName(%s, %s) names the charset rule", (kind, name, message) => {
    expect(() => validateName(kind, name)).toThrow(message);
  });
});
