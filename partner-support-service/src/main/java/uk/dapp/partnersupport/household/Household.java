package uk.dapp.partnersupport.household;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The children in the partner's household: how many, their age bands, social care involvement. No names. */
@Document("households")
public record Household(
        @Id String trackId,
        String caseId,
        int childrenCount,
        List<AgeBand> ageBands,
        SocialCareInvolvement socialCare,
        String updatedBy,
        Instant updatedAt,
        @Version Long version) {

    public Household {
        ageBands = ageBands == null ? List.of() : List.copyOf(ageBands);
    }
}
