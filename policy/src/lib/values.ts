import { UnknownValueError } from "@pulumi/policy";

/** Thrown by checks whose answer depends on a value not known until the resource exists. */
export class Deferred extends Error {
    constructor(readonly what: string) {
        super(what);
    }
}

/**
 * Runs {@code read}; a value unknown during preview becomes a {@link Deferred} naming it, so that
 * the caller reports it visibly instead of the SDK turning the whole policy into a quiet advisory.
 */
export function known<V>(what: string, read: () => V): V {
    try {
        return read();
    } catch (e) {
        if (e instanceof UnknownValueError) {
            throw new Deferred(what);
        }
        throw e;
    }
}

/** Parses a JSON document held in a string property (policies, container definitions). */
export function parseJson(what: string, read: () => unknown): unknown {
    const text = known(what, read);
    if (typeof text !== "string") {
        return text;
    }
    try {
        return JSON.parse(text);
    } catch {
        throw new Error(`${what} is not valid JSON`);
    }
}

export function asArray<V>(value: V | V[] | undefined | null): V[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

export function isSet(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "";
}

/** Renders a found value for a message. */
export function show(value: unknown): string {
    if (value === undefined || value === null) {
        return "unset";
    }
    return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

/**
 * Whether a property is set. An unknown value counts as set: during preview the engine sends
 * "unknown" only for an input the program wired to another resource's output, which will exist.
 */
export function present(read: () => unknown): boolean {
    try {
        return isSet(read());
    } catch (e) {
        if (e instanceof UnknownValueError) {
            return true;
        }
        throw e;
    }
}

/**
 * A value AWS computes (an ARN), read from a stack resource's outputs: unknown in preview, and
 * absent when a document carries no outputs. Either way the check waits for pulumi up.
 */
export function computed(what: string, read: () => unknown): string {
    const value = known(what, read);
    if (typeof value !== "string" || value === "") {
        throw new Deferred(what);
    }
    return value;
}
