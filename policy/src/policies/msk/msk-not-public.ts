import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present, show } from "../../lib/values";

export const mskNotPublic = resourcePolicy({
    name: "msk-not-public",
    description: "MSK clusters must not allow public access, and must authenticate every client with IAM, SCRAM or "
        + "TLS certificates, never unauthenticated (FSBP MSK.4, MSK.6; checkov CKV_AWS_291; controls catalogue M4, M5).",
    category: "exposure",
    controls: ["MSK.4", "MSK.6", "CKV_AWS_291", "M4", "M5"],
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
        const auth = known("clientAuthentication", () => r.props.clientAuthentication) ?? {};
        if (known("clientAuthentication.unauthenticated", () => auth.unauthenticated) === true) {
            out.violation(r, "unauthenticated clients are allowed", "IAM or TLS client authentication only",
                "set clientAuthentication.unauthenticated to false");
            return;
        }
        // Without any client authentication MSK admits every client that reaches a broker.
        const iam = known("clientAuthentication.sasl.iam", () => auth.sasl?.iam) === true;
        const scram = known("clientAuthentication.sasl.scram", () => auth.sasl?.scram) === true;
        const tls = present(() => auth.tls?.certificateAuthorityArns?.length ? auth.tls.certificateAuthorityArns : undefined);
        if (!iam && !scram && !tls) {
            out.violation(r, "no client authentication is configured, so MSK admits any client that reaches a broker",
                "clientAuthentication with sasl.iam, sasl.scram or tls", "set clientAuthentication.sasl.iam: true "
                + "(the apphome Kafka component does)");
        }
    });
});
