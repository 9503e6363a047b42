package dev.apphome.network;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.support.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The VPC with natGateways: instance, alone. Mocks cannot prove that the AL2023 AMI boots with this
 * user data, that iptables-services installs, that forwarding works, or that EC2 accepts the recover
 * action for the type: docs/aws-behaviour.md says what AWS does there.
 */
class NatInstanceComponentTest {

    private static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/k";
    // Planned once for the class, after class initialisation: the program's lambdas run on the engine's
    // threads and would wait for a static initialiser that waits for them.
    private static PlanRunner.Result PLAN;

    @org.junit.jupiter.api.BeforeAll
    static void planOnce() {
        PLAN = plan(Map.of("natGateways", "instance"));
    }

    private static PlanRunner.Result plan(Map<String, Object> values) {
        var settings = Components.settings(NetworkSettings.class, values);
        return Components.declare(s -> {
            var network = new Network("vpc", settings, s.aws(), s.keyArn(), s.protection(), ComponentResourceOptions.Empty);
            var alerts = new Alerts("alerts", Components.settings(AlertSettings.class, Map.of()), s.aws(), s.keyArn(),
                    s.protection(), ComponentResourceOptions.Empty);
            network.alarms(Components.settings(AlertSettings.class, Map.of())).forEach(alerts::alarm);
            alerts.publishDashboard();
        });
    }

    @Test
    void oneT4gNanoInTheFirstPublicSubnetAndNoNatGateway() {
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");

        assertEquals(1, PLAN.ofType(INSTANCE).size());
        assertEquals(List.of(), PLAN.ofType("aws:ec2/natGateway:NatGateway"));
        assertEquals(List.of(), PLAN.ofType("aws:ec2/eip:Eip"));
        assertEquals("t4g.nano", nat.inputString("instanceType"));
        assertEquals("vpc-public-1", Plans.source(PLAN, nat, "subnetId").name());
        assertEquals(true, nat.input("associatePublicIpAddress"));
        assertEquals(false, nat.input("sourceDestCheck"));
        assertEquals(null, nat.input("keyName"));
    }

    @Test
    void itAsksForImdsV2TokensWithAHopLimitOfOne() {
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");

        assertEquals("required", nat.inputString("metadataOptions.httpTokens"));
        assertEquals(1L, nat.input("metadataOptions.httpPutResponseHopLimit"));
        assertEquals("enabled", nat.inputString("metadataOptions.httpEndpoint"));
    }

    @Test
    void itBootsFromAnEncryptedGp3VolumeUnderTheStacksKey() {
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");

        assertEquals("gp3", nat.inputString("rootBlockDevice.volumeType"));
        assertEquals(8L, nat.input("rootBlockDevice.volumeSize"));
        assertEquals(true, nat.input("rootBlockDevice.encrypted"));
        assertEquals(PLAN.named("aws:kms/key:Key", "test-key-key").outputs().get("arn"), nat.input("rootBlockDevice.kmsKeyId"));
        assertEquals("standard", nat.inputString("creditSpecification.cpuCredits"));
    }

    @ParameterizedTest(name = "{0} boots AL2023 for {1}")
    @CsvSource({"t4g.nano, arm64", "t4g.small, arm64", "t3.micro, x86_64"})
    void theAmiIsTheLatestAmazonLinux2023OfTheTypesArchitecture(String type, String architecture) {
        var mocks = org.mockito.Mockito.spy(new dev.apphome.plan.PlanMocks(Components.REGION, false));
        var settings = Components.settings(NetworkSettings.class, Map.of("natGateways", "instance", "natInstanceType", type));
        var plan = PlanRunner.runProgram("apphome", "test", new dev.apphome.config.ConfigSource("Pulumi.test.yaml",
                Map.of("aws:region", Components.REGION), java.util.Set.of()), false, mocks, ctx -> new Network("vpc",
                settings, new dev.apphome.common.AwsContext(com.pulumi.core.Output.of("123456789012"), Components.REGION, "aws"),
                com.pulumi.core.Output.of(KEY_ARN), new dev.apphome.common.Protection(false),
                ComponentResourceOptions.Empty));

        var calls = org.mockito.ArgumentCaptor.forClass(com.pulumi.test.Mocks.CallArgs.class);
        org.mockito.Mockito.verify(mocks, org.mockito.Mockito.atLeastOnce()).callAsync(calls.capture());
        assertEquals(List.of("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-" + architecture),
                calls.getAllValues().stream().filter(c -> c.token.equals("aws:ssm/getParameter:getParameter"))
                        .map(c -> String.valueOf(dev.apphome.plan.PlanMocks.argument(c, "name"))).toList());
        var nat = plan.named(INSTANCE, "vpc-nat-instance");
        assertEquals(type, nat.inputString("instanceType"));
        assertTrue(nat.inputString("ami").startsWith("ami-0"), nat.inputString("ami"));
        // A newer AMI in the parameter must not replace a running NAT instance at the next deploy.
        assertEquals(List.of("ami"), nat.options().ignoreChanges());
    }

