package dev.apphome.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Logical names of child resources. A logical name is a resource's identity in the stack: changing
 * it replaces the live resource, so every name is derived here, from the component's name.
 */
public final class Naming {

    /** Pulumi's auto-naming appends "-" and seven random hex characters to the logical name. */
    public static final int AUTONAME_SUFFIX_LENGTH = 8;

    private Naming() {
    }

    /** The name of a child: {@code parent-suffix}. */
    public static String child(String parent, String suffix) {
        return parent + "-" + suffix;
    }

    /**
     * A logical name whose auto-generated physical name still fits {@code maxPhysicalLength}
     * (load balancers and target groups allow 32 characters, so the logical name may have 24).
     * Too long a name is cut and given four hex characters of its hash, so two long names that
     * share a beginning stay distinct.
     */
    public static String fitting(String name, int maxPhysicalLength) {
        int room = maxPhysicalLength - AUTONAME_SUFFIX_LENGTH;
        if (name.length() <= room) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, 4);
        String head = name.substring(0, room - 5);
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "-" + hash;
    }

    /** A store's name as an environment variable, e.g. {@code media-raw} → {@code MEDIA_RAW}. */
    public static String variable(String kebab) {
        return kebab.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** A store's name as part of an IAM statement id, e.g. {@code media-raw} → {@code MediaRaw}. */
    public static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String word : kebab.split("-")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
