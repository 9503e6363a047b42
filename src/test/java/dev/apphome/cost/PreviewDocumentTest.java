package dev.apphome.cost;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.apphome.cost.Costs.state;
import static dev.apphome.cost.Costs.steps;
import static dev.apphome.cost.Costs.urn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading preview documents: what is refused and with which sentence, where the region comes from,
 * and that a real {@code pulumi preview --json --show-sames} document of a stack (a default
 * provider step, ops "same" and "update", no outputs, unknown values) is priced exactly as
 * bin/plan's document of the same stack.
 */
class PreviewDocumentTest {

    private static String refusal(String text) {
        return assertThrows(BadInputException.class, () -> PreviewDocument.parse(text, "plan.json")).getMessage();
    }

    private static String estimateRefusal(JsonObject document) {
        return assertThrows(BadInputException.class,
                () -> Estimator.estimate(PreviewDocument.of(document, "plan.json"), PriceTable.standard(), null, Usage.none())).getMessage();
    }

    @Test
    void aFileThatIsNotAPreviewDocumentIsRefusedInOneSentence() {
        assertEquals("plan.json is not JSON (End of input at line 1 column 13 path $.steps[0]), so it is not a pulumi preview "
                + "--json document.", refusal("{\"steps\": [ "));
        assertEquals("plan.json is not a pulumi preview --json document: it has no \"steps\" list. Write one with "
                + "`pulumi preview --json --show-sames` or `bin/plan <stack> --json FILE`.", refusal("{\"resources\": []}"));
        assertEquals("plan.json is not a pulumi preview --json document: \"steps\" is not a list.", refusal("{\"steps\": 3}"));
        assertEquals("plan.json has steps bin/cost cannot read: step 1 (create) has no \"newState\"; step 2's newState has no "
                + "\"type\"; step 3 has no \"op\". It is not a pulumi preview --json document, or it is damaged.",
                refusal("{\"steps\": [{\"op\": \"create\", \"urn\": \"u\"}, {\"op\": \"same\", \"newState\": {\"urn\": \"u2\"}}, {}]}"));
    }

    @Test
    void aPreviewMadeWithoutShowSamesIsRefusedBecauseItLeavesOutWhatDoesNotChange() {
        assertEquals("plan.json leaves out 40 unchanged resources (its changeSummary counts them but it has no step for them), so "
                + "an estimate of it would miss what they cost. Write it with `pulumi preview --json --show-sames`.",
                refusal("{\"steps\": [{\"op\": \"update\", \"urn\": \"u\", \"newState\": {\"urn\": \"u\", \"type\": "
                        + "\"aws:ec2/vpc:Vpc\"}}], \"changeSummary\": {\"same\": 40, \"update\": 1}}"));
    }

    @Test
    void aRegionWithoutPricesIsRefusedNotGuessed() {
        assertEquals("The price table aws-list-prices-us-east-1-eu-west-1-sa-east-1-2026-10-04 has no prices for region us-west-2; "
                        + "it covers us-east-1, eu-west-1, sa-east-1. bin/cost does not guess prices from another region: add the region "
                        + "to src/main/resources/prices/aws-prices.json (README.md, \"Refreshing the price table\").",
                estimateRefusal(steps("us-west-2", state("aws:ec2/natGateway:NatGateway", "nat", "{}"))));
        assertEquals("Cannot tell which AWS region to price: the document names no AWS region. Pass --region (the table covers "
                + "us-east-1, eu-west-1, sa-east-1).", estimateRefusal(steps(null, state("aws:ec2/natGateway:NatGateway", "nat", "{}"))));
        assertEquals("Cannot tell which AWS region to price: the document names several regions: eu-west-1, us-east-1. Pass --region "
                + "(the table covers us-east-1, eu-west-1, sa-east-1).", estimateRefusal(steps(null,
                state("aws:ec2/subnet:Subnet", "a", "{\"availabilityZone\": \"eu-west-1a\"}"),
                state("aws:ec2/subnet:Subnet", "b", "{\"availabilityZone\": \"us-east-1a\"}"))));
    }

    @Test
    void theRegionComesFromConfigElseTheAwsProviderElseTheArnsAndZones() throws BadInputException {
        var provider = "{\"urn\": \"urn:pulumi:test::app::pulumi:providers:aws::default_6_83_0\", \"type\": \"pulumi:providers:aws\", "
                + "\"custom\": true, \"inputs\": {\"region\": \"sa-east-1\"}}";
        assertEquals(new PreviewDocument.RegionChoice("us-east-1", "the stack's aws:region"),
                PreviewDocument.of(steps("us-east-1", provider), "d").region());
        assertEquals(new PreviewDocument.RegionChoice("sa-east-1", "the AWS provider's region"),
                PreviewDocument.of(steps(null, provider), "d").region());
        assertEquals(new PreviewDocument.RegionChoice("eu-west-1", "the ARNs and zones in the document, which sets no aws:region"),
                PreviewDocument.of(steps(null, state("aws:ecs/service:Service", "s",
                        "{\"cluster\": \"arn:aws:ecs:eu-west-1:123456789012:cluster/main\"}")), "d").region());
    }

