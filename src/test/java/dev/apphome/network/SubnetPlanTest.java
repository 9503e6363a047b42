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

    // Version 1's layout: zoneSlots equal to the AZ count packs the tiers for exactly those AZs. These
    // are the addresses of every stack deployed before zoneSlots existed, and must never change.
    @Test
    void twoZonesPlacePrivateBlocksFirstThenPublicThenIsolated() throws Exception {
        var plan = SubnetPlan.plan("10.0.0.0/16", 2, 2, DEFAULTS);

        assertEquals(List.of("10.0.0.0/20", "10.0.16.0/20"), cidrs(plan, SubnetTier.PRIVATE));
        assertEquals(List.of("10.0.32.0/24", "10.0.33.0/24"), cidrs(plan, SubnetTier.PUBLIC));
        assertEquals(List.of("10.0.34.0/24", "10.0.35.0/24"), cidrs(plan, SubnetTier.ISOLATED));
    }

    @Test
    void threeZonesGiveEachTierOneSubnetPerZone() throws Exception {
        var plan = SubnetPlan.plan("10.20.0.0/16", 3, 3, DEFAULTS);

        assertEquals(List.of("10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20"), cidrs(plan, SubnetTier.PRIVATE));
        assertEquals(List.of("10.20.48.0/24", "10.20.49.0/24", "10.20.50.0/24"), cidrs(plan, SubnetTier.PUBLIC));
        assertEquals(List.of("10.20.51.0/24", "10.20.52.0/24", "10.20.53.0/24"), cidrs(plan, SubnetTier.ISOLATED));
        assertEquals(List.of(0, 1, 2), plan.stream().filter(p -> p.tier() == SubnetTier.PUBLIC)
                .map(SubnetPlan.Planned::zoneIndex).toList());
    }

    @Test
    void smallerPrivateBlocksAreAlignedToTheirOwnSize() throws Exception {
        var plan = SubnetPlan.plan("172.16.0.0/20", 2, 2,
                Map.of(SubnetTier.PUBLIC, 26, SubnetTier.PRIVATE, 23, SubnetTier.ISOLATED, 27));

        assertEquals(List.of("172.16.0.0/23", "172.16.2.0/23"), cidrs(plan, SubnetTier.PRIVATE));
        assertEquals(List.of("172.16.4.0/26", "172.16.4.64/26"), cidrs(plan, SubnetTier.PUBLIC));
        assertEquals(List.of("172.16.4.128/27", "172.16.4.160/27"), cidrs(plan, SubnetTier.ISOLATED));
    }

    @ParameterizedTest(name = "zoneSlots {0}: AZ {1} {2} is {3}")
    @CsvSource({
            // The committed dev stack (2 AZs) growing: its two AZs stay, the third follows every first block.
            "2, 1, PRIVATE, 10.0.0.0/20", "2, 2, PUBLIC, 10.0.33.0/24", "2, 2, ISOLATED, 10.0.35.0/24",
            "2, 3, PRIVATE, 10.0.48.0/20", "2, 3, PUBLIC, 10.0.112.0/24", "2, 3, ISOLATED, 10.0.116.0/24",
            "2, 6, PRIVATE, 10.0.96.0/20", "2, 6, PUBLIC, 10.0.115.0/24", "2, 6, ISOLATED, 10.0.119.0/24",
            // The committed prod stack (3 AZs) growing to a fourth.
            "3, 3, PUBLIC, 10.0.50.0/24", "3, 3, ISOLATED, 10.0.53.0/24",
            "3, 4, PRIVATE, 10.0.64.0/20", "3, 4, PUBLIC, 10.0.112.0/24", "3, 4, ISOLATED, 10.0.115.0/24",
            // A new stack reserving all six: one block per tier, nothing after.
            "6, 1, PUBLIC, 10.0.96.0/24", "6, 1, ISOLATED, 10.0.102.0/24", "6, 6, PRIVATE, 10.0.80.0/20",
            "6, 6, PUBLIC, 10.0.101.0/24", "6, 6, ISOLATED, 10.0.107.0/24",
    })
    void aSubnetsAddressDependsOnlyOnItsTierItsAzAndZoneSlots(int slots, int zone, SubnetTier tier, String cidr)
            throws Exception {
        for (int zones = zone; zones <= SubnetPlan.MAX_ZONES; zones++) {
            var plan = SubnetPlan.plan("10.0.0.0/16", zones, slots, DEFAULTS);

            assertEquals(cidr, cidrs(plan, tier).get(zone - 1), zones + " AZs");
        }
    }

    @ParameterizedTest(name = "zoneSlots {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 4, 5, 6})
    void addingAzsUpToTheMaximumMovesNoSubnet(int slots) throws Exception {
        for (int zones = 2; zones < SubnetPlan.MAX_ZONES; zones++) {
            int kept = zones;
            var before = SubnetPlan.plan("10.0.0.0/16", zones, slots, DEFAULTS);
            var after = SubnetPlan.plan("10.0.0.0/16", zones + 1, slots, DEFAULTS);

            assertEquals(before, after.stream().filter(p -> p.zoneIndex() < kept).toList(), zones + " → " + (zones + 1));
        }
    }

    @Test
    void version1sLayoutMovesSubnetsWhenAnAzIsAdded() throws Exception {
        // What zoneSlots prevents: the 2 → 3 AZs of the dev stack under version 1's layout.
        var two = SubnetPlan.plan("10.0.0.0/16", 2, 2, DEFAULTS);
        var three = SubnetPlan.plan("10.0.0.0/16", 3, 3, DEFAULTS);

        assertEquals(List.of("10.0.32.0/24", "10.0.33.0/24"), cidrs(two, SubnetTier.PUBLIC));
        assertEquals(List.of("10.0.48.0/24", "10.0.49.0/24", "10.0.50.0/24"), cidrs(three, SubnetTier.PUBLIC));
        assertEquals(List.of("10.0.34.0/24", "10.0.35.0/24"), cidrs(two, SubnetTier.ISOLATED));
        assertEquals(List.of("10.0.51.0/24", "10.0.52.0/24", "10.0.53.0/24"), cidrs(three, SubnetTier.ISOLATED));
    }

    @ParameterizedTest(name = "{0}: {1} AZs, zoneSlots {2}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/19|2|6|needs 27648 addresses to reserve zoneSlots 6 AZs × 3 tiers (public /24, private /20, isolated /24) but 10.0.0.0/19 has 8192; allowed: a larger VPC range, smaller subnets or fewer zoneSlots",
            "10.0.0.0/18|3|2|the public subnet of AZ 3 does not fit 10.0.0.0/18: with zoneSlots 2 the subnets of AZ 3 and later follow every tier's first block; allowed: a larger VPC range, smaller subnets or fewer AZs",
    })
    void reservedBlocksThatDoNotFitAreNamed(String cidr, int zones, int slots, String message) {
        var e = assertThrows(SubnetPlan.PlanException.class, () -> SubnetPlan.plan(cidr, zones, slots, DEFAULTS));
        assertEquals(message, e.getMessage());
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
        var e = assertThrows(SubnetPlan.PlanException.class, () -> SubnetPlan.plan(cidr, zones, zones, DEFAULTS));
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
