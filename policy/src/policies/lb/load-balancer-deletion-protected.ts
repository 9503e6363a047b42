import { resourcePolicy } from "../../lib/policy";
import { LOAD_BALANCERS } from "../../lib/types";
import { known } from "../../lib/values";

export const loadBalancerDeletionProtected = resourcePolicy({
    name: "load-balancer-deletion-protected",
    description: "Load balancers must have deletion protection, so that an accidental delete does not take the "
        + "application offline and lose its DNS name (FSBP ELB.6; checkov CKV_AWS_150).",
    category: "data-protection",
    controls: ["ELB.6", "CKV_AWS_150"],
    enforcementLevel: "mandatory",
}, LOAD_BALANCERS, (r, out) => {
    if (known("enableDeletionProtection", () => r.props.enableDeletionProtection) !== true) {
        out.violation(r, "enableDeletionProtection is not true", "enableDeletionProtection: true",
            "set loadBalancer.deletionProtection: true in the stack file");
    }
});
