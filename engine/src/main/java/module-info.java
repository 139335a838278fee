/** Tether's engine: Django's connection lifecycle on thread- or context-local persistence, with a cap. */
module dev.tether.engine {
    requires transitive dev.tether.api;
    requires jdk.jfr;

    exports dev.tether.engine;
}
