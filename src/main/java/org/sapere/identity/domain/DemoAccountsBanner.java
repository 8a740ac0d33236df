package org.sapere.identity.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells a newcomer where Sapere runs and how to sign in, once it is ready. */
@Component
@Profile("!prod")
class DemoAccountsBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsBanner.class);

    private final Accounts accounts;
    private final Environment environment;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DemoAccountsBanner(
            Accounts accounts, Environment environment, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.environment = environment;
    }

    private String totpKey(String email) {
        return jdbc.sql("SELECT coalesce(totp_secret, '-') FROM identity.account WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .optional()
                .orElse("-");
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        if (accounts.findByEmail("giulia@example.org").isEmpty()) {
            return;
        }
        var port = environment.getProperty("local.server.port", "8080");
        log.info(
                """

                ==============================================================
                  Sapere is running at http://localhost:{}
                  Demo accounts (password: {}):
                    giulia@example.org          learner
                    rossi@polimi.example        professor, Politecnico di Milano
                    mueller@ethz.example        supervisor, ETH Zurich
                    jansen@tudelft.example      organisation admin, TU Delft (TOTP key {})
                    admin@sapere.example        platform admin (TOTP key {})
                  Admins give a code from an authenticator app holding their key after the password.
                ==============================================================""",
                port,
                IdentityDemoContent.DEMO_PASSWORD,
                totpKey("jansen@tudelft.example"),
                totpKey("admin@sapere.example"));
    }
}
