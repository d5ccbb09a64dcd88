package uk.dapp.programme;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import uk.dapp.platform.testsupport.ServiceTest;

/** The whole service over its embedded store with a {@link MovableClock} and a {@link TestDirectory}; every class using it shares one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
@Import({MovableClock.Config.class, TestDirectory.Config.class})
public @interface ProgrammeServiceTest {}
