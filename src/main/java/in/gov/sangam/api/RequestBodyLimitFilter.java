package in.gov.sangam.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
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
        problems.send(response, ProblemType.PAYLOAD_TOO_LARGE, "The request body may be at most " + limit
                + " bytes long.", request.getRequestURI());
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
}
