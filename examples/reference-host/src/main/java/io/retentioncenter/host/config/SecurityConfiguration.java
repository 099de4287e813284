package io.retentioncenter.host.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Puts a body size limit in front of every route, and the API-key check in front of the management
 * routes {@code /api/**} and the metrics {@code /actuator/prometheus} (health stays open for probes);
 * webhooks authenticate themselves.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(RetentionProperties properties, ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(RetentionProperties properties, Environment environment,
            ObjectMapper json) {
        boolean production = environment.acceptsProfiles(Profiles.of("prod"));
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(ApiKeys.resolve(properties, production), json));
        registration.addUrlPatterns("/api/*", "/actuator/prometheus");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
