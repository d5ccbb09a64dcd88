package uk.dapp.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.json.JsonMapper;

/** Each reading rule of {@link StrictJson}, on a type shaped like the generated request models. */
class StrictJsonTest {

    enum Scope {
        PROGRAMME,
        POLICE,
        CHILDRENS_SERVICES
    }

    /** Like a generated model: annotations on the getters, a default constructor, setters. */
    static class Item {
        private String code;

        @Size(max = 5)
        @JsonProperty("code")
        public String getCode() {
            return code;
        }

        @JsonProperty("code")
        public void setCode(String code) {
            this.code = code;
        }
    }

    static class Model {
        private List<Item> items = new ArrayList<>();
        private Set<Scope> scopes = new LinkedHashSet<>();
        private List<String> notes = new ArrayList<>();
        private List<String> unbounded = new ArrayList<>();
        private LocalDate date;
        private OffsetDateTime at;
        private Integer count;
        private Boolean flag;
        private String text;
        private JsonNullable<String> optional = JsonNullable.undefined();

        @Size(min = 1, max = 3)
        @JsonProperty("items")
        public List<Item> getItems() {
            return items;
        }

        @JsonProperty("items")
        public void setItems(List<Item> items) {
            this.items = items;
        }

        @Size(max = 2)
        @JsonProperty("scopes")
        public Set<Scope> getScopes() {
            return scopes;
        }

        @JsonProperty("scopes")
        public void setScopes(Set<Scope> scopes) {
            this.scopes = scopes;
        }

        @Size(max = 2)
        @JsonProperty("notes")
        public List<String> getNotes() {
            return notes;
        }

        @JsonProperty("notes")
        public void setNotes(List<String> notes) {
            this.notes = notes;
        }

        @JsonProperty("unbounded")
        public List<String> getUnbounded() {
            return unbounded;
        }

        @JsonProperty("unbounded")
        public void setUnbounded(List<String> unbounded) {
            this.unbounded = unbounded;
        }

        @JsonProperty("date")
        public LocalDate getDate() {
            return date;
        }

        @JsonProperty("date")
        public void setDate(LocalDate date) {
            this.date = date;
        }

        @JsonProperty("at")
        public OffsetDateTime getAt() {
            return at;
        }

        @JsonProperty("at")
        public void setAt(OffsetDateTime at) {
            this.at = at;
        }

        @JsonProperty("count")
        public Integer getCount() {
            return count;
        }

        @JsonProperty("count")
        public void setCount(Integer count) {
            this.count = count;
        }

        @JsonProperty("flag")
        public Boolean getFlag() {
            return flag;
        }

        @JsonProperty("flag")
        public void setFlag(Boolean flag) {
            this.flag = flag;
        }

        @JsonProperty("text")
        public String getText() {
            return text;
        }

        @JsonProperty("text")
        public void setText(String text) {
            this.text = text;
        }

        @JsonProperty("optional")
        public JsonNullable<String> getOptional() {
            return optional;
        }

        @JsonProperty("optional")
        public void setOptional(JsonNullable<String> optional) {
            this.optional = optional;
        }
    }

    private final JsonMapper json = StrictJson.mapper()
            .rebuild()
            .addModule(new JsonNullableJackson3Module())
            .build();

    private Model read(String body) {
        return json.readValue(body, Model.class);
    }

    private static String path(JacksonException e) {
        return ((DatabindException) e).getPathReference();
    }

