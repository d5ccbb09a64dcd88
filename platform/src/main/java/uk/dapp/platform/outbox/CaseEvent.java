package uk.dapp.platform.outbox;

/**
 * The payload of a message between services: a record whose components are the receiver's event
 * fields, by the same names (its contract's schema), holding only the facts a rule allows to travel.
 * Absent optional facts are null here and left out on the wire. A payload that carries another
 * person's details overrides {@code toString} to withhold them.
 */
public interface CaseEvent {

    /** The case it is about: messages of one case reach a destination in order. */
    String caseId();
}
