package org.sapere.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider for the single sign-on tests: Spring Authorization Server in its own Spring context, with
 * its own Tomcat on a random loopback port, none of Boot's auto-configuration and none of Sapere's properties (so
 * nothing of it leaks into the application under test, and nothing of the application into it).
 *
 * <p>Reached as {@code http://localhost:<port>} while the application is browsed as {@code http://127.0.0.1:<port>}:
 * two hosts, so their session cookies stay apart, and Spring Authorization Server accepts loopback-address redirect
 * addresses but refuses {@code localhost} ones.
 */
public final class TestOpenIdProvider implements AutoCloseable {

    public static final String PASSWORD = "provider-password";

    /**
     * A person at the provider; the claims go into the ID token (and so into the user-info answer).
     *
     * @param affiliation eduPerson affiliation values
     */
    public record Person(String subject, String email, boolean emailVerified, String name, List<String> affiliation) {}

    /** People by username; a test may change someone's claims between sign-ins. */
    public final Map<String, Person> people = new ConcurrentHashMap<>();

    private final ConfigurableApplicationContext context;
    private volatile IntSupplier applicationPort = () -> 0;

    public TestOpenIdProvider() {
        context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // Not Sapere's application.properties: this context has its own (absent) configuration.
                .properties("spring.config.name=sapere-test-openid-provider")
                .initializers(c -> c.getBeanFactory().registerSingleton("testOpenIdProvider", this))
                .run();
    }

    /** The issuer to configure in Sapere. */
    public String issuer() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The port Sapere listens on, known only once it has started; the registered redirect addresses use it. */
    public void applicationPort(IntSupplier port) {
        this.applicationPort = port;
    }

    /** Client ids: {@code <slug>-client} signs in without asking; {@code <slug>-consent} asks for consent first. */
    public static String clientId(String slug, boolean consent) {
        return slug + (consent ? "-consent" : "-client");
    }

    public static String clientSecret(String slug) {
        return slug + "-secret-2026";
    }

    @Override
    public void close() {
        context.close();
    }

    @Nullable
    RegisteredClient client(String clientId) {
        var consent = clientId.endsWith("-consent");
        if (!consent && !clientId.endsWith("-client")) {
            return null;
        }
        var slug = clientId.substring(0, clientId.lastIndexOf('-'));
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret("{noop}" + clientSecret(slug))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:" + applicationPort.getAsInt() + "/login/oauth2/code/" + slug)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(consent)
                        .build())
                .build();
    }

    /** The provider's beans. Not a {@code @Configuration}: Sapere's component scan must not pick it up. */
    @EnableWebSecurity
    static class Provider {

        @Bean
        TomcatServletWebServerFactory webServer() {
            var factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(InetAddress.getLoopbackAddress());
            // Tomcat runs filters only for requests some servlet is mapped to; every answer here comes from filters.
            factory.setRegisterDefaultServlet(true);
            return factory;
        }

        @Bean
        DelegatingFilterProxyRegistrationBean securityFilter() {
            return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users(TestOpenIdProvider provider) {
            return username -> {
                if (!provider.people.containsKey(username)) {
                    throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
                }
                return User.withUsername(username)
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build();
            };
        }

        @Bean
        RegisteredClientRepository clients(TestOpenIdProvider provider) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient registeredClient) {
                    // Clients are made on demand (the redirect address holds Sapere's port); a re-encoded secret
                    // the server offers to store is not needed.
                }

                @Override
                public @Nullable RegisteredClient findById(String id) {
                    return provider.client(id);
                }

                @Override
                public @Nullable RegisteredClient findByClientId(String clientId) {
                    return provider.client(clientId);
                }
            };
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(TestOpenIdProvider provider) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                var person = provider.people.get(context.getPrincipal().getName());
                context.getClaims()
                        .subject(person.subject())
                        .claim("email", person.email())
                        .claim("email_verified", person.emailVerified())
                        .claim("name", person.name())
                        .claim("eduperson_affiliation", person.affiliation());
            };
        }

        @Bean
        JWKSource<SecurityContext> keys(KeyPair keyPair) {
            var key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                    .privateKey((RSAPrivateKey) keyPair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        KeyPair keyPair() throws NoSuchAlgorithmException {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        @Bean
        JwtDecoder jwtDecoder(KeyPair keyPair) {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keyPair.getPublic())
                    .build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
