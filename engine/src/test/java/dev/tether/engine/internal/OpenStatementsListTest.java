package dev.tether.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The list behind statement tracking: it holds only what is still open, whatever the order of closing. */
class OpenStatementsListTest {
    private final AtomicInteger driverCloses = new AtomicInteger();

    /** A driver statement that only counts its close() calls. */
    private Statement driverStatement(Class<? extends Statement> type) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        driverCloses.incrementAndGet();
                    }
                    return null;
                });
    }

    @Test
    void closedStatementsLeaveTheList() throws SQLException {
        OpenStatements open = new OpenStatements();
        Statement driver = driverStatement(Statement.class);
        for (int i = 0; i < 100_000; i++) {
            open.track(driver, Statement.class, null).close();
        }
        assertEquals(0, open.size(), "no growth from statements that were closed");
        open.closeAll();
        assertEquals(100_000, driverCloses.get(), "closeAll closed none of them again");
    }

    @Test
    void closeAllClosesWhatIsStillOpenWhateverTheOrderOfClosing() throws SQLException {
        OpenStatements open = new OpenStatements();
        List<Statement> made = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PreparedStatement driver = (PreparedStatement) driverStatement(PreparedStatement.class);
            made.add(open.track(driver, PreparedStatement.class, null));
        }
        for (int i : new int[]{0, 9, 4, 5}) { // first, last and middle nodes
            made.get(i).close();
        }
        assertEquals(6, open.size());
        open.closeAll();
        assertEquals(10, driverCloses.get());
        assertEquals(0, open.size());
        made.get(1).close(); // the user closing one afterwards is harmless
        assertEquals(0, open.size());
        open.track(driverStatement(Statement.class), Statement.class, null);
        assertEquals(1, open.size(), "the list is usable after closeAll");
    }
}
