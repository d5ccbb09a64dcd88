package uk.dapp.gateway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.gateway.outcomes.ContributionRows.joined;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.KAnonymityPlan;
import uk.dapp.platform.privacy.LabelledField;
import uk.dapp.platform.privacy.Pseudonymiser;
import uk.dapp.platform.privacy.QuasiIdentifiers;
import uk.dapp.platform.privacy.SensitivityLabel;
import uk.dapp.platform.privacy.SensitivityLabels;

class OutcomeExtractTest {

    private static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-11-01T00:00:00Z");
    private final Random random = new Random(7);
    private final OutcomeExtract extract = new OutcomeExtract(AreaLadder.withoutRegions(), 0.05);

    /** count cases of one class, in case ID order as the services send them */
    private List<JoinedCase> cases(int count, String ageBand, String sex, String area, String month) {
        List<JoinedCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(joined(ContributionRows.caseId(random), ageBand, sex, area, month));
        }
        return cases;
    }

    private static List<JoinedCase> sorted(List<JoinedCase> cases) {
        return cases.stream()
                .sorted(java.util.Comparator.comparing(JoinedCase::caseId))
                .toList();
    }

    private String write(List<JoinedCase> cases, KAnonymityPlan plan, OutcomeExtract.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        extract.write(cases.stream(), plan, AS_OF, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyColumnIsLabelledExportableAndNoneIsAnIdentifierOrFreeText() {
        assertThat(SensitivityLabels.unlabelled(OutcomeRow.class)).isEmpty();
        assertThat(SensitivityLabels.fields(OutcomeRow.class))
                .extracting(LabelledField::label)
                .doesNotContain(SensitivityLabel.DIRECT_IDENTIFIER, SensitivityLabel.FREE_TEXT);
        assertThat(OutcomeExtract.HEADER)
                .startsWith("pseudonym", "ageBand", "sex", "area", "period")
                .doesNotContain("caseId", "givenName", "familyName", "dateOfBirth", "policeId", "reason", "notes");
    }

    @Test
    void eachCaseAppearsUnderAPseudonymAndNoCaseIdReachesTheExtract() {
        List<JoinedCase> cases = sorted(cases(12, "23-27", "MALE", "Northshire", "2026-03"));
        KAnonymityPlan plan = extract.plan(cases.stream(), 5);

        String csv = write(cases, plan, OutcomeExtract.Format.CSV);

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo(String.join(",", OutcomeExtract.HEADER));
        Set<String> pseudonyms = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String pseudonym = line.substring(0, line.indexOf(','));
            assertThat(Pseudonymiser.looksLikePseudonym(pseudonym))
                    .as(pseudonym)
                    .isTrue();
            pseudonyms.add(pseudonym);
            // the quasi-identifiers as released, then the outcomes: the twelve are alike in every sensitive
            // outcome, so each is withheld (l-diversity); the safe ones stay
            assertThat(line)
                    .contains(
                            ",23-27,MALE,NORTHSHIRE,2026-03,CHANGE-GROUP,RISK_MATRIX,FALSE,ENGAGE,,,,,,6,,20,22,,1,1,EXIT,");
        }
        assertThat(pseudonyms).hasSize(12);
        cases.forEach(joined -> assertThat(csv)
                .doesNotContain(joined.caseId())
                .doesNotContain(joined.caseId().toLowerCase()));
    }

    @Test
    void twoExtractsOfTheSameCasesCannotBeLinkedByTheirPseudonyms() {
        List<JoinedCase> cases = sorted(cases(6, "23-27", "MALE", "Northshire", "2026-03"));

        Set<String> first = pseudonyms(write(cases, extract.plan(cases.stream(), 5), OutcomeExtract.Format.CSV));
        Set<String> second = pseudonyms(write(cases, extract.plan(cases.stream(), 5), OutcomeExtract.Format.CSV));

        assertThat(first).hasSize(6);
        assertThat(second).hasSize(6).doesNotContainAnyElementsOf(first);
    }

    @Test
    void aRareCaseIsSuppressedAndTheExtractSaysSo() {
        List<JoinedCase> cases = new ArrayList<>(cases(40, "33-37", "MALE", "Northshire", "2026-02"));
        JoinedCase rare = joined(ContributionRows.caseId(random), "63-67", "FEMALE", "Southvale", "2026-07");
        cases.add(rare);
        cases = sorted(cases);
        KAnonymityPlan plan = extract.plan(cases.stream(), 5);

        JsonNode json = JsonMapper.builder().build().readTree(write(cases, plan, OutcomeExtract.Format.JSON));

        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("k").asInt()).isEqualTo(5);
        assertThat(json.get("totalRows").asLong()).isEqualTo(41);
        assertThat(json.get("suppressedRows").asLong()).isEqualTo(1);
        assertThat(json.get("statement").asString()).contains("1 of 41 rows").contains("k = 5");
        assertThat(json.get("rows")).hasSize(40);
        json.get("rows").forEach(row -> {
            assertThat(row.get("ageBand").asString()).isEqualTo("33-37");
            assertThat(row.has("caseId")).isFalse();
        });
        assertThat(json.toString()).doesNotContain("SOUTHVALE").doesNotContain(rare.caseId());
    }

    @Test
    void smallClassesAreGeneralisedUntilEachHoldsKAndTheExtractSaysWhat() {
        List<JoinedCase> cases = new ArrayList<>(cases(3, "23-27", "MALE", "Northshire", "2026-01"));
        cases.addAll(cases(3, "28-32", "MALE", "Northshire", "2026-02"));
        cases = sorted(cases);
        KAnonymityPlan plan = extract.plan(cases.stream(), 5);

        JsonNode json = JsonMapper.builder().build().readTree(write(cases, plan, OutcomeExtract.Format.JSON));

        assertThat(json.get("suppressedRows").asLong()).isZero();
        assertThat(json.get("generalised")).isNotEmpty();
        assertThat(json.get("rows")).hasSize(6);
        Set<String> classes = new HashSet<>();
        json.get("rows")
                .forEach(row -> classes.add(
                        row.get("ageBand").asString() + "|" + row.get("period").asString()));
        assertThat(classes).as("one class of 6, none of 3").hasSize(1);
    }

    @Test
    void casesThatChangedBetweenThePassesBreakTheExtractOffIncomplete() {
        List<JoinedCase> cases = sorted(cases(10, "23-27", "MALE", "Northshire", "2026-03"));
        KAnonymityPlan plan = extract.plan(cases.stream(), 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(
                        () -> extract.write(cases.subList(0, 6).stream(), plan, AS_OF, OutcomeExtract.Format.JSON, out))
                .isInstanceOf(OutcomeExtract.ExtractChangedException.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("complete");
    }

    @Test
    void theQuasiIdentifiersComeFromTheAgeBandSexAreaAndDecisionOrReferralMonth() {
        String id = ContributionRows.caseId(random);
        JoinedCase all = joined(id, "38-42", "FEMALE", "Eastmere", "2026-04");
        JoinedCase programmeOnly = new JoinedCase(id, null, ContributionRows.programme(id, "MALE", "2026-06"), null);

        assertThat(OutcomeExtract.quasiIdentifiers(all))
                .isEqualTo(new QuasiIdentifiers(38, "FEMALE", "Eastmere", YearMonth.of(2026, 4))
                        .withCircumstances(
                                "CHANGE-GROUP", "GROUP", "RISK_MATRIX", "CRIMINAL_JUSTICE", false, "ENGAGE"));
        assertThat(OutcomeExtract.quasiIdentifiers(programmeOnly))
                .isEqualTo(new QuasiIdentifiers(null, "MALE", null, YearMonth.of(2026, 6))
                        .withCircumstances("CHANGE-GROUP", "GROUP", "RISK_MATRIX", "CRIMINAL_JUSTICE", false, null));
    }

    @Test
    void everyReleasedAttributeANeighbourCouldKnowIsAQuasiIdentifierAndNotAlsoAnOutcomeColumn() {
        assertThat(OutcomeExtract.HEADER)
                .containsSubsequence(
                        "ageBand",
                        "sex",
                        "area",
                        "period",
                        "programmeCode",
                        "referralSource",
                        "mandated",
                        "routingDecision");
        assertThat(OutcomeExtract.HEADER).doesNotHaveDuplicates();
        assertThat(ReferralSourceKind.of("POLICE")).isEqualTo("CRIMINAL_JUSTICE");
        assertThat(ReferralSourceKind.of("MARAC")).isEqualTo("AGENCY");
        assertThat(ReferralSourceKind.of("SELF")).isEqualTo("SELF");
        assertThat(ReferralSourceKind.of(null)).isNull();
    }

    @Test
    void aClassWhereEveryoneHasTheSameOutcomeWithholdsItLDiversity() {
        // ten people alike in every quasi-identifier, all with the same exit (COMPLETED) but harm that differs
        List<JoinedCase> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = ContributionRows.caseId(random);
            JoinedCase alike = joined(id, "33-37", "MALE", "Northshire", "2026-02");
            alike.riskMatrix().harmAfter((long) (i * 10));
            cases.add(alike);
        }
        cases = sorted(cases);
        KAnonymityPlan plan = extract.plan(cases.stream(), 5);
        JsonNode json = JsonMapper.builder().build().readTree(write(cases, plan, OutcomeExtract.Format.JSON));

        assertThat(json.get("rows")).hasSize(10);
        json.get("rows").forEach(row -> {
            assertThat(row.get("exitReason").isNull())
                    .as("everyone's exit is the same: withheld")
                    .isTrue();
            assertThat(row.get("harmAfter").isNull()).as("harm differs: kept").isFalse();
        });
        assertThat(json.get("statement").asString()).containsIgnoringCase("l-diversity");
    }

    private static Set<String> pseudonyms(String csv) {
        Set<String> pseudonyms = new HashSet<>();
        csv.lines().skip(1).forEach(line -> pseudonyms.add(line.substring(0, line.indexOf(','))));
        return pseudonyms;
    }
}
