import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { present } from "../../lib/values";

export const cloudfrontBehindWaf = resourcePolicy({
    name: "cloudfront-behind-waf",
    description: "CloudFront distributions must be guarded by a WAF web ACL of scope CLOUDFRONT (FSBP CloudFront.6; "
        + "checkov CKV_AWS_68).",
    category: "exposure",
    controls: ["CloudFront.6", "CKV_AWS_68"],
    enforcementLevel: "mandatory",
}, [T.cloudfrontDistribution], (r, out) => {
    if (!present(() => r.props.webAclId)) {
        out.violation(r, "no web ACL guards the distribution", "webAclId set to a CLOUDFRONT-scope web ACL",
            "set waf: true on the distribution in the stack file");
    }
});
