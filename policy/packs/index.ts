import type { PackName } from "../engine/types";
import { BASELINE_PACK } from "./baseline";
import { PRODUCTION_PACK } from "./production";

export { BASELINE_PACK, PRODUCTION_PACK };

/** Pack name -> rule ids. An environment's `policy.packs` chooses which apply to its stack. */
export const PACKS: Readonly<Record<PackName, readonly string[]>> = {
  baseline: BASELINE_PACK,
  production: PRODUCTION_PACK,
};
