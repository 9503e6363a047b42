import * as path from "path";
import { PolicyPack } from "@pulumi/policy";
import { staleness } from "./src/engine/freshness";
import { policies } from "./src/policies";

// The entry module the Pulumi CLI loads (package.json "main" is its compiled form). Constructing
// the pack starts the analyzer server, so nothing else may import this module: tests and
// bin/policy-check import src/policies instead, and start the pack through this module as the CLI does.

// Compiled, this runs from dist/: refuse to serve a build older than the sources beside it, which
// the CLI would otherwise run without a word.
if (path.basename(__dirname) === "dist") {
    const problem = staleness(path.dirname(__dirname));
    if (problem) {
        console.error(`error: ${problem}`);
        process.exit(2);
    }
}

new PolicyPack("apphome", {
    description: "No unencrypted data, nothing public that should be private, and data that survives mistakes.",
    enforcementLevel: "mandatory",
    policies,
});
