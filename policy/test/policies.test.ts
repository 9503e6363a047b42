import { after, before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { compliantStack } from "./fixtures";
import { mutate, Pack, planOf, Spec, without } from "./support";

/**
 * Each policy against the compliant fixture with exactly one thing changed: the policy that guards
 * that thing reports exactly one finding with the exact message, and no other policy reports
 * anything. The pack runs as its own process, configured and called as the Pulumi CLI does.
 */
const pack = new Pack();
before(() => pack.start());
after(() => pack.stop());

interface Case {
    policy: string;
    change: string;
    specs: () => Spec[];
    expected: string[];
    /** other policies the same change rightly trips */
    alsoBy?: string[];
}

const base = compliantStack;

const cases: Case[] = [
    // ---- encryption at rest
    { policy: "rds-storage-encrypted-with-cmk", change: "storage unencrypted",
        specs: () => mutate(base(), "db", i => { i.storageEncrypted = false; }),
        expected: ["mandatory db: storageEncrypted is false; required: storageEncrypted: true and kmsKeyId set to a customer-managed key. Fix: set storageEncrypted: true and kmsKeyId (a database cannot be encrypted after creation: this replaces it)"] },
    { policy: "rds-storage-encrypted-with-cmk", change: "AWS-managed key",
        specs: () => mutate(base(), "db", i => { delete i.kmsKeyId; }),
        expected: ["mandatory db: storage is encrypted with the AWS-managed key aws/rds; required: kmsKeyId set to a customer-managed key. Fix: set kmsKeyId to the stack's KMS key"] },
    { policy: "rds-credentials-managed-by-rds", change: "password from the program",
        specs: () => mutate(base(), "db", i => { i.password = "[secret]"; }),
        expected: ["mandatory db: password is set by the program; required: manageMasterUserPassword: true and no password. Fix: remove password and set manageMasterUserPassword: true; services read the RDS-managed secret by ARN"] },
    { policy: "elasticache-encrypted-at-rest-with-cmk", change: "at-rest encryption off",
        specs: () => mutate(base(), "cache", i => { i.atRestEncryptionEnabled = false; }),
        expected: ["mandatory cache: atRestEncryptionEnabled is false; required: atRestEncryptionEnabled: true with kmsKeyId. Fix: set atRestEncryptionEnabled: true and kmsKeyId (this replaces the replication group)"] },
    { policy: "elasticache-encrypted-at-rest-with-cmk", change: "a bare redis cluster",
        specs: () => [...base(), { type: "aws:elasticache/cluster:Cluster", name: "bare",
            inputs: { engine: "redis", subnetGroupName: "cache-subnets" }, deps: { subnetGroupName: ["cache-subnets"] } }],
        expected: ["mandatory bare: a standalone \"redis\" cache cluster; required: a replication group. Fix: declare the cache as a replication group (the apphome Cache component does)"] },
    { policy: "s3-bucket-encrypted-with-kms", change: "SSE-S3 on an application bucket",
        specs: () => mutate(base(), "media-encryption", i => { i.rules[0].applyServerSideEncryptionByDefault = { sseAlgorithm: "AES256" }; }),
        expected: ["mandatory media: default encryption is AES256; required: sseAlgorithm aws:kms with the stack's key (SSE-S3 only for load-balancer access-log buckets). Fix: set sseAlgorithm: aws:kms and kmsMasterKeyId in media-encryption"] },
    { policy: "s3-bucket-encrypted-with-kms", change: "no encryption configuration",
        specs: () => without(base(), "media-encryption"),
        expected: ["mandatory media: no default-encryption configuration names this bucket; required: a BucketServerSideEncryptionConfigurationV2 with sseAlgorithm aws:kms. Fix: declare the bucket through the apphome PrivateBucket component, which adds one"] },
    { policy: "s3-bucket-encrypted-with-kms", change: "SSE-KMS without a bucket key",
        specs: () => mutate(base(), "media-encryption", i => { i.rules[0].bucketKeyEnabled = false; }),
        expected: ["mandatory media: SSE-KMS without a bucket key; required: bucketKeyEnabled: true. Fix: set bucketKeyEnabled: true in media-encryption (one KMS call per bucket key instead of per object)"] },
    { policy: "dynamodb-encrypted-with-cmk", change: "AWS-owned key",
        specs: () => mutate(base(), "table", i => { delete i.serverSideEncryption; }),
        expected: ["mandatory table: the table uses the AWS-owned key; required: serverSideEncryption: {enabled: true, kmsKeyArn}. Fix: declare the table under apphome:tables, which encrypts it with the stack's key"] },
    { policy: "sqs-queue-encrypted", change: "no encryption",
        specs: () => mutate(base(), "queue", i => { delete i.kmsMasterKeyId; }),
        expected: ["mandatory queue: neither kmsMasterKeyId nor sqsManagedSseEnabled is set; required: one of them. Fix: set kmsMasterKeyId to the stack's key"] },
    { policy: "sqs-queue-has-dead-letter-queue", change: "no redrive policy",
        specs: () => mutate(base(), "queue", i => { delete i.redrivePolicy; }).map(s => s.name === "queue" ? { ...s, deps: {} } : s),
        expected: ["mandatory dlq: no redrive policy and no queue sends it dead letters; required: a redrivePolicy naming a dead-letter queue. Fix: declare the queue under apphome:queues, which adds its dead-letter queue",
            "mandatory queue: no redrive policy and no queue sends it dead letters; required: a redrivePolicy naming a dead-letter queue. Fix: declare the queue under apphome:queues, which adds its dead-letter queue"] },
    { policy: "sqs-queue-tls-only", change: "no queue policy",
        specs: () => without(base(), "dlq-policy"),
        expected: ["mandatory dlq: no queue policy names this queue; required: a policy denying requests where aws:SecureTransport is false. Fix: declare the queue under apphome:queues, which adds one"] },
    { policy: "sns-topic-tls-only", change: "no topic policy",
        specs: () => without(base(), "topic-policy"),
        expected: ["mandatory topic: no topic policy names this topic; required: a policy denying sns:Publish where aws:SecureTransport is false. Fix: declare the topic under apphome:topics, which adds one"] },
    { policy: "sns-topic-tls-only", change: "a topic policy without the TLS deny",
        specs: () => mutate(base(), "topic-policy", i => { i.policy = JSON.stringify({ Version: "2012-10-17", Statement: [] }); }),
        expected: ["mandatory topic: its topic policy allows publishing without TLS; required: a Deny statement when aws:SecureTransport is false. Fix: add the statement to the topic policy"] },
    { policy: "sns-topic-encrypted", change: "no key",
        specs: () => mutate(base(), "topic", i => { delete i.kmsMasterKeyId; }),
        expected: ["mandatory topic: kmsMasterKeyId is not set; required: kmsMasterKeyId naming a KMS key whose policy admits the publishers. Fix: set kmsMasterKeyId to the stack's key"] },
    { policy: "secret-encrypted-with-cmk", change: "AWS-managed key and force delete",
        specs: () => mutate(base(), "secret", i => { delete i.kmsKeyId; i.recoveryWindowInDays = 0; }),
        expected: ["mandatory secret: the secret uses the AWS-managed key aws/secretsmanager; required: kmsKeyId set to a customer-managed key. Fix: set kmsKeyId to the stack's key",
            "mandatory secret: recoveryWindowInDays is 0; required: 7 to 30 days. Fix: set recoveryWindowDays to 7 or more"] },
    { policy: "log-group-encrypted", change: "unencrypted and kept forever",
        specs: () => mutate(base(), "log-group", i => { delete i.kmsKeyId; delete i.retentionInDays; }),
        expected: ["mandatory log-group: kmsKeyId is not set; required: kmsKeyId naming a key whose policy admits CloudWatch Logs. Fix: set kmsKeyId to the stack's key",
            "mandatory log-group: logs are kept forever; required: retentionInDays set. Fix: set logRetentionDays in the stack file"] },
    { policy: "efs-encrypted", change: "unencrypted",
        specs: () => mutate(base(), "files", i => { i.encrypted = false; }),
        expected: ["mandatory files: encrypted is not true; required: encrypted: true with kmsKeyId. Fix: set encrypted: true and kmsKeyId"] },
    { policy: "ecr-repository-encrypted", change: "AES256 and no scanning",
        specs: () => mutate(base(), "repo", i => { i.encryptionConfigurations = [{ encryptionType: "AES256" }]; delete i.imageScanningConfiguration; }),
        expected: ["mandatory repo: images are encrypted with AES256 only; required: encryptionConfigurations: [{encryptionType: KMS}]. Fix: set KMS encryption when creating the repository (it cannot be changed later)",
            "mandatory repo: images are not scanned on push; required: imageScanningConfiguration: {scanOnPush: true}. Fix: turn on scan on push"] },
    { policy: "kms-key-rotated", change: "rotation off",
        specs: () => mutate(base(), "key", i => { i.enableKeyRotation = false; }),
        expected: ["mandatory key: enableKeyRotation is not true; required: enableKeyRotation: true. Fix: turn on automatic rotation"] },
    // ---- encryption in transit
    { policy: "elasticache-tls-and-auth-required", change: "TLS only preferred, no AUTH",
        specs: () => mutate(base(), "cache", i => { i.transitEncryptionMode = "preferred"; delete i.authToken; }),
        expected: ["mandatory cache: transitEncryptionMode is \"preferred\", which still accepts plain connections; required: transitEncryptionMode: required. Fix: set transitEncryptionMode: required once every client uses TLS",
            "mandatory cache: neither authToken nor userGroupIds is set, so any client that reaches the port is admitted; required: an AUTH token or RBAC user groups. Fix: set authToken from a generated secret, or userGroupIds"] },
    { policy: "rds-parameter-group-forces-tls", change: "parameter group without force_ssl",
        specs: () => mutate(base(), "db-params", i => { i.parameters = [{ name: "log_connections", value: "1" }]; }),
        expected: ["mandatory db: parameter group db-params does not force TLS; required: rds.force_ssl=1 (PostgreSQL) or require_secure_transport=ON (MySQL). Fix: add the parameter to db-params"] },
    { policy: "rds-proxy-requires-tls", change: "proxy without TLS",
        specs: () => [...base(), { type: "aws:rds/proxy:Proxy", name: "proxy", inputs: { requireTls: false, vpcSubnetIds: ["a"] },
            deps: { vpcSubnetIds: ["isolated"] } }],
        expected: ["mandatory proxy: requireTls is not true; required: requireTls: true. Fix: set requireTls: true on the proxy"] },
    { policy: "s3-bucket-tls-only", change: "policy without the TLS deny",
        specs: () => mutate(base(), "media-policy", i => { i.policy = JSON.stringify({ Version: "2012-10-17", Statement: [] }); }),
        expected: ["mandatory media: its bucket policy allows requests without TLS; required: a Deny statement for Principal * when aws:SecureTransport is false. Fix: add the statement to the bucket policy"] },
    { policy: "load-balancer-listener-https", change: "HTTP listener that forwards",
        specs: () => mutate(base(), "http", i => { i.defaultActions = [{ type: "forward", targetGroupArn: "tg" }]; }),
        expected: ["mandatory http: a \"HTTP\" listener that serves traffic; required: HTTPS, or HTTP that only redirects to HTTPS. Fix: set loadBalancer.certificateArn, or domain and hostedZoneId, in the stack file instead of plainHttp: true"] },
    { policy: "load-balancer-listener-https", change: "TLS 1.0 policy",
        specs: () => mutate(base(), "https", i => { i.sslPolicy = "ELBSecurityPolicy-2016-08"; }),
        expected: ["mandatory https: sslPolicy is \"ELBSecurityPolicy-2016-08\"; required: one of ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04, ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04. Fix: set loadBalancer.sslPolicy in the stack file to a TLS 1.3 policy"] },
    { policy: "msk-encrypted-with-tls", change: "plaintext clients",
        specs: () => mutate(base(), "kafka", i => { i.encryptionInfo.encryptionInTransit.clientBroker = "TLS_PLAINTEXT"; }),
        expected: ["mandatory kafka: clientBroker is \"TLS_PLAINTEXT\" and inCluster is true; required: clientBroker TLS and inCluster true. Fix: set encryptionInTransit to TLS only"] },
    { policy: "cloudfront-https-only", change: "viewers over HTTP",
        specs: () => mutate(base(), "cdn", i => { i.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"; }),
        expected: ["mandatory cdn: a cache behavior with viewerProtocolPolicy \"allow-all\"; required: redirect-to-https or https-only. Fix: set viewerProtocolPolicy: redirect-to-https"] },
    { policy: "cloudtrail-validated-and-encrypted", change: "no validation",
        specs: () => mutate(base(), "trail", i => { i.enableLogFileValidation = false; }),
        expected: ["mandatory trail: log file validation is off; required: enableLogFileValidation: true. Fix: turn on log file validation so that changed or deleted files are detected"] },
    { policy: "cloudtrail-validated-and-encrypted", change: "SSE-S3 only",
        specs: () => mutate(base(), "trail", i => { delete i.kmsKeyId; }),
        expected: ["mandatory trail: log files are encrypted with SSE-S3 only; required: kmsKeyId set to a customer-managed key. Fix: declare the trail under apphome:trail, which encrypts with the stack's key"] },
    { policy: "cloudtrail-validated-and-encrypted", change: "one region",
        specs: () => mutate(base(), "trail", i => { i.isMultiRegionTrail = false; }),
        expected: ["mandatory trail: the trail records one region only; required: isMultiRegionTrail: true. Fix: make the trail multi-region"] },
    // ---- exposure
    { policy: "cloudfront-origin-access-control", change: "an S3 origin through an origin access identity",
        specs: () => mutate(base(), "cdn", i => { delete i.origins[1].originAccessControlId; i.origins[1].s3OriginConfig = { originAccessIdentity: "origin-access-identity/cloudfront/E2" }; }),
        expected: ["mandatory cdn: S3 origin \"site\" has no origin access control (it uses an origin access identity); required: originAccessControlId set, no originAccessIdentity. Fix: serve the bucket through the apphome distribution component, which adds an origin access control and a bucket policy for the distribution's ARN"] },
    { policy: "cloudfront-behind-waf", change: "no web ACL",
        specs: () => mutate(base(), "cdn", i => { delete i.webAclId; }),
        expected: ["mandatory cdn: no web ACL guards the distribution; required: webAclId set to a CLOUDFRONT-scope web ACL. Fix: set waf: true on the distribution in the stack file"] },
    { policy: "ecr-image-tags-immutable", change: "mutable tags",
        specs: () => mutate(base(), "repo", i => { i.imageTagMutability = "MUTABLE"; }),
        expected: ["mandatory repo: imageTagMutability is \"MUTABLE\"; required: imageTagMutability: IMMUTABLE. Fix: declare the repository under apphome:repositories, whose tags are immutable, and push a new tag per build"] },
    { policy: "rds-not-publicly-accessible", change: "public database",
        specs: () => mutate(base(), "db", i => { i.publiclyAccessible = true; }),
        expected: ["mandatory db: publiclyAccessible is true; required: publiclyAccessible: false. Fix: remove publiclyAccessible or set it to false; reach the database through the services or a bastion"] },
    { policy: "data-stores-in-private-subnets", change: "isolated subnet routed to the internet gateway",
        specs: () => [...base(), { type: "aws:ec2/route:Route", name: "isolated-leak", inputs: { destinationCidrBlock: "0.0.0.0/0" },
            deps: { routeTableId: ["isolated-rt"], gatewayId: ["igw"] } }],
        expected: ["mandatory db: subnet isolated routes to an internet gateway; required: private or isolated subnets only. Fix: use the network's isolated subnets for data stores",
            "mandatory cache: subnet isolated routes to an internet gateway; required: private or isolated subnets only. Fix: use the network's isolated subnets for data stores",
            "mandatory kafka: subnet isolated routes to an internet gateway; required: private or isolated subnets only. Fix: use the network's isolated subnets for data stores"] },
    { policy: "data-stores-in-private-subnets", change: "no subnet group",
        specs: () => mutate(base(), "db", i => { delete i.dbSubnetGroupName; })
            .map(s => s.name === "db" ? { ...s, deps: { ...s.deps, dbSubnetGroupName: [] } } : s),
        expected: ["mandatory db: no subnet group or subnets are set, so AWS places it in the default VPC, whose subnets are public; required: a subnet group of private or isolated subnets of this stack. Fix: name the isolated subnets' group (the apphome Database and Cache components do)"] },
    { policy: "ecs-service-private", change: "public IP",
        specs: () => mutate(base(), "service", i => { i.networkConfiguration.assignPublicIp = true; }),
        expected: ["mandatory service: assignPublicIp is true; required: assignPublicIp: false. Fix: remove assignPublicIp; tasks reach the internet through the NAT gateway"] },
    { policy: "security-group-internet-ingress-only-to-load-balancer", change: "world-open database group",
        specs: () => [...base(), { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "db-world",
            inputs: { cidrIpv4: "0.0.0.0/0", fromPort: 5432, toPort: 5432, ipProtocol: "tcp" }, deps: { securityGroupId: ["db-sg"] } }],
        expected: ["mandatory db-world: db-world opens port 5432 of a group that is not an internet-facing load balancer's (db-sg) to 0.0.0.0/0; required: internet ingress only to an internet-facing load balancer on ports 80, 443. Fix: admit the load balancer's security group (or the calling service's) instead of an address range"],
        alsoBy: ["data-store-security-groups-admit-only-groups"] },
    { policy: "security-group-internet-ingress-only-to-load-balancer", change: "the load balancer open on 22",
        specs: () => [...base(), { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "alb-ssh",
            inputs: { cidrIpv4: "0.0.0.0/0", fromPort: 22, toPort: 22, ipProtocol: "tcp" }, deps: { securityGroupId: ["alb-sg"] } }],
        expected: ["mandatory alb-ssh: alb-ssh opens port 22 of the load balancer's group (alb-sg) to 0.0.0.0/0; required: internet ingress only to an internet-facing load balancer on ports 80, 443. Fix: admit the load balancer's security group (or the calling service's) instead of an address range"] },
    { policy: "data-store-security-groups-admit-only-groups", change: "database group admits a VPC range",
        specs: () => [...base(), { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "db-vpc",
            inputs: { cidrIpv4: "10.0.0.0/16", fromPort: 5432, toPort: 5432, ipProtocol: "tcp" }, deps: { securityGroupId: ["db-sg"] } }],
        expected: ["mandatory db-vpc: db-vpc admits 10.0.0.0/16 on port 5432 to db's group db-sg; required: ingress only from security groups. Fix: declare uses.database or uses.cache on the service that needs db instead of a range",
            "mandatory db-vpc: db-vpc admits 10.0.0.0/16 on port 5432 to kafka's group db-sg; required: ingress only from security groups. Fix: declare uses.database or uses.cache on the service that needs kafka instead of a range"] },
    { policy: "s3-bucket-public-access-blocked", change: "no public-access block",
        specs: () => without(base(), "media-pab"),
        expected: ["mandatory media: no public-access block names this bucket; required: a BucketPublicAccessBlock with all four flags true. Fix: declare the bucket through the apphome PrivateBucket component, which adds one"] },
    { policy: "s3-bucket-public-access-blocked", change: "one flag off",
        specs: () => mutate(base(), "media-pab", i => { i.restrictPublicBuckets = false; }),
        expected: ["mandatory media: media-pab leaves restrictPublicBuckets off; required: all four flags true. Fix: set restrictPublicBuckets to true in media-pab"] },
    { policy: "subnet-no-public-ip-on-launch", change: "private subnet maps public IPs",
        specs: () => mutate(base(), "private", i => { i.mapPublicIpOnLaunch = true; }, "aws:ec2/subnet:Subnet"),
        expected: ["mandatory private: mapPublicIpOnLaunch is true; required: mapPublicIpOnLaunch: false. Fix: remove mapPublicIpOnLaunch; give the load balancer or NAT gateway an address instead"] },
    { policy: "ecs-no-secrets-in-environment", change: "a password in the environment",
        specs: () => mutate(base(), "task", i => { i.containerDefinitions = JSON.stringify([{ name: "app", environment: [{ name: "DB_PASSWORD", value: "hunter2" }] }]); }),
        expected: ["mandatory task: container app has DB_PASSWORD in its plain environment; required: secret values only under secrets[].valueFrom. Fix: move DB_PASSWORD to apphome:secrets and reference it under the service's secrets"] },
    { policy: "default-security-group-closed", change: "default group not adopted",
        specs: () => without(base(), "default-sg"),
        expected: ["mandatory vpc: its default security group keeps AWS's allow-within-group rules; required: a DefaultSecurityGroup for the VPC with no ingress or egress. Fix: adopt it (the apphome Network component does)"] },
    { policy: "load-balancer-hardened", change: "invalid headers passed",
        specs: () => mutate(base(), "alb", i => { i.dropInvalidHeaderFields = false; }),
        expected: ["mandatory alb: invalid header fields are passed to targets; required: dropInvalidHeaderFields: true. Fix: set dropInvalidHeaderFields: true"] },
    { policy: "load-balancer-in-matching-subnets", change: "internet-facing in a private subnet",
        specs: () => mutate(base(), "alb", () => undefined).map(s => s.name === "alb" ? { ...s, deps: { ...s.deps, subnets: ["public", "private"] } } : s),
        expected: ["mandatory alb: the internet-facing load balancer uses private subnet private; required: public subnets only. Fix: place it in the matching tier's subnets"] },
    { policy: "load-balancer-behind-waf", change: "no web ACL",
        specs: () => without(base(), "waf-association"),
        expected: ["mandatory alb: no web ACL is associated with this internet-facing load balancer; required: a WebAclAssociation whose resourceArn is this load balancer. Fix: set loadBalancer.waf: true in the stack file"] },
    { policy: "msk-not-public", change: "public brokers",
        specs: () => mutate(base(), "kafka", i => { i.brokerNodeGroupInfo.connectivityInfo = { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } }; }),
        expected: ["mandatory kafka: public access is \"SERVICE_PROVIDED_EIPS\"; required: DISABLED. Fix: turn public access off"] },
    { policy: "sqs-queue-policy-scoped-to-subscribed-topics", change: "SNS admitted without a source",
        specs: () => mutate(base(), "dlq-policy", i => { i.policy = queuePolicyWith({ Sid: "AnyTopic", Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:::dlq" }); }),
        expected: ["mandatory dlq: statement AnyTopic of dlq-policy allows sns.amazonaws.com without an aws:SourceArn condition; required: Allow statements for services or everyone limited by aws:SourceArn to topics that subscribe this queue. Fix: subscribe the queue under apphome:topics.<name>.subscriptions, which admits exactly that topic"] },
    { policy: "sqs-queue-policy-scoped-to-subscribed-topics", change: "a topic that does not subscribe the queue",
        specs: () => mutate(base(), "dlq-policy", i => { i.policy = queuePolicyWith({ Sid: "OtherTopic", Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:::dlq",
            Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:test:::topic" } } }); }),
        expected: ["mandatory dlq: statement OtherTopic of dlq-policy admits arn:aws:test:::topic, which is no topic of this stack that subscribes this queue; required: aws:SourceArn naming only topics subscribed to this queue. Fix: remove the statement, or subscribe the queue to that topic under apphome:topics"] },
    { policy: "sqs-queue-policy-scoped-to-subscribed-topics", change: "everyone may send",
        specs: () => mutate(base(), "dlq-policy", i => { i.policy = queuePolicyWith({ Effect: "Allow", Principal: "*",
            Action: "sqs:SendMessage", Resource: "arn:aws:sqs:::dlq" }); }),
        expected: ["mandatory dlq: a statement of dlq-policy allows everyone without an aws:SourceArn condition; required: Allow statements for services or everyone limited by aws:SourceArn to topics that subscribe this queue. Fix: subscribe the queue under apphome:topics.<name>.subscriptions, which admits exactly that topic"] },
    // ---- data protection
    { policy: "sns-subscription-delivers-to-admitting-queue", change: "a queue that does not admit its topic",
        specs: () => mutate(base(), "queue-policy", i => { i.policy = queuePolicyWith(); }),
        expected: ["mandatory topic-to-queue: the policy of queue queue does not admit topic topic; required: an Allow of sqs:SendMessage for sns.amazonaws.com with aws:SourceArn the topic's ARN. Fix: list the queue under apphome:topics.<name>.subscriptions, which admits the topic in the queue's policy"] },
    { policy: "sns-subscription-delivers-to-admitting-queue", change: "plain HTTP delivery",
        specs: () => [...base(), { type: "aws:sns/topicSubscription:TopicSubscription", name: "webhook", deps: { topic: ["topic"] },
            inputs: { topic: "arn:aws:test:::topic", protocol: "http", endpoint: "http://example.com/hook" } }],
        expected: ["mandatory webhook: it delivers over plain HTTP; required: protocol https, sqs, lambda or email. Fix: subscribe an HTTPS endpoint or a queue"] },
    { policy: "rds-deletion-protected", change: "unprotected",
        specs: () => mutate(base(), "db", i => { i.deletionProtection = false; }),
        expected: ["mandatory db: deletionProtection is not true; required: deletionProtection: true. Fix: set deletionProtection: true in the stack file's database settings"] },
    { policy: "rds-backups-retained", change: "one day of backups",
        specs: () => mutate(base(), "db", i => { i.backupRetentionPeriod = 1; }),
        expected: ["mandatory db: backupRetentionPeriod is 1; required: at least 7 days. Fix: set backupRetentionDays to 7 or more in the stack file's database settings"] },
    { policy: "rds-multi-az", change: "single AZ",
        specs: () => mutate(base(), "db", i => { i.multiAz = false; }),
        expected: ["mandatory db: multiAz is not true; required: multiAz: true. Fix: set multiAz: true in the stack file's database settings (a standby in another AZ)"] },
    { policy: "elasticache-failover-and-backups", change: "no failover, no snapshots",
        specs: () => mutate(base(), "cache", i => { i.automaticFailoverEnabled = false; i.snapshotRetentionLimit = 0; }),
        expected: ["mandatory cache: automaticFailoverEnabled is false and multiAzEnabled is true; required: both true, with at least one replica. Fix: set replicas: 1 and multiAz: true in the stack file's cache settings",
            "mandatory cache: snapshotRetentionLimit is 0; required: at least 1 day of snapshots. Fix: set snapshotRetentionDays: 1 or more in the stack file's cache settings"] },
    { policy: "dynamodb-point-in-time-recovery", change: "no PITR",
        specs: () => mutate(base(), "table", i => { i.pointInTimeRecovery = { enabled: false }; }),
        expected: ["mandatory table: point-in-time recovery is off; required: pointInTimeRecovery: {enabled: true}. Fix: set pointInTimeRecovery: true in the stack file's table settings (apphome:tables)"] },
    { policy: "dynamodb-point-in-time-recovery", change: "no deletion protection",
        specs: () => mutate(base(), "table", i => { i.deletionProtectionEnabled = false; }),
        expected: ["mandatory table: deletion protection is off; required: deletionProtectionEnabled: true. Fix: set deletionProtection: true in the stack file's table settings (apphome:tables)"] },
    { policy: "load-balancer-deletion-protected", change: "unprotected",
        specs: () => mutate(base(), "alb", i => { i.enableDeletionProtection = false; }),
        expected: ["mandatory alb: enableDeletionProtection is not true; required: enableDeletionProtection: true. Fix: set loadBalancer.deletionProtection: true in the stack file"] },
    { policy: "vpc-flow-logs-enabled", change: "no flow log",
        specs: () => without(base(), "flow-log"),
        expected: ["mandatory vpc: no flow log records its traffic; required: a FlowLog whose vpcId is this VPC. Fix: add a flow log (the apphome Network component does)"] },
    { policy: "s3-bucket-versioned-with-lifecycle", change: "versioning suspended, no lifecycle",
        specs: () => without(mutate(base(), "media-versioning", i => { i.versioningConfiguration.status = "Suspended"; }),
            "media-lifecycle"),
        expected: ["mandatory media: object versions are not kept; required: a BucketVersioningV2 with status Enabled. Fix: set versioning: true in the stack file's bucket settings",
            "mandatory media: no lifecycle rule expires old versions; required: an enabled rule with noncurrentVersionExpiration. Fix: set noncurrentVersionExpiryDays in the stack file's bucket settings"] },
    { policy: "ecs-task-ingress-only-from-groups", change: "task group admits the VPC range",
        specs: () => [...base(), { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "svc-vpc",
            inputs: { cidrIpv4: "10.0.0.0/16", fromPort: 8080, toPort: 8080, ipProtocol: "tcp" }, deps: { securityGroupId: ["svc-sg"] } }],
        expected: ["mandatory svc-vpc: svc-vpc admits 10.0.0.0/16 on port 8080 to service's group svc-sg; required: ingress only from security groups. Fix: name the calling service in calls, or route through the load balancer"] },
    { policy: "stateful-resources-protected", change: "database without protect",
        specs: () => base().map(s => s.name === "db" ? { ...s, protect: false } : s),
        expected: ["mandatory db: the resource is not protected; required: protect: true. Fix: set apphome:protectResources: true in the stack file"] },
];

/** A queue policy document: the TLS-only deny and the given statements. */
function queuePolicyWith(...statements: object[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*",
        Action: "sqs:*", Resource: ["arn:aws:sqs:::q"], Condition: { Bool: { "aws:SecureTransport": "false" } } }, ...statements] });
}

describe("the compliant fixture", () => {
    it("passes every policy", async () => {
        assert.deepEqual(await pack.run(planOf(base())), []);
    });
});

describe("one mutation, one policy", () => {
    for (const c of cases) {
        it(`${c.policy} catches ${c.change}`, async () => {
            const diagnostics = await pack.run(planOf(c.specs()));
            assert.deepEqual([...new Set(diagnostics.map(d => d.policy))].sort(), [c.policy, ...(c.alsoBy ?? [])].sort());
            assert.deepEqual(await pack.findings(planOf(c.specs()), c.policy), c.expected);
        });
    }
});

export const TESTED_POLICIES = [...new Set(cases.map(c => c.policy))];
