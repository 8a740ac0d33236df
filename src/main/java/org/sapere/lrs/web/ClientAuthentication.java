package org.sapere.lrs.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.sapere.lrs.domain.Clients;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the record store's client credentials, also when the Authorization header travels in the
 * form of the alternate request syntax. Wrong credentials get a JSON 401 at once; a request without any goes on
 * unauthenticated (the about resource is public), and every answer says the xAPI version.
 */
final class ClientAuthentication extends OncePerRequestFilter {

    /** Held by every authenticated record-store client, and by nothing else. */
    static final String LRS_CLIENT = "ROLE_LRS_CLIENT";

    private final Clients clients;

    ClientAuthentication(Clients clients) {
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Experience-API-Version", XapiController.VERSION);
        var header = authorization(request);
        if (header != null && !header.isBlank()) {
            var credentials = decode(header);
            var client = credentials == null
                    ? null
                    : clients.authenticate(credentials[0], credentials[1]).orElse(null);
            if (client == null) {
                unauthorized(response);
                return;
            }
            var authorities = new ArrayList<SimpleGrantedAuthority>();
            authorities.add(new SimpleGrantedAuthority(LRS_CLIENT));
            if (client.canRead()) {
                authorities.add(new SimpleGrantedAuthority("SCOPE_statements/read"));
            }
            if (client.canWrite()) {
                authorities.add(new SimpleGrantedAuthority("SCOPE_statements/write"));
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client, null, authorities));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static @Nullable String authorization(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header == null
                && "POST".equals(request.getMethod())
                && request.getQueryString() != null
                && request.getQueryString().contains("method=")) {
            header = request.getParameter("Authorization");
        }
        return header;
    }

    private static String @Nullable [] decode(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            var colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"xapi\"");
        response.setContentType("application/json");
        response.getOutputStream()
                .write("{\"error\":\"Unauthorized\",\"message\":\"valid client credentials are required\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }
}
