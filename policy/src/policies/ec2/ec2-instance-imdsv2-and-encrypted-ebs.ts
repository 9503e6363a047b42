import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const ec2InstanceImdsv2AndEncryptedEbs = resourcePolicy({
    name: "ec2-instance-imdsv2-and-encrypted-ebs",
    description: "EC2 instances must require IMDSv2 session tokens, so that a request forgery cannot read the "
        + "instance role's credentials, and must boot from volumes encrypted with a customer-managed key "
        + "(FSBP EC2.8, EC2.3; cdk-nag AwsSolutions-EC26, AwsSolutions-EC29; checkov CKV_AWS_79, CKV_AWS_8).",
    category: "encryption-at-rest",
    controls: ["EC2.8", "EC2.3", "AwsSolutions-EC26", "AwsSolutions-EC29", "CKV_AWS_79", "CKV_AWS_8"],
    enforcementLevel: "mandatory",
}, [T.ec2Instance], (r, out) => {
    out.part(r, () => {
        const tokens = known("metadataOptions.httpTokens", () => r.props.metadataOptions?.httpTokens);
        if (tokens !== "required") {
            out.violation(r, `metadataOptions.httpTokens is ${tokens ?? "not set (EC2 then also answers IMDSv1)"}`,
                "metadataOptions.httpTokens: required",
                "set metadataOptions: {httpTokens: required, httpPutResponseHopLimit: 1}");
        }
    });
    out.part(r, () => {
        const root = known("rootBlockDevice", () => r.props.rootBlockDevice);
        if (root?.encrypted !== true || !root?.kmsKeyId) {
            out.violation(r, root?.encrypted !== true ? "the root volume is not encrypted"
                : "the root volume is encrypted with the AWS-managed key aws/ebs",
            "rootBlockDevice: {encrypted: true, kmsKeyId: <the stack's key>}",
            "set rootBlockDevice.encrypted: true and kmsKeyId to the stack's key (this replaces the instance)");
        }
    });
    out.part(r, () => {
        const volumes: { deviceName?: string; encrypted?: boolean; kmsKeyId?: string }[] =
            known("ebsBlockDevices", () => r.props.ebsBlockDevices) ?? [];
        for (const volume of volumes) {
            if (volume.encrypted !== true || !volume.kmsKeyId) {
                out.violation(r, `volume ${volume.deviceName ?? "?"} is not encrypted with a customer-managed key`,
                    "every ebsBlockDevices entry with encrypted: true and kmsKeyId",
                    `set encrypted: true and kmsKeyId on ${volume.deviceName ?? "the volume"}`);
            }
        }
    });
});
