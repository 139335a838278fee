/** Tether's pool figures and timings as Micrometer meters, under OpenTelemetry's database-client names. */
module dev.tether.micrometer {
    requires transitive dev.tether.engine;
    requires transitive micrometer.core;

    exports dev.tether.micrometer;
}
