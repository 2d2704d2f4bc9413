import { AzureEnvironment } from "./types";

/**
 * Development: one region, smallest SKUs, no firewall or DDoS plan (about $3,900/month saved; the
 * platform stays private through private endpoints and NSGs), local state for a single engineer.
 */
export const dev: AzureEnvironment = {
  name: "dev",
  tier: "dev",
  workload: "pay",
  location: "westeurope",
  // Replace both ids with your own tenant and dev subscription before `cdktf deploy azure-dev`.
  tenantId: "4a1c7e52-93b8-4d6f-8e20-6b5d3f9c1a7e",
  subscriptionId: "0b1f6471-1bf0-4dda-aec3-cb9272f09590",
  network: {
    addressSpace: "10.10.0.0/16",
    privateEndpointSubnet: "10.10.1.0/24",
    integrationSubnet: "10.10.2.0/24",
  },
  tags: {
    owner: "data-platform@example.com",
    costCenter: "CC-4410",
    dataClassification: "confidential",
    environment: "dev",
  },
  retention: { logAnalyticsDays: 90, sqlPointInTimeDays: 7, keyVaultSoftDeleteDays: 7 },
  alertContacts: { emails: ["data-platform-dev@example.com"] },
  budget: { monthlyAmountUsd: 4500, actualThresholdsPercent: [80, 100], forecastThresholdsPercent: [100] },
  stateBackend: { kind: "local" },
  sqlAdminGroup: { displayName: "sg-pay-dev-sql-admins", objectId: "5c0e3a1d-8f57-4b2f-9a0e-2f1d6c7b8a90" },
  sizing: {
    sqlDatabase: {
      skuName: "GP_S_Gen5_2",
      maxSizeGb: 32,
      zoneRedundant: false,
      readScaleOut: false,
      backupStorageRedundancy: "Local",
      minCapacity: 0.5,
      autoPauseDelayMinutes: 60,
    },
    synapse: { sqlPoolSku: "DW100c", geoBackup: false, dataLakeReplication: "LRS" },
    cosmos: { autoscaleMaxThroughput: 1000, multiRegion: false, zoneRedundant: false },
    dataFactory: { scheduledFlowsEnabled: false },
  },
  cdc: { enabled: true, tables: ["Payment", "Refund", "Dispute", "Merchant", "Customer", "PaymentMethod"] },
  policy: { packs: ["baseline", "deployability"] },
  deletionProtection: false,
};
