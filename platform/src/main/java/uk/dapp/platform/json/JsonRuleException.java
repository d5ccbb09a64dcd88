package uk.dapp.platform.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that broke one of the platform's reading rules (too many items, a repeated item, a
 * control character, a number where a date belongs). Jackson adds the path of the value as the
 * exception travels up, so the problem names the field, the rule and the rule in words; never the value.
 */
public class JsonRuleException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String ruleMessage;
    private final boolean aboutContainer;

    JsonRuleException(JsonParser parser, String rule, String ruleMessage, boolean aboutContainer) {
        super(parser, ruleMessage);
        this.rule = rule;
        this.ruleMessage = ruleMessage;
        this.aboutContainer = aboutContainer;
    }

    /** The rule's name, as bean validation names its constraints (Size, UniqueItems, ControlCharacter, Type). */
    public String rule() {
        return rule;
    }

    public String ruleMessage() {
        return ruleMessage;
    }

    /**
     * True when the rule is about the whole array, not the item being read when it broke: the field
     * is then the array's, without the item's index.
     */
    public boolean aboutContainer() {
        return aboutContainer;
    }
}
