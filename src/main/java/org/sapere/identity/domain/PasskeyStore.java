package org.sapere.identity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * Spring Security's two WebAuthn stores over {@code identity.passkey_user} and {@code identity.passkey}. The user
 * entity's name is the account's e-mail as it is now (a join, not a copy), its display name the person's name.
 */
@Repository
class PasskeyStore implements PublicKeyCredentialUserEntityRepository, UserCredentialRepository {

    static final int MAX_LABEL = 80;

    private final JdbcClient jdbc;

    PasskeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
        return jdbc.sql("""
                SELECT u.user_handle, a.email, a.display_name FROM identity.passkey_user u
                JOIN identity.account a ON a.id = u.account_id WHERE u.user_handle = :handle""")
                .param("handle", id.getBytes())
                .query(PasskeyStore::userEntity)
                .optional()
                .orElse(null);
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
        return jdbc.sql("""
                SELECT u.user_handle, a.email, a.display_name FROM identity.passkey_user u
                JOIN identity.account a ON a.id = u.account_id WHERE lower(a.email) = lower(:email)""")
                .param("email", username)
                .query(PasskeyStore::userEntity)
                .optional()
                .orElse(null);
    }

    /** Called when a person first asks to add a passkey: their user handle is created once and kept. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        jdbc.sql("""
                INSERT INTO identity.passkey_user (account_id, user_handle)
                SELECT id, :handle FROM identity.account WHERE lower(email) = lower(:email)
                ON CONFLICT (account_id) DO NOTHING""")
                .param("handle", userEntity.getId().getBytes())
                .param("email", userEntity.getName())
                .update();
    }

    @Override
    public void delete(Bytes id) {
        var handle = id.getBytes();
        var found = jdbc.sql("SELECT 1 FROM identity.passkey_user WHERE user_handle = :handle")
                .param("handle", handle)
                .query(Integer.class)
                .optional();
        if (found.isPresent()) {
            jdbc.sql("DELETE FROM identity.passkey_user WHERE user_handle = :handle")
                    .param("handle", handle)
                    .update();
        } else {
            jdbc.sql("DELETE FROM identity.passkey WHERE credential_id = :id")
                    .param("id", handle)
                    .update();
        }
    }

    /** A new credential, or the signature counter and last use of a known one after a sign-in. */
    @Override
    public void save(CredentialRecord record) {
        jdbc.sql("""
                INSERT INTO identity.passkey (credential_id, account_id, label, public_key_cose, signature_count,
                       uv_initialized, backup_eligible, backup_state, transports, attestation_object,
                       attestation_client_data, created_at, last_used_at)
                SELECT :id, u.account_id, :label, :key, :count, :uv, :eligible, :backedUp, :transports, :attestation,
                       :clientData, :created, :lastUsed
                FROM identity.passkey_user u WHERE u.user_handle = :handle
                ON CONFLICT (credential_id) DO UPDATE SET signature_count = excluded.signature_count,
                       uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state,
                       last_used_at = excluded.last_used_at""")
                .param("id", record.getCredentialId().getBytes())
                .param("handle", record.getUserEntityUserId().getBytes())
                .param("label", label(record.getLabel()))
                .param("key", record.getPublicKey().getBytes())
                .param("count", record.getSignatureCount())
                .param("uv", record.isUvInitialized())
                .param("eligible", record.isBackupEligible())
                .param("backedUp", record.isBackupState())
                .param(
                        "transports",
                        record.getTransports().stream()
                                .map(AuthenticatorTransport::getValue)
                                .sorted()
                                .collect(Collectors.joining(",")))
                .param(
                        "attestation",
                        record.getAttestationObject() == null
                                ? null
                                : record.getAttestationObject().getBytes())
                .param(
                        "clientData",
                        record.getAttestationClientDataJSON() == null
                                ? null
                                : record.getAttestationClientDataJSON().getBytes())
                .param("created", java.sql.Timestamp.from(orNow(record.getCreated())))
                .param("lastUsed", java.sql.Timestamp.from(orNow(record.getLastUsed())))
                .update();
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.sql(SELECT_RECORD + " WHERE p.credential_id = :id")
                .param("id", credentialId.getBytes())
                .query(PasskeyStore::record)
                .optional()
                .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.sql(SELECT_RECORD + " WHERE u.user_handle = :handle ORDER BY p.created_at")
                .param("handle", userId.getBytes())
                .query(PasskeyStore::record)
                .list();
    }

    /** The person's passkeys as their page lists them. */
    List<Passkeys.Passkey> listFor(UUID account) {
        return jdbc.sql("""
                SELECT credential_id, label, created_at, last_used_at, backup_eligible FROM identity.passkey
                WHERE account_id = :account ORDER BY created_at""")
                .param("account", account)
                .query((rs, n) -> new Passkeys.Passkey(
                        new Bytes(rs.getBytes("credential_id")).toBase64UrlString(),
                        rs.getString("label"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at").toInstant(),
                        rs.getBoolean("backup_eligible")))
                .list();
    }

    /** Removes one of the person's own passkeys; false if they have none with that id. */
    boolean removeOwn(UUID account, byte[] credentialId) {
        return jdbc.sql("DELETE FROM identity.passkey WHERE credential_id = :id AND account_id = :account")
                        .param("id", credentialId)
                        .param("account", account)
                        .update()
                > 0;
    }

    @Nullable
    UUID accountOf(Bytes userHandle) {
        return jdbc.sql("SELECT account_id FROM identity.passkey_user WHERE user_handle = :handle")
                .param("handle", userHandle.getBytes())
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    static String label(@Nullable String label) {
        var clean = label == null ? "" : label.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            return "Passkey";
        }
        return clean.length() > MAX_LABEL ? clean.substring(0, MAX_LABEL) : clean;
    }

    private static Instant orNow(@Nullable Instant instant) {
        return instant == null ? Instant.now() : instant;
    }

    private static final String SELECT_RECORD = """
            SELECT p.*, u.user_handle FROM identity.passkey p
            JOIN identity.passkey_user u ON u.account_id = p.account_id""";

    private static PublicKeyCredentialUserEntity userEntity(ResultSet rs, int row) throws SQLException {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(new Bytes(rs.getBytes("user_handle")))
                .name(rs.getString("email"))
                .displayName(rs.getString("display_name"))
                .build();
    }

    private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
        var transports = new HashSet<AuthenticatorTransport>();
        Arrays.stream(rs.getString("transports").split(","))
                .filter(t -> !t.isBlank())
                .map(t -> AuthenticatorTransport.valueOf(t.toLowerCase(Locale.ROOT)))
                .forEach(transports::add);
        var attestation = rs.getBytes("attestation_object");
        var clientData = rs.getBytes("attestation_client_data");
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(new Bytes(rs.getBytes("credential_id")))
                .userEntityUserId(new Bytes(rs.getBytes("user_handle")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key_cose")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .transports(transports)
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .attestationObject(attestation == null ? null : new Bytes(attestation))
                .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
                .label(rs.getString("label"))
                .created(rs.getTimestamp("created_at").toInstant())
                .lastUsed(rs.getTimestamp("last_used_at").toInstant())
                .build();
    }
}
