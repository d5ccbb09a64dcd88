package uk.dapp.web.layout;

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

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);

    private final MessageSource messages;

    public Words(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean yes -> yes ? "Yes" : "No";
            case LocalDate date -> DATE.format(date);
            case OffsetDateTime moment -> MOMENT.format(moment.atZoneSameInstant(UK)).replace("AM", "am").replace("PM", "pm");
            case Enum<?> constant -> messages.getMessage("enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name(),
                    null, sentence(constant.name()), Locale.UK);
            case Collection<?> items -> items.stream().map(this::of).collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }

    private static String sentence(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
