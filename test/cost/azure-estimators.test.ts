import { AZ_PROVIDER, azureProdLike, estimate, line, res, tf } from "./fixtures";

const RG = { "azurerm_resource_group.rg": { name: "rg", location: "westeurope" } };

describe("azurerm_mssql_database", () => {
  const server = { "azurerm_mssql_server.s": { location: "westeurope" } };

  test("Business Critical: compute per vCore-hour, BC license, storage on max_size_gb, zone redundancy and read scale-out included", () => {
    // GIVEN
    const json = tf(
      {
        ...server,
        "azurerm_mssql_database.db": {
          server_id: "${azurerm_mssql_server.s.id}",
          sku_name: "BC_Gen5_8",
          max_size_gb: 1024,
          zone_redundant: true,
          read_scale: true,
        },
      },
      AZ_PROVIDER,
    );
    // WHEN
    const r = res(estimate(json), "azurerm_mssql_database.db");
    // THEN
    expect(line(r, /^Compute/)).toMatchObject({
      monthlyQuantity: 5840,
      unitPrice: 0.30444,
      monthlyCost: 1777.93,
      referenceRegion: true,
      priceRegion: "eastus",
    });
    expect(line(r, /license/)).toMatchObject({ monthlyQuantity: 5840, unitPrice: 0.375, monthlyCost: 2190 });
    expect(line(r, /Storage/)).toMatchObject({ monthlyQuantity: 1024, monthlyCost: 256 });
    expect(r.components.some((c) => /Zone redundancy/.test(c.name))).toBe(false);
    expect(r.notes).toEqual(
      expect.arrayContaining([expect.stringMatching(/zone redundancy is included/), expect.stringMatching(/read scale-out/)]),
    );
    expect(r.region).toBe("westeurope");
  });

  test("General Purpose zone-redundant adds the ZR compute add-on and ZR storage; BasePrice drops the license", () => {
    const json = tf({
      ...server,
      "azurerm_mssql_database.db": {
        server_id: "${azurerm_mssql_server.s.id}",
        sku_name: "GP_Gen5_4",
        max_size_gb: 10,
        zone_redundant: true,
        license_type: "BasePrice",
      },
    });
    const r = res(estimate(json), "azurerm_mssql_database.db");
    expect(line(r, /^Compute/).monthlyCost).toBeCloseTo(444.48, 1); // golden: $444.47
    expect(line(r, /Zone redundancy/).monthlyCost).toBeCloseTo(266.68, 1);
    expect(line(r, /Storage/)).toMatchObject({ unitPrice: 0.23, monthlyCost: 2.3 });
    expect(r.components.some((c) => c.kind === "license")).toBe(false);
  });

  test.each([
    // [usage vCore-hours, auto_pause_delay, expected billed vCore-hours]
    [100, 60, 100],
    [100, -1, 365], // never pauses: at least min_capacity (0.5) x 730
    [5000, 60, 1460], // capped at max vCores (2) x 730
  ])("serverless GP_S_Gen5_2 bills %p vCore-hours (auto-pause %p) as %p", (usage, pause, billed) => {
    const json = tf({
      ...server,
      "azurerm_mssql_database.db": {
        server_id: "${azurerm_mssql_server.s.id}",
        sku_name: "GP_S_Gen5_2",
        min_capacity: 0.5,
        auto_pause_delay_in_minutes: pause,
        max_size_gb: 32,
      },
    });
    const r = res(estimate(json, { resources: { azurerm_mssql_database: { serverlessVcoreHours: usage } } }), "azurerm_mssql_database.db");
    expect(line(r, /serverless/)).toMatchObject({ monthlyQuantity: billed, unitPrice: 0.52176, usageBased: true, usageFrom: "usage-file" });
    expect(r.components.some((c) => c.kind === "license")).toBe(false);
  });

  test("geo-secondary is priced as a full database in its own server's region, without backups", () => {
    const r = res(
      estimate(azureProdLike(), { resources: { azurerm_mssql_database: { ltrBackupStorageGb: 100 } } }),
      "azurerm_mssql_database.geo",
    );
    expect(r.region).toBe("northeurope");
    expect(r.regionSource).toBe("parent");
    expect(line(r, /^Compute/).monthlyCost).toBeCloseTo(1777.93, 2);
    expect(r.components.some((c) => c.kind === "backup")).toBe(false);
  });

  test("backup storage: LRS is priced; GeoZone (RA-GZRS) has no price and is reported as not priced", () => {
    const base = { server_id: "${azurerm_mssql_server.s.id}", sku_name: "GP_Gen5_2", max_size_gb: 10 };
    const json = tf({
      ...server,
      "azurerm_mssql_database.lrs": { ...base, storage_account_type: "Local" },
      "azurerm_mssql_database.gz": { ...base, storage_account_type: "GeoZone" },
    });
    const s = estimate(json, { resources: { azurerm_mssql_database: { pitrBackupStorageGb: 500, ltrBackupStorageGb: 1000 } } });
    expect(line(res(s, "azurerm_mssql_database.lrs"), /PITR/).monthlyCost).toBe(50);
    expect(line(res(s, "azurerm_mssql_database.lrs"), /Long-term/).monthlyCost).toBe(25);
    const gz = res(s, "azurerm_mssql_database.gz");
    expect(gz.status).toBe("partial");
    expect(line(gz, /PITR/)).toMatchObject({ monthlyCost: null, notPriced: expect.stringMatching(/ra-gzrs/) });
    expect(s.notPricedComponents).toBe(2);
  });

  test("DTU SKU priced per month; unknown SKU is not priced", () => {
    const json = tf({
      ...server,
      "azurerm_mssql_database.s1": { server_id: "${azurerm_mssql_server.s.id}", sku_name: "S1" },
      "azurerm_mssql_database.x": { server_id: "${azurerm_mssql_server.s.id}", sku_name: "XX_9" },
    });
    const s = estimate(json);
    expect(line(res(s, "azurerm_mssql_database.s1"), /S1/).monthlyCost).toBe(29.43);
    expect(res(s, "azurerm_mssql_database.x").status).toBe("not-priced");
  });
});

