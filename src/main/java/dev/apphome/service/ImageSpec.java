package dev.apphome.service;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

/**
 * Where a service's image comes from: a full image reference, or a tag in one of the stack's own
 * ECR repositories ({@code repositories.<name>}). Exactly one.
 */
@Choice(byPresence = true, requiredWhen = "always")
public sealed interface ImageSpec {

    /** A full image reference, in ECR or any other registry. */
    @Variant(value = "image reference", whenPresent = "image")
    record Reference(
            @Key(doc = "container image", required = true, pattern = "[a-z0-9][a-z0-9._/:@-]*[a-zA-Z0-9._-]+",
                    allowed = "a container image reference such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0.0 "
                            + "or name@sha256:…", after = "kind") String image) implements ImageSpec {
    }

    /** A tag in one of the stack's repositories; the image is the repository's URL and the tag. */
    @Variant(value = "repository image", whenPresent = {"repository", "tag"})
    record FromRepository(
            @Key(doc = "a repository of `repositories` that holds the image", required = true, after = "kind",
                    pattern = "[a-z][a-z0-9-]{0,38}[a-z0-9]", allowed = "the name of a repository in repositories")
            String repository,
            @Key(doc = "the image's tag in that repository (tags there are immutable, so never a moving tag such as "
                    + "`latest`)", required = true, after = "repository", pattern = "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}",
                    allowed = "an image tag such as 1.4.2 or 2025-06-01-3f2a9c1") String tag)
            implements ImageSpec {
    }
}
