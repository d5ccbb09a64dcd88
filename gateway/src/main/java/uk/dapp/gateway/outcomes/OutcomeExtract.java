package uk.dapp.gateway.outcomes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.platform.privacy.AgeLadder;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.CsvRowWriter;
import uk.dapp.platform.privacy.ExportColumns;
import uk.dapp.platform.privacy.Generalisation;
import uk.dapp.platform.privacy.JsonRowWriter;
import uk.dapp.platform.privacy.KAnonymiser;
import uk.dapp.platform.privacy.KAnonymityPlan;
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.platform.privacy.Pseudonymiser;
import uk.dapp.platform.privacy.QuasiIdentifiers;
import uk.dapp.platform.privacy.RowWriter;

/**
 * The anonymised outcome extract in two passes over the same snapshot of joined cases: the first
 * only counts the classes of quasi-identifiers and plans the k-anonymity; the second writes each
 * released row under a pseudonym made with a key of this extract alone. Neither pass holds more
 * than one case; plain Java, so the rules are tested without a server.
 */
public final class OutcomeExtract {

    /** Labelled, exportable columns: building them fails if a field is unlabelled or an identifier. */
    static final ExportColumns<OutcomeRow> COLUMNS = ExportColumns.of(OutcomeRow.class);

    /** The names the extract shows: each column's last name part ({@code quasi.ageBand} is {@code ageBand}). */
    public static final List<String> HEADER = header(COLUMNS.names());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Format {
        CSV,
        JSON
    }

    private final AreaLadder areas;
    private final double maxSuppressedFraction;

    public OutcomeExtract(AreaLadder areas, double maxSuppressedFraction) {
        this.areas = areas;
        this.maxSuppressedFraction = maxSuppressedFraction;
    }

    /** The first pass: counts every case's class and plans the generalisation and suppression. */
    public KAnonymityPlan plan(Stream<JoinedCase> cases, int k) {
        KAnonymiser anonymiser = new KAnonymiser(
                areas, Generalisation.DEFAULT_ORDER, OutcomeRow.SENSITIVE_OUTCOMES, KAnonymiser.DEFAULT_L);
        try (cases) {
            cases.forEach(joined -> anonymiser.observe(
                    quasiIdentifiers(joined), OutcomeRow.of("", null, joined).sensitiveValues()));
        }
        return anonymiser.plan(k, maxSuppressedFraction);
    }

    /**
     * The second pass: writes the document to {@code out} (left open). Fails, after whatever it has
     * written, when the cases differ from the ones the plan counted, so that the document is left
     * incomplete rather than ever complete and wrong.
     *
     * @return the rows written
     * @throws ExtractChangedException when the second pass did not see what the first counted
     */
    public long write(
            Stream<JoinedCase> cases, KAnonymityPlan plan, OffsetDateTime asOf, Format format, OutputStream out) {
        Pseudonymiser pseudonyms = Pseudonymiser.withRandomKey();
        // buffered as text: the encoder then works on blocks, not on every field
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        try (cases) {
            if (format == Format.JSON) {
                text.write(jsonOpening(plan, asOf));
                text.flush();
            }
            RowWriter rows = format == Format.JSON ? new JsonRowWriter(text, HEADER) : new CsvRowWriter(text, HEADER);
            cases.forEach(joined -> plan.apply(quasiIdentifiers(joined))
                    .ifPresent(released -> COLUMNS.write(
                            rows,
                            OutcomeRow.of(pseudonyms.pseudonym(joined.caseId()), released, joined)
                                    .withholding(plan.withheld(released)))));
            KAnonymityPlan.Applied applied = plan.applied();
            if (!applied.kHolds() || !applied.matchesPlan()) {
                throw new ExtractChangedException();
            }
            rows.finish();
            if (format == Format.JSON) {
                text.write(",\"complete\":true}");
            }
            text.flush();
            return rows.rowsWritten();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What k-anonymity is judged on: everything released that a neighbour or a reporter could know.
     * The age from the risk matrix's 5-year band (never a date of birth), sex from the programme, area
     * from the risk matrix, the month of the routing decision, else of the referral; the programme
     * (widening to its type), the referral source (widening to its kind), mandated or not, and the
     * routing decision. A part a service does not hold is unknown.
     */
    static QuasiIdentifiers quasiIdentifiers(JoinedCase joined) {
        RiskMatrixContribution risk = joined.riskMatrix();
        ProgrammeContribution programme = joined.programme();
        Integer age = risk == null ? null : AgeLadder.representativeOfBand(risk.getAgeBand());
        String sex = programme == null || programme.getSex() == null
                ? null
                : programme.getSex().toString();
        String area = risk == null ? null : risk.getArea();
        String month = risk == null ? null : risk.getDecisionMonth();
        if (month == null && programme != null) {
            month = programme.getReferralMonth();
        }
        QuasiIdentifiers person =
                new QuasiIdentifiers(age, sex, area, month == null ? null : PeriodLadder.parseMonth(month));
        String routing = risk == null || risk.getRoutingDecision() == null
                ? null
                : risk.getRoutingDecision().toString();
        if (programme == null) {
            return routing == null ? person : person.withCircumstances(null, null, null, null, null, routing);
        }
        return person.withCircumstances(
                programme.getProgrammeCode(),
                programme.getProgrammeType() == null
                        ? null
                        : programme.getProgrammeType().toString(),
                programme.getReferralSource(),
                ReferralSourceKind.of(programme.getReferralSource()),
                programme.getMandated(),
                routing);
    }

    /** The JSON document up to the opening of its rows, written before any row. */
    private static String jsonOpening(KAnonymityPlan plan, OffsetDateTime asOf) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("asOf", asOf.toString());
        head.put("k", plan.k());
        head.put("statement", plan.statement());
        head.put("generalised", plan.generalised());
        head.put("totalRows", plan.totalRows());
        head.put("suppressedRows", plan.suppressedRows());
        String object = JSON.writeValueAsString(head);
        return object.substring(0, object.length() - 1) + ",\"rows\":";
    }

    private static List<String> header(List<String> dotted) {
        List<String> names = new ArrayList<>();
        dotted.forEach(name -> names.add(name.substring(name.lastIndexOf('.') + 1)));
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new IllegalStateException("two extract columns end in the same name: " + dotted);
        }
        return List.copyOf(names);
    }

    /** The cases changed between the two passes: the extract already sent is incomplete and must be asked for again. */
    public static final class ExtractChangedException extends RuntimeException {

        ExtractChangedException() {
            super("the cases changed between the extract's two passes; it was broken off and must be asked for again");
        }
    }
}
