package dev.tether.micronaut;

import dev.tether.engine.Tether;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import java.io.InputStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.stream.BaseStream;
import org.reactivestreams.Publisher;

/**
 * Every HTTP request is one Tether unit of work: started by a request filter before any other filter and the
 * controller, finished by a response filter after every other one once the response is ready — before it is
 * written, so the next request on the same HTTP connection finds the connection back — or, for a body that is
 * still to be produced while it is written ({@link #producedWhileWritten}), once the response has been written,
 * failed, or abandoned by the client
 * ({@link HttpRequestTerminatedEvent}, which the server publishes on another thread after that). A request that
 * never reaches the response filter ends on that event too. Turn it off with {@code tether.http.enabled: false}.
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

    @ResponseFilter
    void responseReady(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!producedWhileWritten(response.body())) {
            finish(request);
        }
    }

    /**
     * Whether a body is read only while the response is written, so it may still need the request's connection:
     * a stream of any kind (a {@code Stream} from a JDBC repository reads its {@code ResultSet} as it goes), an
     * iterator or an iterable that is not a collection.
     */
    static boolean producedWhileWritten(Object body) {
        return body instanceof Publisher<?> || body instanceof Writable || body instanceof InputStream
                || body instanceof FileCustomizableResponseType || body instanceof BaseStream<?, ?>
                || body instanceof Iterator<?> || body instanceof Iterable<?> && !(body instanceof Collection<?>);
    }

    @Override
    public void onApplicationEvent(HttpRequestTerminatedEvent event) {
        finish(event.getSource());
    }

    private static void finish(HttpRequest<?> request) {
        request.getAttribute(ATTRIBUTE, RequestContext.class).ifPresent(RequestContext::finish);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
