package com.housecall.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies over 64 KiB answer 413 problem+json (CONTRACT.md section 3) in every service, not only at the gateway,
 * after authentication: a declared length is refused unread; a chunked body is read up to the limit and refused once
 * it passes it. A service whose paths answer in another shape (FHIR) extends it and overrides {@link #refusal}.
 */
public class BodySizeLimit extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            tooLarge(request, response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                tooLarge(request, response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Writes the 413; the connection is closed, so an unread body is not taken for the next request. */
    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Refusal refusal = refusal(request);
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType(refusal.contentType());
        response.getOutputStream().write(refusal.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The 413's body: problem+json; a service whose paths answer in another shape (FHIR) overrides it. */
    protected Refusal refusal(HttpServletRequest request) {
        return new Refusal("application/problem+json", """
                {"type":"about:blank","title":"Content Too Large","status":413,"detail":"The body is larger than 64 KiB."}""");
    }

    public record Refusal(String contentType, String body) {
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return body.length == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
