package uk.dapp.web.layout;

import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import uk.dapp.web.WebProperties;

/**
 * The static files, served by the app itself (no CDN), cached for a year:
 * <ul>
 * <li>{@code /govuk/<version>/...}: GOV.UK Frontend's CSS and JavaScript from its webjar, the
 * pinned version in the path;</li>
 * <li>{@code /assets/...}: its fonts and images, where its CSS looks for them (the font names
 * carry a content hash);</li>
 * <li>{@code /app/...}: the app's own script and styles, with a content hash in the URL
 * ({@code @{/app/app.js}} in a template becomes {@code /app/app-<hash>.js}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class WebResources implements WebMvcConfigurer {

    private static final CacheControl A_YEAR =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final WebProperties properties;
    private final PageAttributes pageAttributes;

    public WebResources(WebProperties properties, PageAttributes pageAttributes) {
        this.properties = properties;
        this.pageAttributes = pageAttributes;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = properties.govukFrontend().version();
        String govuk = "classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
        registry.addResourceHandler("/govuk/" + version + "/*.css", "/govuk/" + version + "/*.js")
                .addResourceLocations(govuk)
                .setCacheControl(A_YEAR);
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(govuk + "assets/")
                .setCacheControl(A_YEAR);
        registry.addResourceHandler("/app/**")
                .addResourceLocations("classpath:/app/")
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(pageAttributes);
    }

    /** Rewrites {@code @{/app/...}} links in templates to their content-hashed URLs. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    }
}
