import { Spec } from "./support";

/**
 * A small stack that every policy accepts: one VPC with a public, a private and an isolated
 * subnet, an internet-facing load balancer, one service, and one of every data store the pack
 * knows. Each test changes one thing and expects exactly one finding.
 */
export function compliantStack(): Spec[] {
    return [
        { type: "aws:kms/key:Key", name: "key", protect: true,
            inputs: { enableKeyRotation: true, deletionWindowInDays: 30 } },
        { type: "aws:ec2/vpc:Vpc", name: "vpc", inputs: { cidrBlock: "10.0.0.0/16" } },
        { type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", name: "default-sg", inputs: { vpcId: "vpc-1" },
            deps: { vpcId: ["vpc"] } },
        { type: "aws:ec2/flowLog:FlowLog", name: "flow-log", inputs: { vpcId: "vpc-1", trafficType: "ALL" },
            deps: { vpcId: ["vpc"] } },
        { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        { type: "aws:ec2/natGateway:NatGateway", name: "nat", inputs: { subnetId: "subnet-pub" }, deps: { subnetId: ["public"] } },
        ...tier("public", { gatewayId: "igw" }),
        ...tier("public-b", { gatewayId: "igw" }),
        ...tier("private", { natGatewayId: "nat" }),
        ...tier("isolated", undefined),
        ...tier("isolated-b", undefined),
        { type: "aws:ec2/networkAcl:NetworkAcl", name: "isolated-acl", inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        { type: "aws:ec2/networkAclRule:NetworkAclRule", name: "isolated-acl-in-private-1-5432", deps: { networkAclId: ["isolated-acl"] },
            inputs: { networkAclId: "acl", ruleNumber: 1432, egress: false, protocol: "tcp", ruleAction: "allow",
                cidrBlock: "10.0.0.0/20", fromPort: 5432, toPort: 5432 } },
        { type: "aws:ec2/networkAclRule:NetworkAclRule", name: "isolated-acl-out-private-1-ephemeral", deps: { networkAclId: ["isolated-acl"] },
            inputs: { networkAclId: "acl", ruleNumber: 1000, egress: true, protocol: "tcp", ruleAction: "allow",
                cidrBlock: "0.0.0.0/0", fromPort: 1024, toPort: 65535 } },
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "alb-sg", inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        rule("alb-in-443", "alb-sg", { cidrIpv4: "0.0.0.0/0", fromPort: 443, toPort: 443, ipProtocol: "tcp" }),
        rule("alb-in-80", "alb-sg", { cidrIpv4: "0.0.0.0/0", fromPort: 80, toPort: 80, ipProtocol: "tcp" }),
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "svc-sg", inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        rule("svc-in-alb", "svc-sg", { fromPort: 8080, toPort: 8080, ipProtocol: "tcp" }, "alb-sg"),
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "db-sg", inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        rule("db-in-svc", "db-sg", { fromPort: 5432, toPort: 5432, ipProtocol: "tcp" }, "svc-sg"),
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "cache-sg", inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        rule("cache-in-svc", "cache-sg", { fromPort: 6379, toPort: 6379, ipProtocol: "tcp" }, "svc-sg"),
        ...bucket("logs", { sseAlgorithm: "AES256" }),
        { type: "aws:lb/loadBalancer:LoadBalancer", name: "alb",
            inputs: { internal: false, loadBalancerType: "application", dropInvalidHeaderFields: true,
                enableDeletionProtection: true, subnets: ["subnet-public", "subnet-public-b"], securityGroups: ["sg-alb"],
                accessLogs: { bucket: "logs-bucket", enabled: true, prefix: "alb" } },
            deps: { subnets: ["public", "public-b"], securityGroups: ["alb-sg"], accessLogs: ["logs"] } },
        { type: "aws:wafv2/webAcl:WebAcl", name: "waf", inputs: { scope: "REGIONAL" } },
        { type: "aws:wafv2/webAclAssociation:WebAclAssociation", name: "waf-association",
            inputs: { resourceArn: "arn:alb", webAclArn: "arn:waf" }, deps: { resourceArn: ["alb"], webAclArn: ["waf"] } },
        { type: "aws:lb/listener:Listener", name: "https",
            inputs: { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
                certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc",
                defaultActions: [{ type: "fixed-response", fixedResponse: { statusCode: "404" } }] },
            deps: { loadBalancerArn: ["alb"] } },
        { type: "aws:lb/listener:Listener", name: "http",
            inputs: { protocol: "HTTP", port: 80,
                defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] },
            deps: { loadBalancerArn: ["alb"] } },
        { type: "aws:ecs/taskDefinition:TaskDefinition", name: "task",
            inputs: { containerDefinitions: JSON.stringify([{ name: "app", image: "app:1",
                environment: [{ name: "DB_HOST", value: "db.internal" }, { name: "DB_SECRET_ARN", value: "arn:aws:secretsmanager:x" }],
                secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:x" }] }]) } },
        { type: "aws:ecs/service:Service", name: "service",
            inputs: { networkConfiguration: { assignPublicIp: false, subnets: ["subnet-private"], securityGroups: ["sg-svc"] } },
            deps: { networkConfiguration: ["private", "svc-sg"], taskDefinition: ["task"] } },
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "fn-sg", inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        { type: "aws:lambda/function:Function", name: "function",
            inputs: { packageType: "Image", kmsKeyArn: "arn:aws:kms:key",
                vpcConfig: { subnetIds: ["subnet-private"], securityGroupIds: ["sg-fn"] },
                environment: { variables: { LOG_LEVEL: "info", SHOP_API_TOKEN_SECRET_ARN: "arn:aws:secretsmanager:x",
                    SHOP_API_TOKEN_SECRET_KEY: "token" } } },
            deps: { vpcConfig: ["private", "fn-sg"], kmsKeyArn: ["key"] } },
        { type: "aws:rds/subnetGroup:SubnetGroup", name: "db-subnets", inputs: { subnetIds: ["a", "b"] },
            deps: { subnetIds: ["isolated", "isolated-b"] } },
        { type: "aws:rds/parameterGroup:ParameterGroup", name: "db-params",
            inputs: { family: "postgres16", parameters: [{ name: "rds.force_ssl", value: "1" }] } },
        { type: "aws:rds/instance:Instance", name: "db", protect: true,
            inputs: { engine: "postgres", storageEncrypted: true, kmsKeyId: "arn:aws:kms:key", manageMasterUserPassword: true,
                publiclyAccessible: false, multiAz: true, backupRetentionPeriod: 14, deletionProtection: true,
                skipFinalSnapshot: false, dbSubnetGroupName: "db-subnets", parameterGroupName: "db-params",
                vpcSecurityGroupIds: ["sg-db"] },
            deps: { dbSubnetGroupName: ["db-subnets"], parameterGroupName: ["db-params"], vpcSecurityGroupIds: ["db-sg"],
                kmsKeyId: ["key"] } },
        { type: "aws:elasticache/subnetGroup:SubnetGroup", name: "cache-subnets", inputs: { subnetIds: ["a", "b"] },
            deps: { subnetIds: ["isolated", "isolated-b"] } },
        { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache",
            inputs: { engine: "valkey", atRestEncryptionEnabled: true, kmsKeyId: "arn:aws:kms:key", transitEncryptionEnabled: true,
                transitEncryptionMode: "required", authToken: "[secret]", automaticFailoverEnabled: true, multiAzEnabled: true,
                numCacheClusters: 2, snapshotRetentionLimit: 7, subnetGroupName: "cache-subnets", securityGroupIds: ["sg-cache"] },
            deps: { subnetGroupName: ["cache-subnets"], securityGroupIds: ["cache-sg"], kmsKeyId: ["key"] } },
        ...bucket("media", { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:key" }),
        { type: "aws:dynamodb/table:Table", name: "table", protect: true,
            inputs: { serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:key" }, pointInTimeRecovery: { enabled: true },
                deletionProtectionEnabled: true } },
        { type: "aws:sqs/queue:Queue", name: "dlq", inputs: { kmsMasterKeyId: "arn:aws:kms:key" } },
        { type: "aws:sqs/queue:Queue", name: "queue",
            inputs: { kmsMasterKeyId: "arn:aws:kms:key", redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:dlq", maxReceiveCount: 5 }) },
            deps: { redrivePolicy: ["dlq"] } },
        queuePolicy("queue", [{ Sid: "TopicOrdersSendsMessages", Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" }, Action: ["sqs:SendMessage"], Resource: ["arn:aws:sqs:::q"],
            Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:test:::topic" } } }]),
        queuePolicy("dlq"),
        { type: "aws:sns/topic:Topic", name: "topic", inputs: { kmsMasterKeyId: "arn:aws:kms:key" } },
        { type: "aws:sns/topicPolicy:TopicPolicy", name: "topic-policy", deps: { arn: ["topic"] },
            inputs: { arn: "arn:aws:test:::topic", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{
                Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sns:Publish",
                Resource: ["arn:aws:test:::topic"], Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) } },
        { type: "aws:sns/topicSubscription:TopicSubscription", name: "topic-to-queue", deps: { topic: ["topic"], endpoint: ["queue"] },
            inputs: { topic: "arn:aws:test:::topic", protocol: "sqs", endpoint: "arn:aws:test:::queue", rawMessageDelivery: true } },
        { type: "aws:secretsmanager/secret:Secret", name: "secret", protect: true,
            inputs: { kmsKeyId: "arn:aws:kms:key", recoveryWindowInDays: 7 } },
        { type: "aws:cloudwatch/logGroup:LogGroup", name: "log-group", inputs: { kmsKeyId: "arn:aws:kms:key", retentionInDays: 30 } },
        { type: "aws:ec2/instance:Instance", name: "nat-instance",
            inputs: { instanceType: "t4g.nano", associatePublicIpAddress: true, sourceDestCheck: false, subnetId: "subnet-pub",
                metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
                rootBlockDevice: { encrypted: true, kmsKeyId: "arn:aws:kms:key", volumeType: "gp3", volumeSize: 8 } },
            deps: { subnetId: ["public"], rootBlockDevice: ["key"] } },
        { type: "aws:efs/fileSystem:FileSystem", name: "files", protect: true, inputs: { encrypted: true, kmsKeyId: "arn:aws:kms:key" } },
        { type: "aws:ecr/repository:Repository", name: "repo",
            inputs: { encryptionConfigurations: [{ encryptionType: "KMS" }], imageScanningConfiguration: { scanOnPush: true },
                imageTagMutability: "IMMUTABLE" } },
        { type: "aws:cloudtrail/trail:Trail", name: "trail",
            inputs: { kmsKeyId: "arn:aws:kms:key", enableLogFileValidation: true, isMultiRegionTrail: true } },
        { type: "aws:msk/cluster:Cluster", name: "kafka", protect: true,
            inputs: { clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
                encryptionInfo: { encryptionAtRestKmsKeyArn: "arn:aws:kms:key",
                encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
                brokerNodeGroupInfo: { clientSubnets: ["a", "b"], securityGroups: ["sg-db"] } },
            deps: { brokerNodeGroupInfo: ["isolated", "isolated-b", "db-sg"] } },
        { type: "aws:cloudfront/distribution:Distribution", name: "cdn",
            inputs: { defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
                viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x", minimumProtocolVersion: "TLSv1.2_2021" },
                webAclId: "arn:aws:wafv2:us-east-1:1:global/webacl/cdn/x",
                origins: [{ originId: "alb", customOriginConfig: { originProtocolPolicy: "https-only" } },
                    { originId: "site", domainName: "site.s3.eu-west-1.amazonaws.com", originAccessControlId: "E1" }] } },
    ];
}

/** A subnet with its own route table, association and (optionally) a default route. */
function tier(name: string, target: Record<string, string> | undefined): Spec[] {
    const specs: Spec[] = [
        { type: "aws:ec2/subnet:Subnet", name, inputs: { vpcId: "vpc-1", mapPublicIpOnLaunch: false }, deps: { vpcId: ["vpc"] } },
        { type: "aws:ec2/routeTable:RouteTable", name: `${name}-rt`, inputs: { vpcId: "vpc-1" }, deps: { vpcId: ["vpc"] } },
        { type: "aws:ec2/routeTableAssociation:RouteTableAssociation", name: `${name}-assoc`,
            inputs: { subnetId: "s", routeTableId: "r" }, deps: { subnetId: [name], routeTableId: [`${name}-rt`] } },
    ];
    if (target) {
        const [prop, via] = Object.entries(target)[0];
        specs.push({ type: "aws:ec2/route:Route", name: `${name}-default`,
            inputs: { destinationCidrBlock: "0.0.0.0/0", routeTableId: "r", [prop]: "x" },
            deps: { routeTableId: [`${name}-rt`], [prop]: [via] } });
    }
    return specs;
}

function queuePolicy(queue: string, admissions: object[] = []): Spec {
    return { type: "aws:sqs/queuePolicy:QueuePolicy", name: `${queue}-policy`, deps: { queueUrl: [queue] },
        inputs: { queueUrl: "url", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyInsecureTransport",
            Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: ["arn:aws:sqs:::q"],
            Condition: { Bool: { "aws:SecureTransport": "false" } } }, ...admissions] }) } };
}

function rule(name: string, group: string, inputs: Record<string, unknown>, source?: string): Spec {
    return {
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name,
        inputs: { securityGroupId: "sg", ...inputs, ...(source ? { referencedSecurityGroupId: "sg-src" } : {}) },
        deps: { securityGroupId: [group], ...(source ? { referencedSecurityGroupId: [source] } : {}) },
    };
}

function bucket(name: string, encryption: Record<string, unknown>): Spec[] {
    const on = { bucket: `${name}-bucket` };
    const deps = { bucket: [name] };
    return [
        { type: "aws:s3/bucketV2:BucketV2", name, protect: true, inputs: {} },
        { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: `${name}-pab`, deps,
            inputs: { ...on, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } },
        { type: "aws:s3/bucketOwnershipControls:BucketOwnershipControls", name: `${name}-ownership`, deps,
            inputs: { ...on, rule: { objectOwnership: "BucketOwnerEnforced" } } },
        { type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
            name: `${name}-encryption`, deps,
            inputs: { ...on, rules: [{ applyServerSideEncryptionByDefault: encryption, bucketKeyEnabled: encryption.sseAlgorithm !== "AES256" }] } },
        { type: "aws:s3/bucketVersioningV2:BucketVersioningV2", name: `${name}-versioning`, deps,
            inputs: { ...on, versioningConfiguration: { status: "Enabled" } } },
        { type: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", name: `${name}-lifecycle`, deps,
            inputs: { ...on, rules: [{ id: "default", status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: 90 } }] } },
        { type: "aws:s3/bucketPolicy:BucketPolicy", name: `${name}-policy`, deps,
            inputs: { ...on, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyInsecureTransport",
                Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) } },
    ];
}
