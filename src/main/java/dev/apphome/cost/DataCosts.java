package dev.apphome.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RDS instances, Aurora clusters and instances, RDS Proxy, ElastiCache and DynamoDB. */
final class DataCosts {

    static final String INSTANCE = "aws:rds/instance:Instance";
    static final String CLUSTER = "aws:rds/cluster:Cluster";
    static final String CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final Pattern SIZE = Pattern.compile("^db\\.[a-z0-9-]+\\.(\\d*)(micro|small|medium|large|xlarge)$");

    private DataCosts() {
    }

    static void register(Catalog c) {
        c.priced(INSTANCE, DataCosts::rdsInstance);
        c.priced(CLUSTER, DataCosts::auroraCluster,
                "storageGb", "GB the Aurora cluster stores (average over the month)",
                "ioMillion", "million I/O requests a month");
        c.priced(CLUSTER_INSTANCE, DataCosts::auroraInstance,
                "acuHoursAboveMinimum", "Aurora Serverless v2 ACU-hours a month above the minimum capacity");
        c.priced("aws:rds/proxy:Proxy", DataCosts::rdsProxy);
        c.priced("aws:elasticache/replicationGroup:ReplicationGroup", DataCosts::replicationGroup);
        c.priced("aws:elasticache/cluster:Cluster", DataCosts::cacheCluster);
        c.unpriced("aws:elasticache/serverlessCache:ServerlessCache",
                "ElastiCache Serverless is billed per GB-hour and ECPU; the price table has no prices for it");
        c.priced("aws:dynamodb/table:Table", DataCosts::dynamoTable,
                "writesMillion", "million write request units a month (on-demand tables)",
                "readsMillion", "million read request units a month (on-demand tables)",
                "storageGb", "GB the table stores (also the size point-in-time recovery keeps)");
        for (String type : List.of("aws:rds/subnetGroup:SubnetGroup", "aws:rds/parameterGroup:ParameterGroup",
                "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:rds/optionGroup:OptionGroup",
                "aws:elasticache/subnetGroup:SubnetGroup", "aws:elasticache/parameterGroup:ParameterGroup",
                "aws:elasticache/user:User", "aws:elasticache/userGroup:UserGroup")) {
            c.free(type, "a configuration object with no charge");
        }
        c.free("aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup", "a setting of its proxy, which is priced");
        c.free("aws:rds/proxyTarget:ProxyTarget", "its database's vCPUs are priced on the proxy");
    }

