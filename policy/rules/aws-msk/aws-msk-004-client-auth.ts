import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, get, hasValue, isTrue } from "../../engine/values";

export default defineRule({
  id: "AWS-MSK-004",
  title: "MSK clusters require IAM (or mTLS) client authentication",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_msk_cluster"],
  pci: ["8.2.1", "8.3.1"],
  description: "Unauthenticated clients must not produce or consume payment events.",
  fix: "Set client_authentication { sasl { iam = true } unauthenticated = false }.",
  check: (r) => {
    const auth = block(r.config, "client_authentication");
    if (!auth) return fail("client_authentication is unset (unauthenticated access); set client_authentication { sasl { iam = true } }");
    if (isTrue(auth["unauthenticated"])) return fail("client_authentication.unauthenticated is true; set it to false");
    const iam = isTrue(get(auth, "sasl.iam"));
    const tls = hasValue(get(auth, "tls.certificate_authority_arns"));
    if (iam || tls) return pass(iam ? "sasl.iam = true" : "mutual TLS");
    return fail("client_authentication enables neither sasl.iam nor tls; set sasl { iam = true }");
  },
});
