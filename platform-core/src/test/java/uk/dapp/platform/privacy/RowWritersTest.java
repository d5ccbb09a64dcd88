package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RowWritersTest {

    enum Programme {
        CHANGE_GROUP,
        ONE_TO_ONE
    }

    record Outcome(
            @Sensitivity(SENSITIVE) Integer harmBefore,
            @Sensitivity(SENSITIVE) Integer harmAfter) {}

    record ExtractRow(
            @Sensitivity(SAFE) String pseudonym,
            ReleasedQuasiIdentifiers quasi,
            @Sensitivity(SAFE) Programme programme,
            @Sensitivity(SAFE) boolean mandated,
            Outcome outcome,
            @Sensitivity(SAFE) YearMonth decided) {}

    record RowWithCaseId(@Sensitivity(DIRECT_IDENTIFIER) String caseId) {}

    record RowWithADay(@Sensitivity(SAFE) LocalDate decidedOn) {}

    record RowWithAList(@Sensitivity(SAFE) List<String> categories) {}

    record RowWithOptional(Optional<Outcome> outcome) {}

    record RowWithItsOwnAgeBand(
            @Sensitivity(SensitivityLabel.QUASI_IDENTIFIER) String ageBand) {}

    // ---- CSV ----

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "plain        | plain",
                "=SUM(A1:A9)  | '=SUM(A1:A9)",
                "+44 20 7946  | '+44 20 7946",
                "-3           | '-3",
                "@cmd         | '@cmd",
                "a=b          | a=b",
                "a,b          | ~\"a,b\"~",
                "say \"hi\"   | ~\"say \"\"hi\"\"\"~",
                "=1,2         | ~\"'=1,2\"~",
            })
    void textIsQuotedAsRfc4180SaysAndFormulasAreDefused(String text, String expected) {
        assertThat(CsvRowWriter.field(text)).isEqualTo(expected);
    }

    @Test
    void lineBreaksTabsAndCarriageReturnsAreQuotedOrDefused() {
        assertThat(CsvRowWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvRowWriter.field("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvRowWriter.field("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvRowWriter.field("")).isEmpty();
        assertThat(CsvRowWriter.field(null)).isEmpty();
    }

    @Test
    void numbersBooleansAndEnumsAreWrittenAsThemselves() {
        assertThat(CsvRowWriter.field(-3)).isEqualTo("-3");
        assertThat(CsvRowWriter.field(-2.5)).isEqualTo("-2.5");
        assertThat(CsvRowWriter.field(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CsvRowWriter.field(true)).isEqualTo("true");
        assertThat(CsvRowWriter.field(Programme.CHANGE_GROUP)).isEqualTo("CHANGE_GROUP");
        assertThat(CsvRowWriter.field(YearMonth.of(2026, 3))).isEqualTo("2026-03");
        assertThatThrownBy(() -> CsvRowWriter.field(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCsvHasAHeaderAndCrlfLineEnds() {
        StringWriter out = new StringWriter();
        try (CsvRowWriter csv = new CsvRowWriter(out, List.of("pseudonym", "=area", "harmChange"))) {
            csv.writeRowOf("psn_0000000000000000000aa", "Riverton, North", -4);
            csv.writeRow(Arrays.asList("psn_0000000000000000000ab", null, 0));
            assertThat(csv.rowsWritten()).isEqualTo(2);
        }

        assertThat(out.toString())
                .isEqualTo("pseudonym,'=area,harmChange\r\n"
                        + "psn_0000000000000000000aa,\"Riverton, North\",-4\r\n"
                        + "psn_0000000000000000000ab,,0\r\n");
    }

    @Test
    void eachCsvRowReachesTheDestinationBeforeTheNextIsGiven() {
        StringWriter out = new StringWriter();
        CsvRowWriter csv = new CsvRowWriter(out, List.of("n"));
        for (int i = 0; i < 1000; i++) {
            csv.writeRowOf(i);
            // nothing is kept back: the row is already out
            assertThat(out.getBuffer().length()).isEqualTo(3 + lengthOfRowsUpTo(i));
        }
        csv.close();
    }

    private static int lengthOfRowsUpTo(int last) {
        int length = 0;
        for (int i = 0; i <= last; i++) {
            length += Integer.toString(i).length() + 2;
        }
        return length;
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefusedAndAFinishedCsvTakesNoMore() {
        CsvRowWriter csv = new CsvRowWriter(new StringWriter(), List.of("a", "b"));

        assertThatThrownBy(() -> csv.writeRowOf("only one")).isInstanceOf(IllegalArgumentException.class);
        csv.finish();
        assertThatThrownBy(() -> csv.writeRowOf("a", "b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingDestinationSurfacesAsUncheckedIo() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("client gone");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        assertThatThrownBy(() -> new CsvRowWriter(broken, List.of("a"))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void csvToAStreamIsUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvRowWriter csv = CsvRowWriter.utf8(bytes, List.of("area"))) {
            csv.writeRowOf("Ynys Môn");
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("area\r\nYnys Môn\r\n");
    }

    // ---- JSON ----

    @Test
    void jsonIsAnArrayOfOneObjectPerRowWithTypedValues() {
        StringWriter out = new StringWriter();
        try (JsonRowWriter json =
                new JsonRowWriter(out, List.of("pseudonym", "harmChange", "mandated", "note", "programme"))) {
            json.writeRowOf("psn_0000000000000000000aa", -4, true, null, Programme.ONE_TO_ONE);
            json.writeRowOf("quote \" and\nline", new BigDecimal("2.50"), false, "=1+1", Programme.CHANGE_GROUP);
        }

        assertThat(out.toString())
                .isEqualTo("[{\"pseudonym\":\"psn_0000000000000000000aa\",\"harmChange\":-4,"
                        + "\"mandated\":true,\"note\":null,\"programme\":\"ONE_TO_ONE\"},"
                        + "{\"pseudonym\":\"quote \\\" and\\nline\",\"harmChange\":2.50,\"mandated\":false,\"note\":\"=1+1\","
                        + "\"programme\":\"CHANGE_GROUP\"}]");
        JsonNode parsed = JsonMapper.builder().build().readTree(out.toString());
        assertThat(parsed.size()).isEqualTo(2);
        assertThat(parsed.get(1).get("pseudonym").asString()).isEqualTo("quote \" and\nline");
    }

    @Test
    void anEmptyJsonExtractIsAnEmptyArray() {
        StringWriter out = new StringWriter();
        new JsonRowWriter(out, List.of("a")).close();

        assertThat(out.toString()).isEqualTo("[]");
    }

    @Test
    void eachJsonRowReachesTheDestinationWhenFlushedWithoutWaitingForTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonRowWriter json = JsonRowWriter.utf8(bytes, List.of("n"));
        json.writeRowOf(1);
        json.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[{\"n\":1}");
        json.writeRowOf(2);
        json.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[{\"n\":1},{\"n\":2}]");
    }

    @Test
    void jsonRefusesWhatItCannotWriteWithoutWritingHalfARow() {
        StringWriter out = new StringWriter();
        JsonRowWriter json = new JsonRowWriter(out, List.of("a", "b"));

        assertThatThrownBy(() -> json.writeRowOf(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.writeRowOf(1)).isInstanceOf(IllegalArgumentException.class);
        json.writeRowOf(1, 2.5);
        json.close();
        assertThat(out.toString()).isEqualTo("[{\"a\":1,\"b\":2.5}]");
        assertThatThrownBy(() -> new JsonRowWriter(new StringWriter(), List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- columns of a labelled row type ----

    @Test
    void anExtractRowFlattensToDottedColumnsInDeclarationOrder() {
        ExportColumns<ExtractRow> columns = ExportColumns.of(ExtractRow.class);

        assertThat(columns.names())
                .containsExactly(
                        "pseudonym",
                        "quasi.ageBand",
                        "quasi.sex",
                        "quasi.area",
                        "quasi.period",
                        "quasi.programmeCode",
                        "quasi.referralSource",
                        "quasi.mandated",
                        "quasi.routingDecision",
                        "programme",
                        "mandated",
                        "outcome.harmBefore",
                        "outcome.harmAfter",
                        "decided");
        assertThat(columns.labels()).startsWith(SAFE, SensitivityLabel.QUASI_IDENTIFIER);
    }

    @Test
    void rowsAreWrittenThroughTheColumnsAndANullNestedRecordGivesEmptyCells() {
        ExportColumns<ExtractRow> columns = ExportColumns.of(ExtractRow.class);
        StringWriter out = new StringWriter();
        try (CsvRowWriter csv = new CsvRowWriter(out, columns.names())) {
            columns.write(
                    csv,
                    new ExtractRow(
                            "psn_0000000000000000000aa",
                            new ReleasedQuasiIdentifiers("28-37", "MALE", "RIVERTON", "2026-Q1"),
                            Programme.CHANGE_GROUP,
                            true,
                            new Outcome(40, 12),
                            YearMonth.of(2026, 2)));
            columns.write(
                    csv,
                    new ExtractRow(
                            "psn_0000000000000000000ab",
                            new ReleasedQuasiIdentifiers("*", "*", "ALL", "2026"),
                            Programme.ONE_TO_ONE,
                            false,
                            null,
                            null));
        }

        assertThat(out.toString().split("\r\n"))
                .containsExactly(
                        String.join(",", columns.names()),
                        "psn_0000000000000000000aa,28-37,MALE,RIVERTON,2026-Q1,UNKNOWN,UNKNOWN,UNKNOWN,UNKNOWN,CHANGE_GROUP,"
                                + "true,40,12,2026-02",
                        "psn_0000000000000000000ab,*,*,ALL,2026,UNKNOWN,UNKNOWN,UNKNOWN,UNKNOWN,ONE_TO_ONE,false,,,");
    }

    @Test
    void columnsAreRefusedForIdentifiersDaysListsAndOptionals() {
        assertThatThrownBy(() -> ExportColumns.of(RowWithCaseId.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("caseId is DIRECT_IDENTIFIER");
        assertThatThrownBy(() -> ExportColumns.of(RowWithADay.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("decidedOn is a LocalDate");
        assertThatThrownBy(() -> ExportColumns.of(RowWithAList.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("categories is a List");
        assertThatThrownBy(() -> ExportColumns.of(RowWithOptional.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("outcome.harmBefore is inside a list, map or optional");
    }

    @Test
    void aQuasiIdentifierThatDidNotComeFromTheKAnonymityPlanIsRefused() {
        assertThatThrownBy(() -> ExportColumns.of(RowWithItsOwnAgeBand.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("ageBand is a quasi-identifier outside ReleasedQuasiIdentifiers");
    }
}
