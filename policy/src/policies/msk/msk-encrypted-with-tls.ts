import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present, show } from "../../lib/values";

export const mskEncryptedWithTls = resourcePolicy({
    name: "msk-encrypted-with-tls",
    description: "MSK clusters must encrypt at rest with a customer-managed key and use TLS between clients and "
        + "brokers and inside the cluster (FSBP MSK.1; cdk-nag AwsSolutions-MSK2, AwsSolutions-MSK3; checkov CKV_AWS_81).",
    category: "encryption-in-transit",
    controls: ["MSK.1", "AwsSolutions-MSK2", "AwsSolutions-MSK3", "CKV_AWS_81"],
    enforcementLevel: "mandatory",
}, [T.mskCluster], (r, out) => {
    const info = known("encryptionInfo", () => r.props.encryptionInfo) ?? {};
    if (!present(() => info.encryptionAtRestKmsKeyArn)) {
        out.violation(r, "data at rest uses the AWS-managed key", "encryptionInfo.encryptionAtRestKmsKeyArn",
            "set the stack's key");
    }
    const clientBroker = known("encryptionInfo.encryptionInTransit.clientBroker",
        () => info.encryptionInTransit?.clientBroker);
    const inCluster = known("encryptionInfo.encryptionInTransit.inCluster", () => info.encryptionInTransit?.inCluster);
    if ((clientBroker ?? "TLS") !== "TLS" || inCluster === false) {
        out.violation(r, `clientBroker is ${show(clientBroker)} and inCluster is ${show(inCluster)}`,
            "clientBroker TLS and inCluster true", "set encryptionInTransit to TLS only");
    }
});
