import { AzureEnvironment } from "./types";

/**
 * Staging: production's shape at a fraction of the size (General Purpose SQL, DW200c, one Cosmos
 * region), shared remote state, nightly ETL on so the pipelines run every day before prod does.
 */
export const staging: AzureEnvironment = {
  name: "staging",
  tier: "staging",
  workload: "pay",
  location: "westeurope",
  secondaryLocation: "northeurope",
  tenantId: "4a1c7e52-93b8-4d6f-8e20-6b5d3f9c1a7e",
  subscriptionId: "3d2a9f6e-7c41-4e0b-8d55-1a6b9c0e4f21",
  network: {
    addressSpace: "10.20.0.0/16",
    privateEndpointSubnet: "10.20.1.0/24",
    integrationSubnet: "10.20.2.0/24",
  },
  tags: {
    owner: "data-platform@example.com",
    costCenter: "CC-4410",
    dataClassification: "confidential",
    environment: "staging",
  },
  retention: { logAnalyticsDays: 90, sqlPointInTimeDays: 14, keyVaultSoftDeleteDays: 90 },
  alertContacts: { emails: ["data-platform-staging@example.com"] },
  budget: { monthlyAmountUsd: 6000, actualThresholdsPercent: [80, 100], forecastThresholdsPercent: [100] },
  stateBackend: {
    kind: "azurerm",
    resourceGroupName: "rg-pay-tfstate-weu",
    storageAccountName: "stpaytfstateweu",
    containerName: "tfstate",
    key: "azure-staging.tfstate",
  },
  sqlAdminGroup: { displayName: "sg-pay-staging-sql-admins", objectId: "9e4b2c71-3a6d-4f08-b1c5-7d2e8f9a0b13" },
  sizing: {
    sqlDatabase: {
      skuName: "GP_Gen5_4",
      maxSizeGb: 256,
      zoneRedundant: false,
      readScaleOut: false,
      backupStorageRedundancy: "Zone",
    },
    synapse: { sqlPoolSku: "DW200c", geoBackup: false, dataLakeReplication: "ZRS" },
    cosmos: { autoscaleMaxThroughput: 10000, multiRegion: false, zoneRedundant: false },
    dataFactory: { scheduledFlowsEnabled: true },
  },
  cdc: { enabled: true, tables: ["Payment", "Refund", "Dispute", "Merchant", "Customer", "PaymentMethod"] },
  policy: { packs: ["baseline", "deployability"] },
  deletionProtection: true,
};
