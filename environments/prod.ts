import { AzureEnvironment } from "./types";

/**
 * Production: the brief's SKUs (Business Critical Gen5 8 vCores, DW500c, Cosmos DB autoscale in two
 * regions), Azure Firewall and DDoS Network Protection, geo-redundant backups, locks and
 * `prevent_destroy` on every stateful resource.
 */
export const prod: AzureEnvironment = {
  name: "prod",
  tier: "prod",
  workload: "pay",
  location: "westeurope",
  secondaryLocation: "northeurope",
  tenantId: "4a1c7e52-93b8-4d6f-8e20-6b5d3f9c1a7e",
  subscriptionId: "8f7c6b5a-4d3e-4f21-9a0b-c1d2e3f4a5b6",
  network: {
    addressSpace: "10.30.0.0/16",
    privateEndpointSubnet: "10.30.1.0/24",
    integrationSubnet: "10.30.2.0/24",
    firewallSubnet: "10.30.3.0/26",
    ddosProtection: true,
  },
  tags: {
    owner: "data-platform@example.com",
    costCenter: "CC-4410",
    dataClassification: "restricted",
    environment: "prod",
  },
  retention: { logAnalyticsDays: 365, sqlPointInTimeDays: 35, keyVaultSoftDeleteDays: 90 },
  // A PagerDuty webhook carries its integration key in the URL: add it from a secret store, not here.
  alertContacts: { emails: ["data-platform-oncall@example.com", "payments-sre@example.com"] },
  // The offline estimate is ~$33,800/month (docs/cost.md explains the gap to the brief's $18,000);
  // a budget below the run rate would alert every month and be ignored.
  budget: { monthlyAmountUsd: 38000, actualThresholdsPercent: [50, 80, 100], forecastThresholdsPercent: [100, 110] },
  stateBackend: {
    kind: "azurerm",
    resourceGroupName: "rg-pay-tfstate-weu",
    storageAccountName: "stpaytfstateweu",
    containerName: "tfstate",
    key: "azure-prod.tfstate",
  },
  sqlAdminGroup: { displayName: "sg-pay-prod-sql-admins", objectId: "2b7d9e1f-6c3a-4b58-a0d2-e4f6a8c0b2d4" },
  sizing: {
    sqlDatabase: {
      skuName: "BC_Gen5_8",
      maxSizeGb: 1024,
      zoneRedundant: true,
      readScaleOut: true,
      backupStorageRedundancy: "GeoZone",
      longTermRetention: { weekly: "P12W", monthly: "P12M", yearly: "P7Y", weekOfYear: 1 },
      geoReplica: true,
    },
    synapse: { sqlPoolSku: "DW500c", geoBackup: true, dataLakeReplication: "GZRS" },
    cosmos: { autoscaleMaxThroughput: 110000, multiRegion: true, zoneRedundant: true, continuousBackupTier: "Continuous30Days" },
    dataFactory: { scheduledFlowsEnabled: true },
  },
  cdc: { enabled: true, tables: ["Payment", "Refund", "Dispute", "Merchant", "Customer", "PaymentMethod"] },
  policy: { packs: ["baseline", "deployability", "production"] },
  deletionProtection: true,
};
