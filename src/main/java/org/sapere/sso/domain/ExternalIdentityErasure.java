package org.sapere.sso.domain;

import org.sapere.identity.AccountErased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A deleted account's links to university providers go with it. */
@Component
class ExternalIdentityErasure {

    private final ExternalIdentities identities;

    ExternalIdentityErasure(ExternalIdentities identities) {
        this.identities = identities;
    }

    @ApplicationModuleListener
    void on(AccountErased erased) {
        identities.forget(erased.account());
    }
}
