package uk.dapp.programme.referral;

import java.util.List;
import uk.dapp.platform.outbox.OutboxEntry;

/** A referral's outbox in tests about other messages: every open and close also owes a holding (ADR 0009). */
public final class Owed {

    private Owed() {
    }

    /** The referral's waiting messages other than the news of its holding. */
    public static List<OutboxEntry> besidesHoldings(Referral referral) {
        return referral.outbox().stream().filter(e -> !e.type().equals(ReferralHeld.TYPE.name())).toList();
    }

    /** Only the news of its holding. */
    public static List<OutboxEntry> holdings(Referral referral) {
        return referral.outbox().stream().filter(e -> e.type().equals(ReferralHeld.TYPE.name())).toList();
    }
}
