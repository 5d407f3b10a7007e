package in.gov.sangam.api;

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
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code sangam.http.max-request-body} with a 413 problem, before Spring Security
 * or any route reads a byte of it, so a huge body costs the hub neither memory nor a parse. A declared
 * {@code Content-Length} over the limit is refused at once, unread. A body without a length (chunked) is read up to
 * one byte past the limit: past it, refused; within it, handed on from memory.
 *
 * <p>Form posts (only the embedded authorization server's token endpoint takes them) are parsed by Tomcat itself
 * from its own buffer, which a wrapper cannot replace; their chunked bodies are held to the same limit by
 * {@code server.tomcat.max-http-form-post-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final long limit;

    RequestBodyLimitFilter(Problems problems, @Value("${sangam.http.max-request-body}") DataSize limit) {
        this.problems = problems;
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !isForm(request)) {
            byte[] body = readAtMost(request.getInputStream(), Math.toIntExact(limit + 1));
            if (body.length > limit) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        response.setStatus(type.status().value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] problem = problems.json(type, "The request body may be at most " + limit + " bytes long.", null,
                request.getRequestURI()).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(problem.length);
        response.getOutputStream().write(problem);
        // Sent whole now: Tomcat drains what is left of the body before it ends the response, and a client still
        // sending (or never finishing) a chunked body must have its answer without that.
        response.flushBuffer();
    }

    /**
     * Up to {@code most} bytes, or fewer if the body ends first. Not {@code InputStream.readNBytes}: its last call
     * asks for zero bytes, and Tomcat's input buffer answers that by waiting for more from the client.
     */
    private static byte[] readAtMost(InputStream in, int most) throws IOException {
        byte[] buffer = new byte[most];
        int read = 0;
        while (read < most) {
            int count = in.read(buffer, read, most - read);
            if (count < 0) {
                break;
            }
            read += count;
        }
        return Arrays.copyOf(buffer, read);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    /** The request with its body already read into memory (it was within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
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
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            if (encoding != null && !isSupported(encoding)) {
                // As Tomcat's own request answers a charset it does not know.
                throw new UnsupportedEncodingException(encoding);
            }
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private static boolean isSupported(String encoding) {
            try {
                return Charset.isSupported(encoding);
            } catch (IllegalArgumentException illegalName) {
                return false;
            }
        }
    }
}
