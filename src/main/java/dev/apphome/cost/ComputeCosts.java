package dev.apphome.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ECS services on Fargate, Lambda functions, and the free parts of ECS and IAM. */
final class ComputeCosts {

    static final String SERVICE = "aws:ecs/service:Service";
    static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    static final String CLUSTER = "aws:ecs/cluster:Cluster";
    static final String CAPACITY = "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders";
    static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String GP3 = "gp3";
    private static final Pattern WITH_UNIT = Pattern.compile("(?i)^\\s*([0-9.]+)\\s*(vcpu|gb|mb)?\\s*$");

    private ComputeCosts() {
    }

    static void register(Catalog c) {
        c.priced(SERVICE, ComputeCosts::fargateService);
        c.priced(INSTANCE, ComputeCosts::ec2Instance,
                "internetOutGb", "GB it sends to the internet a month");
        c.priced(CLUSTER, ComputeCosts::cluster);
        c.free(TASK_DEFINITION, "priced through the ECS services that run it");
        c.free(CAPACITY, "a setting of its cluster");
        c.free("aws:appautoscaling/target:Target", "Application Auto Scaling has no charge of its own");
        c.free("aws:appautoscaling/policy:Policy", "Application Auto Scaling has no charge of its own (its alarms are priced as alarms)");
        c.free("aws:appautoscaling/scheduledAction:ScheduledAction", "Application Auto Scaling has no charge of its own");
        c.priced("aws:lambda/function:Function", ComputeCosts::lambda,
                "requestsMillion", "million invocations a month",
                "averageDurationMs", "average duration of an invocation in milliseconds");
        c.free("aws:lambda/permission:Permission", "a resource policy entry; no charge");
        c.free("aws:lambda/alias:Alias", "a name for a version; no charge");
        c.free("aws:lambda/eventSourceMapping:EventSourceMapping", "no charge of its own: the SQS polls are priced "
                + "as SQS requests and the invocations as the function's");
        c.free("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "a setting of its function; no charge");
        for (String type : List.of("aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy",
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/instanceProfile:InstanceProfile",
                "aws:iam/serviceLinkedRole:ServiceLinkedRole", "aws:iam/openIdConnectProvider:OpenIdConnectProvider")) {
            c.free(type, "IAM has no charge");
        }
    }

    /**
     * An on-demand Linux instance running all month (its type's hours), its gp3 root volume (GB-months)
     * and, with associatePublicIpAddress, its public IPv4 address. Only the root volume's size is
     * priced; gp3's baseline 3,000 IOPS and 125 MB/s are included in its GB price.
     */
    static Outcome ec2Instance(Resource r, Pricing p) {
        Props in = r.in();
        String type = in.string("instanceType", null);
        if (type == null || Props.UNKNOWN.equals(type)) {
            return new Outcome.Unpriced("instanceType is not known (a launch template's type is not read)");
        }
        if (!"default".equals(in.string("tenancy", "default"))) {
            return new Outcome.Unpriced("a " + in.string("tenancy", "") + " instance: the price table has only shared-tenancy prices");
        }
        List<Line> lines = new ArrayList<>();
        lines.add(p.hourly("EC2 " + type + " (Linux, on demand)", BigDecimal.ONE, "hours", "ec2." + type));
        if (!in.has("rootBlockDevice.volumeSize")) {
            throw new Unpriceable("rootBlockDevice.volumeSize is not set, so the root volume is the AMI's, whose size "
                    + "the plan does not show");
        }
        String volumeType = in.string("rootBlockDevice.volumeType", "the AMI's type");
        if (!GP3.equals(volumeType)) {
            throw new Unpriceable("a " + volumeType + " root volume: the price table has only gp3 volume prices");
        }
        BigDecimal size = in.number("rootBlockDevice.volumeSize");
        lines.add(p.monthly("gp3 root volume: " + size.toPlainString() + " GB", size, "GB-months", "ebs.gp3.gbMonth"));
        if (in.bool("associatePublicIpAddress", false)) {
            lines.add(p.hourly("public IPv4 address", BigDecimal.ONE, "address-hours", "ipv4.hour"));
        }
        lines.add(p.usage(r, "data out to the internet", "GB", "dataTransfer.internetOut.firstTierGb", "internetOutGb"));
        return Outcome.lines(lines);
    }

    static Outcome cluster(Resource r, Pricing p) {
        for (Props setting : r.in().objects("settings")) {
            if ("containerInsights".equals(setting.string("name", "")) && !"disabled".equals(setting.string("value", "disabled"))) {
                return new Outcome.Unpriced("the cluster itself is free, but Container Insights is on: it is billed as "
                        + "CloudWatch custom metrics and performance log events, which the price table has no prices for");
            }
        }
        return Outcome.free("an ECS cluster has no charge; its services are priced");
    }

    /**
     * A service's tasks for a month: desired count × the task definition's vCPU and memory, split
     * between FARGATE and FARGATE_SPOT the way ECS places them (each provider's base first, the
     * rest by weight), Spot at the table's discount.
     */
    static Outcome fargateService(Resource r, Pricing p) {
        Props in = r.in();
        if ("DAEMON".equals(in.string("schedulingStrategy", "REPLICA"))) {
            return new Outcome.Unpriced("a DAEMON service runs on EC2 container instances, which this estimate does not cover");
        }
        BigDecimal tasks = in.number("desiredCount", BigDecimal.ZERO);
        Map<String, BigDecimal> placed = placement(r, p, tasks);
        Resource definition = taskDefinition(r, p);
        Props task = definition.in();
        String os = task.string("runtimePlatform.operatingSystemFamily", "LINUX");
        if (!os.equals("LINUX")) {
            return new Outcome.Unpriced("a " + os + " task: the price table has only Linux Fargate prices");
        }
        boolean arm = task.string("runtimePlatform.cpuArchitecture", "X86_64").equalsIgnoreCase("ARM64");
        if (arm && placed.containsKey("FARGATE_SPOT")) {
            return new Outcome.Unpriced("FARGATE_SPOT does not run ARM64 tasks, so this strategy cannot place them");
        }
        BigDecimal vcpu = size(task.string("cpu"), "cpu", true);
        BigDecimal gb = size(task.string("memory"), "memory", false);
        String arch = arm ? "arm" : "x86";
        String archName = arm ? "ARM64" : "x86_64";
        List<Line> lines = new ArrayList<>();
        for (var entry : placed.entrySet()) {
            boolean spot = entry.getKey().equals("FARGATE_SPOT");
            BigDecimal n = entry.getValue();
            Line.Rate cpuRate = p.rate("fargate." + arch + ".vcpuHour", "Fargate " + archName + " vCPU");
            Line.Rate memRate = p.rate("fargate." + arch + ".gbHour", "Fargate " + archName + " memory");
            String how = spot ? "Spot" : "on demand";
            if (spot) {
                Line.Rate discount = p.rate("fargate.spotDiscount", "the Fargate Spot discount");
                BigDecimal share = BigDecimal.ONE.subtract(discount.price());
                cpuRate = cpuRate.times(share, "(1 − fargate.spotDiscount)", discount.status());
                memRate = memRate.times(share, "(1 − fargate.spotDiscount)", discount.status());
            }
            String of = tasks(n);
            lines.add(p.hourly("Fargate " + archName + " vCPU, " + how + ": " + of + " × " + plain(vcpu) + " vCPU",
                    n.multiply(vcpu), "vCPU-hours", cpuRate));
            lines.add(p.hourly("Fargate " + archName + " memory, " + how + ": " + of + " × " + plain(gb) + " GB",
                    n.multiply(gb), "GB-hours", memRate));
        }
        BigDecimal ephemeral = task.number("ephemeralStorage.sizeInGib", BigDecimal.valueOf(20));
        if (ephemeral.compareTo(BigDecimal.valueOf(20)) > 0) {
            BigDecimal extra = ephemeral.subtract(BigDecimal.valueOf(20));
            lines.add(p.hourly("Fargate ephemeral storage above the 20 GB included: " + tasks(tasks) + " × " + plain(extra) + " GB",
                    tasks.multiply(extra), "GB-hours", "fargate.ephemeral.gbHour"));
        }
        if (in.bool("networkConfiguration.assignPublicIp", false)) {
            lines.add(p.hourly("public IPv4 addresses, one per task", tasks, "address-hours", "ipv4.hour"));
        }
        return Outcome.lines(lines);
    }

    /** Tasks per capacity provider, in the strategy's order. */
    static Map<String, BigDecimal> placement(Resource r, Pricing p, BigDecimal tasks) {
        Props in = r.in();
        List<Props> strategy = in.objects("capacityProviderStrategies");
        String launchType = in.string("launchType", null);
        if (strategy.isEmpty() && launchType == null) {
            strategy = clusterDefault(r, p);
            if (strategy.isEmpty()) {
                throw new Unpriceable("it sets no launch type or capacity provider strategy and its cluster has no default "
                        + "strategy in the document, so ECS would use the EC2 launch type");
            }
        }
        Map<String, BigDecimal> placed = new LinkedHashMap<>();
        if (strategy.isEmpty()) {
            if (!launchType.equals("FARGATE")) {
                throw new Unpriceable("a " + launchType + " service runs on capacity this estimate does not cover");
            }
            placed.put("FARGATE", tasks);
            return placed;
        }
        BigDecimal remaining = tasks;
        BigDecimal weights = BigDecimal.ZERO;
        for (Props s : strategy) {
            String provider = s.string("capacityProvider");
            if (!provider.equals("FARGATE") && !provider.equals("FARGATE_SPOT")) {
                throw new Unpriceable("capacity provider " + provider + " runs tasks on EC2 instances, which this estimate does not cover");
            }
            BigDecimal take = remaining.min(s.number("base", BigDecimal.ZERO));
            placed.merge(provider, take, BigDecimal::add);
            remaining = remaining.subtract(take);
            weights = weights.add(s.number("weight", BigDecimal.ZERO));
        }
        if (remaining.signum() > 0 && weights.signum() == 0) {
            throw new Unpriceable("its capacity provider strategy gives no weight to tasks beyond the base");
        }
        for (Props s : strategy) {
            BigDecimal weight = s.number("weight", BigDecimal.ZERO);
            if (remaining.signum() > 0) {
                placed.merge(s.string("capacityProvider"), remaining.multiply(weight).divide(weights, MathContext.DECIMAL64),
                        BigDecimal::add);
            }
        }
        placed.replaceAll((k, v) -> Line.exact(v));
        return placed;
    }

    private static List<Props> clusterDefault(Resource service, Pricing p) {
        Resource cluster = p.referenced(service, "cluster", CLUSTER, "name");
        for (Resource capacity : p.ofType(CAPACITY)) {
            String clusterName = Pricing.inputString(capacity, "clusterName");
            boolean same = cluster != null && (capacity.sources("clusterName").contains(cluster.urn())
                    || clusterName != null && clusterName.equals(Pricing.outputString(cluster, "name")));
            if (same) {
                return capacity.in().objects("defaultCapacityProviderStrategies");
            }
        }
        return List.of();
    }

    /** The task definition the service runs: by its recorded dependency, ARN, or family[:revision]. */
    static Resource taskDefinition(Resource service, Pricing p) {
        Resource found = p.referenced(service, "taskDefinition", TASK_DEFINITION, null);
        if (found != null) {
            return found;
        }
        String value = service.in().string("taskDefinition");
        String family = value.replaceFirst("^arn:[^/]*/", "").replaceFirst(":\\d+$", "");
        return p.ofType(TASK_DEFINITION).stream().filter(t -> family.equals(Pricing.inputString(t, "family")))
                .findFirst().orElseThrow(() -> new Unpriceable("its task definition " + value + " is not in the document"));
    }

    /** Task CPU in vCPU ("256" CPU units or "0.25 vCPU") or memory in GB ("512" MiB or "0.5 GB"). */
    static BigDecimal size(String value, String what, boolean cpu) {
        Matcher m = WITH_UNIT.matcher(value);
        if (!m.matches()) {
            throw new Unpriceable("the task definition's " + what + " is not a size: " + value);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        boolean divide = cpu ? !unit.equals("vcpu") : !unit.equals("gb");
        return Line.exact(divide ? number.divide(BigDecimal.valueOf(1024), MathContext.DECIMAL64) : number);
    }

    static Outcome lambda(Resource r, Pricing p) {
        Props in = r.in();
        if (in.number("ephemeralStorage.size", BigDecimal.valueOf(512)).compareTo(BigDecimal.valueOf(512)) > 0) {
            return new Outcome.Unpriced("ephemeral storage above 512 MB: the price table has no price for it");
        }
        BigDecimal memoryMb = in.number("memorySize", BigDecimal.valueOf(128));
        var architectures = in.array("architectures");
        boolean arm = architectures != null && !architectures.isEmpty() && "arm64".equals(architectures.get(0).getAsString());
        BigDecimal requests = p.usageValue(r, "requestsMillion");
        BigDecimal duration = p.usageValue(r, "averageDurationMs");
        BigDecimal gbSeconds = requests == null || duration == null ? null
                : Line.exact(requests.multiply(BigDecimal.valueOf(1_000_000)).multiply(duration).multiply(memoryMb)
                        .divide(BigDecimal.valueOf(1000L * 1024), MathContext.DECIMAL64));
        return Outcome.lines(
                p.usage(r, "requests", "million requests", "lambda.requestsMillion", "requestsMillion"),
                Line.usage("compute (" + (arm ? "arm64" : "x86_64") + ", " + plain(memoryMb) + " MB)", gbSeconds, "GB-seconds",
                        p.rate(arm ? "lambda.arm.gbSecond" : "lambda.x86.gbSecond", "Lambda compute"), "averageDurationMs"));
    }

    private static String tasks(BigDecimal n) {
        return plain(n) + (n.compareTo(BigDecimal.ONE) == 0 ? " task" : " tasks");
    }

    static String plain(BigDecimal value) {
        return Line.exact(value).toPlainString();
    }
}