describe("azurerm_synapse_sql_pool / workspace", () => {
  test("DW500c = 5 blocks x 730 h at the westeurope DW100c rate, storage and geo DR from usage", () => {
    const s = estimate(azureProdLike(), { resources: { azurerm_synapse_sql_pool: { storageTb: 2 } } });
    const r = res(s, "azurerm_synapse_sql_pool.pool");
    expect(line(r, /DWU/)).toMatchObject({ monthlyQuantity: 3650, unitPrice: 1.51, monthlyCost: 5511.5 });
    expect(line(r, /DWU/).referenceRegion).toBeUndefined(); // westeurope has its own price
    expect(line(r, /^Storage/).monthlyCost).toBe(46);
    expect(line(r, /Geo-redundant/).monthlyCost).toBe(112.4);
  });

  test("DW200c matches the Infracost golden ($2,204.60) and geo backup off drops the DR line", () => {
    const json = tf({
      "azurerm_synapse_workspace.ws": { location: "westeurope" },
      "azurerm_synapse_sql_pool.p": {
        synapse_workspace_id: "${azurerm_synapse_workspace.ws.id}",
        sku_name: "DW200c",
        geo_backup_policy_enabled: false,
      },
    });
    const r = res(estimate(json), "azurerm_synapse_sql_pool.p");
    expect(line(r, /DWU/).monthlyCost).toBe(2204.6);
    expect(r.components.some((c) => /Geo/.test(c.name))).toBe(false);
  });
});

