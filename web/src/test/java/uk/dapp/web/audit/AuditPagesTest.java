package uk.dapp.web.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.web.GatewayResponses.refusal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * The admin's audit records against the gateway (WireMock): the filters go to the chosen service's
 * log as its API names them (dates as whole UK days), the unusual-access report of the same window
 * marks the records it names, and a report the service will not make for a long window leaves the
 * records shown and says why.
 */
class AuditPagesTest extends WebTest {

    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJG";

    private static final String RECORDS = """
            {"items":[
              {"id":"r1","at":"2026-11-20T10:00:00Z","userId":"admin-sub","username":"demo-admin","roles":["admin"],
               "caseId":"%1$s","action":"READ","resourceType":"subject-access","reason":"SAR 2026/0042, identity checked"},
              {"id":"r2","at":"2026-11-20T09:30:00Z","userId":"fac-sub","username":"demo-facilitator","roles":["facilitator"],
               "caseId":"%1$s","action":"READ","resourceType":"referral","query":"status=OPEN"},
              {"id":"r3","at":"2026-11-19T09:00:00Z","userId":"fac-sub","username":"demo-facilitator","roles":["facilitator"],
               "caseId":"%1$s","action":"UPDATE","resourceType":"referral"}],
             "page":1,"size":50,"totalItems":103,"totalPages":3}""".formatted(CASE);
    private static final String UNUSUAL = """
            {"from":"2026-10-31T23:59:00Z","to":"2026-11-30T23:59:00Z","bulkThreshold":50,"bulkWindow":"PT1H","truncated":false,
             "items":[
              {"rule":"ADMIN_CASEWORK_READ","userId":"admin-sub","username":"demo-admin","roles":["admin"],
               "firstAt":"2026-11-20T10:00:00Z","lastAt":"2026-11-20T10:00:00Z","accesses":1,"auditRecordId":"r1",
               "caseId":"%1$s","resourceType":"subject-access","reason":"SAR 2026/0042, identity checked"},
              {"rule":"BULK_READ","userId":"fac-sub","username":"demo-facilitator","roles":["facilitator"],
               "firstAt":"2026-11-20T09:10:00Z","lastAt":"2026-11-20T09:50:00Z","accesses":60,"distinctCases":55}]}""".formatted(CASE);

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get(path).with(user("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theFiltersGoToTheChosenServicesLogAndItsUnusualAccessesAreMarkedOnTheRecords() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/audit-records")).willReturn(okJson(RECORDS)));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/audit-records/unusual")).willReturn(okJson(UNUSUAL)));

        Document page = page("/audit?service=PROGRAMME&user=demo-admin&caseId=" + CASE + "&action=READ"
                + "&from.day=1&from.month=7&from.year=2026&to.day=30&to.month=7&to.year=2026&page=1");

        // whole UK days: 1 July starts at 23:00 UTC the day before (summer time); the end of 30 July is 31 July's start
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/programme/audit-records"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN))
                .withQueryParam("caseId", equalTo(CASE))
                .withQueryParam("user", equalTo("demo-admin"))
                .withQueryParam("action", equalTo("READ"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("50"))
                .withQueryParam(
                        "from",
                        matching(
                                "2026-06-30T23:00(:00)?(Z|\\+01:00|%2B01:00)?.*|2026-07-01T00:00(:00)?(\\+01:00|%2B01:00)"))
                .withQueryParam("to", matching("2026-07-30T23:00(:00)?Z|2026-07-31T00:00(:00)?(\\+01:00|%2B01:00)")));
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/programme/audit-records/unusual"))
                .withQueryParam("limit", equalTo("200"))
                .withQueryParam("from", matching(".+")));
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/risk-matrix/audit-records")));

        assertThat(page.selectFirst("h2#records").text()).isEqualTo("103 records in the programme service");
        var admin = page.selectFirst("tr[data-record=r1]");
        assertThat(admin.hasClass("dapp-audit__row--unusual")).isTrue();
        assertThat(admin.select(".govuk-tag").text()).isEqualTo("Unusual: An admin read casework");
        assertThat(admin.text()).contains("SAR 2026/0042, identity checked").contains(CASE);
        var bulk = page.selectFirst("tr[data-record=r2]");
        assertThat(bulk.select(".govuk-tag").text())
                .as("a read within the bulk read's burst, by its user")
                .isEqualTo("Unusual: Many cases read in a short time");
        var ordinary = page.selectFirst("tr[data-record=r3]");
        assertThat(ordinary.hasClass("dapp-audit__row--unusual")).isFalse();
        assertThat(ordinary.select(".govuk-tag")).isEmpty();

        var findings = page.select("table.dapp-unusual tbody tr");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).text())
                .contains("An admin read casework")
                .contains("demo-admin")
                .contains(CASE);
        assertThat(findings.get(1).text())
                .contains("Many cases read in a short time")
                .contains("60 reads of 55 cases");
        assertThat(page.text()).contains("more than 50 cases read by one person within 1 hour");
        // the case's link keeps to the service's log
        assertThat(findings.get(0).selectFirst("a[href*=caseId]").attr("href"))
                .isEqualTo("/audit?service=PROGRAMME&caseId=" + CASE);
        // pages keep the filters
        assertThat(page.selectFirst(".govuk-pagination__next a").attr("href"))
                .contains("service=PROGRAMME")
                .contains("caseId=" + CASE)
                .contains("page=2");
        assertThat(page.selectFirst(".govuk-pagination__item--current").text()).isEqualTo("2");
        assertThat(page.selectFirst("input[name=service][checked]").val()).isEqualTo("PROGRAMME");
    }

    @Test
    void aWindowTooLongForTheUnusualAccessReportStillShowsTheRecordsAndSaysWhy() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/audit-records")).willReturn(okJson(RECORDS)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/audit-records/unusual"))
                .willReturn(refusal("to", "MaxWindow", "the window may be at most 31 days long")));

        Document page = page("/audit?from.day=1&from.month=1&from.year=2026&to.day=30&to.month=11&to.year=2026");

        assertThat(page.select("tr[data-record]")).hasSize(3);
        assertThat(page.select("tr.dapp-audit__row--unusual")).isEmpty();
        assertThat(page.selectFirst("#unusual + .govuk-inset-text").text())
                .contains("the window may be at most 31 days long")
                .contains("Choose dates closer together");
        assertThat(page.select(".govuk-error-summary")).isEmpty();
    }

    @Test
    void aDateThatIsNotADateIsSaidBesideItAndNothingIsAsked() throws Exception {
        Document page = page("/audit?from.day=31&from.month=2&from.year=2026");
        assertThat(page.title()).startsWith("Error: Audit records");
        assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly("Enter a real date");
        assertThat(page.selectFirst(".govuk-error-summary__list a").attr("href"))
                .isEqualTo("#from");
        assertThat(page.selectFirst("#from-error").text()).contains("Enter a real date");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/risk-matrix/audit-records")));
    }

    @Test
    void aMistypedCaseIdIsTheServicesRefusalBesideTheField() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/audit-records"))
                .willReturn(refusal("caseId", "CaseIdCheck", "the case ID's check character does not match")));
        Document page = page("/audit?caseId=7KQM4X-ZP9RTD-2HBWJ6");
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Check the case ID: a character is mistyped (its last character does not match)");
        assertThat(page.selectFirst("#caseId").val()).isEqualTo("7KQM4X-ZP9RTD-2HBWJ6");
    }
}
