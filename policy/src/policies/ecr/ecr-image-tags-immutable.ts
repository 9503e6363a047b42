import { resourcePolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known, show } from "../../lib/values";

export const ecrImageTagsImmutable = resourcePolicy({
    name: "ecr-image-tags-immutable",
    description: "ECR repositories must keep image tags immutable, so that a tag always names the image that was "
        + "reviewed and scanned (FSBP ECR.2; checkov CKV_AWS_51).",
    category: "data-protection",
    controls: ["ECR.2", "CKV_AWS_51"],
    enforcementLevel: "mandatory",
}, [T.ecrRepository], (r, out) => {
    const mutability = known("imageTagMutability", () => r.props.imageTagMutability);
    if (mutability !== "IMMUTABLE") {
        out.violation(r, `imageTagMutability is ${show(mutability)}`, "imageTagMutability: IMMUTABLE",
            "declare the repository under apphome:repositories, whose tags are immutable, and push a new tag per build");
    }
});
