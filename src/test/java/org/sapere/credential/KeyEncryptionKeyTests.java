package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sapere.credential.domain.KeyEncryptionKey;

/**
 * The key-encryption key: made once under the data folder, readable by its owner only, and the same at every
 * start; taken from SAPERE_KEY_ENCRYPTION_KEY when set; a wrong key fails loudly, never silently.
 */
class KeyEncryptionKeyTests {

    @TempDir
    Path data;

    static KeyEncryptionKey kek(String environment, Path file) {
        try {
            var constructor = KeyEncryptionKey.class.getDeclaredConstructor(String.class, Path.class);
            constructor.setAccessible(true);
            return constructor.newInstance(environment, file);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFirstRunMakesAKeyFileOnlyItsOwnerCanReadAndLaterRunsUseIt() throws Exception {
        var file = data.resolve("nested/credential-signing.kek");
        var first = kek("", file);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);

        var sealed = first.encrypt("seed".getBytes(), new byte[] {1});
        var again = kek("", file);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(new String(again.decrypt(sealed, new byte[] {1}))).isEqualTo("seed");
    }

    @Test
    void theEnvironmentVariableWinsAndAWrongKeyOrBindingFailsClearly() {
        var key = Base64.getEncoder().encodeToString(new byte[32]);
        var fromEnvironment = kek(key, data.resolve("unused.kek"));
        assertThat(Files.exists(data.resolve("unused.kek"))).isFalse();

        var sealed = fromEnvironment.encrypt("seed".getBytes(), new byte[] {1});
        var other = kek("", data.resolve("other.kek"));
        assertThatThrownBy(() -> other.decrypt(sealed, new byte[] {1}))
                .hasMessageContaining("not the one it was encrypted with");
        assertThatThrownBy(() -> fromEnvironment.decrypt(sealed, new byte[] {2}))
                .hasMessageContaining("not the one it was encrypted with");
        assertThatThrownBy(() -> kek("c2hvcnQ=", data.resolve("x.kek"))).hasMessageContaining("32 random bytes");
        assertThat(Set.of(fromEnvironment.id(), other.id())).hasSize(2);
    }
}
