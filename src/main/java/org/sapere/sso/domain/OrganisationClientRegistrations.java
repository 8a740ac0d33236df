package org.sapere.sso.domain;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * One OpenID Connect client registration per organisation with an enabled provider; the registration id is the
 * organisation's short name. The provider's endpoints come from its discovery document, fetched on first use (not
 * at start-up: Sapere starts even when a university's provider is down) and again whenever its settings change.
 */
@Component
public class OrganisationClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(OrganisationClientRegistrations.class);

    private final Providers providers;
    private final ConcurrentHashMap<String, Built> built = new ConcurrentHashMap<>();

    OrganisationClientRegistrations(Providers providers) {
        this.providers = providers;
    }

    private record Built(ProviderSettings settings, ClientRegistration registration) {}

    /** The registration, or null if the organisation has no enabled provider or its provider cannot be reached. */
    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        var settings = providers.find(registrationId).filter(ProviderSettings::enabled);
        if (settings.isEmpty()) {
            return null;
        }
        var known = built.get(registrationId);
        if (known != null && known.settings().equals(settings.get())) {
            return known.registration();
        }
        try {
            var registration = build(settings.get());
            built.put(registrationId, new Built(settings.get(), registration));
            return registration;
        } catch (RuntimeException e) {
            log.warn("The OpenID provider of {} cannot be used: {}", registrationId, e.toString());
            return null;
        }
    }

    /** Reads the provider's discovery document; throws if it cannot be read or names another issuer. */
    public static ClientRegistration build(ProviderSettings settings) {
        return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(settings.slug())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope(settings.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName(settings.displayName())
                .build();
    }
}
