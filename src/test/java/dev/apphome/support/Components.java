package dev.apphome.support;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.Stores;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Protection;
import dev.apphome.config.ConfigSource;
import dev.apphome.config.StackSettingsReader;
import dev.apphome.keys.EncryptionKey;
import dev.apphome.network.Network;
import dev.apphome.network.NetworkSettings;
import dev.apphome.plan.PlanMocks;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.wiring.Declared;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Declares one component alone in an otherwise empty stack under the mock engine, as CDK tests a
 * construct in an empty {@code Stack}, with settings built in the test. What a component needs
 * around it (a VPC, the stack's key) the scope makes on demand, with their defaults.
 */
public final class Components {

    public static final String REGION = "eu-west-1";

    private Components() {
    }

    /** What a component under test is placed into. */
    public static final class Scope {
        private final Context ctx;
        private final AwsContext aws;
        private final Protection protection;
        private EncryptionKey key;
        private Network network;

        Scope(Context ctx, boolean protect) {
            this.ctx = ctx;
            this.aws = new AwsContext(AwsFunctions.getCallerIdentity().applyValue(r -> r.accountId()), REGION, "aws");
            this.protection = new Protection(protect);
        }

        public Context ctx() {
            return ctx;
        }

        public AwsContext aws() {
            return aws;
        }

        public Protection protection() {
            return protection;
        }

        /** The stack's key, made once. */
        public Output<String> keyArn() {
            if (key == null) {
                key = new EncryptionKey("test-key", aws, "test", protection, ComponentResourceOptions.Empty);
            }
            return key.arn();
        }

        /** A VPC with default settings over {@code zones} AZs, made once. */
        public Network network(int zones) {
            if (network == null) {
                network = new Network("test", settings(NetworkSettings.class, Map.of("availabilityZones", zones)), aws,
                        keyArn(), protection, ComponentResourceOptions.Empty);
            }
            return network;
        }

        /** What a store is placed into: a two-AZ VPC, the key, 30 days of logs, no other store. */
        public StoreContext stores() {
            return stores(List.of());
        }

        /** What a store is placed into in a VPC over {@code zones} AZs (the first call decides the VPC). */
        public StoreContext stores(int zones) {
            return new StoreContext(network(zones), aws, keyArn(), protection, 30, new dev.apphome.wiring.Declared());
        }

        /** The same, with {@code earlier} declared before the store (a queue finds its topics there). */
        public StoreContext stores(List<? extends Store<?>> earlier) {
            var declared = new Declared();
            earlier.forEach(declared::add);
            return new StoreContext(network(2), aws, keyArn(), protection, 30, declared);
        }
    }

    /** Settings bound from {@code values} as a stack file's would be: defaults applied, rules checked. */
    public static <T> T settings(Class<T> type, Map<String, Object> values) {
        return StackSettingsReader.record(type, values, Stores.ALL);
    }

    /** Runs {@code program} in an empty, unprotected stack and returns everything it registered. */
    public static PlanRunner.Result declare(Consumer<Scope> program) {
        return declare(false, program);
    }

    public static PlanRunner.Result declare(boolean protect, Consumer<Scope> program) {
        return PlanRunner.runProgram("apphome", "test", new ConfigSource("Pulumi.test.yaml",
                        Map.of("aws:region", REGION), Set.of()), false, new PlanMocks(REGION, false),
                ctx -> program.accept(new Scope(ctx, protect)));
    }

    /**
     * Makes an output's value visible in the plan: the value of a probe resource ({@code
     * aws:ssm/parameter:Parameter} named {@code probe-<label>}), read back with {@link #probed}. A
     * connection's values are outputs the program resolves only while it runs.
     */
    public static void probe(String label, Output<String> value) {
        new com.pulumi.aws.ssm.Parameter("probe-" + label, com.pulumi.aws.ssm.ParameterArgs.builder()
                .type("String").value(value).build());
    }

    /** Probes a connection: {@code <label>-env-<NAME>}, {@code <label>-secret-<NAME>}, {@code <label>-statements}. */
    public static void probe(String label, dev.apphome.wiring.Connection connection) {
        connection.environment().forEach((k, v) -> probe(label + "-env-" + k, v));
        connection.secrets().forEach((k, v) -> probe(label + "-secret-" + k, v));
        probe(label + "-statements", dev.apphome.common.PolicyDocument.of(connection.taskStatements()));
    }

    /** The value a probe recorded. */
    public static String probed(PlanRunner.Result plan, String label) {
        return plan.named("aws:ssm/parameter:Parameter", "probe-" + label).inputString("value");
    }

    /** The names of the probes under {@code prefix}, e.g. a connection's variables. */
    public static List<String> probes(PlanRunner.Result plan, String prefix) {
        return plan.ofType("aws:ssm/parameter:Parameter").stream().map(PlannedResource::name)
                .filter(n -> n.startsWith("probe-" + prefix)).map(n -> n.substring(("probe-" + prefix).length()))
                .sorted().toList();
    }

    /** The resources under the component called {@code name}, at any depth. */
    public static List<PlannedResource> under(PlanRunner.Result plan, String name) {
        PlannedResource root = plan.resources().stream().filter(r -> !r.custom() && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name));
        return plan.resources().stream().filter(r -> isUnder(plan, r, root.urn())).toList();
    }

    private static boolean isUnder(PlanRunner.Result plan, PlannedResource r, String ancestor) {
        for (String parent = r.parent(); !parent.isEmpty(); parent = plan.byUrn(parent).parent()) {
            if (parent.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
