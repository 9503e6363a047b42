package dev.apphome.cost;

import dev.apphome.cost.Costs.Fixed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.apphome.cost.Costs.state;
import static dev.apphome.cost.Costs.steps;
import static dev.apphome.cost.Costs.urn;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ECS services on Fargate, from synthetic steps: the desired count, the task definition's size and
 * platform, and the capacity provider strategy. Prices are eu-west-1's (us-east-1's where the
 * eu-west-1 figure is missing); the Spot rate is 0.3 × on-demand.
 */
class FargatePricingTest {

    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";

    private static String task(String name, String inputs) {
        return "{\"urn\": \"" + urn(TASK, name) + "\", \"type\": \"" + TASK + "\", \"custom\": true, \"inputs\": " + inputs
                + ", \"outputs\": {\"arn\": \"arn:aws:ecs:eu-west-1:123456789012:task-definition/" + name + ":3\"}}";
    }

    @Test
    void baseTasksGoFirstThenTheRestByWeightAndPublicIpsCountPerTask() {
        // 5 tasks; FARGATE base 1 weight 1, FARGATE_SPOT weight 1: 1 + 4 × 1/2 = 3 on demand, 2 on Spot.
        var e = Costs.of(steps("eu-west-1",
                task("web", "{\"cpu\": \"1 vCPU\", \"memory\": \"2 GB\", \"family\": \"web\"}"),
                state(SERVICE, "web", "{\"desiredCount\": 5, \"taskDefinition\": \"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3\","
                        + " \"networkConfiguration\": {\"assignPublicIp\": true}, \"capacityProviderStrategies\": ["
                        + "{\"capacityProvider\": \"FARGATE\", \"base\": 1, \"weight\": 1}, {\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}]}")));

        assertEquals(List.of(
                new Fixed("web", "Fargate x86_64 vCPU, on demand: 3 tasks × 1 vCPU", "2190", "0.04048", "88.6512"),
                new Fixed("web", "Fargate x86_64 memory, on demand: 3 tasks × 2 GB", "4380", "0.004445", "19.4691"),
                new Fixed("web", "Fargate x86_64 vCPU, Spot: 2 tasks × 1 vCPU", "1460", "0.012144", "17.73024"),
                new Fixed("web", "Fargate x86_64 memory, Spot: 2 tasks × 2 GB", "2920", "0.0013335", "3.89382"),
                // one public address per task: 5 × 730 × 0.005
                new Fixed("web", "public IPv4 addresses, one per task", "3650", "0.005", "18.25")), Costs.fixedLines(e));
        assertEquals("estimate", Costs.lines(e, "web").get(2).status(), "the Spot rate rests on the table's estimated discount");
    }

    @Test
    void aServiceWithoutStrategyUsesItsClustersDefaultFoundThroughTheRecordedDependency() {
        String cluster = urn("aws:ecs/cluster:Cluster", "main");
        var e = Costs.of(steps("eu-west-1",
                state("aws:ecs/cluster:Cluster", "main", "{}"),
                state("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "capacity",
                        "{\"clusterName\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\", \"defaultCapacityProviderStrategies\": "
                                + "[{\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}]}",
                        "{\"clusterName\": [\"" + cluster + "\"]}"),
                task("worker", "{\"cpu\": \"512\", \"memory\": \"1024\", \"runtimePlatform\": {\"cpuArchitecture\": \"X86_64\"}}"),
                state(SERVICE, "worker", "{\"desiredCount\": 2, \"cluster\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\", "
                                + "\"taskDefinition\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"}",
                        "{\"cluster\": [\"" + cluster + "\"], \"taskDefinition\": [\"" + urn(TASK, "worker") + "\"]}")));

        assertEquals(List.of(
                new Fixed("worker", "Fargate x86_64 vCPU, Spot: 2 tasks × 0.5 vCPU", "730", "0.012144", "8.86512"),
                new Fixed("worker", "Fargate x86_64 memory, Spot: 2 tasks × 1 GB", "1460", "0.0013335", "1.94691")), Costs.fixedLines(e));
    }

    @Test
    void armTasksUseTheArmRatesAndEphemeralStorageAboveTwentyGbIsPriced() {
        // us-east-1 has an ephemeral-storage price: 1 task × (50 − 20) GB × 730 h × 0.000111
        var e = Costs.of(steps("us-east-1",
                task("api", "{\"cpu\": \"256\", \"memory\": \"512\", \"family\": \"api\", \"ephemeralStorage\": {\"sizeInGib\": 50}, "
                        + "\"runtimePlatform\": {\"cpuArchitecture\": \"ARM64\", \"operatingSystemFamily\": \"LINUX\"}}"),
                state(SERVICE, "api", "{\"desiredCount\": 1, \"launchType\": \"FARGATE\", \"taskDefinition\": \"api\"}")));

        assertEquals(List.of(
                new Fixed("api", "Fargate ARM64 vCPU, on demand: 1 task × 0.25 vCPU", "182.5", "0.03238", "5.90935"),
                new Fixed("api", "Fargate ARM64 memory, on demand: 1 task × 0.5 GB", "365", "0.00356", "1.2994"),
                new Fixed("api", "Fargate ephemeral storage above the 20 GB included: 1 task × 30 GB", "21900", "0.000111", "2.4309")),
                Costs.fixedLines(e));
    }

    @Test
    void whatCannotBePricedIsUnpricedWithTheReason() {
        var e = Costs.of(steps("eu-west-1",
                task("big", "{\"cpu\": \"256\", \"memory\": \"512\", \"family\": \"big\", \"ephemeralStorage\": {\"sizeInGib\": 40}}"),
                state(SERVICE, "big", "{\"desiredCount\": 1, \"launchType\": \"FARGATE\", \"taskDefinition\": \"big:3\"}"),
                task("win", "{\"cpu\": \"1024\", \"memory\": \"2048\", \"family\": \"win\", "
                        + "\"runtimePlatform\": {\"operatingSystemFamily\": \"WINDOWS_SERVER_2022_CORE\"}}"),
                state(SERVICE, "win", "{\"desiredCount\": 1, \"launchType\": \"FARGATE\", \"taskDefinition\": \"win\"}"),
                state(SERVICE, "ec2", "{\"desiredCount\": 1, \"taskDefinition\": \"big\", "
                        + "\"capacityProviderStrategies\": [{\"capacityProvider\": \"my-asg\", \"weight\": 1}]}"),
                state(SERVICE, "scaling", "{\"desiredCount\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\", \"taskDefinition\": \"big\"}"),
                state(SERVICE, "orphan", "{\"desiredCount\": 1, \"launchType\": \"FARGATE\", \"taskDefinition\": \"elsewhere:1\"}")));

        assertEquals("no eu-west-1 price for Fargate ephemeral storage above the 20 GB included: 1 task × 20 GB "
                + "(fargate.ephemeral.gbHour, status missing: no figure was found when the table was compiled)", Costs.unpricedReason(e, "big"));
        assertEquals("a WINDOWS_SERVER_2022_CORE task: the price table has only Linux Fargate prices", Costs.unpricedReason(e, "win"));
        assertEquals("capacity provider my-asg runs tasks on EC2 instances, which this estimate does not cover",
                Costs.unpricedReason(e, "ec2"));
        assertEquals("desiredCount is not known until the resource is created", Costs.unpricedReason(e, "scaling"));
        assertEquals("its task definition elsewhere:1 is not in the document", Costs.unpricedReason(e, "orphan"));
        assertEquals(0, e.fixed().signum());
    }
}
