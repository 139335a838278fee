package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresFairnessTest extends FairnessContract {
    PostgresFairnessTest() {
        super(Servers.postgres());
    }
}
