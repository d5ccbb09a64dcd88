package uk.dapp.programme.referral;

/**
 * A current or ex-partner named with a referral, on the way to partner support. Held only in the
 * referral's outbox entry until delivered: never stored elsewhere here, never returned, never
 * logged (hence the {@link #toString()} that withholds the details).
 */
public record Partner(Relationship relationship, String name, String phone) {

    public enum Relationship { CURRENT_PARTNER, EX_PARTNER }

    @Override
    public String toString() {
        return "Partner[" + relationship + ", details withheld]";
    }
}
