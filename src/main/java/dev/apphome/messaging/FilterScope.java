package dev.apphome.messaging;

/** What an SNS filter policy is matched against. */
public enum FilterScope {
    /** The message attributes the publisher set. */
    MESSAGE_ATTRIBUTES("MessageAttributes"),
    /** The message body, which must be JSON. */
    MESSAGE_BODY("MessageBody");

    private final String aws;

    FilterScope(String aws) {
        this.aws = aws;
    }

    /** The value SNS's FilterPolicyScope attribute takes. */
    public String aws() {
        return aws;
    }
}
