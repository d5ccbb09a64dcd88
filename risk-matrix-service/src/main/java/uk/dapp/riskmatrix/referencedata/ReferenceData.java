package uk.dapp.riskmatrix.referencedata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of the scoring weights. Versions are immutable: a change is a new version, so a
 * version any score used is never edited, and every score names the version it used.
 */
@Document("reference_data")
public record ReferenceData(
        @Id Integer version,
        String label,
        boolean example,
        int windowMonths,
        List<Band> recencyBands,
        List<Band> frequencyBands,
        List<Band> victimBands,
        DashUplift dashUplift,
        List<OffenceWeight> offences,
        Instant createdAt,
        String createdBy) {

    public Optional<OffenceWeight> offence(String code) {
        for (OffenceWeight offence : offences) {
            if (offence.code().equals(code)) {
                return Optional.of(offence);
            }
        }
        return Optional.empty();
    }

    public ReferenceData withVersion(int newVersion, Instant at, String by) {
        return new ReferenceData(
                newVersion,
                label,
                example,
                windowMonths,
                recencyBands,
                frequencyBands,
                victimBands,
                dashUplift,
                offences,
                at,
                by);
    }
}
