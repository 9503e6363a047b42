package dev.apphome.common;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * Options for children, in one place: every child is parented to its component, and the ones
 * whose loss loses data also carry the stack's {@code protect} setting.
 *
 * @param protectData the stack's {@code protectResources} value
 */
public record Protection(boolean protectData) {

    /** A child that holds no data: parented, nothing else. */
    public CustomResourceOptions child(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    /** A child that holds data (a database, a bucket, a key): parented and protected per stack. */
    public CustomResourceOptions stateful(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).protect(protectData).build();
    }
}