describe("Cosmos DB", () => {
  test("autoscale 110K RU/s in two zone-redundant regions: 1,100 x $8.76 per region, the AZ premium is waived for autoscale", () => {
    // Rule: "the premium pricing for availability zones is waived ... for collections configured with
    // autoscale mode" (learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql). Price:
    // $5.84 per 100 RU/s-month manual x 1.5 autoscale = $8.76 (Infracost cosmosdb golden, centralus).
    const r = res(estimate(azureProdLike()), "azurerm_cosmosdb_sql_database.db");
    expect(r.components).toHaveLength(2);
    for (const c of r.components)
      expect(c).toMatchObject({ monthlyQuantity: 110000 / 100, unitPrice: 5.84 * 1.5, monthlyCost: 1100 * 8.76, referenceRegion: true });
    expect(r.components.map((c) => c.name).join()).toMatch(/westeurope.*northeurope/);
    expect(r.notes).toContain("availability-zone premium waived (autoscale or multi-region writes)");
  });

  test("manual throughput in a zone-redundant region of a single-write account pays the 1.25 AZ rate", () => {
    // 10,000 RU/s = 100 units x $5.84 x 1.25 = $730 (golden row: $7.30 per 100 RU/s-month, centralus).
    const json = tf({
      "azurerm_cosmosdb_account.a": {
        location: "centralus",
        geo_location: [{ location: "centralus", failover_priority: 0, zone_redundant: true }],
      },
      "azurerm_cosmosdb_sql_database.d": { account_name: "${azurerm_cosmosdb_account.a.name}", throughput: 10000 },
    });
    expect(res(estimate(json), "azurerm_cosmosdb_sql_database.d").components[0]).toMatchObject({
      monthlyQuantity: 100,
      unitPrice: 7.3,
      monthlyCost: 100 * 5.84 * 1.25,
    });
  });

  test("autoscale utilization scales the billed peak but never below 10% of max", () => {
    const json = tf({
      "azurerm_cosmosdb_account.a": { location: "westus", geo_location: [{ location: "westus", failover_priority: 0 }] },
      "azurerm_cosmosdb_sql_container.c": {
        account_name: "${azurerm_cosmosdb_account.a.name}",
        autoscale_settings: [{ max_throughput: 4000 }],
      },
    });
    const half = line(
      res(
        estimate(json, { resources: { azurerm_cosmosdb_sql_container: { autoscaleUtilization: 0.5 } } }),
        "azurerm_cosmosdb_sql_container.c",
      ),
      /Throughput/,
    );
    expect(half).toMatchObject({ monthlyQuantity: 20, monthlyCost: 175.2 });
    expect(half.referenceRegion).toBeUndefined(); // westus has its own price
    expect(
      line(
        res(
          estimate(json, { resources: { azurerm_cosmosdb_sql_container: { autoscaleUtilization: 0 } } }),
          "azurerm_cosmosdb_sql_container.c",
        ),
        /Throughput/,
      ).monthlyQuantity,
    ).toBe(4);
  });

  test("manual throughput; multi-region writes have no price and are not priced", () => {
    const json = tf({
      "azurerm_cosmosdb_account.a": {
        location: "westus",
        geo_location: [
          { location: "westus", failover_priority: 0 },
          { location: "centralus", failover_priority: 1 },
        ],
      },
      "azurerm_cosmosdb_sql_database.d": { account_name: "${azurerm_cosmosdb_account.a.name}", throughput: 500 },
      "azurerm_cosmosdb_account.mw": {
        location: "westus",
        multiple_write_locations_enabled: true,
        geo_location: [{ location: "westus", failover_priority: 0 }],
      },
      "azurerm_cosmosdb_sql_database.m": { account_name: "${azurerm_cosmosdb_account.mw.name}", throughput: 1000 },
    });
    const s = estimate(json);
    expect(res(s, "azurerm_cosmosdb_sql_database.d").components.map((c) => c.monthlyCost)).toEqual([29.2, 29.2]); // golden: 5 x $5.84
    expect(res(s, "azurerm_cosmosdb_sql_database.m").status).toBe("not-priced");
  });

  test("account: storage and continuous backup per region from usage", () => {
    const r = res(
      estimate(azureProdLike(), { resources: { azurerm_cosmosdb_account: { transactionalStorageGb: 1000 } } }),
      "azurerm_cosmosdb_account.acc",
    );
    expect(r.components.filter((c) => /Transactional/.test(c.name)).map((c) => c.monthlyCost)).toEqual([250, 250]);
    expect(r.components.filter((c) => /Continuous/.test(c.name)).map((c) => c.monthlyCost)).toEqual([200, 200]);
  });
});

describe("Data Factory", () => {
  test("factory without IR prices orchestration, ops and the AutoResolve IR (managed VNet rates when enabled)", () => {
    const json = tf({ ...RG, "azurerm_data_factory.f": { location: "westeurope", managed_virtual_network_enabled: true } });
    const r = res(
      estimate(json, {
        resources: {
          azurerm_data_factory: {
            activityRunsPerMonth: 30000,
            diuHours: 100,
            pipelineActivityHours: 10,
            readWriteEntitiesPerMonth: 100000,
            monitoringRunsPerMonth: 50000,
          },
        },
      }),
      "azurerm_data_factory.f",
    );
    expect(line(r, /Orchestration/)).toMatchObject({ monthlyQuantity: 30, monthlyCost: 30 });
    expect(line(r, /Read\/write/).monthlyCost).toBe(1);
    expect(line(r, /Monitoring/).monthlyCost).toBe(0.25);
    expect(line(r, /Data movement/).monthlyCost).toBe(25);
    expect(line(r, /^Pipeline activity \(managed VNet\)/).monthlyCost).toBe(10);
  });

  test("with an Azure IR, movement and activity hours move to the IR; data flow vCore-hours", () => {
    const json = tf({
      "azurerm_data_factory.f": { location: "westeurope" },
      "azurerm_data_factory_integration_runtime_azure.ir": {
        data_factory_id: "${azurerm_data_factory.f.id}",
        location: "westeurope",
        compute_type: "General",
        core_count: 8,
      },
    });
    const s = estimate(json, { resources: { azurerm_data_factory_integration_runtime_azure: { diuHours: 730, dataFlowHours: 10 } } });
    expect(res(s, "azurerm_data_factory.f").components.some((c) => /Data movement/.test(c.name))).toBe(false);
    const ir = res(s, "azurerm_data_factory_integration_runtime_azure.ir");
    expect(line(ir, /Data movement/).monthlyCost).toBe(182.5); // golden
    expect(line(ir, /Data flow/)).toMatchObject({ monthlyQuantity: 80, monthlyCost: 21.44 });
  });
});

