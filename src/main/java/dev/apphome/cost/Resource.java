package dev.apphome.cost;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * One resource of a preview document, as its step's new state describes it.
 *
 * @param urn                  its URN
 * @param type                 its type token, e.g. {@code aws:ec2/natGateway:NatGateway}
 * @param custom               false for components and the stack
 * @param parent               the parent's URN, empty for the stack
 * @param inputs               what the program asked for
 * @param outputs              what the provider reported (absent or partly unknown in a preview)
 * @param propertyDependencies input name to the URNs its value came from
 * @param provider             the provider reference ({@code urn::id}), empty for the default provider
 * @param op                   the step's operation ({@code create}, {@code same}, {@code update}, …)
 */
public record Resource(String urn, String type, boolean custom, String parent, JsonObject inputs, JsonObject outputs,
                       Map<String, List<String>> propertyDependencies, String provider, String op) {

    /** The logical name: the URN's last segment. */
    public String name() {
        int at = urn.lastIndexOf("::");
        return at < 0 ? urn : urn.substring(at + 2);
    }

    Props in() {
        return new Props(inputs);
    }

    Props out() {
        return new Props(outputs);
    }

    /** The URNs input {@code property} came from. */
    List<String> sources(String property) {
        return propertyDependencies.getOrDefault(property, List.of());
    }
}
