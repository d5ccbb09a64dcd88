package uk.dapp.platform.store;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The embedded store is for development only. A service started with the {@code prod} profile must
 * name its MongoDB ({@code spring.mongodb.uri}, {@code SPRING_MONGODB_URI}), and a production build
 * (which leaves the store out) without one must not quietly connect to {@code localhost:27017}:
 * either refuses to start, saying what is missing. Checked before any bean is made (a bean factory
 * post-processor), so nothing has tried a connection by then.
 */
@AutoConfiguration(before = {StoreAutoConfiguration.class, MongoAutoConfiguration.class})
@ConditionalOnClass(MongoTemplate.class)
public class StoreAddressCheckAutoConfiguration {

    static final String PRODUCTION_PROFILE = "prod";
    /** The embedded store's server, present only in development builds (the embedded-store module). */
    static final String EMBEDDED_SERVER_CLASS = "de.bwaldvogel.mongo.MongoServer";

    @Bean
    static BeanFactoryPostProcessor storeAddressCheck() {
        return new Check();
    }

    static void check(Environment environment, boolean embeddedStoreBuiltIn) {
        if (StringUtils.hasText(environment.getProperty("spring.mongodb.uri"))) {
            return;
        }
        if (environment.matchesProfiles(PRODUCTION_PROFILE)) {
            throw new IllegalStateException("The '" + PRODUCTION_PROFILE + "' profile needs spring.mongodb.uri"
                    + " (SPRING_MONGODB_URI): the embedded store is for development only");
        }
        if (!embeddedStoreBuiltIn) {
            throw new IllegalStateException("No spring.mongodb.uri (SPRING_MONGODB_URI), and this build has no embedded"
                    + " store (built with -Ddapp.production): name the MongoDB to use");
        }
    }

    private static final class Check implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

        private Environment environment;
        private ClassLoader classLoader;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void setBeanClassLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            check(environment, ClassUtils.isPresent(EMBEDDED_SERVER_CLASS, classLoader));
        }
    }
}
