package dev.tether.spi;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Walks an {@link SQLException}'s causes and next exceptions, for backends' classification. */
public final class ErrorChain {
    private static final int MAX_LINKS = 32;

    private ErrorChain() {
    }

    /**
     * The error, its causes and its next exceptions (with theirs), each once and at most 32, cycles cut.
     *
     * @param error the error to walk
     * @return the links, the error first
     */
    public static List<Throwable> links(SQLException error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> links = new ArrayList<>();
        int hops = 0;
        for (SQLException next = error; next != null && hops++ < MAX_LINKS; next = next.getNextException()) {
            for (Throwable link = next; link != null && links.size() < MAX_LINKS && seen.add(link); link = link.getCause()) {
                links.add(link);
            }
        }
        return links;
    }

    /**
     * A broken connection anywhere in the chain wins (a batch can fail on data, then lose the link);
     * otherwise the first link {@code perLink} classifies (non-null) decides; otherwise {@link ErrorClass#OTHER}.
     *
     * @param error   the error to classify
     * @param perLink a link's class, or {@code null} when that link says nothing
     * @return the class of the whole chain
     */
    public static ErrorClass classify(SQLException error, Function<Throwable, ErrorClass> perLink) {
        ErrorClass decided = null;
        for (Throwable link : links(error)) {
            ErrorClass kind = perLink.apply(link);
            if (kind == ErrorClass.BROKEN) {
                return kind;
            }
            if (decided == null) {
                decided = kind;
            }
        }
        return decided == null ? ErrorClass.OTHER : decided;
    }
}
