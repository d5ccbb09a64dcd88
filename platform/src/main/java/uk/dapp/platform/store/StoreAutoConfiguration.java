package uk.dapp.platform.store;

import com.mongodb.ConnectionString;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * With no {@code spring.mongodb.uri}, start the embedded store and point Spring Data MongoDB at it;
 * with one, this steps aside and the same code talks to that MongoDB.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
public class StoreAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "de.bwaldvogel.mongo.MongoServer")
    @ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty() and ${dapp.store.embedded.enabled:true}")
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedMongoStore embeddedMongoStore(
                @Value("${dapp.store.embedded.path:./data/${spring.application.name:service}}") Path folder,
                @Value("${dapp.store.embedded.port:0}") int port) {
            return new EmbeddedMongoStore(folder, port, StoreFailureExit::exitProcess);
        }

        @Bean
        MongoConnectionDetails embeddedMongoConnectionDetails(
                EmbeddedMongoStore store,
                @Value("${dapp.store.database:${spring.application.name:service}}") String database) {
            ConnectionString connection = new ConnectionString(store.connectionString(database));
            return () -> connection;
        }
    }
}
