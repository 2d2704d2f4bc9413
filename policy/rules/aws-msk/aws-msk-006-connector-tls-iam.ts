import { defineRule } from "../../engine/rule";
import { all, expectOneOf } from "../_shared";

export default defineRule({
  id: "AWS-MSK-006",
  title: "MSK Connect connectors use TLS and IAM to reach the cluster",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_mskconnect_connector"],
  pci: ["4.2.1", "8.3.1"],
  description: "CDC connectors carry card-data changes; the connection must be encrypted and authenticated.",
  fix: 'Set kafka_cluster_encryption_in_transit { encryption_type = "TLS" } and kafka_cluster_client_authentication { authentication_type = "IAM" }.',
  check: (r, ctx) =>
    all(
      expectOneOf(r, ctx, "kafka_cluster_encryption_in_transit.encryption_type", ["TLS"], "PLAINTEXT"),
      expectOneOf(r, ctx, "kafka_cluster_client_authentication.authentication_type", ["IAM"], "NONE"),
    ),
});
