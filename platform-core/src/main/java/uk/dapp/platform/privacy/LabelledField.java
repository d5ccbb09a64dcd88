package uk.dapp.platform.privacy;

/**
 * One component or field found by {@link SensitivityLabels}.
 *
 * @param path the dotted path from the inspected type ({@code partner.dashLevelAtExit})
 * @param label its label, or null when it has none
 * @param type its declared (raw) type
 * @param nested true when its type is a record whose own components were inspected too
 */
public record LabelledField(String path, SensitivityLabel label, Class<?> type, boolean nested) {

    public boolean labelled() {
        return label != null;
    }
}
