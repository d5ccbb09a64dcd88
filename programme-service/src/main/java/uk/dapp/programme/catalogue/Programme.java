package uk.dapp.programme.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * A programme of the catalogue: reference data kept by an admin.
 * <p>
 * Who it takes is told to the risk matrix in the same save as every change ({@link ProgrammeEligibility}
 * in {@code outbox}, {@code outboxSequence} counting every one it ever wrote), with the pathways that
 * refer into it then ({@code announcedPathways}, so a start-up with other pathway settings tells again).
 */
@Document(Programme.COLLECTION)
public record Programme(
        @Id String code,
        String name,
        ProgrammeType type,
        int sessionCount,
        int sessionLengthMinutes,
        int durationWeeks,
        Eligibility eligibility,
        Integer groupCapacity,
        int caseloadLimit,
        int nonComplianceThreshold,
        int miSessionCap,
        @Version Long version,
        List<Pathway> announcedPathways,
        List<OutboxEntry> outbox,
        long outboxSequence) {

    public static final String COLLECTION = "programmes";

    public Programme {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A programme as an admin gives it: nothing told to the risk matrix yet. */
    public Programme(
            String code,
            String name,
            ProgrammeType type,
            int sessionCount,
            int sessionLengthMinutes,
            int durationWeeks,
            Eligibility eligibility,
            Integer groupCapacity,
            int caseloadLimit,
            int nonComplianceThreshold,
            int miSessionCap,
            Long version) {
        this(
                code,
                name,
                type,
                sessionCount,
                sessionLengthMinutes,
                durationWeeks,
                eligibility,
                groupCapacity,
                caseloadLimit,
                nonComplianceThreshold,
                miSessionCap,
                version,
                null,
                List.of(),
                0);
    }

    /**
     * Rules across fields: a group programme states its group capacity and meets the Respect
     * minimums ({@link RespectMinimums}).
     */
    public Programme checked() {
        List<FieldViolation> violations = new ArrayList<>();
        if (type == ProgrammeType.GROUP && groupCapacity == null) {
            violations.add(new FieldViolation(
                    "groupCapacity", "RequiredForGroup", "a group programme states how many places a group has"));
        }
        violations.addAll(RespectMinimums.check(type, sessionCount, sessionLengthMinutes, durationWeeks));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return this;
    }

    public Programme withVersion(Long newVersion) {
        return withBookkeeping(newVersion, announcedPathways, outbox, outboxSequence);
    }

    /**
     * This programme as given by an admin (a replacement), keeping what the stored one told the risk
     * matrix and the messages not yet moved out.
     */
    Programme replacing(Programme stored) {
        return withBookkeeping(version, stored.announcedPathways, stored.outbox, stored.outboxSequence);
    }

    /** Whether the risk matrix was last told other pathways than these (or never told). */
    boolean announcedOtherThan(List<Pathway> pathways) {
        return announcedPathways == null || !announcedPathways.equals(pathways);
    }

    /** The same programme owing the risk matrix who it takes now, with the pathways that refer into it. */
    Programme announcing(List<Pathway> pathways, Instant at) {
        List<OutboxEntry> owed = new ArrayList<>(outbox);
        long sequence = outboxSequence + 1;
        owed.add(ProgrammeEligibility.TYPE.entry(ProgrammeEligibility.of(this, pathways, sequence), at, sequence));
        return withBookkeeping(version, List.copyOf(pathways), owed, sequence);
    }

    /** The admin's fields unchanged, with other version and outbox bookkeeping. */
    private Programme withBookkeeping(Long newVersion, List<Pathway> announced, List<OutboxEntry> owed, long sequence) {
        return new Programme(
                code,
                name,
                type,
                sessionCount,
                sessionLengthMinutes,
                durationWeeks,
                eligibility,
                groupCapacity,
                caseloadLimit,
                nonComplianceThreshold,
                miSessionCap,
                newVersion,
                announced,
                owed,
                sequence);
    }
}
