package dev.tether.backend.h2;

import dev.tether.backend.kit.BackendKit;
import dev.tether.backend.kit.Capability;
import dev.tether.backend.kit.KitDatabase;
import java.util.EnumSet;

/** H2 in-process passes the backend kit; the network-server and idle-timeout tests are reported as not applicable. */
class H2InProcessKitTest extends BackendKit {
    @Override
    protected KitDatabase database() {
        return new H2KitDatabase(new H2Backend(), settings -> settings.name("mem:tether_kit").option("DB_CLOSE_DELAY", "-1"),
                EnumSet.of(Capability.TERMINATES_SESSIONS));
    }
}
