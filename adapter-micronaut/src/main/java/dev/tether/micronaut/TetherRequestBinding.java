package dev.tether.micronaut;

import dev.tether.engine.Tether;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Every HTTP request is one Tether unit of work: started by a request filter before any other filter
 * and the controller, finished once the response has been written, failed, or abandoned by the client
 * ({@link HttpRequestTerminatedEvent}, which the server publishes exactly then). Turn it off with
 * {@code tether.http.enabled: false}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "tether.http.enabled", notEquals = "false")
final class TetherRequestBinding implements Ordered, ApplicationEventListener<HttpRequestTerminatedEvent> {
    private static final String ATTRIBUTE = RequestContext.class.getName();

    private final Tether tether;

    TetherRequestBinding(Tether tether) {
        this.tether = tether;
    }

    @RequestFilter
    void requestStarted(HttpRequest<?> request, MutablePropagatedContext propagated) {
        RequestContext context = new RequestContext();
        propagated.add(context);
        // The terminated event is published outside the request's propagated context: the request carries it there.
        request.setAttribute(ATTRIBUTE, context);
        context.start(tether);
    }

    @Override
    public void onApplicationEvent(HttpRequestTerminatedEvent event) {
        event.getSource().getAttribute(ATTRIBUTE, RequestContext.class).ifPresent(RequestContext::finish);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
