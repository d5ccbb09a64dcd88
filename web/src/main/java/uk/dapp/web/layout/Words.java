package uk.dapp.web.layout;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How a value from the API reads on a page, in one place: templates write
 * {@code ${@words.of(value)}}. An enum constant reads as its message
 * {@code enum.<Type>.<CONSTANT>} (messages.properties; without one, the constant in lower case),
 * a boolean as Yes or No, a date as "14 March 2026", a moment as UK time "14 March 2026, 2:05pm",
 * a list as its items joined by commas.
 */
@Component("words")
public class Words {

    /** Where the partnerships work: times are shown, and typed, in UK time. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final MessageSource messages;

    public Words(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean yes -> yes ? "Yes" : "No";
            case LocalDate date -> DATE.format(date);
            case OffsetDateTime moment ->
                MOMENT.format(moment.atZoneSameInstant(UK)).replace("AM", "am").replace("PM", "pm");
            case Enum<?> constant ->
                messages.getMessage(
                        "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name(),
                        null,
                        sentence(constant.name()),
                        Locale.UK);
            case Collection<?> items -> items.stream().map(this::of).collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }

    /** The day of a moment in the UK, short, for a column heading: "14 Mar 2026". */
    public String day(OffsetDateTime moment) {
        return moment == null ? "" : SHORT_DAY.format(moment.atZoneSameInstant(UK));
    }

    /** A code the service answers as text (a reason such as LOW_MOTIVATION_AND_AWARENESS) as words: "Low motivation and awareness". */
    public String code(String constant) {
        return constant == null || constant.isBlank() ? "" : sentence(constant);
    }

    /**
     * A length of time as a person says it, to the minute: "1 day 3 hours", "2 hours 5 minutes",
     * "45 minutes" ("less than a minute" below one). Its sign is ignored: the page says before or after.
     */
    public String duration(Duration length) {
        Duration d = length.abs();
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
        }
        return minutes > 0 ? plural(minutes, "minute") : "less than a minute";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static String sentence(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
