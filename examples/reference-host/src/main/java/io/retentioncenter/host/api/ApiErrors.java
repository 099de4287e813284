package io.retentioncenter.host.api;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.IllegalStateTransitionException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.host.config.BodySizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps the library's exception hierarchy to HTTP answers with an {@link ApiError} body. 4xx answers
 * carry the library's message, which names the problem; 5xx answers carry a generic message and the
 * details go to the log only.
 */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ApiError> validation(ValidationException e) {
        return answer(HttpStatus.BAD_REQUEST, "validation", e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof ValidationException v) {
                return validation(v);
            }
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(BodySizeLimitFilter.tooLarge(tooLarge.maxBytes()));
            }
            cause = cause.getCause();
        }
        String message = "the request is not well-formed JSON of the expected shape";
        if (e instanceof MissingServletRequestParameterException m) {
            message = "parameter " + m.getParameterName() + " is required";
        } else if (e instanceof MethodArgumentTypeMismatchException m) {
            message = "parameter " + m.getName() + " has the wrong type"
                    + (m.getRequiredType() == null ? "" : "; expected " + m.getRequiredType().getSimpleName());
        }
        return answer(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not_found", "no such route");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> authentication(AuthenticationException e) {
        return answer(HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler({ConflictException.class, IllegalStateTransitionException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return answer(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(ConfigurationException.class)
    ResponseEntity<ApiError> configuration(ConfigurationException e) {
        return answer(HttpStatus.NOT_FOUND, "not_configured", e.getMessage());
    }

    @ExceptionHandler(ProviderException.class)
    ResponseEntity<ApiError> provider(ProviderException e) {
        // a provider's answer may quote request data; the details stay in the log
        log.warn("provider failure: {}", e.getMessage());
        return answer(HttpStatus.BAD_GATEWAY, "provider", "the provider refused the call or could not be reached");
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ApiError> store(StoreException e) {
        // the library's message names the operation and SQLState; the driver's cause may quote row values
        log.error("store failure: {} (cause {})", e.getMessage(),
                e.getCause() == null ? "none" : e.getCause().getClass().getName());
        return e.isTransient()
                ? answer(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the database is unavailable; try again")
                : answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an internal error occurred");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e) {
        log.error("unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an internal error occurred");
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
