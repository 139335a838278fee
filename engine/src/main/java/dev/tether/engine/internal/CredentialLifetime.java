package dev.tether.engine.internal;

import dev.tether.api.DatabaseSettings;
import java.util.random.RandomGenerator;

/**
 * When a connection opened with expiring credentials retires: between 80% and 90% of CREDENTIAL_LIFETIME, spread at
 * random so connections opened together do not all reconnect together, and early enough that one kept to the end of
 * a long request (max age is checked at request boundaries) still retires before the token does.
 */
final class CredentialLifetime {
    private static final double EARLIEST = 0.8;
    private static final double SPREAD = 0.1;

    private CredentialLifetime() {
    }

    /** Nanoseconds from opening until retirement; {@link Long#MAX_VALUE} when the credentials do not expire. */
    static long retireAfterNanos(DatabaseSettings settings, RandomGenerator random) {
        if (settings.credentialLifetime().isZero()) {
            return Long.MAX_VALUE;
        }
        long lifetime = settings.credentialLifetime().toNanos();
        return (long) (lifetime * (EARLIEST + SPREAD * random.nextDouble()));
    }
}