    @Test
    void theUserDataTurnsOnForwardingAndMasqueradeThatSurviveAReboot() {
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");
        String script = nat.inputString("userData");

        assertEquals(NatInstance.userData(), script);
        assertTrue(script.contains("dnf install -y iptables-services"), script);
        assertTrue(script.contains("net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf"), script);
        assertTrue(script.contains("systemctl enable --now iptables"), script);
        assertTrue(script.contains("-j MASQUERADE"), script);
        assertTrue(script.contains("service iptables save"), script);
        assertEquals(true, nat.input("userDataReplaceOnChange"));
    }

    @Test
    void everyPrivateRouteTablesDefaultRouteGoesToTheInstancesInterface() {
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");
        var routes = PLAN.ofType("aws:ec2/route:Route").stream().filter(r -> r.name().startsWith("vpc-private-")).toList();

        assertEquals(List.of("vpc-private-1-default", "vpc-private-2-default"), routes.stream().map(PlannedResource::name).sorted().toList());
        for (var route : routes) {
            assertEquals("0.0.0.0/0", route.inputString("destinationCidrBlock"));
            assertEquals(nat.outputs().get("primaryNetworkInterfaceId"), route.input("networkInterfaceId"));
            assertTrue(String.valueOf(route.input("networkInterfaceId")).startsWith("eni-"));
            assertEquals(null, route.input("natGatewayId"));
        }
    }

    @Test
    void itsGroupAdmitsEverythingFromThePrivateSubnetsOnlyAndSendsAnywhere() {
        var ingress = PLAN.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> r.name().startsWith("vpc-nat-instance-sg")).toList();
        var egress = PLAN.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                .filter(r -> r.name().startsWith("vpc-nat-instance-sg")).toList();

        assertEquals(List.of("10.0.0.0/20", "10.0.16.0/20"), ingress.stream().map(r -> r.inputString("cidrIpv4")).sorted().toList());
        assertTrue(ingress.stream().allMatch(r -> "-1".equals(r.inputString("ipProtocol"))));
        assertEquals(List.of("0.0.0.0/0"), egress.stream().map(r -> r.inputString("cidrIpv4")).toList());
        assertEquals("-1", egress.get(0).inputString("ipProtocol"));
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");
        assertEquals("vpc-nat-instance-sg", Plans.source(PLAN, nat, "vpcSecurityGroupIds").name());
    }

    @Test
    void itsRoleMayOnlyBeManagedThroughSystemsManager() {
        var attachments = PLAN.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        var role = PLAN.named("aws:iam/role:Role", "vpc-nat-instance");

        assertEquals(List.of("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"),
                attachments.stream().map(a -> a.inputString("policyArn")).toList());
        assertEquals(List.of(), PLAN.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().startsWith("vpc-nat-instance")).toList());
        assertTrue(role.inputString("assumeRolePolicy").contains("\"Service\":\"ec2.amazonaws.com\""), role.inputString("assumeRolePolicy"));
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");
        assertEquals("aws:iam/instanceProfile:InstanceProfile", Plans.source(PLAN, nat, "iamInstanceProfile").type());
    }

    @Test
    void aFailedSystemCheckRecoversTheInstanceAndTellsTheAlertTopic() {
        var alarm = PLAN.named("aws:cloudwatch/metricAlarm:MetricAlarm", "alerts-nat-instance-recover");
        var nat = PLAN.named(INSTANCE, "vpc-nat-instance");

        assertEquals("StatusCheckFailed_System", alarm.inputString("metricName"));
        assertEquals("AWS/EC2", alarm.inputString("namespace"));
        assertEquals(Map.of("InstanceId", nat.id()), alarm.input("dimensions"));
        assertEquals("Maximum", alarm.inputString("statistic"));
        assertEquals(60L, alarm.input("period"));
        assertEquals(2L, alarm.input("evaluationPeriods"));
        List<?> actions = (List<?>) alarm.input("alarmActions");
        assertEquals(2, actions.size());
        assertTrue(String.valueOf(actions.get(0)).startsWith("arn:aws:sns:eu-west-1:123456789012:"), actions.toString());
        assertEquals("arn:aws:automate:eu-west-1:ec2:recover", actions.get(1));
        assertEquals(1, ((List<?>) alarm.input("okActions")).size());
    }

    @Test
    void theOtherStrategiesMakeNoInstance() {
        for (String strategy : List.of("none", "single", "onePerAz")) {
            var plan = plan(strategy.equals("none") ? Map.of("natGateways", "none", "interfaceEndpoints", true)
                    : Map.of("natGateways", strategy));
            assertEquals(List.of(), plan.ofType(INSTANCE), strategy);
            assertEquals(List.of(), plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm"), strategy);
        }
    }
}
