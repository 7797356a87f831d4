package io.etlfleet.api.security;

import io.etlfleet.api.errors.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Requires {@code Authorization: Bearer <key>} on every {@code /api/v1} request and records the
 * {@link Caller} for the controllers, with its tenant in the MDC as {@code tenant_id}.
 * Refusals go through the {@link HandlerExceptionResolver}, so they are problem+json like
 * every other error.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;
    private final HandlerExceptionResolver errors;

    public ApiKeyFilter(Authenticator authenticator, HandlerExceptionResolver errors) {
        this.authenticator = authenticator;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            errors.resolveException(request, response, null,
                    ApiException.unauthorized("send an API key as 'Authorization: Bearer <key>'"));
            return;
        }
        Optional<Caller> caller = authenticator.authenticate(header.substring(BEARER.length()).trim());
        if (caller.isEmpty()) {
            errors.resolveException(request, response, null,
                    ApiException.unauthorized("the API key is unknown or revoked"));
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        if (caller.get().tenantId() != null) {
            MDC.put("tenant_id", caller.get().tenantId().toString());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("tenant_id");
        }
    }
}
