package dev.apphome.plan;

import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for AWS under Pulumi's mock engine: every resource gets an id and an ARN shaped like the
 * real ones (unique per resource, stable between runs), plus the computed attributes the program
 * reads, and the data sources the program calls are answered. Nothing here proves AWS would accept
 * the inputs; it only lets the whole program run and be inspected.
 */
public class PlanMocks implements Mocks {

    public static final String ACCOUNT_ID = "123456789012";
    /** Stands for a secret nobody can read offline; always wrapped as a secret by the program. */
    public static final String PLACEHOLDER_SECRET = dev.apphome.config.StackFile.PLACEHOLDER_SECRET;

    /** Types whose name AWS (or the provider's auto-naming) chooses when the program leaves it out. */
    private static final java.util.Set<String> AUTONAMED = java.util.Set.of(
            "aws:rds/subnetGroup:SubnetGroup", "aws:rds/parameterGroup:ParameterGroup",
            "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:elasticache/subnetGroup:SubnetGroup",
            "aws:ec2/securityGroup:SecurityGroup", "aws:secretsmanager/secret:Secret", "aws:sns/topic:Topic",
            "aws:iam/rolePolicy:RolePolicy", "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:kms/alias:Alias");

    private final String region;
    private final boolean preview;
    private final String[] zoneSuffixes = {"a", "b", "c", "d", "e", "f"};

