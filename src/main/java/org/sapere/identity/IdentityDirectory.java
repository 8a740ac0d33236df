package org.sapere.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sapere.identity.domain.Accounts;
import org.sapere.identity.domain.Organisations;
import org.springframework.stereotype.Service;

/** The identity module's facade: who people and organisations are, and what roles people hold. */
@Service
public class IdentityDirectory {

    private final Accounts accounts;
    private final Organisations organisations;
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private volatile Snapshot cached = new Snapshot(List.of(), Instant.MIN);

    private final org.sapere.identity.domain.Alumni alumni;

    private final org.sapere.identity.domain.OrganisationProfiles profiles;

    IdentityDirectory(
            Accounts accounts,
            Organisations organisations,
            org.sapere.identity.domain.Alumni alumni,
            org.sapere.identity.domain.OrganisationProfiles profiles) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.alumni = alumni;
        this.profiles = profiles;
    }

    /** The university's colour and logo, for certificates; empty if there is no such organisation. */
    public Optional<Brand> brand(OrganisationId organisation) {
        return organisation(organisation)
                .flatMap(o -> profiles.find(o.id().value())
                        .map(p -> new Brand(
                                p.brandColour(),
                                profiles.logo(o.slug())
                                        .map(org.sapere.identity.domain.OrganisationProfiles.Logo::png)
                                        .orElse(null))));
    }

    /** Forgets the organisations kept in memory, after an admin changed one. */
    public void refreshOrganisations() {
        cached = new Snapshot(List.of(), Instant.MIN);
    }

    /** True if the person confirmed that they are an alumnus of the organisation (offerings can require it). */
    public boolean isAlumnus(AccountId account, OrganisationId organisation) {
        return alumni.isAlumnus(account.value(), organisation.value());
    }

    /** Every organisation, by name. Kept for a few seconds: pages ask for them on every request. */
    public List<Organisation> organisations() {
        var snapshot = cached;
        if (snapshot.takenAt().plus(FRESH_FOR).isBefore(Instant.now())) {
            snapshot = new Snapshot(organisations.findAll(), Instant.now());
            cached = snapshot;
        }
        return snapshot.organisations();
    }

    private record Snapshot(List<Organisation> organisations, Instant takenAt) {}

    public Optional<Organisation> organisation(OrganisationId id) {
        return organisations().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<Organisation> organisationBySlug(String slug) {
        return organisations().stream().filter(o -> o.slug().equals(slug)).findFirst();
    }

    public Optional<AccountId> accountByEmail(String email) {
        return accounts.findByEmail(email).map(a -> new AccountId(a.id()));
    }

    /** The people with these ids, keyed by id; unknown ids are left out. */
    public Map<AccountId, Person> people(Collection<AccountId> ids) {
        return accounts.findAll(ids.stream().map(AccountId::value).toList()).stream()
                .map(a -> new Person(new AccountId(a.id()), a.displayName(), a.headline(), a.bio()))
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    /**
     * The names and e-mail addresses of these accounts, keyed by id, in one query (a gradebook of thousands of
     * learners); unknown ids are left out. For staff pages only.
     */
    public Map<AccountId, Contact> contacts(Collection<AccountId> ids) {
        return accounts.contacts(ids.stream().map(AccountId::value).toList()).stream()
                .collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    /**
     * The name, address, language and time zone of these accounts, keyed by id, in one query; unknown ids are left
     * out. For mails a person asked for and for showing them their own week in their time zone.
     */
    public Map<AccountId, Addressee> addressees(Collection<AccountId> ids) {
        return accounts.addressees(ids.stream().map(AccountId::value).toList()).stream()
                .collect(Collectors.toMap(Addressee::id, Function.identity()));
    }

    /** The organisations in which the person has this role. */
    public List<OrganisationId> organisationsWhere(AccountId account, Role role) {
        return accounts.organisationsWithRole(account.value(), role).stream()
                .map(OrganisationId::new)
                .toList();
    }

    public boolean hasRole(AccountId account, OrganisationId organisation, Role role) {
        return accounts.hasMembership(account.value(), organisation.value(), role);
    }

    /** True if the person administers the organisation: one of its organisation admins, or a platform admin. */
    public boolean administers(AccountId account, String organisationSlug) {
        var organisation = organisationBySlug(organisationSlug);
        return organisation.isPresent()
                && accounts.findById(account.value())
                        .filter(a -> a.platformAdmin()
                                || accounts.hasMembership(
                                        account.value(), organisation.get().id().value(), Role.ORGANISATION_ADMIN))
                        .isPresent();
    }

    /** True before anything was ever stored: demo content loads only then. */
    public boolean isEmpty() {
        return accounts.isEmpty();
    }
}