    @Test
    void aValidBodyIsReadAsItWas() {
        Model model = read("""
                {"items":[{"code":"A"},{"code":"B"}],"scopes":["POLICE","PROGRAMME"],"notes":["x\\ty\\nz"],
                 "date":"2026-03-14","at":"2026-03-14T09:30:00Z","count":3,"flag":true,"text":"t","optional":null}""");
        assertThat(model.getItems()).extracting(Item::getCode).containsExactly("A", "B");
        assertThat(model.getScopes()).containsExactly(Scope.POLICE, Scope.PROGRAMME);
        assertThat(model.getNotes()).containsExactly("x\ty\nz");
        assertThat(model.getDate()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(model.getOptional().isPresent()).isTrue();
        assertThat(model.getOptional().get()).isNull();
    }

    @Test
    void anArrayIsRefusedAtTheFirstItemPastItsMaximumWhileBeingRead() {
        StringBuilder many = new StringBuilder("{\"notes\":[");
        for (int i = 0; i < 100_000; i++) {
            many.append(i == 0 ? "" : ",").append("\"n\"");
        }
        many.append("]}");
        assertThatThrownBy(() -> read(many.toString())).isInstanceOfSatisfying(JsonRuleException.class, e -> {
            assertThat(e.rule()).isEqualTo("Size");
            assertThat(e.ruleMessage()).isEqualTo("at most 2 items");
            assertThat(e.aboutContainer()).isTrue();
            assertThat(e.getPath()).hasSize(2);
            assertThat(e.getPath().get(0).getPropertyName()).isEqualTo("notes");
            assertThat(e.getPath().get(1).getIndex()).isEqualTo(2);
        });
        assertThatThrownBy(() -> read("{\"items\":[{},{},{},{}]}")).isInstanceOf(JsonRuleException.class);
    }

    @Test
    void anArrayWithoutAStatedMaximumHasTheDefaultOne() {
        String ok = "{\"unbounded\":[" + "\"u\",".repeat(StrictJson.DEFAULT_MAX_ITEMS - 1) + "\"u\"]}";
        assertThat(read(ok).getUnbounded()).hasSize(StrictJson.DEFAULT_MAX_ITEMS);
        String tooMany = "{\"unbounded\":[" + "\"u\",".repeat(StrictJson.DEFAULT_MAX_ITEMS) + "\"u\"]}";
        assertThatThrownBy(() -> read(tooMany)).isInstanceOf(JsonRuleException.class);
        String rootArray = "[" + "\"u\",".repeat(StrictJson.DEFAULT_MAX_ITEMS) + "\"u\"]";
        assertThatThrownBy(() -> json.readValue(rootArray, List.class)).isInstanceOf(JsonRuleException.class);
    }

    @Test
    void aRepeatedItemOfASetIsRefusedNotDropped() {
        assertThatThrownBy(() -> read("{\"scopes\":[\"POLICE\",\"POLICE\"]}"))
                .isInstanceOfSatisfying(JsonRuleException.class, e -> {
                    assertThat(e.rule()).isEqualTo("UniqueItems");
                    assertThat(path(e)).contains("scopes").contains("[1]");
                });
        // 100,000 copies of one scope: refused at the second, long before the maximum counts
        String copies = "{\"scopes\":[" + "\"POLICE\",".repeat(99_999) + "\"POLICE\"]}";
        assertThatThrownBy(() -> read(copies))
                .isInstanceOfSatisfying(
                        JsonRuleException.class, e -> assertThat(e.rule()).isEqualTo("UniqueItems"));
    }

    @Test
    void aNullItemIsRefusedWithItsIndex() {
        for (String body : List.of(
                "{\"items\":[null]}", "{\"scopes\":[null]}", "{\"notes\":[\"a\",null]}", "{\"unbounded\":[null]}")) {
            assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(InvalidNullException.class);
        }
        assertThatThrownBy(() -> read("{\"notes\":[\"a\",null]}"))
                .satisfies(e ->
                        assertThat(path((JacksonException) e)).contains("notes").contains("[1]"));
    }

    @Test
    void aDateOrTimeIsAStringAndNothingElse() {
        for (String body : List.of(
                "{\"date\":12345}",
                "{\"date\":[2026,3,14]}",
                "{\"at\":12345}",
                "{\"at\":1.5}",
                "{\"date\":true}",
                "{\"at\":{}}")) {
            assertThatThrownBy(() -> read(body))
                    .as(body)
                    .isInstanceOfSatisfying(
                            JsonRuleException.class, e -> assertThat(e.rule()).isEqualTo("Type"));
        }
    }

    @Test
    void scalarsAreNotCoerced() {
        for (String body : List.of(
                "{\"text\":12345}",
                "{\"text\":1.5}",
                "{\"text\":true}",
                "{\"count\":\"3\"}",
                "{\"count\":1.5}",
                "{\"count\":3.0}",
                "{\"count\":true}",
                "{\"flag\":\"true\"}",
                "{\"flag\":1}",
                "{\"scopes\":[0]}",
                "{\"scopes\":[\"police\"]}",
                "{\"scopes\":[\"\"]}",
                "{\"items\":\"\"}",
                "{\"items\":{\"code\":\"A\"}}",
                "{\"notes\":\"a\"}",
                "{\"items\":[\"A\"]}",
                "{\"count\":99999999999999999999}")) {
            assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreRefusedInEveryString() {
        for (String body : List.of(
                "{\"text\":\"a\\u0000b\"}",
                "{\"notes\":[\"\\u001b[2J\"]}",
                "{\"items\":[{\"code\":\"\\u0007\"}]}",
                "{\"optional\":\"\\u0085\"}",
                "{\"text\":\"\\u007f\"}")) {
            assertThatThrownBy(() -> read(body))
                    .as(body)
                    .isInstanceOfSatisfying(
                            JsonRuleException.class, e -> assertThat(e.rule()).isEqualTo("ControlCharacter"));
        }
        assertThat(read("{\"text\":\"line one\\r\\nline two\\tend\"}").getText())
                .isEqualTo("line one\r\nline two\tend");
    }

    @Test
    void repeatedKeysTrailingTokensAndDeepNestingAreRefused() {
        assertThatThrownBy(() -> read("{\"text\":\"a\",\"text\":\"b\"}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read("{\"text\":\"a\"} {}")).isInstanceOf(JacksonException.class);
        String deep = "{\"text\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(JacksonException.class);
    }
}
