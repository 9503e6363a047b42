package dev.apphome.diff;

import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replace-forcing table: it covers every type the program creates, each with its provider
 * version and schema source, and says what the provider's schema says for the inputs this project
 * depends on. Mocks cannot prove the provider still decides so; the table names where it read it.
 */
class ForcingTableTest {

    private static final ForcingTable TABLE = ForcingTable.bundled();

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.apphome.support.Stacks#all")
    void coversEveryTypeThePlanCreates(String stack) {
        Set<String> missing = new TreeSet<>();
        for (PlannedResource r : Stacks.anyPlan(stack).resources()) {
            // Provider resources (an aws provider for another region) are the engine's, not AWS types.
            if (r.custom() && !r.type().startsWith("pulumi:providers:") && TABLE.facts(r.type()).isEmpty()) {
                missing.add(r.type());
            }
        }

        assertEquals(Set.of(), missing, "types of stack " + stack + " that replace-forcing.json does not cover");
    }

    @Test
    void everyTypeNamesItsProviderVersionSchemaSourceAndEvidence() {
        assertEquals("terraform-provider-aws v5.100.0, the schema com.pulumi:aws 6.83.0 bridges", TABLE.provider());
        assertEquals(99, TABLE.types().size());
        for (String type : TABLE.types()) {
            var facts = TABLE.facts(type).orElseThrow();
            assertEquals("terraform-provider-aws v5.100.0", facts.provider(), type);
            assertTrue(facts.source().matches("internal/service/[a-z0-9]+/[a-z0-9_]+\\.go"), type + ": " + facts.source());
            assertTrue(facts.terraform().matches("aws_[a-z0-9_]+"), type);
            assertFalse(facts.evidence().isBlank(), type);
        }
    }

    @Test
    void everyCaseDecidedAtPlanTimeIsOneBinDiffEvaluates() {
        for (String type : TABLE.types()) {
            for (var c : TABLE.facts(type).orElseThrow().replaceWhen()) {
                assertTrue(Rules.KNOWN.contains(c.rule()), type + " names rule " + c.rule());
            }
        }
    }

    @Test
    void everyAdviceAndEveryOnlyWhenSetInputIsAForcingInput() {
        for (String type : TABLE.types()) {
            var facts = TABLE.facts(type).orElseThrow();
            assertTrue(facts.forcingInputs().containsAll(facts.avoid().keySet()), type + " " + facts.avoid().keySet());
            assertTrue(facts.replaceOn().containsAll(facts.onlyWhenSet()), type + " " + facts.onlyWhenSet());
        }
    }

