import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { hasValue, show } from "../../engine/values";

export default defineRule({
  id: "AWS-DEP-002",
  title: "Aurora clusters leave ca_certificate_identifier to their instances",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster"],
  pci: ["6.5.1", "4.2.1"],
  description:
    "aws_rds_cluster.ca_certificate_identifier is documented for Multi-AZ DB clusters only; on an Aurora cluster the API refuses it. Aurora takes the CA per instance (aws_rds_cluster_instance.ca_cert_identifier).",
  fix: "Remove ca_certificate_identifier from the Aurora aws_rds_cluster and set ca_cert_identifier on each aws_rds_cluster_instance.",
  check: (r) => {
    const engine = String(r.config["engine"] ?? "");
    if (!engine.startsWith("aurora")) return notApplicable(`engine ${engine || "unset"} is not Aurora`);
    const ca = r.config["ca_certificate_identifier"];
    if (!hasValue(ca)) return pass("no cluster-level CA");
    return fail(`ca_certificate_identifier is ${show(ca)} on an Aurora cluster; remove it and set ca_cert_identifier on the instances`);
  },
});
