package dev.apphome.schema;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/** The nearest spelling among candidates, for "did you mean" in messages about names a user typed. */
public final class Nearest {

    private Nearest() {
    }

    /** "; did you mean 'x'?" when one candidate is within two edits, else empty. */
    public static String suggestion(String found, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> !c.equals(found))
                .map(c -> Map.entry(c, distance(found.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(1, Math.min(2, found.length() / 3)))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(e -> "; did you mean '" + e.getKey() + "'?")
                .orElse("");
    }

    /** Edit distance counting a swap of two neighbouring characters as one edit (the commonest typo). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