    @Test
    void deletedResourcesAreNotPricedAndAReplacementCountsOnce() throws BadInputException {
        JsonObject document = steps("eu-west-1",
                state("aws:ec2/natGateway:NatGateway", "kept", "{}"),
                state("aws:ec2/natGateway:NatGateway", "replaced", "{}"),
                state("aws:ec2/natGateway:NatGateway", "replaced", "{}"));
        JsonArray steps = document.getAsJsonArray("steps");
        steps.get(1).getAsJsonObject().addProperty("op", "replace");
        steps.get(2).getAsJsonObject().addProperty("op", "create-replacement");
        steps.add(JsonParser.parseString("{\"op\": \"delete\", \"urn\": \"" + urn("aws:ec2/natGateway:NatGateway", "old")
                + "\", \"oldState\": {\"urn\": \"" + urn("aws:ec2/natGateway:NatGateway", "old") + "\", \"type\": \"aws:ec2/natGateway:NatGateway\"}}"));
        steps.add(JsonParser.parseString("{\"op\": \"delete-replaced\", \"urn\": \"" + urn("aws:ec2/natGateway:NatGateway", "replaced")
                + "\", \"oldState\": {}}"));

        var e = Estimator.estimate(PreviewDocument.of(document, "d"), PriceTable.standard(), null, Usage.none());
        // Only "kept" survives: the replacement is deleted again by its delete-replaced step, the old NAT by its delete.
        assertEquals(List.of("kept"), e.resources().stream().map(p -> p.resource().name()).toList());
    }

    @Test
    void aResourceOfAnExplicitProviderInAnotherRegionIsPricedThereOrUnpricedWhenTheTableLacksIt() {
        String virginia = "urn:pulumi:test::app::pulumi:providers:aws::virginia";
        String frankfurt = "urn:pulumi:test::app::pulumi:providers:aws::frankfurt";
        String nat = "aws:ec2/natGateway:NatGateway";
        var e = Costs.of(steps("eu-west-1",
                "{\"urn\": \"" + virginia + "\", \"type\": \"pulumi:providers:aws\", \"custom\": true, \"inputs\": {\"region\": \"us-east-1\"}}",
                "{\"urn\": \"" + frankfurt + "\", \"type\": \"pulumi:providers:aws\", \"custom\": true, \"inputs\": {\"region\": \"eu-central-1\"}}",
                "{\"urn\": \"" + urn(nat, "near") + "\", \"type\": \"" + nat + "\", \"custom\": true, \"inputs\": {\"connectivityType\": \"private\"}}",
                "{\"urn\": \"" + urn(nat, "west") + "\", \"type\": \"" + nat + "\", \"custom\": true, \"inputs\": {\"connectivityType\": \"private\"}, "
                        + "\"provider\": \"" + virginia + "::0b6c\"}",
                "{\"urn\": \"" + urn(nat, "far") + "\", \"type\": \"" + nat + "\", \"custom\": true, \"inputs\": {}, "
                        + "\"provider\": \"" + frankfurt + "::4f0e\"}"));

        // a private NAT gateway at each region's hourly price: 730 × 0.048 in Ireland, 730 × 0.045 in Virginia
        assertEquals(List.of(
                new Costs.Fixed("near", "NAT gateway", "730", "0.048", "35.04"),
                new Costs.Fixed("west", "NAT gateway", "730", "0.045", "32.85")), Costs.fixedLines(e));
        assertEquals(java.util.Arrays.asList(null, "us-east-1"), e.resources().stream().map(Estimate.Priced::region).toList());
        assertEquals("created in eu-central-1 by its provider, and the price table has no prices for eu-central-1",
                Costs.unpricedReason(e, "far"));
        assertEquals("a Pulumi provider, not a cloud resource", Costs.freeReason(e, "frankfurt"));
    }

