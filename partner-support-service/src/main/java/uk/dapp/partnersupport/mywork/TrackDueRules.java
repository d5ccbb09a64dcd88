package uk.dapp.partnersupport.mywork;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What falls due next on an open partner track (plain Java): the first contact while no attempt is
 * logged, the contact a programme exit prompts until one is made, and each safety plan's review; the
 * earliest of them, and the first contact before the others on the same day.
 */
public final class TrackDueRules {

    public enum Kind {
        FIRST_CONTACT,
        EXIT_CONTACT,
        SAFETY_PLAN_REVIEW
    }

    public record Due(Kind kind, LocalDate on) {

        public boolean overdue(LocalDate today) {
            return on.isBefore(today);
        }
    }

    private TrackDueRules() {}

    /**
     * @param firstContactDueOn   when the first contact attempt is due, or null once one is logged
     * @param exitContactsDueOn   when each outstanding exit-contact prompt is due
     * @param planReviewsOn       when each of the track's safety plans is to be reviewed
     */
    public static Optional<Due> next(
            LocalDate firstContactDueOn, Stream<LocalDate> exitContactsDueOn, Stream<LocalDate> planReviewsOn) {
        Stream<Due> first =
                firstContactDueOn == null ? Stream.empty() : Stream.of(new Due(Kind.FIRST_CONTACT, firstContactDueOn));
        return Stream.concat(
                        first,
                        Stream.concat(
                                exitContactsDueOn.map(on -> new Due(Kind.EXIT_CONTACT, on)),
                                planReviewsOn.map(on -> new Due(Kind.SAFETY_PLAN_REVIEW, on))))
                .min(Comparator.comparing(Due::on).thenComparing(Due::kind));
    }
}
