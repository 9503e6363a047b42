import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, known, show } from "../../lib/values";

export const cloudfrontOriginAccessControl = resourcePolicy({
    name: "cloudfront-origin-access-control",
    description: "CloudFront distributions must read S3 origins through Origin Access Control, never a legacy "
        + "origin access identity or a public bucket (FSBP CloudFront.13; checkov CKV_AWS_310).",
    category: "exposure",
    controls: ["CloudFront.13", "CKV_AWS_310"],
    enforcementLevel: "mandatory",
}, [T.cloudfrontDistribution], (r, out) => {
    for (const origin of known("origins", () => asArray(r.props.origins)) as any[]) {
        if (origin.customOriginConfig) {
            continue;
        }
        if (!origin.originAccessControlId || origin.s3OriginConfig?.originAccessIdentity) {
            out.violation(r, `S3 origin ${show(origin.originId)} has no origin access control`
                + (origin.s3OriginConfig?.originAccessIdentity ? " (it uses an origin access identity)" : ""),
                "originAccessControlId set, no originAccessIdentity",
                "serve the bucket through the apphome distribution component, which adds an origin access control and a "
                + "bucket policy for the distribution's ARN");
        }
    }
});
