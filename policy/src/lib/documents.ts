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