describe("storage, monitoring, network, keys", () => {
  test("Hot LRS capacity splits into tiers; cool data priced at the cool rate; GZRS capacity has no price", () => {
    const json = tf({
      "azurerm_storage_account.lake": { location: "westeurope", account_tier: "Standard", account_replication_type: "LRS" },
      "azurerm_storage_account.gz": { location: "westeurope", account_tier: "Standard", account_replication_type: "GZRS" },
    });
    const ops = { writeOps10k: 0, listOps10k: 0, readOps10k: 0, otherOps10k: 0 };
    const s = estimate(json, { resources: { azurerm_storage_account: { hotGb: 61200, coolGb: 1000, ...ops } } });
    const lake = res(s, "azurerm_storage_account.lake");
    expect(lake.components.map((c) => [c.monthlyQuantity, c.unitPrice])).toEqual([
      [51200, 0.0208],
      [10000, 0.01997],
      [1000, 0.0115],
    ]);
    expect(res(s, "azurerm_storage_account.gz").status).toBe("not-priced");
    expect(s.unpricedLines.map((u) => u.line)).toEqual(["Capacity (hot GZRS)", "Capacity (cool GZRS)"]);
  });

  test("Log Analytics: ingestion plus retention beyond 31 days (90 with Sentinel); Sentinel analysis per GB/day", () => {
    const ws = { "azurerm_log_analytics_workspace.w": { location: "westeurope", sku: "PerGB2018", retention_in_days: 91 } };
    const usage = {
      resources: {
        azurerm_log_analytics_workspace: { ingestionGbPerMonth: 20 },
        azurerm_sentinel_log_analytics_workspace_onboarding: { ingestionGbPerDay: 2 },
      },
    };
    const plain = res(estimate(tf(ws), usage), "azurerm_log_analytics_workspace.w");
    expect(line(plain, /ingestion/).monthlyCost).toBe(59.8); // golden: 20 GB -> $59.80
    expect(line(plain, /retention/)).toMatchObject({ monthlyQuantity: 40, monthlyCost: 5.2 });
    const withSentinel = estimate(
      tf({ ...ws, "azurerm_sentinel_log_analytics_workspace_onboarding.s": { workspace_id: "${azurerm_log_analytics_workspace.w.id}" } }),
      usage,
    );
    expect(line(res(withSentinel, "azurerm_log_analytics_workspace.w"), /retention/).monthlyQuantity).toBeCloseTo(0.6667, 3);
    // Sentinel pay-as-you-go, westeurope: $2.99/GB (Infracost log_analytics_workspace golden: 40 GB -> $119.60).
    // 2 GB/day x 730/24 days = 60.8333 GB -> $181.89.
    expect(res(withSentinel, "azurerm_sentinel_log_analytics_workspace_onboarding.s")).toMatchObject({
      status: "priced",
      region: "westeurope",
      monthlyCost: Math.round(((2 * 730) / 24) * 2.99 * 100) / 100,
    });
  });

  test("firewall, public IP, DDoS plan, private endpoint and private DNS zone", () => {
    const json = tf({
      ...RG,
      "azurerm_firewall.fw": { location: "${azurerm_resource_group.rg.location}", sku_tier: "Premium" },
      "azurerm_public_ip.ip": { location: "westeurope", sku: "Standard", allocation_method: "Static" },
      "azurerm_network_ddos_protection_plan.d": { location: "westeurope" },
      "azurerm_private_endpoint.pe": { location: "westeurope" },
      "azurerm_private_dns_zone.z": { name: "privatelink.database.windows.net", resource_group_name: "${azurerm_resource_group.rg.name}" },
    });
    const s = estimate(json, {
      resources: { azurerm_firewall: { dataProcessedGb: 0 }, azurerm_private_endpoint: { inboundGb: 0, outboundGb: 0 } },
    });
    expect(line(res(s, "azurerm_firewall.fw"), /Deployment/)).toMatchObject({
      monthlyCost: 1277.5,
      referenceRegion: true,
      priceRegion: "eastus",
    });
    expect(res(s, "azurerm_firewall.fw").region).toBe("westeurope"); // resolved through the resource group reference
    expect(res(s, "azurerm_public_ip.ip").monthlyCost).toBe(3.65);
    expect(res(s, "azurerm_network_ddos_protection_plan.d").monthlyCost).toBe(2943.55);
    expect(res(s, "azurerm_private_endpoint.pe").monthlyCost).toBe(7.3);
    expect(res(s, "azurerm_private_dns_zone.z")).toMatchObject({ monthlyCost: 0.5, region: "westeurope", regionSource: "parent" });
  });

  test("metric alerts count time series (scopes x criteria x dimension values); log alerts by frequency", () => {
    const json = tf({
      "azurerm_monitor_metric_alert.m": {
        scopes: ["a", "b"],
        criteria: [{ dimension: [{ values: ["X", "Y"] }] }, { dimension: [{ values: ["X", "Y"] }] }],
      },
      "azurerm_monitor_metric_alert.d": { scopes: ["a"], dynamic_criteria: [{ dimension: [{ values: ["*"] }] }] },
      "azurerm_monitor_scheduled_query_rules_alert_v2.q": { location: "westeurope", evaluation_frequency: "PT5M" },
      "azurerm_monitor_scheduled_query_rules_alert_v2.off": { location: "westeurope", evaluation_frequency: "PT1M", enabled: false },
    });
    const s = estimate(json);
    expect(res(s, "azurerm_monitor_metric_alert.m").monthlyCost).toBe(0.8); // golden: example-multi $0.80
    expect(res(s, "azurerm_monitor_metric_alert.d").monthlyCost).toBe(0.2);
    expect(res(s, "azurerm_monitor_scheduled_query_rules_alert_v2.q").monthlyCost).toBe(1.5);
    expect(res(s, "azurerm_monitor_scheduled_query_rules_alert_v2.off").monthlyCost).toBe(0);
  });

  test("Key Vault keys: HSM RSA 3072 at the advanced tier, software RSA 2048 only operations; the vault is free", () => {
    const json = tf({
      "azurerm_key_vault.kv": { location: "westeurope", sku_name: "premium" },
      "azurerm_key_vault_key.hsm": { key_vault_id: "${azurerm_key_vault.kv.id}", key_type: "RSA-HSM", key_size: 3072 },
      "azurerm_key_vault_key.sw": { key_vault_id: "${azurerm_key_vault.kv.id}", key_type: "RSA", key_size: 2048 },
    });
    const s = estimate(json, { resources: { azurerm_key_vault_key: { operations10k: 0 } } });
    expect(line(res(s, "azurerm_key_vault_key.hsm"), /HSM-protected/).monthlyCost).toBe(5);
    expect(res(s, "azurerm_key_vault_key.sw").monthlyCost).toBe(0);
    expect(res(s, "azurerm_key_vault.kv").status).toBe("free");
  });
});

describe("free and not-priced types", () => {
  test("free types are reported as free, unknown billable types as not priced (never $0 silently)", () => {
    const json = tf({
      ...RG,
      "azurerm_virtual_network.v": { location: "westeurope" },
      "azurerm_subnet_network_security_group_association.a": {},
      "azurerm_app_service_plan.p": { location: "westeurope" },
      "azurerm_virtual_network_peering.p": {},
    });
    const s = estimate(json);
    expect(res(s, "azurerm_resource_group.rg").status).toBe("free");
    expect(res(s, "azurerm_subnet_network_security_group_association.a").status).toBe("free");
    expect(res(s, "azurerm_app_service_plan.p")).toMatchObject({
      status: "not-priced",
      reason: expect.stringMatching(/^unclassified resource type/),
    });
    expect(res(s, "azurerm_virtual_network_peering.p").reason).toMatch(/per GB/);
    expect(s.notPricedResources).toBe(2);
    expect(s.totalMonthlyCost).toBe(0);
  });
});
