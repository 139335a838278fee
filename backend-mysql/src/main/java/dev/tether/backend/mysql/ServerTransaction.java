package dev.tether.backend.mysql;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;

/**
 * The server's "in transaction" status flag, which MySQL and MariaDB send with every reply and
 * Connector/J keeps ({@code ServerSession.inTransactionOnServer()}): no round trip. Connector/J has no
 * stable module name to require, so its types are looked up once by name.
 */
final class ServerTransaction {
    private static final System.Logger LOG = System.getLogger("dev.tether.backend.mysql");
    private static final Class<?> MYSQL_CONNECTION;
    private static final MethodHandle IN_TRANSACTION;

    static {
        Class<?> connectionType = null;
        MethodHandle inTransaction = null;
        try {
            ClassLoader loader = ServerTransaction.class.getClassLoader();
            connectionType = Class.forName("com.mysql.cj.MysqlConnection", false, loader);
            Class<?> session = Class.forName("com.mysql.cj.Session", false, loader);
            Class<?> serverSession = Class.forName("com.mysql.cj.protocol.ServerSession", false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            inTransaction = MethodHandles.filterReturnValue(MethodHandles.filterReturnValue(
                    lookup.findVirtual(connectionType, "getSession", MethodType.methodType(session)),
                    lookup.findVirtual(session, "getServerSession", MethodType.methodType(serverSession))),
                    lookup.findVirtual(serverSession, "inTransactionOnServer", MethodType.methodType(boolean.class)))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "Connector/J's transaction status is not readable (" + e + "); transactions opened "
                    + "with SQL under autocommit will not be rolled back at request end");
        }
        MYSQL_CONNECTION = connectionType;
        IN_TRANSACTION = inTransaction;
    }

    private ServerTransaction() {
    }

    /** Whether the session is inside a transaction, as of the server's last reply; false when unknown. */
    static boolean open(Connection connection) {
        if (IN_TRANSACTION == null) {
            return false;
        }
        try {
            return (boolean) IN_TRANSACTION.invokeExact(connection.unwrap(MYSQL_CONNECTION));
        } catch (Throwable e) {
            return false;
        }
    }
}
