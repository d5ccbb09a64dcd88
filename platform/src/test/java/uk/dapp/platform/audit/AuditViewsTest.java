package uk.dapp.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.dapp.platform.api.model.AuditActionDto;
import uk.dapp.platform.api.model.AuditRecordDto;
import uk.dapp.platform.api.model.AuditRecordPageDto;
import uk.dapp.platform.api.model.UnusualAccessDto;
import uk.dapp.platform.api.model.UnusualAccessReportDto;
import uk.dapp.platform.api.model.UnusualAccessRuleDto;
import uk.dapp.platform.audit.unusual.BulkReads;
import uk.dapp.platform.audit.unusual.RestrictedResources;
import uk.dapp.platform.audit.views.AuditViews;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.store.EmbeddedMongoStore;

/** The audit views over the embedded store: filters, order, paging, their own audit, old records, the rules wired. */
class AuditViewsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Path folder;
    private static EmbeddedMongoStore store;
    private static MongoClient client;
    private static MongoTemplate mongo;

    private AuditWriter writer;
    private AuditViews views;

    @BeforeAll
    static void startStore() throws Exception {
        folder = Files.createTempDirectory("audit-views-test");
        store = new EmbeddedMongoStore(folder, 0);
        client = MongoClients.create(store.connectionString("audit"));
        mongo = new MongoTemplate(client, "audit");
    }

    @AfterAll
    static void stopStore() throws Exception {
        client.close();
        store.close();
    }

    @BeforeEach
    void emptyLogAndAnAdmin() {
        mongo.remove(new Query(), AuditRecord.COLLECTION);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        writer = new AuditWriter(mongo, clock);
        views = new AuditViews(
                new AuditQueries(mongo),
                writer,
                List.of(new RestrictedResources(Set.of("safe-contact"), Set.of("partner-support-worker"))),
                new BulkReads(2, Duration.ofHours(1)),
                clock);
        actAs("audit-admin", "admin");
    }

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    private static void actAs(String username, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(username, null, "ROLE_" + role));
    }

    @Test
    void aListReadIsFoundUnderEachCaseItReturnedAndCountsAsABulkRead() {
        String first = newCase();
        String second = newCase();
        String third = newCase();
        actAs("list-reader", "offender-manager");
        writer.recordList(AuditAction.SEARCH, "nominal", List.of(first, second, third, second), "name=quig");
        writer.recordList(AuditAction.SEARCH, "nominal", List.of(), "name=nobody");
        actAs("audit-admin", "admin");

        AuditRecordPageDto ofSecond = views.page(second, "list-reader", AuditActionDto.SEARCH, null, null, 0, 50);
        assertThat(ofSecond.getItems()).singleElement().satisfies(record -> {
            assertThat(record.getUsername()).isEqualTo("list-reader");
            assertThat(record.getQuery()).isEqualTo("name=quig");
            assertThat(record.getResourceType()).isEqualTo("nominal");
        });
        AuditRecordPageDto byReader = views.page(null, "list-reader", null, null, null, 0, 50);
        assertThat(byReader.getItems()).hasSize(4);
        assertThat(byReader.getItems())
                .filteredOn(record -> record.getCaseId() == null)
                .singleElement()
                .satisfies(record -> assertThat(record.getQuery()).isEqualTo("name=nobody"));

        UnusualAccessReportDto report = views.unusual(utc(NOW.minusSeconds(60)), utc(NOW.plusSeconds(1)), 10);
        assertThat(report.getItems())
                .filteredOn(f -> f.getRule() == UnusualAccessRuleDto.BULK_READ)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getUsername()).isEqualTo("list-reader");
                    assertThat(f.getDistinctCases()).isEqualTo(3);
                });
    }

    @Test
    void listsAuditedInOneBatchLeaveTheRecordsEachListWouldAlone() {
        String first = newCase();
        String second = newCase();
        actAs("start-page-reader", "offender-manager");
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("awaitingDecision", List.of(first, second, first));
        lists.put("disruptionTasks", List.of(second));
        lists.put("cohortChanges", List.of());
        writer.recordLists(AuditAction.SEARCH, "my-work", lists);

        assertThat(mongo.findAll(AuditRecord.class))
                .extracting(AuditRecord::caseId, AuditRecord::query, AuditRecord::resourceType, AuditRecord::username)
                .containsExactlyInAnyOrder(
                        tuple(first, "awaitingDecision", "my-work", "start-page-reader"),
                        tuple(second, "awaitingDecision", "my-work", "start-page-reader"),
                        tuple(second, "disruptionTasks", "my-work", "start-page-reader"),
                        tuple(null, "cohortChanges", "my-work", "start-page-reader"));
    }

    @Test
    void aVeryLongQueryIsCutToTheContractsLimit() {
        actAs("list-reader", "facilitator");
        writer.recordList(AuditAction.SEARCH, "participant", List.of(), "q".repeat(AuditWriter.QUERY_LENGTH + 50));

        assertThat(mongo.findAll(AuditRecord.class))
                .singleElement()
                .satisfies(record -> assertThat(record.query()).hasSize(AuditWriter.QUERY_LENGTH));
    }

    private static String newCase() {
        return CaseId.generate(RANDOM).value();
    }

    private static void stored(
            String id,
            Instant at,
            String user,
            String role,
            AuditAction action,
            String caseId,
            String resourceType,
            String reason) {
        mongo.insert(new AuditRecord(
                id,
                at,
                "sub-" + user,
                user,
                List.of(role),
                caseId,
                action,
                resourceType,
                caseId,
                reason,
                "corr-" + id,
                null));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Test
    void theLogIsFilteredByCaseUserActionAndTimeNewestFirstAndTheViewIsAuditedWithTheCase() {
        String theCase = newCase();
        String otherCase = newCase();
        stored("a", NOW.minusSeconds(300), "om-1", "offender-manager", AuditAction.READ, theCase, "nominal", null);
        stored("b", NOW.minusSeconds(200), "om-1", "offender-manager", AuditAction.UPDATE, theCase, "nominal", null);
        stored("c", NOW.minusSeconds(100), "fac-1", "facilitator", AuditAction.READ, theCase, "case-summary", null);
        stored("d", NOW.minusSeconds(50), "om-1", "offender-manager", AuditAction.READ, otherCase, "nominal", null);

        // a spelling in lower case without hyphens finds the canonical one
        String spelt = theCase.replace("-", "").toLowerCase();
        AuditRecordPageDto ofCase = views.page(spelt, null, null, null, null, 0, 50);
        // the view's own record (newest, at NOW) comes first
        assertThat(ofCase.getItems())
                .extracting(AuditRecordDto::getResourceType)
                .containsExactly(AuditViews.RESOURCE, "case-summary", "nominal", "nominal");
        AuditRecordDto own = ofCase.getItems().getFirst();
        assertThat(own.getUsername()).isEqualTo("audit-admin");
        assertThat(own.getAction()).isEqualTo(AuditActionDto.SEARCH);
        assertThat(own.getCaseId()).isEqualTo(theCase);

        assertThat(views.page(theCase, "om-1", null, null, null, 0, 50).getItems())
                .extracting(AuditRecordDto::getId)
                .containsExactly("b", "a");
        assertThat(views.page(null, "sub-om-1", AuditActionDto.READ, null, null, 0, 50)
                        .getItems())
                .extracting(AuditRecordDto::getId)
                .containsExactly("d", "a");
        assertThat(views.page(null, null, null, utc(NOW.minusSeconds(200)), utc(NOW.minusSeconds(50)), 0, 50)
                        .getItems())
                .extracting(AuditRecordDto::getId)
                .containsExactly("c", "b");
    }

    @Test
    void pagesDoNotOverlapAndCountEverything() {
        String theCase = newCase();
        for (int i = 0; i < 5; i++) {
            // two records share each instant: the ID breaks the tie
            stored(
                    "p" + i,
                    NOW.minusSeconds(100 - i / 2),
                    "om-2",
                    "offender-manager",
                    AuditAction.READ,
                    theCase,
                    "nominal",
                    null);
        }
        AuditRecordPageDto first = views.page(null, "om-2", null, null, null, 0, 2);
        AuditRecordPageDto second = views.page(null, "om-2", null, null, null, 1, 2);
        AuditRecordPageDto third = views.page(null, "om-2", null, null, null, 2, 2);
        assertThat(first.getTotalItems()).isEqualTo(5);
        assertThat(first.getTotalPages()).isEqualTo(3);
        assertThat(first.getItems()).extracting(AuditRecordDto::getId).containsExactly("p4", "p3");
        assertThat(second.getItems()).extracting(AuditRecordDto::getId).containsExactly("p2", "p1");
        assertThat(third.getItems()).extracting(AuditRecordDto::getId).containsExactly("p0");
    }

    @Test
    void aMistypedCaseIdOrAnEmptyTimeRangeIsRefusedBeforeAnythingIsRead() {
        String theCase = newCase();
        String mistyped = theCase.substring(0, 17) + (theCase.endsWith("A") ? "B" : "A");
        assertThatThrownBy(() -> views.page(mistyped, null, null, null, null, 0, 10))
                .isInstanceOf(InvalidCaseIdException.class);
        assertThatThrownBy(() -> views.page(null, null, null, utc(NOW), utc(NOW), 0, 10))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("from"));
        assertThat(mongo.count(new Query(), AuditRecord.COLLECTION)).isZero();
    }

    @Test
    void recordsWrittenBeforeAFieldExistedAreStillShown() {
        String theCase = newCase();
        // as an early version stored it: no roles, no reason, no correlation ID
        mongo.insert(
                new Document("_id", "old-1")
                        .append("at", java.util.Date.from(NOW.minusSeconds(3600)))
                        .append("userId", "sub-old")
                        .append("username", "old-user")
                        .append("caseId", theCase)
                        .append("action", "READ")
                        .append("resourceType", "nominal"),
                AuditRecord.COLLECTION);
        AuditRecordDto old = views.page(theCase, "old-user", null, null, null, 0, 10)
                .getItems()
                .getFirst();
        assertThat(old.getId()).isEqualTo("old-1");
        assertThat(old.getRoles()).isEmpty();
        assertThat(old.getReason()).isNull();
        assertThat(views.trail(CaseId.parse(theCase), r -> true))
                .extracting(AuditRecordDto::getId)
                .startsWith("old-1");
    }

    @Test
    void theTrailOfACaseIsEveryRecordAboutItOldestFirst() {
        String theCase = newCase();
        stored("t2", NOW.minusSeconds(10), "om-3", "offender-manager", AuditAction.UPDATE, theCase, "nominal", null);
        stored("t1", NOW.minusSeconds(20), "om-3", "offender-manager", AuditAction.CREATE, theCase, "nominal", null);
        stored("x", NOW.minusSeconds(15), "om-3", "offender-manager", AuditAction.READ, newCase(), "nominal", null);
        assertThat(views.trail(CaseId.parse(theCase), r -> true))
                .extracting(AuditRecordDto::getId)
                .containsExactly("t1", "t2");
        assertThat(views.trail(CaseId.parse(theCase), r -> r.action() != AuditAction.CREATE))
                .extracting(AuditRecordDto::getId)
                .containsExactly("t2");
    }

    @Test
    void theUnusualReportAppliesEveryRuleInTheWindowAndIsAudited() {
        String theCase = newCase();
        Instant earlier = NOW.minus(Duration.ofHours(2));
        stored("u1", earlier, "fac-9", "facilitator", AuditAction.READ, theCase, "safe-contact", null);
        stored("u2", earlier.plusSeconds(1), "adm-9", "admin", AuditAction.READ, theCase, "nominal", "court order 77");
        for (int i = 0; i < 3; i++) {
            stored(
                    "u3-" + i,
                    earlier.plusSeconds(10 + i),
                    "om-9",
                    "offender-manager",
                    AuditAction.SEARCH,
                    newCase(),
                    "nominal",
                    null);
        }
        // outside the default 24 hours
        stored("u4", NOW.minus(Duration.ofDays(2)), "adm-9", "admin", AuditAction.READ, theCase, "nominal", "old");

        UnusualAccessReportDto report = views.unusual(null, null, 100);
        assertThat(report.getFrom()).isEqualTo(utc(NOW.minus(Duration.ofHours(24))));
        assertThat(report.getTo()).isEqualTo(utc(NOW));
        assertThat(report.getBulkThreshold()).isEqualTo(2);
        assertThat(report.getBulkWindow()).isEqualTo("PT1H");
        assertThat(report.getTruncated()).isFalse();
        assertThat(report.getItems())
                .extracting(UnusualAccessDto::getRule)
                .containsExactly(
                        UnusualAccessRuleDto.RESTRICTED_RESOURCE_READ,
                        UnusualAccessRuleDto.ADMIN_CASEWORK_READ,
                        UnusualAccessRuleDto.BULK_READ);
        assertThat(report.getItems().get(0).getAuditRecordId()).isEqualTo("u1");
        assertThat(report.getItems().get(1).getReason()).isEqualTo("court order 77");
        assertThat(report.getItems().get(2).getDistinctCases()).isEqualTo(3);
        assertThat(report.getItems().get(2).getUsername()).isEqualTo("om-9");
        assertThat(mongo.find(
                        Query.query(org.springframework.data.mongodb.core.query.Criteria.where("resourceType")
                                .is(AuditViews.RESOURCE)),
                        AuditRecord.class))
                .singleElement()
                .satisfies(own -> assertThat(own.username()).isEqualTo("audit-admin"));

        UnusualAccessReportDto older =
                views.unusual(utc(NOW.minus(Duration.ofDays(3))), utc(NOW.minus(Duration.ofDays(1))), 100);
        assertThat(older.getItems())
                .extracting(UnusualAccessDto::getAuditRecordId)
                .containsExactly("u4");
    }

    @Test
    void theUnusualReportRefusesAWindowBackwardsOrLongerThanAMonth() {
        assertThatThrownBy(() -> views.unusual(utc(NOW), utc(NOW.minusSeconds(1)), 10))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("from");
                    assertThat(e.violations().getFirst().rule()).isEqualTo("Before");
                });
        assertThatThrownBy(() -> views.unusual(utc(NOW.minus(Duration.ofDays(32))), utc(NOW), 10))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("to");
                    assertThat(e.violations().getFirst().rule()).isEqualTo("MaxWindow");
                });
        assertThat(views.unusual(utc(NOW.minus(Duration.ofDays(31))), utc(NOW), 10)
                        .getItems())
                .isEmpty();
    }
}
