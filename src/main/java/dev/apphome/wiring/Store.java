package dev.apphome.wiring;

/**
 * What every data store answers: given a service that declares it uses the store with
 * {@code access}, what the service receives (plain variables, secrets by ARN, task-role statements
 * scoped to exactly that access) — and, for a store in the VPC, the store opens its own security
 * group to the service's. A service's uses are wired in one loop over this contract.
 *
 * @param <A> how a service may use the store: {@link Boolean} for "it connects", or an access enum
 */
public interface Store<A> {

    /** Grants {@code client} {@code access}: opens what the store owns to it and returns what it receives. */
    Connection connect(Client client, A access);
}