    static Outcome rdsInstance(Resource r, Pricing p) {
        Props in = r.in();
        String engine = in.string("engine", null);
        if (engine == null) {
            throw new Unpriceable("engine is not set (a read replica inherits it; bin/cost prices only instances that name it)");
        }
        String family = switch (engine) {
            case "postgres" -> "postgres";
            case "mysql" -> "mysql";
            default -> throw new Unpriceable("engine " + engine + ": the price table has only PostgreSQL and MySQL prices");
        };
        String name = family.equals("postgres") ? "PostgreSQL" : "MySQL";
        String instanceClass = in.string("instanceClass");
        boolean multiAz = in.bool("multiAz", false);
        String deployment = multiAz ? "multiAz" : "singleAz";
        List<Line> lines = new ArrayList<>();
        lines.add(p.hourly("RDS " + name + " " + instanceClass + (multiAz ? ", Multi-AZ (with a standby)" : ", single-AZ"),
                BigDecimal.ONE, "hours", "rds." + family + "." + instanceClass + "." + deployment));
        // The RDS API chooses io1 when iops is set and gp3 otherwise.
        String storage = in.string("storageType", in.has("iops") ? "io1" : "gp3");
        if (!storage.equals("gp3")) {
            throw new Unpriceable(storage + " storage: the price table has only gp3 prices for RDS");
        }
        BigDecimal gb = in.number("allocatedStorage");
        lines.add(p.monthly("gp3 storage: " + ComputeCosts.plain(gb) + " GB" + (multiAz ? ", Multi-AZ" : ""), gb,
                "GB-months", "rds.gp3.gbMonth." + deployment));
        // gp3 includes 3,000 IOPS and 125 MiB/s below 400 GB, 12,000 and 500 MiB/s from 400 GB.
        boolean large = gb.compareTo(BigDecimal.valueOf(400)) >= 0;
        BigDecimal includedIops = BigDecimal.valueOf(large ? 12_000 : 3_000);
        BigDecimal extraIops = in.number("iops", includedIops).subtract(includedIops);
        if (extraIops.signum() > 0) {
            BigDecimal copies = BigDecimal.valueOf(multiAz ? 2 : 1);
            lines.add(p.monthly("gp3 IOPS above the " + includedIops.toPlainString() + " included" + (multiAz ? ", on both copies" : ""),
                    extraIops.multiply(copies), "IOPS-months", "rds.gp3.iopsMonth"));
        }
        BigDecimal throughput = in.number("storageThroughput", BigDecimal.ZERO);
        if (throughput.compareTo(BigDecimal.valueOf(large ? 500 : 125)) > 0) {
            throw new Unpriceable("gp3 throughput above the included " + (large ? 500 : 125) + " MiB/s: the price table has no price for it");
        }
        if (in.bool("performanceInsightsEnabled", false)
                && in.number("performanceInsightsRetentionPeriod", BigDecimal.valueOf(7)).compareTo(BigDecimal.valueOf(7)) > 0) {
            throw new Unpriceable("Performance Insights kept longer than the free 7 days: the price table has no price for it");
        }
        masterSecret(in, p, lines);
        return Outcome.lines(lines);
    }

    /** RDS keeps a managed master password in a Secrets Manager secret of its own, billed as any secret. */
    private static void masterSecret(Props in, Pricing p, List<Line> lines) {
        if (in.bool("manageMasterUserPassword", false)) {
            lines.add(p.monthly("Secrets Manager secret of the master password (kept by RDS)", BigDecimal.ONE, "secrets",
                    "secretsmanager.secretMonth"));
        }
    }

    static Outcome auroraCluster(Resource r, Pricing p) {
        Props in = r.in();
        String engine = in.string("engine");
        if (!engine.startsWith("aurora")) {
            return new Outcome.Unpriced("a Multi-AZ DB cluster of " + engine + ": priced differently from RDS instances, "
                    + "and the price table has no prices for it");
        }
        if ("serverless".equals(in.string("engineMode", "provisioned"))) {
            return new Outcome.Unpriced("Aurora Serverless v1: the price table has no prices for it");
        }
        if ("aurora-iopt1".equals(in.string("storageType", "aurora"))) {
            return new Outcome.Unpriced("Aurora I/O-Optimized: the price table has only Aurora Standard prices");
        }
        List<Line> lines = new ArrayList<>();
        masterSecret(in, p, lines);
        lines.add(p.usage(r, "Aurora storage", "GB-months", "aurora.storage.gbMonth", "storageGb"));
        lines.add(p.usage(r, "Aurora I/O requests", "million requests", "aurora.io.million", "ioMillion"));
        return Outcome.lines(lines);
    }

