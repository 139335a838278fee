package dev.tether.backend.h2;

import dev.tether.backend.kit.BackendKit;
import dev.tether.backend.kit.Capability;
import dev.tether.backend.kit.KitDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** H2 over TCP, to a server this test starts, passes the backend kit; the idle-timeout test is not applicable. */
class H2TcpKitTest extends BackendKit {
    private static Server server;
    private static Connection keeper;

    @BeforeAll
    static void startServer() throws SQLException {
        // The database exists before any remote client asks: H2 servers refuse to create one remotely.
        keeper = DriverManager.getConnection("jdbc:h2:mem:tether_kit_tcp;DB_CLOSE_DELAY=-1", "kit", "kit-secret");
        server = Server.createTcpServer("-tcpPort", "0").start();
    }

    @AfterAll
    static void stopServer() throws SQLException {
        server.stop();
        keeper.close();
    }

    @Override
    protected KitDatabase database() {
        return new H2KitDatabase(new H2Backend(),
                settings -> settings.host("127.0.0.1").port(server.getPort()).name("mem:tether_kit_tcp"),
                EnumSet.of(Capability.NETWORK_SERVER, Capability.TERMINATES_SESSIONS));
    }
}
