package dev.apphome.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How messages show values and suggest spellings. */
final class Words {

    private static final int SHOWN_VALUE_LIMIT = 60;

    private Words() {
    }

    /** "; did you mean 'x'?" when one candidate is within two edits, else empty. */
    static String suggestion(String found, Collection<String> candidates) {
        return dev.apphome.schema.Nearest.suggestion(found, candidates);
    }

    /** A value as a message shows it: strings quoted (and cut), objects and lists by kind. */
    static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Number n) {
            Long whole = wholeNumber(n);
            return String.valueOf(whole != null ? whole : n);
        }
        return String.valueOf(value);
    }

    static String quote(String s) {
        String shown = s.length() > SHOWN_VALUE_LIMIT ? s.substring(0, SHOWN_VALUE_LIMIT) + "…" : s;
        return "'" + shown + "'";
    }

    /** A whole number from a number or a string of digits (the CLI passes top-level values as strings). */
    static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? (Long) (long) d : null;
        }
        if (value instanceof String s && s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return null;
    }

    /** "one of a, b, c". */
    static String oneOf(Collection<?> values) {
        return "one of " + values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** "a, b and c". */
    static String and(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** "a, b or c". */
    static String or(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /**
     * For a key with a letter outside ASCII: which character and its code point, since such a key
     * looks right on screen but matches nothing (a Cyrillic о for a Latin o).
     */
    static String nonAscii(String key) {
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            if (cp > 0x7e || cp < 0x20) {
                String name = Character.getName(cp);
                return "; it contains '" + new String(Character.toChars(cp)) + "' (U+"
                        + String.format("%04X", cp) + (name != null ? " " + name : "") + "), which is not an ASCII "
                        + "character: keys are plain ASCII";
            }
            i += Character.charCount(cp);
        }
        return "";
    }
}
