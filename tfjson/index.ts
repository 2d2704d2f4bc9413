/**
 * One model of synthesized Terraform JSON, read by policy/, cost/ and diagram/. It imports nothing
 * from them: it describes cdk.tf.json, not what any reader does with it.
 */
export * from "./references";
export * from "./stack";
export * from "./stack-settings";
export * from "./suppression-marker";
export * from "./types";
export * from "./values";
