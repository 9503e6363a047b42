package dev.apphome.registry;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.RepositoryPolicy;
import com.pulumi.aws.ecr.RepositoryPolicyArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ECR repository for the stack's images: tags are immutable (a tag names one image forever, so a
 * task definition always runs what was reviewed), images are encrypted with the stack's KMS key and
 * scanned on push, a lifecycle policy expires untagged images and keeps the newest tagged ones, and
 * the repository policy refuses every principal outside this account.
 */
public final class ImageRepository extends ComponentResource {

    private final Repository repository;
    private final RepositorySettings args;
    private final RepositoryPolicy policy;

    public ImageRepository(String name, String repositoryName, RepositorySettings args, AwsContext aws,
                           Output<String> keyArn, Protection protection, ComponentResourceOptions options) {
        this(name, repositoryName, args, aws, keyArn, java.util.Optional.empty(), protection, options);
    }

    /**
     * @param functionPrefix when Lambda functions of this stack run images of this repository: the
     *                       prefix of their names ({@code <project>-<stack>-}), whose functions Lambda
     *                       may pull for (Lambda pulls as its service principal, under the repository's
     *                       policy, not with the function's role)
     */
    public ImageRepository(String name, String repositoryName, RepositorySettings args, AwsContext aws,
                           Output<String> keyArn, java.util.Optional<String> functionPrefix, Protection protection,
                           ComponentResourceOptions options) {
        super("apphome:registry:ImageRepository", name, options);
        this.args = args;
        CustomResourceOptions child = protection.child(this);
        this.repository = new Repository(Naming.child(name, "repository"), RepositoryArgs.builder()
                .name(repositoryName)
                .imageTagMutability("IMMUTABLE")
                // Basic scanning on push; enhanced scanning is the registry's scanning configuration.
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                // Encryption is fixed at creation: changing it replaces the repository and its images.
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                        .encryptionType("KMS").kmsKey(keyArn).build())
                .forceDelete(false)
                .build(), protection.stateful(this));
        new LifecyclePolicy(Naming.child(name, "lifecycle"), LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(lifecyclePolicy(args))
                .build(), child);
        this.policy = new RepositoryPolicy(Naming.child(name, "policy"), RepositoryPolicyArgs.builder()
                .repository(repository.name())
                .policy(functionPrefix.map(p -> repositoryPolicy(aws, p)).orElseGet(() -> repositoryPolicy(aws)))
                .build(), child);
        registerOutputs(Map.of("repositoryUrl", repository.repositoryUrl(), "arn", repository.arn()));
    }

    /** Untagged images expire after {@code untaggedExpiryDays}; of tagged ones the newest {@code keepTagged} stay. */
    static String lifecyclePolicy(RepositorySettings args) {
        Map<String, Object> untagged = new LinkedHashMap<>();
        untagged.put("rulePriority", 1);
        untagged.put("description", "Expire untagged images after " + args.untaggedExpiryDays() + " days");
        untagged.put("selection", ordered("tagStatus", "untagged", "countType", "sinceImagePushed",
                "countUnit", "days", "countNumber", args.untaggedExpiryDays()));
        untagged.put("action", Map.of("type", "expire"));
        Map<String, Object> tagged = new LinkedHashMap<>();
        tagged.put("rulePriority", 2);
        tagged.put("description", "Keep the newest " + args.keepTagged() + " tagged images");
        tagged.put("selection", ordered("tagStatus", "tagged", "tagPatternList", List.of("*"),
                "countType", "imageCountMoreThan", "countNumber", args.keepTagged()));
        tagged.put("action", Map.of("type", "expire"));
        return new com.google.gson.GsonBuilder().disableHtmlEscaping().create()
                .toJson(Map.of("rules", List.of(untagged, tagged)));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Denies every principal of another account; this account's IAM policies decide who may push and pull. */
    static Output<String> repositoryPolicy(AwsContext aws) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "OnlyThisAccount");
        statement.put("Effect", "Deny");
        statement.put("Principal", "*");
        statement.put("Action", "ecr:*");
        statement.put("Condition", Map.of("StringNotEquals", Map.of("aws:PrincipalAccount", aws.accountId())));
        return PolicyDocument.of(List.of(statement));
    }

    /**
     * The same, and Lambda pulling images for this stack's functions: a service principal belongs to
     * no account, so the account deny exempts AWS services, and the one service the policy allows is
     * Lambda, for functions named {@code <functionPrefix>*} of this account and region. The statement
     * is the one Lambda would otherwise add to the policy itself when a function is created, which the
     * next {@code pulumi up} would take away again.
     */
    static Output<String> repositoryPolicy(AwsContext aws, String functionPrefix) {
        Map<String, Object> deny = new LinkedHashMap<>();
        deny.put("Sid", "OnlyThisAccount");
        deny.put("Effect", "Deny");
        deny.put("Principal", "*");
        deny.put("Action", "ecr:*");
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringNotEquals", Map.of("aws:PrincipalAccount", aws.accountId()));
        condition.put("BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false"));
        deny.put("Condition", condition);
        Map<String, Object> lambda = new LinkedHashMap<>();
        lambda.put("Sid", "LambdaPullsForThisStacksFunctions");
        lambda.put("Effect", "Allow");
        lambda.put("Principal", Map.of("Service", "lambda.amazonaws.com"));
        lambda.put("Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"));
        lambda.put("Condition", Map.of("StringLike", Map.of("aws:sourceArn",
                aws.arn("lambda", "function:" + functionPrefix + "*"))));
        return PolicyDocument.of(List.of(deny, lambda));
    }

    /** The repository policy, which a function waits for: Lambda pulls the image under it when the function is made. */
    public RepositoryPolicy policy() {
        return policy;
    }

    public RepositorySettings args() {
        return args;
    }

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<name>}, to which a tag is appended. */
    public Output<String> url() {
        return repository.repositoryUrl();
    }

    public Output<String> arn() {
        return repository.arn();
    }

    public Output<String> repositoryName() {
        return repository.name();
    }
}
