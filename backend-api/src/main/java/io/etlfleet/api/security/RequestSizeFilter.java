package io.etlfleet.api.security;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies above the configured size with 413: at once when the declared
 * {@code Content-Length} is too large, or while reading a chunked body that grows too large.
 * File uploads ({@code POST .../files}) have their own, larger limit plus room for the
 * multipart framing.
 */
public class RequestSizeFilter extends OncePerRequestFilter {

    static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

    private final long maxBytes;
    private final long maxUploadBytes;
    private final HandlerExceptionResolver errors;

    public RequestSizeFilter(long maxBytes, long maxUploadBytes, HandlerExceptionResolver errors) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/files");
        long limit = upload ? maxUploadBytes + MULTIPART_FRAMING_BYTES : maxBytes;
        if (request.getContentLengthLong() > limit) {
            errors.resolveException(request, response, null,
                    ApiException.contentTooLarge(upload ? maxUploadBytes : maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new RequestTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
