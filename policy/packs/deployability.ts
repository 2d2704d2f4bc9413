/**
 * Apply-time constraints of the providers and services (read from the provider source at the pinned
 * tags and the service documentation; docs/provider-review-aws.md): a stack that breaks one
 * synthesizes and passes the security packs, then fails on `cdktf deploy` or deploys something that
 * silently does nothing. Every environment lists it.
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
];
