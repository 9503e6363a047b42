package dev.apphome.registry;

import java.util.Locale;
import java.util.Set;

/**
 * The stack's repositories keep tags immutable (a second push of a tag is refused), so whatever
 * runs an image of them — a service, a job, a function — must name a tag that never moves.
 */
public final class ImageTags {

    /** Tags that name whatever was pushed last; a repository of immutable tags cannot hold them usefully. */
    public static final Set<String> MOVING = Set.of("latest", "stable", "main", "master", "dev", "edge", "current");

    private ImageTags() {
    }

    /** Whether {@code tag} is one that moves. */
    public static boolean moves(String tag) {
        return MOVING.contains(tag.toLowerCase(Locale.ROOT));
    }

    /** The message for a moving {@code tag} on {@code repository}. */
    public static String movingTagProblem(String repository, String tag) {
        return "found '" + tag + "', a tag that moves to whatever was pushed last, on repository '" + repository
                + "', whose tags are immutable (a second push of it is refused); allowed: a version tag such as 1.4.2 "
                + "or a commit id";
    }
}
