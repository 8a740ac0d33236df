package org.sapere.identity.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sapere.identity.Organisation;
import org.sapere.identity.OrganisationId;
import org.sapere.identity.Role;
import org.sapere.shared.DemoContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The five IDEA League universities and the demo people from {@code demo/identity/people.yaml}, plus, when asked,
 * generated learners {@code learner001@learners.sapere.test…} for load tests. Everyone shares the demo password.
 */
@Component
@Profile("!prod")
class IdentityDemoContent implements DemoContent {

    /** The password of every demo account; printed at start-up and in the README. */
    static final String DEMO_PASSWORD = "sapere-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoContent.class);

    private final Accounts accounts;
    private final Organisations organisations;
    private final PasswordEncoder passwords;
    private final int extraLearners;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    IdentityDemoContent(
            Accounts accounts,
            Organisations organisations,
            PasswordEncoder passwords,
            @Value("${sapere.demo.extra-learners:0}") int extraLearners,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwords = passwords;
        this.extraLearners = extraLearners;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void load() {
        Map<String, Object> demo = read();
        var orgIds = new java.util.HashMap<String, UUID>();
        for (var o : (List<Map<String, Object>>) demo.get("organisations")) {
            var id = UUID.randomUUID();
            orgIds.put((String) o.get("slug"), id);
            organisations.insert(new Organisation(
                    new OrganisationId(id),
                    (String) o.get("slug"),
                    (String) o.get("name"),
                    (String) o.get("shortName"),
                    (String) o.get("city"),
                    (String) o.get("country"),
                    (String) o.get("website")));
        }
        for (var o : (List<Map<String, Object>>) demo.get("organisations")) {
            jdbc.sql("""
                    UPDATE identity.organisation SET brand_colour = :colour, staff_domains = :staff::text[],
                           alumni_domains = :alumni::text[] WHERE slug = :slug""")
                    .param("slug", o.get("slug"))
                    .param("colour", o.get("brandColour"))
                    .param(
                            "staff",
                            "{" + String.join(",", (List<String>) o.getOrDefault("staffDomains", List.of())) + "}")
                    .param(
                            "alumni",
                            "{" + String.join(",", (List<String>) o.getOrDefault("alumniDomains", List.of())) + "}")
                    .update();
        }
        // One hash for all: Argon2id is deliberately slow, and the demo accounts share a password.
        var hash = passwords.encode(DEMO_PASSWORD);
        for (var p : (List<Map<String, Object>>) demo.get("people")) {
            var id = UUID.randomUUID();
            accounts.insert(new Account(
                    id,
                    (String) p.get("email"),
                    (String) p.get("name"),
                    hash,
                    (String) p.get("headline"),
                    (String) p.get("bio"),
                    Boolean.TRUE.equals(p.get("platformAdmin")),
                    true,
                    true,
                    (String) p.getOrDefault("language", "en")));
            if (p.get("totpSecret") instanceof String secret) {
                accounts.enableTotp(id, secret);
            }
            var memberships = (Map<String, List<String>>) p.getOrDefault("roles", Map.of());
            memberships.forEach((org, roles) ->
                    roles.forEach(role -> accounts.addMembership(id, orgIds.get(org), Role.valueOf(role))));
        }
        for (int i = 1; i <= extraLearners; i++) {
            accounts.insert(new Account(
                    UUID.randomUUID(),
                    extraLearnerEmail(i),
                    "Learner " + i,
                    hash,
                    null,
                    null,
                    false,
                    true,
                    true,
                    "en"));
        }
        log.info(
                "Demo content: {} universities, {} people, {} generated learners",
                orgIds.size(),
                ((List<?>) demo.get("people")).size(),
                extraLearners);
    }

    static String extraLearnerEmail(int i) {
        return "learner%03d@learners.sapere.test".formatted(i);
    }

    private static Map<String, Object> read() {
        try (var in = new ClassPathResource("demo/identity/people.yaml").getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
