package dev.apphome.registry;

/** How pushed images are scanned for vulnerabilities. */
public enum Scanning {
    /** ECR's basic scanning of every push (free). */
    BASIC,
    /**
     * Amazon Inspector's enhanced scanning, continuously, for this repository. A registry-wide
     * setting of the account and region: one stack per account and region may ask for it.
     */
    ENHANCED
}
