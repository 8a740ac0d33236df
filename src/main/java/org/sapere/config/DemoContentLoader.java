package org.sapere.config;

import java.util.Comparator;
import java.util.List;
import org.sapere.identity.IdentityDirectory;
import org.sapere.shared.DemoContent;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads every module's demo content into an empty database, in one transaction: all of it or none. */
@Component
@Profile("!prod")
class DemoContentLoader implements ApplicationRunner {

    private final List<DemoContent> contents;
    private final IdentityDirectory identity;
    private final TransactionTemplate transaction;
    private final SapereProperties properties;

    DemoContentLoader(
            List<DemoContent> contents,
            IdentityDirectory identity,
            TransactionTemplate transaction,
            SapereProperties properties) {
        this.contents = contents;
        this.identity = identity;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled() || !identity.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> contents.stream()
                .sorted(Comparator.comparingInt(DemoContent::order))
                .forEach(DemoContent::load));
    }
}
