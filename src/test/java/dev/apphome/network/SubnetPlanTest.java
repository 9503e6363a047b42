package dev.apphome.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubnetPlanTest {

    private static final Map<SubnetTier, Integer> DEFAULTS = Map.of(SubnetTier.PUBLIC, 24, SubnetTier.PRIVATE, 20, SubnetTier.ISOLATED, 24);

    private static List<String> cidrs(List<SubnetPlan.Planned> plan, SubnetTier tier) {
        return plan.stream().filter(p -> p.tier() == tier).map(SubnetPlan.Planned::cidr).toList();
    }

    @Test
    void twoZonesPlacePrivateBlocksFirstThenPublicThenIsolated() throws Exception {
        var plan = SubnetPlan.plan("10.0.0.0/16", 2, DEFAULTS);

        assertEquals(List.of("10.0.0.0/20", "10.0.16.0/20"), cidrs(plan, SubnetTier.PRIVATE));
        assertEquals(List.of("10.0.32.0/24", "10.0.33.0/24"), cidrs(plan, SubnetTier.PUBLIC));
        assertEquals(List.of("10.0.34.0/24", "10.0.35.0/24"), cidrs(plan, SubnetTier.ISOLATED));
    }

    @Test
    void threeZonesGiveEachTierOneSubnetPerZone() throws Exception {
        var plan = SubnetPlan.plan("10.20.0.0/16", 3, DEFAULTS);

        assertEquals(List.of("10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20"), cidrs(plan, SubnetTier.PRIVATE));
        assertEquals(List.of("10.20.48.0/24", "10.20.49.0/24", "10.20.50.0/24"), cidrs(plan, SubnetTier.PUBLIC));
        assertEquals(List.of("10.20.51.0/24", "10.20.52.0/24", "10.20.53.0/24"), cidrs(plan, SubnetTier.ISOLATED));
        assertEquals(List.of(0, 1, 2), plan.stream().filter(p -> p.tier() == SubnetTier.PUBLIC)
                .map(SubnetPlan.Planned::zoneIndex).toList());
    }

    @Test
    void smallerPrivateBlocksAreAlignedToTheirOwnSize() throws Exception {
        var plan = SubnetPlan.plan("172.16.0.0/20", 2,
                Map.of(SubnetTier.PUBLIC, 26, SubnetTier.PRIVATE, 23, SubnetTier.ISOLATED, 27));

        assertEquals(List.of("172.16.0.0/23", "172.16.2.0/23"), cidrs(plan, SubnetTier.PRIVATE));
        assertEquals(List.of("172.16.4.0/26", "172.16.4.64/26"), cidrs(plan, SubnetTier.PUBLIC));
        assertEquals(List.of("172.16.4.128/27", "172.16.4.160/27"), cidrs(plan, SubnetTier.ISOLATED));
    }

    @ParameterizedTest(name = "{0} over {1} AZs: {2}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/19|2|needs 9216 addresses for 2 AZs × 3 tiers (public /24, private /20, isolated /24) but 10.0.0.0/19 has 8192; allowed: a larger VPC range or smaller subnets",
            "10.0.0.0/22|2|the private subnet prefix /20 does not fit a /22 VPC; allowed: /22 to /28",
            "10.0.0.0/15|2|found /15; allowed: a VPC prefix from /16 to /28 (an AWS limit)",
            "10.0.1.0/16|2|found '10.0.1.0/16', which is not the start of its block; allowed: 10.0.0.0/16",
            "10.0.0.0|2|found '10.0.0.0'; allowed: an IPv4 CIDR block such as 10.0.0.0/16",
            "fd00::/56|2|found 'fd00::/56'; allowed: an IPv4 CIDR block such as 10.0.0.0/16",
    })
    void rejectsRangesThatCannotHoldThePlan(String cidr, int zones, String message) {
        var e = assertThrows(SubnetPlan.PlanException.class, () -> SubnetPlan.plan(cidr, zones, DEFAULTS));
        assertEquals(message, e.getMessage());
    }

    @Test
    void overlapCheckNamesBothBlocks() throws Exception {
        var vpc = SubnetPlan.parseIpv4Block("10.0.0.0/16");
        var overlapping = List.of(new SubnetPlan.Planned(SubnetTier.PUBLIC, 0, "10.0.0.0/24"),
                new SubnetPlan.Planned(SubnetTier.PRIVATE, 0, "10.0.0.128/25"));

        var e = assertThrows(SubnetPlan.PlanException.class, () -> SubnetPlan.verifyDisjointAndInside(vpc, overlapping));
        assertEquals("10.0.0.0/24 overlaps 10.0.0.128/25", e.getMessage());
    }

    @Test
    void insideCheckNamesTheStrayBlock() throws Exception {
        var vpc = SubnetPlan.parseIpv4Block("10.0.0.0/16");
        var outside = List.of(new SubnetPlan.Planned(SubnetTier.PUBLIC, 0, "10.1.0.0/24"));

        var e = assertThrows(SubnetPlan.PlanException.class, () -> SubnetPlan.verifyDisjointAndInside(vpc, outside));
        assertEquals("10.1.0.0/24 lies outside the VPC 10.0.0.0/16", e.getMessage());
    }
}
