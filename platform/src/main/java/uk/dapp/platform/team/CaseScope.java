package uk.dapp.platform.team;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;

/**
 * Which cases a caller may see and act on (ADR 0012): every case, or the cases held by some teams,
 * or the cases in some areas. Built from the caller ({@link #teamsOf}, {@link #areasOf}); a service
 * narrows a query with {@link #criteria} and guards a read of one case with {@link #require}. Names
 * are compared without regard to case, as people type areas.
 *
 * <p>Admins, evaluators and the services' own accounts are not scoped: their operations are
 * limited by role instead (an admin's casework reads need a stated reason; an evaluator sees only
 * anonymised outcomes). Everyone else is limited to their teams or areas, and a caller in no team
 * sees nothing (fails closed).
 */
public final class CaseScope {

    /** The reason recorded on the audit record of a read refused by scope. */
    public static final String REFUSED = "refused: outside the caller's teams and areas";

    /** Roles whose operations are not scoped by team or area. */
    static final Set<String> UNSCOPED_ROLES =
            Set.of(Roles.ADMIN, Roles.EVALUATOR, Roles.SVC_RISK_MATRIX, Roles.SVC_PROGRAMME, Roles.SVC_PARTNER_SUPPORT);

    private static final CaseScope EVERYTHING = new CaseScope(true, List.of());

    private final boolean everything;
    private final List<String> names;
    private final Set<String> folded;

    private CaseScope(boolean everything, Collection<String> names) {
        this.everything = everything;
        this.names = names.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .sorted()
                .toList();
        this.folded = this.names.stream().map(CaseScope::fold).collect(Collectors.toUnmodifiableSet());
    }

    public static CaseScope everything() {
        return EVERYTHING;
    }

    /** The cases held by (or in) these teams or areas only; none at all when empty. */
    public static CaseScope only(Collection<String> teamsOrAreas) {
        return new CaseScope(false, teamsOrAreas);
    }

    /** The caller's scope over cases held by teams: everything for the unscoped roles, else the caller's teams. */
    public static CaseScope teamsOf(CurrentUser caller) {
        return unscoped(caller) ? EVERYTHING : only(caller.teams());
    }

    /** The caller's scope over cases that lie in areas: everything for the unscoped roles, else the caller's areas. */
    public static CaseScope areasOf(CurrentUser caller) {
        return unscoped(caller) ? EVERYTHING : only(caller.areas());
    }

    /** Whether the caller holds a role that team and area scoping does not apply to. */
    public static boolean unscoped(CurrentUser caller) {
        return caller.roles().stream().anyMatch(UNSCOPED_ROLES::contains);
    }

    public boolean isEverything() {
        return everything;
    }

    /** The teams or areas, as given, sorted; empty for {@link #everything()}. */
    public List<String> names() {
        return names;
    }

    /** Whether a case held by (or in) this team or area is inside; a case with none is inside only {@link #everything()}. */
    public boolean covers(@Nullable String teamOrArea) {
        return everything || (teamOrArea != null && folded.contains(fold(teamOrArea)));
    }

    /** Whether any of a case's teams (a case may be held by several) is inside. */
    public boolean coversAny(Collection<String> teamsOrAreas) {
        return everything || teamsOrAreas.stream().anyMatch(this::covers);
    }

    /**
     * The condition a query adds so that it finds only cases inside: nothing for {@link #everything()},
     * otherwise {@code field} equal (ignoring case) to one of the names, which matches nothing when
     * there are none.
     */
    public Criteria criteria(String field) {
        if (everything) {
            return new Criteria();
        }
        if (names.isEmpty()) {
            return Criteria.where(field).in(List.of());
        }
        String alternatives = names.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Criteria.where(field).regex("^(?:" + alternatives + ")$", "i");
    }

    /**
     * Lets a read or change of one case go on when the case is inside; otherwise writes the refused
     * access to the audit log (a {@code READ} with reason {@value #REFUSED}: an attempt to reach
     * case data counts like a read in the unusual-access report) and answers 404 with the message
     * an unknown case gets, so the refusal tells nothing.
     */
    public void require(
            @Nullable String teamOrArea,
            AuditWriter audit,
            String caseId,
            String resourceType,
            @Nullable String resourceId,
            String notFoundMessage) {
        requireAny(
                teamOrArea == null ? List.of() : List.of(teamOrArea),
                audit,
                caseId,
                resourceType,
                resourceId,
                notFoundMessage);
    }

    /** {@link #require} for a case held by several teams (inside when any of them is). */
    public void requireAny(
            Collection<String> teamsOrAreas,
            AuditWriter audit,
            String caseId,
            String resourceType,
            @Nullable String resourceId,
            String notFoundMessage) {
        if (!coversAny(teamsOrAreas)) {
            audit.record(AuditAction.READ, caseId, resourceType, resourceId, REFUSED);
            throw new NotFoundException(notFoundMessage);
        }
    }

    @Override
    public String toString() {
        return everything ? "every case" : "cases of " + names;
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
