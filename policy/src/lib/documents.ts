import { asArray } from "./values";

/**
 * Whether a resource policy document denies every request made without TLS: a Deny statement for
 * any principal with the condition aws:SecureTransport = false. Bucket, queue and topic policies
 * share this test.
 */
export function deniesInsecureTransport(document: any): boolean {
    return asArray(document?.Statement).some((statement: any) => {
        if (statement?.Effect !== "Deny") {
            return false;
        }
        const principal = statement.Principal;
        const everyone = principal === undefined || principal === "*" || asArray(principal?.AWS).includes("*");
        return everyone && String(statement.Condition?.Bool?.["aws:SecureTransport"]) === "false";
    });
}

/** The principal of a statement as a label, or undefined when it names only AWS accounts or roles. */
export function serviceOrEveryone(statement: any): string | undefined {
    const principal = statement?.Principal;
    if (principal === undefined || principal === "*" || asArray(principal?.AWS).includes("*")) {
        return "everyone";
    }
    const services = asArray<string>(principal?.Service);
    return services.length > 0 ? services.join(", ") : undefined;
}

/** The ARNs an aws:SourceArn condition of a statement limits it to (ArnEquals or ArnLike). */
export function sourceArns(statement: any): string[] {
    const condition = statement?.Condition ?? {};
    return [...asArray<string>(condition.ArnEquals?.["aws:SourceArn"]), ...asArray<string>(condition.ArnLike?.["aws:SourceArn"])];
}

/** Whether a statement lets SNS send messages to the queue for the topic with this ARN. */
export function admitsTopic(statement: any, topicArn: string): boolean {
    const actions = asArray<string>(statement?.Action);
    return statement?.Effect === "Allow"
        && asArray<string>(statement?.Principal?.Service).includes("sns.amazonaws.com")
        && actions.some(a => a === "sqs:SendMessage" || a === "sqs:*")
        && sourceArns(statement).includes(topicArn);
}
