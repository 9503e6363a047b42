import { PolicyPack } from "@pulumi/policy";
import { policies } from "./src/policies";

// The entry module the Pulumi CLI loads (package.json "main" is its compiled form). Constructing
// the pack starts the analyzer server, so nothing else may import this module: tests and
// bin/policy-check import src/policies instead.
new PolicyPack("apphome", {
    description: "No unencrypted data, nothing public that should be private, and data that survives mistakes.",
    enforcementLevel: "mandatory",
    policies,
});
