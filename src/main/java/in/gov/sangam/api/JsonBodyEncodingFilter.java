package in.gov.sangam.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body must be UTF-8 (RFC 8259, 8.1). Camel reads a body through Tomcat's reader, which fails on bytes that
 * are not UTF-8 before any route can answer, and the client got an empty 500. So the body is read here, after
 * {@link RequestBodyLimitFilter} has made sure it is small, and decoded strictly: a body that is not UTF-8 is refused
 * with a 400 problem, else it goes on from memory. (A charset the client declares does not count: Spring Boot's
 * encoding filter, which runs first, sets every request's to UTF-8.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class JsonBodyEncodingFilter extends OncePerRequestFilter {

    private final Problems problems;

    JsonBodyEncodingFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isJson(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        if (request instanceof ReadBody read) {
            body = read.bytes();
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            request.getInputStream().transferTo(bytes);
            body = bytes.toByteArray();
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException notUtf8) {
            problems.send(response, ProblemType.MALFORMED_JSON, "The body is not UTF-8; JSON must be sent as UTF-8.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
