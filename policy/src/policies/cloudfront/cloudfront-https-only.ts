import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, known, show } from "../../lib/values";

const VIEWER_OK = ["redirect-to-https", "https-only"];

export const cloudfrontHttpsOnly = resourcePolicy({
    name: "cloudfront-https-only",
    description: "CloudFront distributions must serve viewers over HTTPS with TLS 1.2 or later and reach custom "
        + "origins over HTTPS only (FSBP CloudFront.3, CloudFront.7, CloudFront.9, CloudFront.10; checkov CKV_AWS_34, "
        + "CKV_AWS_174).",
    category: "encryption-in-transit",
    controls: ["CloudFront.3", "CloudFront.7", "CloudFront.9", "CloudFront.10", "CKV_AWS_34", "CKV_AWS_174"],
    enforcementLevel: "mandatory",
}, [T.cloudfrontDistribution], (r, out) => {
    const behaviors = [known("defaultCacheBehavior", () => r.props.defaultCacheBehavior),
        ...(known("orderedCacheBehaviors", () => asArray(r.props.orderedCacheBehaviors)) as any[])].filter(Boolean);
    for (const b of behaviors) {
        if (!VIEWER_OK.includes(b.viewerProtocolPolicy)) {
            out.violation(r, `a cache behavior with viewerProtocolPolicy ${show(b.viewerProtocolPolicy)}`,
                "redirect-to-https or https-only", "set viewerProtocolPolicy: redirect-to-https");
        }
    }
    const cert = known("viewerCertificate", () => r.props.viewerCertificate) ?? {};
    if (!cert.cloudfrontDefaultCertificate && !/^TLSv1\.2_20(19|21)|^TLSv1\.3/.test(String(cert.minimumProtocolVersion))) {
        out.violation(r, `minimumProtocolVersion is ${show(cert.minimumProtocolVersion)}`, "TLSv1.2_2021 or later",
            "set viewerCertificate.minimumProtocolVersion: TLSv1.2_2021");
    }
    for (const origin of known("origins", () => asArray(r.props.origins)) as any[]) {
        const policy = origin.customOriginConfig?.originProtocolPolicy;
        if (origin.customOriginConfig && policy !== "https-only") {
            out.violation(r, `origin ${show(origin.originId)} uses originProtocolPolicy ${show(policy)}`, "https-only",
                "set originProtocolPolicy: https-only");
        }
    }
});
