package uk.dapp.partnersupport.track;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads bank holidays in the format GOV.UK publishes them (https://www.gov.uk/bank-holidays.json):
 * one object per division, keyed {@code england-and-wales}, {@code scotland},
 * {@code northern-ireland}, each with its {@code events} (title, ISO date, notes, bunting). Only
 * the dates are used. Data that lacks a division or has an unreadable date is refused whole.
 */
public final class GovUkBankHolidays {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GovUkBankHolidays() {}

    public static Map<BankHolidayDivision, BankHolidayCalendar> read(InputStream json, String origin) {
        JsonNode root;
        try (json) {
            root = JSON.readTree(json);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(origin + " is not readable JSON: " + e.getMessage(), e);
        }
        Map<BankHolidayDivision, BankHolidayCalendar> calendars = new EnumMap<>(BankHolidayDivision.class);
        for (BankHolidayDivision division : BankHolidayDivision.values()) {
            JsonNode events = root.path(division.key()).path("events");
            if (!events.isArray() || events.isEmpty()) {
                throw new IllegalStateException(origin + " has no events for the division " + division.key());
            }
            List<LocalDate> dates = new ArrayList<>();
            for (JsonNode event : events) {
                String date = event.path("date").asString("");
                try {
                    dates.add(LocalDate.parse(date));
                } catch (DateTimeException e) {
                    throw new IllegalStateException(
                            origin + ": " + division.key() + " has an event with date '" + date + "', not an ISO date");
                }
            }
            calendars.put(division, BankHolidayCalendar.of(division, dates));
        }
        return calendars;
    }
}
