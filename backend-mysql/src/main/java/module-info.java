/**
 * Tether's MySQL-protocol backend (MySQL, MariaDB), over Connector/J. Connector/J's jar declares no
 * module name (only one derived from its file name), so this module does not require it by name: it
 * finds the driver as a {@code java.sql.Driver} service, on the module path and the class path alike.
 */
module dev.tether.backend.mysql {
    requires transitive dev.tether.api;

    exports dev.tether.backend.mysql;

    uses java.sql.Driver;

    provides dev.tether.spi.Backend with dev.tether.backend.mysql.MySqlBackend;
}
