package dev.apphome.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The monthly cost of one preview document.
 *
 * @param stack       the stack name read from the URNs
 * @param region      the AWS region priced
 * @param regionFrom  where the region was read (the stack's config, the provider, the ARNs, --region)
 * @param table       the price table used
 * @param resources   every priced resource with its lines, in document order
 * @param free        resources known to cost nothing, with the reason
 * @param unpriced    resources that may cost money but could not be priced, with the reason
 * @param usage       the usage file the usage lines were counted under (or {@link Usage#none()})
 * @param all         every resource of the document by URN, components included (for the tree)
 * @param assumptions the assumptions behind the figures, as sentences
 */
public record Estimate(String stack, String region, String regionFrom, PriceTable table, List<Priced> resources,
                       List<Listed> free, List<Listed> unpriced, Usage usage, Map<String, Resource> all,
                       List<String> assumptions) {

    public static final String CURRENCY = "USD";

    /**
     * A priced resource.
     *
     * @param region the region its provider creates it in, when not the stack's (else null)
     */
    public record Priced(Resource resource, List<Line> lines, String region) {

        public BigDecimal fixed() {
            return sum(lines.stream().filter(l -> !l.usage()).toList());
        }

        public BigDecimal usage() {
            return sum(lines.stream().filter(Line::usage).toList());
        }

        public BigDecimal monthly() {
            return Line.exact(fixed().add(usage()));
        }
    }

    /** A free or unpriced resource and why. */
    public record Listed(Resource resource, String reason) {
    }

    /** The sum of every line with {@code usage: false}. */
    public BigDecimal fixed() {
        return Line.exact(resources.stream().map(Priced::fixed).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The sum of the usage lines under the usage file's assumptions; zero without one. */
    public BigDecimal usageTotal() {
        return Line.exact(resources.stream().map(Priced::usage).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** "&lt;id&gt; (&lt;date&gt;)", as the JSON's {@code prices} field says it. */
    public String prices() {
        return table.id() + " (" + table.date() + ")";
    }

    static BigDecimal sum(List<Line> lines) {
        return Line.exact(lines.stream().map(Line::monthly).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
