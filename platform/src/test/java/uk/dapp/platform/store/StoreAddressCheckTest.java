package uk.dapp.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** The embedded store is for development only: production names its MongoDB or does not start. */
class StoreAddressCheckTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreAddressCheckAutoConfiguration.class));

    @Test
    void theProductionProfileWithoutAMongoDbAddressDoesNotStart() {
        contexts.withPropertyValues("spring.profiles.active=prod").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("'prod' profile needs spring.mongodb.uri");
        });
    }

    @Test
    void theProductionProfileWithAnAddressStarts() {
        contexts.withPropertyValues(
                        "spring.profiles.active=prod", "spring.mongodb.uri=mongodb://mongodb-0:27017/service")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aBuildWithoutTheEmbeddedStoreNeedsAnAddressWhateverTheProfile() {
        contexts.withClassLoader(new FilteredClassLoader(StoreAddressCheckAutoConfiguration.EMBEDDED_SERVER_CLASS))
                .run(context -> assertThat(context.getStartupFailure())
                        .hasMessageContaining("this build has no embedded store"));
        assertThatThrownBy(() -> StoreAddressCheckAutoConfiguration.check(new MockEnvironment(), false))
                .hasMessageContaining("name the MongoDB to use");
    }

    @Test
    void developmentWithTheEmbeddedStoreNeedsNoAddress() {
        assertThatCode(() -> StoreAddressCheckAutoConfiguration.check(new MockEnvironment(), true))
                .doesNotThrowAnyException();
        contexts.run(context -> assertThat(context).hasNotFailed());
    }
}
