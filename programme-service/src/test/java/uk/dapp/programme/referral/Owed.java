package uk.dapp.programme.referral;

import java.util.List;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxEntry;

/** A referral's outbox in tests about other messages: every open and close also owes a holding (ADR 0009). */
public final class Owed {

    private Owed() {}

    /** The referral's waiting messages to other services, other than the news of its holding. */
    public static List<OutboxEntry> besidesHoldings(Referral referral) {
        return referral.outbox().stream()
                .filter(e -> !e.type().equals(ReferralHeld.TYPE.name()))
                .filter(e -> !e.destination().equals(Destinations.INBOX))
                .toList();
    }

    /** The notifications it raised, waiting for the inbox (ADR 0016). */
    public static List<OutboxEntry> notices(Referral referral) {
        return referral.outbox().stream()
                .filter(e -> e.destination().equals(Destinations.INBOX))
                .toList();
    }

    /** Only the news of its holding. */
    public static List<OutboxEntry> holdings(Referral referral) {
        return referral.outbox().stream()
                .filter(e -> e.type().equals(ReferralHeld.TYPE.name()))
                .toList();
    }
}
