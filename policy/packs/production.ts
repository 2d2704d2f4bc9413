/**
 * Rules added for production: zone redundancy, geo-backups, multi-region, locks and deletion protection.
 * Environments list it next to `baseline` (`packs: ["baseline", "production"]`).
 */
export const PRODUCTION_PACK: readonly string[] = [
  "ATL-007",
  "AWS-BAK-003",
  "AWS-CT-006",
  "AWS-CT-007",
  "AWS-CT-008",
  "AWS-DOC-005",
  "AWS-KMS-002",
  "AWS-RDS-005",
  "AWS-RDS-008",
  "AWS-SM-002",
  "AZ-COS-009",
  "AZ-COS-010",
  "AZ-GOV-001",
  "AZ-KV-009",
  "AZ-SEN-001",
  "AZ-NET-007",
  "AZ-NET-008",
  "AZ-NET-009",
  "AZ-SQL-010",
  "AZ-SQL-011",
  "AZ-SQL-012",
  "AZ-SQL-013",
  "AZ-ST-011",
  "AZ-SYN-009",
  "GEN-LCK-001",
];
