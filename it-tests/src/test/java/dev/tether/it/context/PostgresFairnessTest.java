package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresFairnessTest extends FairnessContract {
    PostgresFairnessTest() {
        super(Servers.postgres());
    }
}
