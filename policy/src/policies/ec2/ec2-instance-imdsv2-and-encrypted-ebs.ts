import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, present } from "../../lib/values";

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
        // The key is the stack's, an ARN unknown during preview: present() counts it as set.
        const encrypted = known("rootBlockDevice.encrypted", () => r.props.rootBlockDevice?.encrypted);
        if (encrypted !== true || !present(() => r.props.rootBlockDevice?.kmsKeyId)) {
            out.violation(r, encrypted !== true ? "the root volume is not encrypted"
                : "the root volume is encrypted with the AWS-managed key aws/ebs",
            "rootBlockDevice: {encrypted: true, kmsKeyId: <the stack's key>}",
            "set rootBlockDevice.encrypted: true and kmsKeyId to the stack's key (this replaces the instance)");
        }
    });
    out.part(r, () => {
        const count = known("ebsBlockDevices", () => (r.props.ebsBlockDevices ?? []).length) as number;
        for (let i = 0; i < count; i++) {
            const device = known(`ebsBlockDevices[${i}].deviceName`, () => r.props.ebsBlockDevices[i].deviceName) ?? "?";
            if (known(`ebsBlockDevices[${i}].encrypted`, () => r.props.ebsBlockDevices[i].encrypted) !== true
                || !present(() => r.props.ebsBlockDevices[i].kmsKeyId)) {
                out.violation(r, `volume ${device} is not encrypted with a customer-managed key`,
                    "every ebsBlockDevices entry with encrypted: true and kmsKeyId",
                    `set encrypted: true and kmsKeyId on ${device === "?" ? "the volume" : device}`);
            }
        }
    });
});