    /**
     * bin/plan's document of dev, rewritten as a real preview of an existing stack prints it: config
     * and a default provider step, every other step "same" or "update" with the provider reference,
     * outputs left out or unknown, and every value an input took from another resource's outputs
     * (ids, ARNs, names) unknown — a list of such values unknown as a whole, as the SDK sends it.
     */
    static JsonObject asRealPreview(JsonObject plan) {
        JsonObject document = plan.deepCopy();
        java.util.Set<String> computed = new java.util.HashSet<>();
        for (JsonElement element : document.getAsJsonArray("steps")) {
            JsonObject state = element.getAsJsonObject().getAsJsonObject("newState");
            JsonObject inputs = state.has("inputs") ? state.getAsJsonObject("inputs") : new JsonObject();
            if (state.get("outputs") instanceof JsonObject outputs) {
                outputs.entrySet().forEach(o -> {
                    if (o.getValue().isJsonPrimitive() && !inputs.has(o.getKey()) && o.getValue().getAsString().length() > 3) {
                        computed.add(o.getValue().getAsString());
                    }
                });
            }
        }
        JsonObject config = new JsonObject();
        config.addProperty("aws:region", "eu-west-1");
        config.addProperty("apphome:logRetentionDays", "14");
        document.add("config", config);
        String provider = "urn:pulumi:dev::apphome::pulumi:providers:aws::default_6_83_0";
        JsonArray steps = new JsonArray();
        steps.add(JsonParser.parseString("{\"op\": \"same\", \"urn\": \"" + provider + "\", \"newState\": {\"urn\": \"" + provider
                + "\", \"custom\": true, \"id\": \"0b6c\", \"type\": \"pulumi:providers:aws\", \"inputs\": {\"region\": \"eu-west-1\", "
                + "\"version\": \"6.83.0\"}, \"outputs\": {\"region\": \"eu-west-1\", \"version\": \"6.83.0\"}}}"));
        int i = 0;
        for (JsonElement element : document.getAsJsonArray("steps")) {
            JsonObject step = element.getAsJsonObject();
            JsonObject state = step.getAsJsonObject("newState");
            boolean update = i++ % 3 == 0;
            step.addProperty("op", update ? "update" : "same");
            if (update) {
                state.remove("outputs");
            } else if (state.get("outputs") instanceof JsonObject outputs) {
                outputs.keySet().forEach(k -> outputs.addProperty(k, Props.UNKNOWN));
            }
            state.remove("id");
            if (state.get("custom").getAsBoolean()) {
                step.addProperty("provider", provider + "::0b6c");
                state.addProperty("provider", provider + "::0b6c");
            }
            if (state.get("inputs") instanceof JsonObject inputs) {
                inputs.entrySet().forEach(entry -> entry.setValue(unknownWhereComputed(entry.getValue(), computed)));
            }
            steps.add(step);
        }
        document.add("steps", steps);
        int updates = (i + 2) / 3;
        document.add("changeSummary", JsonParser.parseString("{\"same\": " + (i - updates + 1) + ", \"update\": " + updates + "}"));
        return document;
    }

    private static JsonElement unknownWhereComputed(JsonElement value, java.util.Set<String> computed) {
        if (value.isJsonPrimitive() && computed.contains(value.getAsString())) {
            return new com.google.gson.JsonPrimitive(Props.UNKNOWN);
        }
        if (value instanceof JsonArray array) {
            JsonArray result = new JsonArray();
            array.forEach(e -> result.add(unknownWhereComputed(e, computed)));
            boolean allUnknown = !result.isEmpty();
            for (JsonElement e : result) {
                allUnknown &= Props.isUnknown(e);
            }
            return allUnknown ? new com.google.gson.JsonPrimitive(Props.UNKNOWN) : result;
        }
        if (value instanceof JsonObject object) {
            JsonObject result = new JsonObject();
            object.entrySet().forEach(e -> result.add(e.getKey(), unknownWhereComputed(e.getValue(), computed)));
            return result;
        }
        return value;
    }

    @Test
    void aRealPreviewIsPricedAsBinPlansDocumentOfTheSameStack() {
        JsonObject plan = Costs.document("dev");
        JsonObject preview = asRealPreview(plan);
        var fromPlan = Costs.of(plan);
        var fromPreview = Costs.of(preview);
        JsonObject a = EstimateJson.toJson(fromPlan);
        JsonObject b = EstimateJson.toJson(fromPreview);

        assertEquals(a.get("monthly"), b.get("monthly"));
        assertEquals(a.get("resources"), b.get("resources"));
        assertEquals(a.get("unpriced"), b.get("unpriced"));
        assertEquals(a.getAsJsonArray("free").size() + 1, b.getAsJsonArray("free").size(), "the provider step is listed as free");
        assertEquals("the stack's aws:region", fromPreview.regionFrom());
        // what the preview leaves unknown: the task definition a service runs, the subnets of the load balancer
        String text = preview.toString();
        assertTrue(text.contains("\"taskDefinition\":\"" + Props.UNKNOWN + "\""));
        assertTrue(text.contains("\"subnets\":\"" + Props.UNKNOWN + "\""));
    }
}
