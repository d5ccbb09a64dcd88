package uk.dapp.platform.evaluator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Serves a service's {@link Contributions} at {@code GET /evaluator/contributions}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EvaluatorAutoConfiguration {

    @Bean
    @ConditionalOnBean(Contributions.class)
    ContributionController platformContributionController(Contributions contributions) {
        return new ContributionController(contributions);
    }
}
