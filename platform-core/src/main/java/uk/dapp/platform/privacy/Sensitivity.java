package uk.dapp.platform.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The sensitivity of one record component or field: {@code @Sensitivity(SensitivityLabel.QUASI_IDENTIFIER)}.
 *
 * <p>Kept at run time so {@link SensitivityLabels} can refuse a type for export and so tests can
 * fail when a field has no label. A component whose type is itself a record need not be labelled
 * (its own components are); if it is, the label covers the whole nested record as well.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Sensitivity {

    SensitivityLabel value();
}
