package dev.tether.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostsTest {

    @ParameterizedTest(name = "HOST ''{0}'', PORT {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "|0|localhost:5432",
            "db|0|db:5432",
            "db|6000|db:6000",
            "::1|0|[::1]:5432",
            "[::1]|0|[::1]:5432",
            "[::1]:7000|0|[::1]:7000",
            "db1:5433,db2|0|db1:5433,db2:5432",
            "db1, db2:6001 ,::1|6000|db1:6000,db2:6001,[::1]:6000"})
    void everyHostGetsItsOwnPortOrPort(String host, int port, String expected) {
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("postgresql").name("app")
                .host(host).port(port).build();
        assertEquals(expected, Hosts.authority(settings, 5432));
        assertEquals(expected.contains(","), Hosts.several(settings));
    }

    @org.junit.jupiter.api.Test
    void oneHostIsNotSeveral() {
        assertFalse(Hosts.several(DatabaseSettings.builder("default").engine("mysql").name("app").host("db").build()));
        assertTrue(Hosts.several(DatabaseSettings.builder("default").engine("mysql").name("app").host("a,b").build()));
    }
}
