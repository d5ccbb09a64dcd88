package uk.dapp.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** One route per service: {@code /api/<key>/**} to {@code dapp.services.<key>.url}, prefix stripped. */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** "/api" and the service key: what the service itself never sees. */
    private static final int PREFIX_SEGMENTS = 2;

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, Environment environment) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (RoutedService service : RoutedService.values()) {
            String url = service.url(environment);
            routes.route(
                    service.key(),
                    route -> route.path(service.prefix() + "/**")
                            .filters(filters -> filters.stripPrefix(PREFIX_SEGMENTS))
                            .uri(url));
        }
        return routes.build();
    }
}
