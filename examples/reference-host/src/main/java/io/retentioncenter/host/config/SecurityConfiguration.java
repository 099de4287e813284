package io.retentioncenter.host.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Puts the API-key check in front of the management routes {@code /api/**}; webhooks authenticate themselves. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(RetentionProperties properties, Environment environment,
            ObjectMapper json) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(ApiKeys.resolve(properties, production), json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