    static Outcome auroraInstance(Resource r, Pricing p) {
        Props in = r.in();
        Resource cluster = p.referenced(r, "clusterIdentifier", CLUSTER, "clusterIdentifier");
        if (cluster != null && "aurora-iopt1".equals(cluster.in().string("storageType", "aurora"))) {
            return new Outcome.Unpriced("an instance of an Aurora I/O-Optimized cluster: the price table has only Aurora Standard prices");
        }
        String engine = in.string("engine", cluster == null ? null : cluster.in().string("engine", null));
        if (engine == null || !engine.startsWith("aurora")) {
            throw new Unpriceable("engine " + engine + ": only Aurora cluster instances are priced");
        }
        String family = engine.equals("aurora-postgresql") ? "postgres" : "mysql";
        String instanceClass = in.string("instanceClass");
        if (instanceClass.equals("db.serverless")) {
            if (cluster == null) {
                throw new Unpriceable("an Aurora Serverless v2 instance whose cluster (and so its minimum capacity) is not in the document");
            }
            BigDecimal minimum = cluster.in().number("serverlessv2ScalingConfiguration.minCapacity");
            return Outcome.lines(
                    p.hourly("Aurora Serverless v2 minimum capacity: " + ComputeCosts.plain(minimum) + " ACU", minimum, "ACU-hours",
                            "aurora.serverlessV2.acuHour"),
                    p.usage(r, "Aurora Serverless v2 capacity above the minimum", "ACU-hours", "aurora.serverlessV2.acuHour",
                            "acuHoursAboveMinimum"));
        }
        String name = family.equals("postgres") ? "Aurora PostgreSQL" : "Aurora MySQL";
        return Outcome.lines(p.hourly(name + " " + instanceClass, BigDecimal.ONE, "hours", "aurora." + family + "." + instanceClass));
    }

