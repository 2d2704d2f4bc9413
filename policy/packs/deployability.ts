/**
 * Apply-time constraints of the providers and services: what `terraform validate` cannot see and the
 * provider or Azure/AWS refuses (or silently ignores) on a first deploy. Every environment evaluates it
 * (`packs: ["baseline", "deployability", ...]`). Sorted by id: each cloud adds its rules in place.
 */
export const DEPLOYABILITY_PACK: readonly string[] = [
  "AWS-DEP-001",
  "AWS-DEP-002",
  "AWS-DEP-003",
  "AWS-DEP-004",
  "AWS-DEP-005",
  "AWS-DEP-006",
  "AWS-DEP-007",
  "AWS-DEP-008",
  "AWS-DEP-009",
  "AZ-DEP-001",
  "AZ-DEP-002",
  "AZ-DEP-003",
  "AZ-DEP-004",
  "AZ-DEP-005",
  "AZ-DEP-006",
  "AZ-DEP-007",
  "AZ-DEP-008",
  "AZ-DEP-009",
  "AZ-DEP-010",
  "AZ-DEP-011",
];
