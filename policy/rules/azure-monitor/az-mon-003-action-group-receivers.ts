import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, isFalse } from "../../engine/values";

export default defineRule({
  id: "AZ-MON-003",
  title: "Action groups have at least one receiver",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_monitor_action_group"],
  pci: ["10.7.2", "12.10.5"],
  description: "Alerts routed to an empty action group reach nobody.",
  fix: "Add email_receiver (and/or webhook_receiver) blocks; leave enabled unset or true.",
  check: (r) => {
    if (isFalse(r.config["enabled"])) return fail("enabled is false; set enabled = true");
    const receivers = Object.keys(r.config).filter((k) => k.endsWith("_receiver") && blocks(r.config, k).length > 0);
    if (receivers.length === 0) return fail("no *_receiver block; add email_receiver { name, email_address }");
    return pass(`receivers: ${receivers.join(", ")}`);
  },
});
