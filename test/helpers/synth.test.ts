/**
 * The synth helper itself: its cache never hands a changed environment another environment's stack,
 * files share synths through the run folder, and its queries fail with what they found.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dev } from "../../environments/dev";
import { AzureEnvironment, SynapseSqlPoolSku } from "../../environments/types";
import { SynthesizedStack, ref, synthAzure, synthCacheKey } from "./synth";

const POOL = "azurerm_synapse_sql_pool";

/** Dev with its Synapse pool at another SKU: a change the stack shows in one attribute. */
function devWithPool(sku: SynapseSqlPoolSku): AzureEnvironment {
  return { ...dev, sizing: { ...dev.sizing, synapse: { ...dev.sizing.synapse, sqlPoolSku: sku } } };
}

describe("synth cache", () => {
  test("a mutated copy of a synthesized environment gets its own stack", () => {
    expect(synthAzure(dev).only(POOL).config.sku_name).toBe("DW100c");
    expect(synthAzure(devWithPool("DW200c")).only(POOL).config.sku_name).toBe("DW200c");
    expect(synthAzure(dev).only(POOL).config.sku_name).toBe("DW100c");
  });

  test("an environment object changed after its synth is synthesized again (the key is its content, not its identity)", () => {
    const env = devWithPool("DW300c");
    expect(synthAzure(env).only(POOL).config.sku_name).toBe("DW300c");
    (env.sizing.synapse as { sqlPoolSku: SynapseSqlPoolSku }).sqlPoolSku = "DW400c";
    expect(synthAzure(env).only(POOL).config.sku_name).toBe("DW400c");
  });

  test("a content-equal copy shares the synth", () => {
    expect(synthAzure(structuredClone(dev))).toBe(synthAzure(dev));
  });

  test("the key tells a field set to undefined from a missing one, and the clouds apart", () => {
    const withUndefined = { ...dev, secondaryLocation: undefined } as AzureEnvironment;
    expect(synthCacheKey("azure", withUndefined)).not.toBe(synthCacheKey("azure", dev));
    expect(synthCacheKey("aws", dev as never)).not.toBe(synthCacheKey("azure", dev));
  });

  test("refuses an environment that is not plain data", () => {
    const withFunction = { ...dev, name: "dev", hook: () => 1 } as unknown as AzureEnvironment;
    expect(() => synthCacheKey("azure", withFunction)).toThrow(/function in environment "dev" cannot be hashed/);
  });

  test("the run folder holds each synthesized stack under its key, for the other test files", () => {
    const runDir = process.env["PAYMENTS_TEST_RUN_TMPDIR"];
    expect(runDir).toBeDefined();
    const file = join(runDir!, "synth-cache", `${synthCacheKey("azure", dev)}.json`);
    const text = synthAzure(dev).text;
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  test("another test file reads the stack from the run folder instead of synthesizing it again", () => {
    const text = synthAzure(dev).text;
    jest.isolateModules(() => {
      // A fresh module registry, as the next test file gets: empty in-memory cache, its own cdktf.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Testing } = require("cdktf") as typeof import("cdktf");
      const synth = jest.spyOn(Testing, "synth");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require("./synth") as typeof import("./synth");
      expect(fresh.synthAzure(dev).text).toBe(text);
      expect(synth).not.toHaveBeenCalled();
    });
  });
});

describe("queries", () => {
  const s = new SynthesizedStack(
    JSON.stringify({
      data: { azurerm_client_config: { current: {} } },
      resource: {
        azurerm_storage_account: { lake_account_A1: { name: "lake" }, logs_account_B2: { name: "logs" } },
        azurerm_private_endpoint: {
          lake_pe_C3: { private_service_connection: { private_connection_resource_id: "${azurerm_storage_account.lake_account_A1.id}" } },
        },
        azurerm_key_vault: { kv_D4: { tenant_id: "${data.azurerm_client_config.current.tenant_id}" } },
      },
      output: { lake: { value: "${azurerm_storage_account.lake_account_A1.name}" } },
    }),
  );

  test("only: exactly one, else the ids it found", () => {
    expect(s.only("azurerm_storage_account", "lake").config).toEqual({ name: "lake" });
    expect(() => s.only("azurerm_storage_account")).toThrow(
      "expected exactly one azurerm_storage_account, found 2: lake_account_A1, logs_account_B2",
    );
    expect(() => s.only("azurerm_storage_account", "nope")).toThrow('with an id containing "nope", found 0: none');
  });

  test("byIdPrefix matches the start of the logical id only", () => {
    expect(s.byIdPrefix("azurerm_storage_account", "logs_").name).toBe("logs_account_B2");
    expect(() => s.byIdPrefix("azurerm_storage_account", "account")).toThrow('starting "account", found 0');
  });

  test("resources, configs, entries, data, outputs", () => {
    expect(s.resources().map((r) => r.address)).toEqual([
      "azurerm_storage_account.lake_account_A1",
      "azurerm_storage_account.logs_account_B2",
      "azurerm_private_endpoint.lake_pe_C3",
      "azurerm_key_vault.kv_D4",
    ]);
    expect(s.configs("azurerm_storage_account")).toEqual([{ name: "lake" }, { name: "logs" }]);
    expect(s.entries("azurerm_key_vault").map(([id]) => id)).toEqual(["kv_D4"]);
    expect(s.data("azurerm_client_config").map((d) => d.address)).toEqual(["data.azurerm_client_config.current"]);
    expect(s.outputs["lake"]?.value).toBe("${azurerm_storage_account.lake_account_A1.name}");
  });

  test("referrers and referencing follow parsed references, not substrings", () => {
    const lake = s.only("azurerm_storage_account", "lake");
    expect(s.referrers(lake).map((r) => r.name)).toEqual(["lake_pe_C3"]);
    expect(s.referencing("azurerm_private_endpoint", "private_connection_resource_id", lake).map((r) => r.name)).toEqual(["lake_pe_C3"]);
    expect(s.referrers(s.only("azurerm_storage_account", "logs"))).toEqual([]);
    expect(s.referrers(s.data()[0]!).map((r) => r.name)).toEqual(["kv_D4"]);
  });

  test("ref builds the expression a reference is written as", () => {
    const lake = s.only("azurerm_storage_account", "lake");
    expect(ref(lake, "name")).toBe("${azurerm_storage_account.lake_account_A1.name}");
    expect(ref(lake.address)).toBe("${azurerm_storage_account.lake_account_A1.id}");
    expect(ref("aws_iam_role", "r_1", "arn")).toBe("${aws_iam_role.r_1.arn}");
  });
});