    /**
     * @param preview answer as AWS does before anything exists: no ids, no computed attributes, so
     *                that every value the program did not set itself is unknown
     */
    public PlanMocks(String region, boolean preview) {
        this.region = region;
        this.preview = preview;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs == null ? Map.of() : args.inputs);
        if (!args.type.startsWith("aws:")) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
        }
        String hex = hex(args.type + "/" + args.name);
        String physical = state.containsKey("name") && state.get("name") instanceof String n ? n
                : args.name + "-" + hex.substring(0, 7);
        if (AUTONAMED.contains(args.type)) {
            state.putIfAbsent("name", physical);
        }
        // A resource on the stack's us-east-1 provider lives there, and its ARNs say so.
        String where = args.provider != null && args.provider.contains("-us-east-1::") ? "us-east-1" : region;
        String id = computed(args.type, args.name, physical, hex, state, where);
        if (preview) {
            // A real preview returns every attribute AWS will compute as unknown, and no id yet. The
            // attribute must be present (as unknown) for the SDK to keep its dependency on this resource.
            Map<String, Object> unknownComputed = new LinkedHashMap<>();
            state.forEach((k, v) -> unknownComputed.put(k, args.inputs != null && args.inputs.containsKey(k) ? v
                    : new OutputInternal<>(OutputData.unknown())));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), unknownComputed));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** Fills in what AWS would compute and returns the resource's id. */
    private String computed(String type, String name, String physical, String hex, Map<String, Object> state,
                            String region) {
        String service = type.substring(4, type.indexOf('/'));
        String arnPrefix = "arn:aws:" + service + ":" + region + ":" + ACCOUNT_ID + ":";
        String id;
        switch (type) {
            case "aws:ec2/vpc:Vpc" -> id = "vpc-" + hex.substring(0, 17);
            case "aws:ec2/subnet:Subnet" -> id = "subnet-" + hex.substring(0, 17);
            case "aws:ec2/internetGateway:InternetGateway" -> id = "igw-" + hex.substring(0, 17);
            case "aws:ec2/natGateway:NatGateway" -> id = "nat-" + hex.substring(0, 17);
            case "aws:ec2/eip:Eip" -> {
                id = "eipalloc-" + hex.substring(0, 17);
                state.put("allocationId", id);
                state.put("publicIp", "203.0.113." + (Integer.parseInt(hex.substring(0, 2), 16) % 250 + 1));
            }
            case "aws:ec2/instance:Instance" -> {
                id = "i-" + hex.substring(0, 17);
                state.put("primaryNetworkInterfaceId", "eni-" + hex(hex).substring(0, 17));
                state.put("privateIp", "10.0.32." + (Integer.parseInt(hex.substring(0, 2), 16) % 250 + 4));
                if (Boolean.TRUE.equals(state.get("associatePublicIpAddress"))) {
                    state.put("publicIp", "203.0.113." + (Integer.parseInt(hex.substring(2, 4), 16) % 250 + 1));
                }
            }
            case "aws:iam/instanceProfile:InstanceProfile" -> {
                id = physical;
                state.put("name", physical);
                state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":instance-profile/" + physical);
            }
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment" -> id = state.get("role") + "-" + hex.substring(0, 8);
            case "aws:ec2/routeTable:RouteTable" -> id = "rtb-" + hex.substring(0, 17);
            case "aws:ec2/route:Route" -> id = "r-" + hex.substring(0, 17);
            case "aws:ec2/routeTableAssociation:RouteTableAssociation" -> id = "rtbassoc-" + hex.substring(0, 17);
            case "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" ->
                    id = "sg-" + hex.substring(0, 17);
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                 "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" -> id = "sgr-" + hex.substring(0, 17);
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> id = "vpce-" + hex.substring(0, 17);
            case "aws:ec2/flowLog:FlowLog" -> id = "fl-" + hex.substring(0, 17);
            case "aws:kms/key:Key" -> {
                id = uuid(hex);
                state.put("keyId", id);
                state.put("arn", arnPrefix + "key/" + id);
            }
            case "aws:kms/alias:Alias" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", arnPrefix + id);
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                id = physical;
                state.put("name", physical);
                state.put("arn", "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":log-group:" + physical);
            }
            case "aws:iam/role:Role" -> {
                id = physical;
                state.put("name", physical);
                state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + physical);
                state.put("uniqueId", "AROA" + hex.substring(0, 17).toUpperCase());
            }
            case "aws:iam/rolePolicy:RolePolicy" -> id = state.get("role") + ":" + physical;
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                String suffix = "app/" + physical + "/" + hex.substring(0, 16);
                id = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT_ID + ":loadbalancer/" + suffix;
                state.put("arn", id);
                state.put("arnSuffix", suffix);
                state.put("name", physical);
                state.put("dnsName", physical + "-" + Long.parseLong(hex.substring(0, 9), 16) + "." + region + ".elb.amazonaws.com");
                state.put("zoneId", "Z2ZMOCKELBZONE");
            }
            case "aws:lb/targetGroup:TargetGroup" -> {
                String suffix = "targetgroup/" + physical + "/" + hex.substring(0, 16);
                id = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT_ID + ":" + suffix;
                state.put("arn", id);
                state.put("arnSuffix", suffix);
                state.put("name", physical);
            }
            case "aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule" -> {
                id = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT_ID + ":listener/app/" + hex.substring(0, 16);
                state.put("arn", id);
            }
            case "aws:ecs/cluster:Cluster" -> {
                id = arnPrefix + "cluster/" + physical;
                state.put("arn", id);
                state.put("name", physical);
            }
            case "aws:ecs/taskDefinition:TaskDefinition" -> {
                id = String.valueOf(state.get("family"));
                state.put("arn", arnPrefix + "task-definition/" + id + ":1");
                state.put("revision", 1);
            }
            case "aws:ecs/service:Service" -> {
                id = arnPrefix + "service/" + physical;
                state.put("name", physical);
            }
            case "aws:rds/instance:Instance" -> {
                id = "db-" + hex.substring(0, 26).toUpperCase();
                physical = String.valueOf(state.getOrDefault("identifier", physical));
                String host = physical + ".c" + hex.substring(0, 11) + "." + region + ".rds.amazonaws.com";
                state.put("identifier", physical);
                state.put("address", host);
                state.put("endpoint", host + ":" + state.getOrDefault("port", 5432));
                state.put("arn", arnPrefix + "db:" + physical);
                state.put("masterUserSecrets", List.of(masterSecret(hex)));
            }
            case "aws:rds/cluster:Cluster" -> {
                physical = String.valueOf(state.getOrDefault("clusterIdentifier", physical));
                id = physical;
                String host = physical + ".cluster-c" + hex.substring(0, 11) + "." + region + ".rds.amazonaws.com";
                state.put("clusterIdentifier", physical);
                state.put("endpoint", host);
                state.put("readerEndpoint", host.replace(".cluster-", ".cluster-ro-"));
                state.put("arn", arnPrefix + "cluster:" + physical);
                state.put("masterUserSecrets", List.of(masterSecret(hex)));
            }
            case "aws:rds/proxy:Proxy" -> {
                // The proxy's resource id (prx-…) ends its ARN; IAM sign-in through the proxy names it.
                id = physical;
                state.put("name", physical);
                state.put("arn", arnPrefix + "db-proxy:prx-" + hex.substring(0, 17));
                state.put("endpoint", physical + ".proxy-c" + hex.substring(0, 11) + "." + region + ".rds.amazonaws.com");
            }
            case "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup" -> {
                id = String.valueOf(state.get("dbProxyName"));
                state.put("name", "default");
                state.put("arn", arnPrefix + "target-group:prx-tg-" + hex.substring(0, 17));
            }
            case "aws:msk/cluster:Cluster" -> {
                // arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>-<n>, as MSK writes it.
                String clusterName = String.valueOf(state.getOrDefault("clusterName", physical));
                String uuid = uuid(hex) + "-1";
                id = "arn:aws:kafka:" + region + ":" + ACCOUNT_ID + ":cluster/" + clusterName + "/" + uuid;
                state.put("clusterName", clusterName);
                state.put("clusterUuid", uuid);
                state.put("arn", id);
                int brokers = ((Number) state.getOrDefault("numberOfBrokerNodes", 3)).intValue();
                List<String> hosts = new java.util.ArrayList<>();
                for (int b = 1; b <= brokers; b++) {
                    hosts.add("b-" + b + "." + clusterName + "." + hex.substring(0, 6) + ".c2.kafka." + region
                            + ".amazonaws.com:9098");
                }
                state.put("bootstrapBrokersSaslIam", String.join(",", hosts));
            }
            case "aws:msk/configuration:Configuration" -> {
                id = "arn:aws:kafka:" + region + ":" + ACCOUNT_ID + ":configuration/" + physical + "/" + uuid(hex) + "-1";
                state.put("name", physical);
                state.put("arn", id);
                state.put("latestRevision", 1);
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                id = String.valueOf(state.getOrDefault("replicationGroupId", physical));
                state.put("arn", arnPrefix + "replicationgroup:" + id);
                state.put("primaryEndpointAddress", "master." + id + "." + hex.substring(0, 6) + ".euw1.cache.amazonaws.com");
                state.put("readerEndpointAddress", "replica." + id + "." + hex.substring(0, 6) + ".euw1.cache.amazonaws.com");
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                id = physical;
                state.put("bucket", physical);
                state.put("arn", "arn:aws:s3:::" + physical);
                state.put("bucketRegionalDomainName", physical + ".s3." + region + ".amazonaws.com");
            }
            case "aws:secretsmanager/secret:Secret" -> {
                id = arnPrefix + "secret:" + physical + "-" + hex.substring(0, 6);
                state.put("arn", id);
            }
            case "aws:sns/topic:Topic" -> {
                id = arnPrefix + physical;
                state.put("arn", id);
            }
            case "aws:servicediscovery/httpNamespace:HttpNamespace" -> {
                id = "ns-" + hex.substring(0, 16);
                state.put("arn", arnPrefix + "namespace/" + id);
            }
            case "aws:acm/certificate:Certificate" -> {
                id = arnPrefix + "certificate/" + uuid(hex);
                state.put("arn", id);
                String domain = String.valueOf(state.get("domainName"));
                state.put("domainValidationOptions", List.of(Map.of(
                        "domainName", domain,
                        "resourceRecordName", "_" + hex.substring(0, 32) + "." + domain + ".",
                        "resourceRecordType", "CNAME",
                        "resourceRecordValue", "_" + hex.substring(32, 64) + ".acm-validations.aws.")));
            }
            case "aws:appautoscaling/target:Target" -> {
                id = String.valueOf(state.get("resourceId"));
                state.put("arn", arnPrefix + "scalable-target/" + hex.substring(0, 20));
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                id = physical;
                state.put("arn", "arn:aws:cloudwatch:" + region + ":" + ACCOUNT_ID + ":alarm:" + physical);
            }
            case "aws:dynamodb/table:Table" -> {
                id = String.valueOf(state.getOrDefault("name", physical));
                state.put("name", id);
                state.put("arn", arnPrefix + "table/" + id);
                if (Boolean.TRUE.equals(state.get("streamEnabled"))) {
                    state.put("streamArn", arnPrefix + "table/" + id + "/stream/2024-01-01T00:00:00.000");
                }
            }
            case "aws:sqs/queue:Queue" -> {
                id = "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + physical;
                state.put("url", id);
                state.put("name", physical);
                state.put("arn", arnPrefix + physical);
            }
            case "aws:wafv2/webAcl:WebAcl" -> {
                id = uuid(hex);
                state.put("arn", "CLOUDFRONT".equals(state.get("scope"))
                        ? "arn:aws:wafv2:us-east-1:" + ACCOUNT_ID + ":global/webacl/" + physical + "/" + id
                        : "arn:aws:wafv2:" + region + ":" + ACCOUNT_ID + ":regional/webacl/" + physical + "/" + id);
            }
            case "aws:cloudfront/distribution:Distribution" -> {
                id = "E" + hex.substring(0, 13).toUpperCase();
                state.put("arn", "arn:aws:cloudfront::" + ACCOUNT_ID + ":distribution/" + id);
                state.put("domainName", "d" + hex.substring(0, 13) + ".cloudfront.net");
                state.put("hostedZoneId", "Z2FDTNDATAQYW2");
            }
            case "aws:cloudfront/originAccessControl:OriginAccessControl", "aws:cloudfront/publicKey:PublicKey" ->
                    id = "E" + hex.substring(0, 13).toUpperCase();
            case "aws:cloudfront/cachePolicy:CachePolicy", "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
                 "aws:cloudfront/keyGroup:KeyGroup" -> id = uuid(hex);
            case "aws:ecr/repository:Repository" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", arnPrefix + "repository/" + id);
                state.put("repositoryUrl", ACCOUNT_ID + ".dkr.ecr." + region + ".amazonaws.com/" + id);
                state.put("registryId", ACCOUNT_ID);
            }
            case "aws:cognito/userPool:UserPool" -> {
                id = region + "_" + hex.substring(0, 9);
                state.put("arn", "arn:aws:cognito-idp:" + region + ":" + ACCOUNT_ID + ":userpool/" + id);
            }
            case "aws:cognito/userPoolClient:UserPoolClient" -> id = hex.substring(0, 26);
            case "aws:cloudtrail/trail:Trail" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", arnPrefix + "trail/" + id);
            }
            case "aws:cloudwatch/logDeliverySource:LogDeliverySource" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":delivery-source:" + id);
            }
            case "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":delivery-destination:" + id);
            }
            case "aws:wafv2/webAclAssociation:WebAclAssociation" ->
                    id = state.get("webAclArn") + "," + state.get("resourceArn");
            case "aws:route53/record:Record" -> {
                String fqdn = String.valueOf(state.get("name")).replaceAll("\\.$", "");
                id = state.get("zoneId") + "_" + fqdn + "_" + state.get("type");
                state.put("fqdn", fqdn);
            }
            case "aws:acm/certificateValidation:CertificateValidation" -> id = String.valueOf(state.get("certificateArn"));
            case "aws:lambda/function:Function" -> {
                id = physical;
                state.put("name", physical);
                state.put("arn", arnPrefix + "function:" + physical);
                state.put("invokeArn", "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + arnPrefix
                        + "function:" + physical + "/invocations");
                state.put("qualifiedArn", arnPrefix + "function:" + physical + ":$LATEST");
                state.put("version", "$LATEST");
            }
            case "aws:lambda/eventSourceMapping:EventSourceMapping" -> {
                id = uuid(hex);
                state.put("uuid", id);
                state.put("arn", arnPrefix + "event-source-mapping:" + id);
            }
            case "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig" -> id = String.valueOf(state.get("functionName"));
            case "aws:scheduler/scheduleGroup:ScheduleGroup" -> {
                id = physical;
                state.put("name", physical);
                state.put("arn", arnPrefix + "schedule-group/" + physical);
            }
            case "aws:scheduler/schedule:Schedule" -> {
                String group = String.valueOf(state.getOrDefault("groupName", "default"));
                id = group + "/" + physical;
                state.put("name", physical);
                state.put("arn", arnPrefix + "schedule/" + group + "/" + physical);
            }
            default -> id = physical;
        }
        state.putIfAbsent("arn", arnPrefix + lastSegment(type) + "/" + id);
        state.putIfAbsent("id", id);
        return id;
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> Map.of(
                    "names", List.of(zone(0), zone(1), zone(2), zone(3), zone(4), zone(5)),
                    "zoneIds", List.of("euw1-az1", "euw1-az2", "euw1-az3", "euw1-az4", "euw1-az5", "euw1-az6"),
                    "id", region, "groupNames", List.of(region));
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", ACCOUNT_ID, "arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/offline-plan",
                    "id", ACCOUNT_ID, "userId", "AIDAOFFLINEPLAN");
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region,
                    "endpoint", "ec2." + region + ".amazonaws.com", "description", region);
            case "aws:index/getPartition:getPartition" -> Map.of("partition", "aws", "dnsSuffix", "amazonaws.com",
                    "id", "aws", "reverseDnsPrefix", "com.amazonaws");
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList" -> Map.of(
                    "id", "pl-4fa04526", "name", "com.amazonaws.global.cloudfront.origin-facing", "addressFamily", "IPv4",
                    "maxEntries", 55, "entries", List.of());
            // AWS's public AMI parameters: a made-up AMI id per parameter, the same on every run.
            case "aws:ssm/getParameter:getParameter" -> {
                String parameter = String.valueOf(argument(args, "name"));
                yield Map.of("name", parameter, "value", "ami-0" + hex(region + parameter).substring(0, 16),
                        "type", "String", "id", parameter, "arn", "arn:aws:ssm:" + region + "::parameter" + parameter,
                        "version", 1, "insecureValue", "ami-0" + hex(region + parameter).substring(0, 16));
            }
            case "aws:secretsmanager/getRandomPassword:getRandomPassword" -> Map.of(
                    "randomPassword", PLACEHOLDER_SECRET, "id", "offline");
            default -> throw new IllegalArgumentException("the offline plan does not answer " + args.token
                    + "; add it to " + PlanMocks.class.getSimpleName());
        };
        return CompletableFuture.completedFuture(result);
    }

    /**
     * One argument of a data-source call. {@code CallArgs.args} is a Guava map, and Guava is only on the
     * SDK's runtime class path, so the field is read as the plain {@link Map} it is.
     */
    public static Object argument(CallArgs call, String name) {
        try {
            return ((Map<?, ?>) CallArgs.class.getField("args").get(call)).get(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String zone(int index) {
        return region + zoneSuffixes[index];
    }

    private Map<String, Object> masterSecret(String hex) {
        return Map.of(
                "secretArn", "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:rds!db-" + uuid(hex) + "-" + hex.substring(0, 6),
                "kmsKeyId", "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":key/" + uuid(hex(hex)),
                "secretStatus", "active");
    }

    private static String lastSegment(String type) {
        String last = type.substring(type.lastIndexOf(':') + 1);
        return Character.toLowerCase(last.charAt(0)) + last.substring(1);
    }

    private static String uuid(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
