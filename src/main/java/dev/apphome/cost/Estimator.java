package dev.apphome.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prices every resource of a preview document with the catalog, in one region. */
public final class Estimator {

    private Estimator() {
    }

    /**
     * @param region the region to price, or null to read it from the document
     * @throws BadInputException when the region cannot be told or has no prices, or the usage file
     *                           does not fit the document
     */
    public static Estimate estimate(PreviewDocument document, PriceTable table, String region, Usage usage) throws BadInputException {
        String regionFrom = "--region";
        if (region == null) {
            PreviewDocument.RegionChoice choice = document.region();
            if (choice.region() == null) {
                throw new BadInputException("Cannot tell which AWS region to price: " + choice.from()
                        + ". Pass --region (the table covers " + String.join(", ", table.regions()) + ").");
            }
            region = choice.region();
            regionFrom = choice.from();
        }
        PriceTable.Region prices = table.region(region);
        Catalog catalog = Catalog.standard();
        usage.check(document, catalog);
        Pricing pricing = new Pricing(prices, table.hoursPerMonth(), document, usage);
        Map<String, Pricing> elsewhere = new LinkedHashMap<>();
        List<Estimate.Priced> priced = new ArrayList<>();
        List<Estimate.Listed> free = new ArrayList<>();
        List<Estimate.Listed> unpriced = new ArrayList<>();
        Map<String, Resource> all = new LinkedHashMap<>();
        for (Resource resource : document.resources()) {
            all.put(resource.urn(), resource);
            if (!resource.custom()) {
                continue; // components and the stack group resources; they cost nothing themselves
            }
            // A resource of an explicit provider in another region (CloudFront's certificates and web
            // ACLs live in us-east-1) is priced at that region's prices when the table has them.
            String other = otherRegion(resource, document, region);
            Outcome outcome;
            if (other == null) {
                outcome = catalog.price(resource, pricing);
            } else if (table.regions().contains(other)) {
                Pricing there = elsewhere.get(other);
                if (there == null) {
                    there = new Pricing(table.region(other), table.hoursPerMonth(), document, usage);
                    elsewhere.put(other, there);
                }
                outcome = catalog.price(resource, there);
            } else {
                outcome = new Outcome.Unpriced("created in " + other + " by its provider, and the price table has no prices for " + other);
            }
            if (outcome instanceof Outcome.Priced p) {
                priced.add(new Estimate.Priced(resource, p.lines(), other));
            } else if (outcome instanceof Outcome.Free f) {
                free.add(new Estimate.Listed(resource, f.reason()));
            } else if (outcome instanceof Outcome.Unpriced u) {
                unpriced.add(new Estimate.Listed(resource, u.reason()));
            }
        }
        return new Estimate(document.stack(), region, regionFrom, table, priced, free, unpriced, usage, all,
                assumptions(prices, table, usage));
    }

    /** The region of an explicit AWS provider the resource uses, when it differs from the one priced. */
    private static String otherRegion(Resource resource, PreviewDocument document, String region) {
        String reference = resource.provider();
        if (reference.isEmpty() || !reference.contains("::")) {
            return null;
        }
        Resource provider = document.byUrn(reference.substring(0, reference.lastIndexOf("::")));
        if (provider == null || !provider.type().equals("pulumi:providers:aws")) {
            return null;
        }
        String providerRegion = Pricing.inputString(provider, "region");
        return providerRegion != null && !Props.UNKNOWN.equals(providerRegion) && !providerRegion.equals(region) ? providerRegion : null;
    }

    /** What every figure rests on, in the words the output and the README use. */
    static List<String> assumptions(PriceTable.Region prices, PriceTable table, Usage usage) {
        PriceTable.Price spot = prices.find("fargate.spotDiscount");
        String discount = spot == null || spot.value() == null ? "no Spot discount in the table (Spot lines are unpriced)"
                : spot.value().movePointRight(2).stripTrailingZeros().toPlainString() + " % off on-demand (the table's "
                + "fargate.spotDiscount, an " + spot.status() + ": AWS states up to 70 %, and Spot prices vary)";
        List<String> a = new ArrayList<>();
        a.add(table.hoursPerMonth() + " hours a month; on-demand list prices in " + Estimate.CURRENCY
                + ", without free tiers, Savings Plans, reservations or credits.");
        a.add("Each ECS service runs its desired count all month (autoscaling may run more or fewer). Its tasks are split "
                + "between FARGATE and FARGATE_SPOT as its capacity provider strategy places them, each provider's base "
                + "first and the rest by weight; Spot is priced at " + discount + ".");
        a.add("A resource of an explicit provider in another region (CloudFront's web ACLs and certificates in us-east-1) "
                + "is priced at that region's prices, and marked with it.");
        a.add("Public IPv4: one address per NAT gateway (its Elastic IP), per subnet of an internet-facing load balancer, "
                + "per task with a public IP, per EC2 instance with associatePublicIpAddress, and per other Elastic IP.");
        a.add("RDS: gp3 storage when no type is set (the RDS default); backups within the free allowance of 100 % of "
                + "the storage; one Secrets Manager secret when RDS manages the master password; no Extended Support "
                + "charges (an engine version past standard support costs more per vCPU-hour). Aurora storage and I/O are usage.");
        a.add("KMS keys at $1 a month each before any rotation charges; CloudWatch alarms and dashboards without the "
                + "free allowance; the plan's first CloudTrail trail and first two budgets taken to be the account's free ones.");
        a.add(usage.given() ? "Usage lines are counted with the quantities in " + usage.source()
                + "; lines it gives no quantity for count zero."
                : "Usage lines (per GB, request, LCU) are listed with their unit price and count zero: pass --usage FILE to estimate them.");
        a.add("† marks a unit price the table does not have confirmed for this region (derived, snapshot, estimate or "
                + "assumed-uniform; see " + PriceTable.FILE + ").");
        return a;
    }

    /** The usage-file keys of every type that has usage lines: type → key → meaning. */
    public static Map<String, Map<String, String>> usageKeys() {
        return Catalog.standard().usageKeysByType();
    }
}
