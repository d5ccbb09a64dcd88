package uk.dapp.web.outcomes.kpis;

import java.math.BigDecimal;

/**
 * One figure of a KPI table as a page shows it: the number the API published, or the mark saying
 * why there is none, the reason in words (in the table) and in a few (beside the chart's missing
 * bar). A hidden figure is never shown as zero.
 */
public record KpiValue(BigDecimal value, Mark mark, String reason, String brief) {

    /** The Office for National Statistics' shorthand for a figure that is not shown. */
    public enum Mark {
        SHOWN(""),
        /** hidden to protect people's privacy ("confidential") */
        HIDDEN("[c]"),
        /** not applicable: there is no one to measure */
        NOT_APPLICABLE("[z]");

        private final String symbol;

        Mark(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    static KpiValue shown(BigDecimal value) {
        return new KpiValue(value, Mark.SHOWN, null, null);
    }

    static KpiValue hidden(String reason, String brief) {
        return new KpiValue(null, Mark.HIDDEN, reason, brief);
    }

    static KpiValue notApplicable(String reason) {
        return new KpiValue(null, Mark.NOT_APPLICABLE, reason, "no one to measure");
    }

    public boolean isShown() {
        return mark == Mark.SHOWN;
    }
}
