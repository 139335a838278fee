package dev.tether.micronaut;

import dev.tether.engine.Tether;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Runs on the event loop after Tether's filter and records the wrapper it sees. */
@ServerFilter("/t/hop")
@Requires(property = "spec.name", value = "RequestLifecycleTest")
class WrapperCapturingFilter {
    static final String ATTRIBUTE = "test.wrapper";
    private final Tether tether;

    WrapperCapturingFilter(Tether tether) {
        this.tether = tether;
    }

    @RequestFilter
    void capture(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, tether.wrapper("default"));
    }
}
