import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, show } from "../../lib/values";

export const mskNotPublic = resourcePolicy({
    name: "msk-not-public",
    description: "MSK clusters must not allow public access or unauthenticated clients (FSBP MSK.4, MSK.6; "
        + "checkov CKV_AWS_291).",
    category: "exposure",
    controls: ["MSK.4", "MSK.6", "CKV_AWS_291"],
    enforcementLevel: "mandatory",
}, [T.mskCluster], (r, out) => {
    out.part(r, () => {
        const access = known("brokerNodeGroupInfo.connectivityInfo.publicAccess.type",
            () => r.props.brokerNodeGroupInfo?.connectivityInfo?.publicAccess?.type);
        if (access !== undefined && access !== "DISABLED") {
            out.violation(r, `public access is ${show(access)}`, "DISABLED", "turn public access off");
        }
    });
    out.part(r, () => {
        if (known("clientAuthentication.unauthenticated", () => r.props.clientAuthentication?.unauthenticated) === true) {
            out.violation(r, "unauthenticated clients are allowed", "IAM or TLS client authentication only",
                "set clientAuthentication.unauthenticated to false");
        }
    });
});
