import { dev } from "./dev";
import { prod } from "./prod";
import { staging } from "./staging";
import { AzureEnvironment } from "./types";

/** Every Azure environment, in promotion order. Add a file and list it here to add an environment. */
export const AZURE_ENVIRONMENTS: readonly AzureEnvironment[] = [dev, staging, prod];
