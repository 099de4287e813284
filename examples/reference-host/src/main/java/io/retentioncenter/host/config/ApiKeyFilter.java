package io.retentioncenter.host.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retentioncenter.host.api.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a management request through only with the right {@value #HEADER} header, compared in
 * constant time (over SHA-256 digests, so not even the length leaks); otherwise answers 401.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    /** The header carrying the API key. */
    static final String HEADER = "X-Api-Key";

    private final byte[] expected;
    private final ObjectMapper json;

    ApiKeyFilter(String apiKey, ObjectMapper json) {
        this.expected = sha256(apiKey);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        if (given != null && MessageDigest.isEqual(expected, sha256(given))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                new ApiError("unauthorized", "a valid " + HEADER + " header is required"));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
