package dev.apphome.keys;

import java.util.List;

/**
 * Settings of a store that needs an AWS service to use the stack's key: the stack collects these
 * before it declares the key, whose policy is written once.
 */
public interface KeyGrants {

    /** The statements the key policy needs for this store; none when it needs none. */
    List<KeyGrant> keyGrants();
}
