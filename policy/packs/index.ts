import type { PackName } from "../engine/types";
import { BASELINE_PACK } from "./baseline";
import { DEPLOYABILITY_PACK } from "./deployability";
import { PRODUCTION_PACK } from "./production";

export { BASELINE_PACK, DEPLOYABILITY_PACK, PRODUCTION_PACK };

/** Pack name -> rule ids. An environment's `policy.packs` chooses which apply to its stack. */
export const PACKS: Readonly<Record<PackName, readonly string[]>> = {
  baseline: BASELINE_PACK,
  deployability: DEPLOYABILITY_PACK,
  production: PRODUCTION_PACK,
};
