import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const rdsProxyRequiresTls = resourcePolicy({
    name: "rds-proxy-requires-tls",
    description: "RDS proxies must require TLS from their clients (FSBP RDS.43).",
    category: "encryption-in-transit",
    controls: ["RDS.43"],
    enforcementLevel: "mandatory",
}, [T.rdsProxy], (r, out) => {
    if (known("requireTls", () => r.props.requireTls) !== true) {
        out.violation(r, "requireTls is not true", "requireTls: true", "set requireTls: true on the proxy");
    }
});
