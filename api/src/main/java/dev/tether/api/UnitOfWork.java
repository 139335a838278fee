package dev.tether.api;

/**
 * A request-like scope for code outside HTTP (jobs, consumers, command-line tools): opening one
 * sends "request started", closing it sends "request finished". Nested units are joined to the
 * outermost one. Closing is idempotent and may happen on another thread than opening.
 */
public interface UnitOfWork extends AutoCloseable {
    @Override
    void close();
}