    @Test
    void theStatefulTypesAreTheDataStoresKeysSecretsQueuesUserPoolsAndSubnetGroups() {
        var stateful = new TreeSet<String>();
        TABLE.types().stream().filter(t -> TABLE.facts(t).orElseThrow().stateful() != null).forEach(stateful::add);

        assertEquals(new TreeSet<>(List.of("aws:cognito/userPool:UserPool", "aws:dynamodb/table:Table", "aws:efs/fileSystem:FileSystem",
                "aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/subnetGroup:SubnetGroup",
                "aws:kms/key:Key", "aws:msk/cluster:Cluster", "aws:rds/cluster:Cluster",
                "aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance", "aws:rds/subnetGroup:SubnetGroup",
                "aws:s3/bucketV2:BucketV2", "aws:secretsmanager/secret:Secret", "aws:sqs/queue:Queue")), stateful);
        assertEquals(List.of("aws:ec2/subnet:Subnet"), TABLE.types().stream()
                .filter(t -> TABLE.facts(t).orElseThrow().statefulWhenUsed() != null).toList());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // The inputs the program's stack files reach, as the provider's schema marks them.
            "aws:ec2/subnet:Subnet, cidrBlock, true", "aws:ec2/subnet:Subnet, availabilityZone, true",
            "aws:ec2/subnet:Subnet, tags, false",
            "aws:rds/instance:Instance, engine, true", "aws:rds/instance:Instance, dbName, true",
            "aws:rds/instance:Instance, storageEncrypted, true", "aws:rds/instance:Instance, kmsKeyId, true",
            "aws:rds/instance:Instance, identifier, false", "aws:rds/instance:Instance, instanceClass, false",
            "aws:rds/instance:Instance, allocatedStorage, false", "aws:rds/instance:Instance, multiAz, false",
            "aws:rds/instance:Instance, dbSubnetGroupName, false", "aws:rds/instance:Instance, engineVersion, false",
            "aws:rds/cluster:Cluster, dbSubnetGroupName, true", "aws:rds/cluster:Cluster, databaseName, true",
            "aws:rds/clusterInstance:ClusterInstance, identifier, true",
            "aws:rds/clusterInstance:ClusterInstance, instanceClass, false",
            "aws:rds/subnetGroup:SubnetGroup, subnetIds, false", "aws:elasticache/subnetGroup:SubnetGroup, subnetIds, false",
            "aws:elasticache/replicationGroup:ReplicationGroup, atRestEncryptionEnabled, true",
            "aws:elasticache/replicationGroup:ReplicationGroup, numCacheClusters, false",
            "aws:elasticache/replicationGroup:ReplicationGroup, nodeType, false",
            "aws:s3/bucketV2:BucketV2, bucket, true", "aws:sqs/queue:Queue, fifoQueue, true",
            "aws:sqs/queue:Queue, visibilityTimeoutSeconds, false",
            "aws:cloudwatch/metricAlarm:MetricAlarm, threshold, false",
            "aws:ec2/securityGroup:SecurityGroup, description, true",
            "aws:route53/record:Record, type, false",
            // The NAT instance: its AMI, subnet and public-address choice replace it; its type is a stop and start.
            "aws:ec2/instance:Instance, ami, true", "aws:ec2/instance:Instance, subnetId, true",
            "aws:ec2/instance:Instance, associatePublicIpAddress, true",
            "aws:ec2/instance:Instance, rootBlockDevice.kmsKeyId, true",
            "aws:ec2/instance:Instance, instanceType, false", "aws:ec2/instance:Instance, userData, false",
            "aws:ec2/instance:Instance, sourceDestCheck, false", "aws:ec2/instance:Instance, metadataOptions.httpTokens, false",
    })
    void anInputForcesAReplacementExactlyWhenTheSchemaSaysSo(String type, String input, boolean forces) {
        assertEquals(forces, TABLE.facts(type).orElseThrow().replaceOn().contains(input));
    }

    @Test
    void typesWithNoForcingInputAreTheOnesWhoseEveryInputUpdatesInPlace() {
        assertEquals(List.of("aws:cloudfront/cachePolicy:CachePolicy", "aws:cloudfront/keyGroup:KeyGroup",
                        "aws:cloudfront/originAccessControl:OriginAccessControl",
                        "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
                        "aws:ec2/internetGateway:InternetGateway",
                        "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"),
                TABLE.types().stream().filter(t -> TABLE.facts(t).orElseThrow().forcingInputs().isEmpty()).sorted().toList());
    }

    @Test
    void theTypesNotReadFromTheSchemaAreNamedAndNoneHoldsData() {
        // Added to the program after the research; bin/diff marks their facts unverified.
        var unverified = TABLE.types().stream().filter(t -> TABLE.facts(t).orElseThrow().unverified()).sorted().toList();

        assertEquals(List.of("aws:cloudfront/cachePolicy:CachePolicy", "aws:cloudwatch/logDelivery:LogDelivery",
                "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
                "aws:cloudwatch/logDeliverySource:LogDeliverySource",
                "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
                "aws:iam/instanceProfile:InstanceProfile", "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "aws:kms/keyPolicy:KeyPolicy"),
                unverified);
        assertTrue(unverified.stream().allMatch(t -> TABLE.facts(t).orElseThrow().stateful() == null));
        assertEquals("aws_kms_key_policy, terraform-provider-aws v5.100.0 internal/service/kms/key_policy.go "
                + "(unverified: not read from the schema)", TABLE.facts("aws:kms/keyPolicy:KeyPolicy").orElseThrow().origin());
    }
}