    /** vCPUs of an RDS instance class: 2 up to large, 4 for xlarge, 4 × N for Nxlarge. */
    static int vcpus(String instanceClass) {
        Matcher m = SIZE.matcher(instanceClass);
        if (!m.matches()) {
            throw new Unpriceable("the vCPUs of " + instanceClass + " are not known to bin/cost");
        }
        if (!m.group(2).equals("xlarge")) {
            return 2;
        }
        return 4 * (m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1)));
    }

    /** RDS Proxy bills the vCPUs of the databases it fronts, at least 2. */
    static Outcome rdsProxy(Resource r, Pricing p) {
        String name = Pricing.inputString(r, "name");
        List<Resource> targets = p.ofType("aws:rds/proxyTarget:ProxyTarget").stream()
                .filter(t -> t.sources("dbProxyName").contains(r.urn()) || name != null && name.equals(Pricing.inputString(t, "dbProxyName")))
                .toList();
        int vcpus = 0;
        for (Resource target : targets) {
            if (target.in().has("dbInstanceIdentifier")) {
                Resource instance = p.referenced(target, "dbInstanceIdentifier", INSTANCE, "identifier");
                if (instance == null) {
                    throw new Unpriceable("its target instance " + target.in().string("dbInstanceIdentifier") + " is not in the document");
                }
                vcpus += vcpus(instance.in().string("instanceClass"));
            } else {
                Resource cluster = p.referenced(target, "dbClusterIdentifier", CLUSTER, "clusterIdentifier");
                if (cluster == null) {
                    throw new Unpriceable("its target cluster " + target.in().string("dbClusterIdentifier", "?") + " is not in the document");
                }
                for (Resource instance : p.ofType(CLUSTER_INSTANCE)) {
                    if (cluster.equals(p.referenced(instance, "clusterIdentifier", CLUSTER, "clusterIdentifier"))) {
                        String instanceClass = instance.in().string("instanceClass");
                        if (instanceClass.equals("db.serverless")) {
                            throw new Unpriceable("a proxy in front of Aurora Serverless v2 is billed per ACU; the price table has no price for it");
                        }
                        vcpus += vcpus(instanceClass);
                    }
                }
            }
        }
        int billed = Math.max(2, vcpus);
        String item = targets.isEmpty() ? "RDS Proxy: the 2-vCPU minimum (no target in the document)"
                : "RDS Proxy: " + vcpus + " vCPUs of its targets" + (vcpus < 2 ? ", billed as the 2-vCPU minimum" : "");
        return Outcome.lines(p.hourly(item, BigDecimal.valueOf(billed), "vCPU-hours", "rdsProxy.vcpuHour"));
    }

    static Outcome replicationGroup(Resource r, Pricing p) {
        Props in = r.in();
        String engine = in.string("engine", "redis");
        BigDecimal nodes;
        if (in.has("numCacheClusters")) {
            nodes = in.number("numCacheClusters");
        } else if (in.has("numNodeGroups") || in.has("replicasPerNodeGroup")) {
            nodes = in.number("numNodeGroups", BigDecimal.ONE).multiply(BigDecimal.ONE.add(in.number("replicasPerNodeGroup", BigDecimal.ZERO)));
        } else {
            nodes = BigDecimal.ONE;
        }
        return Outcome.lines(cacheNodes(engine, in.string("nodeType"), nodes, p));
    }

    static Outcome cacheCluster(Resource r, Pricing p) {
        Props in = r.in();
        if (in.has("replicationGroupId")) {
            return new Outcome.Unpriced("a node that joins replication group " + in.string("replicationGroupId")
                    + ": bin/cost prices a group by its numCacheClusters and cannot tell whether this node is among them");
        }
        return Outcome.lines(cacheNodes(in.string("engine"), in.string("nodeType"), in.number("numCacheNodes", BigDecimal.ONE), p));
    }

    private static Line cacheNodes(String engine, String nodeType, BigDecimal nodes, Pricing p) {
        String key = switch (engine) {
            case "valkey" -> "valkey";
            case "redis", "memcached" -> "redis"; // Memcached nodes cost what Redis OSS nodes cost
            default -> throw new Unpriceable("engine " + engine + ": the price table has Valkey, Redis OSS and Memcached prices only");
        };
        String name = switch (engine) {
            case "valkey" -> "Valkey";
            case "redis" -> "Redis OSS";
            default -> "Memcached";
        };
        return p.hourly(ComputeCosts.plain(nodes) + " × " + nodeType + " (" + name + ")", nodes, "node-hours",
                "elasticache." + key + "." + nodeType);
    }

    static Outcome dynamoTable(Resource r, Pricing p) {
        Props in = r.in();
        if (!in.objects("replicas").isEmpty()) {
            return new Outcome.Unpriced("a global table: its replicas in other regions are not in this estimate");
        }
        if ("STANDARD_INFREQUENT_ACCESS".equals(in.string("tableClass", "STANDARD"))) {
            return new Outcome.Unpriced("the Standard-IA table class: the price table has only Standard prices");
        }
        List<Line> lines = new ArrayList<>();
        if (in.string("billingMode", "PROVISIONED").equals("PROVISIONED")) {
            BigDecimal reads = in.number("readCapacity");
            BigDecimal writes = in.number("writeCapacity");
            for (Props index : in.objects("globalSecondaryIndexes")) {
                reads = reads.add(index.number("readCapacity", BigDecimal.ZERO));
                writes = writes.add(index.number("writeCapacity", BigDecimal.ZERO));
            }
            lines.add(p.hourly("provisioned read capacity: " + ComputeCosts.plain(reads) + " RCU", reads, "RCU-hours",
                    "dynamodb.provisioned.rcuHour"));
            lines.add(p.hourly("provisioned write capacity: " + ComputeCosts.plain(writes) + " WCU", writes, "WCU-hours",
                    "dynamodb.provisioned.wcuHour"));
        } else {
            lines.add(p.usage(r, "on-demand writes", "million write units", "dynamodb.ondemand.writeMillion", "writesMillion"));
            lines.add(p.usage(r, "on-demand reads", "million read units", "dynamodb.ondemand.readMillion", "readsMillion"));
        }
        lines.add(p.usage(r, "storage", "GB-months", "dynamodb.storage.gbMonth", "storageGb"));
        if (in.bool("pointInTimeRecovery.enabled", false)) {
            // Billed on the table's size, which only usage can say.
            lines.add(p.usage(r, "point-in-time recovery", "GB-months", "dynamodb.pitr.gbMonth", "storageGb"));
        }
        return Outcome.lines(lines);
    }
}
