package dk.ligevaerd.account.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords an attacker tries first, shipped with the product in {@code common-passwords.txt}
 * so that the check works without a network; read once, on first use.
 */
final class CommonPasswords {

    private static final String RESOURCE = "/dk/ligevaerd/account/common-passwords.txt";

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        return Holder.LIST.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.LIST.size();
    }

    private static final class Holder {
        static final Set<String> LIST = load();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords is missing: " + RESOURCE);
            }
            Set<String> list = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> list.add(line.strip().toLowerCase(Locale.ROOT)));
            return Set.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
