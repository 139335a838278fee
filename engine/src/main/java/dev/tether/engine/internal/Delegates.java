package dev.tether.engine.internal;

import java.sql.SQLException;
import java.sql.Wrapper;

/** What the tracked delegates share beyond plain delegation: unwrapping to themselves or the driver's object. */
final class Delegates {
    private Delegates() {
    }

    /** The delegate itself when it is an {@code iface}, else what the driver's object unwraps to. */
    static <T> T unwrap(Wrapper tracked, Wrapper driverObject, Class<T> iface, ConnectionView view)
            throws SQLException {
        if (iface.isInstance(tracked)) {
            return iface.cast(tracked);
        }
        try {
            return driverObject.unwrap(iface);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    static boolean isWrapperFor(Wrapper tracked, Wrapper driverObject, Class<?> iface, ConnectionView view)
            throws SQLException {
        try {
            return iface.isInstance(tracked) || driverObject.isWrapperFor(iface);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    /** Closes a driver object for {@link OpenStatements#closeAll()}, ignoring any error. */
    static void closeQuietly(AutoCloseable driverObject) {
        try {
            driverObject.close();
        } catch (Exception e) {
            // the connection is being cleaned, not used: a statement that cannot close leaves with the driver
        }
    }
}
